import type { IssuePath } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { ReportBucketOption } from "./createAccumulator.js";
import { bucketsOf, type BucketSpec } from "./internal/buckets.js";
import { GROUP_ATTRIBUTES, type GroupAttribute } from "./internal/engine.js";
import { resolveOptions } from "./internal/resolveOptions.js";
import { buildKpiSql, type SqlKpiId } from "./internal/sql/buildKpiSql.js";
import { readDialect, readTableName, sqlArgumentError, type SqlDialect } from "./internal/sql/sqlParts.js";

/**
 * The calendar-time KPIs {@link kpiSql} computes: the period KPIs a `TicketRow` can answer. With the
 * `calendarTable` option it also computes their business-hours variants `first_response_time_business`
 * and `resolution_time_business` (see {@link SqlReportKpi}).
 *
 * @example
 * SQL_KPI_IDS.includes("reopen_rate"); // => true
 */
export const SQL_KPI_IDS = ["tickets_resolved", "first_response_time", "resolution_time", "first_contact_resolution", "reopen_rate", "csat"] as const;

/**
 * One of {@link SQL_KPI_IDS}.
 *
 * @example
 * const kpi: SqlKpi = "first_response_time";
 */
export type SqlKpi = (typeof SQL_KPI_IDS)[number];

/**
 * A KPI {@link kpiSql} computes and its rows carry: one of {@link SQL_KPI_IDS}, or (with `calendarTable`)
 * a business-hours variant.
 *
 * @example
 * const kpi: SqlReportKpi = "resolution_time_business";
 */
export type SqlReportKpi = SqlKpiId;

const BUSINESS_SQL_KPIS = ["first_response_time_business", "resolution_time_business"] as const;
const SQL_REPORT_KPIS: ReadonlyArray<SqlReportKpi> = [...SQL_KPI_IDS, ...BUSINESS_SQL_KPIS];

/**
 * Options of {@link kpiSql}: those of `kpiReport` (period, zone, `asOf`, window, `minN`,
 * `mergedInFails`, `kpis`, `groupBy`, `bucket`), the tables to read, and — where `kpiReport` takes a
 * calendar object — the name of a calendar table for business-hours durations.
 *
 * @example
 * const options: KpiSqlOptions = {
 *   period: { from: "2026-01-05", to: "2026-03-02" }, timeZone: "Europe/Berlin",
 *   kpis: ["tickets_resolved", "first_response_time", "first_response_time_business"], groupBy: ["category"], bucket: { unit: "week" },
 *   calendarTable: "support_hours",
 * };
 */
export interface KpiSqlOptions extends Omit<KpiOptions, "calendar"> {
  /**
   * Which KPIs, in the order of the rows, as in `kpiReport`. Default: every one of {@link SQL_KPI_IDS},
   * then, with `calendarTable`, `first_response_time_business` and `resolution_time_business`. The
   * business-hours variants can be listed only with `calendarTable`.
   */
  readonly kpis?: ReadonlyArray<SqlReportKpi>;
  /** Attributes to group by (the row's values at `asOf`). */
  readonly groupBy?: ReadonlyArray<GroupAttribute>;
  /** Local weeks or months in `timeZone`; default one bucket, the whole period. */
  readonly bucket?: ReportBucketOption;
  /** The table of `TicketRow`s (see {@link ticketsTableSql}). Default `"tickets"`. */
  readonly tickets?: string;
  /**
   * The name of a calendar table made by `@supportops/sla`'s `calendarSql` (with its functions) in the
   * same database, playing the part of `kpiReport`'s `calendar`: `first_response_time_business` and
   * `resolution_time_business` measure business ms on it (and are added to the default KPIs). The
   * table must cover every instant those durations read.
   */
  readonly calendarTable?: string;
}

/**
 * Which engine {@link kpiSql} writes for.
 *
 * @example
 * const target: KpiSqlTarget = { dialect: "postgres" };
 */
export interface KpiSqlTarget {
  readonly dialect: SqlDialect;
}

function readList<T extends string>(value: unknown, allowed: ReadonlyArray<T>, path: IssuePath, hint: (item: unknown) => string): T[] {
  if (!Array.isArray(value)) throw sqlArgumentError(path, `expected an array of ${allowed.join(", ")}`);
  value.forEach((item, i) => {
    if (!(allowed as ReadonlyArray<unknown>).includes(item)) throw sqlArgumentError([...path, i], hint(item));
  });
  return [...new Set(value as T[])];
}

function readBucket(value: unknown): BucketSpec | null {
  if (value === undefined) return null;
  const b = value as Partial<ReportBucketOption> | null;
  if (typeof b !== "object" || b === null || (b.unit !== "week" && b.unit !== "month")) throw sqlArgumentError(["bucket"], 'expected { unit: "week" } or { unit: "month" }');
  const weekStart = b.weekStart ?? 1;
  if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7 || (b.unit === "month" && b.weekStart !== undefined)) {
    throw sqlArgumentError(["bucket", "weekStart"], "expected an ISO weekday number, 1 (Monday) to 7 (Sunday), for weeks only");
  }
  return { unit: b.unit, weekStart };
}

/**
 * Writes one SQL query that computes, inside DuckDB or PostgreSQL, the rows `kpiReport` computes from
 * the same `TicketRow`s: counts, medians and p90 by nearest rank (`percentile_disc`), rates with their
 * Wilson intervals, every rule of docs/kpis.md ("KPIs from rows") — and, with a calendar table,
 * business-hours durations. Week and month buckets come from a table of instants written into the
 * query by this library, so no engine's time-zone database is consulted. The query reads the table
 * described by {@link ticketsTableSql}; {@link kpiRowsFromSql} turns its result rows into report rows.
 * Only nearest-rank percentiles are available in SQL (`percentile: "linear"` is refused).
 *
 * @param options - the report options, plus `tickets` and `calendarTable` table names
 * @param target - `{ dialect: "duckdb" | "postgres" }`
 * @returns the query (one `WITH … SELECT`), ordered by KPI, group and bucket
 * @throws {@link MetricsError} `invalid_argument` for a bad option (`["kpis", i]`, `["calendarTable"]`,
 *   `["tickets"]`, `["percentile"]`, `["dialect"]` …), and the errors of `kpiReport`'s options
 * @example
 * const sql = kpiSql({ period: { from: "2026-01-05", to: "2026-01-19" }, kpis: ["tickets_resolved"], bucket: { unit: "week" } }, { dialect: "duckdb" });
 * sql.startsWith("WITH"); // => true
 */
export function kpiSql(options: KpiSqlOptions, target: KpiSqlTarget): string {
  const o = resolveOptions(options, "kpiSql({ period: { from, to }, … }, { dialect })");
  if (typeof target !== "object" || target === null) throw sqlArgumentError([], 'expected a target { dialect: "duckdb" | "postgres" }');
  const dialect = readDialect(target.dialect, ["dialect"]);
  if (o.percentile !== "nearestRank") throw sqlArgumentError(["percentile"], 'kpiSql computes nearest-rank percentiles only (percentile_disc); leave percentile unset or "nearestRank"');
  const raw = options as KpiSqlOptions;
  if ((raw as { calendar?: unknown }).calendar !== undefined) {
    throw sqlArgumentError(["calendar"], "kpiSql reads business hours from a calendar table: give its name as calendarTable (made by calendarSql from @supportops/sla)");
  }
  const calendar = raw.calendarTable === undefined ? null : readTableName(raw.calendarTable, ["calendarTable"]);
  const kpis: SqlKpiId[] =
    raw.kpis === undefined
      ? [...SQL_KPI_IDS, ...(calendar === null ? [] : BUSINESS_SQL_KPIS)]
      : readList(raw.kpis, SQL_REPORT_KPIS, ["kpis"], (item) =>
          item === "resolution_survival" || item === "backlog"
            ? `${String(item)} is not available in SQL yet; compute it with the library's ${item === "backlog" ? "backlog" : "resolutionSurvival"}`
            : `unknown ${JSON.stringify(item)}; use one of ${SQL_REPORT_KPIS.join(", ")}`,
        );
  if (calendar === null && raw.kpis !== undefined) {
    const i = raw.kpis.findIndex((k) => (BUSINESS_SQL_KPIS as ReadonlyArray<string>).includes(k));
    if (i >= 0) throw sqlArgumentError(["kpis", i], `${raw.kpis[i] as string} measures business hours: give the calendar table's name as calendarTable (made by calendarSql from @supportops/sla)`);
  }
  const groupBy = raw.groupBy === undefined ? [] : readList(raw.groupBy, GROUP_ATTRIBUTES, ["groupBy"], (item) => `unknown ${JSON.stringify(item)}; use one of ${GROUP_ATTRIBUTES.join(", ")}`);
  const tickets = readTableName(raw.tickets ?? "tickets", ["tickets"]);
  return buildKpiSql({
    dialect,
    kpis,
    options: o,
    groupBy,
    buckets: bucketsOf(o.from, o.to, o.timeZone, readBucket(raw.bucket)),
    tickets: tickets.table,
    // Only business-hours KPIs read the calendar table (in DuckDB through ASOF JOINs).
    calendar: kpis.some((k) => (BUSINESS_SQL_KPIS as ReadonlyArray<string>).includes(k)) ? calendar : null,
  });
}
