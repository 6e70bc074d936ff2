import type { KpiReport } from "./kpiReport.js";
import type { KpiResult } from "./KpiResult.js";
import { describeKpi } from "./internal/describeKpi.js";

/**
 * One line of {@link toTableRows}: the KPI, the group's attributes, the bucket, the humanised value,
 * `n` beside it and a detail (p90, open tickets, provisional…).
 *
 * @example
 * const row: KpiTableRow = { kpi: "first_response_time", category: "billing", bucket: "2026-W02", value: "2 h 15 m", n: 41, detail: "p90 6 h 2 m" };
 */
export type KpiTableRow = Readonly<Record<string, string | number>>;

const isReport = (input: KpiReport | ReadonlyArray<KpiResult>): input is KpiReport => !Array.isArray(input);

/**
 * Turns a report (or a list of single KPI results) into rows ready for `console.table`: units
 * humanised (`"2 h 15 m"`, `"84.2 % [81.0–87.0]"`), `n` beside every value, a missing group
 * attribute shown as `"(none)"`.
 *
 * @param input - a `kpiReport` result, or KPI results such as `[firstResponseTime(...), csat(...)]`
 * @returns one row per report row or result
 * @example
 * const report = kpiReport(
 *   [{ id: "T-1", events: [
 *     { id: "c", at: "2026-01-07T09:00:00+01:00", type: "created", by: "customer", category: "billing" },
 *     { id: "r", at: "2026-01-07T11:15:00+01:00", type: "message", role: "agent", public: true },
 *   ] }],
 *   { kpis: ["first_response_time"], period: { from: "2026-01-01", to: "2026-02-01" }, groupBy: ["category"] },
 * );
 * toTableRows(report);
 * // => [{ kpi: "first_response_time", category: "billing", bucket: "2026-01-01T00:00:00.000Z/2026-02-01T00:00:00.000Z", value: "2 h 15 m", n: 1, detail: "p90 2 h 15 m · few values" }]
 */
export function toTableRows(input: KpiReport | ReadonlyArray<KpiResult>): KpiTableRow[] {
  if (!isReport(input)) {
    return input.map((result) => {
      const text = describeKpi(result.kpi, result.value, result.stats, result.provisional);
      return { kpi: result.kpi, value: text.value, n: result.n, detail: text.detail };
    });
  }
  const groupKeys = [...new Set(input.rows.flatMap((row) => Object.keys(row.group)))];
  return input.rows.map((row) => {
    const text = describeKpi(row.kpi, row.value, row.stats, row.provisional);
    const group = Object.fromEntries(groupKeys.map((key) => [key, row.group[key] ?? "(none)"]));
    return { kpi: row.kpi, ...group, bucket: row.bucket.label, value: text.value, n: row.n, detail: text.detail };
  });
}
