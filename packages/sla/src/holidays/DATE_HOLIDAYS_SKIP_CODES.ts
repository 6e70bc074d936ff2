/**
 * Why a `date-holidays` entry of a selected type was not turned into holidays by `holidaysFromDateHolidays`
 * (the `code` of a `SkippedDateHolidaysEntry`):
 * - `partial_day`: it does not cover whole local days (`"2026-12-24 14:00:00"`, Christmas Eve from
 *   14:00 in Austria; `PT14H`): a calendar holiday closes a whole day, so express it as a date override with hours instead;
 * - `invalid_entry`: its `date`, `start` or `end` is not what `date-holidays` produces.
 *
 * @example
 * DATE_HOLIDAYS_SKIP_CODES.includes("partial_day"); // => true
 */
export const DATE_HOLIDAYS_SKIP_CODES = ["partial_day", "invalid_entry"] as const;

/**
 * One of {@link DATE_HOLIDAYS_SKIP_CODES}.
 *
 * @example
 * const code: DateHolidaysSkipCode = "partial_day";
 */
export type DateHolidaysSkipCode = (typeof DATE_HOLIDAYS_SKIP_CODES)[number];
