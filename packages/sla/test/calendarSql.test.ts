import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { describePostgres, openDuckDb, openPostgres, type SqlEngine } from "@supportops/test-utils/sql";
import { SlaError, calendar24x7, calendarSql, createCalendar, toCalendarTable } from "@supportops/sla";

// docs/calendars.md's New York example: Monday split shift, a Sunday night shift, DST on 2026-03-08.
const h = [["09:00", "17:00"]] as const;
const ny = createCalendar({
  timeZone: "America/New_York",
  weekly: { mon: [["09:00", "12:30"], ["13:30", "17:00"]], tue: h, wed: h, thu: h, fri: h, sat: [], sun: [["22:00", "06:00"]] },
});
const range = { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" };
const ts = (iso: string): string => `CAST('${iso}' AS TIMESTAMPTZ)`;

describe("toCalendarTable", () => {
  it("lists the maximal open runs, clipped to the range, with running totals", () => {
    const table = toCalendarTable(ny, { from: "2026-03-06T20:00:00Z", to: "2026-03-09T15:00:00Z" });
    expect(table.rows.map((r) => [r.open_start, r.open_end])).toStrictEqual([
      ["2026-03-06T20:00:00.000Z", "2026-03-06T22:00:00.000Z"],
      ["2026-03-09T02:00:00.000Z", "2026-03-09T10:00:00.000Z"],
      ["2026-03-09T13:00:00.000Z", "2026-03-09T15:00:00.000Z"],
    ]);
    expect(table.rows.map((r) => r.business_ms_before)).toStrictEqual([0, 7_200_000, 36_000_000]);
    expect(table.businessMs).toBe(43_200_000);
    expect(table.toCsv().split("\n").slice(0, 2)).toStrictEqual(["open_start,open_end,business_ms_before", "2026-03-06T20:00:00.000Z,2026-03-06T22:00:00.000Z,0"]);
  });

  it("covers a range whose end falls where epoch ms look like epoch seconds (a found counterexample)", () => {
    const table = toCalendarTable(calendar24x7(), { from: new Date(395_200_000), to: new Date(1_000_000_000) });
    expect(table.rows).toStrictEqual([{ open_start: "1970-01-05T13:46:40.000Z", open_end: "1970-01-12T13:46:40.000Z", business_ms_before: 0 }]);
  });

  it("exports a 24×7 calendar as one run", () => {
    expect(toCalendarTable(calendar24x7(), range).rows).toStrictEqual([{ open_start: "2026-03-01T00:00:00.000Z", open_end: "2026-04-01T00:00:00.000Z", business_ms_before: 0 }]);
  });

  it("rejects a name that is not a plain identifier, with its path, and never writes it", () => {
    for (const name of ['x"; DROP TABLE tickets; --', "Hours", "1hours", "a.b.c", "", "hours-x", "a".repeat(41)]) {
      const error = thrownBy(SlaError, () => calendarSql(ny, { dialect: "postgres", ...range, name }));
      expect(error.code).toBe("invalid_argument");
      expect(error.issues[0].path).toStrictEqual(["name"]);
    }
    expect(thrownBy(SlaError, () => calendarSql(ny, { dialect: "postgres", ...range, name: 42 as never })).issues[0].path).toStrictEqual(["name"]);
    expect(calendarSql(ny, { dialect: "postgres", ...range, name: "analytics.support_hours" })).toContain('CREATE TABLE "analytics"."support_hours"');
  });

  it("rejects a bad dialect, range or calendar", () => {
    expect(thrownBy(SlaError, () => calendarSql(ny, { dialect: "mysql" as never, ...range, name: "h" })).issues[0].path).toStrictEqual(["dialect"]);
    expect(thrownBy(SlaError, () => toCalendarTable(ny, { from: range.to, to: range.from })).issues[0].path).toStrictEqual(["to"]);
    expect(thrownBy(SlaError, () => toCalendarTable(ny, { from: "soon", to: range.to })).code).toBe("invalid_time");
    expect(thrownBy(SlaError, () => toCalendarTable({} as never, range)).issues[0].path).toStrictEqual(["calendar"]);
    expect(thrownBy(SlaError, () => toCalendarTable(ny, { from: range.from, to: "2200-01-02T00:00:00Z" })).code).toBe("out_of_range");
  });

  it("quotes a COPY path as a string literal", () => {
    const table = toCalendarTable(ny, range);
    expect(table.copyFromCsvSql({ dialect: "duckdb", name: "h" }, "/data/o'brien.csv")).toBe(`COPY "h" FROM '/data/o''brien.csv' (FORMAT csv, HEADER true);\n`);
  });
});

function engineExamples(open: () => Promise<SqlEngine>): void {
  let engine: SqlEngine;
  let dir: string;
  beforeAll(async () => {
    engine = await open();
    await engine.run(calendarSql(ny, { dialect: engine.dialect, ...range, name: "support_hours" }));
    dir = mkdtempSync(join(tmpdir(), "calendar-table-"));
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("measures and adds business time as the calendar does (docs/calendars.md)", async () => {
    const [row] = await engine.query(`SELECT
      support_hours_business_ms_between(${ts("2026-03-06T16:00:00-05:00")}, ${ts("2026-03-09T10:00:00-04:00")}) AS friday_to_monday,
      support_hours_business_ms_between(${ts("2026-03-09T10:00:00-04:00")}, ${ts("2026-03-06T16:00:00-05:00")}) AS reversed,
      support_hours_add_business_ms(${ts("2026-03-06T16:00:00-05:00")}, 4 * 3600000) AS four_hours_later,
      support_hours_add_business_ms(${ts("2026-03-10T09:00:00-04:00")}, 8 * 3600000) AS eight_hours_later,
      support_hours_add_business_ms(${ts("2026-03-10T10:00:00-04:00")}, -2 * 3600000) AS two_hours_before,
      support_hours_add_business_ms(${ts("2026-03-07T12:00:00-05:00")}, 0) AS plus_zero`);
    expect(row).toStrictEqual({
      friday_to_monday: 36_000_000, // 1 h on Friday + 8 h Sunday night + 1 h Monday morning
      reversed: -36_000_000,
      four_hours_later: new Date("2026-03-09T05:00:00.000Z"), // Mon 01:00 EDT, in the night shift
      eight_hours_later: new Date("2026-03-10T21:00:00.000Z"), // Tue 17:00, the earliest instant
      two_hours_before: new Date("2026-03-09T20:00:00.000Z"), // Mon 16:00 EDT
      plus_zero: new Date("2026-03-07T17:00:00.000Z"),
    });
  });

  it("raises out_of_range outside the table's range, and passes NULL through", async () => {
    await expect(engine.query(`SELECT support_hours_business_ms_between(${ts("2026-02-28T23:59:59.999Z")}, ${ts("2026-03-09T00:00:00Z")})`)).rejects.toThrow(/out_of_range/);
    await expect(engine.query(`SELECT support_hours_add_business_ms(${ts("2026-03-30T12:00:00Z")}, 100 * 3600000)`)).rejects.toThrow(/out_of_range/);
    const [row] = await engine.query(`SELECT support_hours_business_ms_between(NULL, ${ts("2026-03-09T00:00:00Z")}) AS b, support_hours_business_ms_between(${ts("2026-03-01T00:00:00Z")}, ${ts("2026-04-01T00:00:00Z")}) AS whole`);
    expect(row).toStrictEqual({ b: null, whole: ny.businessMsBetween(Date.parse(range.from), Date.parse(range.to)) });
  });

  it("loads the same table from its CSV with COPY", async () => {
    const table = toCalendarTable(ny, range);
    const file = join(dir, "hours.csv");
    writeFileSync(file, table.toCsv());
    // The server reads the file itself: a throwaway cluster runs as another user.
    const { chmodSync } = await import("node:fs");
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    await engine.run(table.createTableSql({ dialect: engine.dialect, name: "from_csv" }) + table.copyFromCsvSql({ dialect: engine.dialect, name: "from_csv" }, file));
    const [row] = await engine.query(
      "SELECT (SELECT count(*) FROM from_csv) AS n, (SELECT count(*) FROM (SELECT * FROM from_csv EXCEPT SELECT * FROM support_hours) AS d) AS differing",
    );
    expect(row).toStrictEqual({ n: table.rows.length, differing: 0 });
  });
}

describe("calendarSql in DuckDB", () => engineExamples(openDuckDb));
describePostgres("calendarSql in PostgreSQL", () => engineExamples(openPostgres));
