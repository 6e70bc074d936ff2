import type { KpiId } from "../KpiOptions.js";
import type {
  BacklogStats,
  CsatStats,
  FirstContactResolutionStats,
  FirstResponseStats,
  ReopenRateStats,
  ResolutionSurvivalStats,
  ResolutionTimeStats,
  SlaAttainmentStats,
} from "../KpiResult.js";
import { humanizeDuration } from "../humanizeDuration.js";
import { humanizeShare } from "../humanizeShare.js";

/** A KPI's value and what qualifies it, as text a reader takes in at a glance. */
export interface KpiText {
  readonly value: string;
  readonly detail: string;
}

/**
 * Business durations read in hours at most: 24 business hours are three working days on a 09:00–17:00
 * calendar, so "1 d" would mislead.
 */
const largestUnitOf = (kpi: KpiId): { readonly largestUnit?: "h" } => (kpi.endsWith("_business") ? { largestUnit: "h" } : {});

/** The humanised value and detail of one KPI result or report row (exhaustive over the KPI ids). */
export function describeKpi(kpi: KpiId, value: number | null, stats: unknown, provisional: boolean | undefined): KpiText {
  const flag = provisional === true ? "provisional" : "";
  const join = (...parts: ReadonlyArray<string>): string => parts.filter((p) => p !== "").join(" · ");
  switch (kpi) {
    case "tickets_resolved":
      return { value: value === null ? "—" : String(value), detail: "" };
    case "first_response_time":
    case "first_response_time_business": {
      const s = stats as FirstResponseStats;
      const unit = largestUnitOf(kpi);
      return {
        value: humanizeDuration(value, unit),
        detail: join(`p90 ${humanizeDuration(s.p90, unit)}`, s.awaitingFirstReply > 0 ? `${s.awaitingFirstReply} awaiting a reply` : "", s.belowMinN ? "few values" : ""),
      };
    }
    case "resolution_time":
    case "resolution_time_business": {
      const s = stats as ResolutionTimeStats;
      const unit = largestUnitOf(kpi);
      return {
        value: humanizeDuration(value, unit),
        detail: join(`p90 ${humanizeDuration(s.p90, unit)}`, s.open > 0 ? `${s.open} open` : "", s.belowMinN ? "few values" : ""),
      };
    }
    case "first_contact_resolution": {
      const s = stats as FirstContactResolutionStats;
      return { value: humanizeShare(value, s.ci), detail: join(flag, s.windowOpen > 0 ? `${s.windowOpen} in window` : "") };
    }
    case "reopen_rate": {
      const s = stats as ReopenRateStats;
      return { value: humanizeShare(value, s.ci), detail: join(flag, s.pendingWindow > 0 ? `${s.pendingWindow} in window` : "") };
    }
    case "sla_attainment": {
      const s = stats as SlaAttainmentStats;
      return { value: humanizeShare(value, s.ci), detail: join(`${s.breached} breached`, s.undetermined > 0 ? `${s.undetermined} running` : "") };
    }
    case "csat": {
      const s = stats as CsatStats;
      return { value: humanizeShare(value, s.ci), detail: s.mean === null ? "" : `mean ${s.mean.toFixed(2)}` };
    }
    case "resolution_survival": {
      const s = stats as ResolutionSurvivalStats;
      return { value: humanizeDuration(value), detail: join(`${s.censored} censored`, `resolved-only median ${humanizeDuration(s.naiveMedian)}`) };
    }
    case "backlog": {
      const s = stats as BacklogStats;
      return { value: value === null ? "—" : String(value), detail: `median age ${humanizeDuration(s.medianAge)}` };
    }
  }
}
