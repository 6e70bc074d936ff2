// kpiSql, run in DuckDB and in PostgreSQL over TicketRows loaded from CSV, gives exactly the rows
// kpiReport gives over the same rows (docs/warehouse.md), calendar time and business hours alike: the
// calendar table calendarSql makes of a calendar stands for that calendar object.
import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import { describePostgres, openDuckDb, openPostgres, type SqlEngine } from "@supportops/test-utils/sql";
import { SQL_KPI_IDS, kpiReport, ticketRowsFromLogs, type KpiSqlOptions, type SqlReportKpi } from "@supportops/metrics";
import { calendar24x7, calendarSql, createCalendar, type BusinessCalendar } from "@supportops/sla";
import { loadTickets, sqlRows } from "./support/warehouse.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const h = [["09:00", "17:00"]] as const;

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"] as const;
/** Calendars for the business rows: office hours with holidays, a night shift, and 24×7. */
const CALENDARS: ReadonlyArray<(zone: string) => BusinessCalendar> = [
  (zone) => createCalendar({ timeZone: zone, weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-03-09", "2026-03-30"] }),
  (zone) => createCalendar({ timeZone: zone, weekly: { mon: [["08:00", "12:30"], ["13:30", "18:00"]], wed: [["22:00", "06:00"]], sat: [["10:00", "14:00"]] } }),
  (zone) => calendar24x7(zone),
];

const SQL_REPORT_KPIS: ReadonlyArray<SqlReportKpi> = [...SQL_KPI_IDS, "first_response_time_business", "resolution_time_business"];

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 150 }),
  zone: fc.constantFrom(...ZONES),
  // Arrivals from late February for four weeks: the spring DST changes of every zone but Sydney's.
  startDay: fc.integer({ min: 0, max: 20 }),
  fromDays: fc.integer({ min: -2, max: 20 }),
  lengthDays: fc.integer({ min: 1, max: 30 }),
  asOfExtraHours: fc.integer({ min: 0, max: 24 * 20 }),
  windowHours: fc.constantFrom(0, 24, 168),
  minN: fc.integer({ min: 0, max: 8 }),
  mergedInFails: fc.boolean(),
  groupBy: fc.subarray(["category", "priority", "channel"] as const),
  bucket: fc.constantFrom(undefined, { unit: "week" as const }, { unit: "week" as const, weekStart: 7 }, { unit: "month" as const }),
  calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
  // Which KPIs, in which order (business variants anywhere in the list); undefined: the default list.
  kpis: fc.option(fc.shuffledSubarray([...SQL_REPORT_KPIS], { minLength: 1 }), { nil: undefined }),
});

let run = 0;

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function check(engine: SqlEngine, c: Case): Promise<void> {
  run += 1;
  const start = Date.UTC(2026, 1, 20) + c.startDay * DAY;
  const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, timeZone: c.zone, start, days: 21 });
  const from = start + c.fromDays * DAY;
  const to = from + c.lengthDays * DAY;
  const asOf = to + c.asOfExtraHours * HOUR;
  const rows = ticketRowsFromLogs(logs, { asOf });
  const tickets = await loadTickets(engine, rows);
  const calendar = (CALENDARS[c.calendar] as (zone: string) => BusinessCalendar)(c.zone);
  const name = `hours_${run}`;
  await engine.run(calendarSql(calendar, { dialect: engine.dialect, from: start - 7 * DAY, to: asOf + 7 * DAY, name }));
  const options: KpiSqlOptions = {
    period: { from, to },
    asOf,
    timeZone: c.zone,
    reopenWindow: c.windowHours * HOUR,
    minN: c.minN,
    mergedInFails: c.mergedInFails,
    groupBy: c.groupBy,
    ...(c.bucket === undefined ? {} : { bucket: c.bucket }),
    tickets,
  };
  // The same rows as kpiReport with the same options, the calendar object where kpiSql reads its table.
  const withCalendar = { ...options, ...(c.kpis === undefined ? {} : { kpis: c.kpis }), calendarTable: name };
  const report = kpiReport(rows, { ...options, kpis: c.kpis ?? [...SQL_KPI_IDS, "first_response_time_business", "resolution_time_business"], calendar });
  expect(await sqlRows(engine, withCalendar)).toStrictEqual(report.rows);
  // Without a calendar: the calendar-time KPIs only, as kpiReport's.
  const calendarTime = c.kpis?.filter((k) => !k.endsWith("_business"));
  if (calendarTime?.length !== 0) {
    const plain = { ...options, ...(calendarTime === undefined ? {} : { kpis: calendarTime }) };
    expect(await sqlRows(engine, plain)).toStrictEqual(kpiReport(rows, { ...plain, kpis: calendarTime ?? [...SQL_KPI_IDS] }).rows);
  }
}

describe("kpiSql in DuckDB equals kpiReport", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(async () => engine.close());
  test.prop([caseArb], { numRuns: numRuns(20) })("same rows over the same TicketRows", async (c) => check(engine, c));
});

describePostgres("kpiSql in PostgreSQL equals kpiReport", () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openPostgres();
  });
  afterAll(async () => engine.close());
  test.prop([caseArb], { numRuns: numRuns(20) })("same rows over the same TicketRows", async (c) => check(engine, c));
});
