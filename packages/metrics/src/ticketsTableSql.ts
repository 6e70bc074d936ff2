import { TICKET_ROW_COLUMNS } from "./TicketRow.js";
import { readDialect, readTableName, sqlArgumentError, stringLiteral, type SqlDialect } from "./internal/sql/sqlParts.js";

/**
 * Where a table of `TicketRow`s goes, and, optionally, a CSV file (written by
 * {@link ticketRowsToCsv}, or any CSV with the `TicketRow` header) to `COPY` into it.
 *
 * @example
 * const target: TicketsTableTarget = { dialect: "duckdb", name: "tickets", csvPath: "/data/ticket-rows.csv" };
 */
export interface TicketsTableTarget {
  readonly dialect: SqlDialect;
  /** Default `"tickets"`; lowercase letters, digits and `_`, optionally after `schema.`. */
  readonly name?: string;
  /** A CSV file the engine can read (for PostgreSQL, on the server). */
  readonly csvPath?: string;
}

const TYPES: Readonly<Record<(typeof TICKET_ROW_COLUMNS)[number], string>> = {
  id: "VARCHAR NOT NULL",
  created_at: "TIMESTAMPTZ NOT NULL",
  created_by: "VARCHAR NOT NULL",
  channel: "VARCHAR",
  priority: "VARCHAR",
  category: "VARCHAR",
  status: "VARCHAR NOT NULL",
  response_start_at: "TIMESTAMPTZ",
  first_reply_at: "TIMESTAMPTZ",
  first_resolved_at: "TIMESTAMPTZ",
  latest_resolved_at: "TIMESTAMPTZ",
  last_reopened_at: "TIMESTAMPTZ",
  reopen_count: "INTEGER NOT NULL",
  public_agent_replies: "INTEGER NOT NULL",
  csat_score: "INTEGER",
  csat_scale_max: "INTEGER",
  csat_at: "TIMESTAMPTZ",
  merged_into: "VARCHAR",
  merged_at: "TIMESTAMPTZ",
};

/**
 * `CREATE TABLE` for the `tickets` table {@link kpiSql} reads — one column per `TicketRow` column, in
 * `TICKET_ROW_COLUMNS` order (instants as `TIMESTAMPTZ`, counts as `INTEGER`) — and, given a
 * `csvPath`, the `COPY` that loads a `TicketRow` CSV into it (empty fields are NULL).
 *
 * @param target - `{ dialect, name?, csvPath? }`
 * @returns the SQL script
 * @throws {@link MetricsError} `invalid_argument` for a bad dialect, name or path
 * @example
 * ticketsTableSql({ dialect: "postgres" }).startsWith('CREATE TABLE "tickets" (id VARCHAR NOT NULL'); // => true
 */
export function ticketsTableSql(target: TicketsTableTarget): string {
  if (typeof target !== "object" || target === null) throw sqlArgumentError([], 'expected { dialect: "duckdb" | "postgres", name?, csvPath? }');
  const dialect = readDialect(target.dialect, ["dialect"]);
  const { table } = readTableName(target.name ?? "tickets", ["name"]);
  let sql = `CREATE TABLE ${table} (${TICKET_ROW_COLUMNS.map((c) => `${c} ${TYPES[c]}`).join(", ")});\n`;
  if (target.csvPath !== undefined) {
    if (typeof target.csvPath !== "string" || target.csvPath === "" || target.csvPath.includes("\u0000")) throw sqlArgumentError(["csvPath"], "expected a file path");
    const file = stringLiteral(target.csvPath);
    sql +=
      dialect === "postgres"
        ? `COPY ${table} (${TICKET_ROW_COLUMNS.join(", ")}) FROM ${file} WITH (FORMAT csv, HEADER true);\n`
        : `COPY ${table} FROM ${file} (FORMAT csv, HEADER true);\n`;
  }
  return sql;
}
