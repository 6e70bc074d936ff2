// Loads TicketRows into a real engine the way docs/warehouse.md says (CSV + COPY), runs kpiSql and
// reads the rows back; and a naive reference for the business-hours rows, written from the rows and
// calendar.businessMsBetween with plain loops.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlEngine } from "@supportops/test-utils/sql";
import { kpiReport, kpiRowsFromSql, kpiSql, ticketRowsToCsv, ticketsTableSql, type KpiSqlOptions, type KpiSqlRow, type TicketRow } from "@supportops/metrics";
import type { BusinessCalendarLike } from "@supportops/core";
import { nearestRank } from "./naiveKpis.js";

let loads = 0;

/** Writes the rows to a CSV file and COPYs them into a new table; returns its name. */
export async function loadTickets(engine: SqlEngine, rows: ReadonlyArray<TicketRow>): Promise<string> {
  loads += 1;
  const name = `tickets_${loads}`;
  const dir = mkdtempSync(join(tmpdir(), "tickets-"));
  try {
    const file = join(dir, "tickets.csv");
    writeFileSync(file, ticketRowsToCsv(rows));
    // A PostgreSQL server reads the file itself, as its own user.
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    await engine.run(ticketsTableSql({ dialect: engine.dialect, name, csvPath: file }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return name;
}

export async function sqlRows(engine: SqlEngine, options: KpiSqlOptions): Promise<KpiSqlRow[]> {
  return kpiRowsFromSql(await engine.query(kpiSql(options, { dialect: engine.dialect })), options);
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * The business-hours rows by plain loops: the calendar-time rows of kpiReport give the cells (group,
 * bucket, n, excluded); the values are recomputed here from the rows that belong to each cell.
 */
export function businessReference(rows: ReadonlyArray<TicketRow>, options: KpiSqlOptions, calendar: BusinessCalendarLike): KpiSqlRow[] {
  const report = kpiReport(rows, { ...options, kpis: ["first_response_time", "resolution_time"] } as never);
  const { from, to } = report.period;
  const asOf = report.asOf;
  const groupBy = options.groupBy ?? [];
  const sameGroup = (row: TicketRow, group: Readonly<Record<string, string | null>>): boolean => groupBy.every((g) => row[g] === group[g]);
  const known = rows.filter((r) => Date.parse(r.created_at) <= asOf);
  const out: KpiSqlRow[] = [];
  for (const cell of report.rows) {
    const frt = cell.kpi === "first_response_time";
    const values: number[] = [];
    for (const r of known) {
      if (!sameGroup(r, cell.group) || r.merged_into !== null) continue;
      if (frt) {
        const reply = ms(r.first_reply_at);
        const start = ms(r.response_start_at);
        if (reply === null || start === null || reply < cell.bucket.start || reply >= cell.bucket.end) continue;
        values.push(calendar.businessMsBetween(start, reply));
      } else {
        const latest = ms(r.latest_resolved_at);
        const reopen = ms(r.last_reopened_at);
        if (latest === null || latest < cell.bucket.start || latest >= cell.bucket.end || latest < from || latest >= to) continue;
        if (ms(r.first_resolved_at) === null) continue;
        // Reopened after the latest resolution and before the period's end: open at the end.
        if (reopen !== null && reopen > latest && reopen <= to) continue;
        values.push(calendar.businessMsBetween(Date.parse(r.created_at), latest));
      }
    }
    if (values.length !== cell.n) throw new Error(`reference population differs from kpiReport's: ${values.length} vs ${cell.n}`);
    const open = known.filter((r) => sameGroup(r, cell.group) && r.merged_into === null && r.status !== "solved" && r.status !== "closed");
    const awaiting = open.filter((r) => r.response_start_at !== null && r.first_reply_at === null);
    const sorted = [...values].sort((a, b) => a - b);
    let sum = 0;
    for (const v of values) sum += v;
    const durations = {
      median: nearestRank(values, 50),
      p90: nearestRank(values, 90),
      mean: values.length === 0 ? null : Math.round(sum / values.length),
      min: sorted[0] ?? null,
      max: sorted[sorted.length - 1] ?? null,
      belowMinN: values.length < (options.minN ?? 5),
    };
    const stats = frt
      ? { ...durations, awaitingFirstReply: awaiting.length, awaitingMedianAge: nearestRank(awaiting.map((r) => calendar.businessMsBetween(Date.parse(r.response_start_at as string), asOf)), 50) }
      : {
          ...durations,
          open: open.length,
          openMedianAge: nearestRank(open.map((r) => calendar.businessMsBetween(Date.parse(r.created_at), asOf)), 50),
          censoredFraction: open.length + cell.n === 0 ? null : open.length / (open.length + cell.n),
        };
    out.push({ kpi: frt ? "first_response_time_business" : "resolution_time_business", group: cell.group, bucket: cell.bucket, value: durations.median, n: cell.n, excluded: cell.excluded, stats } as KpiSqlRow);
  }
  return out;
}
