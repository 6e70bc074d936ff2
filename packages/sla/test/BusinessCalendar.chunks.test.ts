/**
 * Open time is compiled in chunks of 2^35 ms; these examples put open runs across a chunk boundary
 * (rare in random windows) and check that every operation sees one continuous run.
 */
import { describe, expect, it } from "vitest";
import { CALENDAR_LIMITS, createCalendar, unionCalendars, type BusinessCalendar, type TimeInterval, type WeeklyHours } from "@supportops/sla";
import { RUNS_PER_DAILY_INTERVAL } from "../src/internal/Calendar.js";

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

describe("BusinessCalendar: the compiled-chunk cache at the limits (issue 9)", () => {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const hms = (x: number): string => `${pad(Math.floor(x / 3600))}:${pad(Math.floor(x / 60) % 60)}:${pad(x % 60)}`;
  /** The most a definition may have: 100 one-second intervals, 80 s apart, every day (across New York's DST changes). */
  const busiest = Array.from({ length: CALENDAR_LIMITS.maxIntervalsPerDay }, (_, i) => [hms(80 * i), hms(80 * i + 1)] as const);
  const everyDay = (hours: ReadonlyArray<TimeInterval>): WeeklyHours => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
  const cachedBytes = (cal: BusinessCalendar): number => (cal as unknown as { compiledBytes(): number }).compiledBytes();
  const END = Date.UTC(2200, 0, 1) - 1;

  it("a query over all of 1970–2200 on a calendar at the limits finishes, and the calendar keeps at most chunkCacheBytes", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: everyDay(busiest) });
    const memoryBefore = process.memoryUsage();
    const startedMs = performance.now();
    const total = cal.businessMsBetween(0, END);
    const elapsedMs = performance.now() - startedMs;
    const memoryAfter = process.memoryUsage();
    expect(total).toBe(84_006 * 100 * 1000); // 100 s on each of the 84 006 dates
    expect(cachedBytes(cal)).toBeLessThanOrEqual(CALENDAR_LIMITS.chunkCacheBytes);
    // Catastrophic guards only, not benchmarks: the query takes 0.2–1.2 s on the shared 2-core machine
    // (before the limits: 18 s and 1.9 GB kept at 1 000 intervals a day, 194 MB kept at 100), so 120 s
    // (100× the slowest run seen) and 256 MB are never reached on a busy machine, only by a regression
    // that compiles or keeps without bound.
    expect(elapsedMs).toBeLessThan(120_000);
    const grownBytes = memoryAfter.heapUsed + memoryAfter.arrayBuffers - (memoryBefore.heapUsed + memoryBefore.arrayBuffers);
    expect(grownBytes).toBeLessThan(256 * 1024 * 1024);
    // Every chunk's total is known now: the same span again compiles only the chunks at its ends.
    const againMs = performance.now();
    expect(cal.businessMsBetween(0, END)).toBe(total);
    expect(performance.now() - againMs).toBeLessThan(5_000); // about 0.1 ms; a guard, as above
  }, 180_000);

  it("no chunk holds more runs than the bound the limits rest on (520 per interval a day), across DST and in combinations", () => {
    const runsPerChunk = (cal: BusinessCalendar): number[] =>
      Array.from({ length: 200 }, (_, k) => (cal as unknown as { raw(k: number): { starts: Float64Array } }).raw(k).starts.length);
    const newYork = createCalendar({ timeZone: "America/New_York", weekly: everyDay(busiest) });
    const most = Math.max(...runsPerChunk(newYork));
    expect(most).toBeGreaterThan(38_000);
    expect(most).toBeLessThanOrEqual(RUNS_PER_DAILY_INTERVAL * CALENDAR_LIMITS.maxIntervalsPerDay);
    const tokyo = createCalendar({ timeZone: "Asia/Tokyo", weekly: everyDay(busiest.map(([a, b]) => [a.replace(/^00/, "12"), b.replace(/^00/, "12")] as const)) });
    const both = unionCalendars(newYork, tokyo);
    const mostOfBoth = Math.max(...runsPerChunk(both));
    expect(mostOfBoth).toBeGreaterThan(most);
    expect(mostOfBoth).toBeLessThanOrEqual(RUNS_PER_DAILY_INTERVAL * 200);
  });

  it("answers after chunks were dropped from the cache and compiled again equal a fresh calendar's", () => {
    const definition = { timeZone: "America/New_York", weekly: everyDay(busiest) };
    const swept = createCalendar(definition);
    // Touch every chunk, far more than the cache holds, so that most were dropped.
    for (let t = 0; t < END; t += 2 ** 35) swept.nextCloseMs(t);
    expect(cachedBytes(swept)).toBeLessThanOrEqual(CALENDAR_LIMITS.chunkCacheBytes);
    let seed = 7;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 24; i++) {
      const a = Math.floor(random() * END);
      // Spans of up to three years (a fresh calendar compiles every chunk a span crosses).
      const b = Math.min(END, Math.max(0, a + Math.floor((random() - 0.5) * 2 * 3 * 365 * 86_400_000)));
      const d = Math.floor((random() - 0.5) * 2 * 400 * 100_000); // up to about 400 days' business time (100 s a day)
      const fresh = createCalendar(definition);
      const answers = (cal: BusinessCalendar): unknown[] => {
        const add = (): number | string => {
          try {
            return cal.addBusinessMs(a, d);
          } catch {
            return "out_of_range";
          }
        };
        return [cal.isOpenMs(a), cal.businessMsBetween(a, b), add(), cal.nextOpenMs(a), cal.nextCloseMs(b)];
      };
      expect(answers(swept)).toStrictEqual(answers(fresh));
    }
  });
});
