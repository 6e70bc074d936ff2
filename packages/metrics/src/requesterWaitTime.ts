import type { BusinessCalendarLike } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { DurationStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { statusTimeKpi } from "./internal/statusTime.js";

/**
 * Options of {@link requesterWaitTime} and `agentWorkTime`: the period KPI options and, for business
 * time, a calendar (`createCalendar` of `@supportops/sla`, or any `BusinessCalendarLike`).
 *
 * @example
 * const options: StatusTimeOptions = { period: { from: "2026-03-01", to: "2026-04-01" } };
 */
export interface StatusTimeOptions extends KpiOptions {
  readonly calendar?: BusinessCalendarLike;
}

/**
 * Requester wait time: over the tickets `ticketsResolved` counts, the median time from creation to the
 * latest resolution spent in `new`, `open` or `on_hold` — the time the requester waited on the support
 * side (pending, waiting on the requester, is left out; reopen cycles are in). Zendesk's definition.
 * Reads event logs only. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options, and `calendar` for business time (each status span measured on it)
 * @returns the `requester_wait_time` result (ms), stats as resolution time's percentiles
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument` for a row or bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "p", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "pending" },
 *   { id: "o", at: "2026-03-09T15:00:00Z", type: "status_changed", to: "open" },
 *   { id: "s", at: "2026-03-09T16:00:00Z", type: "status_changed", to: "solved" },
 * ] }];
 * requesterWaitTime(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 7200000 (2 h of 7)
 */
export function requesterWaitTime(tickets: Iterable<TicketInput>, options: StatusTimeOptions): GenericKpiResult<"requester_wait_time", DurationStats> {
  return statusTimeKpi("requester_wait_time", ["new", "open", "on_hold"], tickets, options, "requesterWaitTime(tickets, { period: { from, to } })");
}
