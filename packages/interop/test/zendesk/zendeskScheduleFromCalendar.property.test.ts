// Round trips through Zendesk's encoding. The reference for "the same calendar" is sla's own compiled
// calendar of the original definition (itself held to a brute-force oracle in packages/sla): every
// businessMsBetween over windows near DST changes must agree.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { TEST_ZONES, numRuns } from "@supportops/test-utils";
import { createCalendar, type CalendarDefinition, type TimeInterval } from "@supportops/sla";
import { railsTimeZoneFromIana } from "@supportops/interop";
import { calendarFromZendeskSchedule, zendeskScheduleFromCalendar } from "@supportops/interop/zendesk";

const DAY = 86_400_000;
const KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
/** The shared test zones that Zendesk can name (a Rails name exists): DST north and south, half hours, 45 minutes. */
const ZONES = TEST_ZONES.filter((zone) => railsTimeZoneFromIana(zone) !== null);

const canonical = (zone: string): string => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 0–3 disjoint intervals of one day in whole minutes; the last may end at 24:00 or run overnight. */
const dayArb = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 0, maxLength: 6 }),
    ending: fc.integer({ min: 0, max: 4 }),
    spill: fc.integer({ min: 1, max: 1439 }),
  })
  .map(({ cuts, ending, spill }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] as number, sorted[i + 1] as number]);
    const last = pairs[pairs.length - 1];
    if (last !== undefined && ending === 3) last[1] = 1440;
    if (last !== undefined && ending === 4 && last[0] > 1) last[1] = 1440 + Math.min(spill, last[0] - 1);
    return pairs;
  });

/** A week of minute-aligned hours (overnight intervals trimmed against the next day's first start), never empty. */
const weekArb = fc.array(dayArb, { minLength: 7, maxLength: 7 }).map((days) => {
  const week = days.map((d) => d.map((p) => [...p] as [number, number]));
  week.forEach((day, i) => {
    const last = day[day.length - 1];
    if (last === undefined || last[1] <= 1440) return;
    const next = week[(i + 1) % 7] ?? [];
    week[(i + 1) % 7] = next.filter(([s]) => s >= last[1] - 1440);
  });
  if (week.every((d) => d.length === 0)) week[1] = [[540, 1020]];
  return week;
});

const caseArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: weekArb,
    year: fc.integer({ min: 1971, max: 2098 }),
    dayOfYear: fc.integer({ min: 0, max: 360 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -10, max: 10 }), { maxLength: 6 }),
    probes: fc.array(fc.tuple(fc.integer({ min: -12 * DAY, max: 12 * DAY }), fc.integer({ min: 0, max: 9 * DAY })), { minLength: 1, maxLength: 6 }),
  })
  .map(({ zone, week, year, dayOfYear, holidayOffsets, probes }) => {
    const center = Date.UTC(year, 0, 1) / DAY + dayOfYear;
    const overnight = new Set(week.flatMap((day, i) => (day.some(([, e]) => e > 1440) ? [i] : [])));
    const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;
    // Zendesk can hold a holiday only where no overnight interval starts or ends.
    const holidays = holidayOffsets
      .map((offset) => center + offset)
      .filter((day) => !overnight.has(weekday(day)) && !overnight.has(weekday(day - 1)))
      .sort((a, b) => a - b)
      .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
    const weekly = Object.fromEntries(
      KEYS.map((key, i) => [key, (week[i] ?? []).map(([s, e]): TimeInterval => [hhmm(s), e === 1440 ? "24:00" : hhmm(e % 1440)])]),
    );
    const definition: CalendarDefinition = { name: "Generated", timeZone: zone, weekly, holidays };
    return { definition, probes: probes.map(([from, length]) => [center * DAY + from, center * DAY + from + length] as const) };
  });

describe("Zendesk schedule round trip", () => {
  test.prop([caseArb], { numRuns: numRuns(60) })("calendar → Zendesk → calendar keeps every businessMsBetween", ({ definition, probes }) => {
    const original = createCalendar(definition);
    const exported = zendeskScheduleFromCalendar(definition);
    const again = calendarFromZendeskSchedule(exported.schedule, exported.holidays);
    const back = createCalendar(again.definition);
    // The zone comes back as the Rails table names it (UTC as Etc/UTC): the same zone for ICU.
    expect(canonical(back.timeZone)).toBe(canonical(definition.timeZone));
    for (const [from, to] of probes) {
      expect(back.businessMsBetween(from, to)).toBe(original.businessMsBetween(from, to));
      expect(back.isOpenMs(from)).toBe(original.isOpenMs(from));
    }
    // Exporting the re-imported calendar gives the same Zendesk payload: nothing drifts.
    expect(zendeskScheduleFromCalendar(again.definition)).toStrictEqual(exported);
  });

  const intervalsArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 10_080 }), { minLength: 2, maxLength: 12 })
    .map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const intervals: Array<{ start_time: number; end_time: number }> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start_time: sorted[i] as number, end_time: sorted[i + 1] as number });
      return intervals;
    });

  test.prop([intervalsArb, fc.constantFrom(...ZONES)], { numRuns: numRuns(60) })(
    "any valid Zendesk week (legacy multi-day intervals included) imports to the same open minutes and re-exports split at midnight",
    (intervals, zone) => {
      const timeZoneName = railsTimeZoneFromIana(zone) as string;
      const imported = calendarFromZendeskSchedule({ name: "Generated", time_zone: timeZoneName, intervals });
      const exported = zendeskScheduleFromCalendar(imported.definition, { timeZoneName });
      // The same set of week minutes, each exported interval inside one day.
      const minutes = (list: ReadonlyArray<{ start_time: number; end_time: number }>): number[] =>
        list.flatMap(({ start_time, end_time }) => Array.from({ length: end_time - start_time }, (_, k) => start_time + k));
      expect(minutes(exported.schedule.intervals)).toStrictEqual(minutes(intervals));
      for (const { start_time, end_time } of exported.schedule.intervals) expect(Math.floor(start_time / 1440)).toBe(Math.floor((end_time - 1) / 1440));
      expect(calendarFromZendeskSchedule(exported.schedule).definition).toStrictEqual(imported.definition);
    },
  );
});
