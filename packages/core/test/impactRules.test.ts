import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { z } from "zod";
import {
  ImpactConditionSchema,
  ImpactRulesSchema,
  PAGERDUTY_SEVERITY_LADDER,
  SERVICENOW_PRIORITY_MATRIX,
  SupportOpsError,
  createImpactRules,
  parseTicketLog,
  summarizeTicket,
  safeCreateImpactRules,
  type ImpactRuleDefinition,
  type ImpactRulesOptions,
  type Issue,
} from "@supportops/core";

const levels: ImpactRulesOptions = { severityLevels: ["SEV1", "SEV2", "SEV3", "SEV4"], priorityLevels: ["P1", "P2", "P3", "P4"] };

function rejection(rules: unknown, options: ImpactRulesOptions = levels): ReadonlyArray<Issue> {
  const result = safeCreateImpactRules(rules as ImpactRuleDefinition[], options);
  if (result.success) throw new Error("expected the rules to be rejected");
  expect(result.error).toBeInstanceOf(SupportOpsError);
  expect(result.error.code).toBe("invalid_impact_rules");
  return result.error.issues;
}

const thrown = (fn: () => unknown): SupportOpsError => thrownBy(SupportOpsError, fn);

const escalation = createImpactRules(
  [
    { id: "security", when: { security: true }, raise: { severity: "SEV1", priority: "P1" }, reason: "security issues are SEV1" },
    { id: "many-children", when: { childTickets: { gte: 20 } }, raise: { severity: "SEV2" } },
    {
      id: "critical-service",
      when: { all: [{ serviceCriticality: { in: ["1 - most critical", "2 - somewhat critical"] } }, { affectedCustomers: { gte: 10 } }] },
      raise: { priority: "P2" },
    },
    { id: "some-customers", when: { any: [{ affectedCustomers: { gte: 3 } }, { affectedUsers: { gt: 1000 } }] }, raise: { severity: "SEV3" } },
  ],
  levels,
);

describe("createImpactRules / evaluate", () => {
  it("the first matching rule applies, and its changes are ready to append as events", () => {
    expect(escalation.evaluate({ childTickets: 25, affectedCustomers: 50 }, { severity: "SEV4", priority: "P3" })).toStrictEqual({
      severity: "SEV2",
      priority: "P3",
      matched: { index: 1, id: "many-children" },
      changes: [{ type: "severity_changed", from: "SEV4", to: "SEV2", source: "rule", reason: "impact rule many-children: childTickets >= 20" }],
    });
  });

  it("a rule's own reason is used, and both axes can be raised at once", () => {
    expect(escalation.evaluate({ security: true }, { severity: "SEV3", priority: "P4" })).toStrictEqual({
      severity: "SEV1",
      priority: "P1",
      matched: { index: 0, id: "security" },
      changes: [
        { type: "severity_changed", from: "SEV3", to: "SEV1", source: "rule", reason: "security issues are SEV1" },
        { type: "priority_changed", from: "P4", to: "P1", source: "rule", reason: "security issues are SEV1" },
      ],
    });
  });

  it("never lowers: a matching rule whose target is below the current level changes nothing", () => {
    expect(escalation.evaluate({ affectedCustomers: 5 }, { severity: "SEV2", priority: "P1" })).toStrictEqual({
      severity: "SEV2",
      priority: "P1",
      matched: { index: 3, id: "some-customers" },
      changes: [],
    });
  });

  it("sets a level that was not set", () => {
    expect(escalation.evaluate({ affectedUsers: 5000 })).toStrictEqual({
      severity: "SEV3",
      priority: null,
      matched: { index: 3, id: "some-customers" },
      changes: [{ type: "severity_changed", from: null, to: "SEV3", source: "rule", reason: "impact rule some-customers: any(affectedCustomers >= 3, affectedUsers > 1000)" }],
    });
  });

  it("nothing matches: levels unchanged, matched null", () => {
    expect(escalation.evaluate({ affectedCustomers: 1, security: false }, { severity: "SEV4", priority: null })).toStrictEqual({
      severity: "SEV4",
      priority: null,
      matched: null,
      changes: [],
    });
  });

  it("all requires every part; an absent signal never matches a test", () => {
    expect(escalation.evaluate({ serviceCriticality: "1 - most critical", affectedCustomers: 12 }).matched).toStrictEqual({ index: 2, id: "critical-service" });
    expect(escalation.evaluate({ serviceCriticality: "3 - less critical", affectedCustomers: 12 }).matched).toStrictEqual({ index: 3, id: "some-customers" });
    expect(escalation.evaluate({ serviceCriticality: "1 - most critical" }).matched).toBeNull();
  });

  it("level tests: atLeast, atMost (unset counts as least severe), eq null, in; not; {} always holds", () => {
    const rules = createImpactRules(
      [
        { id: "sev2-up", when: { severity: { atLeast: "SEV2" }, priority: { in: ["P3", "P4"] } }, raise: { priority: "P2" } },
        { id: "unset", when: { severity: { eq: null } }, raise: { severity: "SEV4" } },
        { id: "low-and-many", when: { all: [{ severity: { atMost: "SEV3" } }, { not: { affectedUsers: { lt: 100 } } }] }, raise: { severity: "SEV2" } },
        { id: "floor", when: {}, raise: { priority: "P4" } },
      ],
      levels,
    );
    expect(rules.evaluate({}, { severity: "SEV1", priority: "P3" }).matched?.id).toBe("sev2-up");
    expect(rules.evaluate({}, { severity: "SEV1", priority: "P2" }).matched?.id).toBe("floor");
    expect(rules.evaluate({}, { severity: "SEV3", priority: "P4" }).matched?.id).toBe("low-and-many"); // affectedUsers absent: `lt` fails, `not` holds
    expect(rules.evaluate({ affectedUsers: 10 }, { severity: "SEV3", priority: "P4" }).matched?.id).toBe("floor");
    expect(rules.evaluate({}, {}).matched?.id).toBe("unset");
    expect(rules.evaluate({}, { severity: "SEV2", priority: null })).toStrictEqual({
      severity: "SEV2",
      priority: "P4",
      matched: { index: 3, id: "floor" },
      changes: [{ type: "priority_changed", from: null, to: "P4", source: "rule", reason: "impact rule floor: always" }],
    });
  });

  it("works with a preset ladder and matrix as level lists; an unnamed rule is called by its index", () => {
    const rules = createImpactRules([{ when: { affectedCustomers: { gte: 100 } }, raise: { severity: "SEV1", priority: "1 - Critical" } }], {
      severityLevels: PAGERDUTY_SEVERITY_LADDER.ids,
      priorityLevels: SERVICENOW_PRIORITY_MATRIX.priorities,
    });
    expect(rules.evaluate({ affectedCustomers: 100 }, { severity: "SEV3", priority: "1 - Critical" })).toStrictEqual({
      severity: "SEV1",
      priority: "1 - Critical",
      matched: { index: 0 },
      changes: [{ type: "severity_changed", from: "SEV3", to: "SEV1", source: "rule", reason: "impact rule [0]: affectedCustomers >= 100" }],
    });
  });

  it("is frozen and does not keep a reference to its input", () => {
    const input: ImpactRuleDefinition[] = [{ when: { childTickets: { gte: 2 } }, raise: { severity: "SEV2" } }];
    const rules = createImpactRules(input, levels);
    (input[0]!.when as { childTickets: { gte: number } }).childTickets.gte = 1000;
    expect(rules.evaluate({ childTickets: 3 }).severity).toBe("SEV2");
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules.rules[0]!.when)).toBe(true);
  });

  it("evaluate rejects bad signals and unknown current levels with invalid_input", () => {
    const error = thrown(() => escalation.evaluate({ affectedCustomers: -1, affectedCustomer: 3 } as never, { severity: "SEV9" }));
    expect(error.code).toBe("invalid_argument");
    expect(error.issues.map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["too_small", ["signals", "affectedCustomers"]],
      ["unrecognized_keys", ["signals", "affectedCustomer"]],
      ["unknown_level", ["current", "severity"]],
    ]);
  });

  it("changes become ticket events by adding id and at", () => {
    const outcome = escalation.evaluate({ security: true }, { severity: "SEV3", priority: "P3" });
    const log = parseTicketLog([
      { id: "e0", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", severity: "SEV3", priority: "P3" },
      ...outcome.changes.map((change, index) => ({ id: `r${index}`, at: "2026-03-09T09:30:00Z", ...change })),
    ]);
    const summary = summarizeTicket(log, { at: "2026-03-09T10:00:00Z" });
    expect([summary.severity, summary.priority]).toStrictEqual(["SEV1", "P1"]);
  });

  it("schemas export to JSON Schema", () => {
    expect(() => z.toJSONSchema(ImpactRulesSchema, { io: "input" })).not.toThrow();
    expect(ImpactConditionSchema.safeParse({ not: { security: true } }).success).toBe(true);
  });
});

describe("createImpactRules errors", () => {
  it("unknown_level in a raise and deep in a condition", () => {
    expect(
      rejection([
        { when: { any: [{ security: true }, { all: [{ priority: { atLeast: "P0" } }] }] }, raise: { severity: "SEV5" } },
      ]),
    ).toStrictEqual([
      { code: "unknown_level", path: [0, "when", "any", 1, "all", 0, "priority", "atLeast"], message: '"P0" is not a priority level; use one of "P1", "P2", "P3" or "P4"' },
      { code: "unknown_level", path: [0, "raise", "severity"], message: '"SEV5" is not a severity level; use one of "SEV1", "SEV2", "SEV3" or "SEV4"' },
    ]);
  });

  it("missing_levels when an axis is used without its level list", () => {
    expect(rejection([{ when: { severity: { in: ["SEV1"] } }, raise: { priority: "P1" } }], { priorityLevels: ["P1"] })).toStrictEqual([
      { code: "missing_levels", path: [0, "when", "severity"], message: "tests the severity but no severityLevels were given to createImpactRules" },
    ]);
    expect(rejection([{ when: {}, raise: { severity: "SEV1" } }], {})).toStrictEqual([
      { code: "missing_levels", path: [0, "raise", "severity"], message: "raises the severity but no severityLevels were given to createImpactRules" },
    ]);
  });

  it("empty_raise, empty_test, mixed_condition", () => {
    expect(rejection([{ when: { childTickets: {} }, raise: {} }]).map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["empty_test", [0, "when", "childTickets"]],
      ["empty_raise", [0, "raise"]],
    ]);
    expect(rejection([{ when: { all: [{ security: true }], childTickets: { gte: 1 } }, raise: { severity: "SEV1" } }])).toStrictEqual([
      {
        code: "mixed_condition",
        path: [0, "when"],
        message: 'a condition is either signal tests or exactly one of all/any/not; found "all" and "childTickets" together — wrap them in { all: [...] }',
      },
    ]);
  });

  it("duplicate_rule", () => {
    expect(
      rejection([
        { id: "a", when: {}, raise: { severity: "SEV1" } },
        { id: "a", when: {}, raise: { severity: "SEV2" } },
      ]),
    ).toStrictEqual([{ code: "duplicate_rule", path: [1, "id"], message: '"a" is already the id of rule [0]; give each rule its own id' }]);
  });

  it("zod codes for unknown signals, wrong types and empty combinators", () => {
    expect(
      rejection([
        { when: { affectedCustomer: { gte: 1 } }, raise: { severity: "SEV1" } },
        { when: { affectedUsers: { gte: "10" } }, raise: { severity: "SEV1" } },
        { when: { any: [] }, raise: { severity: "SEV1" } },
        { when: { security: true }, raise: { severity: "SEV1" }, then: "x" },
      ]).map((issue) => [issue.code, issue.path]),
    ).toStrictEqual([
      ["unrecognized_keys", [0, "when", "affectedCustomer"]],
      ["invalid_type", [1, "when", "affectedUsers", "gte"]],
      ["too_small", [2, "when", "any"]],
      ["unrecognized_keys", [3, "then"]],
    ]);
    expect(rejection([], { severityLevels: [] }).map((issue) => [issue.code, issue.path])).toStrictEqual([["too_small", ["options", "severityLevels"]]]);
  });
});
