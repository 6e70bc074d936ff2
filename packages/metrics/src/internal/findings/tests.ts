// The hypothesis tests behind detectChanges and topDrivers (docs/kpis.md, "Findings"). Each returns a
// two-sided p-value, the test's name and an effect size with its interval at `level`.
import {
  binomialTwoSided,
  clopperPearson,
  fisherTwoSided,
  normalTwoSided,
  wilson,
} from "./distributions.js";

import type { FindingEffect as Effect, FindingTest as ChangeTestName } from "../../Finding.js";

export interface TestOutcome {
  readonly test: ChangeTestName;
  readonly pValue: number;
  readonly effect: Effect;
  /** The sign of current − baseline (−1, 0, 1). */
  readonly sign: number;
}

/**
 * Two proportions, current `x1/n1` against baseline `x2/n2` (both n > 0): the pooled two-proportion z
 * test when every expected cell count is at least 5, else Fisher's exact test; the difference
 * `p1 − p2` with Newcombe's hybrid score interval (his method 10, from the two Wilson intervals).
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number, level: number): TestOutcome {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const expected = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)];
  let test: ChangeTestName;
  let pValue: number;
  if (expected.every((e) => e >= 5)) {
    test = "two_proportion_z";
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    pValue = normalTwoSided((p1 - p2) / se);
  } else {
    test = "fisher_exact";
    pValue = fisherTwoSided(x1, n1, x2, n2);
  }
  const w1 = wilson(x1, n1, level);
  const w2 = wilson(x2, n2, level);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const high = d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  return { test, pValue, effect: { kind: "proportion_difference", estimate: d, low, high, level }, sign: Math.sign(d) };
}

/** Above this many events the conditional test switches from the exact sum to its normal approximation. */
const EXACT_RATE_LIMIT = 100_000;

/**
 * Two Poisson counts over exposures (any unit, e.g. ms): the conditional test — given the total
 * `x1 + x2`, `x1` is Binomial(total, t1/(t1+t2)) under equal rates — exact up to 100 000 events; the
 * rate ratio `(x1/t1)/(x2/t2)` with the exact (Clopper–Pearson) conditional interval.
 */
export function compareCounts(x1: number, t1: number, x2: number, t2: number, level: number): TestOutcome {
  const total = x1 + x2;
  const p0 = t1 / (t1 + t2);
  const scale = t2 / t1;
  if (total === 0) return { test: "poisson_rate_exact", pValue: 1, effect: { kind: "rate_ratio", estimate: null, low: 0, high: null, level }, sign: 0 };
  let test: ChangeTestName;
  let pValue: number;
  if (total <= EXACT_RATE_LIMIT) {
    test = "poisson_rate_exact";
    pValue = binomialTwoSided(x1, total, p0);
  } else {
    test = "poisson_rate_normal";
    pValue = normalTwoSided((x1 - total * p0) / Math.sqrt(total * p0 * (1 - p0)));
  }
  const cp = clopperPearson(x1, total, level);
  const ratio = (p: number): number | null => (p >= 1 ? null : (p / (1 - p)) * scale);
  return {
    test,
    pValue,
    effect: { kind: "rate_ratio", estimate: x2 === 0 ? null : (x1 / t1) / (x2 / t2), low: ratio(cp.low) ?? 0, high: ratio(cp.high), level },
    sign: Math.sign(x1 / t1 - x2 / t2),
  };
}

/** Exact Mann–Whitney below this many values per side (and no ties), as R's `wilcox.test`. */
const EXACT_MW_LIMIT = 50;

/**
 * Mann–Whitney U of two samples (both non-empty): U of the current sample (the number of pairs where
 * it is larger, ties counting ½); the exact null distribution when both samples have fewer than 50
 * values and there are no ties, else the normal approximation with the tie correction of the
 * variance and a continuity correction of ½.
 */
export function mannWhitney(current: ReadonlyArray<number>, baseline: ReadonlyArray<number>): { readonly test: ChangeTestName; readonly pValue: number; readonly u: number } {
  const n1 = current.length;
  const n2 = baseline.length;
  const all: Array<readonly [number, 0 | 1]> = [];
  for (const v of current) all.push([v, 0]);
  for (const v of baseline) all.push([v, 1]);
  all.sort((a, b) => a[0] - b[0]);
  const n = n1 + n2;
  let rankSum = 0;
  let tieTerm = 0;
  let ties = false;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as readonly [number, 0 | 1])[0] === (all[i] as readonly [number, 0 | 1])[0]) j += 1;
    const t = j - i + 1;
    if (t > 1) {
      ties = true;
      tieTerm += t * t * t - t;
    }
    const midRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if ((all[k] as readonly [number, 0 | 1])[1] === 0) rankSum += midRank;
    i = j + 1;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  if (!ties && n1 < EXACT_MW_LIMIT && n2 < EXACT_MW_LIMIT) return { test: "mann_whitney_exact", pValue: exactMannWhitney(u, n1, n2), u };
  const meanU = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { test: "mann_whitney_normal", pValue: 1, u };
  const diff = u - meanU;
  const corrected = Math.max(0, Math.abs(diff) - 0.5);
  return { test: "mann_whitney_normal", pValue: normalTwoSided(corrected / Math.sqrt(variance)), u };
}

/**
 * The exact two-sided p-value of U = `u` for samples of `m` and `n` without ties: the number of
 * arrangements with U ≤ u (or ≥ u) over C(m+n, m), by the recursion on the last (largest) value.
 */
function exactMannWhitney(u: number, m: number, n: number): number {
  // cell(j, k)[s] = arrangements of j current and k baseline values with U = s. The largest value is
  // either a current one, which beats all k baseline values (adds k), or a baseline one (adds 0).
  const maxU = m * n;
  const table: Float64Array[][] = [];
  for (let k = 0; k <= n; k++) {
    const row: Float64Array[] = [];
    for (let j = 0; j <= m; j++) {
      const cell = new Float64Array(maxU + 1);
      if (j === 0 && k === 0) cell[0] = 1;
      else {
        if (j > 0) {
          const from = row[j - 1] as Float64Array;
          for (let s = k; s <= maxU; s++) cell[s] = (cell[s] as number) + (from[s - k] as number);
        }
        if (k > 0) {
          const from = (table[k - 1] as Float64Array[])[j] as Float64Array;
          for (let s = 0; s <= maxU; s++) cell[s] = (cell[s] as number) + (from[s] as number);
        }
      }
      row.push(cell);
    }
    table.push(row);
    if (k >= 2) table[k - 2] = []; // only the previous row is read
  }
  const dist = (table[n] as Float64Array[])[m] as Float64Array;
  let total = 0;
  for (const c of dist) total += c;
  let lower = 0;
  for (let s = 0; s <= Math.floor(u); s++) lower += dist[s] as number;
  let upper = 0;
  for (let s = Math.ceil(u); s <= maxU; s++) upper += dist[s] as number;
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/** mulberry32: the seeded generator of the bootstrap (the same seed gives the same interval). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The nearest-rank median of ascending `sorted` (non-empty). */
export function medianOf(sorted: ReadonlyArray<number>): number {
  return sorted[Math.max(1, Math.ceil(sorted.length / 2)) - 1] as number;
}

/**
 * Current median − baseline median (nearest rank) with a seeded percentile-bootstrap interval:
 * `resamples` independent resamples of each side, the `(1 − level)/2` and `(1 + level)/2` quantiles
 * of the resampled differences.
 */
export function medianDifference(
  current: ReadonlyArray<number>,
  baseline: ReadonlyArray<number>,
  level: number,
  resamples: number,
  seed: number,
): Effect {
  const a = [...current].sort((x, y) => x - y);
  const b = [...baseline].sort((x, y) => x - y);
  const random = mulberry32(seed);
  const countsA = new Uint32Array(a.length);
  const countsB = new Uint32Array(b.length);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) diffs[r] = bootMedian(a, random, countsA) - bootMedian(b, random, countsB);
  diffs.sort();
  const at = (q: number): number => diffs[Math.min(resamples - 1, Math.max(0, Math.ceil(q * resamples) - 1))] as number;
  return { kind: "median_difference", estimate: medianOf(a) - medianOf(b), low: at((1 - level) / 2), high: at((1 + level) / 2), level };
}

/**
 * The median of a bootstrap resample of ascending `sorted`, in O(n): draw n indices, count them, and
 * walk the counts to the nearest-rank median's position (a resample's order statistics are those of
 * its indices, since `sorted` is ascending).
 */
function bootMedian(sorted: ReadonlyArray<number>, random: () => number, counts: Uint32Array): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(random() * n);
    counts[k] = (counts[k] as number) + 1;
  }
  const rank = Math.max(1, Math.ceil(n / 2));
  let seen = 0;
  for (let i = 0; i < n; i++) {
    seen += counts[i] as number;
    if (seen >= rank) return sorted[i] as number;
  }
  return sorted[n - 1] as number;
}

/**
 * Benjamini–Hochberg step-up: the adjusted p-values (q-values) of `pValues`, in their order. A
 * hypothesis is rejected at FDR `alpha` iff its adjusted p-value is ≤ alpha.
 */
export function benjaminiHochberg(pValues: ReadonlyArray<number>): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1] as readonly [number, number];
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}
