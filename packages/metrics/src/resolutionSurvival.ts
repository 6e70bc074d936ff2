import type { MetricsError } from "./MetricsError.js";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * Kaplan–Meier median time to resolution of the tickets created in the period: a ticket resolved at `asOf` is an event at latest resolution − creation, an open one is censored at `asOf` − creation. The median is the first event time at which the survival estimate is ≤ ½, decided exactly; `null` when it never gets there.
 *
 * See docs/kpis.md for the exact definition and its edge cases.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s (see
 *   docs/kpis.md for what rows cannot tell; `method` says so)
 * @param options - `period`, `timeZone`, `asOf`, `reopenWindow`, `percentile`, `minN`
 * @returns the `resolution_survival` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), and
 *   `invalid_argument` / `invalid_time` / `invalid_duration` / `invalid_time_zone` for bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   { id: "v", at: "2026-03-09T11:00:00Z", type: "satisfaction_rated", score: 5 },
 * ] }];
 * resolutionSurvival(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 3600000
 */
export function resolutionSurvival(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"resolution_survival"> {
  return runKpi("resolution_survival", tickets, options, "resolutionSurvival(tickets, { period: { from, to } })");
}
