/**
 * The tests a finding can name (docs/kpis.md, "Findings"):
 *
 * - `two_proportion_z`: rates, pooled two-proportion z test (every expected cell count ≥ 5);
 * - `fisher_exact`: rates with a small expected cell count, Fisher's exact test;
 * - `poisson_rate_exact` / `poisson_rate_normal`: counts over exposures, the conditional binomial
 *   test (exact up to 100 000 events, its normal approximation above);
 * - `mann_whitney_exact` / `mann_whitney_normal`: durations, Mann–Whitney U (exact below 50 values
 *   per side without ties; else normal with tie and continuity corrections).
 *
 * @example
 * FINDING_TESTS.includes("fisher_exact"); // => true
 */
export const FINDING_TESTS = ["two_proportion_z", "fisher_exact", "poisson_rate_exact", "poisson_rate_normal", "mann_whitney_exact", "mann_whitney_normal"] as const;

/**
 * One of {@link FINDING_TESTS}.
 *
 * @example
 * const test: FindingTest = "mann_whitney_normal";
 */
export type FindingTest = (typeof FINDING_TESTS)[number];

/**
 * An effect size with its interval at `level` (1 − alpha): the difference of two proportions
 * (Newcombe's hybrid score interval), the ratio of two rates (exact conditional interval; `estimate`
 * and `high` are `null` when unbounded, a baseline of 0), or the difference of two medians in ms
 * (seeded percentile bootstrap). Current minus (or over) baseline.
 *
 * @example
 * const effect: FindingEffect = { kind: "proportion_difference", estimate: 0.2, low: 0.0524, high: 0.3339, level: 0.95 };
 */
export interface FindingEffect {
  readonly kind: "proportion_difference" | "rate_ratio" | "median_difference";
  readonly estimate: number | null;
  readonly low: number;
  readonly high: number | null;
  readonly level: number;
}

/**
 * A tested comparison: the test, its two-sided p-value, the Benjamini–Hochberg adjusted p-value over
 * every comparison tested together, whether it is significant (adjusted p ≤ alpha), the direction
 * and the effect size.
 *
 * @example
 * const tested: TestedChange = {
 *   test: "poisson_rate_exact", pValue: 0.004, adjustedPValue: 0.02, significant: true, direction: "up",
 *   effect: { kind: "rate_ratio", estimate: 2.1, low: 1.3, high: 3.5, level: 0.95 },
 * };
 */
export interface TestedChange {
  readonly test: FindingTest;
  readonly pValue: number;
  readonly adjustedPValue: number;
  readonly significant: boolean;
  /** `"up"` / `"down"` when significant, else `"none"`. */
  readonly direction: "up" | "down" | "none";
  readonly effect: FindingEffect;
}
