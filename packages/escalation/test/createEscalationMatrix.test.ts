import { fc, test } from "@fast-check/vitest";
import { ATLASSIAN_SEVERITY_LADDER, PAGERDUTY_SEVERITY_LADDER } from "@supportops/core";
import { describe, expect } from "vitest";
import { numRuns, thrownBy } from "@supportops/test-utils";
import { EscalationError, createEscalationMatrix, safeCreateEscalationMatrix, type EscalationMatrixDefinition } from "@supportops/escalation";

function issuesOf(fn: () => unknown): unknown {
  const error = thrownBy(EscalationError, fn);
  return { code: error.code, paths: error.issues.map((i) => i.path) };
}

const matrix = createEscalationMatrix({
  rules: [
    { when: { severity: ["SEV1", "SEV2"] }, target: "incident-command" },
    { when: { category: ["security.*"] }, target: "security" },
    { when: { category: ["billing.*"], service: ["checkout", "payments-*"] }, target: "payments" },
    { when: { category: ["billing.*"] }, target: "billing-ops" },
  ],
  fallback: "l2-support",
});

// Random rules over a few patterns, for the oracle property below.
const patternArb = fc.constantFrom("billing.*", "billing.refunds", "security.*", "*", "checkout", "pay*");
const ruleArb = fc.record(
  {
    when: fc.record(
      {
        severity: fc.subarray([...PAGERDUTY_SEVERITY_LADDER.ids], { minLength: 1 }),
        category: fc.array(patternArb, { minLength: 1, maxLength: 2 }),
        service: fc.array(patternArb, { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    target: fc.constantFrom("a", "b", "c"),
  },
  { requiredKeys: ["target", "when"] },
).filter((rule) => Object.keys(rule.when).length > 0);
const valueArb = fc.option(fc.constantFrom("billing.refunds", "billing", "security.sso", "checkout", "payments"), { nil: undefined });

describe("createEscalationMatrix", () => {
  test("the compiled matrix is frozen all the way down", () => {
    const severities = matrix.rules[0]?.when?.severity as string[];
    expect(Object.isFrozen(matrix.rules[0]?.when)).toBe(true);
    expect(() => severities.push("SEV4")).toThrow(TypeError);
    expect(matrix.route({ severity: "SEV4" })).toStrictEqual({ target: "l2-support", rule: null });
  });

  test("first match wins, in order", () => {
    expect([
      matrix.route({ severity: "SEV1", category: "billing.refunds", service: "checkout" }),
      matrix.route({ severity: "SEV3", category: "security.sso" }),
      matrix.route({ severity: "SEV3", category: "billing.refunds", service: "payments-api" }),
      matrix.route({ severity: "SEV3", category: "billing.refunds", service: "reports" }),
      matrix.route({ severity: "SEV3", category: "billing.refunds" }),
      matrix.route({ severity: "SEV4", category: "billing" }),
    ]).toStrictEqual([
      { target: "incident-command", rule: 0 },
      { target: "security", rule: 1 },
      { target: "payments", rule: 2 },
      { target: "billing-ops", rule: 3 },
      { target: "billing-ops", rule: 3 },
      { target: "l2-support", rule: null },
    ]);
  });

  test("without a fallback an unmatched escalation routes nowhere", () => {
    const noFallback = createEscalationMatrix({ rules: [{ when: { severity: ["SEV1"] }, target: "ic" }] });
    expect(noFallback.route({ severity: "SEV5" })).toBeNull();
  });

  const bad: Array<[string, EscalationMatrixDefinition, ReadonlyArray<ReadonlyArray<string | number>>]> = [
    ["no rules and no fallback", { rules: [] }, [["rules"]]],
    ["a rule after a catch-all", { rules: [{ target: "a" }, { when: { severity: ["SEV1"] }, target: "b" }] }, [["rules", 1]]],
    ["an empty target", { rules: [{ when: { severity: ["SEV1"] }, target: " " }] }, [["rules", 0, "target"]]],
    ["an unknown severity", { rules: [{ when: { severity: ["SEV0" as never] }, target: "a" }] }, [["rules", 0, "when", "severity", 0]]],
    ["an empty severity list", { rules: [{ when: { severity: [] }, target: "a" }] }, [["rules", 0, "when", "severity"]]],
    ["a star inside a pattern", { rules: [{ when: { category: ["bill*ing"] }, target: "a" }] }, [["rules", 0, "when", "category", 0]]],
    ["an unknown condition", { rules: [{ when: { region: ["eu"] } as never, target: "a" }] }, [["rules", 0, "when", "region"]]],
    ["an empty fallback", { rules: [{ target: "a" }], fallback: "" }, [["fallback"]]],
  ];
  test.each(bad)("invalid_escalation_matrix: %s", (_name, def, paths) => {
    expect(issuesOf(() => createEscalationMatrix(def))).toStrictEqual({ code: "invalid_escalation_matrix", paths });
  });

  test("safeCreateEscalationMatrix", () => {
    const result = safeCreateEscalationMatrix({ rules: [] });
    expect(result.success ? null : result.error.code).toBe("invalid_escalation_matrix");
    expect(safeCreateEscalationMatrix({ rules: [{ target: "l2" }] }).success).toBe(true);
  });

  test("a route input the ladder does not know is invalid_argument, naming the ladder's levels", () => {
    const error = thrownBy(EscalationError, () => matrix.route({ severity: "critical" as never }));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "unknown_severity", path: ["severity"], message: '"critical" is not a level of the PagerDuty severity ladder; use one of "SEV1", "SEV2", "SEV3", "SEV4", "SEV5"' }],
    ]);
    expect(issuesOf(() => matrix.route(null as never))).toStrictEqual({ code: "invalid_argument", paths: [[]] });
    expect(issuesOf(() => matrix.route({ severity: "SEV1", category: 7 } as never))).toStrictEqual({ code: "invalid_argument", paths: [["category"]] });
  });

  test("a rule's severity the ladder does not know is named with the ladder's levels", () => {
    const error = thrownBy(EscalationError, () => createEscalationMatrix({ rules: [{ when: { severity: ["SEV4"] }, target: "a" }] }, { severityLadder: ATLASSIAN_SEVERITY_LADDER } as never));
    expect(error.issues).toStrictEqual([
      { code: "unknown_severity", path: ["rules", 0, "when", "severity", 0], message: '"SEV4" is not a level of the Atlassian severity ladder; use one of "SEV1", "SEV2", "SEV3"' },
    ]);
  });

  test("takes its severities from a core ladder", () => {
    const atlassian = createEscalationMatrix({ rules: [{ when: { severity: ["SEV1", "SEV2"] }, target: "incident-command" }], fallback: "l2" }, { severityLadder: ATLASSIAN_SEVERITY_LADDER });
    expect([atlassian.route({ severity: "SEV2" }), atlassian.route({ severity: "SEV3" })]).toStrictEqual([
      { target: "incident-command", rule: 0 },
      { target: "l2", rule: null },
    ]);
    expect(issuesOf(() => atlassian.route({ severity: "SEV5" as never }))).toStrictEqual({ code: "invalid_argument", paths: [["severity"]] });
    expect(issuesOf(() => createEscalationMatrix({ rules: [{ target: "a" }] }, null as never))).toStrictEqual({ code: "invalid_argument", paths: [[]] });
    expect(issuesOf(() => createEscalationMatrix({ rules: [{ target: "a" }] }, { severityLadder: PAGERDUTY_SEVERITY_LADDER, priorities: ["P1"] } as never))).toStrictEqual({
      code: "invalid_argument",
      paths: [["priorities"]],
    });
  });

  test.prop([fc.array(ruleArb, { maxLength: 5 }), fc.constantFrom(...PAGERDUTY_SEVERITY_LADDER.ids), valueArb, valueArb], { numRuns: numRuns(200) })(
    "agrees with a linear scan over the rules (oracle)",
    (rules, severity, category, service) => {
      const m = createEscalationMatrix({ rules, fallback: "fallback" });
      const input = { severity, ...(category === undefined ? {} : { category }), ...(service === undefined ? {} : { service }) };
      const ok = (patterns: ReadonlyArray<string> | undefined, value: string | undefined): boolean =>
        patterns === undefined || (value !== undefined && patterns.some((p) => (p.endsWith("*") ? value.startsWith(p.slice(0, -1)) : p === value)));
      const expected = rules.findIndex((r) => (r.when.severity === undefined || r.when.severity.includes(severity)) && ok(r.when.category, category) && ok(r.when.service, service));
      expect(m.route(input)).toStrictEqual(expected < 0 ? { target: "fallback", rule: null } : { target: rules[expected]?.target, rule: expected });
    },
  );
});

describe("createEscalationMatrix with hostile input", () => {
  test("unknown keys in the definition or a rule are refused, never ignored", () => {
    expect(issuesOf(() => createEscalationMatrix({ rules: [{ target: "a", whn: { severity: ["SEV1"] } }], fallbak: "l2" } as never))).toStrictEqual({
      code: "invalid_escalation_matrix",
      paths: [["fallbak"], ["rules", 0, "whn"]],
    });
  });

  test("a rule carrying a function or a value nested 5 000 deep is a typed error, not a DataCloneError or a RangeError", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    for (const extra of [() => 1, deep]) {
      expect(issuesOf(() => createEscalationMatrix({ rules: [{ target: "a", extra }] } as never))).toStrictEqual({ code: "invalid_escalation_matrix", paths: [["rules", 0, "extra"]] });
    }
  });

  test("the matrix keeps copies of the rules: changing the caller's objects later changes nothing", () => {
    const severity: Array<"SEV1" | "SEV2"> = ["SEV1"];
    const rule = { when: { severity }, target: "ic" };
    const m = createEscalationMatrix({ rules: [rule] });
    severity.push("SEV2");
    rule.target = "changed";
    expect([m.rules, m.route({ severity: "SEV2" })]).toStrictEqual([[{ when: { severity: ["SEV1"] }, target: "ic" }], null]);
    expect([Object.isFrozen(severity), Object.isFrozen(rule)]).toStrictEqual([false, false]);
  });
});
