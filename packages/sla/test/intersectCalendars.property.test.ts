import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createCalendar, intersectCalendars, unionCalendars } from "@supportops/sla";
import { DAY, MAX_TEST_MS, calendarArb, zoneArb } from "./support/arbitraries.js";

/** A random calendar (overrides and holidays around a random date) and a window of up to 90 days near that date. */
const caseArb = fc
  .tuple(zoneArb, fc.integer({ min: 30, max: Math.floor(MAX_TEST_MS / DAY) - 120 }))
  .chain(([zone, day]) =>
    fc.record({
      def: calendarArb(zone, day - 5, day + 5),
      from: fc.integer({ min: (day - 20) * DAY, max: (day + 20) * DAY }),
      length: fc.integer({ min: 0, max: 90 * DAY }),
    }),
  );

describe("intersectCalendars and unionCalendars", () => {
  test.prop([caseArb, caseArb], { numRuns: numRuns(60) })("are pointwise and ∪ + ∩ = a + b", (x, y) => {
    const p = createCalendar(x.def);
    const q = createCalendar(y.def);
    const both = intersectCalendars(p, q);
    const either = unionCalendars(p, q);
    const from = x.from;
    const to = x.from + y.length;
    for (const t of [from, to, y.from, y.from + x.length]) {
      expect(both.isOpenMs(t)).toBe(p.isOpenMs(t) && q.isOpenMs(t));
      expect(either.isOpenMs(t)).toBe(p.isOpenMs(t) || q.isOpenMs(t));
    }
    expect(either.businessMsBetween(from, to) + both.businessMsBetween(from, to)).toBe(p.businessMsBetween(from, to) + q.businessMsBetween(from, to));
    expect([both.timeZone, either.timeZone]).toStrictEqual([p.timeZone, p.timeZone]);
  });
});
