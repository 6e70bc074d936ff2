import type { KpiOptions } from "../KpiOptions.js";
import type { KpiResult } from "../KpiResult.js";
import type { TicketInput } from "../TicketFacts.js";
import type { TicketRow } from "../TicketRow.js";
import { ROWS_METHOD_NOTE } from "./factsFromRow.js";
import { addTicket, isRow } from "./readTicket.js";
import { Engine, KPI_META, newCell, type ReportKpiId } from "./engine.js";
import { requireIterable } from "./requireIterable.js";
import { readCalendar, resolveOptions, type ResolvedOptions } from "./resolveOptions.js";
import { PERCENTILE_NAMES } from "./statistics.js";


/** What a result's `method` says: how the value was computed, on which clock, from which input. */
function methodOf(kpi: Exclude<ReportKpiId, "sla_attainment" | "backlog">, o: ResolvedOptions): string {
  const p = o.sketch != null ? `DDSketch nearest-rank, each within relative accuracy ${o.sketch.relativeAccuracy} of the exact value (the percentiles and the open and awaiting median ages; mean, min, max and counts exact)` : PERCENTILE_NAMES[o.percentile];
  const window = `reopen window ${o.windowMs} ms, a reopen at exactly its end counts as within`;
  switch (kpi) {
    case "tickets_resolved":
      return "count of distinct tickets";
    case "first_response_time":
      return `median of first reply − response start, calendar ms; percentiles ${p}`;
    case "resolution_time":
      return `median of latest resolution − creation, calendar ms; percentiles ${p}`;
    case "first_response_time_business":
      return `median of first reply − response start in business hours on the given calendar (business ms); percentiles ${p}`;
    case "resolution_time_business":
      return `median of latest resolution − creation in business hours on the given calendar (business ms); percentiles ${p}`;
    case "first_contact_resolution":
      return `share with exactly one reply and no resolution reopened within the window${o.mergedInFails ? " and no ticket merged into it" : ""}; ${window}; Wilson 95 % interval`;
    case "reopen_rate":
      return `share with a resolution in the period reopened within the window; ${window}; Wilson 95 % interval`;
    case "csat":
      return "share of latest ratings in the top two scores of their scale (4–5 of 5); mean of raw scores; Wilson 95 % interval";
    case "resolution_survival":
      return `Kaplan–Meier median time to latest resolution, open tickets censored at asOf, events before censorings at tied times, decided exactly; naive stats ${p}`;
  }
}

/** Runs one period KPI (or its business-hours variant) over tickets: the engine with one cell. */
export function runKpi<K extends Exclude<ReportKpiId, "sla_attainment" | "backlog">>(kpi: K, tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions, usage: string): KpiResult<K> {
  const o = resolveOptions(options, usage);
  const calendar = readCalendar((options as { calendar?: unknown }).calendar, ["calendar"]);
  const engine = new Engine({ kpis: [kpi], options: o, groupBy: [], bucket: null }, calendar);
  let index = 0;
  let fromRows = false;
  for (const ticket of requireIterable(tickets)) {
    if (isRow(ticket)) fromRows = true;
    addTicket(engine, ticket, index);
    index += 1;
  }
  const entry = engine.cells.get(`${kpi}\u0000\u00000`);
  const row = engine.finish(kpi, "", 0, entry?.cell ?? newCell());
  const meta = KPI_META[kpi];
  return {
    kpi,
    value: row.value,
    n: row.n,
    excluded: row.excluded,
    population: meta.population,
    timeAnchor: meta.timeAnchor,
    timeZone: o.timeZone,
    method: fromRows ? `${methodOf(kpi, o)}; ${ROWS_METHOD_NOTE}` : methodOf(kpi, o),
    stats: row.stats as KpiResult<K>["stats"],
    ...(row.provisional === undefined ? {} : { provisional: row.provisional }),
  };
}
