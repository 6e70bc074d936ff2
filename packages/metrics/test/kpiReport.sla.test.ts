// SLA attainment inside kpiReport (docs/kpis.md, "slaAttainment", "In reports"): one row per SLA
// metric × group × bucket, each cycle in the bucket of its outcome with the group it had then,
// checked against plain loops over the engine's states, against slaAttainment, and for merges.
import { describe, expect, it } from "vitest";
import { parseTicketLog, type TicketEvent } from "@supportops/core";
import { createSlaEngine } from "@supportops/sla";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, computeTicketFacts, createAccumulator, kpiReport, slaAttainment, ticketRowsFromLogs, type ReportOptions } from "@supportops/metrics";

const slaEngine = createSlaEngine({
  policies: [
    {
      id: "all",
      calendar: "24x7",
      targets: {
        first_response: { urgent: "PT30M", high: "PT1H", normal: "PT4H", low: "PT8H" },
        resolution: { urgent: "PT8H", high: "PT24H", normal: "P3D", low: "P5D" },
      },
    },
  ],
});
const LOGS = generateTicketLogs({ count: 400, seed: 77, kpiExtras: true, start: "2026-01-05", days: 35 });
const options: ReportOptions = {
  period: { from: "2026-01-05", to: "2026-02-02" },
  asOf: "2026-02-04",
  timeZone: "Europe/Berlin",
  slaEngine,
};

/** The category at instant t, from the raw events (the created event's, then each change at or before t). */
function categoryAt(events: ReadonlyArray<TicketEvent>, t: number): string | null {
  let category: string | null = null;
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === "created") category = e.category ?? null;
    if (e.type === "category_changed") category = e.to;
  }
  return category;
}

describe("sla_attainment in kpiReport", () => {
  it("is in the default KPIs with an engine; grouped, bucketed rows equal plain loops over the engine's states", () => {
    const report = kpiReport(LOGS, { ...options, groupBy: ["category"], bucket: { unit: "week" } });
    const rows = report.rows.filter((r) => r.kpi === "sla_attainment");
    expect(rows.length).toBeGreaterThan(0);
    const asOf = report.asOf;
    const buckets = [...new Map(report.rows.map((r) => [r.bucket.start, r.bucket])).values()];
    type Expected = { met: number; breached: number; merged: number; cancelled: number };
    const expected = new Map<string, Expected>();
    const at = (metric: string, category: string | null, t: number): Expected | null => {
      const bucket = buckets.find((b) => t >= b.start && t < b.end);
      if (bucket === undefined) return null;
      const key = `${metric}|${category}|${bucket.start}`;
      if (!expected.has(key)) expected.set(key, { met: 0, breached: 0, merged: 0, cancelled: 0 });
      return expected.get(key)!;
    };
    for (const log of LOGS) {
      const events = [...parseTicketLog(log.events)];
      if (events[0]!.at > asOf) continue;
      const mergedAway = events.some((e) => e.type === "merged" && e.at <= asOf);
      for (const s of slaEngine.evaluate(log.events, { at: asOf }).metrics) {
        if (s.status === "breached" && s.breachedAt !== null && s.breachedAt <= asOf) {
          const cell = at(s.metric, categoryAt(events, s.breachedAt), s.breachedAt);
          if (cell !== null) cell[mergedAway ? "merged" : "breached"] += 1;
        } else if (s.status === "achieved" && s.stoppedAt !== null) {
          const cell = at(s.metric, categoryAt(events, s.stoppedAt), s.stoppedAt);
          if (cell !== null) cell[mergedAway ? "merged" : "met"] += 1;
        } else if (s.status === "cancelled" && s.stoppedAt !== null) {
          const cell = at(s.metric, categoryAt(events, s.stoppedAt), s.stoppedAt);
          if (cell !== null) cell[mergedAway ? "merged" : "cancelled"] += 1;
        }
      }
    }
    const actual = new Map(
      rows.map((r) => [
        `${r.group["metric"]}|${r.group["category"]}|${r.bucket.start}`,
        { met: r.n - (r.stats as { breached: number }).breached, breached: (r.stats as { breached: number }).breached, merged: r.excluded["merged"], cancelled: r.excluded["cancelled"] },
      ]),
    );
    expect(actual).toStrictEqual(expected);
    for (const r of rows) {
      expect(r.value).toBe(r.n === 0 ? null : (r.stats as { successes: number }).successes / r.n);
      expect(Object.keys(r.group)).toStrictEqual(["metric", "category"]);
    }
  });

  it("ungrouped, one bucket: each metric's row is slaAttainment for that metric", () => {
    const report = kpiReport(LOGS, options);
    for (const metric of ["first_response", "resolution"]) {
      const row = report.rows.find((r) => r.kpi === "sla_attainment" && r.group["metric"] === metric)!;
      const alone = slaAttainment(LOGS, { ...options, slaEngine, metrics: [metric] });
      expect({ value: row.value, n: row.n, excluded: row.excluded, stats: row.stats }).toStrictEqual({ value: alone.value, n: alone.n, excluded: alone.excluded, stats: alone.stats });
    }
  });

  it("merges exactly through JSON, and refuses what cannot give SLA states", () => {
    const weekly: ReportOptions = { ...options, kpis: ["sla_attainment", "tickets_resolved"], groupBy: ["priority"], bucket: { unit: "week" } };
    const whole = createAccumulator(weekly);
    for (const log of LOGS) whole.add(log);
    const a = createAccumulator(weekly);
    const b = createAccumulator(weekly);
    LOGS.forEach((log, i) => (i % 4 === 1 ? a : b).add(log));
    expect(accumulatorFromJSON(JSON.parse(JSON.stringify(a)), { slaEngine }).merge(b).result()).toStrictEqual(whole.result());

    const noEngine = thrownBy(MetricsError, () => kpiReport(LOGS, { ...options, slaEngine: undefined as never, kpis: ["csat", "sla_attainment"] }));
    expect({ code: noEngine.code, path: noEngine.issues[0].path }).toStrictEqual({ code: "invalid_argument", path: ["kpis", 1] });
    const rows = ticketRowsFromLogs(LOGS.slice(0, 3), { asOf: "2026-02-04" });
    expect(thrownBy(MetricsError, () => kpiReport(rows, options)).issues[0].path).toStrictEqual([0]);
    const facts = computeTicketFacts(LOGS[0]!, { asOf: "2026-02-04T00:00:00Z" })!;
    expect(thrownBy(MetricsError, () => createAccumulator(options).addFacts(facts)).code).toBe("invalid_argument");
    expect(thrownBy(MetricsError, () => accumulatorFromJSON(JSON.parse(JSON.stringify(a))).add(LOGS[0]!)).code).toBe("invalid_argument");
  });
});
