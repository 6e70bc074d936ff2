/** The `@example`s of the calendar API's TSDoc and of docs/calendars.md, run as tests so they cannot go stale. */
import { describe, expect, it } from "vitest";
import {
  CalendarDefinitionSchema,
  SlaError,
  calendar24x7,
  calendarDefinitionJsonSchema,
  createCalendar,
  intersectCalendars,
  safeCreateCalendar,
  unionCalendars,
} from "@supportops/sla";

const h = [["09:00", "17:00"]] as const;

describe("documented examples", () => {
  it("createCalendar", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-12-25"] });
    expect([cal.isOpen("2026-03-09T09:00:00-04:00"), cal.addBusinessTime("2026-03-06T16:00:00-05:00", { hours: 2 }).toISOString()]).toStrictEqual([
      true,
      "2026-03-09T14:00:00.000Z",
    ]);
    expect(cal.addBusinessTime("2026-03-06T16:00:00-05:00", { hours: 4 }).toISOString()).toBe("2026-03-09T16:00:00.000Z");
  });

  it("BusinessCalendar", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: h } });
    expect([
      cal.isOpenMs(Date.UTC(2026, 2, 2, 9)),
      cal.businessMsBetween(Date.UTC(2026, 2, 2, 8), Date.UTC(2026, 2, 2, 10)),
      cal.addBusinessTime("2026-03-02T16:00:00Z", "PT2H").toISOString(),
      cal.nextClose("2026-03-02T12:00:00Z")?.toISOString(),
    ]).toStrictEqual([true, 3_600_000, "2026-03-09T10:00:00.000Z", "2026-03-02T17:00:00.000Z"]);
  });

  it("CalendarDefinition, the schema and its JSON Schema", () => {
    const cal = createCalendar({
      timeZone: "Europe/Berlin",
      weekly: { mon: h, sat: [["22:00", "06:00"]] },
      overrides: [{ date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" }],
      holidays: ["2026-12-25", { date: "2026-12-26", name: "Boxing Day" }],
    });
    expect(cal.isOpen("2026-12-24T13:00:00+01:00")).toBe(false);
    expect(CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: h } }).success).toBe(true);
    expect(CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: [["17:00", "17:00"]] } }).success).toBe(false);
    expect(calendarDefinitionJsonSchema().required).toStrictEqual(["timeZone", "weekly"]);
  });

  it("safeCreateCalendar, SlaError, calendar24x7", () => {
    const result = safeCreateCalendar({ timeZone: "Mars/Olympus", weekly: { mon: h } });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(SlaError);
      expect([result.error.code, result.error.issues[0].path]).toStrictEqual(["invalid_calendar", ["timeZone"]]);
    }
    expect(calendar24x7().businessMsBetween(0, 3_600_000)).toBe(3_600_000);
  });

  it("intersectCalendars and unionCalendars", () => {
    const team = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
    const contract = createCalendar({ timeZone: "America/New_York", weekly: { mon: h } });
    expect(
      intersectCalendars(team, contract)
        .openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")
        .map((r) => [r.start.toISOString(), r.end.toISOString()]),
    ).toStrictEqual([["2026-03-02T14:00:00.000Z", "2026-03-02T16:00:00.000Z"]]);
    expect(unionCalendars(team, contract).businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toBe(50_400_000);
  });

  it("the guide's opening example", () => {
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
