import type { BusinessCalendar } from "./BusinessCalendar.js";
import { combineCalendars, intersectRuns } from "./internal/combineCalendars.js";

/**
 * The calendar open exactly when every given calendar is open (e.g. a team's hours ∩ a contract's
 * hours): a set operation on absolute open time, so calendars in different zones combine correctly.
 * Day-based operations (`addBusinessDays`) use the first calendar's zone, and a business day there is
 * a local date with some open time.
 *
 * @param first - the calendar whose zone the result takes
 * @param others - more calendars
 * @returns the intersection (its `definition` is `null`)
 * @throws {@link SlaError} `invalid_argument` when a calendar was not made by this package;
 *   `invalid_calendar` with issue `too_deep` when the result would stack more than
 *   `CALENDAR_LIMITS.maxNesting` set operations, or `too_many_intervals` when its calendars have more
 *   than `CALENDAR_LIMITS.maxCombinedIntervalsPerDay` intervals a day in all
 * @example
 * const team = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
 * const contract = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
 * const both = intersectCalendars(team, contract);
 * both.openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z").map((r) => [r.start.toISOString(), r.end.toISOString()]);
 * // => [["2026-03-02T14:00:00.000Z", "2026-03-02T16:00:00.000Z"]]
 */
export function intersectCalendars(first: BusinessCalendar, ...others: ReadonlyArray<BusinessCalendar>): BusinessCalendar {
  return combineCalendars([first, ...others], "intersectCalendars", intersectRuns);
}
