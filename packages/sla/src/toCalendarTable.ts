import { rethrowAs, toEpochMs, type TimeInput } from "@supportops/core";
import type { BusinessCalendar } from "./BusinessCalendar.js";
import { SlaError } from "./SlaError.js";
import { calendarFunctionsSql } from "./internal/sql/calendarFunctions.js";
import { instantLiteral, invalidArgument, qualified, readDialect, readSqlName, sqlString, type SqlDialect } from "./internal/sql/sqlText.js";

/**
 * The SQL engines a calendar table is written for.
 *
 * @example
 * const dialect: SqlDialect = "duckdb";
 */
export type { SqlDialect } from "./internal/sql/sqlText.js";

/**
 * One row of a calendar table: a maximal run of open time `[open_start, open_end)` (UTC ISO-8601
 * instants, as `toISOString` writes them) and the business time of every run before it in the table.
 *
 * @example
 * const row: CalendarTableRow = { open_start: "2026-03-09T13:00:00.000Z", open_end: "2026-03-09T21:00:00.000Z", business_ms_before: 28800000 };
 */
export interface CalendarTableRow {
  readonly open_start: string;
  readonly open_end: string;
  readonly business_ms_before: number;
}

/**
 * Where a calendar table goes: its dialect and its name (`business_calendar`, or with a schema,
 * `analytics.business_calendar`; lowercase letters, digits and `_`, at most 40 characters).
 *
 * @example
 * const target: CalendarTableTarget = { dialect: "postgres", name: "analytics.support_hours" };
 */
export interface CalendarTableTarget {
  readonly dialect: SqlDialect;
  readonly name: string;
}

/**
 * A calendar's open time over `[from, to)` as the rows of a SQL table, with the SQL that creates,
 * fills and queries it. See docs/warehouse.md.
 *
 * @example
 * const table: CalendarTable = toCalendarTable(createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } }), { from: "2026-03-02T00:00:00Z", to: "2026-03-16T00:00:00Z" });
 * table.rows.length; // => 2
 * table.businessMs;  // => 57600000
 */
export interface CalendarTable {
  /** The start of the range the table covers (epoch ms). */
  readonly from: number;
  /** The end of the range (epoch ms, excluded from the open time; accepted as the end of a span). */
  readonly to: number;
  /** The open runs meeting `[from, to)`, clipped to it, in order. */
  readonly rows: ReadonlyArray<CalendarTableRow>;
  /** The business time in `[from, to)`. */
  readonly businessMs: number;
  /**
   * The rows as CSV (header `open_start,open_end,business_ms_before`, LF line ends), for `COPY … FROM`.
   *
   * @example
   * table.toCsv().split("\n")[0]; // => "open_start,open_end,business_ms_before"
   */
  toCsv(): string;
  /**
   * `CREATE TABLE` for the table (btree on `open_start` and on `business_ms_before` in PostgreSQL) and
   * for `<name>_range`, a one-row table holding `[from, to]`, filled.
   *
   * @example
   * table.createTableSql({ dialect: "duckdb", name: "support_hours" }).startsWith('CREATE TABLE "support_hours"'); // => true
   */
  createTableSql(target: CalendarTableTarget): string;
  /**
   * `INSERT` statements holding every row (the table must exist).
   *
   * @example
   * table.insertSql({ dialect: "postgres", name: "support_hours" }).startsWith('INSERT INTO "support_hours"'); // => true
   */
  insertSql(target: CalendarTableTarget): string;
  /**
   * A `COPY` that loads {@link CalendarTable.toCsv}'s output from a file the engine can read.
   *
   * @example
   * table.copyFromCsvSql({ dialect: "duckdb", name: "support_hours" }, "/data/hours.csv");
   * // => `COPY "support_hours" FROM '/data/hours.csv' (FORMAT csv, HEADER true);\n`
   */
  copyFromCsvSql(target: CalendarTableTarget, path: string): string;
  /**
   * The functions (macros in DuckDB) `<name>_business_ms_at`, `<name>_business_ms_between` and
   * `<name>_add_business_ms` over the table.
   *
   * @example
   * table.functionsSql({ dialect: "postgres", name: "support_hours" }).includes('"support_hours_add_business_ms"'); // => true
   */
  functionsSql(target: CalendarTableTarget): string;
}

/**
 * The range of a calendar table: instants, `from` before `to`.
 *
 * @example
 * const range: CalendarTableRange = { from: "2025-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z" };
 */
export interface CalendarTableRange {
  readonly from: TimeInput;
  readonly to: TimeInput;
}

const INSERT_BATCH = 1000;

/**
 * Exports a calendar's open time over `[from, to)` as a SQL table: one row per maximal open run
 * (clipped to the range) with the running total of business time before it — what a warehouse needs
 * to measure and add business time exactly as the calendar does (docs/calendars.md), without knowing
 * time zones or DST. Load it with {@link CalendarTable.createTableSql} and
 * {@link CalendarTable.insertSql} or {@link CalendarTable.copyFromCsvSql}, then create the functions;
 * {@link calendarSql} does all of it in one script.
 *
 * @param calendar - a calendar made by this package (`createCalendar`, `calendar24x7`, a union or intersection)
 * @param range - `{ from, to }`: the instants the table covers; queries outside it raise an error
 * @returns the table
 * @throws {@link SlaError} `invalid_argument` for a missing calendar or `to` not after `from`;
 *   `invalid_time` for an instant that names none; `out_of_range` outside 1970–2200
 * @example
 * const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
 * const table = toCalendarTable(cal, { from: "2026-03-02T00:00:00Z", to: "2026-03-16T00:00:00Z" });
 * table.rows[1]; // => { open_start: "2026-03-09T13:00:00.000Z", open_end: "2026-03-09T21:00:00.000Z", business_ms_before: 28800000 }
 */
export function toCalendarTable(calendar: BusinessCalendar, range: CalendarTableRange): CalendarTable {
  if (typeof calendar !== "object" || calendar === null || typeof (calendar as Partial<BusinessCalendar>).openIntervals !== "function") {
    throw invalidArgument(["calendar"], "expected a calendar made by createCalendar, calendar24x7, intersectCalendars or unionCalendars");
  }
  if (typeof range !== "object" || range === null) throw invalidArgument(["range"], "expected { from, to }: the instants the table covers");
  const from = rethrowAs(SlaError, () => toEpochMs(range.from, ["from"]), [], "invalid_argument");
  const to = rethrowAs(SlaError, () => toEpochMs(range.to, ["to"]), [], "invalid_argument");
  if (to <= from) throw invalidArgument(["to"], "the range is [from, to): give a `to` after `from`");
  let before = 0;
  // Dates, not numbers: openIntervals refuses epoch ms in [1e9, 1e10) as likely epoch seconds, and these are checked instants.
  const rows: CalendarTableRow[] = calendar.openIntervals(new Date(from), new Date(to)).map((run) => {
    const row = { open_start: run.start.toISOString(), open_end: run.end.toISOString(), business_ms_before: before };
    before += run.end.getTime() - run.start.getTime();
    return Object.freeze(row);
  });
  const businessMs = before;
  const startMs = (row: CalendarTableRow): number => Date.parse(row.open_start);
  const endMs = (row: CalendarTableRow): number => Date.parse(row.open_end);
  const table: CalendarTable = {
    from,
    to,
    rows: Object.freeze(rows),
    businessMs,
    toCsv() {
      return ["open_start,open_end,business_ms_before", ...rows.map((r) => `${r.open_start},${r.open_end},${r.business_ms_before}`)].join("\n") + "\n";
    },
    createTableSql(target) {
      const { dialect, name } = readTarget(target);
      const main = qualified(name);
      const columns =
        dialect === "postgres"
          ? "open_start timestamptz PRIMARY KEY, open_end timestamptz NOT NULL, business_ms_before bigint NOT NULL UNIQUE, CHECK (open_end > open_start)"
          : "open_start TIMESTAMPTZ PRIMARY KEY, open_end TIMESTAMPTZ NOT NULL, business_ms_before BIGINT NOT NULL";
      return (
        `CREATE TABLE ${main} (${columns});\n` +
        `CREATE TABLE ${qualified(name, "_range")} (range_from ${dialect === "postgres" ? "timestamptz" : "TIMESTAMPTZ"} NOT NULL, range_to ${dialect === "postgres" ? "timestamptz" : "TIMESTAMPTZ"} NOT NULL);\n` +
        `INSERT INTO ${qualified(name, "_range")} VALUES (${instantLiteral(from)}, ${instantLiteral(to)});\n`
      );
    },
    insertSql(target) {
      const { name } = readTarget(target);
      const out: string[] = [];
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const values = rows.slice(i, i + INSERT_BATCH).map((r) => `(${instantLiteral(startMs(r))}, ${instantLiteral(endMs(r))}, ${r.business_ms_before})`);
        out.push(`INSERT INTO ${qualified(name)} (open_start, open_end, business_ms_before) VALUES\n  ${values.join(",\n  ")};\n`);
      }
      return out.join("");
    },
    copyFromCsvSql(target, path) {
      const { dialect, name } = readTarget(target);
      const file = sqlString(path, ["path"]);
      return dialect === "postgres"
        ? `COPY ${qualified(name)} (open_start, open_end, business_ms_before) FROM ${file} WITH (FORMAT csv, HEADER true);\n`
        : `COPY ${qualified(name)} FROM ${file} (FORMAT csv, HEADER true);\n`;
    },
    functionsSql(target) {
      const { dialect, name } = readTarget(target);
      return calendarFunctionsSql(dialect, name, from, to);
    },
  };
  return Object.freeze(table);
}

function readTarget(target: CalendarTableTarget): { dialect: SqlDialect; name: ReturnType<typeof readSqlName> } {
  if (typeof target !== "object" || target === null) throw invalidArgument([], 'expected { dialect: "duckdb" | "postgres", name }');
  return { dialect: readDialect(target.dialect, ["dialect"]), name: readSqlName(target.name, ["name"]) };
}

