// The humanised renderings for terminals, REPLs and notebooks: units, n beside every value, escaping.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { csat, firstResponseTime, humanizeDuration, humanizeShare, kpiReport, toHtml, toInspectable, toTableRows } from "@supportops/metrics";
import { numRuns } from "@supportops/test-utils";
import { created, rated, reply, status, ticket } from "./support/tickets.js";

const period = { from: "2026-03-01", to: "2026-04-01" } as const;

describe("humanizeDuration", () => {
  it("writes the two largest units, rounded to the smaller one", () => {
    expect([0, 450, 1_000, 45_000, 90_000, 8_100_000, 7_199_000, 86_400_000, 273_600_000, null].map((ms) => humanizeDuration(ms))).toStrictEqual([
      "0 ms", "450 ms", "1 s", "45 s", "1 m 30 s", "2 h 15 m", "2 h", "1 d", "3 d 4 h", "—",
    ]);
  });
  it("stops at a largest unit when asked (business time: no 24-hour days)", () => {
    expect([45_000, 8_100_000, 136_800_000, 137_100_000].map((ms) => humanizeDuration(ms, { largestUnit: "h" }))).toStrictEqual(["45 s", "2 h 15 m", "38 h", "38 h 5 m"]);
    expect(humanizeDuration(8_100_000, { largestUnit: "m" })).toBe("135 m");
  });
  test.prop([fc.integer({ min: 1_000, max: 400 * 86_400_000 })], { numRuns: numRuns(200) })("never writes a smaller unit's full count (no '60 m')", (ms) => {
    const text = humanizeDuration(ms);
    const parts = [...text.matchAll(/(\d+) ([dhms])\b/g)].map((m) => ({ n: Number(m[1]), unit: m[2] }));
    const limit: Record<string, number> = { h: 24, m: 60, s: 60 };
    expect(parts.slice(1).every((p) => p.n < (limit[p.unit ?? ""] ?? Infinity))).toBe(true);
    // The text reads back to within half the smaller unit.
    const unitMs: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
    const read = parts.reduce((sum, p) => sum + p.n * (unitMs[p.unit ?? ""] ?? 0), 0);
    const smallest = Math.min(...parts.map((p) => unitMs[p.unit ?? ""] ?? 0));
    const granularity = parts.length === 1 ? unitMs[{ d: "h", h: "m", m: "s", s: "s" }[parts[0]?.unit ?? "s"] ?? "s"] ?? 1_000 : smallest;
    expect(Math.abs(read - ms)).toBeLessThanOrEqual(granularity / 2);
  });
});

describe("humanizeShare", () => {
  it("writes a percentage with one decimal and the interval in brackets", () => {
    expect(humanizeShare(0.8421, { low: 0.81, high: 0.87 })).toBe("84.2 % [81.0–87.0]");
    expect(humanizeShare(1)).toBe("100.0 %");
    expect(humanizeShare(null, null)).toBe("—");
  });
});

const tickets = [
  ticket("T-1", [0, created("customer", { category: "billing" })], [2.25, reply], [3, status("solved")], [4, rated(5)]),
  ticket("T-2", [1, created("customer", { category: "<b>&" })], [2, reply], [5, status("solved")], [6, rated(2)]),
];

describe("toTableRows", () => {
  it("gives one humanised row per report row, with n and the group", () => {
    const report = kpiReport(tickets, { kpis: ["first_response_time", "csat"], period, groupBy: ["category"] });
    const rows = toTableRows(report);
    expect(rows.map((row) => [row["kpi"], row["category"], row["value"], row["n"]])).toStrictEqual(
      report.rows.map((row) => [row.kpi, row.group["category"], row.kpi === "csat" ? humanizeShare(row.value, (row.stats as { ci: null }).ci) : humanizeDuration(row.value), row.n]),
    );
    expect(rows.find((row) => row["category"] === "billing" && row["kpi"] === "first_response_time")?.["value"]).toBe("2 h 15 m");
  });
  it("takes single KPI results too", () => {
    const rows = toTableRows([firstResponseTime(tickets, { period }), csat(tickets, { period })]);
    expect(rows).toStrictEqual([
      { kpi: "first_response_time", value: "1 h", n: 2, detail: "p90 2 h 15 m · few values" },
      { kpi: "csat", value: expect.stringMatching(/^50\.0 % \[\d+\.\d–\d+\.\d\]$/) as unknown as string, n: 2, detail: "mean 3.50" },
    ]);
  });
  it("writes business durations in hours at most: 30 business hours are not \"1 d 6 h\"", () => {
    const allHours = { isOpenMs: () => true, addBusinessMs: (ms: number, d: number) => ms + d, businessMsBetween: (a: number, b: number) => b - a, nextOpenMs: (ms: number) => ms, nextCloseMs: () => null };
    const slow = [ticket("A", [0, created()], [30, reply])];
    const [calendarTime, businessTime] = toTableRows([firstResponseTime(slow, { period }), firstResponseTime(slow, { period, calendar: allHours })]);
    expect([calendarTime?.["value"], businessTime?.["kpi"], businessTime?.["value"]]).toStrictEqual(["1 d 6 h", "first_response_time_business", "30 h"]);
  });
});

describe("toInspectable", () => {
  it("prints an aligned table through util.inspect and leaves the fields and the input alone", () => {
    const report = kpiReport(tickets, { kpis: ["first_response_time"], period });
    const before = structuredClone(report);
    const shown = toInspectable(report);
    expect(shown.rows).toStrictEqual(report.rows);
    expect(report).toStrictEqual(before);
    const lines = inspect(shown).split("\n");
    expect(lines[0]).toBe("KPI report 2026-03-01T00:00:00.000Z/2026-04-01T00:00:00.000Z (UTC), 1 row");
    expect(lines[1]).toMatch(/^kpi\s+bucket\s+value\s+n\s+detail$/);
    expect(lines[3]).toContain("first_response_time");
    expect(lines[3]).toContain("1 h");
    // aligned: the header's "n" column ends where each value of n ends
    expect(lines[1]!.indexOf("n  detail") + 1).toBe(lines[3]!.search(/2 {2}p90/) + 1);
  });
});

describe("toHtml", () => {
  it("renders an escaped table with a caption and column headers", () => {
    const html = toHtml(kpiReport(tickets, { kpis: ["tickets_resolved"], period, groupBy: ["category"] }), { caption: "Resolved <by> category" });
    expect(html).toContain("<caption>Resolved &lt;by&gt; category</caption>");
    expect(html).toContain('<th scope="col">category</th>');
    expect(html).toContain("<td>&lt;b&gt;&amp;</td>");
    expect(html).not.toContain("<b>&");
    expect(html.match(/<tr>/g)?.length).toBe(3);
  });
});
