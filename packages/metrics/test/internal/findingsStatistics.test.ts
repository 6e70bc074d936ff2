// The tests behind detectChanges and topDrivers, against published worked examples (each cited with
// its numbers) and, where a textbook gives no number, against the defining formula by hand.
import { describe, expect, it } from "vitest";
import { binomialTwoSided, clopperPearson, fisherTwoSided, normalQuantile, normalTwoSided, normalUpperTail } from "../../src/internal/findings/distributions.js";
import { benjaminiHochberg, compareCounts, compareProportions, mannWhitney, medianDifference } from "../../src/internal/findings/tests.js";

describe("normal distribution", () => {
  it("matches the standard normal table (Abramowitz & Stegun, Table 26.1) deep into the tail", () => {
    expect(normalUpperTail(1)).toBeCloseTo(0.158655253931457, 14);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalUpperTail(3)).toBeCloseTo(0.00134989803163009, 15);
    expect(normalUpperTail(8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
    expect(normalTwoSided(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829303548901, 12);
  });
});

describe("two proportions", () => {
  it("Newcombe (1998), Statistics in Medicine 17:873–890, Table II method 10: 56/70 − 48/80 → 0.0524 to 0.3339; 9/10 − 3/10 → 0.1705 to 0.8090", () => {
    const a = compareProportions(56, 70, 48, 80, 0.95);
    expect(a.effect.estimate).toBeCloseTo(0.2, 12);
    expect(a.effect.low).toBeCloseTo(0.0524, 4);
    expect(a.effect.high).toBeCloseTo(0.3339, 4);
    const b = compareProportions(9, 10, 3, 10, 0.95);
    expect(b.effect.low).toBeCloseTo(0.1705, 4);
    expect(b.effect.high).toBeCloseTo(0.809, 4);
  });

  it("Agresti, An Introduction to Categorical Data Analysis, the Physicians' Health Study: MI 189/11 034 (placebo) vs 104/11 037 (aspirin), X² = 25.01, so z ≈ 5.00", () => {
    const result = compareProportions(189, 11_034, 104, 11_037, 0.95);
    expect(result.test).toBe("two_proportion_z");
    // X² = z² for the pooled z test; the two-sided p of X² = 25.01 on 1 df.
    expect(result.pValue).toBeCloseTo(normalTwoSided(Math.sqrt(25.01)), 8);
    expect(result.sign).toBe(1);
  });

  it("uses Fisher's exact test when an expected count is below 5: Fisher's tea-tasting (The Design of Experiments, 1935), 3 of 4 cups right, two-sided p = 34/70", () => {
    expect(fisherTwoSided(3, 4, 1, 4)).toBeCloseTo(34 / 70, 12);
    const result = compareProportions(3, 4, 1, 4, 0.95);
    expect(result.test).toBe("fisher_exact");
    expect(result.pValue).toBeCloseTo(34 / 70, 12);
  });

  it("keeps zero counts finite: 0/30 vs 0/30 is no change", () => {
    const result = compareProportions(0, 30, 0, 30, 0.95);
    expect(result.pValue).toBe(1);
    expect(result.effect.estimate).toBe(0);
    expect(result.effect.low).toBeLessThan(0);
    expect(result.effect.high).toBeGreaterThan(0);
  });
});

describe("counts: the conditional Poisson rate test", () => {
  it("is Conover's exact binomial example when the exposures are 3:1 (Practical Nonparametric Statistics, 1971, p. 97f: 682 of 925 at p = 3/4, p = 0.3825, 95 % CI 0.7077 to 0.7654)", () => {
    expect(binomialTwoSided(682, 925, 0.75)).toBeCloseTo(0.3825, 4);
    const cp = clopperPearson(682, 925, 0.95);
    expect(cp.low).toBeCloseTo(0.7076683, 6);
    expect(cp.high).toBeCloseTo(0.7654066, 6);
    // 682 events over 3 units of time against 243 over 1: under equal rates X₁ | total ~ Bin(925, 3/4).
    const result = compareCounts(682, 3, 243, 1, 0.95);
    expect(result.test).toBe("poisson_rate_exact");
    expect(result.pValue).toBeCloseTo(0.3825, 4);
    // The rate-ratio interval maps the binomial one: π/(1−π) · t₂/t₁.
    expect(result.effect.low).toBeCloseTo((0.7076683 / (1 - 0.7076683)) / 3, 5);
    expect(result.effect.high).toBeCloseTo((0.7654066 / (1 - 0.7654066)) / 3, 5);
  });

  it("handles zero counts: 0 vs 0 is p = 1 with no ratio; 5 vs 0 has an unbounded ratio", () => {
    const none = compareCounts(0, 7, 0, 7, 0.95);
    expect(none.pValue).toBe(1);
    expect(none.effect.estimate).toBeNull();
    const some = compareCounts(5, 7, 0, 7, 0.95);
    expect(some.pValue).toBeCloseTo(2 * 0.5 ** 5, 12);
    expect(some.effect.estimate).toBeNull();
    expect(some.effect.high).toBeNull();
    expect(some.effect.low).toBeGreaterThan(0);
  });
});

describe("Mann–Whitney U", () => {
  it("Hollander & Wolfe (1973), p. 69f: permeability at term vs 12–26 weeks, W = U = 35, one-sided exact p = 0.1272", () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitney(x, y);
    expect(result.u).toBe(35);
    expect(result.test).toBe("mann_whitney_exact");
    expect(result.pValue).toBeCloseTo(2 * 0.1272, 4);
  });

  it("uses the normal approximation with tie and continuity corrections, as the formula gives by hand", () => {
    const a = [1, 2, 2, 3, 3, 3];
    const b = [2, 3, 4, 4, 5, 5, 5, 6];
    const result = mannWhitney(a, b);
    expect(result.test).toBe("mann_whitney_normal");
    // Midranks of the 14 values: 1 | 2,2,2 → 3 | 3,3,3,3 → 6.5 | 4,4 → 9.5 | 5,5,5 → 12 | 6 → 14.
    const r1 = 1 + 3 + 3 + 6.5 * 3;
    const u = r1 - (6 * 7) / 2;
    expect(result.u).toBe(u);
    const ties = (3 ** 3 - 3) + (4 ** 3 - 4) + (2 ** 3 - 2) + (3 ** 3 - 3);
    const variance = ((6 * 8) / 12) * (15 - ties / (14 * 13));
    expect(result.pValue).toBeCloseTo(normalTwoSided((Math.abs(u - 24) - 0.5) / Math.sqrt(variance)), 14);
  });

  it("is symmetric: swapping the samples keeps p and mirrors U", () => {
    const a = [5, 9, 13, 2, 40, 7];
    const b = [1, 3, 4, 6, 8, 10, 11];
    expect(mannWhitney(b, a).pValue).toBeCloseTo(mannWhitney(a, b).pValue, 14);
    expect(mannWhitney(b, a).u).toBe(a.length * b.length - mannWhitney(a, b).u);
  });

  it("bootstraps the median difference reproducibly from a seed, the estimate inside its interval", () => {
    const a = Array.from({ length: 40 }, (_, i) => 1000 + i * 37);
    const b = Array.from({ length: 30 }, (_, i) => 500 + i * 41);
    const one = medianDifference(a, b, 0.95, 500, 7);
    expect(medianDifference(a, b, 0.95, 500, 7)).toStrictEqual(one);
    expect(one.low).toBeLessThanOrEqual(one.estimate as number);
    expect(one.high as number).toBeGreaterThanOrEqual(one.estimate as number);
  });
});

describe("Benjamini–Hochberg", () => {
  it("Benjamini & Hochberg (1995), JRSS B 57:289–300, §4: of the 15 p-values of Neuhaus et al., 4 are rejected at q = 0.05", () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const adjusted = benjaminiHochberg(p);
    expect(adjusted.filter((q) => q <= 0.05).length).toBe(4);
    expect(adjusted[3]).toBeCloseTo((0.0095 * 15) / 4, 12);
    // Monotone in p and never below p.
    adjusted.forEach((q, i) => expect(q).toBeGreaterThanOrEqual(p[i] as number));
  });

  it("keeps the input order and handles no hypotheses", () => {
    expect(benjaminiHochberg([])).toStrictEqual([]);
    expect(benjaminiHochberg([0.04, 0.01])).toStrictEqual([0.04, 0.02]);
  });
});
