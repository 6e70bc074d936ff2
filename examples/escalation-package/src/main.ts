/**
 * From a messy support ticket to an escalation package engineering can act on:
 * 1. draft a package from the ticket's free text and fields,
 * 2. see what validation says is missing (unsanitised evidence, a wrong priority…),
 * 3. redact personal data and secrets (keyed pseudonyms keep the customer linkable),
 * 4. validate, score and render it for Jira and GitHub.
 */
import { readFileSync } from "node:fs";
import { createPriorityMatrix, formatIssues, toEpochMs } from "@supportops/core";
import {
  createEscalationPackage,
  redact,
  renderEscalation,
  safeCreateEscalationPackage,
  scoreEscalation,
} from "@supportops/escalation";

interface RawTicket {
  ticket: {
    id: string;
    subject: string;
    created: string;
    requester: string;
    priority: string;
    tags: string[];
    custom_fields: Record<string, string>;
    related: string;
  };
  comments: Array<{ author: string; at: string; public: boolean; body: string }>;
  attachments: Array<{ name: string; captured: string; text: string }>;
}

const raw = JSON.parse(readFileSync(new URL("./ticket.json", import.meta.url), "utf8")) as RawTicket;
const NOW = "2026-03-09T15:00:00Z";
// In production the key comes from your secret store, one per tenant; never from the evidence.
const PSEUDONYM_KEY = "example-tenant-key-do-not-use";

// --- 1. Draft: pull structure out of the free text --------------------------------------------
// A package's `…At` fields take an ISO-8601 time with an offset or epoch milliseconds (and hold epoch ms
// once parsed), so the helpdesk's "2026-03-09 14:05:00 +0000" only needs to become one instant.
const instant = (messy: string): number => toEpochMs(messy.replace(" ", "T").replace(" +0000", "Z"));
const note = raw.comments.find((c) => !c.public)?.body ?? "";
const linesAfter = (label: string): string[] =>
  note
    .split("\n")
    .filter((line) => line.toLowerCase().startsWith(label))
    .map((line) => line.slice(label.length).trim());
const steps = note
  .split("\n")
  .filter((line) => line.startsWith("- "))
  .map((line, i) => ({ n: i + 1, action: line.slice(2).replace(/^./, (c) => c.toUpperCase()) }));
const [release, build] = (raw.ticket.custom_fields["App version"] ?? "").split(/\s+\(|\)/);

const draft = {
  schemaVersion: "1",
  id: "01JQ3V8Z6M4K2T9P7R5X1C0B8N",
  ticketId: raw.ticket.id,
  relatedTicketIds: raw.ticket.related.split(",").map((s) => s.trim()),
  dedupKey: "checkout-500-spring10-eur",
  summary: "Checkout returns HTTP 500 for EU carts with discount code SPRING10",
  kind: "bug",
  severity: "SEV2",
  priority: "P1", // the agent typed "high"; the matrix says otherwise (see below)
  priorityBasis: { impact: "medium", urgency: "high" },
  target: "engineering",
  service: raw.ticket.custom_fields["Service"] ?? "unknown",
  environment: (raw.ticket.custom_fields["Env"] ?? "").toLowerCase() === "prod" ? "production" : "staging",
  release,
  buildId: build,
  platform: raw.ticket.custom_fields["Browser"],
  reproducible: "always",
  reproVerifiedBySupport: true,
  reproSteps: steps,
  expected: linesAfter("expected:")[0],
  actual: linesAfter("actual:")[0],
  errorText: "PricingError: discount rule 'SPRING10' has no currency for EUR",
  firstSeenAt: instant(raw.comments[0]?.at ?? raw.ticket.created),
  lastSeenAt: instant(raw.attachments[0]?.captured ?? raw.ticket.created),
  reportedAt: instant(raw.ticket.created),
  correlation: { traceIds: note.match(/\b[0-9a-f]{32}\b/g) ?? [], requestIds: note.match(/\breq_\w+/g) ?? [] },
  evidence: raw.attachments.map((a) => ({ kind: "log", title: a.name, inline: a.text, capturedAt: instant(a.captured), sanitized: false })),
  impact: { customersAffected: 42, accounts: [raw.ticket.requester], blocked: true, workaroundAvailable: false, trend: "growing" },
  businessUrgency: { needBy: "2026-03-10T09:00:00Z", reason: "Spring campaign emails go out tomorrow at 10:00 CET", slaState: "at-risk" },
  ask: "Fix the EUR currency mapping for discount rules, or disable SPRING10 until it is fixed",
  attempts: linesAfter("tried:").map((line) => {
    const [action = line, result = "no result noted"] = line.split("->").map((s) => s.trim());
    return { action, result };
  }),
  taxonomy: { code: "billing.checkout.discounts", version: "2026-02" },
};

const priorityMatrix = createPriorityMatrix({
  impact: ["high", "medium", "low"],
  urgency: ["high", "medium", "low"],
  priorities: ["P1", "P2", "P3", "P4", "P5"],
  table: {
    high: { high: "P1", medium: "P2", low: "P3" },
    medium: { high: "P2", medium: "P3", low: "P4" },
    low: { high: "P3", medium: "P4", low: "P5" },
  },
});

// --- 2. Validate the draft: the errors say what to add or fix -------------------------------
const first = safeCreateEscalationPackage(draft, { now: NOW, priorityMatrix });
console.log("== The draft is not ready ==");
console.log(first.success ? "(unexpectedly valid)" : formatIssues(first.error.issues));

// --- 3. Redact: secrets first, then personal data, as keyed pseudonyms ------------------------
const pseudonymize = { mode: "pseudonymize", key: PSEUDONYM_KEY, keyVersion: "k1" } as const;
const evidence = draft.evidence.map((item) => {
  const { value, report } = redact(item.inline, pseudonymize);
  return { ...item, inline: value, sanitized: true, redactionReport: report };
});
const accounts = draft.impact.accounts.map((account) => {
  const email = /<([^>]+)>/.exec(account)?.[1] ?? account;
  return redact(email, pseudonymize).value;
});
const fixed = {
  ...draft,
  priority: "P2", // what the matrix says for medium impact × high urgency
  evidence,
  impact: { ...draft.impact, accounts },
};

// --- 4. Validate, score, render ---------------------------------------------------------------
const pkg = createEscalationPackage(fixed, { now: NOW, priorityMatrix, environments: ["production", "staging"] });
const score = scoreEscalation(pkg);
console.log("\n== Redacted evidence ==");
console.log(pkg.evidence?.[0]?.inline);
console.log("\n== Quality score ==");
console.log(`${score.score} / 5 (${score.percent}%)${score.gated ? " — gated: raw personal data or secrets" : ""}`);
for (const d of score.dimensions) {
  console.log(`  ${d.id.padEnd(16)} ${d.score}${d.missing.length > 0 ? `  add: ${d.missing.join("; ")}` : ""}`);
}
console.log("\n== Jira ==");
console.log(renderEscalation(pkg, "jira"));
console.log("== GitHub (first lines) ==");
console.log(renderEscalation(pkg, "github").split("\n").slice(0, 8).join("\n"));
