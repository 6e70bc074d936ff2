// Business-hours first response and resolution time (docs/kpis.md, "Business-hours variants"): the
// calendar-time KPIs' populations with every duration measured on a calendar, against a naive
// reference that reads wall clocks with Intl, and the law business ≤ calendar.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlaError, createCalendar } from "@supportops/sla";
import { generateTicketLogs, numRuns, thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, createAccumulator, firstResponseTime, kpiReport, resolutionTime, type KpiReportRow } from "@supportops/metrics";
import { naiveBusinessMs, type NaiveCalendar } from "./support/naiveBusinessMs.js";
import { nearestRank, naiveFirstResponse, naiveOpenAges, naiveResolved } from "./support/naiveKpis.js";

const WEEKDAYS = { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } as const;
const calendar = createCalendar({ timeZone: "Europe/Berlin", weekly: WEEKDAYS, holidays: ["2026-04-03", "2026-04-06"] });
const NAIVE: NaiveCalendar = { timeZone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], openHour: 9, closeHour: 17, holidays: ["2026-04-03", "2026-04-06"] };
const business = (a: number, b: number): number => naiveBusinessMs(NAIVE, a, b);

// Around the spring DST change (2026-03-29 in Berlin) and the Easter holidays.
const LOGS = generateTicketLogs({ count: 160, seed: 31, kpiExtras: true, start: "2026-03-16", days: 28 });
const FROM = Date.parse("2026-03-23T00:00:00+01:00");
const TO = Date.parse("2026-04-13T00:00:00+02:00");
const AS_OF = Date.parse("2026-04-15T12:00:00+02:00");
const options = { period: { from: FROM, to: TO }, asOf: AS_OF, timeZone: "Europe/Berlin" };
const naiveOptions = { from: FROM, to: TO, asOf: AS_OF, windowMs: 7 * 86_400_000 };

const mean = (values: number[]): number | null => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

describe("business-hours durations", () => {
  it("the naive reference agrees with the calendar on random spans (a check of the reference)", () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM - 7 * 86_400_000, max: TO }), fc.integer({ min: 0, max: 12 * 86_400_000 }), (a, span) => {
        expect(business(a, a + span)).toBe(calendar.businessMsBetween(a, a + span));
      }),
      { numRuns: numRuns(60) },
    );
  });

  it("first response time on a calendar equals the naive reference, with the calendar-time population", () => {
    const result = firstResponseTime(LOGS, { ...options, calendar });
    const naive = naiveFirstResponse(LOGS, naiveOptions, business);
    const values = naive.values ?? [];
    expect(result.kpi).toBe("first_response_time_business");
    expect(result.method).toContain("business hours on the given calendar");
    expect({ value: result.value, n: result.n, excluded: result.excluded }).toStrictEqual({ value: naive.value, n: naive.n, excluded: naive.excluded });
    expect(result.stats).toStrictEqual({
      median: nearestRank(values, 50),
      p90: nearestRank(values, 90),
      mean: mean(values),
      min: values.length === 0 ? null : Math.min(...values),
      max: values.length === 0 ? null : Math.max(...values),
      belowMinN: values.length < 5,
      awaitingFirstReply: naive.extra?.["awaiting"],
      awaitingMedianAge: nearestRank(naive.ages ?? [], 50),
    });
    expect(result.n).toBeGreaterThan(20);
  });

  it("resolution time on a calendar equals the naive reference, with the calendar-time population", () => {
    const result = resolutionTime(LOGS, { ...options, calendar });
    const naive = naiveResolved(LOGS, naiveOptions, "resolution_time", business);
    const values = naive.values ?? [];
    const open = naiveOpenAges(LOGS, AS_OF, business);
    expect(result.kpi).toBe("resolution_time_business");
    expect({ value: result.value, n: result.n, excluded: result.excluded }).toStrictEqual({ value: naive.value, n: naive.n, excluded: naive.excluded });
    expect(result.stats).toStrictEqual({
      median: nearestRank(values, 50),
      p90: nearestRank(values, 90),
      mean: mean(values),
      min: values.length === 0 ? null : Math.min(...values),
      max: values.length === 0 ? null : Math.max(...values),
      belowMinN: values.length < 5,
      open: open.length,
      openMedianAge: nearestRank(open, 50),
      censoredFraction: open.length + values.length === 0 ? null : open.length / (open.length + values.length),
    });
  });

  it("business ≤ calendar for every duration stat, on the same population (random calendars, periods, subsets)", () => {
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    fc.assert(
      fc.property(
        fc.subarray([...days], { minLength: 1 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 23 - 0 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 28 }),
        fc.subarray(LOGS),
        (open, startHour, length, fromDay, lengthDays, tickets) => {
          const end = Math.min(24, startHour + length);
          const hh = (h: number): string => `${String(h).padStart(2, "0")}:00`;
          const cal = createCalendar({ timeZone: "America/New_York", weekly: Object.fromEntries(open.map((d) => [d, [[hh(startHour), end === 24 ? "24:00" : hh(end)]]])) });
          const from = Date.parse("2026-03-16T00:00:00Z") + fromDay * 86_400_000;
          const o = { period: { from, to: from + lengthDays * 86_400_000 } };
          for (const [wall, onCal] of [
            [firstResponseTime(tickets, o), firstResponseTime(tickets, { ...o, calendar: cal })],
            [resolutionTime(tickets, o), resolutionTime(tickets, { ...o, calendar: cal })],
          ] as const) {
            expect(onCal.n).toBe(wall.n);
            expect(onCal.excluded).toStrictEqual(wall.excluded);
            const w = wall.stats as unknown as Record<string, number | null>;
            const b = onCal.stats as unknown as Record<string, number | null>;
            for (const key of ["median", "p90", "mean", "min", "max", "awaitingMedianAge", "openMedianAge"]) {
              if (w[key] === undefined) continue;
              expect(b[key] === null, key).toBe(w[key] === null);
              if (w[key] !== null) expect(b[key] as number, key).toBeLessThanOrEqual(w[key] as number);
            }
          }
        },
      ),
      { numRuns: numRuns(25) },
    );
  });

  it("kpiReport adds the business ids with a calendar, refuses them without one, and merges exactly", () => {
    const report = kpiReport(LOGS, { ...options, calendar });
    const kpis = new Set(report.rows.map((r) => r.kpi));
    expect(kpis.has("first_response_time_business") && kpis.has("resolution_time_business")).toBe(true);
    const row = report.rows.find((r) => r.kpi === "first_response_time_business") as KpiReportRow;
    const alone = firstResponseTime(LOGS, { ...options, calendar });
    expect({ value: row.value, n: row.n, stats: row.stats }).toStrictEqual({ value: alone.value, n: alone.n, stats: alone.stats });

    const error = thrownBy(MetricsError, () => kpiReport(LOGS, { ...options, kpis: ["tickets_resolved", "resolution_time_business"] }));
    expect({ code: error.code, path: error.issues[0].path }).toStrictEqual({ code: "invalid_argument", path: ["kpis", 1] });

    const weekly = { ...options, calendar, groupBy: ["category"] as const, bucket: { unit: "week" as const } };
    const whole = createAccumulator(weekly);
    for (const log of LOGS) whole.add(log);
    const a = createAccumulator(weekly);
    const b = createAccumulator(weekly);
    LOGS.forEach((log, i) => (i % 3 === 0 ? a : b).add(log));
    const restored = accumulatorFromJSON(JSON.parse(JSON.stringify(a)), { calendar });
    expect(restored.merge(b).result()).toStrictEqual(whole.result());
    const noCalendar = accumulatorFromJSON(JSON.parse(JSON.stringify(a)));
    expect(noCalendar.result()).toStrictEqual(a.result());
    expect(thrownBy(MetricsError, () => noCalendar.add(LOGS[0]!)).code).toBe("invalid_argument");
  });

  it("passes a calendar's errors on and reports a broken calendar as invalid_calendar", () => {
    const base = { isOpenMs: () => true, addBusinessMs: (ms: number) => ms, nextOpenMs: (ms: number) => ms, nextCloseMs: (ms: number) => ms };
    const fraction = { ...base, businessMsBetween: (a: number, b: number) => (b - a) / 3 };
    const tooMuch = { ...base, businessMsBetween: (a: number, b: number) => b - a + 1 };
    expect(thrownBy(MetricsError, () => firstResponseTime(LOGS, { ...options, calendar: fraction })).code).toBe("invalid_calendar");
    expect(thrownBy(MetricsError, () => resolutionTime(LOGS, { ...options, calendar: tooMuch })).code).toBe("invalid_calendar");
    const refusing = {
      ...base,
      businessMsBetween: (): number => {
        throw new SlaError("out_of_range", [{ code: "out_of_range", path: ["bMs"], message: "after the calendar's last year" }]);
      },
    };
    const error = thrownBy(MetricsError, () => resolutionTime(LOGS, { ...options, calendar: refusing }));
    expect({ code: error.code, path: error.issues[0].path }).toStrictEqual({ code: "out_of_range", path: ["calendar", "bMs"] });
    expect(thrownBy(MetricsError, () => firstResponseTime(LOGS, { ...options, calendar: {} as never })).issues[0].path).toStrictEqual(["calendar"]);
  });
});
