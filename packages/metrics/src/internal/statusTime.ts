// Time spent in a set of statuses from creation to the latest resolution (requester wait, agent work).
import type { BusinessCalendarLike, CanonicalStatus } from "@supportops/core";
import type { KpiOptions } from "../KpiOptions.js";
import type { DurationStats } from "../KpiResult.js";
import type { GenericKpiResult } from "../GenericKpiResult.js";
import { computeTicketFacts, type TicketFacts, type TicketInput } from "../TicketFacts.js";
import { MetricsError } from "../MetricsError.js";
import { checkedCalendar } from "./checkedCalendar.js";
import { PERCENTILE_NAMES, durationStatsOf, requireIterable, resolveOptions, resolvedInPeriod } from "./extraKpi.js";

/** Milliseconds `f` spent in `statuses` from its creation to its latest resolution. */
function msInStatuses(f: TicketFacts, statuses: ReadonlySet<CanonicalStatus>, between: (a: number, b: number) => number): number {
  const end = f.latestResolvedAt as number;
  const timeline = f.statusTimeline;
  let total = 0;
  for (let i = 0; i < timeline.length; i++) {
    const entry = timeline[i] as TicketFacts["statusTimeline"][number];
    if (entry.at >= end) break;
    const next = timeline[i + 1];
    const until = next === undefined ? end : Math.min(next.at, end);
    if (statuses.has(entry.value) && until > entry.at) total += between(entry.at, until);
  }
  return total;
}

export function statusTimeKpi<K extends "requester_wait_time" | "agent_work_time">(
  kpi: K,
  statuses: ReadonlyArray<CanonicalStatus>,
  tickets: Iterable<TicketInput>,
  options: KpiOptions & { readonly calendar?: BusinessCalendarLike },
  usage: string,
): GenericKpiResult<K, DurationStats> {
  const o = resolveOptions(options, usage);
  const cal = options.calendar;
  if (cal !== undefined && (typeof cal !== "object" || cal === null || typeof cal.businessMsBetween !== "function")) {
    throw new MetricsError("invalid_argument", [{ code: "invalid_argument", path: ["calendar"], message: "expected a business calendar (createCalendar of @supportops/sla)" }]);
  }
  const checked = cal === undefined ? null : checkedCalendar(cal, ["calendar"]);
  const between = checked === null ? (a: number, b: number): number => b - a : (a: number, b: number): number => checked.between(a, b);
  const set = new Set(statuses);
  const values: number[] = [];
  const excluded = { merged: 0, reopenedBeforeEnd: 0 };
  let index = 0;
  for (const ticket of requireIterable(tickets, "tickets { id, events }")) {
    if (typeof ticket === "object" && ticket !== null && !("events" in ticket) && "created_at" in ticket) {
      throw new MetricsError("invalid_argument", [{ code: "invalid_argument", path: [index], message: `${kpi} sums status spans from the event log; a TicketRow does not have them — pass { id, events }` }]);
    }
    const f = computeTicketFacts(ticket, { asOf: o.asOf }, [index]);
    index += 1;
    if (f === null) continue;
    const state = resolvedInPeriod(f, o);
    if (state === "no") continue;
    if (state === "reopenedBeforeEnd") excluded.reopenedBeforeEnd += 1;
    else if (f.merged !== null) excluded.merged += 1;
    else values.push(msInStatuses(f, set, between));
  }
  const stats = durationStatsOf(values, o);
  return {
    kpi,
    value: stats.median,
    n: values.length,
    excluded,
    population: "as tickets_resolved; per ticket the time from creation to the latest resolution spent in " + statuses.join(", "),
    timeAnchor: "latest resolution",
    timeZone: o.timeZone,
    method: `median of the summed status spans (${statuses.join(" + ")}) from creation to the latest resolution, ${cal === undefined ? "calendar ms" : "business ms on the calendar"}; percentiles ${PERCENTILE_NAMES[o.percentile]}`,
    stats,
  };
}
