// Small pieces of SQL text shared by the calendar-table exports. Nothing from a caller reaches SQL
// text unchecked: names are validated identifiers, instants are integers formatted by us.
import type { IssuePath } from "@supportops/core";
import { SlaError } from "../../SlaError.js";

/** The SQL engines the exports target. */
export type SqlDialect = "duckdb" | "postgres";

/** The longest name accepted: PostgreSQL cuts identifiers at 63 bytes, and the functions add 21 characters. */
const MAX_NAME_LENGTH = 40;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A checked table name: an optional schema and the table, each a lowercase identifier. */
export interface SqlName {
  readonly schema: string | null;
  readonly table: string;
}

export function invalidArgument(path: IssuePath, message: string): SlaError {
  return new SlaError("invalid_argument", [{ code: "invalid_argument", path, message }]);
}

/**
 * Reads a table name: `business_calendar` or `analytics.business_calendar`. Only lowercase letters,
 * digits and `_` (not first) are accepted, so the name means the same quoted or unquoted in both
 * engines and can never carry SQL.
 */
export function readSqlName(value: unknown, path: IssuePath): SqlName {
  if (typeof value !== "string") throw invalidArgument(path, `expected a table name such as "business_calendar", got ${typeof value}`);
  const parts = value.split(".");
  const fix = 'use lowercase letters, digits and "_" (not first), optionally after a schema and a dot: "business_calendar", "analytics.support_hours"';
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw invalidArgument(path, `${JSON.stringify(value)} is not a plain SQL identifier; ${fix}`);
  }
  const table = parts[parts.length - 1] as string;
  if (table.length > MAX_NAME_LENGTH) {
    throw invalidArgument(path, `${JSON.stringify(table)} is ${table.length} characters long; use at most ${MAX_NAME_LENGTH}, so that "${table}_business_ms_between" fits PostgreSQL's 63-byte identifiers`);
  }
  return { schema: parts.length === 2 ? (parts[0] as string) : null, table };
}

export function readDialect(value: unknown, path: IssuePath): SqlDialect {
  if (value === "duckdb" || value === "postgres") return value;
  throw invalidArgument(path, `expected "duckdb" or "postgres", got ${JSON.stringify(value)}`);
}

/** The quoted, qualified SQL name of `name` with a suffix: `"analytics"."hours_range"`. */
export function qualified(name: SqlName, suffix = ""): string {
  return (name.schema === null ? "" : `"${name.schema}".`) + `"${name.table}${suffix}"`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** An epoch-ms instant as text both engines read as a UTC instant: `2026-03-09 13:00:00.000+00`. */
export function instantText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+00`;
}

/** A TIMESTAMPTZ literal. */
export function instantLiteral(ms: number): string {
  return `TIMESTAMPTZ '${instantText(ms)}'`;
}

/** A string literal (standard SQL: a quote is doubled; both engines read backslashes literally). */
export function sqlString(value: unknown, path: IssuePath): string {
  if (typeof value !== "string" || value === "" || value.includes("\u0000")) throw invalidArgument(path, "expected a non-empty string without NUL characters");
  return `'${value.replaceAll("'", "''")}'`;
}
