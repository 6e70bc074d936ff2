import type { BusinessCalendar } from "./BusinessCalendar.js";
import { toCalendarTable, type CalendarTableRange, type SqlDialect } from "./toCalendarTable.js";
import { invalidArgument } from "./internal/sql/sqlText.js";

/**
 * Options of {@link calendarSql}: the engine, the range the table covers, and the table's name.
 *
 * @example
 * const options: CalendarSqlOptions = { dialect: "postgres", from: "2025-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z", name: "support_hours" };
 */
export interface CalendarSqlOptions extends CalendarTableRange {
  readonly dialect: SqlDialect;
  /** The table's name: lowercase letters, digits and `_` (at most 40), optionally after `schema.`. */
  readonly name: string;
}

/**
 * One SQL script that, run in DuckDB or PostgreSQL, creates a calendar's table over `[from, to)` with
 * its rows, and the functions (DuckDB macros) `<name>_business_ms_between(a, b) → BIGINT` and
 * `<name>_add_business_ms(t, ms) → TIMESTAMPTZ` (plus the helper `<name>_business_ms_at(t)`, business
 * ms from `from` to `t`), with the calendar's own semantics: half-open intervals, elapsed time signed,
 * the earliest instant when adding (docs/calendars.md). An instant outside `[from, to]`, or a sum that
 * would leave it, raises an error beginning `out_of_range:`. PostgreSQL's functions search btree
 * indexes (O(log n) a call); DuckDB's macros scan the table, so for bulk work join with `ASOF JOIN`
 * (docs/warehouse.md).
 *
 * @param calendar - a calendar made by this package
 * @param options - `{ dialect, from, to, name }`
 * @returns the script (semicolon-separated statements)
 * @throws {@link SlaError} `invalid_argument` (path `["name"]` for a name that is not a plain
 *   identifier, `["dialect"]`, `["to"]`); `invalid_time`; `out_of_range`
 * @example
 * const cal = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * const script = calendarSql(cal, { dialect: "duckdb", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", name: "support_hours" });
 * // run it, then: SELECT support_hours_business_ms_between(TIMESTAMPTZ '2026-03-02 08:00:00+00', TIMESTAMPTZ '2026-03-02 10:00:00+00'); → 7200000 (09:00–11:00 in Berlin)
 * script.includes('CREATE OR REPLACE MACRO "support_hours_add_business_ms"'); // => true
 */
export function calendarSql(calendar: BusinessCalendar, options: CalendarSqlOptions): string {
  if (typeof options !== "object" || options === null) throw invalidArgument([], 'expected options { dialect: "duckdb" | "postgres", from, to, name }');
  const target = { dialect: options.dialect, name: options.name };
  const table = toCalendarTable(calendar, { from: options.from, to: options.to });
  // The target is checked before any SQL is written.
  const create = table.createTableSql(target);
  return create + table.insertSql(target) + table.functionsSql(target);
}
