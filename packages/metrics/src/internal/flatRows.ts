import type { KpiReport, KpiReportRow } from "../kpiReport.js";

/** The flat columns both renderings (CSV, Markdown) share. */
export function flatRows(report: KpiReport): { header: string[]; rows: string[][] } {
  const groupKeys = [...new Set(report.rows.flatMap((row) => Object.keys(row.group)))];
  const statKeys = [...new Set(report.rows.flatMap((row) => Object.keys(row.stats)))];
  const header = ["kpi", ...groupKeys, "bucket", "bucket_start", "bucket_end", "value", "n", "excluded", ...statKeys.map((k) => `stats.${k}`), "provisional"];
  const render = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  const rows = report.rows.map((row: KpiReportRow) => [
    row.kpi,
    ...groupKeys.map((k) => render(row.group[k])),
    row.bucket.label,
    new Date(row.bucket.start).toISOString(),
    new Date(row.bucket.end).toISOString(),
    render(row.value),
    String(row.n),
    Object.entries(row.excluded).filter(([, count]) => count > 0).map(([reason, count]) => `${reason}=${count}`).join(" "),
    ...statKeys.map((k) => render((row.stats as Readonly<Record<string, unknown>>)[k])),
    render(row.provisional),
  ]);
  return { header, rows };
}

