// The analyst's weekly report (examples/analyst-report) computed where the data lives: the flat
// ticket export (TicketRow CSV) loaded into DuckDB with COPY, Berlin office hours as a calendar
// table with its macros, and one kpiSql query — tickets resolved, first response and resolution
// time (also in business hours), FCR and CSAT per category and ISO week in Europe/Berlin.
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { kpiRowsFromSql, kpiSql, ticketsTableSql, type KpiSqlOptions, type KpiSqlRow } from "@supportops/metrics";
import { calendarSql, createCalendar } from "@supportops/sla";

/** The bundled sample: 2 000 tickets of early 2026 as flat rows (the analyst-report example's data). */
export const SAMPLE_CSV: string = fileURLToPath(new URL("../../analyst-report/data/ticket-rows.csv", import.meta.url));

const h = [["09:00", "17:00"]] as const;
/** Berlin office hours, Monday to Friday, with the public holidays of the period. */
export const officeHours = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-01-01", "2026-04-03", "2026-04-06"] });

export const options: KpiSqlOptions = {
  period: { from: "2026-01-05", to: "2026-03-02" }, // eight ISO weeks, [from, to)
  timeZone: "Europe/Berlin",
  asOf: "2026-03-16", // two weeks later: reopen windows have passed, nothing is provisional
  kpis: ["tickets_resolved", "first_response_time", "first_response_time_business", "resolution_time", "resolution_time_business", "first_contact_resolution", "csat"],
  groupBy: ["category"],
  bucket: { unit: "week" },
  calendarTable: "office_hours", // the calendar table below: business hours where kpiReport takes `calendar: officeHours`
};

/** Loads the sample into a fresh in-memory DuckDB, runs the report query, and returns its rows. */
export async function warehouseReport(csvPath: string = SAMPLE_CSV): Promise<KpiSqlRow[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  try {
    await connection.run(ticketsTableSql({ dialect: "duckdb", name: "tickets", csvPath }));
    // The calendar table must cover every instant a business duration reads: creations since 2025.
    await connection.run(calendarSql(officeHours, { dialect: "duckdb", from: "2025-12-01T00:00:00Z", to: "2026-04-01T00:00:00Z", name: "office_hours" }));
    const reader = await connection.runAndReadAll(kpiSql(options, { dialect: "duckdb" }));
    return kpiRowsFromSql(reader.getRowObjectsJS() as Array<Record<string, unknown>>, options);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

const hours = (ms: number | null): string => (ms === null ? "—" : `${(ms / 3_600_000).toFixed(1)} h`);
const percent = (share: number | null): string => (share === null ? "—" : `${(share * 100).toFixed(0)} %`);

/** One line per category and week, the KPIs side by side (the analyst-report example's layout). */
export function weeklyTable(rows: ReadonlyArray<KpiSqlRow>): Array<Record<string, string>> {
  const lines = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const category = row.group["category"] ?? "(none)";
    const key = `${category} ${row.bucket.label}`;
    const line = lines.get(key) ?? { category, week: row.bucket.label };
    lines.set(key, line);
    const show = (format: (v: number | null) => string): string => `${format(row.value)} (n=${row.n})`;
    if (row.kpi === "tickets_resolved") line["resolved"] = String(row.value);
    if (row.kpi === "first_response_time") line["FRT median"] = show(hours);
    if (row.kpi === "first_response_time_business") line["FRT business"] = show(hours);
    if (row.kpi === "resolution_time") line["resolution median"] = show(hours);
    if (row.kpi === "resolution_time_business") line["resolution business"] = show(hours);
    if (row.kpi === "first_contact_resolution") line["FCR"] = show(percent);
    if (row.kpi === "csat") line["CSAT 4–5"] = show(percent);
  }
  return [...lines.values()].sort((a, b) => ((a["category"] as string) < (b["category"] as string) ? -1 : (a["category"] as string) > (b["category"] as string) ? 1 : (a["week"] as string) < (b["week"] as string) ? -1 : 1));
}
