/**
 * One holiday: a local date (closed all day in the calendar's zone) and, when the source names it, its name.
 * This is the object form a calendar definition's `holidays` array accepts, so a holiday source's
 * output can be passed to `createCalendar` as it is.
 *
 * @example
 * const holiday: Holiday = { date: "2026-12-25", name: "Christmas Day" };
 */
export interface Holiday {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The holiday's name as the source spells it; absent when the source gives none. */
  readonly name?: string;
}

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
