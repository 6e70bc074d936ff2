// A JSM calendar shaped as the working-hours routes return it (rebuilt from the documented fields).
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromJsmCalendar } from "@supportops/interop/jsm";

const H = 3_600_000;

describe("calendarFromJsmCalendar", () => {
  it("reads ms since local midnight, a lunch break, and recurring and one-off holidays", () => {
    const result = calendarFromJsmCalendar(
      {
        id: 1, name: "Seoul support", timezoneId: "Asia/Seoul",
        workingTimes: [
          { weekday: "monday", start: 9 * H, end: 12 * H },
          { weekday: "monday", start: 13 * H, end: 18 * H },
          { weekday: "friday", start: 9 * H + 1_500, end: 24 * H },
        ],
        holidays: [{ name: "Seollal", iso8601Date: "2026-02-17", recurring: false }, { name: "Christmas", iso8601Date: "2024-12-25", recurring: true }],
      },
      { fromYear: 2025, toYear: 2026 },
    );
    expect(result.definition).toStrictEqual({
      timeZone: "Asia/Seoul",
      weekly: { mon: [["09:00", "12:00"], ["13:00", "18:00"]], fri: [["09:00:01.500", "24:00"]] },
      holidays: [{ date: "2025-12-25", name: "Christmas" }, { date: "2026-02-17", name: "Seollal" }, { date: "2026-12-25", name: "Christmas" }],
      name: "Seoul support",
    });
    // The lunch hour is a real hole: 08:00–19:00 on a Monday holds 8 business hours.
    expect(createCalendar(result.definition).businessTimeBetween("2026-03-09T08:00:00+09:00", "2026-03-09T19:00:00+09:00")).toBe(8 * H);
  });

  it("writes a recurring 29 February only in leap years", () => {
    const { definition } = calendarFromJsmCalendar(
      { timezoneId: "UTC", workingTimes: [{ weekday: "monday", start: 0, end: 24 * H }], holidays: [{ iso8601Date: "2024-02-29", recurring: true }] },
      { fromYear: 2024, toYear: 2029 },
    );
    expect(definition.holidays).toStrictEqual(["2024-02-29", "2028-02-29"]);
  });

  it("refuses entries past midnight, unknown weekdays and zones", () => {
    const over = thrownBy(InteropError, () => calendarFromJsmCalendar({ timezoneId: "UTC", workingTimes: [{ weekday: "monday", start: 22 * H, end: 6 * H }] }));
    expect([over.code, over.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["workingTimes", 0]]);
    const day = thrownBy(InteropError, () => calendarFromJsmCalendar({ timezoneId: "UTC", workingTimes: [{ weekday: "MON", start: 0, end: H }] }));
    expect(day.issues[0].path).toStrictEqual(["workingTimes", 0, "weekday"]);
    const zone = thrownBy(InteropError, () => calendarFromJsmCalendar({ timezoneId: "Seoul", workingTimes: [{ weekday: "monday", start: 0, end: H }] }));
    expect(zone.code).toBe("invalid_time_zone");
  });
});
