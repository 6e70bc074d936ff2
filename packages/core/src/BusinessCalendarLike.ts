/**
 * The number-in, number-out surface of a business calendar, declared in core so that any package
 * that needs business time (escalation policies, metrics) can take a calendar without importing
 * `@supportops/sla`. Calendars made by `createCalendar` in `@supportops/sla` implement it; so does
 * anything else that honours the contract below. All instants are epoch milliseconds (UTC) and all
 * durations are milliseconds.
 *
 * The contract, for implementers and for callers:
 * - Every argument is an integer; instants lie in [`MIN_SUPPORTED_MS`, `MAX_SUPPORTED_MS`).
 * - Every method returns an integer (or `null` where documented) and never `NaN`, `Infinity` or a fraction.
 * - A method may throw only a `SupportOpsError` with code `out_of_range` (an argument, or the answer,
 *   lies outside the range the calendar covers) or `invalid_argument` (an argument is not an integer
 *   number of milliseconds). Anything else it throws is a bug in the calendar.
 * - Callers in other packages pass every call through `rethrowAs`, so their own error class carries
 *   those codes on, and report a return value that breaks the contract as `invalid_calendar`.
 *
 * @example
 * function dueIn(cal: BusinessCalendarLike, fromMs: number, targetMs: number): number {
 *   return cal.addBusinessMs(fromMs, targetMs);
 * }
 */
export interface BusinessCalendarLike {
  /**
   * Whether the instant is inside business hours (intervals are half-open: the closing instant is closed).
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.isOpenMs(Date.UTC(2026, 2, 9, 9));  // => true
   * cal.isOpenMs(Date.UTC(2026, 2, 9, 17)); // => false
   */
  isOpenMs(ms: number): boolean;
  /**
   * The earliest instant `u` with `businessMsBetween(ms, u) === durationMs` (latest, for negative durations).
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC; 16:00 + 2 h runs into the next Monday
   * new Date(cal.addBusinessMs(Date.UTC(2026, 2, 9, 16), 7_200_000)).toISOString(); // => "2026-03-16T10:00:00.000Z"
   */
  addBusinessMs(ms: number, durationMs: number): number;
  /**
   * Business milliseconds in `[aMs, bMs)`; negative when `bMs < aMs`.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.businessMsBetween(Date.UTC(2026, 2, 9, 8), Date.UTC(2026, 2, 9, 12)); // => 10800000
   */
  businessMsBetween(aMs: number, bMs: number): number;
  /**
   * `ms` itself when open, else the next opening instant; `null` when none exists in the supported range.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.nextOpenMs(Date.UTC(2026, 2, 9, 18)) === Date.UTC(2026, 2, 16, 9); // => true
   */
  nextOpenMs(ms: number): number | null;
  /**
   * The end of the open run containing or following `ms`; `null` when none exists in the supported range.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.nextCloseMs(Date.UTC(2026, 2, 9, 10)) === Date.UTC(2026, 2, 9, 17); // => true
   */
  nextCloseMs(ms: number): number | null;
}
