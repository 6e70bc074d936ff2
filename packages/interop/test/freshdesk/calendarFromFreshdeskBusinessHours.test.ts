// Freshdesk business hours rebuilt from the documented fields, with the traps of real records: the
// `working_hours` key, times without seconds, "11:59:59 pm" as end of day, a Rails zone name.
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromFreshdeskBusinessHours } from "@supportops/interop/freshdesk";

describe("calendarFromFreshdeskBusinessHours", () => {
  it("reads the documented shape: business_hours, hh:mm:ss am/pm, 11:59:59 pm as 24:00", () => {
    const result = calendarFromFreshdeskBusinessHours({
      id: 1, name: "General working hours", description: "…", is_default: true, time_zone: "Eastern Time (US & Canada)",
      business_hours: { monday: { start_time: "08:00:00 am", end_time: "11:59:59 pm" }, tuesday: { start_time: "08:00:00 am", end_time: "05:00:00 pm" } },
      created_at: "2015-08-18T16:03:49Z",
    } as never);
    expect(result.definition).toStrictEqual({ timeZone: "America/New_York", weekly: { mon: [["08:00", "24:00"]], tue: [["08:00", "17:00"]] }, name: "General working hours" });
    expect(result.source).toStrictEqual({ vendor: "freshdesk", id: 1, name: "General working hours", timeZoneName: "Eastern Time (US & Canada)", isDefault: true, hoursKey: "business_hours" });
    expect(result.issues.map((i) => i.code)).toStrictEqual(["holidays_not_available"]);
    // The day keeps its last second: Monday 08:00 to Tuesday 00:00 is 16 h.
    expect(createCalendar(result.definition).businessTimeBetween("2026-03-09T00:00:00-04:00", "2026-03-10T00:00:00-04:00")).toBe(16 * 3_600_000);
  });

  it("reads real records' working_hours key, h:mm am without seconds, 12 am and 12 pm, and a Rails name like Magadan", () => {
    const { definition, source } = calendarFromFreshdeskBusinessHours({
      id: 2, name: "Night", time_zone: "Magadan",
      working_hours: {
        wednesday: { start_time: "8:00 am", end_time: "5:00 pm" },
        thursday: { start_time: "12:00 am", end_time: "12:00 pm" },
        friday: { start_time: "12:30 pm", end_time: "12:00 am" },
      },
    });
    expect(definition).toStrictEqual({ timeZone: "Asia/Magadan", weekly: { wed: [["08:00", "17:00"]], thu: [["00:00", "12:00"]], fri: [["12:30", "24:00"]] }, name: "Night" });
    expect(source.hoursKey).toBe("working_hours");
  });

  it("refuses unreadable clock times, unknown weekdays and unknown zones, with the path", () => {
    const base = { name: "x", time_zone: "London" };
    const bad = thrownBy(InteropError, () => calendarFromFreshdeskBusinessHours({ ...base, working_hours: { monday: { start_time: "13:00 pm", end_time: "5:00 pm" } } }));
    expect([bad.code, bad.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["working_hours", "monday", "start_time"]]);
    const day = thrownBy(InteropError, () => calendarFromFreshdeskBusinessHours({ ...base, working_hours: { mon: { start_time: "9:00 am", end_time: "5:00 pm" } } }));
    expect(day.issues[0].path).toStrictEqual(["working_hours", "mon"]);
    const backwards = thrownBy(InteropError, () => calendarFromFreshdeskBusinessHours({ ...base, working_hours: { monday: { start_time: "5:00 pm", end_time: "9:00 am" } } }));
    expect(backwards.issues[0].path).toStrictEqual(["working_hours", "monday", "end_time"]);
    const zone = thrownBy(InteropError, () => calendarFromFreshdeskBusinessHours({ name: "x", time_zone: "Atlantis", working_hours: { monday: { start_time: "9:00 am", end_time: "5:00 pm" } } }));
    expect([zone.code, zone.issues[0].path]).toStrictEqual(["invalid_time_zone", ["time_zone"]]);
  });
});
