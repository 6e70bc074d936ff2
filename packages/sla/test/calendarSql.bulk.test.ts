// docs/warehouse.md's bulk query (ASOF JOIN in DuckDB), taken from the guide itself and run against
// the calendar: the guide's SQL cannot drift from what works.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDuckDb } from "@supportops/test-utils/sql";
import { calendarSql, createCalendar } from "@supportops/sla";

const guide = readFileSync(new URL("../../../docs/warehouse.md", import.meta.url), "utf8");
const bulkQuery = /### The bulk query in DuckDB[\s\S]*?```sql\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";

const h = [["09:00", "17:00"]] as const;
const officeHours = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: ["2026-04-03"] });

describe("the guide's DuckDB bulk query", () => {
  it("gives the calendar's business time per row, and refuses rows outside the table", async () => {
    expect(bulkQuery).toContain("ASOF LEFT JOIN office_hours");
    const engine = await openDuckDb();
    try {
      await engine.run(calendarSql(officeHours, { dialect: "duckdb", from: "2026-03-01T00:00:00Z", to: "2026-05-01T00:00:00Z", name: "office_hours" }));
      await engine.run("CREATE TABLE tickets (id VARCHAR, created_at TIMESTAMPTZ, first_reply_at TIMESTAMPTZ)");
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < 200; i++) {
        const created = Date.UTC(2026, 2, 1) + ((i * 7_919_333) % (50 * 86_400_000));
        pairs.push([created, created + ((i * 104_729_113) % (6 * 86_400_000))]);
      }
      // Around the spring DST change, on boundaries and inside a holiday.
      pairs.push([Date.parse("2026-03-27T16:59:59.999+01:00"), Date.parse("2026-03-30T09:00:00.001+02:00")], [Date.parse("2026-04-02T12:00:00+02:00"), Date.parse("2026-04-06T10:00:00+02:00")]);
      await engine.run(`INSERT INTO tickets VALUES ${pairs.map(([a, b], i) => `('T-${i}', CAST('${new Date(a).toISOString()}' AS TIMESTAMPTZ), CAST('${new Date(b).toISOString()}' AS TIMESTAMPTZ))`).join(", ")}`);
      const rows = await engine.query(`SELECT * FROM (${bulkQuery.trim().replace(/;$/, "")}) ORDER BY CAST(substr(id, 3) AS INTEGER)`);
      expect(rows.map((r) => r["business_ms_to_first_reply"])).toStrictEqual(pairs.map(([a, b]) => officeHours.businessMsBetween(a, b)));
      await engine.run("INSERT INTO tickets VALUES ('late', CAST('2026-04-30T12:00:00Z' AS TIMESTAMPTZ), CAST('2026-05-02T12:00:00Z' AS TIMESTAMPTZ))");
      await expect(engine.query(bulkQuery)).rejects.toThrow(/out_of_range/);
    } finally {
      await engine.close();
    }
  });
});
