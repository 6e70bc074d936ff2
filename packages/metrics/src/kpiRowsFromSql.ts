import type { KpiReportRow } from "./kpiReport.js";
import type { KpiSqlOptions, SqlReportKpi } from "./kpiSql.js";
import { GROUP_ATTRIBUTES, KPI_META, type GroupAttribute, type PeriodKpiId } from "./internal/engine.js";
import { sqlArgumentError } from "./internal/sql/sqlParts.js";

/**
 * One row of {@link kpiSql}'s result read back: a `KpiReportRow` whose `kpi` may also be a
 * business-hours variant (`first_response_time_business`, `resolution_time_business`, with the stats
 * of the calendar-time KPI, every duration in business ms).
 *
 * @example
 * const row: KpiSqlRow = { kpi: "tickets_resolved", group: {}, bucket: { start: 0, end: 1, label: "x" }, value: 1, n: 1, excluded: { merged: 0, reopenedBeforeEnd: 0 }, stats: {} };
 */
export interface KpiSqlRow extends Omit<KpiReportRow, "kpi"> {
  readonly kpi: SqlReportKpi;
}

type Cell = unknown;

const BASE: Readonly<Record<SqlReportKpi, PeriodKpiId>> = {
  tickets_resolved: "tickets_resolved",
  first_response_time: "first_response_time",
  first_response_time_business: "first_response_time",
  resolution_time: "resolution_time",
  resolution_time_business: "resolution_time",
  first_contact_resolution: "first_contact_resolution",
  reopen_rate: "reopen_rate",
  csat: "csat",
};

const EXCLUDED_COLUMNS: Readonly<Record<string, string>> = {
  merged: "excluded_merged",
  reopenedBeforeEnd: "excluded_reopened_before_end",
  agentInitiated: "excluded_agent_initiated",
  noPublicReply: "excluded_no_public_reply",
  superseded: "excluded_superseded",
};

/**
 * Reads the result rows of a {@link kpiSql} query (objects keyed by column, as DuckDB's and
 * node-postgres' clients return them: numbers, bigints or numeric strings, `Date`s or ISO strings)
 * into report rows, in the order `kpiReport` sorts its rows — so the warehouse's answer compares
 * with `toStrictEqual` to the library's, and prints with `toCsv`/`toMarkdown` like a report.
 *
 * @param records - the query's rows
 * @param options - the options given to `kpiSql` (only `groupBy` is read)
 * @returns the rows
 * @throws {@link MetricsError} `invalid_argument` (path `[index, column]`) for a record `kpiSql` did not write
 * @example
 * kpiRowsFromSql([], { period: { from: "2026-01-05", to: "2026-01-12" } }); // => []
 */
export function kpiRowsFromSql(records: ReadonlyArray<Record<string, unknown>>, options: Pick<KpiSqlOptions, "groupBy"> & Partial<KpiSqlOptions>): KpiSqlRow[] {
  if (!Array.isArray(records)) throw sqlArgumentError([], "expected the array of rows a kpiSql query returned");
  const groupBy = (options?.groupBy ?? []).filter((g): g is GroupAttribute => GROUP_ATTRIBUTES.includes(g));
  const keyed = records.map((record, index) => {
    const read = (column: string): Cell => {
      if (typeof record !== "object" || record === null || !(column in record)) throw sqlArgumentError([index, column], `missing column ${column}: pass the rows of a kpiSql query`);
      return record[column];
    };
    const num = (column: string): number | null => {
      const value = read(column);
      if (value === null) return null;
      const n = typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw sqlArgumentError([index, column], `expected a number, got ${String(value)}`);
      return n;
    };
    const count = (column: string): number => num(column) ?? 0;
    const instant = (column: string): number => {
      const value = read(column);
      const ms = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number.NaN;
      if (!Number.isFinite(ms)) throw sqlArgumentError([index, column], `expected an instant, got ${String(value)}`);
      return ms;
    };
    const kpi = read("kpi") as SqlReportKpi;
    const base = BASE[kpi];
    if (base === undefined) throw sqlArgumentError([index, "kpi"], `unknown KPI ${String(kpi)}`);
    const group: Record<string, string | null> = {};
    for (const g of groupBy) group[g] = read(g) as string | null;
    const excluded: Record<string, number> = {};
    for (const reason of KPI_META[base].reasons) excluded[reason] = count(EXCLUDED_COLUMNS[reason] as string);
    const ci = (): { low: number; high: number } | null => {
      const low = num("ci_low");
      const high = num("ci_high");
      return low === null || high === null ? null : { low, high };
    };
    const durations = () => ({ median: num("median"), p90: num("p90"), mean: num("mean"), min: num("min"), max: num("max"), belowMinN: read("below_min_n") === true });
    let stats: KpiReportRow["stats"];
    switch (base) {
      case "tickets_resolved":
        stats = {};
        break;
      case "first_response_time":
        stats = { ...durations(), awaitingFirstReply: count("awaiting_first_reply"), awaitingMedianAge: num("awaiting_median_age") };
        break;
      case "resolution_time":
        stats = { ...durations(), open: count("open"), openMedianAge: num("open_median_age"), censoredFraction: num("censored_fraction") };
        break;
      case "first_contact_resolution":
        stats = { successes: count("successes"), ci: ci(), windowOpen: count("window_open"), failedOnlyByMergedIn: count("failed_only_by_merged_in") };
        break;
      case "reopen_rate":
        stats = { successes: count("successes"), ci: ci(), reopenEvents: count("reopen_events"), pendingWindow: count("pending_window") };
        break;
      default: {
        const distribution: Record<string, number> = {};
        const text = read("distribution");
        if (typeof text === "string" && text !== "") {
          for (const part of text.split(",")) {
            const [rating, n] = part.split("=");
            distribution[rating as string] = Number(n);
          }
        }
        stats = { successes: count("successes"), ci: ci(), mean: num("mean"), distribution };
      }
    }
    const provisional = read("provisional");
    const row: KpiSqlRow = {
      kpi,
      group,
      bucket: { start: instant("bucket_start"), end: instant("bucket_end"), label: String(read("bucket_label")) },
      value: num("value"),
      n: count("n"),
      excluded,
      stats,
      ...(typeof provisional === "boolean" ? { provisional } : {}),
    };
    const groupKey = groupBy.map((g) => group[g] ?? "\u0000").join("\u0001");
    return { row, order: count("kpi_order"), groupKey, bucket: count("bucket_index") };
  });
  keyed.sort((a, b) => a.order - b.order || (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0) || a.bucket - b.bucket);
  return keyed.map((k) => k.row);
}
