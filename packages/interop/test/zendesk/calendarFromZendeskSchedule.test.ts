// Golden tests on Zendesk schedules shaped as the Schedules API documents them (rebuilt from the
// documented fields; the first is the shape of a real record, re-typed, Mon–Thu 09:00–17:00 and
// Fri 10:30–18:30 in New Caledonia).
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromZendeskSchedule, zendeskScheduleFromCalendar } from "@supportops/interop/zendesk";

const noumea = {
  id: 4567312249615,
  name: "Test Schedule",
  time_zone: "New Caledonia",
  intervals: [
    { start_time: 1980, end_time: 2460 },
    { start_time: 3420, end_time: 3900 },
    { start_time: 4860, end_time: 5340 },
    { start_time: 6300, end_time: 6780 },
    { start_time: 7830, end_time: 8310 },
  ],
  created_at: "2026-01-05T10:00:00Z",
};

describe("calendarFromZendeskSchedule", () => {
  it("decodes minutes from Sunday 00:00 in the Rails zone", () => {
    const result = calendarFromZendeskSchedule({ schedule: noumea });
    expect(result.definition).toStrictEqual({
      timeZone: "Pacific/Noumea",
      weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["10:30", "18:30"]] },
      name: "Test Schedule",
    });
    expect(result.source).toStrictEqual({
      vendor: "zendesk", id: 4567312249615, name: "Test Schedule", timeZoneName: "New Caledonia",
      intervals: noumea.intervals, holidays: [],
    });
    expect(result.issues).toStrictEqual([]);
  });

  it("reads the documentation's 1980–3900 example as Monday 09:00 to Tuesday 17:00 (a legacy multi-day interval), split at midnight", () => {
    const { definition } = calendarFromZendeskSchedule({ id: 1, name: "North America", time_zone: "Pacific Time (US & Canada)", intervals: [{ start_time: 1980, end_time: 3900 }] });
    expect(definition.weekly).toStrictEqual({ mon: [["09:00", "24:00"]], tue: [["00:00", "17:00"]] });
    const cal = createCalendar(definition);
    // Monday 09:00 PDT to Tuesday 17:00 PDT is 32 hours of open time.
    expect(cal.businessTimeBetween("2026-06-01T00:00:00-07:00", "2026-06-03T00:00:00-07:00")).toBe(32 * 3_600_000);
  });

  it("imports intervals already split at midnight as they are (24×5 from Sunday 15:00 Pacific), and 10080 as Saturday 24:00", () => {
    const { definition } = calendarFromZendeskSchedule({
      name: "Business Hours",
      time_zone: "Pacific Time (US & Canada)",
      intervals: [
        { start_time: 900, end_time: 1440 },
        { start_time: 1440, end_time: 2880 },
        { start_time: 2880, end_time: 4320 },
        { start_time: 9360, end_time: 10080 },
      ],
    });
    expect(definition.weekly).toStrictEqual({ mon: [["00:00", "24:00"]], tue: [["00:00", "24:00"]], sat: [["12:00", "24:00"]], sun: [["15:00", "24:00"]] });
  });

  it("turns inclusive holiday ranges into dates, reading the old start_time/end_time keys too", () => {
    const { definition, source } = calendarFromZendeskSchedule(noumea, {
      holidays: [
        { id: 7, name: "Christmas", start_date: "2026-12-24", end_date: "2026-12-26" },
        { id: 8, name: "New Year", start_time: "2027-01-01", end_time: "2027-01-01" },
      ],
    });
    expect(definition.holidays).toStrictEqual([
      { date: "2026-12-24", name: "Christmas" },
      { date: "2026-12-25", name: "Christmas" },
      { date: "2026-12-26", name: "Christmas" },
      { date: "2027-01-01", name: "New Year" },
    ]);
    expect(source.holidays).toStrictEqual([
      { id: 7, name: "Christmas", startDate: "2026-12-24", endDate: "2026-12-26" },
      { id: 8, name: "New Year", startDate: "2027-01-01", endDate: "2027-01-01" },
    ]);
  });

  it("maps every Rails name of the table, keeps the name as written, and never reads an unknown one as UTC", () => {
    expect(calendarFromZendeskSchedule({ ...noumea, time_zone: "Quito" }).definition.timeZone).toBe("America/Lima");
    expect(calendarFromZendeskSchedule({ ...noumea, time_zone: "Quito" }).source.timeZoneName).toBe("Quito");
    expect(calendarFromZendeskSchedule({ ...noumea, time_zone: "Kiev" }).definition.timeZone).toBe("Europe/Kiev");
    expect(calendarFromZendeskSchedule({ ...noumea, time_zone: "Europe/Paris" }).definition.timeZone).toBe("Europe/Paris");
    const error = thrownBy(InteropError, () => calendarFromZendeskSchedule({ schedule: { ...noumea, time_zone: "Eastern Time" } }));
    expect(error.code).toBe("invalid_time_zone");
    expect(error.issues[0].path).toStrictEqual(["schedule", "time_zone"]);
    expect(error.issues[0].message).toContain('"Eastern Time (US & Canada)"');
  });

  it("refuses intervals outside the week, backwards intervals and overlaps, with the path of the interval", () => {
    for (const interval of [{ start_time: -1, end_time: 60 }, { start_time: 9000, end_time: 10081 }, { start_time: 600, end_time: 600 }]) {
      const error = thrownBy(InteropError, () => calendarFromZendeskSchedule({ ...noumea, intervals: [interval] }));
      expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["intervals", 0]]);
    }
    const overlap = thrownBy(InteropError, () => calendarFromZendeskSchedule({ ...noumea, intervals: [{ start_time: 1980, end_time: 3900 }, { start_time: 3420, end_time: 3500 }] }));
    expect([overlap.code, overlap.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["intervals", 1]]);
    const shape = thrownBy(InteropError, () => calendarFromZendeskSchedule({ ...noumea, intervals: [{ start_time: "1980", end_time: 2460 }] } as never));
    expect([shape.code, shape.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["intervals", 0, "start_time"]]);
    const empty = thrownBy(InteropError, () => calendarFromZendeskSchedule({ ...noumea, intervals: [] }));
    expect(empty.code).toBe("invalid_calendar");
  });

  it("refuses holidays that are not real dates or end before they start", () => {
    const bad = thrownBy(InteropError, () => calendarFromZendeskSchedule(noumea, [{ name: "x", start_date: "2026-02-30", end_date: "2026-02-30" }]));
    expect([bad.code, bad.issues[0].path]).toStrictEqual(["invalid_vendor_payload", [0, "start_date"]]);
    const backwards = thrownBy(InteropError, () => calendarFromZendeskSchedule(noumea, [{ name: "x", start_date: "2026-03-02", end_date: "2026-03-01" }]));
    expect(backwards.issues[0].path).toStrictEqual([0, "end_date"]);
  });
});

describe("zendeskScheduleFromCalendar", () => {
  it("round-trips the imported schedule exactly, keeping the vendor's zone name", () => {
    const imported = calendarFromZendeskSchedule(noumea, [{ name: "Christmas", start_date: "2026-12-24", end_date: "2026-12-26" }]);
    const out = zendeskScheduleFromCalendar(imported.definition, { timeZoneName: imported.source.timeZoneName });
    expect(out).toStrictEqual({
      schedule: { name: "Test Schedule", time_zone: "New Caledonia", intervals: noumea.intervals },
      holidays: [{ name: "Christmas", start_date: "2026-12-24", end_date: "2026-12-26" }],
    });
  });

  it("splits overnight intervals at midnight, Saturday's into Sunday at the start of the week", () => {
    const out = zendeskScheduleFromCalendar({ name: "Nights", timeZone: "UTC", weekly: { sat: [["22:00", "06:00"]], mon: [["00:00", "24:00"]] } });
    expect(out.schedule).toStrictEqual({
      name: "Nights",
      time_zone: "UTC",
      intervals: [{ start_time: 0, end_time: 360 }, { start_time: 1440, end_time: 2880 }, { start_time: 9960, end_time: 10080 }],
    });
  });

  it("refuses what Zendesk cannot hold, one issue per problem", () => {
    const error = thrownBy(InteropError, () =>
      zendeskScheduleFromCalendar({
        name: "x",
        timeZone: "Europe/London",
        weekly: { mon: [["09:00:30", "17:00"]], fri: [["22:00", "06:00"]] },
        overrides: [{ date: "2026-12-24", hours: [["09:00", "12:00"]] }],
        // 2026-12-25 is a Friday (starts the overnight shift); 2027-01-02 a Saturday (holds its end).
        holidays: ["2026-12-25", "2027-01-02", "2026-12-28"],
      }),
    );
    expect(error.code).toBe("invalid_vendor_export");
    expect(error.issues.map((issue) => issue.path)).toStrictEqual([["weekly", "mon", 0], ["overrides", 0], ["holidays", 0], ["holidays", 1]]);
  });

  it("turns closing overrides into holidays and merges consecutive dates with one name", () => {
    const out = zendeskScheduleFromCalendar({
      name: "x", timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] },
      holidays: [{ date: "2026-12-25", name: "Xmas" }, { date: "2026-12-26", name: "Xmas" }, "2026-12-31"],
      overrides: [{ date: "2027-01-01", hours: [], name: "New Year" }],
    });
    expect(out.schedule.time_zone).toBe("Eastern Time (US & Canada)");
    expect(out.holidays).toStrictEqual([
      { name: "Xmas", start_date: "2026-12-25", end_date: "2026-12-26" },
      { name: "Holiday", start_date: "2026-12-31", end_date: "2026-12-31" },
      { name: "New Year", start_date: "2027-01-01", end_date: "2027-01-01" },
    ]);
  });

  it("refuses a zone with no Rails name, and a Rails name of another zone", () => {
    const def = { name: "x", timeZone: "America/Toronto", weekly: { mon: [["09:00", "17:00"]] } } as const;
    expect(thrownBy(InteropError, () => zendeskScheduleFromCalendar(def)).code).toBe("invalid_time_zone");
    const other = thrownBy(InteropError, () => zendeskScheduleFromCalendar(def, { timeZoneName: "Central Time (US & Canada)" }));
    expect([other.code, other.issues[0].path]).toStrictEqual(["invalid_time_zone", ["timeZoneName"]]);
    expect(zendeskScheduleFromCalendar({ ...def, timeZone: "Europe/Kyiv" }).schedule.time_zone).toBe("Kyiv");
    // Zendesk takes Rails names only, not IANA ones.
    expect(thrownBy(InteropError, () => zendeskScheduleFromCalendar(def, { timeZoneName: "America/Toronto" })).issues[0].path).toStrictEqual(["timeZoneName"]);
  });
});
