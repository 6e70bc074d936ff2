import type { StatusTimeOptions } from "./requesterWaitTime.js";
import type { DurationStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { statusTimeKpi } from "./internal/statusTime.js";

/**
 * Agent work time: over the tickets `ticketsResolved` counts, the median time from creation to the
 * latest resolution spent in `new` or `open` — the time the ticket sat with the agents (pending and
 * on-hold left out). Zendesk's definition. Reads event logs only. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options, and `calendar` for business time (each status span measured on it)
 * @returns the `agent_work_time` result (ms), stats as resolution time's percentiles
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument` for a row or bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "h", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "on_hold" },
 *   { id: "o", at: "2026-03-09T15:00:00Z", type: "status_changed", to: "open" },
 *   { id: "s", at: "2026-03-09T16:00:00Z", type: "status_changed", to: "solved" },
 * ] }];
 * agentWorkTime(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 7200000
 */
export function agentWorkTime(tickets: Iterable<TicketInput>, options: StatusTimeOptions): GenericKpiResult<"agent_work_time", DurationStats> {
  return statusTimeKpi("agent_work_time", ["new", "open"], tickets, options, "agentWorkTime(tickets, { period: { from, to } })");
}
