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
function formatTime(ms: number): string {
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

/**
 * How the last interval of a day ends: as generated (2/5), at 24:00 (1/5), or overnight (2/5). Chosen by
 * an integer rather than fc.oneof, whose bias towards its first option grows with nesting depth.
 */
const endingArb = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 999 })).map(([k, permille]): Ending => {
  if (k < 2) return { kind: "keep" };
  if (k < 3) return { kind: "midnight" };
  return { kind: "overnight", f: permille / 1000 };
});

type Ending = { kind: "keep" } | { kind: "midnight" } | { kind: "overnight"; f: number };

function toIntervals(pairs: ReadonlyArray<[number, number]>): TimeInterval[] {
  return pairs.map(([s, e]) => [formatTime(s), formatTime(e >= DAY ? (e === DAY ? DAY : e - DAY) : e)] as const);
}

/**
 * Applies endings to a week of days. An overnight ending picks its spill past midnight freely (before
 * the interval's own start) and drops the next day's intervals that would start before it.
 */
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
    if (last[0] === 0) return;
    const spill = Math.floor(ending.f * last[0]);
    last[1] = DAY + spill;
    const next = (i + 1) % out.length;
    out[next] = (out[next] ?? []).filter(([s]) => s >= spill);
  });
  return out;
}

/** A random weekly schedule with 0–3 intervals a day, some overnight, some ending at 24:00; never empty. */
const weeklyArb: fc.Arbitrary<Array<Array<[number, number]>>> = fc
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
 * hours start after the previous date's overnight part has ended, and may themselves run overnight.
 */
export function calendarArb(zone: string, firstDay: number, lastDay: number): fc.Arbitrary<CalendarDefinition> {
  const span = lastDay - firstDay + 1;
  return fc
    .record({
      week: weeklyArb,
      kinds: fc.array(fc.constantFrom("weekly", "weekly", "holiday", "override"), { minLength: span, maxLength: span }),
      overrideDays: fc.array(dayArb, { minLength: span, maxLength: span }),
      overrideNights: fc.array(fc.option(fc.integer({ min: 0, max: 999 }).map((p) => p / 1000)), { minLength: span, maxLength: span }),
    })
    .map(({ week, kinds, overrideDays, overrideNights }) => {
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
        const hours = (overrideDays[i] ?? []).filter(([s, e]) => s >= spill && e > s).map((p) => [...p] as [number, number]);
        prevSpill = 0;
        // Sometimes the override's last interval runs overnight, ending before the next date's first start
        // (a following override or holiday date adapts to it; a weekly one is respected here).
        const night = overrideNights[i];
        const last = hours[hours.length - 1];
        if (night !== null && night !== undefined && last !== undefined && last[0] > 0) {
          const nextIsWeekly = i + 1 >= span || kinds[i + 1] === "weekly";
          const nextFirst = nextIsWeekly ? (week[weekday(day + 1)]?.[0]?.[0] ?? DAY - 1) : DAY - 1;
          const bound = Math.min(nextFirst, last[0] - 1);
          if (bound >= 0) {
            last[1] = DAY + Math.floor(night * (bound + 1));
            prevSpill = last[1] - DAY;
          }
        }
        overrides.push({ date: isoDate(day), hours: toIntervals(hours) });
      }
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
  // Half and half (fc.oneof would lean towards its first option inside nested chains).
  return fc.tuple(fc.boolean(), anywhere, nearChange).map(([near, a, b]) => (near ? b : a));
}

/** A zone from the shared TEST_ZONES. */
export const zoneArb: fc.Arbitrary<string> = fc.constantFrom(...TEST_ZONES);
