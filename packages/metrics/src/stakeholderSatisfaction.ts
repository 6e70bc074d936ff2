import type { TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, inPeriod, rateStats, readObject, readScore, requireIterable, resolveOptions } from "./internal/extraKpi.js";
import { mean } from "./internal/statistics.js";

/**
 * One internal pulse answer (engineering, customer success… on the support partnership).
 *
 * @example
 * const response: StakeholderResponse = { at: "2026-03-31T10:00:00Z", score: 4, scaleMax: 5, stakeholder: "engineering" };
 */
export interface StakeholderResponse {
  readonly at: TimeInput;
  /** A whole number from 1 to `scaleMax`. */
  readonly score: number;
  /** Default 5. */
  readonly scaleMax?: number;
  /** Who answered (a team), for `byStakeholder`. */
  readonly stakeholder?: string;
}

/**
 * Stats of `stakeholder_satisfaction`.
 *
 * @example
 * const stats: StakeholderSatisfactionStats = { successes: 3, ci: { low: 0.3, high: 0.95 }, mean: 4, belowMinN: true, byStakeholder: { engineering: { n: 4, successes: 3 } } };
 */
export interface StakeholderSatisfactionStats extends RateStats {
  /** Mean score (on the responses' own scales). */
  readonly mean: number | null;
  /** Fewer responses than `minN`: internal samples are small, read with care. */
  readonly belowMinN: boolean;
  readonly byStakeholder: Readonly<Record<string, { readonly n: number; readonly successes: number }>>;
}

/**
 * Stakeholder (internal) satisfaction, the same machinery as CSAT: over the responses given in the
 * period, the share in the top two scores of their scale (4–5 of 5), with the mean, a Wilson interval,
 * `n` and a `belowMinN` flag — internal pulses are small. See docs/kpis.md.
 *
 * @param responses - any iterable of `{ at, score, scaleMax?, stakeholder? }`
 * @param options - `period`, `timeZone`, `asOf`, `minN`
 * @returns the `stakeholder_satisfaction` result
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`) for a bad score or scale, `invalid_time` for a bad `at`
 * @example
 * const responses = [
 *   { at: "2026-03-31T10:00:00Z", score: 5, stakeholder: "engineering" },
 *   { at: "2026-03-31T11:00:00Z", score: 3, stakeholder: "engineering" },
 *   { at: "2026-03-31T12:00:00Z", score: 4, stakeholder: "success" },
 * ];
 * stakeholderSatisfaction(responses, { period: { from: "2026-01-01", to: "2026-04-01" } }).value; // => 0.6666666666666666
 */
export function stakeholderSatisfaction(responses: Iterable<StakeholderResponse>, options: KpiOptions): GenericKpiResult<"stakeholder_satisfaction", StakeholderSatisfactionStats> {
  const o = resolveOptions(options, "stakeholderSatisfaction(responses, { period: { from, to } })");
  const scores: number[] = [];
  const byStakeholder: Record<string, { n: number; successes: number }> = {};
  let successes = 0;
  let index = 0;
  for (const response of requireIterable(responses, "responses { at, score }")) {
    const raw = readObject(response, [index], "a response { at, score }");
    const scaleMax = raw["scaleMax"] ?? 5;
    if (typeof scaleMax !== "number" || !Number.isInteger(scaleMax) || scaleMax < 2 || scaleMax > 10) throw bad([index, "scaleMax"], "expected a whole number from 2 to 10");
    const { at, score } = readScore(raw, index, { min: 1, max: scaleMax }, true);
    const who = raw["stakeholder"];
    if (who !== undefined && typeof who !== "string") throw bad([index, "stakeholder"], "expected a string");
    index += 1;
    if (!inPeriod(o, at) || at > o.asOf) continue;
    const good = score >= scaleMax - 1;
    scores.push(score);
    if (good) successes += 1;
    const entry = (byStakeholder[who ?? ""] ??= { n: 0, successes: 0 });
    entry.n += 1;
    if (good) entry.successes += 1;
  }
  const n = scores.length;
  return {
    kpi: "stakeholder_satisfaction",
    value: n === 0 ? null : successes / n,
    n,
    excluded: {},
    population: "internal stakeholder responses given in the period",
    timeAnchor: "response",
    timeZone: o.timeZone,
    method: "share in the top two scores of their scale (4–5 of 5); mean of raw scores; Wilson 95 % interval",
    stats: { ...rateStats(successes, n), mean: mean(scores), belowMinN: n < o.minN, byStakeholder },
  };
}
