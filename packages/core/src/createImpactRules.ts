import type { CoreIssueCode } from "./CoreError.js";
import { z } from "zod";
import { ImpactConditionSchema, ImpactSignalsSchema, type ImpactCondition, type ImpactSignals } from "./ImpactCondition.js";
import { checkConditionLevels, compileImpactCondition, describeCondition, type ConditionLevels } from "./internal/levels/condition.js";
import { LevelListSchema, listLabels, moreSevere, rankIndex } from "./internal/levels/levelList.js";
import { CoreError } from "./CoreError.js";
import { MAX_INPUT_DEPTH, checkDepth } from "./checkDepth.js";
import { describeValue } from "./describeValue.js";
import { deepFreeze } from "./deepFreeze.js";
import { issuesFromZod, zodErrorMap } from "./issuesFromZod.js";
import { safely, type Issue, type SafeResult } from "./SupportOpsError.js";

/**
 * What a matching rule raises the ticket to; levels already at or above the target stay as they are.
 *
 * @example
 * const raise: ImpactRaise = { severity: "SEV2", priority: "P1" };
 */
export interface ImpactRaise {
  /** The severity to raise to (at least). */
  readonly severity?: string;
  /** The priority to raise to (at least). */
  readonly priority?: string;
}

/**
 * One impact-growth rule in JSON form: when `when` holds, raise the levels to at least `raise`.
 *
 * @example
 * const rule: ImpactRuleDefinition = {
 *   id: "many-customers",
 *   when: { affectedCustomers: { gte: 10 } },
 *   raise: { severity: "SEV2" },
 *   reason: "10+ customers affected",
 * };
 */
export interface ImpactRuleDefinition {
  /** A stable name for reports and reasons, e.g. `"major-incident-children"`. */
  readonly id?: string;
  /** The condition over signals and current levels; see {@link ImpactCondition}. */
  readonly when: ImpactCondition;
  /** The levels to raise to; at least one of `severity` and `priority`. */
  readonly raise: ImpactRaise;
  /** The reason recorded on the changes it makes; defaults to the rule's id and condition. */
  readonly reason?: string;
}

/**
 * The level lists rules are read on, each most severe first.
 *
 * @example
 * const options: ImpactRulesOptions = { severityLevels: PAGERDUTY_SEVERITY_LADDER.ids, priorityLevels: ["P1", "P2", "P3"] };
 */
export interface ImpactRulesOptions {
  /** Severity levels, most severe first (e.g. `PAGERDUTY_SEVERITY_LADDER.ids`); needed when a rule raises or tests severity. */
  readonly severityLevels?: ReadonlyArray<string>;
  /** Priority labels, most urgent first (e.g. `matrix.priorities`); needed when a rule raises or tests priority. */
  readonly priorityLevels?: ReadonlyArray<string>;
}

/**
 * The ticket's levels before the rules run; absent or `null` means not set.
 *
 * @example
 * const current: CurrentImpactLevels = { severity: "SEV4", priority: null };
 */
export interface CurrentImpactLevels {
  /** The current severity. */
  readonly severity?: string | null;
  /** The current priority. */
  readonly priority?: string | null;
}

/**
 * A level change produced by a rule, shaped like a `severity_changed` / `priority_changed` ticket
 * event without `id` and `at`: add those and append it to the ticket's log.
 *
 * @example
 * const change: ImpactLevelChange = { type: "severity_changed", from: "SEV4", to: "SEV2", source: "rule", reason: "10+ customers affected" };
 */
export interface ImpactLevelChange {
  /** Which event this becomes. */
  readonly type: "severity_changed" | "priority_changed";
  /** The level before; `null` when none was set. */
  readonly from: string | null;
  /** The level after; always more severe than `from`. */
  readonly to: string;
  /** Always `"rule"`. */
  readonly source: "rule";
  /** Why: the rule's `reason`, or its id and condition. */
  readonly reason: string;
}

/**
 * What {@link ImpactRules.evaluate} found.
 *
 * @example
 * // rules: [{ id: "many-customers", when: { affectedCustomers: { gte: 10 } }, raise: { severity: "SEV2" }, reason: "10+ customers affected" }]
 * const evaluation: ImpactEvaluation = rules.evaluate({ affectedCustomers: 12 }, { severity: "SEV4" });
 * // => { severity: "SEV2", priority: null, matched: { index: 0, id: "many-customers" },
 * //      changes: [{ type: "severity_changed", from: "SEV4", to: "SEV2", source: "rule", reason: "10+ customers affected" }] }
 */
export interface ImpactEvaluation {
  /** The severity after the rules: the current one, or the matching rule's target if more severe. */
  readonly severity: string | null;
  /** The priority after the rules: the current one, or the matching rule's target if more urgent. */
  readonly priority: string | null;
  /** The first rule whose condition held (its index and id), or `null` when none did. */
  readonly matched: { readonly index: number; readonly id?: string } | null;
  /** The changes to record, severity first; empty when nothing was raised. */
  readonly changes: ReadonlyArray<ImpactLevelChange>;
}

/**
 * A validated, frozen, ordered list of impact-growth rules.
 *
 * @example
 * const rules: ImpactRules = createImpactRules(
 *   [{ id: "many-customers", when: { affectedCustomers: { gte: 10 } }, raise: { severity: "SEV2" }, reason: "10+ customers affected" }],
 *   { severityLevels: PAGERDUTY_SEVERITY_LADDER.ids },
 * );
 * rules.rules.length; // => 1
 */
export interface ImpactRules {
  /** The rules, in evaluation order. */
  readonly rules: ReadonlyArray<ImpactRuleDefinition>;
  /**
   * Finds the first rule whose condition holds and raises the levels to its targets. Rules never
   * lower a level: a target less severe than the current level leaves it unchanged.
   *
   * @throws {@link CoreError} with code `invalid_argument` when a signal has the wrong type or a current level is unknown
   *
   * @example
   * // rules from the ImpactRules example
   * rules.evaluate({ affectedCustomers: 12 }, { severity: "SEV4" }).severity; // => "SEV2"
   * rules.evaluate({ affectedCustomers: 3 }, { severity: "SEV4" }).matched;   // => null
   * rules.evaluate({ affectedCustomers: 12 }, { severity: "SEV1" }).changes;  // => [] (rules never lower a level)
   */
  evaluate(signals: ImpactSignals, current?: CurrentImpactLevels): ImpactEvaluation;
}

const ImpactRaiseSchema = z
  .strictObject({ severity: z.string().min(1).optional(), priority: z.string().min(1).optional() })
  .refine((raise) => raise.severity !== undefined || raise.priority !== undefined, {
    message: "raise at least one of severity and priority",
    params: { code: "empty_raise" },
  });

/**
 * Zod schema of one {@link ImpactRuleDefinition} (structure only; level names are checked by
 * {@link createImpactRules} against the level lists).
 *
 * @example
 * ImpactRuleSchema.safeParse({ when: { childTickets: { gte: 20 } }, raise: {} }).success; // => false
 */
export const ImpactRuleSchema = z.strictObject({
  id: z.string().min(1).optional(),
  when: ImpactConditionSchema,
  raise: ImpactRaiseSchema,
  reason: z.string().trim().min(1).optional(),
});

/**
 * Zod schema of an ordered list of impact rules (the first whose condition holds applies).
 *
 * @example
 * ImpactRulesSchema.safeParse([]).success; // => true
 */
export const ImpactRulesSchema = z.array(ImpactRuleSchema);

const OptionsSchema = z.strictObject({ severityLevels: LevelListSchema.optional(), priorityLevels: LevelListSchema.optional() });

/**
 * Validates and compiles ordered impact-growth rules: when a ticket's impact grows (more customers,
 * more child tickets, a security angle, a critical service), raise its severity and/or priority.
 * The first rule whose `when` holds applies, like ServiceNow's major-incident trigger rules, so list
 * the most severe rules first.
 *
 * Checks, each failure an issue with the path into the rules (`[2].when.all[0].severity.atLeast`):
 * the condition's structure (unknown signals and operators, empty tests `empty_test`, combinators mixed
 * with signal tests `mixed_condition`), a `raise` with at least one target (`empty_raise`), level names
 * known to the given level lists (`unknown_level`), and level lists given for every axis a rule uses
 * (`missing_levels`). Duplicate rule ids are rejected (`duplicate_rule`).
 *
 * @param rules - the rules in evaluation order; not mutated
 * @param options - the severity and priority level lists, most severe first
 * @returns frozen {@link ImpactRules}
 * @throws {@link CoreError} with code `invalid_impact_rules`
 * @example
 * const rules = createImpactRules(
 *   [
 *     { id: "security", when: { security: true }, raise: { severity: "SEV1" } },
 *     { id: "many-customers", when: { affectedCustomers: { gte: 10 } }, raise: { severity: "SEV2", priority: "P1" } },
 *   ],
 *   { severityLevels: ["SEV1", "SEV2", "SEV3"], priorityLevels: ["P1", "P2", "P3"] },
 * );
 * rules.evaluate({ affectedCustomers: 12 }, { severity: "SEV3", priority: "P1" });
 * // => { severity: "SEV2", priority: "P1", matched: { index: 1, id: "many-customers" },
 * //      changes: [{ type: "severity_changed", from: "SEV3", to: "SEV2", source: "rule", reason: "impact rule many-customers: affectedCustomers >= 10" }] }
 */
export function createImpactRules(rules: ReadonlyArray<ImpactRuleDefinition>, options: ImpactRulesOptions = {}): ImpactRules {
  const parsedOptions = OptionsSchema.safeParse(options, { error: zodErrorMap });
  if (!parsedOptions.success) throw new CoreError("invalid_impact_rules", issuesFromZod<CoreIssueCode>(parsedOptions.error, ["options"]));
  const tooDeep = checkDepth(rules, MAX_INPUT_DEPTH);
  if (tooDeep !== undefined) throw new CoreError("invalid_impact_rules", [tooDeep]);
  const parsed = ImpactRulesSchema.safeParse(rules, { error: zodErrorMap });
  if (!parsed.success) throw new CoreError("invalid_impact_rules", issuesFromZod<CoreIssueCode>(parsed.error));
  const { severityLevels, priorityLevels } = parsedOptions.data;
  const levels: ConditionLevels = {
    ...(severityLevels === undefined ? {} : { severity: rankIndex(severityLevels) }),
    ...(priorityLevels === undefined ? {} : { priority: rankIndex(priorityLevels) }),
  };

  const issues: Issue<CoreIssueCode>[] = [];
  const ids = new Map<string, number>();
  parsed.data.forEach((rule, index) => {
    if (rule.id !== undefined) {
      const first = ids.get(rule.id);
      if (first === undefined) ids.set(rule.id, index);
      else issues.push({ code: "duplicate_rule", path: [index, "id"], message: `"${rule.id}" is already the id of rule [${first}]; give each rule its own id` });
    }
    issues.push(...checkConditionLevels(rule.when as ImpactCondition, levels, [index, "when"]));
    for (const axis of ["severity", "priority"] as const) {
      const target = rule.raise[axis];
      if (target === undefined) continue;
      const ranks = levels[axis];
      if (ranks === undefined) issues.push({ code: "missing_levels", path: [index, "raise", axis], message: `raises the ${axis} but no ${axis}Levels were given to createImpactRules` });
      else if (!ranks.has(target)) issues.push({ code: "unknown_level", path: [index, "raise", axis], message: `"${target}" is not a ${axis} level; use one of ${listLabels([...ranks.keys()])}` });
    }
  });
  if (issues.length > 0) throw new CoreError("invalid_impact_rules", issues);

  const compiled = Object.freeze(structuredClone(parsed.data).map((rule) => deepFreeze(rule))) as ReadonlyArray<ImpactRuleDefinition>;
  const predicates = compiled.map((rule) => compileImpactCondition(rule.when, levels));

  const evaluate = (signals: ImpactSignals, current: CurrentImpactLevels = {}): ImpactEvaluation => {
    const tooDeep = checkDepth(signals, MAX_INPUT_DEPTH, ["signals"]);
    if (tooDeep !== undefined) throw new CoreError("invalid_argument", [tooDeep]);
    const parsedSignals = ImpactSignalsSchema.safeParse(signals, { error: zodErrorMap });
    const problems: Issue<CoreIssueCode>[] = parsedSignals.success ? [] : issuesFromZod<CoreIssueCode>(parsedSignals.error, ["signals"]);
    if (typeof current !== "object" || current === null || Array.isArray(current)) {
      throw new CoreError("invalid_argument", [
        { code: "invalid_argument", path: ["current"], message: `expected the current levels as { severity?, priority }, got ${describeValue(current)}` },
      ]);
    }
    const now = { severity: current.severity ?? null, priority: current.priority ?? null };
    for (const axis of ["severity", "priority"] as const) {
      const value: unknown = now[axis];
      const ranks = levels[axis];
      if (value !== null && ranks !== undefined && (typeof value !== "string" || !ranks.has(value))) {
        problems.push({ code: "unknown_level", path: ["current", axis], message: `${describeValue(value)} is not a ${axis} level; use one of ${listLabels([...ranks.keys()])}` });
      }
    }
    if (problems.length > 0) throw new CoreError("invalid_argument", problems);

    const index = predicates.findIndex((holds) => holds({ signals, current: now }));
    const rule = compiled[index];
    if (rule === undefined) return Object.freeze({ ...now, matched: null, changes: Object.freeze([]) });
    const reason = rule.reason ?? `impact rule ${rule.id ?? `[${index}]`}: ${describeCondition(rule.when)}`;
    const changes: ImpactLevelChange[] = [];
    const after = { ...now };
    for (const axis of ["severity", "priority"] as const) {
      const target = rule.raise[axis];
      const ranks = levels[axis];
      if (target === undefined || ranks === undefined) continue;
      const next = moreSevere(ranks, now[axis], target);
      if (next !== now[axis] && next !== null) {
        after[axis] = next;
        changes.push(Object.freeze({ type: `${axis}_changed` as const, from: now[axis], to: next, source: "rule" as const, reason }));
      }
    }
    return Object.freeze({
      ...after,
      matched: Object.freeze({ index, ...(rule.id === undefined ? {} : { id: rule.id }) }),
      changes: Object.freeze(changes),
    });
  };

  return Object.freeze({ rules: compiled, evaluate });
}

/**
 * {@link createImpactRules} without throwing.
 *
 * @param rules - the rules in evaluation order
 * @param options - the severity and priority level lists
 * @returns the rules, or the `invalid_impact_rules` error the throwing variant would raise
 * @example
 * safeCreateImpactRules([{ when: {}, raise: { severity: "SEV9" } }], { severityLevels: ["SEV1"] }).success; // => false
 */
export function safeCreateImpactRules(rules: unknown, options: unknown = {}): SafeResult<ImpactRules, CoreError> {
  return safely(CoreError, () => createImpactRules(rules as ReadonlyArray<ImpactRuleDefinition>, options as ImpactRulesOptions));
}
