/** The methods of a compiled calendar: documented examples, the errors each may throw, and examples found in review. */
import { describe, expect, it } from "vitest";
import { CoreError, SupportOpsError } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, calendar24x7, createCalendar, type BusinessCalendar, type TimeInterval } from "@supportops/sla";

const h = [["09:00", "17:00"]] as const;
const nineToFive: ReadonlyArray<TimeInterval> = h;
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

describe("BusinessCalendar: documented examples", () => {
  it("the interface's TSDoc example", () => {
    const cal: BusinessCalendar = createCalendar({ timeZone: "UTC", weekly: { mon: h } });
    expect([
      cal.isOpenMs(Date.UTC(2026, 2, 2, 9)),
      cal.businessMsBetween(Date.UTC(2026, 2, 2, 8), Date.UTC(2026, 2, 2, 10)),
      cal.addBusinessTime("2026-03-02T16:00:00Z", "PT2H").toISOString(),
      cal.nextClose("2026-03-02T12:00:00Z")?.toISOString(),
    ]).toStrictEqual([true, 3_600_000, "2026-03-09T10:00:00.000Z", "2026-03-02T17:00:00.000Z"]);
  });

  it("the methods' TSDoc examples", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: h } });
    expect([
      cal.isOpen("2026-03-02T09:00:00Z"),
      cal.isOpen("2026-03-02T17:00:00Z"),
      cal.businessTimeBetween("2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z"),
      iso(cal.nextOpen("2026-03-02T18:00:00Z")),
      iso(cal.addBusinessDays("2026-03-02T10:00:00Z", 2)),
      cal.openIntervals("2026-03-02T10:00:00Z", "2026-03-09T12:00:00Z").map((run) => [iso(run.start), iso(run.end)]),
    ]).toStrictEqual([
      true,
      false,
      3_600_000,
      "2026-03-09T09:00:00.000Z",
      "2026-03-16T10:00:00.000Z",
      [
        ["2026-03-02T10:00:00.000Z", "2026-03-02T17:00:00.000Z"],
        ["2026-03-09T09:00:00.000Z", "2026-03-09T12:00:00.000Z"],
      ],
    ]);
  });
});

describe("BusinessCalendar.addBusinessDays: examples found in review (each failed before its fix)", () => {
  it("0 days is nextOpen(t), also in the second pass of a repeated hour (never an hour before t)", () => {
    // 2026-11-01 01:30 EST, the second 01:30 in New York (the first is 05:30Z).
    const t = "2026-11-01T06:30:00.000Z";
    expect(iso(calendar24x7("America/New_York").addBusinessDays(t, 0))).toBe(t);
    const sundays = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["00:00", "24:00"]] } });
    expect(iso(sundays.addBusinessDays(t, 0))).toBe(t);
    expect(iso(sundays.addBusinessDays(t, 0))).toBe(iso(sundays.nextOpen(t)));
  });

  it("a date the zone skipped (Samoa's 2011-12-30) is no business day", () => {
    const apia = createCalendar({ timeZone: "Pacific/Apia", weekly: weekdays });
    // Thursday 2011-12-29 12:00 (−10:00); the next local date is Saturday 2011-12-31 (+14:00).
    expect(iso(apia.addBusinessDays("2011-12-29T12:00:00-10:00", 1))).toBe("2012-01-01T22:00:00.000Z"); // Mon 2012-01-02 12:00 +14:00
    expect(iso(apia.addBusinessDays("2011-12-29T12:00:00-10:00", 2))).toBe("2012-01-02T22:00:00.000Z"); // Tue 12:00
    expect(iso(apia.addBusinessDays("2012-01-02T12:00:00+14:00", -1))).toBe("2011-12-29T22:00:00.000Z"); // Thu 12:00 −10:00
  });
});

describe("BusinessCalendar: errors", () => {
  const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: nineToFive, tue: nineToFive } });

  it("out_of_range: instants before 1970 or from 2200 on, in every operation", () => {
    expect(thrownBy(SlaError, () => cal.isOpenMs(-1))).toMatchObject({
      code: "out_of_range",
      issues: [
        {
          code: "out_of_range",
          path: ["ms"],
          message:
            "-1 (1969-12-31T23:59:59.999Z) is outside the supported range; give integer epoch milliseconds from 0 (1970-01-01T00:00:00Z) up to, not including, 7258118400000 (2200-01-01T00:00:00Z)",
        },
      ],
    });
    const late = Date.UTC(2200, 0, 1);
    for (const fn of [
      () => cal.addBusinessMs(late, 1),
      () => cal.businessMsBetween(0, late),
      () => cal.nextOpenMs(late),
      () => cal.nextCloseMs(late),
      () => cal.isOpenMs(1e17), // beyond what a Date can hold: still out_of_range, not a RangeError
      () => cal.isOpen("1969-12-31T23:59:59Z"),
      () => cal.addBusinessTime("2200-01-01T00:00:00Z", 1),
      () => cal.openIntervals("1969-01-01T00:00:00Z", "1970-01-02T00:00:00Z"),
      () => cal.addBusinessDays("2300-01-01T00:00:00Z", 1),
    ]) {
      expect(thrownBy(SlaError, fn).code).toBe("out_of_range");
    }
  });

  it("out_of_range: results that would leave the supported range", () => {
    expect(thrownBy(SlaError, () => cal.addBusinessMs(Date.UTC(1970, 0, 5), -100 * 3_600_000)).issues[0].message).toBe(
      "subtracting that much business time would fall before 1970-01-01T00:00:00Z, the start of the supported range",
    );
    expect(thrownBy(SlaError, () => cal.addBusinessMs(Date.UTC(2199, 11, 1), 1000 * 3_600_000)).code).toBe("out_of_range");
    expect(thrownBy(SlaError, () => cal.addBusinessDays("2199-12-30T12:00:00Z", 10)).code).toBe("out_of_range");
    expect(thrownBy(SlaError, () => calendar24x7().addBusinessMs(Date.UTC(2199, 11, 31), 86_400_000)).code).toBe("out_of_range");
    // A whole duration beyond ±(2^53 − 1) ms can only land outside the range (before, invalid_duration).
    expect(thrownBy(SlaError, () => cal.addBusinessMs(0, 2 ** 60)).code).toBe("out_of_range");
    expect(thrownBy(SlaError, () => cal.addBusinessMs(0, -(2 ** 60))).code).toBe("out_of_range");
  });

  it("a nanosecond timestamp given as milliseconds is a typed error whose message can be built (it threw Invalid time value)", () => {
    const ns = 1_773_046_800_000_000_000; // 2026-03-09T09:00:00Z in nanoseconds
    const beyond =
      "1773046800000000000 (beyond the dates JavaScript can represent) is outside the supported range; give integer epoch milliseconds from 0 (1970-01-01T00:00:00Z) up to, not including, 7258118400000 (2200-01-01T00:00:00Z)";
    expect(thrownBy(SlaError, () => cal.isOpenMs(ns)).issues).toStrictEqual([{ code: "out_of_range", path: ["ms"], message: beyond }]);
    expect(thrownBy(SlaError, () => cal.businessMsBetween(0, ns)).issues).toStrictEqual([{ code: "out_of_range", path: ["bMs"], message: beyond }]);
    expect(thrownBy(SlaError, () => cal.nextOpenMs(ns)).issues[0].path).toStrictEqual(["ms"]);
    expect(thrownBy(SlaError, () => cal.nextCloseMs(-ns)).code).toBe("out_of_range");
    // As a duration it names the argument that sends the result past 2200.
    expect(thrownBy(SlaError, () => cal.addBusinessMs(0, ns)).issues).toStrictEqual([
      { code: "out_of_range", path: ["durationMs"], message: "adding that much business time would fall on or after 2200-01-01T00:00:00Z, the end of the supported range" },
    ]);
    // The friendly methods refuse it through core's toEpochMs, with the argument's name.
    expect(thrownBy(SlaError, () => cal.isOpen(ns)).issues[0]).toMatchObject({ code: "invalid_time", path: ["at"] });
    expect(thrownBy(SlaError, () => cal.openIntervals(0, ns)).issues[0]).toMatchObject({ code: "invalid_time", path: ["to"] });
  });

  it("invalid_argument: a …Ms method given something that is not an integer number of ms (core's BusinessCalendarLike contract)", () => {
    // Before, these were invalid_time / invalid_duration, codes the contract does not allow.
    expect(thrownBy(SlaError, () => cal.isOpenMs(Number.NaN)).issues).toStrictEqual([
      { code: "invalid_argument", path: ["ms"], message: "expected an integer number of epoch milliseconds, got number NaN" },
    ]);
    expect(thrownBy(SlaError, () => cal.businessMsBetween(0, 1.5)).issues).toStrictEqual([
      { code: "invalid_argument", path: ["bMs"], message: "expected an integer number of epoch milliseconds, got number 1.5" },
    ]);
    expect(thrownBy(SlaError, () => cal.addBusinessMs(0, 0.5)).issues).toStrictEqual([
      { code: "invalid_argument", path: ["durationMs"], message: "expected a whole, finite number of milliseconds, got number 0.5" },
    ]);
    expect(thrownBy(SlaError, () => cal.addBusinessMs(0, Number.POSITIVE_INFINITY)).code).toBe("invalid_argument");
    expect(thrownBy(SlaError, () => cal.nextOpenMs("0" as unknown as number)).code).toBe("invalid_argument");
    // A bigint made Math.floor throw a TypeError before.
    expect(thrownBy(SlaError, () => cal.nextCloseMs(5n as unknown as number)).issues[0].message).toBe("expected an integer number of epoch milliseconds, got bigint 5n");
  });

  it("invalid_time: instants of the friendly methods that name no instant, passed on from core with the argument's path", () => {
    const soon = thrownBy(SlaError, () => cal.isOpen("soon"));
    expect([soon.code, soon.issues, soon.cause instanceof CoreError]).toStrictEqual([
      "invalid_time",
      [{ code: "invalid_time", path: ["at"], message: '"soon" is not an ISO-8601 date-time with an offset, e.g. "2026-03-09T09:00:00-04:00"' }],
      true,
    ]);
    expect(thrownBy(SlaError, () => cal.isOpen("2026-03-09 09:00")).issues).toStrictEqual([
      { code: "invalid_time", path: ["at"], message: '"2026-03-09 09:00" has no offset; add "Z" or an offset such as "-05:00" so it names one instant' },
    ]);
    expect(thrownBy(SlaError, () => cal.businessTimeBetween(new Date(Number.NaN), 0)).issues[0].path).toStrictEqual(["from"]);
    expect(thrownBy(SlaError, () => cal.openIntervals(0, undefined as unknown as number)).issues[0].path).toStrictEqual(["to"]);
  });

  it("invalid_time: a number in [1e9, 1e10) is refused by the friendly methods as epoch seconds; a Date there is fine, and the …Ms methods take it", () => {
    expect(thrownBy(SlaError, () => cal.nextOpen(1_773_046_800)).issues[0].message).toMatch(/^1773046800 looks like epoch seconds/);
    expect(iso(calendar24x7().nextOpen(new Date(1e9)))).toBe("1970-01-12T13:46:40.000Z");
    expect(calendar24x7().nextOpenMs(1e9)).toBe(1e9);
  });

  it("invalid_duration: durations of addBusinessTime that are not whole milliseconds or have no fixed length", () => {
    const month = thrownBy(SlaError, () => cal.addBusinessTime(0, "P1M"));
    expect([month.code, month.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_duration", [["invalid_duration", ["duration"]]]]);
    expect(thrownBy(SlaError, () => cal.addBusinessTime(0, 0.5)).code).toBe("invalid_duration");
  });

  it("invalid_argument: a fractional day count, a reversed range", () => {
    expect(thrownBy(SlaError, () => cal.addBusinessDays(0, 1.5)).issues).toStrictEqual([
      { code: "invalid_argument", path: ["days"], message: "1.5 is not a whole number of business days" },
    ]);
    expect(thrownBy(SlaError, () => cal.openIntervals(10, 0)).code).toBe("invalid_argument");
  });

  it("every error is an SlaError (a SupportOpsError), never core's error or a TypeError", () => {
    const calls: Array<() => unknown> = [
      () => cal.isOpen("soon"),
      () => cal.addBusinessTime("2026-03-02T09:00:00Z", "P1M"),
      () => cal.addBusinessTime(undefined as unknown as number, 1),
      () => cal.businessTimeBetween({} as unknown as number, 0),
      () => cal.nextOpen(null as unknown as number),
      () => cal.nextClose(Symbol("t") as unknown as number),
      () => cal.addBusinessDays("2026-03-02T09:00:00Z", "2" as unknown as number),
      () => cal.addBusinessDays("2026-03-02T09:00:00Z", [Symbol("d")] as unknown as number), // its message once threw a TypeError
      () => cal.isOpenMs(undefined as unknown as number),
    ];
    for (const call of calls) {
      const error = thrownBy(SupportOpsError, call);
      expect(error).toBeInstanceOf(SlaError);
    }
  });
});
