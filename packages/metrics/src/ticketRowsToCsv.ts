import { TICKET_ROW_COLUMNS, type TicketRow } from "./TicketRow.js";
import { requireIterable } from "./internal/requireIterable.js";

const cell = (value: string | number | null): string => {
  if (value === null) return "";
  const text = String(value);
  // An empty string is written as an empty field, NULL to COPY: the library reads "" as null too.
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Writes `TicketRow`s as CSV (RFC 4180, LF line ends) with the `TICKET_ROW_COLUMNS` header: instants
 * as UTC ISO strings, `null` (and `""`, which the library reads as `null`) as an empty field — the file `COPY` loads into the table of
 * {@link ticketsTableSql} in DuckDB and PostgreSQL, and `readTicketRows` reads back.
 *
 * @param rows - the rows (e.g. from `ticketRowsFromLogs`)
 * @returns the CSV text
 * @throws {@link MetricsError} `invalid_argument` when `rows` is not iterable
 * @example
 * ticketRowsToCsv([]).startsWith("id,created_at,created_by,"); // => true
 */
export function ticketRowsToCsv(rows: Iterable<TicketRow>): string {
  const lines = [TICKET_ROW_COLUMNS.join(",")];
  for (const row of requireIterable(rows)) lines.push(TICKET_ROW_COLUMNS.map((c) => cell(row[c])).join(","));
  return lines.join("\n") + "\n";
}
