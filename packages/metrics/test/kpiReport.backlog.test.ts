// Backlog in kpiReport (docs/kpis.md, "Reports"): the stock at each bucket's end, when listed.
import { describe, expect, it } from "vitest";
import { generateTicketLogs } from "@supportops/test-utils";
import { accumulatorFromJSON, backlog, createAccumulator, kpiReport, type ReportOptions } from "@supportops/metrics";

const LOGS = generateTicketLogs({ count: 500, seed: 91, kpiExtras: true, start: "2026-03-02", days: 42 });
const options: ReportOptions = { kpis: ["backlog"], period: { from: "2026-03-09", to: "2026-04-13" }, asOf: "2026-04-20", timeZone: "Europe/Berlin", bucket: { unit: "week" } };

describe("backlog in kpiReport", () => {
  it("is, per bucket, backlog at the bucket's end with the report's asOf; grouped rows add up", () => {
    const report = kpiReport(LOGS, options);
    const grouped = kpiReport(LOGS, { ...options, groupBy: ["category"] });
    const ends = [...new Set(kpiReport(LOGS, { ...options, kpis: ["resolution_survival", "backlog"] }).rows.map((r) => r.bucket.end))];
    expect(ends.length).toBe(5); // 2026-W11 … W15, the last one ends at period.to
    for (const end of ends) {
      const expected = backlog(LOGS, { at: end, asOf: report.asOf });
      const row = report.rows.find((r) => r.bucket.end === end);
      if (row === undefined) {
        expect({ value: expected.value, excluded: expected.excluded }).toStrictEqual({ value: 0, excluded: { merged: 0 } });
        continue;
      }
      expect({ value: row.value, n: row.n, excluded: row.excluded, stats: row.stats }).toStrictEqual({ value: expected.value, n: expected.n, excluded: expected.excluded, stats: expected.stats });
      const groups = grouped.rows.filter((r) => r.bucket.end === end);
      expect(groups.reduce((sum, r) => sum + r.n, 0)).toBe(row.n);
      expect(groups.reduce((sum, r) => sum + (r.excluded["merged"] ?? 0), 0)).toBe(row.excluded["merged"]);
    }
    expect(report.rows.every((r) => r.kpi === "backlog")).toBe(true);
    expect(kpiReport(LOGS, { ...options, kpis: undefined as never }).rows.some((r) => r.kpi === "backlog")).toBe(false);
  });

  it("merges exactly through JSON", () => {
    const weekly: ReportOptions = { ...options, kpis: ["backlog", "csat"], groupBy: ["priority"] };
    const whole = createAccumulator(weekly);
    for (const log of LOGS) whole.add(log);
    const a = createAccumulator(weekly);
    const b = createAccumulator(weekly);
    LOGS.forEach((log, i) => (i % 5 < 2 ? a : b).add(log));
    expect(accumulatorFromJSON(JSON.parse(JSON.stringify(a))).merge(b).result()).toStrictEqual(whole.result());
  });
});
