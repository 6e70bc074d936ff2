import type { MetricsError } from "./MetricsError.js";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * Reopen rate: of the tickets with at least one resolution in the period (anchored at the first), the share with one of those resolutions reopened within `reopenWindow`. Stats add the reopen events in the period and the tickets whose window is still open. Provisional while `asOf < to + reopenWindow`.
 *
 * See docs/kpis.md for the exact definition and its edge cases.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s (see
 *   docs/kpis.md for what rows cannot tell; `method` says so)
 * @param options - `period`, `timeZone`, `asOf`, `reopenWindow`, `percentile`, `minN`
 * @returns the `reopen_rate` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), and
 *   `invalid_argument` / `invalid_time` / `invalid_duration` / `invalid_time_zone` for bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   { id: "v", at: "2026-03-09T11:00:00Z", type: "satisfaction_rated", score: 5 },
 * ] }];
 * const rate = reopenRate(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } });
 * rate.value;       // => 0
 * rate.provisional; // => true
 */
export function reopenRate(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"reopen_rate"> {
  return runKpi("reopen_rate", tickets, options, "reopenRate(tickets, { period: { from, to } })");
}
