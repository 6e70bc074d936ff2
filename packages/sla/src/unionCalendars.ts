import type { BusinessCalendar } from "./BusinessCalendar.js";
import { combineCalendars, unionRuns } from "./internal/combineCalendars.js";

/**
 * The calendar open whenever any given calendar is open (e.g. follow-the-sun coverage by several
 * regional teams). Day-based operations use the first calendar's zone, as for {@link intersectCalendars}.
 *
 * @param first - the calendar whose zone the result takes
 * @param others - more calendars
 * @returns the union (its `definition` is `null`)
 * @throws {@link SlaError} `invalid_argument` when a calendar was not made by this package;
 *   `invalid_calendar` (issue `too_deep` or `too_many_intervals`) beyond `CALENDAR_LIMITS`, as for
 *   {@link intersectCalendars}
 * @example
 * const london = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
 * const newYork = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
 * unionCalendars(london, newYork).businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"); // => 50400000 (08:00–22:00 UTC)
 */
export function unionCalendars(first: BusinessCalendar, ...others: ReadonlyArray<BusinessCalendar>): BusinessCalendar {
  return combineCalendars([first, ...others], "unionCalendars", unionRuns);
}
