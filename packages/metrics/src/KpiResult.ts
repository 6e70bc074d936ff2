import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { KpiId } from "./KpiOptions.js";

/**
 * Percentile stats of a duration KPI, in integer milliseconds (`null` when there are no values).
 *
 * @example
 * const stats: DurationStats = { median: 60000, p90: 120000, mean: 70000, min: 1000, max: 130000, belowMinN: false };
 */
export interface DurationStats {
  readonly median: number | null;
  readonly p90: number | null;
  /** Rounded to a whole millisecond. */
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Fewer values than the `minN` option: read the percentiles with care. */
  readonly belowMinN: boolean;
}

/**
 * A Wilson score interval (95 %), clipped to [0, 1].
 *
 * @example
 * const ci: ConfidenceInterval = { low: 0.41, high: 0.72 };
 */
export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * Stats of a rate KPI: the successes and the Wilson interval of `successes / n` (`null` when n = 0).
 *
 * @example
 * const stats: RateStats = { successes: 3, ci: { low: 0.3, high: 0.95 } };
 */
export interface RateStats {
  readonly successes: number;
  readonly ci: ConfidenceInterval | null;
}

/**
 * Stats of `first_response_time`.
 *
 * @example
 * const stats: FirstResponseStats = { median: 60000, p90: 60000, mean: 60000, min: 60000, max: 60000, belowMinN: true, awaitingFirstReply: 2, awaitingMedianAge: 3600000 };
 */
export interface FirstResponseStats extends DurationStats {
  /** Tickets open at `asOf`, not merged, whose response has started and that have no reply yet. */
  readonly awaitingFirstReply: number;
  /** Their median wait so far (`asOf` − response start); with DDSketch percentiles, within the sketch's relative accuracy. */
  readonly awaitingMedianAge: number | null;
}

/**
 * Stats of `resolution_time`.
 *
 * @example
 * const stats: ResolutionTimeStats = { median: 1, p90: 1, mean: 1, min: 1, max: 1, belowMinN: true, open: 1, openMedianAge: 5, censoredFraction: 0.5 };
 */
export interface ResolutionTimeStats extends DurationStats {
  /** Tickets open at `asOf` (not solved or closed, not merged away). */
  readonly open: number;
  /** Their median age (`asOf` − creation); with DDSketch percentiles, within the sketch's relative accuracy. */
  readonly openMedianAge: number | null;
  /** `open / (open + n)`, or `null` when both are 0. */
  readonly censoredFraction: number | null;
}

/**
 * Stats of `first_contact_resolution`.
 *
 * @example
 * const stats: FirstContactResolutionStats = { successes: 4, ci: { low: 0.3, high: 0.9 }, windowOpen: 1, failedOnlyByMergedIn: 0 };
 */
export interface FirstContactResolutionStats extends RateStats {
  /** Eligible tickets not reopened so far whose reopen window had not passed at `asOf`. */
  readonly windowOpen: number;
  /** Eligible tickets that failed only because another ticket was merged into them. */
  readonly failedOnlyByMergedIn: number;
}

/**
 * Stats of `reopen_rate`.
 *
 * @example
 * const stats: ReopenRateStats = { successes: 1, ci: { low: 0.01, high: 0.5 }, reopenEvents: 2, pendingWindow: 0 };
 */
export interface ReopenRateStats extends RateStats {
  /** Reopen events in the period (any ticket, not merged away). */
  readonly reopenEvents: number;
  /** Tickets of the population not reopened yet whose window is still open at `asOf`. */
  readonly pendingWindow: number;
}

/**
 * Stats of `csat`.
 *
 * @example
 * const stats: CsatStats = { successes: 2, ci: { low: 0.2, high: 0.9 }, mean: 3.7, distribution: { "5/5": 1, "4/5": 1, "2/5": 1 } };
 */
export interface CsatStats extends RateStats {
  /** Mean of the scores (on their own scales). */
  readonly mean: number | null;
  /** How many ratings gave each `score/scaleMax`. */
  readonly distribution: Readonly<Record<string, number>>;
}

/**
 * One age bucket of a backlog, half-open `[from, to)` in ms (`to` is `null` for the open-ended last one).
 *
 * @example
 * const bucket: BacklogAgeBucket = { from: 0, to: 86400000, count: 12 };
 */
export interface BacklogAgeBucket {
  readonly from: number;
  readonly to: number | null;
  readonly count: number;
}

/**
 * Stats of `backlog`.
 *
 * @example
 * const stats: BacklogStats = { buckets: [{ from: 0, to: null, count: 1 }], medianAge: 5, meanAge: 5, byStatus: { open: 1 } };
 */
export interface BacklogStats {
  readonly buckets: ReadonlyArray<BacklogAgeBucket>;
  readonly medianAge: number | null;
  readonly meanAge: number | null;
  readonly byStatus: Readonly<Record<string, number>>;
}

/**
 * Stats of `resolution_survival`.
 *
 * @example
 * const stats: ResolutionSurvivalStats = { events: 7, censored: 3, naiveMedian: 10800000, naiveMean: 12857143 };
 */
export interface ResolutionSurvivalStats {
  readonly events: number;
  readonly censored: number;
  /** Median over resolved tickets only (biased low; for comparison). */
  readonly naiveMedian: number | null;
  /** Mean over resolved tickets only, rounded to a whole millisecond. */
  readonly naiveMean: number | null;
}

/**
 * Statistics of SLA attainment.
 *
 * @example
 * const stats: SlaAttainmentStats = { successes: 9, breached: 1, ci: { low: 0.596, high: 0.982 }, undetermined: 2, byMetric: { first_response: { met: 9, breached: 1 } } };
 */
export interface SlaAttainmentStats extends RateStats {
  /** Cycles breached (at the breach instant, even while the ticket is open). */
  readonly breached: number;
  /** Cycles still running (or paused) and not breached at `asOf`: no outcome yet. */
  readonly undetermined: number;
  /** Met and breached per SLA metric. */
  readonly byMetric: Readonly<Record<string, { readonly met: number; readonly breached: number }>>;
}

/**
 * The stats each KPI reports.
 *
 * @example
 * const stats: KpiStatsOf<"csat"> = { successes: 0, ci: null, mean: null, distribution: {} };
 */
export interface KpiStatsMap {
  readonly tickets_resolved: Readonly<Record<string, never>>;
  readonly first_response_time: FirstResponseStats;
  readonly resolution_time: ResolutionTimeStats;
  readonly first_contact_resolution: FirstContactResolutionStats;
  readonly reopen_rate: ReopenRateStats;
  readonly csat: CsatStats;
  readonly backlog: BacklogStats;
  readonly resolution_survival: ResolutionSurvivalStats;
  readonly first_response_time_business: FirstResponseStats;
  readonly resolution_time_business: ResolutionTimeStats;
  readonly sla_attainment: SlaAttainmentStats;
}

/**
 * The stats of KPI `K`.
 *
 * @example
 * const stats: KpiStatsOf<"reopen_rate"> = { successes: 0, ci: null, reopenEvents: 0, pendingWindow: 0 };
 */
export type KpiStatsOf<K extends KpiId> = KpiStatsMap[K];

/**
 * What every KPI returns: the value and everything needed to defend it.
 *
 * @example
 * const result: KpiResult<"tickets_resolved"> = ticketsResolved([], { period: { from: "2026-01-01", to: "2026-02-01" } });
 * result.value;    // => 0
 * result.excluded; // => { merged: 0, reopenedBeforeEnd: 0 }
 */
export interface KpiResult<K extends KpiId = KpiId> extends GenericKpiResult<K, KpiStatsOf<K>> {}
