// Order statistics by selection (quickselect) against a plain sort: the percentiles, duration stats,
// medians and Kaplan–Meier medians the report finishes its cells with must be the very numbers a
// full sort gives, for every percentile method, with ties, at n = 1, 2, small and large, even and odd.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import {
  durationStats,
  durationStatsUnordered,
  kaplanMeierMedian,
  kaplanMeierMedianSorted,
  percentile,
  selectInPlace,
  selectPercentileRanks,
  type PercentileMethod,
} from "../../src/internal/statistics.js";

const METHODS: ReadonlyArray<PercentileMethod> = ["nearestRank", "linear"];
const ascending = (values: ReadonlyArray<number>): number[] => [...values].sort((a, b) => a - b);

/** Whole-ms values: wide ranges, and narrow ones full of ties; lengths from 1 to past the insertion-sort cut-off. */
const valuesArb = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
  fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 60 }),
  fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 400 }),
  fc.array(fc.constantFrom(0, 60_000, 86_400_000), { minLength: 1, maxLength: 400 }),
);

describe("selectInPlace", () => {
  it("puts the rank-k value at k, nothing larger before it and nothing smaller after it", () => {
    fc.assert(
      fc.property(valuesArb, fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const a = Float64Array.from(values);
        selectInPlace(a, k, 0, a.length - 1);
        const sorted = ascending(values);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
        expect(ascending(Array.from(a))).toEqual(sorted); // a permutation
      }),
      { numRuns: numRuns(300) },
    );
  });

  it("stays exact on inputs that make median-of-three pivots lopsided (organ pipe, sorted, reversed, all equal)", () => {
    const n = 5001;
    const shapes = [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Array.from({ length: n }, () => 7),
      Array.from({ length: n }, (_, i) => (i % 2) * n + i),
    ];
    for (const values of shapes) {
      const sorted = ascending(values);
      for (const k of [0, 1, 2500, 4499, 5000]) {
        const a = Float64Array.from(values);
        selectInPlace(a, k, 0, n - 1);
        expect(a[k]).toBe(sorted[k]);
      }
    }
  });
});

describe("percentiles by selection", () => {
  it("give the percentile of the sorted values for every q and method, several ranks at once", () => {
    fc.assert(
      fc.property(valuesArb, fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(...METHODS), (values, qs, method) => {
        const a = Float64Array.from(values);
        selectPercentileRanks(a, qs, method);
        const sorted = ascending(values);
        for (const q of qs) expect(percentile(a, q, method)).toBe(percentile(sorted, q, method));
      }),
      { numRuns: numRuns(300) },
    );
  });

  it("duration stats without a sort equal those of the sorted values (n = 1, 2, even, odd)", () => {
    fc.assert(
      fc.property(valuesArb, fc.constantFrom(...METHODS), fc.integer({ min: 0, max: 50 }), (values, method, minN) => {
        const o = { percentile: method, minN };
        expect(durationStatsUnordered(Float64Array.from(values), o)).toEqual(durationStats(ascending(values), o));
      }),
      { numRuns: numRuns(300) },
    );
    for (const method of METHODS) {
      const o = { percentile: method, minN: 5 };
      for (const values of [[], [5], [9, 4], [3, 3], [4, 1, 7], [8, 2, 2, 6]]) {
        expect(durationStatsUnordered(Float64Array.from(values), o)).toEqual(durationStats(ascending(values), o));
      }
    }
  });
});

describe("kaplanMeierMedianSorted", () => {
  it("equals kaplanMeierMedian on the same times sorted", () => {
    fc.assert(
      fc.property(valuesArb, fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), (events, censored) => {
        expect(kaplanMeierMedianSorted(ascending(events), ascending(censored))).toBe(kaplanMeierMedian(events, censored));
      }),
      { numRuns: numRuns(200) },
    );
  });
});
