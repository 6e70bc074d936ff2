import type { KpiReport } from "./kpiReport.js";
import { flatRows } from "./internal/flatRows.js";

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Renders a report as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends): one line
 * per row; group attributes as columns; bucket bounds as UTC ISO instants; durations in ms; nested
 * stats as JSON; excluded reasons with a non-zero count as `reason=count`.
 *
 * @param report - a `kpiReport` result or an accumulator's `result()`
 * @returns the CSV text, with a header line
 * @example
 * const csv = toCsv(kpiReport([], { kpis: ["tickets_resolved"], period: { from: "2026-01-01", to: "2026-02-01" } }));
 * csv; // => "kpi,bucket,bucket_start,bucket_end,value,n,excluded,provisional\r\n"
 */
export function toCsv(report: KpiReport): string {
  const { header, rows } = flatRows(report);
  return [header, ...rows].map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
