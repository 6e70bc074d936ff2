import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { CALENDAR_LIMITS, SlaError, createCalendar, intersectCalendars, unionCalendars, type BusinessCalendar } from "@supportops/sla";

const team = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
const contract = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });

describe("intersectCalendars", () => {
  it("the TSDoc example: open when every calendar is open, across zones", () => {
    const both = intersectCalendars(team, contract);
    expect(both.openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z").map((r) => [r.start.toISOString(), r.end.toISOString()])).toStrictEqual([
      ["2026-03-02T14:00:00.000Z", "2026-03-02T16:00:00.000Z"],
    ]);
    expect([both.timeZone, both.definition]).toStrictEqual(["Europe/London", null]);
  });

  it("invalid_argument: a calendar not made by this package, with its argument index as the path", () => {
    const foreign: BusinessCalendar = { ...team };
    const error = thrownBy(SlaError, () => intersectCalendars(team, foreign));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_argument", [1]]]]);
    expect(thrownBy(SlaError, () => intersectCalendars(null as unknown as BusinessCalendar)).issues[0].path).toStrictEqual([0]);
  });

  it("the issue's example: 5 000 nested intersections and unions end in a typed too_deep error at the 65th, not a RangeError", () => {
    let cal: BusinessCalendar = team;
    let error: SlaError | undefined;
    let made = 0;
    for (let i = 0; i < 5000 && error === undefined; i++) {
      try {
        cal = i % 2 === 0 ? intersectCalendars(cal, contract) : unionCalendars(cal, contract);
        made++;
      } catch (thrown) {
        if (!(thrown instanceof SlaError)) throw thrown;
        error = thrown;
      }
    }
    expect(made).toBe(CALENDAR_LIMITS.maxNesting);
    expect([error?.code, error?.issues]).toStrictEqual([
      "invalid_calendar",
      [
        {
          code: "too_deep",
          path: [0],
          message: "intersectCalendars would stack 65 set operations; at most 64 may nest (CALENDAR_LIMITS.maxNesting) — combine the calendars in one call, e.g. intersectCalendars(a, b, c) instead of intersectCalendars(intersectCalendars(a, b), c)",
        },
      ],
    ]);
    // The deepest calendar allowed answers like any other (it used to overflow the stack when compiled):
    // the last operation is a union with the contract's hours, which hold everything before it.
    expect(cal.businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toBe(8 * 3_600_000);
  });

  it("too_many_intervals: the calendars of a combination may have 250 intervals a day in all, each counted as often as it appears", () => {
    const pad = (n: number): string => String(n).padStart(2, "0");
    const busiest = Array.from({ length: 100 }, (_, i) => [`${pad(Math.floor(i / 6))}:${pad((i % 6) * 10)}`, `${pad(Math.floor(i / 6))}:${pad((i % 6) * 10 + 5)}`] as const);
    const busy = createCalendar({ timeZone: "UTC", weekly: { mon: busiest } });
    expect(intersectCalendars(busy, busy, team).timeZone).toBe("UTC"); // 201
    const error = thrownBy(SlaError, () => intersectCalendars(busy, busy, busy));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_calendar",
      [
        {
          code: "too_many_intervals",
          path: [],
          message: "intersectCalendars would combine calendars with 300 intervals a day in all (each counted as often as it appears); at most 250 may be combined (CALENDAR_LIMITS.maxCombinedIntervalsPerDay)",
        },
      ],
    ]);
    expect(thrownBy(SlaError, () => intersectCalendars(intersectCalendars(busy, busy), team, busy)).issues[0].code).toBe("too_many_intervals");
  });

  it("the parts of a combination keep no compiled chunks of their own when only the combination is used", () => {
    const a = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
    const b = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
    const both = intersectCalendars(a, b);
    expect(both.businessMsBetween(0, Date.UTC(2199, 11, 31))).toBeGreaterThan(0);
    const cached = (cal: BusinessCalendar): number => (cal as unknown as { compiledBytes(): number }).compiledBytes();
    expect([cached(a), cached(b), cached(both) > 0]).toStrictEqual([0, 0, true]);
  });
});
