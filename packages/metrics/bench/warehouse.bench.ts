/**
 * Warehouse benchmark: the weekly category report with business-hours first response and resolution
 * time, computed inside DuckDB by kpiSql over generated TicketRows, beside the library's streaming
 * accumulator over the same rows (read back from DuckDB chunk by chunk) plus the calendar's
 * businessMsBetween for the same business durations. Not a test.
 *
 *   npx tsx --conditions=@supportops/source packages/metrics/bench/warehouse.bench.ts
 *
 * `WAREHOUSE_TICKETS` sets the count (default 10 000 000). Prints wall and CPU time of each side and
 * their ratio, and the load average (the machines are shared).
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { createAccumulator, kpiSql, ticketsTableSql, type KpiSqlOptions, type TicketRow } from "@supportops/metrics";
import { calendarSql, createCalendar } from "@supportops/sla";

const COUNT = Number(process.env["WAREHOUSE_TICKETS"] ?? 10_000_000);
const h = [["09:00", "17:00"]] as const;
const officeHours = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-04-03", "2026-04-06"] });
const options: KpiSqlOptions = {
  period: { from: "2026-01-05", to: "2026-03-30" }, // twelve ISO weeks
  asOf: "2026-04-13",
  timeZone: "Europe/Berlin",
  kpis: ["tickets_resolved", "first_response_time", "first_response_time_business", "resolution_time", "resolution_time_business"],
  groupBy: ["category"],
  bucket: { unit: "week" },
  calendarTable: "office_hours",
};

/**
 * COUNT tickets made inside DuckDB from hashes of their number: created over twelve weeks, replied
 * after 0–48 h (95 %), resolved 0–10 days later (85 %; 5 % of those reopened after it), rated
 * sometimes, merged rarely; six categories, four priorities and channels.
 */
function generateSql(count: number): string {
  const r = (k: number, mod: number): string => `CAST(hash(i * 31 + ${k}) % ${mod} AS BIGINT)`;
  return `CREATE TABLE tickets AS
  SELECT 'T-' || i AS id, created AS created_at, 'customer' AS created_by,
    ['email', 'web', 'chat', 'phone'][${r(1, 4)} + 1] AS channel,
    ['urgent', 'high', 'normal', 'low'][${r(2, 4)} + 1] AS priority,
    CASE WHEN ${r(3, 10)} = 0 THEN NULL ELSE ['account', 'billing', 'bug', 'feedback', 'how_to', 'shipping'][${r(4, 6)} + 1] END AS category,
    CASE WHEN merged THEN 'closed' WHEN reopened THEN 'open' WHEN resolved THEN 'solved' WHEN replied THEN 'pending' ELSE 'new' END AS status,
    created AS response_start_at,
    CASE WHEN replied THEN created + to_milliseconds(frt) END AS first_reply_at,
    CASE WHEN resolved THEN created + to_milliseconds(frt + rt) END AS first_resolved_at,
    CASE WHEN resolved THEN created + to_milliseconds(frt + rt) END AS latest_resolved_at,
    CASE WHEN reopened THEN created + to_milliseconds(frt + rt + ${r(5, 3 * 86_400_000)}) END AS last_reopened_at,
    CAST(CASE WHEN reopened THEN 1 ELSE 0 END AS INTEGER) AS reopen_count,
    CAST(CASE WHEN replied THEN 1 + ${r(6, 3)} ELSE 0 END AS INTEGER) AS public_agent_replies,
    CAST(NULL AS INTEGER) AS csat_score, CAST(NULL AS INTEGER) AS csat_scale_max, CAST(NULL AS TIMESTAMPTZ) AS csat_at,
    CASE WHEN merged THEN 'T-' || (i - 1) END AS merged_into,
    CASE WHEN merged THEN created + to_milliseconds(frt) END AS merged_at
  FROM (
    SELECT i, CAST('2026-01-05 00:00:00+00' AS TIMESTAMPTZ) + to_milliseconds(${r(7, 84 * 86_400_000)}) AS created,
      ${r(8, 48 * 3_600_000)} AS frt, ${r(9, 10 * 86_400_000)} AS rt,
      ${r(10, 100)} < 95 AS replied, ${r(10, 100)} < 85 AS resolved, ${r(10, 100)} < 4 AS reopened, ${r(11, 1000)} = 0 AND i > 0 AS merged
    FROM range(${count}) AS t(i)
  );`;
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const wall0 = performance.now();
  const cpu0 = cpu();
  const value = await run();
  const result = { wall: performance.now() - wall0, cpu: cpu() - cpu0, value };
  console.log(`${label}: ${(result.wall / 1000).toFixed(2)} s wall, ${(result.cpu / 1000).toFixed(2)} s CPU (this process)`);
  return result;
}

const iso = (value: unknown): string | null => (value === null ? null : (value as Date).toISOString());

/** The library's side: stream the rows out of DuckDB into an accumulator, and measure the business durations. */
async function libraryReport(connection: DuckDBConnection): Promise<{ rows: number; businessSum: number; addMs: number }> {
  const { calendarTable: _calendarTable, kpis: _kpis, ...rest } = options;
  const acc = createAccumulator({ ...rest, kpis: ["tickets_resolved", "first_response_time", "resolution_time"] });
  const asOf = Date.parse("2026-04-13T00:00:00+02:00");
  const result = await connection.stream("SELECT * FROM tickets");
  let addMs = 0;
  let businessSum = 0;
  for await (const chunk of result.yieldRowObjectJs()) {
    const records = chunk as Array<Record<string, unknown>>;
    const start = performance.now();
    for (const record of records) {
      const row: TicketRow = {
        id: record["id"] as string,
        created_at: iso(record["created_at"]) as string,
        created_by: "customer",
        channel: record["channel"] as string,
        priority: record["priority"] as string,
        category: record["category"] as string | null,
        status: record["status"] as TicketRow["status"],
        response_start_at: iso(record["response_start_at"]),
        first_reply_at: iso(record["first_reply_at"]),
        first_resolved_at: iso(record["first_resolved_at"]),
        latest_resolved_at: iso(record["latest_resolved_at"]),
        last_reopened_at: iso(record["last_reopened_at"]),
        reopen_count: record["reopen_count"] as number,
        public_agent_replies: record["public_agent_replies"] as number,
        csat_score: null,
        csat_scale_max: null,
        csat_at: null,
        merged_into: record["merged_into"] as string | null,
        merged_at: iso(record["merged_at"]),
      };
      acc.add(row);
      // What the business variants add: two businessMsBetween calls a ticket (and the open ages).
      const created = (record["created_at"] as Date).getTime();
      const reply = record["first_reply_at"] as Date | null;
      const latest = record["latest_resolved_at"] as Date | null;
      if (reply !== null) businessSum += officeHours.businessMsBetween(created, reply.getTime());
      businessSum += officeHours.businessMsBetween(created, latest === null ? asOf : latest.getTime());
    }
    addMs += performance.now() - start;
  }
  return { rows: acc.result().rows.length, businessSum, addMs };
}

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
console.log(`${COUNT.toLocaleString("en")} tickets; Node ${process.version}; DuckDB ${(await (await connection.runAndReadAll("SELECT version() AS v")).getRowObjectsJS())[0]?.["v"]}; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
await timed("generate the tickets in DuckDB", () => connection.run(generateSql(COUNT)));
await connection.run(calendarSql(officeHours, { dialect: "duckdb", from: "2026-01-01T00:00:00Z", to: "2026-05-01T00:00:00Z", name: "office_hours" }));
void ticketsTableSql; // the generated table has exactly ticketsTableSql's columns
const query = kpiSql(options, { dialect: "duckdb" });
const sql = await timed("DuckDB kpiSql: weekly × category, TR + FRT + resolution time + their business-hours variants", async () => (await connection.runAndReadAll(query)).getRowObjectsJS().length);
const { calendarTable: _calendarTable, ...withoutCalendar } = options;
const calendarOnly = kpiSql({ ...withoutCalendar, kpis: ["tickets_resolved", "first_response_time", "resolution_time"] }, { dialect: "duckdb" });
const plain = await timed("DuckDB kpiSql: the same without business hours", async () => (await connection.runAndReadAll(calendarOnly)).getRowObjectsJS().length);
const library = await timed("library: rows streamed out of DuckDB into createAccumulator + businessMsBetween", () => libraryReport(connection));
console.log(`  of which accumulator.add + businessMsBetween: ${(library.value.addMs / 1000).toFixed(2)} s (the rest: DuckDB chunks to JS objects)`);
console.log(`rows: SQL ${sql.value} (business included), SQL without business ${plain.value}, library ${library.value.rows} (calendar time)`);
console.log(
  `ratio library / DuckDB: ${(library.wall / sql.wall).toFixed(1)}× wall, ${(library.cpu / sql.cpu).toFixed(1)}× CPU (DuckDB's CPU counts all its threads); ` +
    `accumulate-only / DuckDB wall: ${(library.value.addMs / sql.wall).toFixed(1)}×; business hours cost in DuckDB: ${(sql.cpu / plain.cpu).toFixed(2)}× the plain query's CPU`,
);
console.log(`load average after: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
connection.closeSync();
instance.closeSync();
