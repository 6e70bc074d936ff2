// Escalation packages (@supportops/escalation): validate a package, score it, see what to add.
import { formatPath } from "@supportops/core";
import {
  createEscalationPackage,
  createEscalationPolicy,
  renderEscalation,
  safeCreateEscalationPackage,
  scoreEscalation,
} from "@supportops/escalation";

const NOW = "2026-03-09T15:00:00Z";

const sample = {
  schemaVersion: "1",
  id: "01JQ3V8Z6M4K2T9P7R5X1C0B8N",
  ticketId: "ZD-48213",
  summary: "Checkout returns HTTP 500 for EU carts with discount code SPRING10",
  kind: "bug",
  severity: "SEV2",
  priority: "P2",
  target: "engineering",
  service: "checkout",
  environment: "production",
  release: "2026.03.2",
  platform: "Chrome 133 / macOS 15",
  reproducible: "always",
  reproSteps: [
    { n: 1, action: "Sign in as any EU customer" },
    { n: 2, action: "Apply code SPRING10 to any cart" },
    { n: 3, action: "Click Pay on the checkout page" },
  ],
  expected: "The order is placed and the confirmation shows the discounted total",
  actual: "The page says 'Something went wrong' and the API returns HTTP 500",
  firstSeenAt: "2026-03-09T08:12:00Z",
  reportedAt: "2026-03-09T14:05:00Z",
  correlation: { traceIds: ["4bf92f3577b34da6a3ce929d0e0e4736"] },
  impact: { customersAffected: 42, blocked: true, workaroundAvailable: false, trend: "growing" },
  businessUrgency: { reason: "Spring campaign emails go out tomorrow", slaState: "at-risk" },
  ask: "Fix the EUR currency mapping for discount rules",
  attempts: [{ action: "Tried SPRING10 with a USD account", result: "Works, so the problem is EUR-only" }],
  taxonomy: { code: "billing.checkout.discounts", version: "2026-02" },
} as const;

/** Lines showing a package being validated, scored and rendered, and an escalation policy's schedule. */
export function escalationDemo(): string[] {
  const lines: string[] = [];

  // A SEV2 bug without correlation ids or repro steps is refused, with paths that say what to add.
  const { correlation: _c, reproSteps: _s, ...incomplete } = sample;
  const refused = safeCreateEscalationPackage(incomplete, { now: NOW });
  if (!refused.success) {
    lines.push("An incomplete SEV2 bug is refused:");
    for (const issue of refused.error.issues) lines.push(`  ${formatPath(issue.path)}: ${issue.message}`);
  }

  const pkg = createEscalationPackage(sample, { now: NOW });
  const score = scoreEscalation(pkg);
  lines.push("", `Quality score: ${score.score} / 5 (${score.percent}%)${score.gated ? ", gated" : ""}`);
  for (const d of score.dimensions) {
    lines.push(`  ${d.id.padEnd(16)} ${d.score}${d.missing.length > 0 ? `  to improve, add: ${d.missing.join("; ")}` : ""}`);
  }

  lines.push("", "As plain text (first lines):");
  lines.push(...renderEscalation(pkg, "text").split("\n").slice(0, 6).map((line) => `  ${line}`));

  const policy = createEscalationPolicy({
    levels: [
      { after: "PT30M", relativeTo: "created", targets: ["team:l2-oncall"] },
      { after: "PT1H", relativeTo: "previousLevel", targets: ["user:support-manager"] },
    ],
    stopOn: ["acknowledged", "resolved"],
  });
  const created = pkg.reportedAt; // every …At field of a package is epoch milliseconds
  const due = policy.due([{ type: "escalated", at: created }], { at: created + 45 * 60_000 });
  lines.push("", "Escalation policy, 45 minutes after escalating and nobody has acknowledged:");
  const iso = (ms: number): string => new Date(ms).toISOString();
  for (const fired of due.fired) lines.push(`  fired level ${fired.level} at ${iso(fired.firesAt)} → ${fired.targets.join(", ")}`);
  if (due.next !== null) lines.push(`  next: level ${due.next.level} at ${iso(due.next.firesAt)} → ${due.next.targets.join(", ")}`);
  return lines;
}
