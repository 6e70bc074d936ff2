// CALENDAR_LIMITS as createCalendar enforces them (issue 9, "hostile input"): a definition's cost is
// bounded when it is created, with a typed error, never found out by a query that takes seconds or
// kills the process.
import { describe, expect, it } from "vitest";
import { nested, thrownBy } from "@supportops/test-utils";
import { CALENDAR_LIMITS, SlaError, createCalendar, safeCreateCalendar, type TimeInterval } from "@supportops/sla";

const pad = (n: number): string => String(n).padStart(2, "0");
const hms = (s: number): string => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
/** `count` one-second intervals, 80 s apart, from midnight. */
const seconds = (count: number): TimeInterval[] => Array.from({ length: count }, (_, i) => [hms(80 * i), hms(80 * i + 1)] as const);

describe("createCalendar: limits (CALENDAR_LIMITS)", () => {
  it("the documented figures", () => {
    expect(CALENDAR_LIMITS).toStrictEqual({ maxIntervalsPerDay: 100, maxCombinedIntervalsPerDay: 250, maxNesting: 64, chunkCacheBytes: 16_777_216 });
    expect(Object.isFrozen(CALENDAR_LIMITS)).toBe(true);
  });

  it("the issue's example: 1 000 one-second intervals a day are refused at creation (a query over the range took 18 s and 1.9 GB)", () => {
    const day = seconds(1000);
    const error = thrownBy(SlaError, () => createCalendar({ timeZone: "America/New_York", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } }));
    expect(error.code).toBe("invalid_calendar");
    expect(error.issues.map((i) => [i.code, i.path])).toStrictEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => ["too_many_intervals", ["weekly", d]]));
    expect(error.issues[0].message).toBe(
      "1000 intervals on Mondays; a day may have at most 100 (CALENDAR_LIMITS.maxIntervalsPerDay), since every query's cost grows with them — merge adjacent ones or model fewer, longer ones",
    );
  });

  it("too_many_intervals: 101 intervals on a weekday or in an override; 100 are fine", () => {
    expect(createCalendar({ timeZone: "UTC", weekly: { mon: seconds(100) }, overrides: [{ date: "2026-03-10", hours: seconds(100) }] }).isOpen("2026-03-09T00:00:00.500Z")).toBe(true);
    const result = safeCreateCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] }, overrides: [{ date: "2026-03-10", hours: seconds(101) }] });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toStrictEqual([["too_many_intervals", ["overrides", 0, "hours"]]]);
    // The limit counts intervals as written: adjacent ones (joined when compiled) count one each.
    const adjacent = Array.from({ length: 101 }, (_, i) => [hms(60 * i), hms(60 * i + 60)] as const);
    expect(safeCreateCalendar({ timeZone: "UTC", weekly: { tue: adjacent } }).success).toBe(false);
  });

  it("too_deep: a definition nested without end, or referring back to itself, is one typed issue (never a stack overflow)", () => {
    const deep = thrownBy(SlaError, () => createCalendar(nested(5000, "object") as never));
    expect([deep.code, deep.issues.length, deep.issues[0].code]).toStrictEqual(["invalid_calendar", 1, "too_deep"]);
    const cyclic: Record<string, unknown> = { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } };
    cyclic["name"] = cyclic;
    expect(thrownBy(SlaError, () => createCalendar(cyclic as never)).issues).toStrictEqual([
      { code: "too_deep", path: ["name"], message: "refers back to an object that contains it, so it nests without end; pass plain JSON data" },
    ]);
    expect(safeCreateCalendar({ timeZone: "UTC", weekly: { mon: [nested(200, "array", "09:00")] } })).toMatchObject({ success: false, error: { issues: [{ code: "too_deep" }] } });
  });
});
