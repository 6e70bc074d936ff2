import { safely, type Issue, type SafeResult } from "@supportops/core";
import { EscalationError } from "./EscalationError.js";
import { ESCALATION_SEVERITIES } from "./EscalationPackageSchema.js";

type Severity = (typeof ESCALATION_SEVERITIES)[number];

/**
 * The conditions of one routing rule; every condition given must match, an absent one matches anything.
 *
 * @example
 * const condition: EscalationRouteCondition = { severity: ["SEV1", "SEV2"], service: ["payments-*"] };
 */
export interface EscalationRouteCondition {
  /** The severities the rule applies to. */
  readonly severity?: ReadonlyArray<Severity>;
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
export interface EscalationRouteRule {
  /** When the rule applies; omitted, it applies to everything (a catch-all, which must come last). */
  readonly when?: EscalationRouteCondition;
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
export interface EscalationMatrixDefinition {
  /** Ordered rules; the first that matches wins. */
  readonly rules: ReadonlyArray<EscalationRouteRule>;
  /** The target when no rule matches; without it, `route` returns `null` then. */
  readonly fallback?: string;
}

/**
 * What {@link EscalationMatrix.route} routes.
 *
 * @example
 * const input: EscalationRouteInput = { severity: "SEV3", category: "billing.refunds", service: "checkout" };
 */
export interface EscalationRouteInput {
  /** The escalation's severity. */
  readonly severity: Severity;
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
export interface EscalationMatrix {
  /** The rules, in order. */
  readonly rules: ReadonlyArray<EscalationRouteRule>;
  /** The fallback target, if any. */
  readonly fallback: string | null;
  /**
   * The target of the first rule that matches, the fallback, or `null`. A rule with a `category` or
   * `service` condition does not match an input without that field.
   *
   * @throws {@link EscalationError} `invalid_route_input` for an unknown severity
   *
   * @example
   * // matrix: SEV1/SEV2 → incident-command (rule 0), billing.* → payments (rule 1), fallback l2-support
   * matrix.route({ severity: "SEV1" });                              // => { target: "incident-command", rule: 0 }
   * matrix.route({ severity: "SEV3", category: "billing.refunds" }); // => { target: "payments", rule: 1 }
   * matrix.route({ severity: "SEV4" });                              // => { target: "l2-support", rule: null }
   */
  route(input: EscalationRouteInput): EscalationRoute | null;
}

function matchesPattern(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
}

function matches(when: EscalationRouteCondition | undefined, input: EscalationRouteInput): boolean {
  if (when === undefined) return true;
  if (when.severity !== undefined && !when.severity.includes(input.severity)) return false;
  if (when.category !== undefined && !when.category.some((p) => matchesPattern(p, input.category))) return false;
  if (when.service !== undefined && !when.service.some((p) => matchesPattern(p, input.service))) return false;
  return true;
}

function validate(def: EscalationMatrixDefinition): Issue[] {
  const issues: Issue[] = [];
  const add = (path: ReadonlyArray<string | number>, message: string): void => {
    issues.push({ code: "invalid_escalation_matrix", path, message });
  };
  if (typeof def !== "object" || def === null || !Array.isArray(def.rules)) {
    add(["rules"], "expected { rules: [{ when?, target }], fallback? }");
    return issues;
  }
  if (def.rules.length === 0 && def.fallback === undefined) add(["rules"], "a matrix needs at least one rule or a fallback");
  let catchAll: number | null = null;
  def.rules.forEach((rule, index) => {
    const path = ["rules", index];
    if (typeof rule !== "object" || rule === null) {
      add(path, "expected a rule { when?, target }");
      return;
    }
    if (typeof rule.target !== "string" || rule.target.trim() === "") add([...path, "target"], "every rule needs a target team, such as \"payments-oncall\"");
    if (catchAll !== null) add(path, `rule ${index} can never match: rule ${catchAll} before it matches everything; move the catch-all last or use fallback`);
    const when = rule.when;
    if (when === undefined) {
      if (catchAll === null) catchAll = index;
      return;
    }
    const known = new Set(["severity", "category", "service"]);
    for (const key of Object.keys(when)) if (!known.has(key)) add([...path, "when", key], `unknown condition ${JSON.stringify(key)}; use severity, category or service`);
    if (when.severity !== undefined) {
      if (!Array.isArray(when.severity) || when.severity.length === 0) add([...path, "when", "severity"], "list at least one severity, such as [\"SEV1\", \"SEV2\"]");
      else (when.severity as ReadonlyArray<string>).forEach((s: string, i: number) => {
        if (!(ESCALATION_SEVERITIES as ReadonlyArray<string>).includes(s)) add([...path, "when", "severity", i], `${JSON.stringify(s)} is not a severity; use ${ESCALATION_SEVERITIES.join(", ")}`);
      });
    }
    for (const key of ["category", "service"] as const) {
      const list = when[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) {
        add([...path, "when", key], `list at least one ${key} (a pattern ending in * matches by prefix)`);
        continue;
      }
      list.forEach((p, i) => {
        if (typeof p !== "string" || p === "" || p.slice(0, -1).includes("*")) {
          add([...path, "when", key, i], `${JSON.stringify(p)} is not a ${key} pattern; write an exact value or a prefix ending in *`);
        }
      });
    }
    if (Object.keys(when).length === 0 && catchAll === null) catchAll = index;
  });
  if (def.fallback !== undefined && (typeof def.fallback !== "string" || def.fallback.trim() === "")) add(["fallback"], "the fallback is a non-empty target team");
  return issues;
}

/**
 * Validates an escalation matrix: ordered, first-match rules from severity, category and service to
 * a target team, with an optional fallback. A rule after a catch-all (a rule with no conditions) can
 * never match and is rejected.
 *
 * @param def - the rules and the fallback
 * @returns the frozen matrix
 * @throws {@link EscalationError} `invalid_escalation_matrix`
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
 */
/** Freezes a (cloned) rule all the way down, so a compiled matrix cannot be changed through `rules`. */
function freezeRule(rule: EscalationRouteRule): EscalationRouteRule {
  if (rule.when !== undefined) {
    for (const list of Object.values(rule.when)) if (Array.isArray(list)) Object.freeze(list);
    Object.freeze(rule.when);
  }
  return Object.freeze(rule);
}

export function createEscalationMatrix(def: EscalationMatrixDefinition): EscalationMatrix {
  const issues = validate(def);
  if (issues.length > 0) throw new EscalationError("invalid_escalation_matrix", issues);
  const rules = Object.freeze(def.rules.map((rule) => freezeRule(structuredClone(rule))));
  const fallback = def.fallback ?? null;
  return Object.freeze({
    rules,
    fallback,
    route(input: EscalationRouteInput): EscalationRoute | null {
      if (typeof input !== "object" || input === null || !(ESCALATION_SEVERITIES as ReadonlyArray<unknown>).includes(input.severity)) {
        throw new EscalationError("invalid_route_input", [{
          code: "invalid_route_input",
          path: ["severity"],
          message: `route needs a severity (${ESCALATION_SEVERITIES.join(", ")})`,
        }]);
      }
      const index = rules.findIndex((rule) => matches(rule.when, input));
      if (index >= 0) return Object.freeze({ target: (rules[index] as EscalationRouteRule).target, rule: index });
      return fallback === null ? null : Object.freeze({ target: fallback, rule: null });
    },
  });
}

/**
 * {@link createEscalationMatrix} without throwing.
 *
 * @param def - the rules and the fallback
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * safeCreateEscalationMatrix({ rules: [] }).success; // => false
 */
export function safeCreateEscalationMatrix(def: EscalationMatrixDefinition): SafeResult<EscalationMatrix, EscalationError> {
  return safely(EscalationError, () => createEscalationMatrix(def));
}
