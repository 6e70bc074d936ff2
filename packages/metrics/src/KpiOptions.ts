import type { BusinessCalendarLike, DurationInput, TimeInput } from "@supportops/core";

/**
 * The KPIs this package computes, by their `kpi` id.
 *
 * @example
 * KPI_IDS.includes("first_response_time"); // => true
 */
export const KPI_IDS = [
  "tickets_resolved",
  "first_response_time",
  "resolution_time",
  "first_contact_resolution",
  "reopen_rate",
  "csat",
  "resolution_survival",
  "backlog",
  "first_response_time_business",
  "resolution_time_business",
  "sla_attainment",
] as const;

/**
 * One of {@link KPI_IDS}.
 *
 * @example
 * const kpi: KpiId = "csat";
 */
export type KpiId = (typeof KPI_IDS)[number];

/**
 * An instant, or a local date `"YYYY-MM-DD"` meaning the first instant of that date in the options'
 * `timeZone`.
 *
 * @example
 * const from: KpiInstant = "2026-01-01";
 * const to: KpiInstant = "2026-04-01T00:00:00+02:00";
 */
export type KpiInstant = TimeInput;

/**
 * The half-open period `[from, to)` a KPI reports on.
 *
 * @example
 * const period: KpiPeriod = { from: "2026-01-01", to: "2026-02-01" };
 */
export interface KpiPeriod {
  readonly from: KpiInstant;
  readonly to: KpiInstant;
}

/**
 * How percentiles pick their value: `"nearestRank"` (default; Hyndman–Fan type 1, always an observed
 * value) or `"linear"` (type 7, as pandas and DuckDB's `quantile_cont`; rounded to whole ms).
 *
 * @example
 * const method: PercentileMethod = "linear";
 */
export type PercentileMethod = "nearestRank" | "linear";

/**
 * Options every period KPI takes. See docs/kpis.md.
 *
 * @example
 * const options: KpiOptions = { period: { from: "2026-01-01", to: "2026-02-01" }, timeZone: "Europe/Berlin", reopenWindow: "P7D" };
 */
export interface KpiOptions {
  /** The half-open period `[from, to)`. */
  readonly period: KpiPeriod;
  /** The IANA zone local dates are read in and buckets are cut in. Default `"UTC"`. */
  readonly timeZone?: string;
  /** Only events at or before `asOf` are known. Default `period.to`; never before it. */
  readonly asOf?: KpiInstant;
  /** How long after a resolution a reopen still counts against it (inclusive). Default `"P7D"`. */
  readonly reopenWindow?: DurationInput;
  /** Percentile method. Default `"nearestRank"`. */
  readonly percentile?: PercentileMethod;
  /** Below this many values, percentile stats carry `belowMinN: true`. Default 5. */
  readonly minN?: number;
  /** First contact resolution: whether a ticket merged into another one fails FCR. Default `true`. */
  readonly mergedInFails?: boolean;
  /**
   * A business calendar (`createCalendar` from `@supportops/sla`, or any `BusinessCalendarLike`):
   * `firstResponseTime` and `resolutionTime` then measure business ms on it (kpi ids
   * `first_response_time_business`, `resolution_time_business`), and reports add those KPIs.
   */
  readonly calendar?: BusinessCalendarLike;
  /**
   * How duration percentiles are kept: exactly (default: every value is kept) or in a DDSketch per
   * cell and the ages of open and awaiting tickets in a DDSketch per group (bounded memory; each
   * percentile, `openMedianAge` and `awaitingMedianAge` within `relativeAccuracy` of the exact one;
   * counts, mean, min and max exact). See docs/kpis.md.
   */
  readonly percentiles?: PercentilesOption;
}

/**
 * How percentiles of first response and resolution times are kept: `{ method: "exact" }` (the
 * default) or `{ method: "ddsketch", relativeAccuracy?, maxBins? }` (bounded memory; α = 0.01 and
 * 2048 bins by default; nearest-rank on the sketch, so `percentile: "linear"` does not combine with it).
 *
 * @example
 * const percentiles: PercentilesOption = { method: "ddsketch", relativeAccuracy: 0.01 };
 */
export type PercentilesOption = { readonly method: "exact" } | { readonly method: "ddsketch"; readonly relativeAccuracy?: number; readonly maxBins?: number };

/**
 * Options of `backlog`: a snapshot at one instant.
 *
 * @example
 * const options: BacklogOptions = { at: "2026-02-01", timeZone: "Europe/Berlin" };
 */
export interface BacklogOptions {
  /** The snapshot instant (or local date). */
  readonly at: KpiInstant;
  /** Only events at or before `asOf` are known. Default `at`; never before it. */
  readonly asOf?: KpiInstant;
  /** The zone local dates are read in. Default `"UTC"`. */
  readonly timeZone?: string;
  /**
   * The lower bounds of the half-open age buckets, increasing from 0; the last bucket is open-ended.
   * Default `[0, "P1D", "P3D", "P7D", "P30D"]`.
   */
  readonly ageBuckets?: ReadonlyArray<DurationInput>;
  /** Percentile method for `medianAge`. Default `"nearestRank"`. */
  readonly percentile?: PercentileMethod;
}
