/**
 * The number-in, number-out surface of a business calendar, declared in core so that any package
 * that needs business time (escalation policies, metrics) can take a calendar without importing
 * `@supportops/sla`. Calendars made by `createCalendar` in `@supportops/sla` implement it; so does
 * anything else that honours the contract below. All instants are epoch milliseconds (UTC) and all
 * durations are milliseconds.
 *
 * @example
 * function dueIn(cal: BusinessCalendarLike, fromMs: number, targetMs: number): number {
 *   return cal.addBusinessMs(fromMs, targetMs);
 * }
 */
export interface BusinessCalendarLike {
  /** Whether the instant is inside business hours (intervals are half-open: the closing instant is closed). */
  isOpenMs(ms: number): boolean;
  /** The earliest instant `u` with `businessMsBetween(ms, u) === durationMs` (latest, for negative durations). */
  addBusinessMs(ms: number, durationMs: number): number;
  /** Business milliseconds in `[aMs, bMs)`; negative when `bMs < aMs`. */
  businessMsBetween(aMs: number, bMs: number): number;
  /** `ms` itself when open, else the next opening instant; `null` when none exists in the supported range. */
  nextOpenMs(ms: number): number | null;
  /** The end of the open run containing or following `ms`; `null` when none exists in the supported range. */
  nextCloseMs(ms: number): number | null;
}
