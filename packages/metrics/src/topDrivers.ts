import { rethrowAs, type IssuePath } from "@supportops/core";
import type { KpiInstant, KpiPeriod } from "./KpiOptions.js";
import type { TestedChange } from "./Finding.js";
import { MetricsError } from "./MetricsError.js";
import type { SlaEngineLike } from "./slaAttainment.js";
import type { TicketFacts, TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { valueAt } from "./internal/factsOf.js";
import { isRow, readTicket } from "./internal/readTicket.js";
import { requireIterable } from "./internal/requireIterable.js";
import { invalidArgument, readInstant, resolveOptions } from "./internal/resolveOptions.js";
import { benjaminiHochberg, compareCounts } from "./internal/findings/tests.js";

/**
 * What {@link topDrivers} counts per key:
 *
 * - `created`: tickets created in the period (merged-away ones excluded), keyed at creation;
 * - `reopened`: tickets reopened in the period, keyed at their first reopen in it;
 * - `negative_csat`: tickets whose latest rating (known at `asOf`) was given in the period and is in
 *   the bottom two scores of its scale but not one `csat` counts as satisfied (1–2 of 5, 1 of 3);
 * - `breached`: tickets with an SLA breach in the period (needs `slaEngine`), keyed at the first.
 *
 * @example
 * DRIVER_MEASURES.includes("negative_csat"); // => true
 */
export const DRIVER_MEASURES = ["created", "reopened", "negative_csat", "breached"] as const;

/**
 * One of {@link DRIVER_MEASURES}.
 *
 * @example
 * const measure: DriverMeasure = "reopened";
 */
export type DriverMeasure = (typeof DRIVER_MEASURES)[number];

/**
 * Options of {@link topDrivers}.
 *
 * @example
 * const options: TopDriversOptions = {
 *   period: { from: "2026-03-01", to: "2026-04-01" }, timeZone: "Europe/Berlin", by: "category", measure: "created",
 *   compareTo: { from: "2026-02-01", to: "2026-03-01" },
 * };
 */
export interface TopDriversOptions {
  /** The half-open period `[from, to)`. */
  readonly period: KpiPeriod;
  /** The zone local dates are read in. Default `"UTC"`. */
  readonly timeZone?: string;
  /** Only events at or before `asOf` are known. Default `period.to` (never before it, nor before `compareTo.to`). */
  readonly asOf?: KpiInstant;
  /** The attribute to key by, read at each ticket's anchor. Default `"category"`. */
  readonly by?: "category" | "priority" | "channel";
  /** What to count. Default `"created"`. */
  readonly measure?: DriverMeasure;
  /** Another period (usually the previous one): adds each key's change and its significance. */
  readonly compareTo?: KpiPeriod;
  /** The FDR of the significance flags (Benjamini–Hochberg across keys) and 1 − the level of the intervals. Default 0.05. */
  readonly alpha?: number;
  /** Keys with fewer than `minN` tickets in both periods together are never tested. Default 20. */
  readonly minN?: number;
  /** Required by `measure: "breached"`: `@supportops/sla`'s `createSlaEngine(...)`. */
  readonly slaEngine?: SlaEngineLike;
}

/**
 * A key's change against `compareTo`.
 *
 * @example
 * const change: DriverChange = { previous: 30, previousShare: 0.25, difference: 12, significant: false, test: null };
 */
export interface DriverChange {
  readonly previous: number;
  readonly previousShare: number | null;
  readonly difference: number;
  /** The conditional Poisson rate test over the two periods' lengths, BH-adjusted; `null` below `minN`. */
  readonly test: TestedChange | null;
  readonly significant: boolean;
}

/**
 * One row of a Pareto table.
 *
 * @example
 * const row: DriverRow = { key: "billing", value: 42, share: 0.35, cumulativeShare: 0.35 };
 */
export interface DriverRow {
  /** The attribute's value (`null`: none, e.g. uncategorised). */
  readonly key: string | null;
  readonly value: number;
  /** `value / total`; `null` when the total is 0. */
  readonly share: number | null;
  /** The share of this row and every row above it; `null` when the total is 0. */
  readonly cumulativeShare: number | null;
  readonly change?: DriverChange;
}

/**
 * What {@link topDrivers} returns.
 *
 * @example
 * const result: TopDriversResult = topDrivers([], { period: { from: "2026-03-01", to: "2026-04-01" } });
 * result.rows; // => []
 */
export interface TopDriversResult {
  readonly measure: DriverMeasure;
  readonly by: "category" | "priority" | "channel";
  readonly period: { readonly from: number; readonly to: number };
  readonly compareTo?: { readonly from: number; readonly to: number };
  readonly asOf: number;
  readonly timeZone: string;
  readonly total: number;
  readonly previousTotal?: number;
  readonly excluded: { readonly merged: number };
  /** By value (descending), then key (ascending, `null` last); keys seen only in `compareTo` close the table with 0. */
  readonly rows: ReadonlyArray<DriverRow>;
  readonly method: string;
}

const USAGE = 'topDrivers(tickets, { period: { from, to }, by: "category", measure: "created" })';

/** The anchor of a ticket for a measure within `[from, to)`, or `null`. */
function anchorOf(measure: DriverMeasure, f: TicketFacts, from: number, to: number, breaches: ReadonlyArray<number>): number | null {
  const inSpan = (t: number): boolean => t >= from && t < to;
  switch (measure) {
    case "created":
      return inSpan(f.createdAt) ? f.createdAt : null;
    case "reopened": {
      let first: number | null = null;
      for (const r of f.resolutions) if (r.reopenedAt !== null && inSpan(r.reopenedAt) && (first === null || r.reopenedAt < first)) first = r.reopenedAt;
      return first;
    }
    case "negative_csat": {
      const latest = f.ratings[f.ratings.length - 1];
      if (latest === undefined || !inSpan(latest.at)) return null;
      const negative = latest.score <= 2 && latest.score < latest.scaleMax - 1;
      return negative ? latest.at : null;
    }
    case "breached": {
      let first: number | null = null;
      for (const t of breaches) if (inSpan(t) && (first === null || t < first)) first = t;
      return first;
    }
  }
}

function keyAt(f: TicketFacts, by: "category" | "priority" | "channel", t: number): string | null {
  if (by === "channel") return f.channel;
  return by === "priority" ? valueAt(f.priorityTimeline, t) : valueAt(f.categoryTimeline, t);
}

const compareKeys = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

function readPeriod(value: unknown, zone: string, path: IssuePath): { from: number; to: number } {
  if (typeof value !== "object" || value === null) throw invalidArgument(path, "expected a period { from, to }");
  const { from, to } = value as { from?: unknown; to?: unknown };
  const a = readInstant(from, zone, [...path, "from"]);
  const b = readInstant(to, zone, [...path, "to"]);
  if (b <= a) throw invalidArgument([...path, "to"], "the period ends at or before it starts; give a `to` after `from`", "empty_period");
  return { from: a, to: b };
}

/**
 * The top drivers of a measure in a period: a Pareto table with one row per key (category, priority
 * or channel, read at each ticket's anchor) — its count, its share of the period's total and the
 * cumulative share — sorted by count, then key. With `compareTo`, each key also gets its count in
 * the other period, the difference, and whether the change is significant: the conditional Poisson
 * rate test over the two periods' lengths (so periods of different lengths compare fairly), adjusted
 * by Benjamini–Hochberg across the keys tested; keys with fewer than `minN` tickets in both periods
 * together are not tested. Merged-away tickets are excluded. See docs/kpis.md, "Findings".
 *
 * @param tickets - any iterable of `{ id, events }` (or `TicketRow`s, except for `breached`)
 * @param options - `period`, `timeZone`, `asOf`, `by`, `measure`, `compareTo`, `alpha`, `minN`, `slaEngine`
 * @returns the Pareto table
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument`
 *   for bad options (e.g. `breached` without `slaEngine`), `invalid_time`, `invalid_time_zone`
 * @example
 * const t = (id: string, category: string, at: string) => ({ id, events: [{ id: "c", at, type: "created", by: "customer", category }] });
 * const drivers = topDrivers(
 *   [t("T-1", "billing", "2026-03-02T09:00:00Z"), t("T-2", "billing", "2026-03-03T09:00:00Z"), t("T-3", "shipping", "2026-03-04T09:00:00Z")],
 *   { period: { from: "2026-03-01", to: "2026-04-01" }, by: "category", measure: "created" },
 * );
 * drivers.rows.map((r) => [r.key, r.value, r.cumulativeShare]);
 * // => [["billing", 2, 0.6666666666666666], ["shipping", 1, 1]]
 */
export function topDrivers(tickets: Iterable<TicketInput | TicketRow>, options: TopDriversOptions): TopDriversResult {
  if (typeof options !== "object" || options === null) throw invalidArgument([], `expected an options object; call it as ${USAGE}`);
  const compareInput = options.compareTo;
  const base = resolveOptions({ period: options.period, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }), ...(options.asOf === undefined ? {} : { asOf: options.asOf }) }, USAGE);
  const compareTo = compareInput === undefined ? null : readPeriod(compareInput, base.timeZone, ["compareTo"]);
  let asOf = base.asOf;
  if (compareTo !== null && compareTo.to > asOf) {
    if (options.asOf !== undefined) throw invalidArgument(["asOf"], "asOf is before compareTo's end; a period is only known once it is over", "as_of_before_end");
    asOf = compareTo.to;
  }
  const by = options.by ?? "category";
  if (by !== "category" && by !== "priority" && by !== "channel") throw invalidArgument(["by"], 'expected "category", "priority" or "channel"', "invalid_group");
  const measure = options.measure ?? "created";
  if (!(DRIVER_MEASURES as ReadonlyArray<unknown>).includes(measure)) throw invalidArgument(["measure"], `expected one of ${DRIVER_MEASURES.join(", ")}`);
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw invalidArgument(["alpha"], "expected a number between 0 and 1 (exclusive), e.g. 0.05");
  const minN = options.minN ?? 20;
  if (!Number.isSafeInteger(minN) || minN < 1) throw invalidArgument(["minN"], "expected a whole number ≥ 1");
  const engine = options.slaEngine;
  if (measure === "breached" && (typeof engine !== "object" || engine === null || typeof engine.evaluate !== "function")) {
    throw invalidArgument(["slaEngine"], 'measure "breached" needs an SLA engine: pass slaEngine (createSlaEngine from @supportops/sla)');
  }

  const counts = new Map<string | null, { now: number; then: number }>();
  const entry = (key: string | null): { now: number; then: number } => {
    let e = counts.get(key);
    if (e === undefined) {
      e = { now: 0, then: 0 };
      counts.set(key, e);
    }
    return e;
  };
  let merged = 0;
  let index = 0;
  for (const ticket of requireIterable(tickets)) {
    const path = [index];
    index += 1;
    if (measure === "breached" && isRow(ticket)) throw invalidArgument(path, 'measure "breached" needs event logs { id, events }, not flat rows');
    const f = readTicket(ticket, asOf, path);
    if (f === null) continue;
    let breaches: number[] = [];
    if (measure === "breached") {
      const evaluation = rethrowAs(MetricsError, () => (engine as SlaEngineLike).evaluate((ticket as TicketInput).events as ReadonlyArray<unknown>, { at: asOf }), [...path, "events"], "invalid_argument");
      breaches = evaluation.metrics.filter((m) => m.status === "breached" && m.breachedAt !== null && m.breachedAt <= asOf).map((m) => m.breachedAt as number);
    }
    const anchor = anchorOf(measure, f, base.from, base.to, breaches);
    if (anchor !== null) {
      if (f.merged !== null) merged += 1;
      else entry(keyAt(f, by, anchor)).now += 1;
    }
    if (compareTo !== null && f.merged === null) {
      const before = anchorOf(measure, f, compareTo.from, compareTo.to, breaches);
      if (before !== null) entry(keyAt(f, by, before)).then += 1;
    }
  }

  const keys = [...counts.keys()].sort((a, b) => {
    const x = counts.get(a) as { now: number };
    const y = counts.get(b) as { now: number };
    return y.now - x.now || compareKeys(a, b);
  });
  let total = 0;
  let previousTotal = 0;
  for (const e of counts.values()) {
    total += e.now;
    previousTotal += e.then;
  }
  const level = 1 - alpha;
  const spanNow = base.to - base.from;
  const tests = new Map<string | null, ReturnType<typeof compareCounts>>();
  if (compareTo !== null) {
    for (const key of keys) {
      const e = counts.get(key) as { now: number; then: number };
      if (e.now + e.then >= minN) tests.set(key, compareCounts(e.now, spanNow, e.then, compareTo.to - compareTo.from, level));
    }
  }
  const testedKeys = [...tests.keys()];
  const adjusted = benjaminiHochberg(testedKeys.map((k) => (tests.get(k) as { pValue: number }).pValue));
  const adjustedOf = new Map(testedKeys.map((k, i) => [k, adjusted[i] as number]));

  let running = 0;
  const rows: DriverRow[] = keys.map((key) => {
    const e = counts.get(key) as { now: number; then: number };
    running += e.now;
    const row = { key, value: e.now, share: total === 0 ? null : e.now / total, cumulativeShare: total === 0 ? null : running / total };
    if (compareTo === null) return row;
    const outcome = tests.get(key);
    let test: TestedChange | null = null;
    if (outcome !== undefined) {
      const adjustedPValue = adjustedOf.get(key) as number;
      const significant = adjustedPValue <= alpha;
      test = {
        test: outcome.test,
        pValue: outcome.pValue,
        adjustedPValue,
        significant,
        direction: !significant || outcome.sign === 0 ? "none" : outcome.sign > 0 ? "up" : "down",
        effect: outcome.effect,
      };
    }
    return {
      ...row,
      change: { previous: e.then, previousShare: previousTotal === 0 ? null : e.then / previousTotal, difference: e.now - e.then, test, significant: test?.significant ?? false },
    };
  });
  return {
    measure,
    by,
    period: { from: base.from, to: base.to },
    ...(compareTo === null ? {} : { compareTo }),
    asOf,
    timeZone: base.timeZone,
    total,
    ...(compareTo === null ? {} : { previousTotal }),
    excluded: { merged },
    rows,
    method:
      `count of distinct tickets per ${by} read at the anchor (${measure === "created" ? "creation" : measure === "reopened" ? "first reopen in the period" : measure === "negative_csat" ? "latest rating" : "first SLA breach in the period"}); merged-away tickets excluded; sorted by count, then key` +
      (compareTo === null ? "" : `; change: conditional Poisson rate test over the periods' lengths (exact up to 100 000 tickets), two-sided, Benjamini–Hochberg across the ${testedKeys.length} keys with at least ${minN} tickets in both periods together, FDR ${alpha}; rate ratio with its exact ${Math.round(level * 1000) / 10} % interval`),
  };
}
