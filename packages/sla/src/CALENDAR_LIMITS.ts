/**
 * The limits that bound what one calendar can cost, whoever wrote its definition (docs/calendars.md,
 * "Limits"). Each is checked when the calendar is created, with a typed error, so that no query
 * can run into one:
 * - `maxIntervalsPerDay`: intervals one weekday's hours, or one date override, may list (more is an
 *   `invalid_calendar` error with issue `too_many_intervals`). Compiling open time costs in
 *   proportion to it: 1 000 one-second intervals a day made a query over 1970–2200 take 18 s and 1.9 GB;
 * - `maxCombinedIntervalsPerDay`: the same count summed over every calendar an `intersectCalendars` or
 *   `unionCalendars` result is made of, counted as often as it appears (more: `invalid_calendar`,
 *   `too_many_intervals`). It caps a compiled chunk (about 13 months) at 130 000 open runs (3 MiB);
 * - `maxNesting`: set operations stacked inside one another (`intersectCalendars(unionCalendars(…), …)`;
 *   more: `invalid_calendar`, issue `too_deep`);
 * - `chunkCacheBytes`: the compiled open time one calendar keeps in memory; beyond it the chunk
 *   compiled longest ago is dropped and compiled again when needed. Calendars with a few intervals a
 *   day never reach it (all of 1970–2200 takes about 3 MiB for a Monday–Friday 9–17 calendar); the
 *   parts of a combined calendar keep nothing for it.
 *
 * @example
 * CALENDAR_LIMITS.maxIntervalsPerDay; // => 100
 * const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
 * const busy = Array.from({ length: 101 }, (_, i) => [hhmm(2 * i), hhmm(2 * i + 1)] as const); // 101 one-minute intervals
 * const result = safeCreateCalendar({ timeZone: "UTC", weekly: { mon: busy } });
 * if (!result.success) result.error.issues[0].code; // => "too_many_intervals" (path ["weekly", "mon"])
 */
export const CALENDAR_LIMITS: {
  readonly maxIntervalsPerDay: 100;
  readonly maxCombinedIntervalsPerDay: 250;
  readonly maxNesting: 64;
  readonly chunkCacheBytes: 16_777_216;
} = Object.freeze({
  maxIntervalsPerDay: 100,
  maxCombinedIntervalsPerDay: 250,
  maxNesting: 64,
  chunkCacheBytes: 16_777_216,
});
