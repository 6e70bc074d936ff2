// kpiReport: each item in the bucket of its own anchor, local weeks and months in a named zone
// (docs/kpis.md, "Reports"), and its renderings.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, kpiReport, toCsv, toMarkdown } from "@supportops/metrics";

const solvedAt = (id: string, iso: string, category = "billing") => {
  const at = Date.parse(iso);
  return {
    id,
    events: [
      { id: `${id}-c`, at: at - 3_600_000, type: "created", by: "customer", category },
      { id: `${id}-s`, at, type: "status_changed", to: "solved" },
    ],
  };
};

const labelsOf = (report: ReturnType<typeof kpiReport>) => report.rows.map((row) => [row.group, row.bucket.label, row.n]);

describe("kpiReport", () => {
  it("cuts ISO weeks at Monday 00:00 local across a DST change: the week of 2026-03-29 in Berlin is 167 hours", () => {
    const tickets = [solvedAt("a", "2026-03-29T21:30:00Z"), solvedAt("b", "2026-03-29T22:30:00Z")]; // Sun 23:30 CEST, Mon 00:30 CEST
    const report = kpiReport(tickets, { kpis: ["tickets_resolved"], period: { from: "2026-03-23", to: "2026-04-06" }, timeZone: "Europe/Berlin", bucket: { unit: "week" } });
    expect(report.rows.map((row) => row.bucket)).toStrictEqual([
      { start: Date.parse("2026-03-23T00:00:00+01:00"), end: Date.parse("2026-03-30T00:00:00+02:00"), label: "2026-W13" },
      { start: Date.parse("2026-03-30T00:00:00+02:00"), end: Date.parse("2026-04-06T00:00:00+02:00"), label: "2026-W14" },
    ]);
    expect(report.rows[0]!.bucket.end - report.rows[0]!.bucket.start).toBe(167 * 3_600_000);
    expect(report.rows.map((row) => row.n)).toStrictEqual([1, 1]);
  });

  it("puts the same instants in different ISO weeks across the year end in New York and in Tokyo", () => {
    const tickets = [solvedAt("a", "2025-12-28T20:00:00Z"), solvedAt("b", "2026-01-04T23:30:00Z")];
    const options = { kpis: ["tickets_resolved"] as const, period: { from: "2025-12-22", to: "2026-01-12" }, bucket: { unit: "week" } as const };
    expect(labelsOf(kpiReport(tickets, { ...options, timeZone: "America/New_York" }))).toStrictEqual([[{}, "2025-W52", 1], [{}, "2026-W01", 1]]);
    expect(labelsOf(kpiReport(tickets, { ...options, timeZone: "Asia/Tokyo" }))).toStrictEqual([[{}, "2026-W01", 1], [{}, "2026-W02", 1]]);
  });

  it("buckets by local month: 2024-03-31 23:30 in New York is March there and April in UTC", () => {
    const tickets = [solvedAt("a", "2024-04-01T03:30:00Z")];
    const options = { kpis: ["tickets_resolved"] as const, period: { from: "2024-03-01", to: "2024-05-01" }, bucket: { unit: "month" } as const };
    expect(labelsOf(kpiReport(tickets, { ...options, timeZone: "America/New_York" }))).toStrictEqual([[{}, "2024-03", 1]]);
    expect(labelsOf(kpiReport(tickets, { ...options, timeZone: "UTC" }))).toStrictEqual([[{}, "2024-04", 1]]);
  });

  it("starts weeks on another day when asked, and clips the first and last bucket to the period", () => {
    const report = kpiReport([solvedAt("a", "2026-01-04T12:00:00Z")], { kpis: ["tickets_resolved"], period: { from: "2026-01-02", to: "2026-01-10" }, bucket: { unit: "week", weekStart: 7 } });
    expect(report.rows[0]!.bucket).toStrictEqual({ start: Date.parse("2026-01-04T00:00:00Z"), end: Date.parse("2026-01-10T00:00:00Z"), label: "week of 2026-01-04" });
  });

  it("groups by the category at each item's anchor", () => {
    const moved = solvedAt("m", "2026-01-07T12:00:00Z", "billing");
    moved.events.splice(1, 0, { id: "m-k", at: Date.parse("2026-01-07T11:30:00Z"), type: "category_changed", to: "technical" } as never);
    const report = kpiReport([moved, solvedAt("b", "2026-01-07T12:00:00Z")], { kpis: ["tickets_resolved"], period: { from: "2026-01-05", to: "2026-01-12" }, groupBy: ["category"] });
    expect(report.rows.map((row) => [row.group, row.n])).toStrictEqual([[{ category: "billing" }, 1], [{ category: "technical" }, 1]]);
  });

  it("renders CSV and Markdown", () => {
    const report = kpiReport([solvedAt("a", "2026-01-07T12:00:00Z")], { kpis: ["tickets_resolved", "resolution_time"], period: { from: "2026-01-05", to: "2026-01-12" }, groupBy: ["category"], bucket: { unit: "week" } });
    const csv = toCsv(report).split("\r\n");
    expect(csv[0]).toBe("kpi,category,bucket,bucket_start,bucket_end,value,n,excluded,stats.median,stats.p90,stats.mean,stats.min,stats.max,stats.belowMinN,stats.open,stats.openMedianAge,stats.censoredFraction,provisional");
    expect(csv[1]).toBe("tickets_resolved,billing,2026-W02,2026-01-05T00:00:00.000Z,2026-01-12T00:00:00.000Z,1,1,,,,,,,,,,,");
    expect(csv[2]).toBe("resolution_time,billing,2026-W02,2026-01-05T00:00:00.000Z,2026-01-12T00:00:00.000Z,3600000,1,,3600000,3600000,3600000,3600000,3600000,true,0,,0,");
    expect(toMarkdown(report).split("\n")[2]).toBe("| tickets_resolved | billing | 2026-W02 | 2026-01-05T00:00:00.000Z | 2026-01-12T00:00:00.000Z | 1 | 1 |  |  |  |  |  |  |  |  |  |  |  |");
  });

  it("rejects unknown KPIs, group attributes and buckets", () => {
    const period = { from: "2026-01-05", to: "2026-01-12" };
    expect(thrownBy(MetricsError, () => kpiReport([], { period, kpis: ["nps" as never] })).issues[0]).toMatchObject({ code: "unknown_kpi", path: ["kpis", 0] });
    expect(thrownBy(MetricsError, () => kpiReport([], { period, kpis: ["first_response_time_business"] })).issues[0].code).toBe("unknown_kpi");
    expect(thrownBy(MetricsError, () => kpiReport([], { period, groupBy: ["agent" as never] })).issues[0].code).toBe("invalid_group");
    expect(thrownBy(MetricsError, () => kpiReport([], { period, bucket: { unit: "day" as never } })).issues[0].code).toBe("invalid_bucket");
  });
});
