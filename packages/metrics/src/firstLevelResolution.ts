import type { KpiOptions } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { bad, rateStats, resolveOptions, resolvedWork } from "./internal/extraKpi.js";

/**
 * Options of {@link firstLevelResolution}.
 *
 * @example
 * const options: FirstLevelResolutionOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, firstLevelGroups: ["tier1", "chat"] };
 */
export interface FirstLevelResolutionOptions extends KpiOptions {
  /**
   * The groups that are the first level. Default: none named — a ticket stays at the first level while
   * every group it is assigned to is the first group it was assigned to.
   */
  readonly firstLevelGroups?: ReadonlyArray<string>;
}

/**
 * Stats of `first_level_resolution`.
 *
 * @example
 * const stats: FirstLevelResolutionStats = { successes: 7, ci: { low: 0.4, high: 0.9 }, escalated: 2, leftFirstLevel: 1 };
 */
export interface FirstLevelResolutionStats extends RateStats {
  /** Tickets that failed because of an `escalated` event at or before their latest resolution. */
  readonly escalated: number;
  /** Tickets not escalated that failed because they were assigned to a group beyond the first level. */
  readonly leftFirstLevel: number;
}

/**
 * First level resolution (FLR, a cost metric, not FCR): of the tickets `ticketsResolved` counts, the
 * share resolved without leaving the first level — no `escalated` event and no assignment to a group
 * beyond the first level, at or before the latest resolution. Merged-away tickets are
 * `excluded.merged`, those reopened before the period's end `excluded.reopenedBeforeEnd`. Reads event
 * logs only (rows have no assignments). See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options and `firstLevelGroups?`
 * @returns the `first_level_resolution` result, a share with a Wilson interval
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument` for a row or bad options
 * @example
 * const tickets = [
 *   { id: "T-1", events: [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *     { id: "a", at: "2026-03-09T09:01:00Z", type: "assigned", group: "tier1" },
 *     { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   ] },
 *   { id: "T-2", events: [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *     { id: "a", at: "2026-03-09T09:01:00Z", type: "assigned", group: "tier1" },
 *     { id: "e", at: "2026-03-09T09:30:00Z", type: "escalated", to: "tier2" },
 *     { id: "s", at: "2026-03-09T12:00:00Z", type: "status_changed", to: "solved" },
 *   ] },
 * ];
 * firstLevelResolution(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 0.5
 */
export function firstLevelResolution(tickets: Iterable<TicketInput>, options: FirstLevelResolutionOptions): GenericKpiResult<"first_level_resolution", FirstLevelResolutionStats> {
  const o = resolveOptions(options, "firstLevelResolution(tickets, { period: { from, to }, firstLevelGroups? })");
  const named = options.firstLevelGroups;
  if (named !== undefined && (!Array.isArray(named) || !named.every((g) => typeof g === "string"))) throw bad(["firstLevelGroups"], "expected a list of group names");
  const firstLevel = named === undefined ? null : new Set(named);
  let n = 0;
  let successes = 0;
  let escalated = 0;
  let leftFirstLevel = 0;
  const excluded = { merged: 0, reopenedBeforeEnd: 0 };
  for (const { work, latest } of resolvedWork(tickets, o, "firstLevelResolution", excluded)) {
    n += 1;
    if (work.escalations.some((e) => e.at <= latest)) {
      escalated += 1;
      continue;
    }
    let first: string | null = null;
    let left = false;
    for (const { at, group } of work.groups) {
      if (at > latest) break;
      if (group === null) continue;
      first ??= group;
      if (firstLevel === null ? group !== first : !firstLevel.has(group)) left = true;
    }
    if (left) leftFirstLevel += 1;
    else successes += 1;
  }
  return {
    kpi: "first_level_resolution",
    value: n === 0 ? null : successes / n,
    n,
    excluded,
    population: "tickets counted by tickets_resolved (latest resolution in the period, solved or closed at period.to, not merged away)",
    timeAnchor: "latest resolution",
    timeZone: o.timeZone,
    method: `share with no escalated event and no assignment beyond the first level (${firstLevel === null ? "the first group assigned" : `groups ${[...firstLevel].join(", ")}`}) at or before the latest resolution; Wilson 95 % interval`,
    stats: { ...rateStats(successes, n), escalated, leftFirstLevel },
  };
}
