import type { Taxonomy } from "./Taxonomy.js";
import { TaxonomyError } from "./TaxonomyError.js";
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
  readonly taxonomy?: Taxonomy;
  /** Compare whole paths (`"leaf"`, the default) or only down to this level (1 = top level). */
  readonly matchLevel?: "leaf" | number;
  /** Two-sided confidence of the Wilson interval; default 0.95. */
  readonly confidence?: number;
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
 * @throws {@link TaxonomyError} `invalid_audit` for a code the taxonomy lacks, an empty path, a bad
 *   match level or confidence
 * @example
 * const audit = auditAccuracy([
 *   { assigned: "billing.refund", audited: "billing.refund" },
 *   { assigned: "billing.refund", audited: "billing.invoices" },
 * ]);
 * audit.accuracy; // => 0.5
 * audit.classes; // => ["billing.invoices", "billing.refund"]
 * audit.confusion; // => [[0, 1], [0, 1]]
 */
export function auditAccuracy(pairs: ReadonlyArray<AuditPair>, options: AuditOptions = {}): AccuracyAudit {
  const matchLevel = options.matchLevel ?? "leaf";
  const confidence = options.confidence ?? 0.95;
  if (matchLevel !== "leaf" && !(Number.isInteger(matchLevel) && matchLevel >= 1)) {
    throw new TaxonomyError("invalid_audit", [
      { code: "invalid_option", path: ["matchLevel"], message: `matchLevel ${String(matchLevel)} is neither "leaf" nor a level ≥ 1` },
    ]);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new TaxonomyError("invalid_audit", [
      { code: "invalid_option", path: ["confidence"], message: `confidence ${String(confidence)} must be strictly between 0 and 1 (0.95 for a 95% interval)` },
    ]);
  }
  const toPath = (value: string | ReadonlyArray<string>, i: number, side: "assigned" | "audited"): ReadonlyArray<string> => {
    if (typeof value !== "string") {
      if (value.length === 0) {
        throw new TaxonomyError("invalid_audit", [{ code: "empty_path", path: [i, side], message: `pair ${i}: the ${side} path is empty` }]);
      }
      return value;
    }
    if (options.taxonomy === undefined) return [value];
    const node = options.taxonomy.node(value);
    if (node === undefined) {
      throw new TaxonomyError("invalid_audit", [
        {
          code: "unknown_code",
          path: [i, side],
          message: `pair ${i}: ${side} code ${JSON.stringify(value)} is not in taxonomy version ${JSON.stringify(options.taxonomy.version)}; migrate old classifications first`,
        },
      ]);
    }
    return node.path;
  };
  const at = (path: ReadonlyArray<string>, level: "leaf" | number): string =>
    level === "leaf" ? path[path.length - 1]! : path[Math.min(level, path.length) - 1]!;
  const prefixEqual = (a: ReadonlyArray<string>, b: ReadonlyArray<string>, level: number): boolean => {
    const la = Math.min(level, a.length);
    const lb = Math.min(level, b.length);
    if (la !== lb) return false;
    for (let k = 0; k < la; k++) if (a[k] !== b[k]) return false;
    return true;
  };
  const paths = pairs.map((p, i) => ({ assigned: toPath(p.assigned, i, "assigned"), audited: toPath(p.audited, i, "audited") }));
  const n = paths.length;

  const deepest = paths.reduce((m, p) => Math.max(m, p.assigned.length, p.audited.length), 0);
  const perLevel: LevelAccuracy[] = [];
  for (let level = 1; level <= deepest; level++) {
    const ok = paths.filter((p) => prefixEqual(p.assigned, p.audited, level)).length;
    perLevel.push({ level, n, correct: ok, accuracy: n === 0 ? null : ok / n });
  }

  const classSet = new Set<string>();
  for (const p of paths) {
    classSet.add(at(p.audited, matchLevel));
    classSet.add(at(p.assigned, matchLevel));
  }
  const classes = [...classSet].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const confusion = classes.map(() => new Array<number>(classes.length).fill(0));
  const rowSums = new Array<number>(classes.length).fill(0);
  const colSums = new Array<number>(classes.length).fill(0);
  for (const p of paths) {
    const row = index.get(at(p.audited, matchLevel))!;
    const col = index.get(at(p.assigned, matchLevel))!;
    confusion[row]![col]!++;
    rowSums[row]!++;
    colSums[col]!++;
  }
  const perClass: ClassAccuracy[] = classes.map((code, i) => {
    const tp = confusion[i]![i]!;
    const support = rowSums[i]!;
    const predicted = colSums[i]!;
    const precision = predicted === 0 ? null : tp / predicted;
    const recall = support === 0 ? null : tp / support;
    // 2·tp / (2·tp + fp + fn): defined for every class that occurs, 0 when it is never matched.
    const f1 = (2 * tp) / (support + predicted);
    return { code, support, predicted, truePositives: tp, precision, recall, f1 };
  });
  const macroF1 = perClass.length === 0 ? null : perClass.reduce((s, c) => s + c.f1, 0) / perClass.length;

  // Codes are unique in a taxonomy, so agreeing on the class at the match level is agreeing on the path.
  const correct = classes.reduce((s, _, i) => s + confusion[i]![i]!, 0);
  // Cohen's κ over the match-level classes: observed agreement against agreement expected by chance.
  let kappa: number | null = null;
  if (n > 0) {
    const po = correct / n;
    const pe = classes.reduce((s, _, i) => s + (rowSums[i]! / n) * (colSums[i]! / n), 0);
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
