import { describeValue, safely, type Issue, type IssuePath, type SafeResult, type SeverityLadder } from "@supportops/core";
import { z } from "zod";
import { EscalationError, type EscalationIssueCode } from "./EscalationError.js";
import type { DefaultEscalationSeverity } from "./EscalationVocabulary.js";
import { isRecord, listLabels } from "./internal/formats.js";
import { VOCABULARY_OPTIONS, checkOptions, resolveVocabulary, type ResolvedVocabulary } from "./internal/options.js";

/**
 * The conditions of one routing rule; every condition given must match, an absent one matches anything.
 *
 * @typeParam S - the severity ids of the matrix's ladder
 * @example
 * const condition: EscalationRouteCondition = { severity: ["SEV1", "SEV2"], service: ["payments-*"] };
 */
export interface EscalationRouteCondition<S extends string = DefaultEscalationSeverity> {
  /** The severities the rule applies to: level ids of the matrix's severity ladder. */
  readonly severity?: ReadonlyArray<S>;
  /** Category codes; a pattern ending in `*` matches by prefix (`"billing.*"` matches `"billing.refunds"`). */
  readonly category?: ReadonlyArray<string>;
  /** Service names; a pattern ending in `*` matches by prefix. */
  readonly service?: ReadonlyArray<string>;
}

/**
 * One rule of an {@link EscalationMatrixDefinition}.
 *
 * @example
 * const rule: EscalationRouteRule = { when: { category: ["billing.*"] }, target: "payments" };
 */
export interface EscalationRouteRule<S extends string = DefaultEscalationSeverity> {
  /** When the rule applies; omitted, it applies to everything (a catch-all, which must come last). */
  readonly when?: EscalationRouteCondition<S>;
  /** The team the escalation goes to. */
  readonly target: string;
}

/**
 * The definition {@link createEscalationMatrix} validates.
 *
 * @example
 * const definition: EscalationMatrixDefinition = {
 *   rules: [
 *     { when: { severity: ["SEV1", "SEV2"] }, target: "incident-command" },
 *     { when: { category: ["billing.*"] }, target: "payments" },
 *   ],
 *   fallback: "l2-support",
 * };
 */
export interface EscalationMatrixDefinition<S extends string = DefaultEscalationSeverity> {
  /** Ordered rules; the first that matches wins. */
  readonly rules: ReadonlyArray<EscalationRouteRule<S>>;
  /** The target when no rule matches; without it, `route` returns `null` then. */
  readonly fallback?: string;
}

/**
 * Options of {@link createEscalationMatrix}.
 *
 * @example
 * const options: EscalationMatrixOptions<"SEV1" | "SEV2" | "SEV3"> = { severityLadder: ATLASSIAN_SEVERITY_LADDER };
 */
export interface EscalationMatrixOptions<S extends string = DefaultEscalationSeverity> {
  /** The severity ladder whose level ids rules and routes use; core's `PAGERDUTY_SEVERITY_LADDER` (SEV1–SEV5) when omitted. */
  readonly severityLadder?: SeverityLadder<S>;
}

/**
 * What {@link EscalationMatrix.route} routes.
 *
 * @example
 * const input: EscalationRouteInput = { severity: "SEV3", category: "billing.refunds", service: "checkout" };
 */
export interface EscalationRouteInput<S extends string = DefaultEscalationSeverity> {
  /** The escalation's severity: a level id of the matrix's ladder. */
  readonly severity: S;
  /** Its category code, if known. */
  readonly category?: string;
  /** Its service, if known. */
  readonly service?: string;
}

/**
 * Where {@link EscalationMatrix.route} sent an escalation.
 *
 * @example
 * const route: EscalationRoute = { target: "payments", rule: 1 };
 */
export interface EscalationRoute {
  /** The target team. */
  readonly target: string;
  /** The index of the rule that matched, or `null` for the fallback. */
  readonly rule: number | null;
}

/**
 * A validated, frozen escalation matrix.
 *
 * @example
 * const matrix: EscalationMatrix = createEscalationMatrix({
 *   rules: [{ when: { category: ["billing.*"] }, target: "payments" }],
 * });
 * matrix.fallback; // => null
 */
export interface EscalationMatrix<S extends string = DefaultEscalationSeverity> {
  /** The rules, in order. */
  readonly rules: ReadonlyArray<EscalationRouteRule<S>>;
  /** The fallback target, if any. */
  readonly fallback: string | null;
  /**
   * The target of the first rule that matches, the fallback, or `null`. A rule with a `category` or
   * `service` condition does not match an input without that field.
   *
   * @throws {@link EscalationError} `invalid_argument` when the input is not an object (issue
   *   `invalid_type`) or its severity is not a level of the matrix's ladder (issue `unknown_severity`)
   *
   * @example
   * // matrix: SEV1/SEV2 → incident-command (rule 0), billing.* → payments (rule 1), fallback l2-support
   * matrix.route({ severity: "SEV1" });                              // => { target: "incident-command", rule: 0 }
   * matrix.route({ severity: "SEV3", category: "billing.refunds" }); // => { target: "payments", rule: 1 }
   * matrix.route({ severity: "SEV4" });                              // => { target: "l2-support", rule: null }
   */
  route(input: EscalationRouteInput<S>): EscalationRoute | null;
}

function matchesPattern(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
}

function matches(when: EscalationRouteCondition<string> | undefined, input: EscalationRouteInput<string>): boolean {
  if (when === undefined) return true;
  if (when.severity !== undefined && !when.severity.includes(input.severity)) return false;
  if (when.category !== undefined && !when.category.some((p) => matchesPattern(p, input.category))) return false;
  if (when.service !== undefined && !when.service.some((p) => matchesPattern(p, input.service))) return false;
  return true;
}

type Add = (path: IssuePath, message: string, code?: EscalationIssueCode) => void;
const CONDITIONS: ReadonlySet<string> = new Set(["severity", "category", "service"]);
const CONDITION_KEYS = ["severity", "category", "service"] as const;
const RULE_KEYS: ReadonlySet<string> = new Set(["when", "target"]);
const DEFINITION_KEYS: ReadonlySet<string> = new Set(["rules", "fallback"]);

/** Reports each key of `value` that is not one of `known`: a misspelt key must not vanish silently. */
function unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, path: IssuePath, what: string, add: Add): void {
  for (const key of Object.keys(value)) if (!known.has(key)) add([...path, key], `unknown key ${JSON.stringify(key)}; ${what}`);
}

/** The conditions of one rule: known keys, severities of the ladder, well-formed patterns. */
function checkConditions(when: Record<string, unknown>, path: IssuePath, vocabulary: ResolvedVocabulary, add: Add): void {
  for (const key of Object.keys(when)) if (!CONDITIONS.has(key)) add([...path, key], `unknown condition ${JSON.stringify(key)}; use severity, category or service`);
  const severity = when["severity"];
  if (severity !== undefined) {
    if (!Array.isArray(severity) || severity.length === 0) add([...path, "severity"], `list at least one severity, such as [${listLabels(vocabulary.severities.slice(0, 2))}]`);
    else {
      severity.forEach((s: unknown, i) => {
        if (typeof s !== "string" || !vocabulary.severities.includes(s)) {
          add([...path, "severity", i], `${describeValue(s)} is not a level of the ${vocabulary.ladderName} severity ladder; use one of ${listLabels(vocabulary.severities)}`, "unknown_severity");
        }
      });
    }
  }
  for (const key of ["category", "service"] as const) {
    const list = when[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      add([...path, key], `list at least one ${key} (a pattern ending in * matches by prefix)`);
      continue;
    }
    list.forEach((p: unknown, i) => {
      if (typeof p !== "string" || p === "" || p.slice(0, -1).includes("*")) {
        add([...path, key, i], `${describeValue(p)} is not a ${key} pattern; write an exact value or a prefix ending in *`);
      }
    });
  }
}

/** Validates a definition: rules well formed, none after a catch-all, a non-empty fallback. */
function validate(def: unknown, vocabulary: ResolvedVocabulary): Issue<EscalationIssueCode>[] {
  const issues: Issue<EscalationIssueCode>[] = [];
  const add: Add = (path, message, code = "invalid_escalation_matrix") => {
    issues.push({ code, path, message });
  };
  if (!isRecord(def) || !Array.isArray(def["rules"])) {
    add(["rules"], `expected { rules: [{ when?, target }], fallback? }, got ${describeValue(isRecord(def) ? def["rules"] : def)}`);
    return issues;
  }
  unknownKeys(def, DEFINITION_KEYS, [], "a matrix has rules and fallback", add);
  const rules: ReadonlyArray<unknown> = def["rules"];
  const fallback = def["fallback"];
  if (rules.length === 0 && fallback === undefined) add(["rules"], "a matrix needs at least one rule or a fallback");
  let catchAll: number | null = null;
  rules.forEach((rule, index) => {
    const path = ["rules", index];
    if (!isRecord(rule)) {
      add(path, `expected a rule { when?, target }, got ${describeValue(rule)}`);
      return;
    }
    unknownKeys(rule, RULE_KEYS, path, "a rule has when and target", add);
    const target = rule["target"];
    if (typeof target !== "string" || target.trim() === "") add([...path, "target"], "every rule needs a target team, such as \"payments-oncall\"");
    if (catchAll !== null) add(path, `rule ${index} can never match: rule ${catchAll} before it matches everything; move the catch-all last or use fallback`);
    const when = rule["when"];
    if (when === undefined || (isRecord(when) && Object.keys(when).length === 0)) {
      catchAll ??= index;
      return;
    }
    if (!isRecord(when)) add([...path, "when"], `expected conditions { severity?, category?, service? }, got ${describeValue(when)}`);
    else checkConditions(when, [...path, "when"], vocabulary, add);
  });
  if (fallback !== undefined && (typeof fallback !== "string" || fallback.trim() === "")) add(["fallback"], "the fallback is a non-empty target team");
  return issues;
}

/**
 * A frozen copy of a validated rule, built from its known fields only (never a clone of the caller's
 * object, which could hold anything), so a compiled matrix cannot be changed through `rules`.
 */
function frozenRule<S extends string>(rule: EscalationRouteRule<S>): EscalationRouteRule<S> {
  if (rule.when === undefined) return Object.freeze({ target: rule.target });
  const when: Record<string, ReadonlyArray<string>> = {};
  for (const key of CONDITION_KEYS) {
    const list = rule.when[key];
    if (list !== undefined) when[key] = Object.freeze([...list]);
  }
  return Object.freeze({ when: Object.freeze(when) as EscalationRouteCondition<S>, target: rule.target });
}

/** The route input, checked: an object whose severity is on the ladder. */
function checkRouteInput(input: unknown, vocabulary: ResolvedVocabulary): EscalationRouteInput<string> {
  if (!isRecord(input)) {
    throw new EscalationError("invalid_argument", [
      { code: "invalid_type", path: [], message: `route takes { severity, category?, service? }, got ${describeValue(input)}` },
    ]);
  }
  const issues: Issue<EscalationIssueCode>[] = [];
  const severity = input["severity"];
  if (typeof severity !== "string" || !vocabulary.severities.includes(severity)) {
    issues.push({
      code: "unknown_severity",
      path: ["severity"],
      message: `${describeValue(severity)} is not a level of the ${vocabulary.ladderName} severity ladder; use one of ${listLabels(vocabulary.severities)}`,
    });
  }
  for (const key of ["category", "service"] as const) {
    const value = input[key];
    if (value !== undefined && typeof value !== "string") issues.push({ code: "invalid_type", path: [key], message: `${key} is a string when given, got ${describeValue(value)}` });
  }
  if (issues.length > 0) throw new EscalationError("invalid_argument", issues);
  return input as unknown as EscalationRouteInput<string>;
}

const MatrixOptionsSchema = z.strictObject({ severityLadder: VOCABULARY_OPTIONS.severityLadder });

/**
 * Validates an escalation matrix: ordered, first-match rules from severity, category and service to
 * a target team, with an optional fallback. Severities are the level ids of `severityLadder` (core's
 * `PAGERDUTY_SEVERITY_LADDER`, SEV1–SEV5, by default). A rule after a catch-all (a rule with no
 * conditions) can never match and is rejected, and so is an unknown key (a misspelt `fallbak`). The
 * matrix keeps a frozen copy of the rules' known fields, never the caller's objects.
 *
 * @param def - the rules and the fallback
 * @param options - optionally, the `severityLadder`
 * @returns the frozen matrix
 * @throws {@link EscalationError} `invalid_escalation_matrix` (issue `unknown_severity` for a severity
 *   the ladder lacks); `invalid_argument` when the options are malformed
 * @example
 * const matrix = createEscalationMatrix({
 *   rules: [
 *     { when: { severity: ["SEV1", "SEV2"] }, target: "incident-command" },
 *     { when: { category: ["billing.*"] }, target: "payments" },
 *   ],
 *   fallback: "l2-support",
 * });
 * matrix.route({ severity: "SEV3", category: "billing.refunds" }); // => { target: "payments", rule: 1 }
 * matrix.route({ severity: "SEV4" });                              // => { target: "l2-support", rule: null }
 * const atlassian = createEscalationMatrix({ rules: [{ when: { severity: ["SEV1"] }, target: "ic" }] }, { severityLadder: ATLASSIAN_SEVERITY_LADDER });
 * atlassian.route({ severity: "SEV3" }); // => null
 */
export function createEscalationMatrix<S extends string = DefaultEscalationSeverity>(
  def: EscalationMatrixDefinition<NoInfer<S>>,
  options?: EscalationMatrixOptions<S>,
): EscalationMatrix<S> {
  const valid =
    options === undefined
      ? undefined
      : checkOptions<EscalationMatrixOptions<string>>(MatrixOptionsSchema, options, "createEscalationMatrix(def, { severityLadder? })");
  const vocabulary = resolveVocabulary(valid);
  const issues = validate(def, vocabulary);
  if (issues.length > 0) throw new EscalationError("invalid_escalation_matrix", issues);
  const rules = Object.freeze(def.rules.map((rule) => frozenRule(rule)));
  const fallback = def.fallback ?? null;
  return Object.freeze({
    rules,
    fallback,
    route(input: EscalationRouteInput<S>): EscalationRoute | null {
      const checked = checkRouteInput(input, vocabulary);
      const index = rules.findIndex((rule) => matches(rule.when, checked));
      const rule = rules[index];
      if (rule !== undefined) return Object.freeze({ target: rule.target, rule: index });
      return fallback === null ? null : Object.freeze({ target: fallback, rule: null });
    },
  });
}

/**
 * {@link createEscalationMatrix} without throwing; takes anything (a stored matrix is `unknown` JSON).
 *
 * @param def - the rules and the fallback
 * @param options - optionally, the `severityLadder`
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * safeCreateEscalationMatrix({ rules: [] }).success; // => false
 */
export function safeCreateEscalationMatrix<S extends string = DefaultEscalationSeverity>(
  def: EscalationMatrixDefinition<NoInfer<S>>,
  options?: EscalationMatrixOptions<S>,
): SafeResult<EscalationMatrix<S>, EscalationError>;
export function safeCreateEscalationMatrix(def: unknown, options?: unknown): SafeResult<EscalationMatrix<string>, EscalationError>;
export function safeCreateEscalationMatrix(def: unknown, options?: unknown): SafeResult<EscalationMatrix<string>, EscalationError> {
  return safely(EscalationError, () => createEscalationMatrix<string>(def as EscalationMatrixDefinition<string>, options as EscalationMatrixOptions<string> | undefined));
}
