import type { ConfidenceInterval } from "./KpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, requireIterable } from "./internal/extraKpi.js";

/**
 * One cell a rate is standardised from: a `kpiReport` row of a rate KPI (`group`, `bucket`, `n`,
 * `stats.successes`), or a flat record with the attributes and `successes`, `n` at the top level.
 *
 * @example
 * const flat: RateCell = { team: "A", priority: "P1", successes: 60, n: 100 };
 */
export type RateCell =
  | {
      readonly group: Readonly<Record<string, string | null>>;
      readonly bucket?: { readonly label: string };
      readonly n: number;
      /** A rate KPI's stats, with `successes` (checked when read). */
      readonly stats: object;
    }
  | { readonly successes: number; readonly n: number; readonly [attribute: string]: unknown };

/**
 * Options of {@link standardizeRate}.
 *
 * @example
 * const options: StandardizeRateOptions = { by: "priority", across: "team", weights: "pooled" };
 */
export interface StandardizeRateOptions {
  /** The stratum attribute whose mix differs (e.g. `"priority"`). */
  readonly by: string;
  /** The attribute whose values are compared (e.g. `"team"`, `"category"`, or `"bucket"` for a report's time buckets). */
  readonly across: string;
  /**
   * The reference mix: `"pooled"` (default: each stratum's share of all cells' `n`) or explicit weights
   * per stratum (any non-negative numbers, normalised to sum 1; a stratum not listed weighs 0).
   */
  readonly weights?: "pooled" | Readonly<Record<string, number>>;
}

/**
 * One compared group of a {@link StandardizedRates}.
 *
 * @example
 * const group: StandardizedGroup = {
 *   key: "A", successes: 273, n: 350, crude: 0.78, standardized: 0.8325, ci: { low: 0.79, high: 0.87 },
 *   strata: { small: { successes: 81, n: 87, rate: 0.931 } }, missingStrata: [],
 * };
 */
export interface StandardizedGroup {
  readonly key: string;
  readonly successes: number;
  readonly n: number;
  /** Σ successes / Σ n of the group: its own mix. */
  readonly crude: number | null;
  /** Σ weight × stratum rate: the rate the group would have had with the reference mix; `null` when a weighted stratum is missing. */
  readonly standardized: number | null;
  /** 95 % normal-approximation interval of the standardised rate, clipped to [0, 1]. */
  readonly ci: ConfidenceInterval | null;
  readonly strata: Readonly<Record<string, { readonly successes: number; readonly n: number; readonly rate: number | null }>>;
  /** Strata with weight > 0 where the group has no cases (direct standardisation is not defined then). */
  readonly missingStrata: ReadonlyArray<string>;
}

/**
 * What {@link standardizeRate} returns.
 *
 * @example
 * const result: StandardizedRates = standardizeRate([{ team: "A", priority: "P1", successes: 1, n: 2 }], { by: "priority", across: "team" });
 * result.weights; // => { P1: 1 }
 */
export interface StandardizedRates {
  readonly by: string;
  readonly across: string;
  /** The reference mix actually used, normalised. */
  readonly weights: Readonly<Record<string, number>>;
  readonly method: string;
  readonly groups: ReadonlyArray<StandardizedGroup>;
}

const Z = 1.959963984540054;

/**
 * Direct standardisation of a rate, for comparing teams or periods whose case mix differs (Simpson's
 * paradox: a team better in every priority can look worse overall because it handles more of the hard
 * priority). Each group's stratum rates are weighted by one reference mix — pooled over all groups by
 * default — so the groups are compared as if they had the same mix. The crude rate (the group's own Σ
 * successes / Σ n) is beside it; neither is an average of rates over the group's own cells. Cells with
 * the same group and stratum are added (e.g. the weeks of a report). An attribute that is `null` is
 * keyed `""`. See docs/kpis.md.
 *
 * @param cells - report rows of a rate KPI (`group`, `n`, `stats.successes`) or flat `{ …attributes, successes, n }`
 * @param options - `by` (the stratum), `across` (what is compared), `weights`
 * @returns per group: crude and standardised rates, the strata, an interval
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`) for a cell without the attributes or with bad counts, or bad weights
 * @example
 * // metrics-anchors' SLA fixture: B is better in both priorities and worse overall.
 * const cells = [
 *   { team: "A", priority: "P1", successes: 60, n: 100 }, { team: "A", priority: "P3", successes: 950, n: 1000 },
 *   { team: "B", priority: "P1", successes: 650, n: 1000 }, { team: "B", priority: "P3", successes: 96, n: 100 },
 * ];
 * const result = standardizeRate(cells, { by: "priority", across: "team", weights: { P1: 1, P3: 1 } });
 * result.groups.map((g) => [g.key, g.crude?.toFixed(3), g.standardized?.toFixed(3)]);
 * // => [["A", "0.918", "0.775"], ["B", "0.678", "0.805"]]
 */
export function standardizeRate(cells: Iterable<RateCell>, options: StandardizeRateOptions): StandardizedRates {
  if (typeof options !== "object" || options === null) throw bad([], "expected options { by, across, weights? }");
  const { by, across } = options;
  if (typeof by !== "string" || by === "") throw bad(["by"], "expected the stratum attribute, e.g. \"priority\"");
  if (typeof across !== "string" || across === "" || across === by) throw bad(["across"], "expected the compared attribute, e.g. \"team\", different from `by`");
  const table = new Map<string, Map<string, { successes: number; n: number }>>();
  const strataTotals = new Map<string, number>();
  let index = 0;
  for (const cell of requireIterable(cells, "rate cells")) {
    const stratum = attribute(cell, by, [index, by]);
    const key = attribute(cell, across, [index, across]);
    const { successes, n } = counts(cell, index);
    index += 1;
    let row = table.get(key);
    if (row === undefined) table.set(key, (row = new Map()));
    const entry = row.get(stratum) ?? { successes: 0, n: 0 };
    row.set(stratum, { successes: entry.successes + successes, n: entry.n + n });
    strataTotals.set(stratum, (strataTotals.get(stratum) ?? 0) + n);
  }
  const weights = weightsOf(options.weights, strataTotals);
  const groups = [...table.keys()].sort().map((key): StandardizedGroup => {
    const row = table.get(key) as Map<string, { successes: number; n: number }>;
    let successes = 0;
    let n = 0;
    const strata: Record<string, { successes: number; n: number; rate: number | null }> = {};
    for (const [stratum, c] of [...row].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      successes += c.successes;
      n += c.n;
      strata[stratum] = { ...c, rate: c.n === 0 ? null : c.successes / c.n };
    }
    const missingStrata: string[] = [];
    let standardized = 0;
    let variance = 0;
    for (const [stratum, w] of Object.entries(weights)) {
      if (w === 0) continue;
      const c = row.get(stratum);
      if (c === undefined || c.n === 0) {
        missingStrata.push(stratum);
        continue;
      }
      const p = c.successes / c.n;
      standardized += w * p;
      variance += (w * w * p * (1 - p)) / c.n;
    }
    const defined = missingStrata.length === 0;
    const half = Z * Math.sqrt(variance);
    return {
      key,
      successes,
      n,
      crude: n === 0 ? null : successes / n,
      standardized: defined ? standardized : null,
      ci: defined ? { low: Math.max(0, standardized - half), high: Math.min(1, standardized + half) } : null,
      strata,
      missingStrata,
    };
  });
  return {
    by,
    across,
    weights,
    method: `direct standardisation: Σ over ${by} of weight × the group's rate in it, weights ${options.weights === undefined || options.weights === "pooled" ? "pooled over all groups (share of n)" : "given, normalised"}; crude = Σ successes / Σ n; 95 % normal-approximation interval`,
    groups,
  };
}

function attribute(cell: RateCell, name: string, path: Array<string | number>): string {
  if (typeof cell !== "object" || cell === null) throw bad([path[0] as number], "expected a rate cell");
  const record = cell as Record<string, unknown>;
  const group = record["group"];
  let value: unknown;
  if (typeof group === "object" && group !== null && name in group) value = (group as Record<string, unknown>)[name];
  else if (name === "bucket" && typeof record["bucket"] === "object" && record["bucket"] !== null) value = (record["bucket"] as { label?: unknown }).label;
  else value = record[name];
  if (value === null) return "";
  if (typeof value !== "string") throw bad(path, `expected the cell's ${name} (a string, in the cell or its group), got ${JSON.stringify(value) ?? String(value)}`);
  return value;
}

function counts(cell: RateCell, index: number): { successes: number; n: number } {
  const record = cell as Record<string, unknown>;
  const stats = record["stats"];
  const successes = typeof stats === "object" && stats !== null && "successes" in stats ? (stats as { successes: unknown }).successes : record["successes"];
  const n = record["n"];
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw bad([index, "n"], "expected a whole number of cases ≥ 0");
  if (typeof successes !== "number" || !Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw bad([index, "successes"], "expected a whole number of successes from 0 to n (a rate KPI's row: stats.successes)");
  }
  return { successes, n };
}

function weightsOf(option: StandardizeRateOptions["weights"], totals: ReadonlyMap<string, number>): Record<string, number> {
  const raw: Array<[string, number]> = [];
  if (option === undefined || option === "pooled") {
    for (const [stratum, n] of totals) raw.push([stratum, n]);
  } else {
    if (typeof option !== "object" || option === null) throw bad(["weights"], 'expected "pooled" or { stratum: weight }');
    for (const [stratum, w] of Object.entries(option)) {
      if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw bad(["weights", stratum], "expected a weight ≥ 0");
      raw.push([stratum, w]);
    }
  }
  const sum = raw.reduce((s, [, w]) => s + w, 0);
  if (!(sum > 0)) throw bad(["weights"], "the weights sum to 0: give at least one stratum a positive weight (or cells with n > 0 for pooled)");
  raw.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const weights: Record<string, number> = {};
  for (const [stratum, w] of raw) weights[stratum] = w / sum;
  return weights;
}
