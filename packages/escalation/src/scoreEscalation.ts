import { parseWithSchema } from "@supportops/core";
import { EscalationError, type EscalationIssueCode } from "./EscalationError.js";
import type { EscalationPackage } from "./EscalationPackageSchema.js";
import { DEFAULT_ESCALATION_RUBRIC, EscalationRubricSchema, type EscalationRubric } from "./EscalationRubric.js";
import { packageArgument } from "./internal/packageArgument.js";
import { CHECKS, scanPackage, type CheckContext, type CheckId } from "./internal/scoring/checks.js";

/**
 * How one rubric dimension scored.
 *
 * @example
 * // pkg: the bug package from the EscalationPackageInput example
 * const evidence: EscalationDimensionScore | undefined = scoreEscalation(pkg).dimensions.find((d) => d.id === "evidence");
 * evidence?.score;   // => 1
 * evidence?.missing; // => ["at least one piece of sanitised evidence"]
 */
export interface EscalationDimensionScore {
  /** The dimension's id. */
  readonly id: string;
  /** Its level, 1–5. */
  readonly score: number;
  /** Its weight, renormalised over the dimensions that apply to this package's kind. */
  readonly weight: number;
  /** What earned the level: the descriptions of the checks it required. */
  readonly reasons: ReadonlyArray<string>;
  /** What the next level up needs that the package lacks; empty at the top. */
  readonly missing: ReadonlyArray<string>;
}

/**
 * The quality score of a package.
 *
 * @example
 * // pkg: the bug package from the EscalationPackageInput example
 * const score: EscalationScore = scoreEscalation(pkg);
 * score.score;   // => 3.7
 * score.percent; // => 68
 * score.gated;   // => false
 */
export interface EscalationScore {
  /** The weighted mean of the dimension levels, 1–5, two decimals; 1 when gated. */
  readonly score: number;
  /** `round((score − 1) × 25)`, 0–100. */
  readonly percent: number;
  /** Every dimension that applies to the package's kind, in rubric order. */
  readonly dimensions: ReadonlyArray<EscalationDimensionScore>;
  /** Whether the rubric's gate (default: Sanitisation at 1) capped the score. */
  readonly gated: boolean;
}

const validated = new WeakSet<object>([DEFAULT_ESCALATION_RUBRIC]);

function checkRubric(rubric: unknown): EscalationRubric {
  if (typeof rubric === "object" && rubric !== null && validated.has(rubric)) return rubric as EscalationRubric;
  const parsed = parseWithSchema<typeof EscalationRubricSchema, EscalationIssueCode>(EscalationRubricSchema, rubric, ["rubric"]);
  if (!parsed.success) throw new EscalationError("invalid_rubric", parsed.issues);
  // Only the parsed copy is trusted later: the caller's object, even frozen at the top, may change below.
  validated.add(parsed.data);
  return parsed.data;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Scores an escalation package 1–5 with a rubric (default {@link DEFAULT_ESCALATION_RUBRIC}). Each dimension gets the highest level whose checks all pass (1 when none
 * does); the score is the weighted mean over the dimensions that apply to the package's kind; when
 * the gate dimension is at or below its threshold the score is capped at 1 (raw secrets or personal
 * data in the package make it unusable whatever else it holds). The sanitisation checks scan the
 * package's prose with {@link redact}.
 *
 * @param pkg - a package from {@link createEscalationPackage} (any severity and priority vocabulary)
 * @param rubric - the rubric; the default when omitted
 * @returns the score, its percent, every dimension with reasons and what is missing, and whether the gate applied
 * @throws {@link EscalationError} `invalid_rubric` when the rubric does not match {@link EscalationRubricSchema};
 *   `invalid_package` when `pkg` is not a package
 * @example
 * // a complete bug escalation that lists no config flags
 * const result = scoreEscalation(pkg);
 * result.score;   // => 4.9
 * result.percent; // => 98
 * result.dimensions.find((d) => d.id === "environment")?.missing; // => ["the relevant config or feature flags"]
 */
export function scoreEscalation(pkg: EscalationPackage<string, string>, rubric: EscalationRubric = DEFAULT_ESCALATION_RUBRIC): EscalationScore {
  const valid = checkRubric(rubric);
  const checked = packageArgument(pkg);
  let scan: ReturnType<typeof scanPackage> | undefined;
  const ctx: CheckContext = { pkg: checked, scan: () => (scan ??= scanPackage(checked)) };
  const results = new Map<CheckId, boolean>();
  const pass = (id: CheckId): boolean => {
    let result = results.get(id);
    if (result === undefined) {
      result = CHECKS[id].test(ctx);
      results.set(id, result);
    }
    return result;
  };
  const applicable = valid.dimensions.filter((d) => d.appliesTo === undefined || d.appliesTo.includes(checked.kind));
  const totalWeight = applicable.reduce((sum, d) => sum + d.weight, 0);
  let gated = false;
  const dimensions = applicable.map((dimension): EscalationDimensionScore => {
    const levels = [...dimension.levels].sort((a, b) => b.score - a.score);
    const earned = levels.find((level) => level.requires.every((id) => pass(id as CheckId)));
    const score = earned?.score ?? 1;
    const next = [...levels].reverse().find((level) => level.score > score);
    const describe = (id: string): string => CHECKS[id as CheckId].description;
    if (valid.gate !== undefined && valid.gate.dimension === dimension.id && score <= valid.gate.atOrBelow) gated = true;
    return Object.freeze({
      id: dimension.id,
      score,
      weight: round2(dimension.weight / totalWeight),
      reasons: Object.freeze((earned?.requires ?? []).map(describe)),
      missing: Object.freeze((next?.requires ?? []).filter((id) => !pass(id as CheckId)).map(describe)),
    });
  });
  const mean = applicable.reduce((sum, d, i) => sum + d.weight * (dimensions[i] as EscalationDimensionScore).score, 0) / totalWeight;
  const score = gated ? 1 : Math.min(5, Math.max(1, round2(mean)));
  return Object.freeze({ score, percent: Math.round((score - 1) * 25), dimensions: Object.freeze(dimensions), gated });
}
