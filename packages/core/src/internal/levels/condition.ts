import type { CoreIssueCode } from "../../CoreError.js";
import { compileCondition, type ConditionTree } from "../../compileCondition.js";
import type { ImpactCondition, ImpactSignals, LevelTest, NumberTest, SignalConditions } from "../../ImpactCondition.js";
import type { Issue, IssuePath } from "../../SupportOpsError.js";
import { listLabels, type RankIndex } from "./levelList.js";

/** Level lists a condition's severity/priority tests are read on. */
export interface ConditionLevels {
  readonly severity?: RankIndex;
  readonly priority?: RankIndex;
}

/** Checks the level names a structurally valid condition uses; returns issues with full paths. */
export function checkConditionLevels(condition: ImpactCondition, levels: ConditionLevels, path: IssuePath): Issue<CoreIssueCode>[] {
  if ("all" in condition) return condition.all.flatMap((sub, index) => checkConditionLevels(sub, levels, [...path, "all", index]));
  if ("any" in condition) return condition.any.flatMap((sub, index) => checkConditionLevels(sub, levels, [...path, "any", index]));
  if ("not" in condition) return checkConditionLevels(condition.not, levels, [...path, "not"]);
  const issues: Issue<CoreIssueCode>[] = [];
  for (const axis of ["severity", "priority"] as const) {
    const test = condition[axis];
    if (test === undefined) continue;
    const ranks = levels[axis];
    if (ranks === undefined) {
      issues.push({ code: "missing_levels", path: [...path, axis], message: `tests the ${axis} but no ${axis}Levels were given to createImpactRules` });
      continue;
    }
    const check = (value: string | null | undefined, at: IssuePath): void => {
      if (value === null || value === undefined || ranks.has(value)) return;
      issues.push({ code: "unknown_level", path: at, message: `"${value}" is not a ${axis} level; use one of ${listLabels([...ranks.keys()])}` });
    };
    check(test.eq, [...path, axis, "eq"]);
    check(test.atLeast, [...path, axis, "atLeast"]);
    check(test.atMost, [...path, axis, "atMost"]);
    test.in?.forEach((value, index) => check(value, [...path, axis, "in", index]));
  }
  return issues;
}

/** The current levels a condition's severity/priority tests read. */
interface CurrentLevels {
  readonly severity: string | null;
  readonly priority: string | null;
}

function numberHolds(test: NumberTest, value: number | undefined): boolean {
  if (value === undefined) return false;
  return (
    (test.gte === undefined || value >= test.gte) &&
    (test.gt === undefined || value > test.gt) &&
    (test.lte === undefined || value <= test.lte) &&
    (test.lt === undefined || value < test.lt) &&
    (test.eq === undefined || value === test.eq)
  );
}

function levelHolds(test: LevelTest, value: string | null, ranks: RankIndex | undefined): boolean {
  // Unset is below every level: rank Infinity.
  const rank = (level: string | null): number => (level === null ? Infinity : (ranks?.get(level) ?? Infinity));
  return (
    (test.eq === undefined || value === test.eq) &&
    (test.in === undefined || (value !== null && test.in.includes(value))) &&
    (test.atLeast === undefined || (value !== null && rank(value) <= rank(test.atLeast))) &&
    (test.atMost === undefined || rank(value) >= rank(test.atMost))
  );
}

/** What an impact condition is evaluated against. */
export interface ImpactContext {
  readonly signals: ImpactSignals;
  readonly current: CurrentLevels;
}

/** Compiles a validated impact condition once into a predicate (core's leaf syntax on the shared combinators). */
export function compileImpactCondition(condition: ImpactCondition, levels: ConditionLevels): (context: ImpactContext) => boolean {
  return compileCondition<SignalConditions, ImpactContext>(condition as ConditionTree<SignalConditions>, (leaf) => (context) =>
    leafHolds(leaf, context.signals, context.current, levels),
  );
}

function leafHolds(c: SignalConditions, signals: ImpactSignals, current: CurrentLevels, levels: ConditionLevels): boolean {
  return (
    (c.affectedCustomers === undefined || numberHolds(c.affectedCustomers, signals.affectedCustomers)) &&
    (c.affectedUsers === undefined || numberHolds(c.affectedUsers, signals.affectedUsers)) &&
    (c.childTickets === undefined || numberHolds(c.childTickets, signals.childTickets)) &&
    (c.security === undefined || (signals.security !== undefined && signals.security === c.security)) &&
    (c.serviceCriticality === undefined ||
      (signals.serviceCriticality !== undefined &&
        (c.serviceCriticality.eq === undefined || signals.serviceCriticality === c.serviceCriticality.eq) &&
        (c.serviceCriticality.in === undefined || c.serviceCriticality.in.includes(signals.serviceCriticality)))) &&
    (c.severity === undefined || levelHolds(c.severity, current.severity, levels.severity)) &&
    (c.priority === undefined || levelHolds(c.priority, current.priority, levels.priority))
  );
}

const OPERATORS: Record<string, string> = { gte: ">=", gt: ">", lte: "<=", lt: "<", eq: "=", in: "in", atLeast: "at least", atMost: "at most" };

/** A short human rendering of a condition, for default reasons: `childTickets >= 20 and security = true`. */
export function describeCondition(condition: ImpactCondition): string {
  if ("all" in condition) return `all(${condition.all.map(describeCondition).join(", ")})`;
  if ("any" in condition) return `any(${condition.any.map(describeCondition).join(", ")})`;
  if ("not" in condition) return `not(${describeCondition(condition.not)})`;
  const parts = Object.entries(condition).flatMap(([signal, test]: [string, unknown]) => {
    if (typeof test !== "object" || test === null) return [`${signal} = ${JSON.stringify(test)}`];
    return Object.entries(test).map(([op, value]: [string, unknown]) => `${signal} ${OPERATORS[op] ?? op} ${JSON.stringify(value)}`);
  });
  return parts.length === 0 ? "always" : parts.join(" and ");
}
