// The SQL functions calendarSql creates agree with the calendar itself (which the oracle property
// tests check against the wall-clock rule), in DuckDB and in PostgreSQL: random calendars and zones,
// windows of a week (half of them around a DST change), instants on and next to interval boundaries.
import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { describePostgres, openDuckDb, openPostgres, type SqlEngine } from "@supportops/test-utils/sql";
import { calendarSql, createCalendar, type BusinessCalendar, type CalendarDefinition } from "@supportops/sla";
import { DAY, calendarArb, windowStartArb, zoneArb } from "./support/arbitraries.js";

const scenarioArb = zoneArb.chain((zone) =>
  windowStartArb(zone).chain((start) => {
    const from = Math.max(0, start - 3 * DAY);
    const to = start + 4 * DAY;
    return fc.record({
      from: fc.constant(from),
      to: fc.constant(to),
      def: calendarArb(zone, Math.floor(from / DAY) - 1, Math.floor(to / DAY) + 1),
      picks: fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.integer({ min: -1, max: 1 }), fc.double({ min: -1, max: 1, noNaN: true })), {
        minLength: 10,
        maxLength: 10,
      }),
    });
  }),
);

type Scenario = { from: number; to: number; def: CalendarDefinition; picks: ReadonlyArray<readonly [boolean, number, number, number, number]> };

const ts = (ms: number): string => `CAST('${new Date(ms).toISOString()}' AS TIMESTAMPTZ)`;

/** Instants of [from, to]: uniform, or on (or 1 ms from) a boundary of the calendar's open runs. */
function instantsOf(s: Scenario, cal: BusinessCalendar): number[] {
  const bounds = [s.from, s.to, ...cal.openIntervals(new Date(s.from), new Date(s.to)).flatMap((r) => [r.start.getTime(), r.end.getTime()])];
  return s.picks.map(([onBoundary, fraction, index, shift]) => {
    const t = onBoundary ? (bounds[index % bounds.length] as number) + shift : s.from + Math.floor(fraction * (s.to - s.from));
    return Math.min(s.to, Math.max(s.from, t));
  });
}

let run = 0;

async function checkScenario(engine: SqlEngine, s: Scenario): Promise<void> {
  run += 1;
  const name = `cal_${run}`;
  const cal = createCalendar(s.def);
  // Dates: epoch-ms numbers in [1e9, 1e10) are refused as likely epoch seconds (docs/time-and-errors.md).
  await engine.run(calendarSql(cal, { dialect: engine.dialect, from: new Date(s.from), to: new Date(s.to), name }));
  const ts0 = instantsOf(s, cal);
  const total = cal.businessMsBetween(s.from, s.to);
  const cases = ts0.map((a, i) => {
    const b = ts0[(i + 1) % ts0.length] as number;
    const [, , , , signedFraction] = s.picks[i] as Scenario["picks"][number];
    const ahead = cal.businessMsBetween(a, s.to);
    const behind = cal.businessMsBetween(s.from, a);
    // A duration that stays inside the table: forward up to `ahead`, back up to `behind`, or an exact fill to b.
    const d = i % 3 === 2 ? cal.businessMsBetween(a, b) : signedFraction >= 0 ? Math.floor(signedFraction * ahead) : -Math.floor(-signedFraction * behind);
    return { a, b, d };
  });
  const values = cases.map((c, i) => `(${i}, ${ts(c.a)}, ${ts(c.b)}, CAST(${c.d} AS BIGINT))`).join(", ");
  const rows = await engine.query(
    `SELECT i, ${name}_business_ms_between(a, b) AS between_ms, ${name}_add_business_ms(a, d) AS added FROM (VALUES ${values}) AS v(i, a, b, d) ORDER BY i`,
  );
  expect(rows.map((r) => [r["between_ms"], (r["added"] as Date).getTime()])).toStrictEqual(cases.map((c) => [cal.businessMsBetween(c.a, c.b), cal.addBusinessMs(c.a, c.d)]));
  // One step past either end of the table is an error, never an answer.
  const first = cases[0] as (typeof cases)[number];
  const past = cal.businessMsBetween(first.a, s.to) + 1;
  await expect(engine.query(`SELECT ${name}_add_business_ms(${ts(first.a)}, ${past})`)).rejects.toThrow(/out_of_range/);
  await expect(engine.query(`SELECT ${name}_add_business_ms(${ts(first.a)}, ${-(total - past + 2)})`)).rejects.toThrow(/out_of_range/);
  await expect(engine.query(`SELECT ${name}_business_ms_between(${ts(s.from - 1)}, ${ts(first.a)})`)).rejects.toThrow(/out_of_range/);
  await expect(engine.query(`SELECT ${name}_business_ms_between(${ts(first.a)}, ${ts(s.to + 1)})`)).rejects.toThrow(/out_of_range/);
}

describe("calendarSql in DuckDB agrees with the calendar", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(async () => engine.close());
  test.prop([scenarioArb], { numRuns: numRuns(25) })("business_ms_between and add_business_ms", async (s) => checkScenario(engine, s));
});

describePostgres("calendarSql in PostgreSQL agrees with the calendar", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openPostgres();
  });
  afterAll(async () => engine.close());
  test.prop([scenarioArb], { numRuns: numRuns(25) })("business_ms_between and add_business_ms", async (s) => checkScenario(engine, s));
});
