import type { MetricsError } from "./MetricsError.js";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * Median first response time over tickets whose first reply falls in the period (anchored at the reply): reply − response start, in calendar ms. Agent-created tickets with no customer message whose first public agent message falls in the period are `excluded.agentInitiated`. Stats add p90, mean, min, max, and the tickets still awaiting a first reply at `asOf` with their median wait.
 *
 * See docs/kpis.md for the exact definition and its edge cases.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s (see
 *   docs/kpis.md for what rows cannot tell; `method` says so)
 * @param options - `period`, `timeZone`, `asOf`, `reopenWindow`, `percentile`, `minN`
 * @returns the `first_response_time` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), and
 *   `invalid_argument` / `invalid_time` / `invalid_duration` / `invalid_time_zone` for bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   { id: "v", at: "2026-03-09T11:00:00Z", type: "satisfaction_rated", score: 5 },
 * ] }];
 * firstResponseTime(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 1800000
 */
export function firstResponseTime(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"first_response_time"> {
  return runKpi("first_response_time", tickets, options, "firstResponseTime(tickets, { period: { from, to } })");
}
