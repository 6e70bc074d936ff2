import type { KpiId } from "./KpiOptions.js";
import type { KpiStatsOf } from "./KpiResult.js";
import { createAccumulator, type ReportOptions } from "./createAccumulator.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { requireIterable } from "./internal/requireIterable.js";

/**
 * One row of a {@link KpiReport}: one KPI for one group in one time bucket.
 *
 * @example
 * const row: KpiReportRow = {
 *   kpi: "tickets_resolved", group: { category: "billing" },
 *   bucket: { start: 1767567600000, end: 1768172400000, label: "2026-W02" },
 *   value: 3, n: 3, excluded: { merged: 0, reopenedBeforeEnd: 0 }, stats: {},
 * };
 */
export interface KpiReportRow {
  readonly kpi: KpiId;
  /** The group's attributes (each read at the item's anchor), `{}` when ungrouped. */
  readonly group: Readonly<Record<string, string | null>>;
  /** Half-open `[start, end)` in epoch ms, clipped to the period; `label` like `"2026-W02"` or `"2026-01"`. */
  readonly bucket: { readonly start: number; readonly end: number; readonly label: string };
  readonly value: number | null;
  readonly n: number;
  readonly excluded: Readonly<Record<string, number>>;
  readonly stats: KpiStatsOf<KpiId>;
  readonly provisional?: boolean;
  /** Duration KPIs with the `keepValues` option: the row's values in ms, ascending. */
  readonly values?: ReadonlyArray<number>;
}

/**
 * A KPI report: one row per KPI × group × bucket that has any item, sorted by KPI, group, bucket.
 *
 * @example
 * const report: KpiReport = kpiReport([], { period: { from: "2026-01-01", to: "2026-02-01" } });
 * report.rows; // => []
 */
export interface KpiReport {
  readonly period: { readonly from: number; readonly to: number };
  readonly asOf: number;
  readonly timeZone: string;
  readonly rows: ReadonlyArray<KpiReportRow>;
  /** With `percentiles: { method: "ddsketch" }`: how the duration percentiles and the open and awaiting median ages of the rows were computed. */
  readonly percentiles?: string;
}

/**
 * Computes several KPIs over tickets in one pass, grouped by attributes and cut into local weeks or
 * months; each item falls in the bucket of its own anchor (the reply for first response time, the
 * latest resolution for tickets resolved, …). See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`, or of `TicketRow`s
 * @param options - period, zone, asOf, window, which KPIs, `groupBy`, `bucket`
 * @returns the report
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`) and the option errors of `createAccumulator`
 * @example
 * const report = kpiReport(
 *   [{ id: "T-1", events: [
 *     { id: "c", at: "2026-01-07T09:00:00+01:00", type: "created", by: "customer", category: "billing" },
 *     { id: "r", at: "2026-01-07T09:30:00+01:00", type: "message", role: "agent", public: true },
 *     { id: "s", at: "2026-01-07T10:00:00+01:00", type: "status_changed", to: "solved" },
 *   ] }],
 *   { kpis: ["tickets_resolved"], period: { from: "2026-01-01", to: "2026-02-01" }, timeZone: "Europe/Berlin", groupBy: ["category"], bucket: { unit: "week" } },
 * );
 * report.rows[0]?.bucket.label; // => "2026-W02"
 * report.rows[0]?.group;        // => { category: "billing" }
 */
export function kpiReport(tickets: Iterable<TicketInput | TicketRow>, options: ReportOptions): KpiReport {
  const acc = createAccumulator(options);
  for (const ticket of requireIterable(tickets)) acc.add(ticket);
  return acc.result();
}
