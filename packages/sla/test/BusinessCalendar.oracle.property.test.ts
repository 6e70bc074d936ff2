import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createCalendar, type CalendarDefinition } from "@supportops/sla";
import { DAY, calendarArb, windowStartArb, zoneArb } from "./support/arbitraries.js";
import { OracleRules, OracleWindow, wallClock } from "./support/oracle.js";

/** A zone, a window of about three days (often around an offset change), a random calendar, and picks of instants in it. */
const scenarioArb = zoneArb.chain((zone) =>
  windowStartArb(zone).chain((start) => {
    const lo = start - DAY;
    const hi = start + 2 * DAY;
    return fc.record({
      lo: fc.constant(lo),
      hi: fc.constant(hi),
      def: calendarArb(zone, Math.floor(lo / DAY) - 1, Math.floor(hi / DAY) + 1),
      picks: fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.integer({ min: -1, max: 0 })), {
        minLength: 12,
        maxLength: 12,
      }),
    });
  }),
);

interface Scenario {
  readonly lo: number;
  readonly hi: number;
  readonly def: CalendarDefinition;
  readonly picks: ReadonlyArray<readonly [boolean, number, number, number]>;
}

/** Instants of the window: uniform, or exactly at (or 1 ms before) a sampled boundary. */
function instants(s: Scenario, window: OracleWindow): number[] {
  return s.picks.map(([onBoundary, fraction, index, shift]) => {
    if (onBoundary) return Math.max(s.lo, (window.points[index % window.points.length] as number) + shift);
    return s.lo + Math.floor(fraction * (s.hi - s.lo));
  });
}

describe("BusinessCalendar operations agree with a brute-force wall-clock oracle", () => {
  test.prop([scenarioArb], { numRuns: numRuns(90) })("isOpen, businessMsBetween, addBusinessMs, nextOpen, nextClose", (s) => {
    const cal = createCalendar(s.def);
    const rules = new OracleRules(s.def);
    const window = new OracleWindow(rules, s.lo, s.hi);
    const ts = instants(s, window);
    for (const [i, t] of ts.entries()) {
      const u = ts[(i + 1) % ts.length] as number;
      const [, fraction] = s.picks[i] ?? [false, 0];

      expect(cal.isOpenMs(t), `isOpen ${new Date(t).toISOString()}`).toBe(rules.isOpen(t));
      expect(cal.businessMsBetween(t, u), `between ${t} ${u}`).toBe(t <= u ? window.between(t, u) : 0 - window.between(u, t));

      const ahead = window.between(t, s.hi);
      const fill = t < u ? window.between(t, u) : 0; // an exact fill up to another sampled instant
      for (const d of [Math.floor(fraction * ahead), fill]) {
        if (d > 0) expect(cal.addBusinessMs(t, d), `add ${t} +${d}`).toBe(window.addForward(t, d));
      }
      const behind = window.between(s.lo, t);
      for (const d of [Math.floor(fraction * behind), t > u ? window.between(u, t) : 0]) {
        if (d > 0) expect(cal.addBusinessMs(t, -d), `add ${t} -${d}`).toBe(window.addBackward(t, d));
      }
      expect(cal.addBusinessMs(t, 0)).toBe(t);

      const open = window.nextOpen(t);
      const libOpen = cal.nextOpenMs(t);
      if (open !== null) expect(libOpen, `nextOpen ${t}`).toBe(open);
      else expect(libOpen === null || libOpen >= s.hi, `nextOpen ${t} beyond the window`).toBe(true);

      const close = window.nextClose(t);
      const libClose = cal.nextCloseMs(t);
      if (close !== null) expect(libClose, `nextClose ${t}`).toBe(close);
      else expect(libClose === null || libClose >= s.hi, `nextClose ${t} beyond the window`).toBe(true);
    }
  });
});

describe("BusinessCalendar across offset changes close together", () => {
  // Brazil's Noronha changed its offset twice within 7 days in October 2000; Gaza's rules do the same
  // around Ramadan; and a few other odd transitions. Each day's business time must match the oracle's.
  for (const [zone, from] of [
    ["America/Noronha", Date.UTC(2000, 9, 5)],
    ["Asia/Gaza", Date.UTC(2040, 9, 10)],
    ["Africa/Casablanca", Date.UTC(2026, 1, 10)],
    ["Pacific/Apia", Date.UTC(2011, 11, 15)], // 2011-12-30 never happened in Samoa
    ["America/Sao_Paulo", Date.UTC(2015, 9, 5)], // DST began at midnight
    ["Asia/Kathmandu", Date.UTC(1985, 11, 20)], // +05:30 → +05:45
    ["Australia/Lord_Howe", Date.UTC(2026, 8, 25)], // 30-minute DST
  ] as const) {
    test(`${zone} around ${new Date(from).toISOString().slice(0, 10)}`, () => {
      const daily = [["00:30", "01:30"], ["09:00", "17:00"], ["23:30", "00:15"]] as const;
      const def: CalendarDefinition = { timeZone: zone, weekly: { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily } };
      const cal = createCalendar(def);
      const window = new OracleWindow(new OracleRules(def), from, from + 30 * DAY);
      for (let t = from; t < from + 30 * DAY; t += DAY) expect(cal.businessMsBetween(t, t + DAY)).toBe(window.between(t, t + DAY));
    });
  }
});

describe("BusinessCalendar.addBusinessDays agrees with the oracle", () => {
  const MINUTES_10 = 600_000;
  /** The earliest instant whose wall clock reads `wall` or later, by scanning and bisecting the oracle's wall clock. */
  function firstInstantReading(zone: string, wall: number): number {
    let prev = wall - 16 * 3_600_000;
    for (let t = prev; ; t += MINUTES_10) {
      if (wallClock(zone, t) >= wall) {
        let lo = prev;
        let hi = t;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (wallClock(zone, mid) >= wall) hi = mid;
          else lo = mid;
        }
        return hi;
      }
      prev = t;
    }
  }

  const daysArb = zoneArb.chain((zone) =>
    windowStartArb(zone).chain((start) =>
      fc.record({
        start: fc.constant(start),
        def: calendarArb(zone, Math.floor(start / DAY) - 10, Math.floor(start / DAY) + 10),
        offset: fc.integer({ min: 0, max: 2 * DAY }),
        n: fc.integer({ min: -6, max: 6 }),
      }),
    ),
  );

  test.prop([daysArb], { numRuns: numRuns(40) })("same local time on the n-th business date, snapped to the next open instant", ({ start, def, offset, n }) => {
    const cal = createCalendar(def);
    const rules = new OracleRules(def);
    const t = start + offset;
    const wall = wallClock(def.timeZone, t);
    let day = Math.floor(wall / DAY);
    const timeOfDay = wall - day * DAY;
    for (let left = Math.abs(n); left > 0; ) {
      day += n < 0 ? -1 : 1;
      // A business date owns an interval and occurs at all (Apia skipped 2011-12-30).
      const occurs = firstInstantReading(def.timeZone, day * DAY) < firstInstantReading(def.timeZone, (day + 1) * DAY);
      if (rules.owned(day).length > 0 && occurs) left--;
    }
    // 0 days is nextOpen(t) itself (t may be in the second pass of a repeated hour).
    const at = n === 0 ? t : firstInstantReading(def.timeZone, day * DAY + timeOfDay);
    fc.pre(at >= 0); // the answer would lie before 1970 (an out_of_range error, tested elsewhere)
    const window = new OracleWindow(rules, at, at + 9 * DAY);
    const expected = window.nextOpen(at);
    fc.pre(expected !== null);
    // A Date, not a number: as a number, an instant in [1e9, 1e10) would be refused as epoch seconds.
    expect(cal.addBusinessDays(new Date(t), n).getTime()).toBe(expected);
  });
});
