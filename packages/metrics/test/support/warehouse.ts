// Loads TicketRows into a real engine the way docs/warehouse.md says (CSV + COPY), runs kpiSql and
// reads the rows back.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlEngine } from "@supportops/test-utils/sql";
import { kpiRowsFromSql, kpiSql, ticketRowsToCsv, ticketsTableSql, type KpiSqlOptions, type KpiSqlRow, type TicketRow } from "@supportops/metrics";

let loads = 0;

/** Writes the rows to a CSV file and COPYs them into a new table; returns its name. */
export async function loadTickets(engine: SqlEngine, rows: ReadonlyArray<TicketRow>): Promise<string> {
  loads += 1;
  const name = `tickets_${loads}`;
  const dir = mkdtempSync(join(tmpdir(), "tickets-"));
  try {
    const file = join(dir, "tickets.csv");
    writeFileSync(file, ticketRowsToCsv(rows));
    // A PostgreSQL server reads the file itself, as its own user.
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    await engine.run(ticketsTableSql({ dialect: engine.dialect, name, csvPath: file }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return name;
}

export async function sqlRows(engine: SqlEngine, options: KpiSqlOptions): Promise<KpiSqlRow[]> {
  return kpiRowsFromSql(await engine.query(kpiSql(options, { dialect: engine.dialect })), options);
}
