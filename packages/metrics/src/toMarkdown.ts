import type { KpiReport } from "./kpiReport.js";
import { flatRows } from "./internal/flatRows.js";

/**
 * Renders a report as a GitHub-flavoured Markdown table, one line per row (the columns of
 * {@link toCsv}; `|` in a value is escaped).
 *
 * @param report - a `kpiReport` result or an accumulator's `result()`
 * @returns the Markdown table
 * @example
 * toMarkdown(kpiReport([], { kpis: ["csat"], period: { from: "2026-01-01", to: "2026-02-01" } })).split("\n")[0];
 * // => "| kpi | bucket | bucket_start | bucket_end | value | n | excluded | provisional |"
 */
export function toMarkdown(report: KpiReport): string {
  const { header, rows } = flatRows(report);
  const line = (cells: ReadonlyArray<string>): string => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}
