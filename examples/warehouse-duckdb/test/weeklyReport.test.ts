import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiReport, readTicketRows } from "@supportops/metrics";
import { SAMPLE_CSV, officeHours, options, warehouseReport, weeklyTable } from "../src/weeklyReport.js";

/** The sample CSV read the plain way (no quoted fields in it), for the library's own report. */
function sampleRows() {
  const [header, ...lines] = readFileSync(SAMPLE_CSV, "utf8").trim().split("\n");
  const columns = (header ?? "").split(",");
  return readTicketRows(lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i] as string, value])))).rows;
}

describe("warehouse-duckdb example", () => {
  it("computes in DuckDB exactly the report the library computes from the same rows", async () => {
    const rows = await warehouseReport();
    const tickets = sampleRows();
    const { calendarTable: _calendarTable, tickets: _tickets, ...libraryOptions } = options;
    expect(rows).toStrictEqual(kpiReport(tickets, { ...libraryOptions, calendar: officeHours }).rows);
    // Business hours: every FRT row's median equals the median of businessMsBetween over its tickets.
    const frt = rows.find((r) => r.kpi === "first_response_time_business" && r.group["category"] === "billing" && r.bucket.label === "2026-W03");
    const durations = tickets
      .filter((t) => t.category === "billing" && t.merged_into === null && t.first_reply_at !== null && t.response_start_at !== null)
      .filter((t) => Date.parse(t.first_reply_at as string) >= (frt?.bucket.start ?? 0) && Date.parse(t.first_reply_at as string) < (frt?.bucket.end ?? 0))
      .map((t) => officeHours.businessMsBetween(Date.parse(t.response_start_at as string), Date.parse(t.first_reply_at as string)))
      .sort((a, b) => a - b);
    expect(frt?.n).toBe(durations.length);
    expect(frt?.value).toBe(durations[Math.ceil(durations.length / 2) - 1]);
  });

  it("prints one line per category and week", async () => {
    const table = weeklyTable(await warehouseReport());
    expect(table).toHaveLength(table.filter((l) => l["week"]?.startsWith("2026-W")).length);
    expect(Object.keys(table[0] ?? {})).toStrictEqual(["category", "week", "resolved", "FRT median", "FRT business", "resolution median", "resolution business", "FCR", "CSAT 4–5"]);
    expect(new Set(table.map((l) => l["week"]))).toStrictEqual(new Set(["2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09"]));
  });
});
