import type { MetricsError } from "./MetricsError.js";
import type { BusinessCalendarLike } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { KpiResult } from "./KpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { runKpi } from "./internal/runKpi.js";

/**
 * The business-hours variant of `firstResponseTime`: with a `calendar`, the same population, anchors and stats,
 * but every duration (the value, percentiles, mean, min, max and the ages of open work) is the
 * business ms between the same two instants on that calendar (its `businessMsBetween`), and the kpi
 * id is `first_response_time_business`. Business time never exceeds calendar time. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed), or of `TicketRow`s
 * @param options - as the calendar-time form, plus `calendar` (`createCalendar` from `@supportops/sla`, or any `BusinessCalendarLike`)
 * @returns the `first_response_time_business` result
 * @throws {@link MetricsError} as the calendar-time form; `invalid_argument` for something that is not a
 *   calendar, `out_of_range` when the calendar cannot answer, `invalid_calendar` when it breaks its contract
 * @example
 * const weekdays: BusinessCalendarLike = {
 *   // 09:00–17:00 UTC every day, enough for the example
 *   businessMsBetween: (a, b) => {
 *     let ms = 0;
 *     for (let day = Math.floor(a / 86_400_000) * 86_400_000; day < b; day += 86_400_000) {
 *       ms += Math.max(0, Math.min(b, day + 61_200_000) - Math.max(a, day + 32_400_000));
 *     }
 *     return ms;
 *   },
 *   isOpenMs: () => true, addBusinessMs: (ms) => ms, nextOpenMs: (ms) => ms, nextCloseMs: (ms) => ms,
 * };
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T16:00:00Z", type: "created", by: "customer" },
 *   { id: "r", at: "2026-03-10T10:00:00Z", type: "message", role: "agent", public: true },
 *   { id: "s", at: "2026-03-10T10:00:00Z", type: "status_changed", to: "solved" },
 * ] }];
 * firstResponseTime(tickets, { period: { from: "2026-03-01", to: "2026-04-01" }, calendar: weekdays }).value; // => 7200000
 */
export function firstResponseTime(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions & { readonly calendar: BusinessCalendarLike }): KpiResult<"first_response_time_business">;
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
export function firstResponseTime(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions & { readonly calendar?: undefined }): KpiResult<"first_response_time">;
/**
 * `firstResponseTime` when whether a calendar is given is only known at run time: the result's `kpi` says
 * which clock was used (`first_response_time` or `first_response_time_business`).
 *
 * @param tickets - any iterable of `{ id, events }`, or of `TicketRow`s
 * @param options - the KPI options, with or without `calendar`
 * @returns the calendar-time or the business-hours result
 * @throws {@link MetricsError} as the two forms above
 * @example
 * const options: KpiOptions = { period: { from: "2026-03-01", to: "2026-04-01" } };
 * firstResponseTime([], options).kpi; // => "first_response_time"
 */
export function firstResponseTime(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"first_response_time" | "first_response_time_business">;
export function firstResponseTime(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): KpiResult<"first_response_time" | "first_response_time_business"> {
  const usage = "firstResponseTime(tickets, { period: { from, to } })";
  const calendar = typeof options === "object" && options !== null ? options.calendar : undefined;
  return calendar === undefined ? runKpi("first_response_time", tickets, options, usage) : runKpi("first_response_time_business", tickets, options, usage);
}
