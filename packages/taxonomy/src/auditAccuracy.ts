import { describeValue } from "@supportops/core";
import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { assertTaxonomy, isRecord, parseArgument, requireString, wrongType } from "./internal/arguments.js";
import { wilsonInterval } from "./internal/stats.js";

/**
 * One audited ticket: the classification an agent (or a model) assigned, and the one the auditor says
 * is right. Each is a node code (its path comes from `options.taxonomy`) or an explicit path of codes
 * from the top level down.
 *
 * @example
 * const pair: AuditPair = { assigned: "billing.refund", audited: ["billing", "billing.other"] };
 */
export interface AuditPair {
  /** What the ticket was classified as. */
  readonly assigned: string | ReadonlyArray<string>;
  /** What the auditor says it should be (the reference). */
  readonly audited: string | ReadonlyArray<string>;
}

/**
 * Options of {@link auditAccuracy}.
 *
 * @example
 * // tax: Billing > Refund, Other
 * const options: AuditOptions = { taxonomy: tax, matchLevel: 1 };
 * auditAccuracy([{ assigned: "billing.refund", audited: "billing.other" }], options).accuracy; // => 1
 */
export interface AuditOptions {
  /** Turns codes into paths, needed for level-wise comparison of codes. Without it a code is a one-level path. */
  readonly taxonomy?: Taxonomy | undefined;
  /** Compare whole paths (`"leaf"`, the default) or only down to this level (1 = top level). */
  readonly matchLevel?: "leaf" | number | undefined;
  /** Two-sided confidence of the Wilson interval; default 0.95. */
  readonly confidence?: number | undefined;
}

/**
 * Agreement at one level of the tree.
 *
 * @example
 * // tax: Billing > Refund, Other
 * auditAccuracy([
 *   { assigned: "billing.refund", audited: "billing.other" },
 *   { assigned: "billing.refund", audited: "billing.refund" },
 * ], { taxonomy: tax }).perLevel;
 * // => [{ level: 1, n: 2, correct: 2, accuracy: 1 }, { level: 2, n: 2, correct: 1, accuracy: 0.5 }]
 */
export interface LevelAccuracy {
  /** 1 = top level. */
  readonly level: number;
  /** Pairs compared (all pairs: a path shorter than the level is compared whole). */
  readonly n: number;
  /** Pairs whose paths agree down to this level. */
  readonly correct: number;
  /** `correct / n`, or `null` when `n` is 0. */
  readonly accuracy: number | null;
}

/**
 * Precision and recall of one class (node code at the match level).
 *
 * @example
 * // tax: Billing > Refund, Other
 * auditAccuracy([
 *   { assigned: "billing.refund", audited: "billing.other" },
 *   { assigned: "billing.refund", audited: "billing.refund" },
 * ], { taxonomy: tax }).perClass[1];
 * // => { code: "billing.refund", support: 1, predicted: 2, truePositives: 1, precision: 0.5, recall: 1, f1: 0.6666666666666666 }
 */
export interface ClassAccuracy {
  /** The class: a node code at the match level. */
  readonly code: string;
  /** Pairs the auditor put in this class. */
  readonly support: number;
  /** Pairs assigned to this class. */
  readonly predicted: number;
  /** Pairs both put in this class. */
  readonly truePositives: number;
  /** `truePositives / predicted`, `null` when nothing was assigned to the class. */
  readonly precision: number | null;
  /** `truePositives / support`, `null` when the auditor never chose the class. */
  readonly recall: number | null;
  /** `2·tp / (support + predicted)`: the harmonic mean of precision and recall, 0 when the class is never matched. */
  readonly f1: number;
}

/**
 * The result of {@link auditAccuracy}.
 *
 * @example
 * const audit: AccuracyAudit = auditAccuracy([
 *   { assigned: "billing.refund", audited: "billing.other" },
 *   { assigned: "billing.refund", audited: "billing.refund" },
 * ]);
 * audit.accuracy; // => 0.5
 * audit.macroF1;  // => 0.3333333333333333
 * audit.kappa;    // => 0
 */
export interface AccuracyAudit {
  /** What was compared: `"leaf"` or a level number. */
  readonly matchLevel: "leaf" | number;
  /** Pairs audited. */
  readonly n: number;
  /** Pairs where assigned and audited agree at the match level. */
  readonly correct: number;
  /** `correct / n`; `null` when there are no pairs. */
  readonly accuracy: number | null;
  /** Wilson score interval of the accuracy; `null` when there are no pairs. */
  readonly interval: { readonly lower: number; readonly upper: number; readonly confidence: number } | null;
  /** Agreement at each level from 1 to the deepest path seen (hierarchical partial credit). */
  readonly perLevel: ReadonlyArray<LevelAccuracy>;
  /** Class codes, sorted; the order of the confusion matrix's rows and columns. */
  readonly classes: ReadonlyArray<string>;
  /** `confusion[i][j]` = pairs audited as `classes[i]` and assigned `classes[j]`. */
  readonly confusion: ReadonlyArray<ReadonlyArray<number>>;
  /** Precision and recall per class, in `classes` order. */
  readonly perClass: ReadonlyArray<ClassAccuracy>;
  /** Mean F1 over all classes (each class weighs the same); `null` when there are no pairs. */
  readonly macroF1: number | null;
  /** Cohen's κ between assigned and audited; `null` with no pairs or when chance agreement is 1 (one class only). */
  readonly kappa: number | null;
}

/**
 * Scores classification accuracy against an audit sample: accuracy with a Wilson interval, accuracy
 * per tree level, the confusion matrix, precision/recall/F1 per class and Cohen's κ. Plain accuracy
 * misleads on imbalanced categories, so read it with the per-class figures and κ.
 *
 * @param pairs - audited tickets (order does not matter)
 * @param options - the taxonomy for paths, the match level, the confidence
 * @returns the audit
 * @throws {@link TaxonomyError} `invalid_argument`: `pairs` not an array of pairs (issue `invalid_type`),
 *   a code the taxonomy lacks (`unknown_code`), an empty path (`empty_path`), more than 2 000 classes at
 *   the match level (`too_many_classes`), a bad match level or confidence (`invalid_option`); issue
 *   paths start with `pairs` or `options`
 * @example
 * const audit = auditAccuracy([
 *   { assigned: "billing.refund", audited: "billing.refund" },
 *   { assigned: "billing.refund", audited: "billing.invoices" },
 * ]);
 * audit.accuracy; // => 0.5
 * audit.classes; // => ["billing.invoices", "billing.refund"]
 * audit.confusion; // => [[0, 1], [0, 1]]
 */
export function auditAccuracy(pairs: ReadonlyArray<AuditPair>, options?: AuditOptions): AccuracyAudit {
  const { taxonomy, matchLevel, confidence } = readOptions(options);
  if (!Array.isArray(pairs)) throw wrongType(["pairs"], "an array of { assigned, audited } pairs", pairs);
  const paths = pairs.map((pair: unknown, i) => readPair(pair, i, taxonomy));
  const n = paths.length;
  const perLevel = levelAccuracy(paths);

  // Each side's class at the match level; classes sorted are the rows and columns of the confusion matrix.
  const tallies = new Map<string, ClassTally>();
  const tally = (path: ReadonlyArray<string>): ClassTally => {
    const code = (matchLevel === "leaf" ? path[path.length - 1] : path[Math.min(matchLevel, path.length) - 1]) ?? "";
    let found = tallies.get(code);
    if (found === undefined) tallies.set(code, (found = { code, index: 0, support: 0, predicted: 0, row: [] }));
    return found;
  };
  const classed = paths.map((p) => ({ audited: tally(p.audited), assigned: tally(p.assigned) }));
  if (tallies.size > MAX_AUDIT_CLASSES) {
    // The confusion matrix has a cell per pair of classes: 100 000 classes would be 10^10 cells.
    throw new TaxonomyError("invalid_argument", [
      {
        code: "too_many_classes",
        path: ["pairs"],
        message: `the pairs name ${tallies.size} classes at match level ${JSON.stringify(matchLevel)}, over the ${MAX_AUDIT_CLASSES} an audit compares (its confusion matrix has a cell per pair of classes); audit at a higher matchLevel or in batches of categories`,
      },
    ]);
  }
  const sorted = [...tallies.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  sorted.forEach((t, i) => {
    t.index = i;
    t.row = new Array<number>(sorted.length).fill(0);
  });
  for (const { audited, assigned } of classed) {
    audited.support++;
    assigned.predicted++;
    audited.row[assigned.index] = (audited.row[assigned.index] ?? 0) + 1;
  }
  const classes = sorted.map((t) => t.code);
  const confusion = sorted.map((t) => t.row);
  const perClass: ClassAccuracy[] = sorted.map(({ code, index, support, predicted, row }) => {
    const tp = row[index] ?? 0;
    const precision = predicted === 0 ? null : tp / predicted;
    const recall = support === 0 ? null : tp / support;
    // 2·tp / (2·tp + fp + fn): defined for every class that occurs, 0 when it is never matched.
    const f1 = (2 * tp) / (support + predicted);
    return { code, support, predicted, truePositives: tp, precision, recall, f1 };
  });
  const macroF1 = perClass.length === 0 ? null : perClass.reduce((s, c) => s + c.f1, 0) / perClass.length;

  // Codes are unique in a taxonomy, so agreeing on the class at the match level is agreeing on the path.
  const correct = perClass.reduce((s, c) => s + c.truePositives, 0);
  // Cohen's κ over the match-level classes: observed agreement against agreement expected by chance.
  let kappa: number | null = null;
  if (n > 0) {
    const po = correct / n;
    const pe = perClass.reduce((s, c) => s + (c.support / n) * (c.predicted / n), 0);
    kappa = pe === 1 ? null : (po - pe) / (1 - pe);
  }

  return {
    matchLevel,
    n,
    correct,
    accuracy: n === 0 ? null : correct / n,
    interval: n === 0 ? null : { ...wilsonInterval(correct, n, confidence), confidence },
    perLevel,
    classes,
    confusion,
    perClass,
    macroF1,
    kappa,
  };
}

/** The most classes (node codes at the match level) one audit compares: its confusion matrix has 4 000 000 cells then. */
const MAX_AUDIT_CLASSES = 2_000;

/** One class while pairs are counted: its row of the confusion matrix, and how often each side chose it. */
interface ClassTally {
  readonly code: string;
  index: number;
  support: number;
  predicted: number;
  row: number[];
}

interface PairPaths {
  readonly assigned: ReadonlyArray<string>;
  readonly audited: ReadonlyArray<string>;
}

// Structure only (unknown keys, with the key that was meant); the values get their own messages below.
const AuditOptionsSchema = z.strictObject({ taxonomy: z.unknown().optional(), matchLevel: z.unknown().optional(), confidence: z.unknown().optional() });

function readOptions(options: unknown): { taxonomy: Taxonomy | undefined; matchLevel: "leaf" | number; confidence: number } {
  const given: { readonly taxonomy?: unknown; readonly matchLevel?: unknown; readonly confidence?: unknown } =
    options === undefined ? {} : parseArgument(AuditOptionsSchema, options, ["options"]);
  const taxonomy = given.taxonomy;
  if (taxonomy !== undefined) assertTaxonomy(taxonomy, ["options", "taxonomy"]);
  const matchLevel = given.matchLevel ?? "leaf";
  const confidence = given.confidence ?? 0.95;
  if (matchLevel !== "leaf" && !(typeof matchLevel === "number" && Number.isInteger(matchLevel) && matchLevel >= 1)) {
    throw new TaxonomyError("invalid_argument", [
      { code: "invalid_option", path: ["options", "matchLevel"], message: `expected "leaf" or a whole level ≥ 1, got ${describeValue(matchLevel)}` },
    ]);
  }
  if (!(typeof confidence === "number" && confidence > 0 && confidence < 1)) {
    throw new TaxonomyError("invalid_argument", [
      {
        code: "invalid_option",
        path: ["options", "confidence"],
        message: `expected a confidence strictly between 0 and 1 (0.95 for a 95% interval), got ${describeValue(confidence)}`,
      },
    ]);
  }
  return { taxonomy, matchLevel, confidence };
}

/** One pair as two paths of codes, from the taxonomy when a side is a code. */
function readPair(pair: unknown, i: number, taxonomy: Taxonomy | undefined): PairPaths {
  if (!isRecord(pair)) throw wrongType(["pairs", i], "an audit pair { assigned, audited }", pair);
  return { assigned: sidePath(pair["assigned"], i, "assigned", taxonomy), audited: sidePath(pair["audited"], i, "audited", taxonomy) };
}

/** One side of a pair as a path of codes. Issue paths are built only on failure: this runs twice per pair. */
function sidePath(value: unknown, i: number, side: "assigned" | "audited", taxonomy: Taxonomy | undefined): ReadonlyArray<string> {
  if (typeof value === "string") {
    if (taxonomy === undefined) return [value];
    const node = taxonomy.node(value);
    if (node !== undefined) return node.path;
    throw new TaxonomyError("invalid_argument", [
      {
        code: "unknown_code",
        path: ["pairs", i, side],
        message: `pair ${i}: ${side} code ${JSON.stringify(value)} is not in taxonomy version ${JSON.stringify(taxonomy.version)}; migrate old classifications first`,
      },
    ]);
  }
  if (!Array.isArray(value)) throw wrongType(["pairs", i, side], "a node code or a path of codes", value);
  if (value.length === 0) {
    throw new TaxonomyError("invalid_argument", [{ code: "empty_path", path: ["pairs", i, side], message: `pair ${i}: the ${side} path is empty` }]);
  }
  return value.map((code: unknown, k) => requireString(code, ["pairs", i, side, k], "a node code (a string)"));
}

/**
 * Agreement at each level from 1 to the deepest path: paths agree down to the level (a shorter path
 * compared whole). Two paths agree down to level k exactly when k is at most their common prefix, or
 * when they are equal; so each pair is compared once and the levels are counted from a histogram, in
 * time linear in the paths' lengths (not in the number of pairs times the square of the deepest path).
 */
function levelAccuracy(paths: ReadonlyArray<PairPaths>): LevelAccuracy[] {
  const n = paths.length;
  const deepest = paths.reduce((m, p) => Math.max(m, p.assigned.length, p.audited.length), 0);
  // agreeUpTo[k]: pairs that agree down to level k and no deeper (k = deepest: equal paths too).
  const agreeUpTo = new Array<number>(deepest + 1).fill(0);
  for (const { assigned, audited } of paths) {
    const shorter = Math.min(assigned.length, audited.length);
    let common = 0;
    while (common < shorter && assigned[common] === audited[common]) common++;
    const equal = common === shorter && assigned.length === audited.length;
    const k = equal ? deepest : common;
    agreeUpTo[k] = (agreeUpTo[k] ?? 0) + 1;
  }
  const perLevel: LevelAccuracy[] = [];
  let ok = 0;
  for (let level = deepest; level >= 1; level--) {
    ok += agreeUpTo[level] ?? 0;
    perLevel.push({ level, n, correct: ok, accuracy: n === 0 ? null : ok / n });
  }
  return perLevel.reverse();
}
