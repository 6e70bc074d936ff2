import type { TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { ConfidenceInterval } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { inPeriod, readScore, requireIterable, resolveOptions } from "./internal/extraKpi.js";

/**
 * One NPS survey answer: "how likely are you to recommend us", 0–10, and when it was given. The event
 * log has no field for it, so NPS takes its own records.
 *
 * @example
 * const response: NpsResponse = { at: "2026-03-09T10:00:00Z", score: 9 };
 */
export interface NpsResponse {
  readonly at: TimeInput;
  /** A whole number from 0 to 10. */
  readonly score: number;
}

/**
 * Stats of `nps`.
 *
 * @example
 * const stats: NpsStats = { promoters: 5, passives: 3, detractors: 2, ci: { low: -12.4, high: 58.1 }, belowMinN: false };
 */
export interface NpsStats {
  /** Scores 9–10. */
  readonly promoters: number;
  /** Scores 7–8 (in the denominator, in neither share). */
  readonly passives: number;
  /** Scores 0–6. */
  readonly detractors: number;
  /** 95 % adjusted-Wald interval of the NPS, in NPS points, clipped to [−100, 100]; `null` when n = 0. */
  readonly ci: ConfidenceInterval | null;
  /** Fewer responses than `minN`. */
  readonly belowMinN: boolean;
}

const Z = 1.959963984540054;

/**
 * Net Promoter Score over the responses given in the period: `100 × (promoters − detractors) / n`, from
 * −100 to +100, where promoters score 9–10, passives 7–8 and detractors 0–6. The interval is the
 * adjusted Wald interval (Rocks, The American Statistician 70(4), 2016): ¾ added to promoters and to
 * detractors, 3 to n, then `NPS ± z·√((p + d − (p − d)²)/n)`. Every response counts (no de-duplication).
 * See docs/kpis.md.
 *
 * @param responses - any iterable of `{ at, score }`, score a whole number 0–10
 * @param options - `period`, `timeZone`, `asOf` (responses after it are unknown), `minN`
 * @returns the `nps` result
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`, path `[index, "score"]`) for a bad score, `invalid_time` for a bad `at`, and option errors
 * @example
 * const responses = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5].map((score, i) => ({ at: Date.UTC(2026, 2, 1 + i), score }));
 * nps(responses, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 20 (5 promoters, 3 detractors of 10)
 */
export function nps(responses: Iterable<NpsResponse>, options: KpiOptions): GenericKpiResult<"nps", NpsStats> {
  const o = resolveOptions(options, "nps(responses, { period: { from, to } })");
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let index = 0;
  for (const response of requireIterable(responses, "responses { at, score }")) {
    const { at, score } = readScore(response, index, { min: 0, max: 10 }, true);
    index += 1;
    if (!inPeriod(o, at) || at > o.asOf) continue;
    if (score >= 9) promoters += 1;
    else if (score >= 7) passives += 1;
    else detractors += 1;
  }
  const n = promoters + passives + detractors;
  return {
    kpi: "nps",
    value: n === 0 ? null : (100 * (promoters - detractors)) / n,
    n,
    excluded: {},
    population: "NPS responses given in the period (0–10)",
    timeAnchor: "response",
    timeZone: o.timeZone,
    method: "100 × (promoters 9–10 − detractors 0–6) / all responses; 95 % adjusted-Wald interval (¾ added to promoters and detractors, 3 to n)",
    stats: { promoters, passives, detractors, ci: npsInterval(promoters, detractors, n), belowMinN: n < o.minN },
  };
}

function npsInterval(promoters: number, detractors: number, n: number): ConfidenceInterval | null {
  if (n === 0) return null;
  const nAdj = n + 3;
  const p = (promoters + 0.75) / nAdj;
  const d = (detractors + 0.75) / nAdj;
  const centre = p - d;
  const half = Z * Math.sqrt((p + d - centre * centre) / nAdj);
  return { low: Math.max(-100, 100 * (centre - half)), high: Math.min(100, 100 * (centre + half)) };
}
