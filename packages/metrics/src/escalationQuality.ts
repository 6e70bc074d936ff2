import type { TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { ConfidenceInterval } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, inPeriod, readAt, readObject, requireIterable, resolveOptions } from "./internal/extraKpi.js";
import { mean, wilsonInterval } from "./internal/statistics.js";

/**
 * One scored escalation: when it was escalated and its rubric score — what `@supportops/escalation`'s
 * `scoreEscalation(pkg)` returns (only `score`, 1–5, and `gated` are read).
 *
 * @example
 * const record: ScoredEscalation = { at: "2026-03-09T10:00:00Z", score: { score: 4.25, gated: false } };
 */
export interface ScoredEscalation {
  readonly at: TimeInput;
  readonly score: { readonly score: number; readonly gated: boolean };
}

/**
 * Options of {@link escalationQuality}.
 *
 * @example
 * const options: EscalationQualityOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, threshold: 4 };
 */
export interface EscalationQualityOptions extends KpiOptions {
  /** A score at or above this (1–5) is good enough. Default 4 (the blueprint's "≥ 4/5"). */
  readonly threshold?: number;
}

/**
 * Stats of `escalation_quality`.
 *
 * @example
 * const stats: EscalationQualityStats = { atOrAboveThreshold: 3, shareAtOrAbove: 0.75, ci: { low: 0.3, high: 0.95 }, gated: 0, belowMinN: true };
 */
export interface EscalationQualityStats {
  readonly atOrAboveThreshold: number;
  /** `atOrAboveThreshold / n`. */
  readonly shareAtOrAbove: number | null;
  /** Wilson 95 % interval of that share. */
  readonly ci: ConfidenceInterval | null;
  /** Escalations whose score the rubric's gate capped (e.g. unredacted personal data). */
  readonly gated: number;
  readonly belowMinN: boolean;
}

/**
 * Escalation quality: the mean rubric score (1–5) of the escalations made in the period, and the share
 * at or above a threshold (default 4). The scores are `scoreEscalation`'s (from
 * `@supportops/escalation`), given as records, so this package needs no escalation packages itself.
 * See docs/kpis.md.
 *
 * @param escalations - any iterable of `{ at, score }`, `score` as `scoreEscalation` returns it
 * @param options - `period`, `timeZone`, `asOf`, `minN`, `threshold`
 * @returns the `escalation_quality` result: the mean score
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`) for a score outside 1–5 or a bad threshold, `invalid_time` for a bad `at`
 * @example
 * const records = [4.5, 3.25, 5, 4].map((score, i) => ({ at: Date.UTC(2026, 2, 2 + i), score: { score, gated: false } }));
 * const result = escalationQuality(records, { period: { from: "2026-03-01", to: "2026-04-01" } });
 * result.value;                 // => 4.1875
 * result.stats.shareAtOrAbove;  // => 0.75
 */
export function escalationQuality(escalations: Iterable<ScoredEscalation>, options: EscalationQualityOptions): GenericKpiResult<"escalation_quality", EscalationQualityStats> {
  const o = resolveOptions(options, "escalationQuality(escalations, { period: { from, to }, threshold? })");
  const threshold = options.threshold ?? 4;
  if (typeof threshold !== "number" || !(threshold >= 1 && threshold <= 5)) throw bad(["threshold"], "expected a score from 1 to 5");
  const scores: number[] = [];
  let atOrAbove = 0;
  let gated = 0;
  let index = 0;
  for (const record of requireIterable(escalations, "scored escalations { at, score }")) {
    const r = readObject(record, [index], "a scored escalation { at, score: scoreEscalation(pkg) }");
    const at = readAt(r["at"], [index, "at"]);
    const s = readObject(r["score"], [index, "score"], "what scoreEscalation returns ({ score, gated, … })");
    const value = s["score"];
    if (typeof value !== "number" || !(value >= 1 && value <= 5)) throw bad([index, "score", "score"], "expected a rubric score from 1 to 5");
    if (typeof s["gated"] !== "boolean") throw bad([index, "score", "gated"], "expected true or false");
    index += 1;
    if (!inPeriod(o, at) || at > o.asOf) continue;
    scores.push(value);
    if (value >= threshold) atOrAbove += 1;
    if (s["gated"] === true) gated += 1;
  }
  const n = scores.length;
  return {
    kpi: "escalation_quality",
    value: mean(scores),
    n,
    excluded: {},
    population: "escalations made in the period, each scored with the escalation rubric",
    timeAnchor: "escalation",
    timeZone: o.timeZone,
    method: `mean rubric score (1–5, scoreEscalation's weighted mean of dimension levels); share at or above ${threshold} with a Wilson 95 % interval`,
    stats: { atOrAboveThreshold: atOrAbove, shareAtOrAbove: n === 0 ? null : atOrAbove / n, ci: wilsonInterval(atOrAbove, n), gated, belowMinN: n < o.minN },
  };
}
