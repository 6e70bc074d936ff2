import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { openDuckDb } from "@supportops/test-utils/sql";
import { MetricsError, kpiRowsFromSql, kpiSql, readTicketRows, ticketRowsFromLogs, ticketRowsToCsv, ticketsTableSql } from "@supportops/metrics";
import { loadTickets, sqlRows } from "./support/warehouse.js";

const period = { from: "2026-01-05", to: "2026-01-19" };

/** A minimal RFC 4180 reader for the round trip (quoted fields, doubled quotes, commas inside). */
function parseCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\n") record.push(field), records.push(record), (record = []), (field = "");
    else field += ch;
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries((header ?? []).map((c, i) => [c, r[i] ?? ""])));
}

describe("kpiSql", () => {
  it("refuses names that are not plain identifiers, with their path", () => {
    for (const [key, value] of [["tickets", 'tickets"; DROP TABLE x; --'], ["calendarTable", "Office Hours"], ["tickets", "a.b.c"], ["calendarTable", 7]] as const) {
      const error = thrownBy(MetricsError, () => kpiSql({ period, [key]: value } as never, { dialect: "duckdb" }));
      expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_argument", [key]]);
    }
  });

  it("refuses what SQL does not compute yet, saying what to use", () => {
    const linear = thrownBy(MetricsError, () => kpiSql({ period, percentile: "linear" }, { dialect: "postgres" }));
    expect(linear.issues[0].path).toStrictEqual(["percentile"]);
    const survival = thrownBy(MetricsError, () => kpiSql({ period, kpis: ["resolution_survival" as never] }, { dialect: "postgres" }));
    expect([survival.issues[0].path, survival.issues[0].message]).toStrictEqual([["kpis", 0], "resolution_survival is not available in SQL yet; compute it with the library's resolutionSurvival"]);
    expect(thrownBy(MetricsError, () => kpiSql({ period }, { dialect: "sqlite" as never })).issues[0].path).toStrictEqual(["dialect"]);
    expect(thrownBy(MetricsError, () => kpiSql({ period: { from: period.to, to: period.from } }, { dialect: "duckdb" })).issues[0].code).toBe("empty_period");
    expect(thrownBy(MetricsError, () => kpiSql({ period, groupBy: ["team" as never] }, { dialect: "duckdb" })).issues[0].path).toStrictEqual(["groupBy", 0]);
  });

  it("lists KPIs like kpiReport: business-hours variants by default and when listed, only with a calendar table", () => {
    const order = (sql: string): string[] => [...sql.matchAll(/WHEN \d+ THEN '([a-z_]+)'/g)].map((m) => m[1] as string);
    expect(order(kpiSql({ period, kpis: ["first_response_time", "csat"] }, { dialect: "duckdb" }))).toStrictEqual(["first_response_time", "csat"]);
    expect(order(kpiSql({ period, kpis: ["first_response_time", "csat"], calendarTable: "hours" }, { dialect: "duckdb" }))).toStrictEqual(["first_response_time", "csat"]);
    expect(order(kpiSql({ period, kpis: ["resolution_time_business", "resolution_time", "first_response_time"], calendarTable: "hours" }, { dialect: "postgres" }))).toStrictEqual([
      "resolution_time_business",
      "resolution_time",
      "first_response_time",
    ]);
    expect(order(kpiSql({ period, calendarTable: "hours" }, { dialect: "duckdb" })).slice(-3)).toStrictEqual(["csat", "first_response_time_business", "resolution_time_business"]);
    const noTable = thrownBy(MetricsError, () => kpiSql({ period, kpis: ["csat", "first_response_time_business"] }, { dialect: "duckdb" }));
    expect([noTable.code, noTable.issues[0].path]).toStrictEqual(["invalid_argument", ["kpis", 1]]);
    // kpiReport's calendar is an object; kpiSql's is a table name, under another option name.
    const old = thrownBy(MetricsError, () => kpiSql({ period, calendar: "hours" } as never, { dialect: "duckdb" }));
    expect([old.issues[0].path, old.issues[0].message]).toStrictEqual([["calendar"], "kpiSql reads business hours from a calendar table: give its name as calendarTable (made by calendarSql from @supportops/sla)"]);
  });

  it("rejects result rows it did not write", () => {
    expect(thrownBy(MetricsError, () => kpiRowsFromSql([{ kpi: "nps" }], {})).issues[0].path).toStrictEqual([0, "kpi"]);
    expect(kpiRowsFromSql([], {})).toStrictEqual([]);
  });
});

describe("ticketRowsToCsv and ticketsTableSql", () => {
  it("write rows a CSV reader gives back unchanged, quoting what needs it", () => {
    const rows = ticketRowsFromLogs(generateTicketLogs({ count: 40, seed: 3, kpiExtras: true }), { asOf: "2026-03-01T00:00:00Z" });
    const odd = { ...(rows[0] as (typeof rows)[number]), id: 'T-"1", odd', category: "billing, refunds" };
    const csv = ticketRowsToCsv([odd, ...rows]);
    expect(readTicketRows(parseCsv(csv))).toStrictEqual({ rows: [odd, ...rows], problems: [] });
  });

  it("quotes the COPY path and checks the table name", () => {
    expect(ticketsTableSql({ dialect: "duckdb", name: "raw.tickets", csvPath: "/data/o'hara.csv" })).toContain(`COPY "raw"."tickets" FROM '/data/o''hara.csv' (FORMAT csv, HEADER true);`);
    expect(thrownBy(MetricsError, () => ticketsTableSql({ dialect: "duckdb", name: "tickets;--" })).issues[0].path).toStrictEqual(["name"]);
  });
});

describe("Parquet through DuckDB", () => {
  it("a tickets table written to Parquet and read back gives the same report", async () => {
    const engine = await openDuckDb();
    const dir = mkdtempSync(join(tmpdir(), "parquet-"));
    try {
      const rows = ticketRowsFromLogs(generateTicketLogs({ count: 300, seed: 11, kpiExtras: true }), { asOf: "2026-02-16T00:00:00Z" });
      const tickets = await loadTickets(engine, rows);
      const file = join(dir, "tickets.parquet");
      await engine.run(`COPY ${tickets} TO '${file}' (FORMAT parquet); CREATE TABLE from_parquet AS SELECT * FROM read_parquet('${file}');`);
      const options = { period: { from: "2026-01-05", to: "2026-02-02" }, asOf: "2026-02-16", timeZone: "Europe/Berlin", groupBy: ["priority"], bucket: { unit: "week" } } as const;
      const fromCsv = await sqlRows(engine, { ...options, tickets });
      expect(fromCsv.length).toBeGreaterThan(20);
      expect(await sqlRows(engine, { ...options, tickets: "from_parquet" })).toStrictEqual(fromCsv);
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
