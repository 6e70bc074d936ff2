// Exact statistics: percentiles on sorted integer values, the Wilson interval, and the Kaplan–Meier
// median decided in exact rational arithmetic.

import type { DurationStats, RateStats } from "../KpiResult.js";

/** How a percentile picks its value: nearest-rank (Hyndman–Fan type 1) or linear interpolation (type 7). */
export type PercentileMethod = "nearestRank" | "linear";

/** How each percentile method is named in a result's `method`. */
export const PERCENTILE_NAMES = { nearestRank: "nearest-rank (Hyndman–Fan type 1)", linear: "linear interpolation (Hyndman–Fan type 7), rounded to whole ms" } as const;

/** Percentile stats of ascending durations (integer ms), as every duration KPI reports them. */
export function durationStats(ascending: ArrayLike<number>, o: { readonly percentile: PercentileMethod; readonly minN: number }): DurationStats {
  const n = ascending.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ascending[i] as number;
  return {
    median: percentile(ascending, 50, o.percentile),
    p90: percentile(ascending, 90, o.percentile),
    mean: n === 0 ? null : Math.round(sum / n),
    min: n === 0 ? null : (ascending[0] as number),
    max: n === 0 ? null : (ascending[n - 1] as number),
    belowMinN: n < o.minN,
  };
}

/**
 * {@link durationStats} of `values` in any order, without sorting them: min, max and the sum in one
 * pass, the percentiles' order statistics by selection. `values` is scratch (reordered). The same
 * numbers as sorting first: the values are integer ms, so the sum is exact in any order, and
 * {@link percentile} reads only the ranks {@link selectPercentileRanks} put in place.
 */
export function durationStatsUnordered(values: Float64Array, o: { readonly percentile: PercentileMethod; readonly minN: number }): DurationStats {
  const n = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  selectPercentileRanks(values, [50, 90], o.percentile);
  return {
    median: percentile(values, 50, o.percentile),
    p90: percentile(values, 90, o.percentile),
    mean: n === 0 ? null : Math.round(sum / n),
    min: n === 0 ? null : min,
    max: n === 0 ? null : max,
    belowMinN: n < o.minN,
  };
}

/**
 * Reorders `values` so that every position {@link percentile} reads for the percentiles `qs` holds
 * the value a full ascending sort would put there; then `percentile(values, q, method)` is the
 * percentile of the values. Expected linear time (quickselect), instead of a sort's n log n.
 */
export function selectPercentileRanks(values: Float64Array, qs: ReadonlyArray<number>, method: PercentileMethod): void {
  const n = values.length;
  if (n === 0) return;
  const ranks: number[] = [];
  for (const q of qs) {
    if (method === "nearestRank") ranks.push(Math.max(1, Math.floor((n * q + 99) / 100)) - 1);
    else {
      const lo = Math.floor(((n - 1) * q) / 100);
      ranks.push(lo, Math.min(lo + 1, n - 1));
    }
  }
  ranks.sort((a, b) => a - b);
  // After selecting rank k, everything after k is ≥ it: a larger rank is found among those.
  let left = 0;
  for (const k of ranks) {
    if (k < left) continue;
    selectInPlace(values, k, left, n - 1);
    left = k + 1;
  }
}

/**
 * Quickselect (Hoare partition, median-of-three pivot): afterwards `a[k]` is the value of rank `k`
 * among `a[left…right]`, everything in `left…k−1` is ≤ it and everything in `k+1…right` ≥ it. Falls
 * back to sorting the remaining range when the partitions keep coming out lopsided, so it is never
 * quadratic.
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * (32 - Math.clz32(right - left + 1)) + 8;
  while (right - left > 16) {
    if (budget === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    budget -= 1;
    const mid = (left + right) >>> 1;
    let x = a[left] as number;
    let y = a[mid] as number;
    let z = a[right] as number;
    if (y < x) [x, y] = [y, x];
    if (z < y) {
      [y, z] = [z, y];
      if (y < x) [x, y] = [y, x];
    }
    a[left] = x;
    a[mid] = y;
    a[right] = z;
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i += 1;
      while ((a[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    // Now left…j ≤ pivot ≤ i…right, and j + 1 … i − 1 are all equal to the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
  for (let i = left + 1; i <= right; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= left && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j -= 1;
    }
    a[j + 1] = v;
  }
}

/** A rate's stats: its successes and their Wilson interval. */
export function rateStats(successes: number, n: number): RateStats {
  return { successes, ci: wilsonInterval(successes, n) };
}

/** The `q`-th percentile (q an integer 0…100) of ascending `sorted`; `null` for no values. */
export function percentile(sorted: ArrayLike<number>, q: number, method: PercentileMethod): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (method === "nearestRank") {
    // rank = ceil(n·q/100) in integers, so 0.9 × 30 cannot become 27.000000000000004.
    const rank = Math.max(1, Math.floor((n * q + 99) / 100));
    return sorted[rank - 1] as number;
  }
  // Type 7: h = (n − 1)·q/100, interpolated between the neighbours, rounded to a whole millisecond.
  const scaled = (n - 1) * q;
  const lo = Math.floor(scaled / 100);
  const hundredths = scaled % 100;
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, n - 1)] as number;
  // a + (hundredths / 100)(b − a) in whole numbers first, so a value that is exactly x.5 rounds up
  // and no float error decides a rounding.
  return hundredths === 0 ? a : Math.round((a * 100 + hundredths * (b - a)) / 100);
}

/** The mean of `values`, or `null` for none. */
export function mean(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** z for a two-sided 95 % interval. */
const WILSON_Z = 1.959963984540054;

/** The Wilson score interval of `successes` out of `n`, clipped to [0, 1]; `null` when n = 0. */
export function wilsonInterval(successes: number, n: number): { readonly low: number; readonly high: number } | null {
  if (n === 0) return null;
  const z = WILSON_Z;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 and p = 1 the bound is exactly 0 or 1; floats would say 1e-17 or 0.9999999999999999.
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}

/**
 * The Kaplan–Meier median: the first event time at which the survival estimate S(t) = Π (1 − dᵢ/nᵢ)
 * is ≤ ½, or `null` when it never gets there. At a time with both events and censorings, the censored
 * are still at risk (events come first). The comparison with ½ is exact: a float product decides when
 * it is clearly away from ½, and a rational product in BigInt decides the close calls.
 */
export function kaplanMeierMedian(events: ArrayLike<number>, censored: ArrayLike<number>): number | null {
  return kaplanMeierMedianSorted(Float64Array.from(events).sort(), Float64Array.from(censored).sort());
}

/** {@link kaplanMeierMedian} of event and censoring times already in ascending order. */
export function kaplanMeierMedianSorted(e: ArrayLike<number>, c: ArrayLike<number>): number | null {
  let atRisk = e.length + c.length;
  let survival = 1;
  // Exact factors so far, only materialised when a float comparison is too close to call.
  const factors: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < e.length) {
    const t = e[i] as number;
    // Those censored strictly before t have left the risk set.
    while (j < c.length && (c[j] as number) < t) {
      atRisk -= 1;
      j += 1;
    }
    let d = 0;
    while (i < e.length && e[i] === t) {
      d += 1;
      i += 1;
    }
    factors.push([atRisk - d, atRisk]);
    survival *= (atRisk - d) / atRisk;
    if (survival < 0.5 - 1e-9) return t;
    if (survival <= 0.5 + 1e-9 && exactAtMostHalf(factors)) return t;
    atRisk -= d;
  }
  return null;
}

function exactAtMostHalf(factors: ReadonlyArray<readonly [number, number]>): boolean {
  // The product telescopes wherever nobody was censored between two event times (each factor's
  // numerator is the next one's denominator): cancel equal numerators and denominators first, so
  // only the few factors around censorings are multiplied out (thousands of them made BigInts of
  // hundreds of thousands of bits).
  const denominators = new Map<number, number>();
  for (const [, b] of factors) denominators.set(b, (denominators.get(b) ?? 0) + 1);
  let num = 1n;
  for (const [a] of factors) {
    const count = denominators.get(a) ?? 0;
    if (count > 0) denominators.set(a, count - 1);
    else num *= BigInt(a);
  }
  let den = 1n;
  for (const [b, count] of denominators) for (let k = 0; k < count; k++) den *= BigInt(b);
  return 2n * num <= den;
}
