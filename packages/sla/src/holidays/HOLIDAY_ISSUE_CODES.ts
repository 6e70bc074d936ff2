import { DATE_HOLIDAYS_SKIP_CODES } from "./holidaysFromDateHolidays.js";
import { ICALENDAR_SKIP_CODES } from "./parseICalendarHolidays.js";

/**
 * The issue codes inside the `invalid_holiday_source` {@link SlaError} the holiday sources throw:
 * - `invalid_year_range`: `fromYear`/`toYear` are not whole years in 1970–2199 with `fromYear ≤ toYear`;
 * - `invalid_icalendar`: the text is not an iCalendar object (no `BEGIN:VCALENDAR`, unbalanced `BEGIN`/`END`);
 * - `invalid_provider`: the `date-holidays` adapter got something without `getHolidays(year)`, or an
 *   instance with no holidays at all in the years asked (`new Holidays()` without a known country);
 * - `invalid_option`: a bad `types`, `substitutes`, `language` or `include` option;
 * - with `strict: true`, one issue per skipped entry, carrying its skip code
 *   ({@link ICALENDAR_SKIP_CODES}, {@link DATE_HOLIDAYS_SKIP_CODES}).
 *
 * @example
 * HOLIDAY_ISSUE_CODES.includes("invalid_icalendar"); // => true
 */
export const HOLIDAY_ISSUE_CODES = [
  "invalid_year_range",
  "invalid_icalendar",
  "invalid_provider",
  "invalid_option",
  ...ICALENDAR_SKIP_CODES,
  ...DATE_HOLIDAYS_SKIP_CODES,
] as const;

/**
 * One of {@link HOLIDAY_ISSUE_CODES}.
 *
 * @example
 * const code: HolidayIssueCode = "invalid_icalendar";
 * HOLIDAY_ISSUE_CODES.includes(code); // => true
 */
export type HolidayIssueCode = (typeof HOLIDAY_ISSUE_CODES)[number];
