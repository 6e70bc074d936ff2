import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MAX_SUPPORTED_MS } from "@supportops/core";
import { numRuns } from "@supportops/test-utils";
import { SlaError, createCalendar, type BusinessCalendar, type CalendarDefinition } from "@supportops/sla";
import { DAY, MAX_TEST_MS, calendarArb, zoneArb } from "./support/arbitraries.js";

const YEAR = 365 * DAY;

/** A random calendar (overrides and holidays around a random date) and instants near that date or anywhere in 1970–2100. */
const lawArb = fc
  .tuple(zoneArb, fc.integer({ min: 30, max: Math.floor(MAX_TEST_MS / DAY) - 30 }))
  .chain(([zone, day]) => {
    const near = fc.integer({ min: (day - 20) * DAY, max: (day + 20) * DAY });
    // Four in five near the overrides and holidays, one in five anywhere in 1970–2100.
    const instant = fc.tuple(fc.integer({ min: 0, max: 4 }), near, fc.integer({ min: 0, max: MAX_TEST_MS - 1 })).map(([k, a, b]) => (k < 4 ? a : b));
    return fc.record({
      def: calendarArb(zone, day - 5, day + 5),
      a: instant,
      b: instant,
      c: instant,
      d1: fc.oneof(fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: 0, max: 2 * YEAR })),
      d2: fc.oneof(fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: 0, max: 100_000 })),
    });
  });

type LawCase = { def: CalendarDefinition; a: number; b: number; c: number; d1: number; d2: number };

/** `add(t, d)`, or `null` when the answer would leave the supported range (which the caller checks is legitimate). */
function addOrNull(cal: BusinessCalendar, t: number, d: number): number | null {
  try {
    return cal.addBusinessMs(t, d);
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).code).toBe("out_of_range");
    if (d > 0) expect(cal.businessMsBetween(t, MAX_SUPPORTED_MS - 1)).toBeLessThan(d);
    else expect(cal.businessMsBetween(0, t)).toBeLessThan(-d);
    return null;
  }
}

describe("BusinessCalendar: business-time laws on random calendars", () => {
  test.prop([lawArb], { numRuns: numRuns(100) })("inverse, earliest/latest, composition, monotonicity", ({ def, a, d1, d2 }: LawCase) => {
    const cal = createCalendar(def);
    for (const d of [d1, 0 - d1, d2, 0 - d2]) {
      const u = addOrNull(cal, a, d);
      if (u === null) continue;
      expect(cal.businessMsBetween(a, u)).toBe(d);
      // Earliest (forward) / latest (backward) such instant.
      if (d > 0) expect(cal.businessMsBetween(a, u - 1)).toBeLessThan(d);
      if (d < 0) expect(cal.businessMsBetween(u + 1, a)).toBeLessThan(-d);
    }
    const u1 = addOrNull(cal, a, d1);
    const u12 = addOrNull(cal, a, d1 + d2);
    if (u1 !== null && u12 !== null) {
      expect(cal.addBusinessMs(u1, d2)).toBe(u12);
      expect(u1).toBeLessThanOrEqual(u12);
    }
  });

  test.prop([lawArb], { numRuns: numRuns(100) })("additivity, antisymmetry, bounds", ({ def, a, b, c }: LawCase) => {
    const cal = createCalendar(def);
    const ab = cal.businessMsBetween(a, b);
    expect(ab + cal.businessMsBetween(b, c)).toBe(cal.businessMsBetween(a, c));
    expect(cal.businessMsBetween(b, a)).toBe(0 - ab);
    expect(Object.is(cal.businessMsBetween(a, a), 0)).toBe(true);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const measured = cal.businessMsBetween(lo, hi);
    expect(measured).toBeGreaterThanOrEqual(0);
    expect(measured).toBeLessThanOrEqual(hi - lo);
    // Monotone in the end point.
    const mid = lo + Math.floor((hi - lo) / 2);
    expect(cal.businessMsBetween(lo, mid)).toBeLessThanOrEqual(measured);
  });

  test.prop([lawArb], { numRuns: numRuns(100) })("isOpen, nextOpen, nextClose and openIntervals fit together", ({ def, a, b }: LawCase) => {
    const cal = createCalendar(def);
    const open = cal.nextOpenMs(a);
    expect(open === a).toBe(cal.isOpenMs(a));
    if (open === null) return;
    expect(open).toBeGreaterThanOrEqual(a);
    expect(cal.isOpenMs(open)).toBe(true);
    if (open > a) expect(cal.businessMsBetween(a, open)).toBe(0);
    const close = cal.nextCloseMs(a);
    if (close === null) return;
    expect(close).toBeGreaterThan(open);
    expect(cal.isOpenMs(close)).toBe(false);
    expect(cal.businessMsBetween(open, close)).toBe(close - open);
    // openIntervals: maximal runs whose lengths add up to the business time of the range.
    const from = Math.min(a, b);
    const to = Math.min(Math.max(a, b), from + 60 * DAY);
    // The friendly methods get Dates: as numbers, instants in [1e9, 1e10) would be refused as epoch seconds.
    const runs = cal.openIntervals(new Date(from), new Date(to));
    const total = runs.reduce((sum, r) => sum + (r.end.getTime() - r.start.getTime()), 0);
    expect(total).toBe(cal.businessMsBetween(from, to));
    runs.forEach((r, i) => {
      expect(r.end.getTime()).toBeGreaterThan(r.start.getTime());
      const prev = runs[i - 1];
      if (prev !== undefined) expect(r.start.getTime()).toBeGreaterThan(prev.end.getTime());
      if (r.start.getTime() > from) expect(cal.isOpenMs(r.start.getTime() - 1)).toBe(false);
      if (r.end.getTime() < to) expect(cal.isOpenMs(r.end.getTime())).toBe(false);
    });
  });

  test.prop([lawArb, fc.integer({ min: -30, max: 30 })], { numRuns: numRuns(60) })("addBusinessDays lands on an open instant; 0 days is nextOpen", ({ def, a }: LawCase, n) => {
    const cal = createCalendar(def);
    let result: number;
    try {
      result = cal.addBusinessDays(new Date(a), n).getTime();
    } catch (error) {
      // Only legitimate near the ends of the supported range.
      expect(error).toBeInstanceOf(SlaError);
      expect((error as SlaError).code).toBe("out_of_range");
      expect(Math.min(a, MAX_SUPPORTED_MS - a)).toBeLessThan(400 * DAY);
      return;
    }
    expect(cal.isOpenMs(result)).toBe(true);
    if (n === 0) expect(result).toBe(cal.nextOpenMs(a));
    if (n > 0) expect(result).toBeGreaterThan(a);
  });

});
