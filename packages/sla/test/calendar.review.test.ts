/**
 * Examples found by an independent review of the calendar engine: each failed before its fix.
 */
import { describe, expect, it } from "vitest";
import { calendar24x7, createCalendar, type TimeInterval } from "@supportops/sla";

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const nineToFive: ReadonlyArray<TimeInterval> = [["09:00", "17:00"]];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

describe("addBusinessDays", () => {
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
