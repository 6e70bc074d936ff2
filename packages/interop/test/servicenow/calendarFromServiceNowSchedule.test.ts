// ServiceNow schedules rebuilt from the documented cmn_schedule / cmn_schedule_span fields (all values
// strings, compact local date-times), with a holiday child schedule of exclude entries as shipped
// ("8-5 weekdays excluding holidays" with "U.S. Holidays").
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromServiceNowSchedule, type ServiceNowScheduleSpan } from "@supportops/interop/servicenow";

const schedule = { sys_id: "sch85", name: "8-5 weekdays excluding holidays", time_zone: "US/Pacific", type: "" };
const weekdays: ServiceNowScheduleSpan = {
  sys_id: "w1", schedule: { link: "https://x.service-now.com/api/now/table/cmn_schedule/sch85", value: "sch85" }, name: "Weekdays", type: "",
  show_as: "busy", all_day: "false", start_date_time: "20180222T080000", end_date_time: "20180222T170000", repeat_type: "weekdays", repeat_count: "1", repeat_until: "",
} as ServiceNowScheduleSpan;
const hol = (over: Partial<ServiceNowScheduleSpan>): ServiceNowScheduleSpan =>
  ({ sys_id: "h", schedule: { value: "usHolidays" }, type: "exclude", show_as: "busy", all_day: "true", repeat_until: "", ...over }) as ServiceNowScheduleSpan;

const newYear = hol({ sys_id: "h1", name: "New Year's Day", start_date_time: "20180101T000000", end_date_time: "20180101T235959", repeat_type: "yearly", yearly_type: "doy" });
const thanksgiving = hol({ sys_id: "h2", name: "Thanksgiving", start_date_time: "20181122T000000", end_date_time: "20181122T235959", repeat_type: "yearly", yearly_type: "float", month: "11", float_week: "4", float_day: "5" });
const dayAfter = hol({ sys_id: "h3", name: "Day after Thanksgiving", start_date_time: "20181123T000000", end_date_time: "20181123T235959", repeat_type: "yearly", yearly_type: "float", month: "11", float_week: "4", float_day: "6" });
const memorial = hol({ sys_id: "h4", name: "Memorial Day", start_date_time: "20180528T000000", end_date_time: "20180528T235959", repeat_type: "yearly", yearly_type: "float", month: "5", float_week: "last", float_day: "2" });

describe("calendarFromServiceNowSchedule", () => {
  it("expands weekdays minus the holiday child's exclude entries (fixed and floating) in the window", () => {
    const result = calendarFromServiceNowSchedule(schedule, [weekdays, newYear, thanksgiving, dayAfter, memorial], { from: "2026-01-01", to: "2026-12-31" });
    expect(result.definition).toStrictEqual({
      timeZone: "US/Pacific",
      weekly: { mon: [["08:00", "17:00"]], tue: [["08:00", "17:00"]], wed: [["08:00", "17:00"]], thu: [["08:00", "17:00"]], fri: [["08:00", "17:00"]] },
      holidays: [
        { date: "2026-01-01", name: "New Year's Day" },
        { date: "2026-05-25", name: "Memorial Day" },
        { date: "2026-11-26", name: "Thanksgiving" },
        { date: "2026-11-27", name: "Day after Thanksgiving" },
      ],
      name: "8-5 weekdays excluding holidays",
    });
    expect(result.source).toStrictEqual({ vendor: "servicenow", sysId: "sch85", name: "8-5 weekdays excluding holidays", timeZoneName: "US/Pacific", from: "2026-01-01", to: "2026-12-31", spanIds: ["w1", "h1", "h2", "h3", "h4"] });
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["outside_window", [1, "repeat_type"]],
      ["outside_window", [2, "repeat_type"]],
      ["assumed_convention", [2, "float_day"]],
      ["outside_window", [3, "repeat_type"]],
      ["assumed_convention", [3, "float_day"]],
      ["outside_window", [4, "repeat_type"]],
      ["assumed_convention", [4, "float_day"]],
    ]);
  });

  it("turns a partial exclusion into a date override, and a one-off extra entry into extra hours", () => {
    const earlyClose = hol({ name: "Early close", all_day: "false", start_date_time: "20261224T120000", end_date_time: "20261224T170000", repeat_type: "" });
    const saturday = { ...weekdays, sys_id: "s1", name: "Stocktake", start_date_time: "20261226T100000", end_date_time: "20261226T140000", repeat_type: "" };
    const { definition } = calendarFromServiceNowSchedule(schedule, [weekdays, earlyClose, saturday], { from: "2026-12-01", to: "2026-12-31" });
    expect(definition.overrides).toStrictEqual([
      { date: "2026-12-24", hours: [["08:00", "12:00"]], name: "Early close" },
      { date: "2026-12-26", hours: [["10:00", "14:00"]] },
    ]);
  });

  it("reads weekly entries with days_of_week (1 = Monday, reported) and every-other-week repeats as overrides", () => {
    const mwf = { ...weekdays, sys_id: "x", repeat_type: "weekly", days_of_week: "135" };
    const result = calendarFromServiceNowSchedule(schedule, [mwf], { from: "2026-03-02", to: "2026-03-08" });
    expect(result.definition.weekly).toStrictEqual({ mon: [["08:00", "17:00"]], wed: [["08:00", "17:00"]], fri: [["08:00", "17:00"]] });
    expect(result.issues.map((i) => i.code)).toStrictEqual(["assumed_convention"]);
    // Saturdays every two weeks from 2026-03-07: open on the 7th and the 21st, closed on the 14th.
    const fortnightly = { ...weekdays, sys_id: "y", start_date_time: "20260307T080000", end_date_time: "20260307T170000", repeat_type: "weekly", repeat_count: "2", days_of_week: "6" };
    const imported = calendarFromServiceNowSchedule(schedule, [weekdays, fortnightly], { from: "2026-03-01", to: "2026-03-31" });
    expect(imported.definition.overrides?.map((o) => o.date)).toStrictEqual(["2026-03-07", "2026-03-21"]);
    const cal = createCalendar(imported.definition);
    expect([cal.isOpen("2026-03-07T09:00:00-08:00"), cal.isOpen("2026-03-14T09:00:00-07:00"), cal.isOpen("2026-03-21T09:00:00-07:00")]).toStrictEqual([true, false, true]);
  });

  it("reports entries it does not read (monthly, a child's working entry) and leaves them out", () => {
    const monthly = { ...weekdays, sys_id: "m", name: "Month end", repeat_type: "monthly", monthly_type: "dom" };
    const child = { ...weekdays, sys_id: "c", name: "Child hours", schedule: { value: "other" } };
    const result = calendarFromServiceNowSchedule(schedule, [weekdays, monthly, child], { from: "2026-01-01", to: "2026-01-31" });
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["unsupported_recurrence", [1, "repeat_type"]],
      ["unsupported_setting", [2, "type"]],
    ]);
  });

  it("needs a zone for a floating schedule, and refuses bad windows and date-times", () => {
    const floating = { ...schedule, time_zone: "" };
    expect(thrownBy(InteropError, () => calendarFromServiceNowSchedule(floating, [weekdays], { from: "2026-01-01", to: "2026-01-31" })).code).toBe("invalid_time_zone");
    expect(calendarFromServiceNowSchedule(floating, [weekdays], { from: "2026-01-01", to: "2026-01-31", timeZone: "Europe/Paris" }).definition.timeZone).toBe("Europe/Paris");
    const window = thrownBy(InteropError, () => calendarFromServiceNowSchedule(schedule, [weekdays], { from: "2026-02-01", to: "2026-01-31" }));
    expect([window.code, window.issues[0].path]).toStrictEqual(["invalid_argument", ["to"]]);
    const time = thrownBy(InteropError, () => calendarFromServiceNowSchedule(schedule, [{ ...weekdays, start_date_time: "2018-02-22 08:00:00" }], { from: "2026-01-01", to: "2026-01-31" }));
    expect([time.code, time.issues[0].path]).toStrictEqual(["invalid_time", [0, "start_date_time"]]);
  });
});
