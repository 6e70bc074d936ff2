import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createImpactRules, type ImpactCondition, type ImpactRuleDefinition, type ImpactSignals } from "@supportops/core";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const PRIORITIES = ["P1", "P2", "P3", "P4", "P5"] as const;
const options = { severityLevels: SEVERITIES, priorityLevels: PRIORITIES };
const CRITICALITIES = ["high", "medium", "low"] as const;

const count = fc.integer({ min: 0, max: 60 });
const numberTest = fc
  .record({ gte: count, gt: count, lte: count, lt: count, eq: count }, { requiredKeys: [] })
  .filter((test) => Object.keys(test).length > 0);
const levelTest = (levels: ReadonlyArray<string>) =>
  fc
    .record(
      {
        eq: fc.option(fc.constantFrom(...levels), { nil: null }),
        in: fc.uniqueArray(fc.constantFrom(...levels), { minLength: 1 }),
        atLeast: fc.constantFrom(...levels),
        atMost: fc.constantFrom(...levels),
      },
      { requiredKeys: [] },
    )
    .filter((test) => Object.keys(test).length > 0);
const signalTests: fc.Arbitrary<ImpactCondition> = fc.record(
  {
    affectedCustomers: numberTest,
    affectedUsers: numberTest,
    childTickets: numberTest,
    security: fc.boolean(),
    serviceCriticality: fc.oneof(
      fc.record({ eq: fc.constantFrom(...CRITICALITIES) }),
      fc.record({ in: fc.uniqueArray(fc.constantFrom(...CRITICALITIES), { minLength: 1 }) }),
    ),
    severity: levelTest(SEVERITIES),
    priority: levelTest(PRIORITIES),
  },
  { requiredKeys: [] },
);

const { condition: conditionArb } = fc.letrec<{ condition: ImpactCondition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    signalTests,
    fc.record({ all: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("condition") }),
  ),
}));

const raiseArb = fc
  .record({ severity: fc.constantFrom(...SEVERITIES), priority: fc.constantFrom(...PRIORITIES) }, { requiredKeys: [] })
  .filter((raise) => Object.keys(raise).length > 0);
const ruleArb: fc.Arbitrary<ImpactRuleDefinition> = fc.record({ when: conditionArb, raise: raiseArb });
const rulesArb = fc.array(ruleArb, { maxLength: 6 });

const signalsArb: fc.Arbitrary<ImpactSignals> = fc.record(
  { affectedCustomers: count, affectedUsers: count, childTickets: count, security: fc.boolean(), serviceCriticality: fc.constantFrom(...CRITICALITIES) },
  { requiredKeys: [] },
);
const currentArb = fc.record({
  severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: null }),
  priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null }),
});

const rank = (levels: ReadonlyArray<string>, level: string | null): number => (level === null ? Infinity : levels.indexOf(level));

/** Whether a single rule with this condition matches. */
function holds(when: ImpactCondition, signals: ImpactSignals, current: { severity: string | null; priority: string | null }): boolean {
  return createImpactRules([{ when, raise: { severity: "SEV4" } }], options).evaluate(signals, current).matched !== null;
}

describe("impact rules", () => {
  test.prop([rulesArb, signalsArb, currentArb], { numRuns: numRuns(150) })("rules never lower a level, and changes lead from the current levels to the result", (rules, signals, current) => {
    const result = createImpactRules(rules, options).evaluate(signals, current);
    expect(rank(SEVERITIES, result.severity)).toBeLessThanOrEqual(rank(SEVERITIES, current.severity));
    expect(rank(PRIORITIES, result.priority)).toBeLessThanOrEqual(rank(PRIORITIES, current.priority));
    const applied: { severity: string | null; priority: string | null } = { ...current };
    for (const change of result.changes) {
      const axis = change.type === "severity_changed" ? "severity" : "priority";
      const levels = axis === "severity" ? SEVERITIES : PRIORITIES;
      expect(change.from).toBe(applied[axis]);
      expect(rank(levels, change.to)).toBeLessThan(rank(levels, change.from));
      expect(change.source).toBe("rule");
      applied[axis] = change.to;
    }
    expect(applied).toStrictEqual({ severity: result.severity, priority: result.priority });
  });

  test.prop([rulesArb, signalsArb, currentArb], { numRuns: numRuns(100) })("the first rule that matches on its own is the one applied, raising to at least its target", (rules, signals, current) => {
    const result = createImpactRules(rules, options).evaluate(signals, current);
    const first = rules.findIndex((rule) => holds(rule.when, signals, current));
    expect(result.matched?.index ?? -1).toBe(first);
    const rule = rules[first];
    if (rule === undefined) {
      expect(result).toStrictEqual({ ...current, matched: null, changes: [] });
      return;
    }
    const expected = (levels: ReadonlyArray<string>, now: string | null, target: string | undefined): string | null =>
      target !== undefined && rank(levels, target) < rank(levels, now) ? target : now;
    expect(result.severity).toBe(expected(SEVERITIES, current.severity, rule.raise.severity));
    expect(result.priority).toBe(expected(PRIORITIES, current.priority, rule.raise.priority));
  });

  test.prop([conditionArb, conditionArb, signalsArb, currentArb], { numRuns: numRuns(100) })("all / any / not compose like and / or / not", (a, b, signals, current) => {
    const [ha, hb] = [holds(a, signals, current), holds(b, signals, current)];
    expect(holds({ all: [a, b] }, signals, current)).toBe(ha && hb);
    expect(holds({ any: [a, b] }, signals, current)).toBe(ha || hb);
    expect(holds({ not: a }, signals, current)).toBe(!ha);
  });

  test.prop([fc.constantFrom("affectedCustomers", "affectedUsers", "childTickets"), count, count, currentArb], { numRuns: numRuns(200) })(
    "numeric tests agree with the comparison they name, and an absent signal never matches",
    (signal, threshold, value, current) => {
      const signals = { [signal]: value } as ImpactSignals;
      expect(holds({ [signal]: { gte: threshold } }, signals, current)).toBe(value >= threshold);
      expect(holds({ [signal]: { gt: threshold } }, signals, current)).toBe(value > threshold);
      expect(holds({ [signal]: { lte: threshold } }, signals, current)).toBe(value <= threshold);
      expect(holds({ [signal]: { lt: threshold } }, signals, current)).toBe(value < threshold);
      expect(holds({ [signal]: { eq: threshold } }, signals, current)).toBe(value === threshold);
      expect(holds({ [signal]: { gte: threshold } }, {}, current)).toBe(false);
    },
  );

  test.prop([fc.constantFrom(...SEVERITIES), currentArb], { numRuns: numRuns(100) })("atLeast / atMost read the ladder, an unset level being the least severe", (level, current) => {
    const now = rank(SEVERITIES, current.severity);
    const bound = rank(SEVERITIES, level);
    expect(holds({ severity: { atLeast: level } }, {}, current)).toBe(now <= bound);
    expect(holds({ severity: { atMost: level } }, {}, current)).toBe(now >= bound);
  });
});
