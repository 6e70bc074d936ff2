import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, createCalendar, intersectCalendars, type BusinessCalendar } from "@supportops/sla";

const team = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
const contract = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });

describe("intersectCalendars", () => {
  it("the TSDoc example: open when every calendar is open, across zones", () => {
    const both = intersectCalendars(team, contract);
    expect(both.openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z").map((r) => [r.start.toISOString(), r.end.toISOString()])).toStrictEqual([
      ["2026-03-02T14:00:00.000Z", "2026-03-02T16:00:00.000Z"],
    ]);
    expect([both.timeZone, both.definition]).toStrictEqual(["Europe/London", null]);
  });

  it("invalid_argument: a calendar not made by this package, with its argument index as the path", () => {
    const foreign: BusinessCalendar = { ...team };
    const error = thrownBy(SlaError, () => intersectCalendars(team, foreign));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_argument", [1]]]]);
    expect(thrownBy(SlaError, () => intersectCalendars(null as unknown as BusinessCalendar)).issues[0].path).toStrictEqual([0]);
  });
});
