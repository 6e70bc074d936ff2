/**
 * kpiReport benchmark (issue 11's targets), every figure with CPU time beside wall time (the machine
 * is shared) and heap/RSS growth:
 *
 * 1. a full default `kpiReport` (every period KPI; no SLA engine) grouped by category × ISO week over
 *    1 000 000 generated ticket logs (about ten events each, epoch-ms `at`, plain objects in memory),
 *    validated as they are read — target ≤ 5 s on one core, < 2 GB beyond the input;
 * 2. the same report over 1 000 000 flat `TicketRow`s already parsed — target ≤ 1 s — as
 *    `ticketRowsFromLogs` made them (frozen, with the instants they were made from), then as plain
 *    copies (rows built by other code: every ISO string read again); and, apart, parsing those rows
 *    from CSV text (csv-parse, then `readTicketRows`) and the report over what that read;
 * 3. the calendar-time subset (counts, median and p90 of first response and resolution time by
 *    category × week, linear percentiles) in DuckDB on the same rows (CSV file → `read_csv`, one
 *    thread), with the ratio, and a check that both give the same numbers.
 *
 *   pnpm --filter @supportops/metrics bench
 *   BENCH_TICKETS=200000 pnpm --filter @supportops/metrics bench   # smaller
 *
 * Not a test: nothing here asserts a time.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { iterateTicketLogs, type GeneratedTicketLog } from "@supportops/test-utils";
import { TICKET_ROW_COLUMNS, kpiReport, readTicketRows, ticketRowsFromLogs, type KpiReport, type ReportOptions, type TicketRow } from "@supportops/metrics";

const COUNT = Number(process.env["BENCH_TICKETS"] ?? 1_000_000);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 2);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const MB = 1_048_576;

interface Measure<T> {
  readonly value: T;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly heapGrowthMb: number;
  readonly rssGrowthMb: number;
}

/**
 * A full GC, then a pause for the collector's background threads to finish sweeping what it freed:
 * without it, that sweeping (hundreds of ms of CPU after a 1.5 GB heap is dropped) is counted in the
 * CPU time of whatever is measured next.
 */
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Runs `fn` once on a settled heap: wall and CPU time, and how much heap and RSS it left grown. */
async function measure<T>(fn: () => T): Promise<Measure<T>> {
  await settle();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000, heapGrowthMb: (after.heapUsed - before.heapUsed) / MB, rssGrowthMb: (after.rss - before.rss) / MB };
}

async function measureAsync<T>(fn: () => Promise<T>): Promise<Measure<T>> {
  await settle();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000, heapGrowthMb: (after.heapUsed - before.heapUsed) / MB, rssGrowthMb: (after.rss - before.rss) / MB };
}

const line = (label: string, m: Measure<unknown>, extra = ""): void =>
  console.log(
    `${label.padEnd(58)} wall ${m.wallMs.toFixed(0).padStart(6)} ms  cpu ${m.cpuMs.toFixed(0).padStart(6)} ms  heap ${m.heapGrowthMb >= 0 ? "+" : ""}${m.heapGrowthMb.toFixed(0)} MB  rss ${m.rssGrowthMb >= 0 ? "+" : ""}${m.rssGrowthMb.toFixed(0)} MB${extra}`,
  );

const options: ReportOptions = {
  period: { from: "2026-01-05", to: "2026-03-30" },
  asOf: "2026-04-13",
  timeZone: "Europe/Berlin",
  groupBy: ["category"],
  bucket: { unit: "week" },
};

console.log(`Node ${process.version}; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const input = await measure(() => {
  const logs: GeneratedTicketLog[] = [];
  for (const log of iterateTicketLogs({ count: COUNT, seed: 20_260_101, kpiExtras: true, start: "2026-01-05", days: 84 })) logs.push(log);
  return logs;
});
const logs = input.value;
const events = logs.reduce((sum, log) => sum + log.events.length, 0);
console.log(`${COUNT} ticket logs, ${events} events (${(events / COUNT).toFixed(1)} per ticket); input ${input.heapGrowthMb.toFixed(0)} MB of heap`);
const maxRssBefore = process.resourceUsage().maxRSS / 1024;

// 1. Logs.
let report: KpiReport | undefined;
for (let run = 1; run <= RUNS; run++) {
  const m = await measure(() => kpiReport(logs, options));
  report = m.value;
  line(`kpiReport, raw logs validated, default KPIs (run ${run})`, m, `  ${((COUNT / m.cpuMs) * 1000).toFixed(0)} tickets/cpu-s`);
}
const maxRssAfter = process.resourceUsage().maxRSS / 1024;
console.log(`  ${report?.rows.length} rows; peak RSS ${maxRssAfter.toFixed(0)} MB (before the runs ${maxRssBefore.toFixed(0)} MB)`);

// 2. Rows.
const rowsM = await measure(() => ticketRowsFromLogs(logs, { asOf: "2026-04-13", timeZone: "Europe/Berlin" }));
line("ticketRowsFromLogs (to build the rows; not a target)", rowsM);
const rows = rowsM.value;
// The rows' report is measured as an analyst with a CSV of rows would run it: without the logs in
// memory (a 1.5 GB heap the collector would otherwise walk in every major collection).
logs.length = 0;
for (let run = 1; run <= RUNS; run++) {
  line(`kpiReport, ${rows.length} parsed rows, default KPIs (run ${run})`, await measure(() => kpiReport(rows, options)));
}
{
  // The same rows as plain objects, as rows built by other code are (a spread copy carries nothing else).
  const copies = rows.map((row) => ({ ...row }));
  for (let run = 1; run <= RUNS; run++) {
    line(`kpiReport, ${copies.length} plain-object rows (run ${run})`, await measure(() => kpiReport(copies, options)));
  }
  copies.length = 0;
}

const csvCell = (value: unknown): string => {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csv = `${TICKET_ROW_COLUMNS.join(",")}\n${rows.map((row) => TICKET_ROW_COLUMNS.map((c) => csvCell(row[c])).join(",")).join("\n")}\n`;
const dir = mkdtempSync(join(tmpdir(), "metrics-bench-"));
const csvPath = join(dir, "rows.csv");
writeFileSync(csvPath, csv);
console.log(`CSV of the rows: ${(csv.length / MB).toFixed(0)} MB`);
const csvParse = await measure(() => parse(csv, { columns: true }) as Array<Record<string, string>>);
line("CSV text → records (csv-parse/sync)", csvParse);
const checked = await measure(() => readTicketRows(csvParse.value));
line(`records → TicketRows (readTicketRows; ${checked.value.problems.length} problems)`, checked);
csvParse.value.length = 0;
line("kpiReport over the rows read from the CSV", await measure(() => kpiReport(checked.value.rows, options)));
(checked.value.rows as TicketRow[]).length = 0;

// 3. The calendar-time subset, ours and DuckDB's, on the same rows.
const subset: ReportOptions = { ...options, kpis: ["tickets_resolved", "first_response_time", "resolution_time"], percentile: "linear" };
let ours: KpiReport | undefined;
let oursBest = Number.POSITIVE_INFINITY;
for (let run = 1; run <= RUNS; run++) {
  const m = await measure(() => kpiReport(rows, subset));
  ours = m.value;
  oursBest = Math.min(oursBest, m.cpuMs);
  line(`kpiReport subset (counts, FRT, resolution time), rows (run ${run})`, m);
}

const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
const db = await instance.connect();
const load = await measureAsync(() =>
  db.run(`CREATE TABLE rows AS SELECT * FROM read_csv('${csvPath}', header = true, columns = {
    'id': 'VARCHAR', 'created_at': 'TIMESTAMPTZ', 'created_by': 'VARCHAR', 'channel': 'VARCHAR', 'priority': 'VARCHAR', 'category': 'VARCHAR',
    'status': 'VARCHAR', 'response_start_at': 'TIMESTAMPTZ', 'first_reply_at': 'TIMESTAMPTZ', 'first_resolved_at': 'TIMESTAMPTZ',
    'latest_resolved_at': 'TIMESTAMPTZ', 'last_reopened_at': 'TIMESTAMPTZ', 'reopen_count': 'INTEGER', 'public_agent_replies': 'INTEGER',
    'csat_score': 'INTEGER', 'csat_scale_max': 'INTEGER', 'csat_at': 'TIMESTAMPTZ', 'merged_into': 'VARCHAR', 'merged_at': 'TIMESTAMPTZ'})`),
);
line("DuckDB: read_csv into a table (1 thread)", load);
// The same definitions as docs/kpis.md, from rows: anchored at the reply / the latest resolution, in
// local weeks from Monday, merged-away tickets left out, a ticket reopened after its latest
// resolution and not resolved again by period.to left out of resolution time.
const sql = `
  WITH p AS (SELECT TIMESTAMPTZ '2026-01-05 00:00:00+01' AS p_from, TIMESTAMPTZ '2026-03-30 00:00:00+02' AS p_to),
  frt AS (
    SELECT category, first_reply_at AS anchor, epoch_ms(first_reply_at) - epoch_ms(response_start_at) AS ms
    FROM rows, p WHERE merged_at IS NULL AND first_reply_at >= p_from AND first_reply_at < p_to
  ),
  res AS (
    SELECT category, latest_resolved_at AS anchor, epoch_ms(latest_resolved_at) - epoch_ms(created_at) AS ms
    FROM rows, p WHERE merged_at IS NULL AND latest_resolved_at >= p_from AND latest_resolved_at < p_to
      AND (last_reopened_at IS NULL OR NOT (last_reopened_at > latest_resolved_at AND last_reopened_at <= p_to))
  ),
  both_kpis AS (SELECT 'first_response_time' AS kpi, * FROM frt UNION ALL SELECT 'resolution_time', * FROM res)
  SELECT kpi, category, epoch_ms(timezone('Europe/Berlin', date_trunc('week', timezone('Europe/Berlin', anchor)))) AS week_start,
         count(*) AS n, round(quantile_cont(ms, 0.5)) AS median, round(quantile_cont(ms, 0.9)) AS p90
  FROM both_kpis GROUP BY ALL ORDER BY ALL`;
let duck: Array<Array<unknown>> = [];
let duckBest = Number.POSITIVE_INFINITY;
for (let run = 1; run <= RUNS; run++) {
  const m = await measureAsync(async () => (await db.runAndReadAll(sql)).getRows());
  duck = m.value;
  duckBest = Math.min(duckBest, m.cpuMs);
  line(`DuckDB: the subset query (run ${run})`, m);
}
console.log(
  `ratio (CPU, best runs): kpiReport subset on rows / DuckDB query = ${(oursBest / duckBest).toFixed(2)}; / (DuckDB load + query) = ${(oursBest / (duckBest + load.cpuMs)).toFixed(2)}`,
);

// Both must have computed the same thing.
const key = (kpi: string, category: unknown, start: number): string => `${kpi}|${String(category)}|${start}`;
const mine = new Map<string, string>();
for (const row of ours?.rows ?? []) {
  if (row.kpi !== "first_response_time" && row.kpi !== "resolution_time") continue;
  if (row.n === 0) continue;
  const stats = row.stats as { median: number | null; p90: number | null };
  mine.set(key(row.kpi, row.group["category"] ?? null, row.bucket.start), `${row.n} ${stats.median} ${stats.p90}`);
}
let differ = 0;
for (const [kpi, category, start, n, median, p90] of duck) {
  const k = key(String(kpi), category, Number(start));
  if (mine.get(k) !== `${Number(n)} ${Number(median)} ${Number(p90)}`) {
    if (differ < 3) console.log(`  differs: ${k}: kpiReport ${mine.get(k) ?? "none"}, DuckDB ${Number(n)} ${Number(median)} ${Number(p90)}`);
    differ += 1;
  }
  mine.delete(k);
}
console.log(`DuckDB vs kpiReport: ${duck.length} group × week cells, ${differ + mine.size} differ`);
db.closeSync();
instance.closeSync();
rmSync(dir, { recursive: true, force: true });
void (rows satisfies ReadonlyArray<TicketRow>);
