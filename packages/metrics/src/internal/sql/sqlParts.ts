// Pieces of SQL text for the warehouse exports. Nothing a caller gives reaches SQL text unchecked:
// names are validated identifiers, instants and numbers are formatted here, labels are quoted.
import type { IssuePath } from "@supportops/core";
import { MetricsError } from "../../MetricsError.js";

/** The SQL engines the exports target. */
export type SqlDialect = "duckdb" | "postgres";

export function sqlArgumentError(path: IssuePath, message: string): MetricsError {
  return new MetricsError("invalid_argument", [{ code: "invalid_argument", path, message }]);
}

export function readDialect(value: unknown, path: IssuePath): SqlDialect {
  if (value === "duckdb" || value === "postgres") return value;
  throw sqlArgumentError(path, `expected "duckdb" or "postgres", got ${JSON.stringify(value)}`);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A table name, `tickets` or `analytics.tickets`, returned quoted (`"analytics"."tickets"`) with a
 * function to name its companions (`"analytics"."hours_range"`). Lowercase letters, digits and `_`
 * only, at most 40 characters: the same name quoted or not, in both engines, and never SQL.
 */
export function readTableName(value: unknown, path: IssuePath): { readonly table: string; readonly withSuffix: (suffix: string) => string } {
  const fix = 'use lowercase letters, digits and "_" (not first), at most 40, optionally after a schema and a dot: "tickets", "analytics.support_hours"';
  if (typeof value !== "string") throw sqlArgumentError(path, `expected a table name; ${fix}`);
  const parts = value.split(".");
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p)) || (parts[parts.length - 1] as string).length > 40) {
    throw sqlArgumentError(path, `${JSON.stringify(value)} is not a plain SQL identifier; ${fix}`);
  }
  const schema = parts.length === 2 ? `"${parts[0] as string}".` : "";
  const last = parts[parts.length - 1] as string;
  return { table: `${schema}"${last}"`, withSuffix: (suffix) => `${schema}"${last}${suffix}"` };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** An epoch-ms instant as a TIMESTAMPTZ literal both engines read as UTC. */
export function instantLiteral(ms: number): string {
  const d = new Date(ms);
  return `CAST('${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+00' AS TIMESTAMPTZ)`;
}

/** A standard SQL string literal. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Epoch milliseconds of a TIMESTAMPTZ expression (sub-millisecond parts dropped). */
export function epochMs(dialect: SqlDialect, expression: string): string {
  return dialect === "duckdb" ? `epoch_ms(${expression})` : `CAST(round(extract(epoch FROM date_trunc('milliseconds', ${expression})) * 1000) AS BIGINT)`;
}

/** The nearest-rank (Hyndman–Fan type 1) percentile `q` of a BIGINT expression; NULLs ignored. */
export function percentileDisc(dialect: SqlDialect, q: number, expression: string): string {
  return dialect === "duckdb" ? `quantile_disc(${expression}, ${q})` : `percentile_disc(${q}) WITHIN GROUP (ORDER BY ${expression})`;
}
