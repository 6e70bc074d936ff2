import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, createCalendar, unionCalendars, type BusinessCalendar } from "@supportops/sla";

describe("unionCalendars", () => {
  it("the TSDoc example: open when any calendar is open (follow the sun)", () => {
    const london = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
    const newYork = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
    expect(unionCalendars(london, newYork).businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toBe(50_400_000);
  });

  it("invalid_argument: no calendar at all", () => {
    const error = thrownBy(SlaError, () => unionCalendars(...([] as unknown as [BusinessCalendar])));
    expect(error.issues).toStrictEqual([{ code: "invalid_argument", path: [], message: "unionCalendars needs at least one calendar" }]);
  });
});
