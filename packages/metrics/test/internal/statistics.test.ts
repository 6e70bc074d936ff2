// The exact statistics behind every KPI (docs/kpis.md, "Statistics").
import { describe, expect, it } from "vitest";
import { CATASTROPHIC_MS } from "@supportops/test-utils";
import { kaplanMeierMedian, percentile, wilsonInterval } from "../../src/internal/statistics.js";
import { kmMedian, nearestRank } from "../support/naiveKpis.js";

describe("percentile", () => {
  it("nearest rank is an observed value; linear interpolates (metrics-anchors' fixture [1, 2, 3, 4])", () => {
    expect(percentile([1, 2, 3, 4], 50, "nearestRank")).toBe(2);
    expect(percentile([1, 2, 3, 4], 50, "linear")).toBe(3); // 2.5 rounded to a whole ms
    expect(percentile([10, 20, 30, 40], 50, "linear")).toBe(25);
    expect(percentile([], 50, "nearestRank")).toBeNull();
  });

  it("computes ranks in integers: p90 of 30 values is the 27th, not the 28th (0.9 × 30 = 27.000000000000004 in floats)", () => {
    const values = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(percentile(values, 90, "nearestRank")).toBe(27);
    for (let n = 1; n <= 200; n++) {
      const list = Array.from({ length: n }, (_, i) => i * 7);
      for (const q of [50, 90]) expect(percentile(list, q, "nearestRank"), `n=${n} q=${q}`).toBe(nearestRank(list, q));
    }
  });
});

describe("wilsonInterval", () => {
  it("matches the textbook values and stays inside [0, 1]", () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27753, 5);
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.23659, 5);
    expect(half.high).toBeCloseTo(0.76341, 5);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("kaplanMeierMedian", () => {
  it("decides S ≤ ½ exactly where floats would wobble, and agrees with a by-the-book reference", () => {
    // S after the fourth distinct time is 9/10 · 7/9 · 6/7 · 5/6 = 1/2 exactly.
    expect(kaplanMeierMedian([1, 2, 2, 3, 4, 5, 8], [48, 48, 48])).toBe(4);
    let state = 1;
    const next = (): number => (state = (state * 48_271) % 2_147_483_647);
    for (let run = 0; run < 300; run++) {
      const events = Array.from({ length: next() % 40 }, () => next() % 12);
      const censored = Array.from({ length: next() % 40 }, () => next() % 12);
      const items = [...events.map((time) => ({ time, event: true })), ...censored.map((time) => ({ time, event: false }))];
      expect(kaplanMeierMedian(events, censored)).toBe(kmMedian(items));
    }
  });

  it("decides exact halves in large cohorts quickly (the product telescopes between censorings)", () => {
    // 20 000 distinct event times: S = (20 000 − k) / 20 000 reaches ½ exactly at k = 10 000.
    const start = performance.now();
    expect(kaplanMeierMedian(Array.from({ length: 20_000 }, (_, i) => i + 1), [])).toBe(10_000);
    expect(performance.now() - start).toBeLessThan(CATASTROPHIC_MS);
    const events = Array.from({ length: 1_500 }, (_, i) => (i % 700) + 1);
    const censored = [5, 5, 17, 300, 300, 301, 900];
    const items = [...events.map((time) => ({ time, event: true })), ...censored.map((time) => ({ time, event: false }))];
    expect(kaplanMeierMedian(events, censored)).toBe(kmMedian(items));
  });
});
