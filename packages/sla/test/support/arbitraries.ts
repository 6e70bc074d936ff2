/** fast-check arbitraries for random calendars and test windows (valid by construction). */
import fc from "fast-check";
import { TEST_ZONES } from "@supportops/test-utils";
import type { CalendarDefinition, TimeInterval } from "@supportops/sla";
import { offsetChanges } from "./oracle.js";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MAX_TEST_MS = Date.UTC(2100, 0, 1);
const WEEK_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A time of day, biased to whole hours and minutes but often millisecond-precise. */
const timeOfDayArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 23 }).map((h) => h * HOUR),
  fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => m * 60_000),
  fc.integer({ min: 0, max: DAY - 1 }),
);

/** `HH:MM`, or `HH:MM:SS.mmm` when needed; 86 400 000 is `24:00`. */
export function formatTime(ms: number): string {
  const h = Math.floor(ms / HOUR);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const milli = ms % 1000;
  const hm = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
  if (s === 0 && milli === 0) return hm;
  return `${hm}:${String(s).padStart(2, "0")}.${String(milli).padStart(3, "0")}`;
}

/** 0–3 disjoint same-day intervals, as sorted [start, end] ms pairs. */
const dayArb: fc.Arbitrary<Array<[number, number]>> = fc
  .integer({ min: 0, max: 3 })
  .chain((k) => fc.uniqueArray(timeOfDayArb, { minLength: 2 * k, maxLength: 2 * k }))
  .map((times) => {
    const sorted = [...times].sort((a, b) => a - b);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] as number, sorted[i + 1] as number]);
    return pairs;
  });

/** How the last interval of a day ends: as generated, at 24:00, or overnight (a fraction of the allowed spill). */
const endingArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<{ kind: "keep" }>({ kind: "keep" }) },
  { weight: 1, arbitrary: fc.constant<{ kind: "midnight" }>({ kind: "midnight" }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((f) => ({ kind: "overnight" as const, f })) },
);

type Ending = { kind: "keep" } | { kind: "midnight" } | { kind: "overnight"; f: number };

function toIntervals(pairs: ReadonlyArray<[number, number]>): TimeInterval[] {
  return pairs.map(([s, e]) => [formatTime(s), formatTime(e >= DAY ? (e === DAY ? DAY : e - DAY) : e)] as const);
}

/** Applies endings to a week of days so that overnight parts never reach the next day's first start. */
function withEndings(days: Array<Array<[number, number]>>, endings: ReadonlyArray<Ending>): Array<Array<[number, number]>> {
  const out = days.map((d) => d.map((p) => [...p] as [number, number]));
  out.forEach((day, i) => {
    const last = day[day.length - 1];
    const ending = endings[i];
    if (last === undefined || ending === undefined || ending.kind === "keep") return;
    if (ending.kind === "midnight") {
      last[1] = DAY;
      return;
    }
    const nextFirst = days[(i + 1) % days.length]?.[0]?.[0] ?? DAY - 1;
    const bound = Math.min(nextFirst, last[0] - 1);
    if (bound < 0) return;
    last[1] = DAY + Math.floor(ending.f * (bound + 1));
  });
  return out;
}

/** A random weekly schedule with 0–3 intervals a day, some overnight, some ending at 24:00; never empty. */
export const weeklyArb: fc.Arbitrary<Array<Array<[number, number]>>> = fc
  .tuple(fc.array(dayArb, { minLength: 7, maxLength: 7 }), fc.array(endingArb, { minLength: 7, maxLength: 7 }))
  .map(([days, endings]) => {
    const week = withEndings(days, endings);
    if (week.every((d) => d.length === 0)) week[0] = [[9 * HOUR, 17 * HOUR]];
    return week;
  });

/** Weekday index, Monday = 0, of a day number. */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;
const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * A random calendar whose holidays and overrides fall on the days of [firstDay, lastDay]. Override
 * hours never run overnight and start after the previous date's overnight part has ended.
 */
export function calendarArb(zone: string, firstDay: number, lastDay: number): fc.Arbitrary<CalendarDefinition> {
  const span = lastDay - firstDay + 1;
  return fc
    .record({
      week: weeklyArb,
      kinds: fc.array(fc.constantFrom("weekly", "weekly", "holiday", "override"), { minLength: span, maxLength: span }),
      overrideDays: fc.array(dayArb, { minLength: span, maxLength: span }),
    })
    .map(({ week, kinds, overrideDays }) => {
      const holidays: string[] = [];
      const overrides: Array<{ date: string; hours: TimeInterval[] }> = [];
      let prevSpill = 0;
      for (let i = 0; i < span; i++) {
        const day = firstDay + i;
        const kind = kinds[i];
        if (i === 0 || kind === "weekly") {
          const own = week[weekday(day)] ?? [];
          prevSpill = Math.max(0, ...own.map(([, e]) => e - DAY));
          continue;
        }
        if (kind === "holiday") {
          holidays.push(isoDate(day));
          prevSpill = 0;
          continue;
        }
        const spill = prevSpill;
        const hours = (overrideDays[i] ?? []).filter(([s, e]) => s >= spill && e > s);
        overrides.push({ date: isoDate(day), hours: toIntervals(hours) });
        prevSpill = 0;
      }
      // The date after the last generated one keeps its weekly hours: a weekly overnight part from an
      // override date does not exist, so nothing can collide there.
      const weekly = Object.fromEntries(WEEK_KEYS.map((key, i) => [key, toIntervals(week[i] ?? [])]));
      return { timeZone: zone, weekly, holidays, overrides } as CalendarDefinition;
    });
}

/** The start of a short test window: near an offset change of the zone half the time, else anywhere in 1970–2100. */
export function windowStartArb(zone: string): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: DAY, max: MAX_TEST_MS - 5 * DAY });
  const nearChange = fc
    .tuple(fc.integer({ min: 1970, max: 2099 }), fc.nat(), fc.integer({ min: 0, max: 2 * DAY }))
    .map(([year, pick, before]) => {
      const changes = offsetChanges(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
      if (changes.length === 0) return Date.UTC(year, 5, 1) + before;
      return Math.max(DAY, (changes[pick % changes.length] as number) - before);
    });
  return fc.oneof(anywhere, nearChange);
}

/** A zone from the shared TEST_ZONES. */
export const zoneArb: fc.Arbitrary<string> = fc.constantFrom(...TEST_ZONES);
