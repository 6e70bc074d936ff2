import type { MetricsError } from "./MetricsError.js";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * First contact resolution: of the tickets `ticketsResolved` counts that got at least one reply by their latest resolution, the share with exactly one such reply, no resolution reopened within `reopenWindow` (a reopen exactly at the window's end counts as within) and, by default, no ticket merged into them. Provisional while `asOf < to + reopenWindow`.
 *
 * See docs/kpis.md for the exact definition and its edge cases.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s (see
 *   docs/kpis.md for what rows cannot tell; `method` says so)
 * @param options - `period`, `timeZone`, `asOf`, `reopenWindow`, `percentile`, `minN`
 * @returns the `first_contact_resolution` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), and
 *   `invalid_argument` / `invalid_time` / `invalid_duration` / `invalid_time_zone` for bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   { id: "v", at: "2026-03-09T11:00:00Z", type: "satisfaction_rated", score: 5 },
 * ] }];
 * const fcr = firstContactResolution(tickets, { period: { from: "2026-03-01", to: "2026-04-01" }, asOf: "2026-04-08" });
 * fcr.value;       // => 1
 * fcr.provisional; // => false
 */
export function firstContactResolution(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"first_contact_resolution"> {
  return runKpi("first_contact_resolution", tickets, options, "firstContactResolution(tickets, { period: { from, to } })");
}
