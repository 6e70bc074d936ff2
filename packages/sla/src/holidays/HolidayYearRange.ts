/**
 * The years a holiday source expands, both ends inclusive: `{ fromYear: 2026, toYear: 2028 }` gives
 * every holiday dated 2026-01-01 through 2028-12-31. Years must be whole numbers in 1970–2199, the
 * range supportops calendars support.
 *
 * @example
 * const years: HolidayYearRange = { fromYear: 2026, toYear: 2027 };
 */
export interface HolidayYearRange {
  /** The first year, inclusive. */
  readonly fromYear: number;
  /** The last year, inclusive; not before `fromYear`. */
  readonly toYear: number;
}
