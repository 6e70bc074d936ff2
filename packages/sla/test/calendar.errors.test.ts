import { describe, expect, it } from "vitest";
import { SupportOpsError, type Issue } from "@supportops/core";
import {
  CALENDAR_ISSUE_CODES,
  SLA_ERROR_CODES,
  SlaError,
  calendar24x7,
  createCalendar,
  intersectCalendars,
  safeCreateCalendar,
  unionCalendars,
  type BusinessCalendar,
  type CalendarDefinition,
} from "@supportops/sla";

const nineToFive = [["09:00", "17:00"]] as const;

function errorOf(fn: () => unknown): SlaError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    expect(error).toBeInstanceOf(SupportOpsError);
    return error as SlaError;
  }
  throw new Error("expected a throw");
}

/** The issues of a rejected definition (and checks the error's code and that safeCreateCalendar agrees). */
function issuesOf(def: unknown): ReadonlyArray<Issue> {
  const error = errorOf(() => createCalendar(def as CalendarDefinition));
  expect(error.code).toBe("invalid_calendar");
  const safe = safeCreateCalendar(def as CalendarDefinition);
  expect(safe.success).toBe(false);
  if (!safe.success) expect(safe.error.issues).toStrictEqual(error.issues);
  return error.issues;
}

describe("rejected calendar definitions (invalid_calendar)", () => {
  it("invalid_time_zone: an unknown zone, at timeZone", () => {
    expect(issuesOf({ timeZone: "Mars/Olympus", weekly: { mon: nineToFive } })).toStrictEqual([
      {
        code: "invalid_time_zone",
        path: ["timeZone"],
        message: '"Mars/Olympus" is not an IANA time-zone name this runtime knows; use a name such as "America/New_York" or "UTC"',
      },
    ]);
    expect(issuesOf({ timeZone: "+02:00", weekly: { mon: nineToFive } }).map((i) => i.code)).toStrictEqual(["invalid_time_zone"]);
  });

  it("invalid_time_of_day: malformed times, with the interval's path", () => {
    const issues = issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"], ["9:00", "25:00"]] } });
    expect(issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_time_of_day", ["weekly", "mon", 1, 0]],
      ["invalid_time_of_day", ["weekly", "mon", 1, 1]],
    ]);
    expect(issues[0]?.message).toBe('"9:00" is not a time of day; write HH:MM, HH:MM:SS or HH:MM:SS.mmm from 00:00 to 23:59:59.999 (24:00 only as an end)');
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["24:00", "06:00"]], tue: nineToFive } }).map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_time_of_day", ["weekly", "mon", 0, 0]],
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00:00.5", "17:00"]] } }).map((i) => i.code)).toStrictEqual(["invalid_time_of_day"]);
  });

  it("zero_length_interval", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive, tue: [["10:00", "10:00"]] } })).toStrictEqual([
      {
        code: "zero_length_interval",
        path: ["weekly", "tue", 0],
        message: "the interval 10:00–10:00 on Tuesdays is empty; remove it, or write 00:00–24:00 for a whole day",
      },
    ]);
  });

  it("overlapping_intervals: on one day, across midnight, and between an override and its neighbour", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00", "12:00"], ["11:00", "17:00"]] } })).toStrictEqual([
      {
        code: "overlapping_intervals",
        path: ["weekly", "mon", 1],
        message: "the interval 11:00–17:00 on Mondays overlaps 09:00–12:00; intervals on one day must not overlap (adjacent is fine, e.g. 09:00–12:00 and 12:00–17:00)",
      },
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["22:00", "06:00"]], tue: [["05:00", "09:00"]] } })).toStrictEqual([
      {
        code: "overlapping_intervals",
        path: ["weekly", "tue", 0],
        message:
          "the interval 05:00–09:00 on Tuesdays starts before the overnight interval 22:00–06:00 of Mondays has ended; end the overnight interval earlier or start this one at 06:00 or later",
      },
    ]);
    expect(
      issuesOf({ timeZone: "UTC", weekly: { mon: [["22:00", "06:00"]] }, overrides: [{ date: "2026-03-03", hours: [["05:00", "09:00"]] }] }).map((i) => [i.code, i.path]),
    ).toStrictEqual([["overlapping_intervals", ["overrides", 0, "hours", 0]]]);
    expect(
      issuesOf({ timeZone: "UTC", weekly: { tue: [["05:00", "09:00"]] }, overrides: [{ date: "2026-03-02", hours: [["22:00", "06:00"]] }] }).map((i) => [i.code, i.path]),
    ).toStrictEqual([["overlapping_intervals", ["weekly", "tue", 0]]]);
    // Adjacent intervals and a shift ending exactly when the next day's starts are fine.
    expect(safeCreateCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "12:00"], ["12:00", "17:00"], ["22:00", "06:00"]], tue: [["06:00", "09:00"]] } }).success).toBe(true);
  });

  it("no_open_time: a week without any open time", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [], sun: [] }, overrides: [{ date: "2026-03-02", hours: nineToFive }] })).toStrictEqual([
      {
        code: "no_open_time",
        path: ["weekly"],
        message: 'the weekly hours have no open time, so no business time could ever pass; give at least one day an interval such as ["09:00", "17:00"]',
      },
    ]);
  });

  it("invalid_date: override and holiday dates that are not dates", () => {
    const issues = issuesOf({
      timeZone: "UTC",
      weekly: { mon: nineToFive },
      overrides: [{ date: "2026-02-30", hours: [] }],
      holidays: ["2026-13-01", { date: "26-12-25" }],
    });
    expect(issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_date", ["overrides", 0, "date"]],
      ["invalid_date", ["holidays", 0]],
      ["invalid_date", ["holidays", 1, "date"]],
    ]);
  });

  it("duplicate_date and holiday_override_conflict", () => {
    const issues = issuesOf({
      timeZone: "UTC",
      weekly: { mon: nineToFive },
      overrides: [
        { date: "2026-12-24", hours: [["09:00", "12:00"]] },
        { date: "2026-12-24", hours: [] },
        { date: "2026-12-25", hours: [] },
      ],
      holidays: ["2026-12-25", { date: "2026-12-25", name: "again" }],
    });
    expect(issues).toStrictEqual([
      { code: "duplicate_date", path: ["holidays", 1, "date"], message: "2026-12-25 is already a holiday (holidays[0]); list each date once" },
      { code: "duplicate_date", path: ["overrides", 1, "date"], message: "2026-12-24 already has an override (overrides[0]); merge their hours into one" },
      {
        code: "holiday_override_conflict",
        path: ["overrides", 2, "date"],
        message: "2026-12-25 is both a holiday (holidays[0]) and an override; keep one (an override with hours: [] also closes the day)",
      },
    ]);
  });

  it("structural problems keep zod's codes and paths", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00"]] } }).map((i) => [i.code, i.path])).toStrictEqual([["too_small", ["weekly", "mon", 0]]]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive, monday: nineToFive } }).map((i) => [i.code, i.path])).toStrictEqual([["unrecognized_keys", ["weekly"]]]);
    expect(issuesOf({ weekly: { mon: nineToFive } }).map((i) => [i.code, i.path])).toStrictEqual([["invalid_type", ["timeZone"]]]);
    expect(issuesOf(null).map((i) => [i.code, i.path])).toStrictEqual([["invalid_type", []]]);
  });

  it("every calendar issue code is exercised above", () => {
    expect([...CALENDAR_ISSUE_CODES].sort()).toStrictEqual(
      ["duplicate_date", "holiday_override_conflict", "invalid_date", "invalid_time_of_day", "invalid_time_zone", "no_open_time", "overlapping_intervals", "zero_length_interval"],
    );
  });

  it("the input is not mutated and the kept definition is frozen", () => {
    const def = { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] as Array<[string, string]> }, holidays: ["2026-12-25"] };
    const copy = structuredClone(def);
    const cal = createCalendar(def);
    expect(def).toStrictEqual(copy);
    expect(cal.definition).toStrictEqual(copy);
    expect(Object.isFrozen(cal.definition?.weekly.mon?.[0])).toBe(true);
    expect(Object.isFrozen(cal)).toBe(true);
  });
});

describe("runtime errors", () => {
  const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: nineToFive, tue: nineToFive } });

  it("out_of_range: instants before 1970 or from 2200 on, in every operation", () => {
    const error = errorOf(() => cal.isOpenMs(-1));
    expect(error.code).toBe("out_of_range");
    expect(error.issues).toStrictEqual([
      {
        code: "out_of_range",
        path: ["ms"],
        message:
          "-1 (1969-12-31T23:59:59.999Z) is outside the supported range; give integer epoch milliseconds from 0 (1970-01-01T00:00:00Z) up to, not including, 7258118400000 (2200-01-01T00:00:00Z)",
      },
    ]);
    const late = Date.UTC(2200, 0, 1);
    for (const fn of [
      () => cal.addBusinessMs(late, 1),
      () => cal.businessMsBetween(0, late),
      () => cal.nextOpenMs(late),
      () => cal.nextCloseMs(late),
      () => cal.isOpen("1969-12-31T23:59:59Z"),
      () => cal.addBusinessTime("2200-01-01T00:00:00Z", 1),
      () => cal.openIntervals("1969-01-01T00:00:00Z", "1970-01-02T00:00:00Z"),
      () => cal.addBusinessDays("2300-01-01T00:00:00Z", 1),
    ]) {
      expect(errorOf(fn).code).toBe("out_of_range");
    }
  });

  it("out_of_range: results that would leave the supported range", () => {
    expect(errorOf(() => cal.addBusinessMs(Date.UTC(1970, 0, 5), -100 * 3_600_000)).issues[0]?.message).toBe(
      "subtracting that much business time would fall before 1970-01-01T00:00:00Z, the start of the supported range",
    );
    expect(errorOf(() => cal.addBusinessMs(Date.UTC(2199, 11, 1), 1000 * 3_600_000)).code).toBe("out_of_range");
    expect(errorOf(() => cal.addBusinessDays("2199-12-30T12:00:00Z", 10)).code).toBe("out_of_range");
    expect(errorOf(() => calendar24x7().addBusinessMs(Date.UTC(2199, 11, 31), 86_400_000)).code).toBe("out_of_range");
  });

  it("invalid_time: instants that name no instant", () => {
    expect(errorOf(() => cal.isOpen("2026-03-09 09:00")).issues).toStrictEqual([
      { code: "invalid_time", path: ["at"], message: '"2026-03-09 09:00" has no offset; add "Z" or an offset such as "-05:00" so it names one instant' },
    ]);
    expect(errorOf(() => cal.isOpenMs(Number.NaN)).code).toBe("invalid_time");
    expect(errorOf(() => cal.businessMsBetween(0, 1.5)).issues).toStrictEqual([
      { code: "invalid_time", path: ["bMs"], message: "1.5 is not an integer number of epoch milliseconds" },
    ]);
    expect(errorOf(() => cal.businessTimeBetween(new Date(Number.NaN), 0)).issues[0]?.path).toStrictEqual(["from"]);
  });

  it("invalid_duration: durations that are not whole milliseconds or have no fixed length", () => {
    expect(errorOf(() => cal.addBusinessTime(0, "P1M")).code).toBe("invalid_duration");
    expect(errorOf(() => cal.addBusinessTime(0, "P1M")).issues[0]?.path).toStrictEqual(["duration"]);
    expect(errorOf(() => cal.addBusinessMs(0, 0.5)).issues).toStrictEqual([
      { code: "invalid_duration", path: ["durationMs"], message: "0.5 is not a whole, finite number of milliseconds (at most ±2^53 − 1)" },
    ]);
    expect(errorOf(() => cal.addBusinessMs(0, Number.POSITIVE_INFINITY)).code).toBe("invalid_duration");
  });

  it("invalid_argument: a fractional day count, a reversed range, a foreign calendar, no calendars", () => {
    expect(errorOf(() => cal.addBusinessDays(0, 1.5)).issues).toStrictEqual([
      { code: "invalid_argument", path: ["days"], message: "1.5 is not a whole number of business days" },
    ]);
    expect(errorOf(() => cal.openIntervals(10, 0)).code).toBe("invalid_argument");
    const foreign: BusinessCalendar = { ...cal };
    expect(errorOf(() => intersectCalendars(cal, foreign)).issues[0]?.path).toStrictEqual([1]);
    expect(errorOf(() => unionCalendars(...([] as unknown as [BusinessCalendar]))).code).toBe("invalid_argument");
  });

  it("every SlaError code of the calendars has a test here (invalid_holiday_source is tested with the holiday parsers)", () => {
    expect([...SLA_ERROR_CODES].sort()).toStrictEqual(["invalid_argument", "invalid_calendar", "invalid_duration", "invalid_holiday_source", "invalid_time", "out_of_range"]);
  });
});
