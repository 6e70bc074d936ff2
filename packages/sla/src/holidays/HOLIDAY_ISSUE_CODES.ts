import { DATE_HOLIDAYS_SKIP_CODES } from "./DATE_HOLIDAYS_SKIP_CODES.js";
import { ICALENDAR_SKIP_CODES } from "./ICALENDAR_SKIP_CODES.js";

/**
 * The issue codes the holiday sources (`parseICalendarHolidays`, `holidaysFromDateHolidays`) report:
 * - inside an `invalid_argument` `SlaError`:
 *   - `invalid_year_range`: `fromYear`/`toYear` are not whole years in 1970–2199 with `fromYear ≤ toYear`;
 *   - `invalid_option`: a bad `types`, `substitutes`, `language`, `strict` or `include` option;
 *   - `invalid_provider`: the `date-holidays` adapter got something without `getHolidays(year)`, a
 *     `getHolidays` that does not return a list, or an instance with no holidays at all in the years
 *     asked (`new Holidays()` without a known country);
 *   - (and the common code `invalid_argument` itself, for options that are not an object or iCalendar
 *     text that is neither a string nor a `Uint8Array`);
 * - inside an `invalid_holiday_source` `SlaError`:
 *   - `invalid_icalendar`: the text is not an iCalendar object (no `BEGIN:VCALENDAR`, unbalanced `BEGIN`/`END`);
 *   - with `strict: true`, one issue per skipped entry, carrying its skip code
 *     ({@link ICALENDAR_SKIP_CODES}, {@link DATE_HOLIDAYS_SKIP_CODES}).
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
