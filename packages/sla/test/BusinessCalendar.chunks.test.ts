/**
 * Open time is compiled in chunks of 2^35 ms; these examples put open runs across a chunk boundary
 * (rare in random windows) and check that every operation sees one continuous run.
 */
import { describe, expect, it } from "vitest";
import { createCalendar, type TimeInterval } from "@supportops/sla";

const CHUNK = 2 ** 35;
const H = 3_600_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe("BusinessCalendar across chunk boundaries", () => {
  const boundary = 50 * CHUNK; // 2024-06-10T02:35:18.400Z, Monday 11:35:18.400 in Tokyo
  const tokyo = createCalendar({ timeZone: "Asia/Tokyo", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } });

  it("a run across the boundary is one run for every operation", () => {
    expect(iso(boundary)).toBe("2024-06-10T02:35:18.400Z");
    expect([
      tokyo.isOpenMs(boundary - 1),
      tokyo.isOpenMs(boundary),
      tokyo.businessMsBetween(boundary - H, boundary + H),
      tokyo.businessMsBetween(boundary + H, boundary - H),
      tokyo.addBusinessMs(boundary - 1000, 2000) - boundary,
      tokyo.addBusinessMs(boundary + 1000, -2000) - boundary,
      iso(tokyo.nextCloseMs(boundary - H)),
      iso(tokyo.nextOpenMs(boundary - 1)),
    ]).toStrictEqual([true, true, 2 * H, -2 * H, 1000, -1000, "2024-06-10T08:00:00.000Z", iso(boundary - 1)]);
    expect(tokyo.openIntervals(boundary - H, boundary + H).map((r) => [r.start.getTime(), r.end.getTime()])).toStrictEqual([[boundary - H, boundary + H]]);
    expect(tokyo.openIntervals("2024-06-09T00:00:00Z", "2024-06-12T00:00:00Z").map((r) => [r.start.toISOString(), r.end.toISOString()])).toStrictEqual([
      ["2024-06-10T00:00:00.000Z", "2024-06-10T08:00:00.000Z"],
      ["2024-06-11T00:00:00.000Z", "2024-06-11T08:00:00.000Z"],
    ]);
  });

  it("a run that spans several chunks ends where its first closed instant is", () => {
    const all: ReadonlyArray<TimeInterval> = [["00:00", "24:00"]];
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all }, holidays: ["2027-01-01"] });
    expect(iso(cal.nextCloseMs(boundary - 1000))).toBe("2027-01-01T00:00:00.000Z");
    expect(cal.businessMsBetween(0, Date.UTC(2030, 0, 1))).toBe(Date.UTC(2030, 0, 1) - 86_400_000);
    expect(iso(cal.addBusinessMs(Date.UTC(2026, 11, 31, 12), 24 * H))).toBe("2027-01-02T12:00:00.000Z");
    expect(iso(cal.addBusinessMs(Date.UTC(2027, 0, 2, 12), -24 * H))).toBe("2026-12-31T12:00:00.000Z");
  });

  it("nextOpen and add skip chunks without open time", () => {
    const cal = createCalendar({
      timeZone: "UTC",
      weekly: { mon: [["09:00", "10:00"]] },
      overrides: Array.from({ length: 120 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), hours: [] })),
    });
    // Every Monday from 2024-01-01 for 120 weeks is closed: the next open hour is Monday 2026-04-20.
    expect(iso(cal.nextOpenMs(Date.UTC(2024, 0, 1)))).toBe("2026-04-20T09:00:00.000Z");
    expect(iso(cal.addBusinessMs(Date.UTC(2023, 11, 25, 9, 30), H))).toBe("2026-04-20T09:30:00.000Z");
    expect(cal.businessMsBetween(Date.UTC(2023, 11, 25, 9, 30), Date.UTC(2026, 3, 20, 9, 30))).toBe(H);
  });
});
