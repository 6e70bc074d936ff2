// A naive business-time reference, written apart from @supportops/sla: for a calendar open the same
// local hours on some weekdays, except on holidays, the business ms in [a, b) is the sum over local
// dates of the overlap of [a, b) with that date's opening hours, each found by reading the wall
// clock with Intl.DateTimeFormat (no luxon, no offsets tables).

const DAY = 86_400_000;

export interface NaiveCalendar {
  readonly timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are open. */
  readonly weekdays: ReadonlyArray<number>;
  /** Opening and closing hour, local (whole hours, away from DST transitions at 02:00–03:00). */
  readonly openHour: number;
  readonly closeHour: number;
  /** Local dates `YYYY-MM-DD` that are closed. */
  readonly holidays: ReadonlyArray<string>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, t: number): { date: string; weekday: number; ms: number } {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", weekday: "short" });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(t);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  const ms = ((Number(get("hour")) * 60 + Number(get("minute"))) * 60 + Number(get("second"))) * 1000 + (((t % 1000) + 1000) % 1000);
  return { date: `${get("year")}-${get("month")}-${get("day")}`, weekday, ms };
}

/** The instant a local wall-clock hour of the local date that `t` is on is reached (the hour exists). */
function instantOfLocalHour(zone: string, t: number, hour: number): number {
  const here = wallClock(zone, t);
  let guess = t - here.ms + hour * 3_600_000;
  // Correct for an offset change between t and the guess (at most twice).
  for (let i = 0; i < 2; i++) {
    const there = wallClock(zone, guess);
    if (there.date !== here.date) guess += there.date < here.date ? DAY : -DAY;
    guess += hour * 3_600_000 - wallClock(zone, guess).ms;
  }
  return guess;
}

export function naiveBusinessMs(cal: NaiveCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  let total = 0;
  // Every local date from a day before a to a day after b, each once (stepping 6 h skips none).
  const seen = new Set<string>();
  for (let t = a - DAY; t <= b + DAY; t += DAY / 4) {
    const { date } = wallClock(cal.timeZone, t);
    if (seen.has(date)) continue;
    seen.add(date);
    const noon = instantOfLocalHour(cal.timeZone, t, 12);
    const { weekday } = wallClock(cal.timeZone, noon);
    if (!cal.weekdays.includes(weekday) || cal.holidays.includes(date)) continue;
    const open = instantOfLocalHour(cal.timeZone, noon, cal.openHour);
    const close = instantOfLocalHour(cal.timeZone, noon, cal.closeHour);
    total += Math.max(0, Math.min(b, close) - Math.max(a, open));
  }
  return total;
}
