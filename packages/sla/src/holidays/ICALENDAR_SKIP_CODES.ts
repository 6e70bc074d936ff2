/**
 * Why part of an iCalendar feed was not used (the `code` of a `SkippedICalendarEntry` in the result of `parseICalendarHolidays`):
 * - `timed_event`: the event has a time of day (`DTSTART:20261224T120000`), so it is not an all-day holiday;
 * - `unsupported_rrule`: the RRULE is valid but outside the supported subset (`FREQ` other than `YEARLY`,
 *   `BYSETPOS`, `BYWEEKNO`, `BYYEARDAY`, `BYHOUR`…, or more than one RRULE);
 * - `invalid_rrule`: the RRULE is malformed (no `FREQ`, `BYMONTH=13`, both `COUNT` and `UNTIL`, …) or
 *   lists more than 64 distinct values in `BYMONTH`, `BYMONTHDAY` or `BYDAY` (repeats are ignored);
 * - `empty_rrule`: the RRULE can never select a date: its `UNTIL` is before `DTSTART`, or no year of
 *   the rule has a date its parts ask for (`BYMONTH=2;BYMONTHDAY=30`, `BYMONTH=4;BYDAY=6MO`); the event
 *   is skipped rather than reduced to its `DTSTART`;
 * - `unsupported_property`: `RDATE` (its extra dates are not added; the rest of the event is used),
 *   `EXRULE` or `RECURRENCE-ID;RANGE=THISANDFUTURE` (the event is skipped);
 * - `unsupported_component`: a `VTODO`, `VJOURNAL`, `VFREEBUSY` or other component that is not a `VEVENT`
 *   (`VTIMEZONE` is expected in feeds and ignored without a report);
 * - `invalid_event`: the event's shape is wrong (two `DTSTART`s, `DTEND` not after `DTSTART`, `DTEND`
 *   and `DURATION` together, a `DURATION` that is not whole days or weeks, a timed `DTEND` on an all-day event);
 * - `invalid_date`: a date value that is not a real date (`20260230`, `2026-01-01`);
 * - `missing_dtstart`: a `VEVENT` without `DTSTART`;
 * - `cancelled_event`: a `VEVENT` with `STATUS:CANCELLED`;
 * - `invalid_line`: a content line that is not `NAME[;PARAM=…]:value`.
 *
 * @example
 * ICALENDAR_SKIP_CODES.includes("timed_event"); // => true
 */
export const ICALENDAR_SKIP_CODES = [
  "timed_event",
  "unsupported_rrule",
  "invalid_rrule",
  "empty_rrule",
  "unsupported_property",
  "unsupported_component",
  "invalid_event",
  "invalid_date",
  "missing_dtstart",
  "cancelled_event",
  "invalid_line",
] as const;

/**
 * One of {@link ICALENDAR_SKIP_CODES}.
 *
 * @example
 * const code: ICalendarSkipCode = "timed_event";
 */
export type ICalendarSkipCode = (typeof ICALENDAR_SKIP_CODES)[number];
