import type { TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, inPeriod, rateStats, readScore, requireIterable, resolveOptions } from "./internal/extraKpi.js";
import { mean } from "./internal/statistics.js";

/**
 * One customer effort answer ("the company made it easy to handle my issue", agreement), with when it
 * was given and, optionally, the ticket it is about. The event log has no field for it.
 *
 * @example
 * const response: CesResponse = { at: "2026-03-09T10:00:00Z", score: 6, ticketId: "T-1" };
 */
export interface CesResponse {
  readonly at: TimeInput;
  /** A whole number on the scale (default 1–7). */
  readonly score: number;
  readonly ticketId?: string;
}

/**
 * Options of {@link ces}.
 *
 * @example
 * const options: CesOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, scale: { min: 1, max: 7 }, agreeAtLeast: 5 };
 */
export interface CesOptions extends KpiOptions {
  /** The agreement scale. Default `{ min: 1, max: 7 }` (Gartner's CES 2.0). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** Scores at or above this agree. Default `scale.max − 2` (5–7 on 1–7). */
  readonly agreeAtLeast?: number;
}

/**
 * Stats of `ces`.
 *
 * @example
 * const stats: CesStats = { successes: 6, ci: { low: 0.3, high: 0.85 }, mean: 5.1, distribution: { "7": 2, "5": 4, "2": 4 } };
 */
export interface CesStats extends RateStats {
  /** Mean score on the scale. */
  readonly mean: number | null;
  /** How many responses gave each score. */
  readonly distribution: Readonly<Record<string, number>>;
}

/**
 * Customer effort score (CES 2.0, an agreement scale where higher is easier): over the responses given
 * in the period, the share that agree (at or above `agreeAtLeast`, default 5 of 7), with the mean
 * score and the distribution beside it. A legacy effort scale (lower = easier) is turned around by the
 * caller (`max + min − score`) before it comes here. See docs/kpis.md.
 *
 * @param responses - any iterable of `{ at, score, ticketId? }`
 * @param options - `period`, `timeZone`, `asOf`, `scale`, `agreeAtLeast`
 * @returns the `ces` result, a share with a Wilson interval
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`) for a score off the scale or a bad scale, `invalid_time` for a bad `at`
 * @example
 * const responses = [7, 6, 5, 3, 2].map((score, i) => ({ at: Date.UTC(2026, 2, 2 + i), score }));
 * const result = ces(responses, { period: { from: "2026-03-01", to: "2026-04-01" } });
 * result.value;      // => 0.6
 * result.stats.mean; // => 4.6
 */
export function ces(responses: Iterable<CesResponse>, options: CesOptions): GenericKpiResult<"ces", CesStats> {
  const o = resolveOptions(options, "ces(responses, { period: { from, to }, scale?, agreeAtLeast? })");
  const scale = options.scale ?? { min: 1, max: 7 };
  if (typeof scale !== "object" || scale === null || !Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max <= scale.min) {
    throw bad(["scale"], "expected { min, max }, whole numbers with min < max (CES 2.0: { min: 1, max: 7 })");
  }
  const agreeAtLeast = options.agreeAtLeast ?? scale.max - 2;
  if (typeof agreeAtLeast !== "number" || agreeAtLeast < scale.min || agreeAtLeast > scale.max) throw bad(["agreeAtLeast"], `expected a score from ${scale.min} to ${scale.max}`);
  const scores: number[] = [];
  const distribution: Record<string, number> = {};
  let successes = 0;
  let index = 0;
  for (const response of requireIterable(responses, "responses { at, score }")) {
    const { at, score } = readScore(response, index, scale, true);
    index += 1;
    if (!inPeriod(o, at) || at > o.asOf) continue;
    scores.push(score);
    distribution[String(score)] = (distribution[String(score)] ?? 0) + 1;
    if (score >= agreeAtLeast) successes += 1;
  }
  const n = scores.length;
  return {
    kpi: "ces",
    value: n === 0 ? null : successes / n,
    n,
    excluded: {},
    population: "customer effort responses given in the period",
    timeAnchor: "response",
    timeZone: o.timeZone,
    method: `share agreeing (score ≥ ${agreeAtLeast} on ${scale.min}–${scale.max}, higher = easier); mean of scores; Wilson 95 % interval`,
    stats: { ...rateStats(successes, n), mean: mean(scores), distribution },
  };
}
