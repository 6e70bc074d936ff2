import { describeValue } from "@supportops/core";
import type { KpiId } from "./KpiOptions.js";
import type { KpiReport, KpiReportRow } from "./kpiReport.js";
import type { TestedChange } from "./Finding.js";
import type { MetricsError } from "./MetricsError.js";
import { invalidArgument } from "./internal/resolveOptions.js";
import { benjaminiHochberg, compareCounts, compareProportions, mannWhitney, medianDifference, medianOf, type TestOutcome } from "./internal/findings/tests.js";

/**
 * Options of {@link detectChanges}.
 *
 * - `baseline`: another report (e.g. the previous month, made with the same options), or
 *   `"previousBucket"` (the report's last bucket against the one before), or `{ trailingBuckets: k }`
 *   (the last bucket against the k buckets before it, pooled).
 * - `alpha`: the false-discovery rate controlled across every cell tested (Benjamini–Hochberg), and
 *   1 − alpha the level of the effect intervals. Default 0.05.
 * - `minN`: a cell is tested only with at least `minN` items on each side (rates, durations) or in
 *   total (counts); below, it is listed in `skipped`, never flagged. Default 20.
 * - `resamples`, `seed`: the bootstrap of the median difference. Defaults 1000 and 1.
 *
 * @example
 * const options: DetectChangesOptions = { baseline: { trailingBuckets: 4 }, alpha: 0.05 };
 */
export interface DetectChangesOptions {
  readonly baseline: KpiReport | "previousBucket" | { readonly trailingBuckets: number };
  readonly alpha?: number;
  readonly minN?: number;
  readonly resamples?: number;
  readonly seed?: number;
}

/**
 * One side of a compared cell: its items, headline value (a count, a share, or the median in ms) and
 * exposure (ms of time covered).
 *
 * @example
 * const side: ChangeSide = { n: 120, value: 0.18, exposureMs: 604800000 };
 */
export interface ChangeSide {
  readonly n: number;
  readonly value: number | null;
  readonly exposureMs: number;
}

/**
 * A tested cell of {@link detectChanges}: one KPI for one group, both sides, and the test.
 *
 * @example
 * const cell: ChangeCell = {
 *   kpi: "reopen_rate", group: { category: "billing" },
 *   current: { n: 140, value: 0.21, exposureMs: 604800000 }, baseline: { n: 520, value: 0.12, exposureMs: 2419200000 },
 *   test: "two_proportion_z", pValue: 0.006, adjustedPValue: 0.03, significant: true, direction: "up",
 *   effect: { kind: "proportion_difference", estimate: 0.09, low: 0.02, high: 0.16, level: 0.95 },
 * };
 */
export interface ChangeCell extends TestedChange {
  readonly kpi: KpiId;
  readonly group: Readonly<Record<string, string | null>>;
  readonly current: ChangeSide;
  readonly baseline: ChangeSide;
  /** A rate over a reopen window that can still change (a row of either side was provisional). */
  readonly provisional?: true;
}

/**
 * A cell {@link detectChanges} did not test, and why: `below_min_n` (too few items), `no_values`
 * (a duration row without values: make the reports with `keepValues: true`), `censored`
 * (`resolution_survival`: open tickets are censored, a rank test would be biased), `stock`
 * (`backlog`: a count at an instant, not a flow over the period, so no rate test fits it).
 *
 * @example
 * const skipped: SkippedCell = { kpi: "csat", group: {}, reason: "below_min_n", current: { n: 4, value: 0.5, exposureMs: 604800000 }, baseline: { n: 30, value: 0.8, exposureMs: 604800000 } };
 */
export interface SkippedCell {
  readonly kpi: KpiId;
  readonly group: Readonly<Record<string, string | null>>;
  readonly reason: "below_min_n" | "no_values" | "censored" | "stock";
  readonly current: ChangeSide;
  readonly baseline: ChangeSide;
}

/**
 * What {@link detectChanges} returns.
 *
 * @example
 * const none: ChangeReport = {
 *   alpha: 0.05, minN: 20, current: { from: 0, to: 1 }, baseline: { from: -1, to: 0 },
 *   tested: 0, significant: 0, cells: [], skipped: [], method: "…",
 * };
 */
export interface ChangeReport {
  readonly alpha: number;
  readonly minN: number;
  /** The compared spans, half-open, epoch ms (a pooled baseline spans its buckets). */
  readonly current: { readonly from: number; readonly to: number };
  readonly baseline: { readonly from: number; readonly to: number };
  /** How many cells were tested (the m of Benjamini–Hochberg). */
  readonly tested: number;
  /** How many of them are significant. */
  readonly significant: number;
  /** The tested cells, most significant first (adjusted p, then KPI and group). */
  readonly cells: ReadonlyArray<ChangeCell>;
  readonly skipped: ReadonlyArray<SkippedCell>;
  readonly method: string;
}

type ReportKpi = KpiId;
type KpiKind = "count" | "rate" | "duration" | "censored" | "stock";
const KPI_KIND: Readonly<Record<ReportKpi, KpiKind>> = {
  tickets_resolved: "count",
  first_response_time: "duration",
  resolution_time: "duration",
  first_response_time_business: "duration",
  resolution_time_business: "duration",
  first_contact_resolution: "rate",
  reopen_rate: "rate",
  csat: "rate",
  sla_attainment: "rate",
  resolution_survival: "censored",
  backlog: "stock",
};

interface Pool {
  readonly kpi: ReportKpi;
  readonly group: Readonly<Record<string, string | null>>;
  n: number;
  successes: number;
  values: number[] | null;
  provisional: boolean;
}

interface Side {
  readonly from: number;
  readonly to: number;
  readonly exposureMs: number;
  readonly rows: ReadonlyArray<KpiReportRow>;
}

const USAGE = 'detectChanges(report, { baseline: previousReport | "previousBucket" | { trailingBuckets: 4 } })';

function checkReport(value: unknown, path: ReadonlyArray<string>): KpiReport {
  const r = value as Partial<KpiReport> | null;
  if (typeof r !== "object" || r === null || !Array.isArray(r.rows) || typeof r.period !== "object" || r.period === null) {
    throw invalidArgument([...path], `expected a report from kpiReport(tickets, options), got ${describeValue(value)}; call it as ${USAGE}`);
  }
  return r as KpiReport;
}

/** The report's distinct buckets, ascending; contiguity is checked where it is used. */
function bucketsOf(report: KpiReport): Array<{ start: number; end: number }> {
  const byStart = new Map<number, number>();
  for (const row of report.rows) byStart.set(row.bucket.start, row.bucket.end);
  return [...byStart].map(([start, end]) => ({ start, end })).sort((a, b) => a.start - b.start);
}

function sidesOf(report: KpiReport, baseline: DetectChangesOptions["baseline"]): { current: Side; baseline: Side } {
  if (typeof baseline === "object" && baseline !== null && "rows" in baseline) {
    const other = checkReport(baseline, ["baseline"]);
    return {
      current: { from: report.period.from, to: report.period.to, exposureMs: report.period.to - report.period.from, rows: report.rows },
      baseline: { from: other.period.from, to: other.period.to, exposureMs: other.period.to - other.period.from, rows: other.rows },
    };
  }
  let k: number;
  if (baseline === "previousBucket") k = 1;
  else if (typeof baseline === "object" && baseline !== null && "trailingBuckets" in baseline) {
    k = baseline.trailingBuckets;
    if (!Number.isSafeInteger(k) || k < 1) throw invalidArgument(["baseline", "trailingBuckets"], "expected a whole number of buckets ≥ 1");
  } else {
    throw invalidArgument(["baseline"], `expected a report, "previousBucket" or { trailingBuckets: k }, got ${describeValue(baseline)}`);
  }
  const buckets = bucketsOf(report);
  const last = buckets[buckets.length - 1];
  if (last === undefined || last.end !== report.period.to) {
    throw invalidArgument(["baseline"], "the report's last bucket (the one ending at period.to) has no rows; compare reports with a report as the baseline, or make a report whose last bucket has tickets");
  }
  const before = buckets.slice(0, -1).slice(-k);
  if (before.length < k) throw invalidArgument(["baseline"], `the report has ${buckets.length - 1} bucket(s) before its last one, fewer than the ${k} asked for; make the report's period longer`);
  let expected = last.start;
  for (let i = before.length - 1; i >= 0; i--) {
    const b = before[i] as { start: number; end: number };
    if (b.end !== expected) throw invalidArgument(["baseline"], "a bucket of the baseline window has no rows at all, so its length is unknown; use a report as the baseline instead");
    expected = b.start;
  }
  const first = before[0] as { start: number; end: number };
  return {
    current: { from: last.start, to: last.end, exposureMs: last.end - last.start, rows: report.rows.filter((r) => r.bucket.start === last.start) },
    baseline: { from: first.start, to: last.start, exposureMs: last.start - first.start, rows: report.rows.filter((r) => r.bucket.start >= first.start && r.bucket.start < last.start) },
  };
}

const groupKeyOf = (kpi: string, group: Readonly<Record<string, string | null>>): string =>
  `${kpi}\u0000${JSON.stringify(Object.keys(group).sort().map((key) => [key, group[key]]))}`;

function pool(rows: ReadonlyArray<KpiReportRow>): Map<string, Pool> {
  const pools = new Map<string, Pool>();
  for (const row of rows) {
    const key = groupKeyOf(row.kpi, row.group);
    let p = pools.get(key);
    if (p === undefined) {
      p = { kpi: row.kpi, group: row.group, n: 0, successes: 0, values: [], provisional: false };
      pools.set(key, p);
    }
    p.n += row.n;
    const stats = row.stats as { successes?: number };
    if (typeof stats.successes === "number") p.successes += stats.successes;
    if (row.values === undefined) p.values = null;
    else if (p.values !== null) for (const v of row.values) p.values.push(v);
    if (row.provisional === true) p.provisional = true;
  }
  return pools;
}

function sideOf(kind: KpiKind, p: Pool | undefined, exposureMs: number): ChangeSide {
  if (p === undefined) return { n: 0, value: kind === "count" ? 0 : null, exposureMs };
  switch (kind) {
    case "count":
      return { n: p.n, value: p.n, exposureMs };
    case "rate":
      return { n: p.n, value: p.n === 0 ? null : p.successes / p.n, exposureMs };
    case "duration":
      return { n: p.n, value: p.values === null || p.values.length === 0 ? null : medianOf([...p.values].sort((a, b) => a - b)), exposureMs };
    case "censored":
    case "stock":
      return { n: p.n, value: null, exposureMs };
  }
}

/**
 * Which KPI cells of a report really changed against a baseline: every KPI × group cell is compared
 * with its baseline — rates (FCR, reopen rate, CSAT) by the two-proportion z test (Fisher's exact
 * test when an expected count is below 5), counts (tickets resolved) by the conditional Poisson rate
 * test over the two spans' lengths, durations (first response, resolution time) by Mann–Whitney U on
 * the values — and the p-values of every tested cell are adjusted together by Benjamini–Hochberg, so
 * that among the cells flagged, the expected share of false alarms is at most `alpha`. Each cell
 * names its test, its effect size with an interval and `n` on both sides; cells with fewer than
 * `minN` items are never tested. Duration cells need their values: make the reports with
 * `keepValues: true`. See docs/kpis.md, "Findings", for what each test assumes.
 *
 * @param report - a `kpiReport` result (with `keepValues: true` for duration KPIs)
 * @param options - `baseline` (a report, `"previousBucket"` or `{ trailingBuckets }`), `alpha`, `minN`, `resamples`, `seed`
 * @returns the tested cells, most significant first, and the skipped ones
 * @throws {@link MetricsError} `invalid_argument` for a missing or unusable report, baseline or option
 * @example
 * const at = (week: number, i: number) => Date.UTC(2026, 0, 5 + 7 * week, 9, i);
 * const tickets = Array.from({ length: 60 }, (_, i) => ({ id: `T-${i}`, events: [
 *   { id: "c", at: at(i < 20 ? 0 : 1, i), type: "created", by: "customer" },
 *   { id: "s", at: at(i < 20 ? 0 : 1, i) + 3_600_000, type: "status_changed", to: "solved" },
 * ] }));
 * const report = kpiReport(tickets, { kpis: ["tickets_resolved"], period: { from: "2026-01-05", to: "2026-01-19" }, bucket: { unit: "week" } });
 * const changes = detectChanges(report, { baseline: "previousBucket" });
 * changes.cells[0]?.test;        // => "poisson_rate_exact"
 * changes.cells[0]?.direction;   // => "up"
 * changes.cells[0]?.significant; // => true
 */
export function detectChanges(report: KpiReport, options: DetectChangesOptions): ChangeReport {
  const checked = checkReport(report, []);
  if (typeof options !== "object" || options === null) throw invalidArgument([], `expected an options object; call it as ${USAGE}`);
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw invalidArgument(["alpha"], "expected a number between 0 and 1 (exclusive), e.g. 0.05");
  const minN = options.minN ?? 20;
  if (!Number.isSafeInteger(minN) || minN < 1) throw invalidArgument(["minN"], "expected a whole number ≥ 1");
  const resamples = options.resamples ?? 1000;
  if (!Number.isSafeInteger(resamples) || resamples < 100 || resamples > 100_000) throw invalidArgument(["resamples"], "expected a whole number of bootstrap resamples from 100 to 100 000");
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw invalidArgument(["seed"], "expected a whole number");
  const level = 1 - alpha;
  const sides = sidesOf(checked, options.baseline);
  const now = pool(sides.current.rows);
  const then = pool(sides.baseline.rows);
  const keys = [...new Set([...now.keys(), ...then.keys()])].sort();

  const tested: Array<{ kpi: ReportKpi; group: Readonly<Record<string, string | null>>; current: ChangeSide; baseline: ChangeSide; outcome: TestOutcome; provisional: boolean }> = [];
  const skipped: SkippedCell[] = [];
  keys.forEach((key, index) => {
    const a = now.get(key);
    const b = then.get(key);
    const any = (a ?? b) as Pool;
    const kind = KPI_KIND[any.kpi];
    const current = sideOf(kind, a, sides.current.exposureMs);
    const baseline = sideOf(kind, b, sides.baseline.exposureMs);
    const skip = (reason: SkippedCell["reason"]): void => {
      skipped.push({ kpi: any.kpi, group: any.group, reason, current, baseline });
    };
    if (kind === "censored" || kind === "stock") return skip(kind);
    const enough = kind === "count" ? current.n + baseline.n >= minN : current.n >= minN && baseline.n >= minN;
    if (!enough) return skip("below_min_n");
    let outcome: TestOutcome;
    if (kind === "count") outcome = compareCounts(current.n, current.exposureMs, baseline.n, baseline.exposureMs, level);
    else if (kind === "rate") outcome = compareProportions((a as Pool).successes, current.n, (b as Pool).successes, baseline.n, level);
    else {
      const va = (a as Pool).values;
      const vb = (b as Pool).values;
      if (va === null || vb === null || va.length === 0 || vb.length === 0) return skip("no_values");
      const mw = mannWhitney(va, vb);
      // Each cell its own bootstrap stream, so adding a cell does not move another cell's interval.
      const effect = medianDifference(va, vb, level, resamples, seed + index * 0x9e3779b1);
      outcome = { test: mw.test, pValue: mw.pValue, effect, sign: Math.sign(mw.u - (va.length * vb.length) / 2) };
    }
    tested.push({ kpi: any.kpi, group: any.group, current, baseline, outcome, provisional: (a?.provisional ?? false) || (b?.provisional ?? false) });
  });

  const adjusted = benjaminiHochberg(tested.map((t) => t.outcome.pValue));
  const cells: ChangeCell[] = tested.map((t, i) => {
    const adjustedPValue = adjusted[i] as number;
    const significant = adjustedPValue <= alpha;
    return {
      kpi: t.kpi,
      group: t.group,
      current: t.current,
      baseline: t.baseline,
      test: t.outcome.test,
      pValue: t.outcome.pValue,
      adjustedPValue,
      significant,
      direction: !significant || t.outcome.sign === 0 ? "none" : t.outcome.sign > 0 ? "up" : "down",
      effect: t.outcome.effect,
      ...(t.provisional ? { provisional: true as const } : {}),
    };
  });
  const order = (c: ChangeCell): string => groupKeyOf(c.kpi, c.group);
  cells.sort((x, y) => x.adjustedPValue - y.adjustedPValue || x.pValue - y.pValue || (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  return {
    alpha,
    minN,
    current: { from: sides.current.from, to: sides.current.to },
    baseline: { from: sides.baseline.from, to: sides.baseline.to },
    tested: cells.length,
    significant: cells.filter((c) => c.significant).length,
    cells,
    skipped,
    method: `per KPI × group: rates by the pooled two-proportion z test (Fisher's exact test when an expected count is below 5), counts by the conditional Poisson rate test over the spans' lengths, durations by Mann–Whitney U (exact below 50 values a side without ties, else normal with tie and continuity corrections); two-sided; Benjamini–Hochberg across the ${cells.length} cells tested at FDR ${alpha}; effects at ${Math.round(level * 1000) / 10} %: Newcombe's hybrid score interval, the exact conditional rate-ratio interval, a seeded percentile bootstrap (${resamples} resamples) of the median difference; cells with fewer than ${minN} items per side (counts: in total) not tested`,
  };
}
