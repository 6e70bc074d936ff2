import { describe, expect, it } from "vitest";
import { COMMON_ERROR_CODES, SupportOpsError } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import {
  CALENDAR_ISSUE_CODES,
  DATE_HOLIDAYS_SKIP_CODES,
  HOLIDAY_ISSUE_CODES,
  ICALENDAR_SKIP_CODES,
  SLA_ERROR_CODES,
  SlaError,
  calendar24x7,
  createCalendar,
  parseICalendarHolidays,
  type SlaErrorCode,
} from "@supportops/sla";

const h = [["09:00", "17:00"]] as const;

/** The codes the calendars and the holiday sources throw (the SLA engine adds its own). */
type CalendarErrorCode = Extract<
  SlaErrorCode,
  "invalid_argument" | "invalid_time" | "invalid_duration" | "invalid_time_zone" | "out_of_range" | "invalid_calendar" | "invalid_holiday_source"
>;

describe("SlaError", () => {
  it("the TSDoc example: a SupportOpsError named SlaError with a code and issues", () => {
    const error = thrownBy(SlaError, () => createCalendar({ timeZone: "Mars/Olympus", weekly: { mon: h } }));
    expect(error).toBeInstanceOf(SupportOpsError);
    expect([error.name, error.code, error.issues[0].path]).toStrictEqual(["SlaError", "invalid_calendar", ["timeZone"]]);
    expect(error.message).toBe('timeZone: "Mars/Olympus" is not an IANA time-zone name this runtime knows; use a name such as "America/New_York" or "UTC"');
  });

  it("SLA_ERROR_CODES: the common codes, spelled as core spells them, and only invalid_<thing> codes of its own", () => {
    const common: ReadonlyArray<string> = COMMON_ERROR_CODES;
    const own = SLA_ERROR_CODES.filter((code) => !common.includes(code));
    for (const code of own) expect(code).toMatch(/^invalid_[a-z_]+$/);
    expect(own).toContain("invalid_holiday_source");
  });

  it("every code the calendars and holiday sources throw is listed, and thrown by some call", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: h } });
    const examples: Record<CalendarErrorCode, () => unknown> = {
      invalid_argument: () => cal.addBusinessMs(0, 0.5),
      invalid_time: () => cal.isOpen("soon"),
      invalid_duration: () => cal.addBusinessTime(0, "P1M"),
      invalid_time_zone: () => calendar24x7("EST"),
      out_of_range: () => cal.isOpenMs(-1),
      invalid_calendar: () => createCalendar({ timeZone: "EST", weekly: { mon: h } }),
      invalid_holiday_source: () => parseICalendarHolidays("not a calendar", { fromYear: 2026, toYear: 2026 }),
    };
    for (const [code, example] of Object.entries(examples)) {
      expect(SLA_ERROR_CODES).toContain(code);
      expect(thrownBy(SlaError, example).code).toBe(code);
    }
  });

  it("CALENDAR_ISSUE_CODES and HOLIDAY_ISSUE_CODES list the issue codes of rejected definitions and holiday sources", () => {
    expect([...CALENDAR_ISSUE_CODES].sort()).toStrictEqual([
      "duplicate_date",
      "holiday_override_conflict",
      "invalid_date",
      "invalid_return_value",
      "invalid_time_of_day",
      "invalid_time_zone",
      "no_open_time",
      "overlapping_intervals",
      "too_deep",
      "too_many_intervals",
      "zero_length_interval",
    ]);
    expect(HOLIDAY_ISSUE_CODES).toStrictEqual(["invalid_year_range", "invalid_icalendar", "invalid_provider", "invalid_option", ...ICALENDAR_SKIP_CODES, ...DATE_HOLIDAYS_SKIP_CODES]);
  });
});
