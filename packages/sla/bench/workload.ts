/** The calendar benchmark workload (docs/calendars.md, "Benchmark"), generated from a fixed seed so every run measures the same thing. */
import { mulberry32 } from "@supportops/test-utils";

export const ZONE = "America/New_York";
export const MINUTE = 60_000;
export const DAY = 86_400_000;


const pad = (n: number): string => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** The n-th (1-based; −1 = last) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return ymd(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1));
  }
  const lastDate = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDate)).getUTCDay();
  return ymd(year, month, lastDate - ((last - weekday + 7) % 7));
}

/** Ten US holidays a year (New Year, MLK, Presidents, Memorial, Juneteenth, Independence, Labor, Veterans, Thanksgiving, Christmas). */
export function usHolidays(years: ReadonlyArray<number>): string[] {
  return years.flatMap((y) => [
    ymd(y, 1, 1),
    nthWeekday(y, 1, 1, 3),
    nthWeekday(y, 2, 1, 3),
    nthWeekday(y, 5, 1, -1),
    ymd(y, 6, 19),
    ymd(y, 7, 4),
    nthWeekday(y, 9, 1, 1),
    ymd(y, 11, 11),
    nthWeekday(y, 11, 4, 4),
    ymd(y, 12, 25),
  ]);
}

export const HOLIDAYS = usHolidays([2025, 2026, 2027]);

/** Start instants (ms-precise) in 2025–2027 local time, durations of 0–10 000 whole minutes, and pairs up to 60 days apart. */
export function makeWorkload(n: number, seed = 20_261_128) {
  const next = mulberry32(seed);
  const from = Date.parse("2025-01-01T00:00:00-05:00");
  const to = Date.parse("2028-01-01T00:00:00-05:00");
  const starts = new Float64Array(n);
  const durations = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = from + Math.floor(next() * (to - from - 60 * DAY));
    durations[i] = Math.floor(next() * 10_001) * MINUTE;
    ends[i] = (starts[i] as number) + Math.floor(next() * 60 * DAY);
  }
  return { starts, durations, ends };
}
