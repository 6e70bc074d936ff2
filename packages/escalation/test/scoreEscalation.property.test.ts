import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import {
  DEFAULT_ESCALATION_RUBRIC,
  createEscalationPackage,
  scoreEscalation,
  type EscalationPackage,
} from "@supportops/escalation";
import { NOW, fullBug } from "./fixtures.js";

const OPTIONAL = [
  "relatedTicketIds", "dedupKey", "component", "buildId", "platform", "configFlags", "reproVerifiedBySupport",
  "errorText", "lastSeenAt", "correlation", "evidence", "ruledOut", "workaround", "customerComms", "priorityBasis",
] as const;

/** Random valid packages: the complete bug with optional parts dropped and prose varied. */
const packageArb: fc.Arbitrary<EscalationPackage> = fc
  .record({
    drop: fc.subarray([...OPTIONAL]),
    kind: fc.constantFrom("bug", "performance", "data", "question"),
    steps: fc.array(fc.constantFrom("Open it", "Sign in as any EU customer", "Click Pay on the checkout page", "Wait"), { minLength: 2, maxLength: 4 }),
    reproducible: fc.constantFrom("always", "once", "no"),
    ask: fc.constantFrom("Please fix", "Fix the EUR currency mapping for discount rules today", "Look into it"),
    counts: fc.record({ customersAffected: fc.nat(1000), usersAffected: fc.nat(5000) }, { requiredKeys: [] }),
    needBy: fc.boolean(),
    attempts: fc.array(fc.record({ action: fc.constantFrom("Retried", "Cleared the cache"), result: fc.constantFrom("Failed", "Same HTTP 500") }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ drop, kind, steps, reproducible, ask, counts, needBy, attempts }) => {
    const input: Record<string, unknown> = {
      ...fullBug,
      kind,
      severity: "SEV3",
      reproducible,
      reproSteps: steps.map((action, i) => ({ n: i + 1, action })),
      ask,
      attempts,
      impact: { ...fullBug.impact, customersAffected: undefined, usersAffected: undefined, ...counts },
      businessUrgency: needBy ? fullBug.businessUrgency : { reason: fullBug.businessUrgency.reason, slaState: "within" },
    };
    for (const key of drop) delete input[key];
    const impact = input["impact"] as Record<string, unknown>;
    for (const key of Object.keys(impact)) if (impact[key] === undefined) delete impact[key];
    return createEscalationPackage(input, { now: NOW });
  });

/** Clean evidence: sanitised, with a report, nothing raw or masked inside. */
const cleanEvidenceArb = fc.record({
  kind: fc.constantFrom("log", "trace", "screenshot", "har", "stacktrace", "other"),
  inline: fc.constantFrom("GET /api/cart 500 in 1834 ms", "TimeoutError: pricing-api did not answer within 5 s", "retry 3 of 3 failed"),
  capturedAt: fc.integer({ min: Date.parse("2026-03-08T00:00:00Z"), max: Date.parse("2026-03-09T14:59:00Z") }).map((ms) => new Date(ms).toISOString()),
});

function withEvidence(pkg: EscalationPackage, extra: ReadonlyArray<{ kind: string; inline: string; capturedAt: string }>): EscalationPackage {
  const evidence = extra.map((e) => ({ ...e, sanitized: true, redactionReport: { counts: {}, engine: "supportops-redact@1" }, ...(e.kind === "screenshot" ? { redactedRegionsReviewed: true } : {}) }));
  return createEscalationPackage({ ...pkg, evidence: [...(pkg.evidence ?? []), ...evidence] }, { now: NOW });
}

const leakArb = fc.constantFrom("jane.doe@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", `ghp_${"a1B2c3D4e5".repeat(3)}abcdef`, "GB82 WEST 1234 5698 7654 32");
const leakFieldArb = fc.constantFrom("actual", "ask", "workaround", "evidence", "attempt");

describe("scoreEscalation properties", () => {
  test.prop([packageArb], { numRuns: numRuns(100) })("bounded, two decimals, percent = round((score − 1) × 25), the weighted mean of the dimensions", (pkg) => {
    const result = scoreEscalation(pkg);
    expect(result.score).toBeGreaterThanOrEqual(1);
    expect(result.score).toBeLessThanOrEqual(5);
    expect(Math.round(result.score * 100) / 100).toBe(result.score);
    expect(result.percent).toBe(Math.round((result.score - 1) * 25));
    for (const d of result.dimensions) expect(d.score >= 1 && d.score <= 5 && Number.isInteger(d.score)).toBe(true);
    const applicable = DEFAULT_ESCALATION_RUBRIC.dimensions.filter((d) => d.appliesTo === undefined || d.appliesTo.includes(pkg.kind));
    const total = applicable.reduce((s, d) => s + d.weight, 0);
    const mean = applicable.reduce((s, d, i) => s + d.weight * (result.dimensions[i]?.score ?? Number.NaN), 0) / total;
    expect(result.score).toBe(result.gated ? 1 : Math.round(mean * 100) / 100);
    // A dimension below 5 always says what to add next; at 5 nothing is missing.
    for (const d of result.dimensions) expect(d.missing.length === 0).toBe(d.score === 5);
  });

  test.prop([packageArb, fc.array(cleanEvidenceArb, { minLength: 1, maxLength: 3 })], { numRuns: numRuns(60) })(
    "monotone in added evidence: clean evidence never lowers a dimension or the score",
    (pkg, extra) => {
      const before = scoreEscalation(pkg);
      const after = scoreEscalation(withEvidence(pkg, extra));
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      after.dimensions.forEach((d, i) => expect(d.score).toBeGreaterThanOrEqual(before.dimensions[i]?.score ?? 6));
    },
  );

  test.prop([packageArb, leakArb, leakFieldArb], { numRuns: numRuns(60) })("the gate: raw personal data or a secret in any prose field caps the score at 1", (pkg, leak, field) => {
    const text = (s: string | undefined): string => `${s ?? "Details follow for the team"} (contact ${leak})`;
    const leaked =
      field === "evidence"
        ? withEvidence(pkg, [{ kind: "log", inline: text("log line"), capturedAt: "2026-03-09T13:00:00Z" }])
        : field === "attempt"
          ? createEscalationPackage({ ...pkg, attempts: [...pkg.attempts, { action: "Called the customer", result: text(undefined) }] }, { now: NOW })
          : createEscalationPackage({ ...pkg, [field]: text(pkg[field]) }, { now: NOW });
    const result = scoreEscalation(leaked);
    expect([result.score, result.percent, result.gated]).toStrictEqual([1, 0, true]);
    expect(result.dimensions.find((d) => d.id === "sanitisation")?.score).toBe(1);
  });
});
