// detectChanges (docs/kpis.md, "Findings"): which cells of a report really changed.
import { describe, expect, it } from "vitest";
import { generateTicketLogs, mulberry32, numRuns, thrownBy } from "@supportops/test-utils";
import { MetricsError, detectChanges, kpiReport, type KpiReport, type KpiReportRow } from "../src/index.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const T0 = Date.UTC(2026, 0, 5); // a Monday

describe("detectChanges on reports of generated logs", () => {
  const logs = generateTicketLogs({ count: 3_000, seed: 21, kpiExtras: true, timeZone: "UTC", start: "2026-01-05", days: 35 });
  const options = { period: { from: "2026-01-05", to: "2026-02-09" }, asOf: "2026-03-01", groupBy: ["channel"] as const, bucket: { unit: "week" } as const };

  it("tests every KPI × group with the test of its kind, n on both sides, adjusted p ≥ p; skips the censored KPI", () => {
    const report = kpiReport(logs, { ...options, keepValues: true });
    const result = detectChanges(report, { baseline: { trailingBuckets: 3 }, resamples: 200 });
    expect(result.current).toStrictEqual({ from: T0 + 4 * WEEK, to: T0 + 5 * WEEK });
    expect(result.baseline).toStrictEqual({ from: T0 + WEEK, to: T0 + 4 * WEEK });
    expect(result.tested).toBe(result.cells.length);
    expect(result.tested).toBeGreaterThan(15);
    const testOf = { tickets_resolved: ["poisson_rate_exact"], first_response_time: ["mann_whitney_normal", "mann_whitney_exact"], resolution_time: ["mann_whitney_normal", "mann_whitney_exact"], first_contact_resolution: ["two_proportion_z", "fisher_exact"], reopen_rate: ["two_proportion_z", "fisher_exact"], csat: ["two_proportion_z", "fisher_exact"] } as Record<string, string[]>;
    for (const cell of result.cells) {
      expect(testOf[cell.kpi], cell.kpi).toContain(cell.test);
      expect(cell.adjustedPValue).toBeGreaterThanOrEqual(cell.pValue);
      expect(cell.current.exposureMs).toBe(WEEK);
      expect(cell.baseline.exposureMs).toBe(3 * WEEK);
      if (cell.kpi !== "tickets_resolved") expect(Math.min(cell.current.n, cell.baseline.n)).toBeGreaterThanOrEqual(20);
      expect(cell.effect.level).toBe(0.95);
    }
    for (let i = 1; i < result.cells.length; i++) expect(result.cells[i]!.adjustedPValue).toBeGreaterThanOrEqual(result.cells[i - 1]!.adjustedPValue);
    expect(result.skipped.some((s) => s.kpi === "resolution_survival" && s.reason === "censored")).toBe(true);
    // asOf is weeks after the period: no rate over a reopen window can still change.
    expect(result.cells.every((c) => c.provisional === undefined)).toBe(true);
    // Read at the period's end, the last week's reopen rates can.
    const early = detectChanges(kpiReport(logs, { ...options, asOf: "2026-02-09" }), { baseline: { trailingBuckets: 3 } });
    expect(early.cells.find((c) => c.kpi === "reopen_rate")?.provisional).toBe(true);
  });

  it("skips duration cells without values (a report made without keepValues), and cells below minN", () => {
    const report = kpiReport(logs, options);
    const result = detectChanges(report, { baseline: "previousBucket", minN: 60 });
    expect(result.cells.some((c) => c.kpi === "first_response_time")).toBe(false);
    const reasons = new Set(result.skipped.map((s) => `${s.kpi}:${s.reason}`));
    expect(reasons.has("first_response_time:no_values") || reasons.has("first_response_time:below_min_n")).toBe(true);
    expect(result.skipped.filter((s) => s.reason === "below_min_n").every((s) => Math.min(s.current.n, s.baseline.n) < 60 || s.kpi === "tickets_resolved")).toBe(true);
  });

  it("compares two reports, and finds a planted slowdown of first replies", () => {
    const shift = (log: (typeof logs)[number], factor: number) => {
      const created = log.events[0]!.at as number;
      return { id: log.id, events: log.events.map((e) => ({ ...e, at: created + Math.round(((e.at as number) - created) * factor) })) };
    };
    const january = { period: { from: "2026-01-05", to: "2026-01-26" }, asOf: "2026-04-01", keepValues: true, kpis: ["first_response_time", "tickets_resolved"] as const };
    const before = kpiReport(logs.slice(0, 1_500), january);
    const after = kpiReport(logs.slice(1_500).map((l) => shift(l, 2)), january);
    const result = detectChanges(after, { baseline: before, resamples: 300 });
    const frt = result.cells.find((c) => c.kpi === "first_response_time")!;
    expect(frt.significant).toBe(true);
    expect(frt.direction).toBe("up");
    expect(frt.effect.kind).toBe("median_difference");
    expect(frt.effect.low).toBeGreaterThan(0);
    const resolved = result.cells.find((c) => c.kpi === "tickets_resolved")!;
    expect(resolved.current.exposureMs).toBe(21 * DAY);
  });

  it("rejects what it cannot use, saying how to fix it", () => {
    const report = kpiReport(logs.slice(0, 200), options);
    expect(thrownBy(MetricsError, () => detectChanges({} as KpiReport, { baseline: "previousBucket" })).code).toBe("invalid_argument");
    expect(thrownBy(MetricsError, () => detectChanges(report, { baseline: { trailingBuckets: 9 } })).issues[0].message).toMatch(/fewer than the 9/);
    expect(thrownBy(MetricsError, () => detectChanges(report, { baseline: "lastYear" as never })).issues[0].path).toStrictEqual(["baseline"]);
    expect(thrownBy(MetricsError, () => detectChanges(report, { baseline: "previousBucket", alpha: 0 })).issues[0].path).toStrictEqual(["alpha"]);
    expect(thrownBy(MetricsError, () => detectChanges(report, { baseline: "previousBucket", minN: 0 })).issues[0].path).toStrictEqual(["minN"]);
    expect(thrownBy(MetricsError, () => kpiReport([], { ...options, keepValues: "yes" as never })).issues[0].path).toStrictEqual(["keepValues"]);
  });
});

// ---- simulation: false discoveries under no change, power under a planted one ----

/** Poisson(mean) by Knuth's product of uniforms (means here are ≤ 200). */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}
function binomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k += 1;
  return k;
}
function logNormal(random: () => number, medianMs: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(medianMs * Math.exp(z));
}

/**
 * A report of two weekly buckets with 12 cells: 4 groups × (reopen rate of 400 tickets at 20 %,
 * 100 resolved tickets a week, 100 resolution times around 4 h). `planted` groups change in the
 * second week: reopen rate 20 % → 30 %, volume × 1.4, resolution times × 1.5.
 */
function simulatedReport(random: () => number, planted: ReadonlySet<number>): KpiReport {
  const rows: KpiReportRow[] = [];
  const bucket = (b: number) => ({ start: T0 + b * WEEK, end: T0 + (b + 1) * WEEK, label: `W${b}` });
  for (let g = 0; g < 4; g++) {
    const group = { category: `c${g}` };
    for (let b = 0; b < 2; b++) {
      const change = b === 1 && planted.has(g);
      const reopened = binomial(random, 400, change ? 0.3 : 0.2);
      rows.push({ kpi: "reopen_rate", group, bucket: bucket(b), value: reopened / 400, n: 400, excluded: { merged: 0 }, stats: { successes: reopened, ci: null, reopenEvents: 0, pendingWindow: 0 } });
      const resolved = poisson(random, change ? 140 : 100);
      rows.push({ kpi: "tickets_resolved", group, bucket: bucket(b), value: resolved, n: resolved, excluded: { merged: 0, reopenedBeforeEnd: 0 }, stats: {} });
      const values = Array.from({ length: 100 }, () => logNormal(random, (change ? 1.5 : 1) * 4 * 3_600_000)).sort((x, y) => x - y);
      rows.push({ kpi: "resolution_time", group, bucket: bucket(b), value: null, n: 100, excluded: { merged: 0, reopenedBeforeEnd: 0 }, stats: { median: null, p90: null, mean: null, min: null, max: null, belowMinN: false, open: 0, openMedianAge: null, censoredFraction: null }, values });
    }
  }
  return { period: { from: T0, to: T0 + 2 * WEEK }, asOf: T0 + 2 * WEEK, timeZone: "UTC", rows };
}

describe("detectChanges by simulation (seeded)", () => {
  const alpha = 0.05;
  const runs = numRuns(150);

  it("keeps the false-discovery rate at or below alpha under no change, and with some cells changed", () => {
    const random = mulberry32(20_260_105);
    let anyFalse = 0;
    let fdpSum = 0;
    const plantedGroups = new Set([0]);
    for (let r = 0; r < runs; r++) {
      const none = detectChanges(simulatedReport(random, new Set()), { baseline: "previousBucket", alpha, resamples: 100, seed: r });
      expect(none.tested).toBe(12);
      if (none.significant > 0) anyFalse += 1;
      const some = detectChanges(simulatedReport(random, plantedGroups), { baseline: "previousBucket", alpha, resamples: 100, seed: r });
      const flagged = some.cells.filter((c) => c.significant);
      const falseOnes = flagged.filter((c) => c.group["category"] !== "c0").length;
      fdpSum += flagged.length === 0 ? 0 : falseOnes / flagged.length;
    }
    const fdrNull = anyFalse / runs;
    const fdrMixed = fdpSum / runs;
    // Monte Carlo slack: 2.33 standard errors of a proportion at alpha (one-sided 99 %).
    const slack = 2.33 * Math.sqrt((alpha * (1 - alpha)) / runs);
    console.log(`detectChanges FDR over ${runs} simulated reports of 12 cells: no change ${fdrNull.toFixed(3)}, 3 of 12 changed ${fdrMixed.toFixed(3)} (alpha ${alpha}, slack ${slack.toFixed(3)})`);
    expect(fdrNull).toBeLessThanOrEqual(alpha + slack);
    expect(fdrMixed).toBeLessThanOrEqual(alpha + slack);
  });

  it("reports its power against planted changes (reopen 20 % → 30 % of 400, volume × 1.4 of 100/week, resolution times × 1.5 of 100)", () => {
    const random = mulberry32(7);
    const planted = new Set([1, 3]);
    const detected: Record<string, number> = { reopen_rate: 0, tickets_resolved: 0, resolution_time: 0 };
    for (let r = 0; r < runs; r++) {
      const result = detectChanges(simulatedReport(random, planted), { baseline: "previousBucket", alpha, resamples: 100, seed: r });
      for (const cell of result.cells) if (cell.significant && planted.has(Number(cell.group["category"]?.slice(1)))) detected[cell.kpi]! += 1;
    }
    const power = Object.fromEntries(Object.entries(detected).map(([kpi, hits]) => [kpi, hits / (2 * runs)]));
    console.log(`detectChanges power over ${runs} simulated reports (4 of 12 cells changed): ${JSON.stringify(power)}`);
    // A sane lower bound with a wide margin; the printed figures are the measurement.
    for (const value of Object.values(power)) expect(value).toBeGreaterThan(0.3);
  });
});
