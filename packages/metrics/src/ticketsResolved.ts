import type { MetricsError } from "./MetricsError.js";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * Counts distinct tickets resolved in the period: those whose latest resolution known at `asOf` falls in `[from, to)` and that are still solved or closed at `to`. Tickets resolved in the period but reopened by `to` are counted under `excluded.reopenedBeforeEnd`; merged-away tickets under `excluded.merged`.
 *
 * See docs/kpis.md for the exact definition and its edge cases.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s (see
 *   docs/kpis.md for what rows cannot tell; `method` says so)
 * @param options - `period`, `timeZone`, `asOf`, `reopenWindow`, `percentile`, `minN`
 * @returns the `tickets_resolved` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), and
 *   `invalid_argument` / `invalid_time` / `invalid_duration` / `invalid_time_zone` for bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   { id: "v", at: "2026-03-09T11:00:00Z", type: "satisfaction_rated", score: 5 },
 * ] }];
 * ticketsResolved(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 1
 */
export function ticketsResolved(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"tickets_resolved"> {
  return runKpi("tickets_resolved", tickets, options, "ticketsResolved(tickets, { period: { from, to } })");
}
