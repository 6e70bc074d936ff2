import type { BusinessCalendarLike, DurationInput, TimeInput } from "@supportops/core";
import type { CalendarDefinition } from "./CalendarDefinition.js";

/**
 * A maximal run of open time, `[start, end)`.
 *
 * @example
 * // cal: Mondays 09:00–17:00 UTC
 * const [run]: ReadonlyArray<OpenInterval> = cal.openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
 * run.start.toISOString(); // => "2026-03-02T09:00:00.000Z"
 * run.end.toISOString();   // => "2026-03-02T17:00:00.000Z"
 */
export interface OpenInterval {
  /** The first open instant. */
  readonly start: Date;
  /** The first closed instant after `start` (excluded from the run). */
  readonly end: Date;
}

/**
 * A compiled business calendar: immutable, safe to share, and implementing core's
 * `BusinessCalendarLike`. Friendly methods take `Date`, epoch ms, ISO strings with an offset or luxon
 * values; the `…Ms` methods take and return plain numbers and do not allocate (use them in bulk work).
 * Every instant must lie in 1970-01-01 – 2200-01-01 UTC, or an `out_of_range` {@link SlaError} is thrown.
 * The semantics (DST, boundaries, overnight intervals) are those of docs/calendars.md.
 *
 * Errors: every method throws only {@link SlaError}s. The `…Ms` methods keep the contract of
 * `BusinessCalendarLike`: integer arguments, integer results, and only `out_of_range` (an instant or a
 * result outside the supported range) or `invalid_argument` (an argument that is not an integer
 * number of milliseconds: a fraction, `NaN`, `Infinity`, a string). The friendly methods parse their
 * inputs with core's `toEpochMs` and `toDurationMs`, so they add `invalid_time` (an instant that names
 * no instant, such as `"soon"` or a number that looks like epoch seconds) and `invalid_duration`
 * (`"P1M"`, `0.5`), with the argument's name as the issue path.
 *
 * @example
 * const cal: BusinessCalendar = createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } });
 * cal.isOpenMs(Date.UTC(2026, 2, 2, 9));                              // => true
 * cal.businessMsBetween(Date.UTC(2026, 2, 2, 8), Date.UTC(2026, 2, 2, 10)); // => 3600000
 * cal.addBusinessTime("2026-03-02T16:00:00Z", "PT2H").toISOString();    // => "2026-03-09T10:00:00.000Z"
 * cal.nextClose("2026-03-02T12:00:00Z")?.toISOString();                 // => "2026-03-02T17:00:00.000Z"
 */
export interface BusinessCalendar extends BusinessCalendarLike {
  /** The IANA zone that dates and times of day are read in. */
  readonly timeZone: string;
  /** The (frozen) definition it was compiled from, or `null` for intersections and unions. */
  readonly definition: CalendarDefinition | null;
  /**
   * Whether the instant is open (half-open intervals: the closing instant is closed).
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC (2026-03-02 is a Monday)
   * cal.isOpen("2026-03-02T09:00:00Z"); // => true
   * cal.isOpen("2026-03-02T17:00:00Z"); // => false
   */
  isOpen(at: TimeInput): boolean;
  /**
   * The earliest instant at which `duration` of business time has passed since `at` (the latest before it, for negative durations); `at` itself for zero.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.addBusinessTime("2026-03-02T16:00:00Z", "PT2H").toISOString(); // => "2026-03-09T10:00:00.000Z"
   */
  addBusinessTime(at: TimeInput, duration: DurationInput): Date;
  /**
   * Business milliseconds in `[from, to)`; negative when `to` is before `from`.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.businessTimeBetween("2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z"); // => 3600000
   */
  businessTimeBetween(from: TimeInput, to: TimeInput): number;
  /**
   * `at` when open, else the next opening instant; `null` when there is none before 2200.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.nextOpen("2026-03-02T18:00:00Z")?.toISOString(); // => "2026-03-09T09:00:00.000Z"
   */
  nextOpen(at: TimeInput): Date | null;
  /**
   * The end of the open run containing or following `at`; `null` when it does not end before 2200.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.nextClose("2026-03-02T12:00:00Z")?.toISOString(); // => "2026-03-02T17:00:00.000Z"
   */
  nextClose(at: TimeInput): Date | null;
  /**
   * The maximal open runs meeting `[from, to)`, clipped to it, in order.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.openIntervals("2026-03-02T10:00:00Z", "2026-03-09T12:00:00Z").map((run) => [run.start.toISOString(), run.end.toISOString()]);
   * // => [["2026-03-02T10:00:00.000Z", "2026-03-02T17:00:00.000Z"], ["2026-03-09T09:00:00.000Z", "2026-03-09T12:00:00.000Z"]]
   */
  openIntervals(from: TimeInput, to: TimeInput): ReadonlyArray<OpenInterval>;
  /**
   * The same local time `days` business days later (earlier when negative), moved to the next open instant when closed.
   *
   * @example
   * // cal: Mondays 09:00–17:00 UTC
   * cal.addBusinessDays("2026-03-02T10:00:00Z", 2).toISOString(); // => "2026-03-16T10:00:00.000Z"
   */
  addBusinessDays(at: TimeInput, days: number): Date;
}
