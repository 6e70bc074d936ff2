import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, createCalendar, safeCreateCalendar, type CalendarDefinition } from "@supportops/sla";

const h = [["09:00", "17:00"]] as const;
const nineToFive = h;

/** The issues of a rejected definition (and checks the error's code and that safeCreateCalendar agrees). */
function issuesOf(def: unknown): SlaError["issues"] {
  const error = thrownBy(SlaError, () => createCalendar(def as CalendarDefinition));
  expect(error.code).toBe("invalid_calendar");
  const safe = safeCreateCalendar(def);
  expect(safe.success ? [] : safe.error.issues).toStrictEqual(error.issues);
  return error.issues;
}

describe("createCalendar: documented examples", () => {
  it("the TSDoc example", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-12-25"] });
    expect([cal.isOpen("2026-03-09T09:00:00-04:00"), cal.addBusinessTime("2026-03-06T16:00:00-05:00", { hours: 2 }).toISOString()]).toStrictEqual([
      true,
      "2026-03-09T14:00:00.000Z",
    ]);
    expect(cal.addBusinessTime("2026-03-06T16:00:00-05:00", { hours: 4 }).toISOString()).toBe("2026-03-09T16:00:00.000Z");
  });

  it("CalendarDefinition's TSDoc example", () => {
    const cal = createCalendar({
      timeZone: "Europe/Berlin",
      weekly: { mon: h, sat: [["22:00", "06:00"]] },
      overrides: [{ date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" }],
      holidays: ["2026-12-25", { date: "2026-12-26", name: "Boxing Day" }],
    });
    expect(cal.isOpen("2026-12-24T13:00:00+01:00")).toBe(false);
  });

  it("the opening example of docs/calendars.md and the README", () => {
    const support = createCalendar({
      timeZone: "America/New_York",
      weekly: { mon: [["09:00", "12:30"], ["13:30", "17:00"]], tue: h, wed: h, thu: h, fri: h, sat: [], sun: [["22:00", "06:00"]] },
      overrides: [
        { date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" },
        { date: "2026-12-27", hours: [["10:00", "14:00"]] },
      ],
      holidays: ["2026-12-25", { date: "2027-01-01", name: "New Year" }],
    });
    expect([
      support.isOpen("2026-03-09T10:00:00-04:00"),
      support.addBusinessTime("2026-03-06T16:00:00-05:00", "PT4H").toISOString(),
      support.businessTimeBetween("2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00"),
    ]).toStrictEqual([true, "2026-03-09T05:00:00.000Z", 36_000_000]);
  });
});

describe("createCalendar: rejected definitions (invalid_calendar)", () => {
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

  it("invalid_time_zone: a legacy zone name (EST, CET, EST5EDT) is refused with the location to use", () => {
    expect(issuesOf({ timeZone: "EST", weekly: { mon: nineToFive } })).toStrictEqual([
      {
        code: "invalid_time_zone",
        path: ["timeZone"],
        message: '"EST" is a legacy zone name that does not follow any region\'s real rules; use a location such as "America/New_York" (or "UTC", "Etc/GMT+5" for a fixed offset)',
      },
    ]);
    expect(issuesOf({ timeZone: "CET", weekly: { mon: nineToFive } })[0]?.message).toContain('"Europe/Paris"');
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

  it("structural problems keep zod's codes, with the path of the offending value", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00"]] } }).map((i) => [i.code, i.path])).toStrictEqual([["too_small", ["weekly", "mon", 0]]]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive, monday: nineToFive } }).map((i) => [i.code, i.path])).toStrictEqual([
      ["unrecognized_keys", ["weekly", "monday"]],
    ]);
    expect(issuesOf({ weekly: { mon: nineToFive } })).toStrictEqual([{ code: "invalid_type", path: ["timeZone"], message: "expected a string, got undefined" }]);
    expect(issuesOf(null)).toStrictEqual([
      { code: "invalid_type", path: [], message: "expected a calendar definition, an object { timeZone, weekly, overrides?, holidays?, name? }, got null" },
    ]);
    expect(issuesOf([]).map((i) => i.message)).toStrictEqual(["expected a calendar definition, an object { timeZone, weekly, overrides?, holidays?, name? }, got an array of 0 items"]);
  });

  it('an unknown key is answered with the key that was meant: weekly.saturday → use "sat"', () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive, saturday: [["09:00", "13:00"]] } })).toStrictEqual([
      { code: "unrecognized_keys", path: ["weekly", "saturday"], message: 'unknown key "saturday"; use "sat" (allowed: mon, tue, wed, thu, fri, sat, sun)' },
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive }, holiday: ["2026-12-25"] })).toStrictEqual([
      { code: "unrecognized_keys", path: ["holiday"], message: 'unknown key "holiday"; use "holidays" (allowed: timeZone, weekly, overrides, holidays, name)' },
    ]);
  });

  it("the holiday union: a value of neither form gets sla's message naming both forms; a string or an object is checked as that form", () => {
    const issues = issuesOf({
      timeZone: "UTC",
      weekly: { mon: nineToFive },
      holidays: [20261225, ["2026-12-25"], "2026-13-01", { day: "2026-12-26" }],
    });
    expect(issues).toStrictEqual([
      { code: "invalid_union", path: ["holidays", 0], message: 'expected a holiday as a date "YYYY-MM-DD" or as { date: "YYYY-MM-DD", name?: string }, got number 20261225' },
      { code: "invalid_union", path: ["holidays", 1], message: 'expected a holiday as a date "YYYY-MM-DD" or as { date: "YYYY-MM-DD", name?: string }, got an array of 1 item' },
      { code: "invalid_date", path: ["holidays", 2], message: '"2026-13-01" is not a date; write a real calendar date as YYYY-MM-DD, e.g. "2026-12-25"' },
      { code: "invalid_type", path: ["holidays", 3, "date"], message: "expected a string, got undefined" },
      { code: "unrecognized_keys", path: ["holidays", 3, "day"], message: 'unknown key "day" (allowed: date, name)' },
    ]);
    expect(issues.some((i) => /invalid input/i.test(i.message))).toBe(false);
  });

  it("intervals and lists of intervals in the wrong form get a message that shows the right one", () => {
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: ["09:00", "17:00"] } })).toStrictEqual([
      {
        code: "invalid_type",
        path: ["weekly", "mon", 0],
        message: 'expected an interval ["start", "end"] such as ["09:00", "17:00"], got "09:00"; a day\'s hours are a list of intervals, e.g. [["09:00", "17:00"]]',
      },
      {
        code: "invalid_type",
        path: ["weekly", "mon", 1],
        message: 'expected an interval ["start", "end"] such as ["09:00", "17:00"], got "17:00"; a day\'s hours are a list of intervals, e.g. [["09:00", "17:00"]]',
      },
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: [["09:00", "12:00", "17:00"]] } })).toStrictEqual([
      { code: "too_big", path: ["weekly", "mon", 0], message: 'expected an interval ["start", "end"] such as ["09:00", "17:00"], got an array of 3 items' },
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: "09:00-17:00" } })).toStrictEqual([
      { code: "invalid_type", path: ["weekly", "mon"], message: 'expected a list of intervals such as [["09:00", "12:00"], ["13:00", "17:00"]] ([] for closed), got "09:00-17:00"' },
    ]);
    expect(issuesOf({ timeZone: "UTC", weekly: { mon: nineToFive }, overrides: [{ date: "2026-12-24", hours: "closed" }] }).map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_type", ["overrides", 0, "hours"]],
    ]);
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

describe("safeCreateCalendar", () => {
  it("takes unknown (JSON as read) and returns the calendar or the SlaError", () => {
    const json: unknown = JSON.parse('{ "timeZone": "UTC", "weekly": { "mon": [["09:00", "17:00"]] } }');
    const ok = safeCreateCalendar(json);
    expect(ok.success && ok.data.isOpen("2026-03-02T10:00:00Z")).toBe(true);
    const bad = safeCreateCalendar(JSON.parse('{ "timeZone": "UTC", "weekly": { "saturday": [["09:00", "13:00"]] } }'));
    expect(bad.success ? undefined : [bad.error instanceof SlaError, bad.error.code, bad.error.issues[0].message]).toStrictEqual([
      true,
      "invalid_calendar",
      'unknown key "saturday"; use "sat" (allowed: mon, tue, wed, thu, fri, sat, sun)',
    ]);
    expect(safeCreateCalendar(undefined).success).toBe(false);
  });

  it("the TSDoc example", () => {
    const result = safeCreateCalendar({ timeZone: "Mars/Olympus", weekly: { mon: h } });
    expect(result.success ? undefined : [result.error.code, result.error.issues[0].path]).toStrictEqual(["invalid_calendar", ["timeZone"]]);
  });
});
