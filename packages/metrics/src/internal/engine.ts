// The one implementation behind every period KPI, kpiReport and the accumulators: each ticket's facts
// become items (anchored at an instant, grouped by attributes read at that instant); items land in
// cells (KPI × group × bucket) that only add up counts and keep values, so cells merge exactly.
import type { CanonicalStatus } from "@supportops/core";
import type { KpiId } from "../KpiOptions.js";
import type { DurationStats, KpiStatsOf, RateStats } from "../KpiResult.js";
import type { TicketFacts } from "../TicketFacts.js";
import { valueAt } from "./factsOf.js";
import { bucketIndexOf, bucketsOf, type Bucket, type BucketSpec } from "./buckets.js";
import type { ResolvedOptions } from "./resolveOptions.js";
import { kaplanMeierMedian, mean, percentile, wilsonInterval } from "./statistics.js";
import { DDSketch } from "../DDSketch.js";

/** The KPIs an accumulator computes over a period (`backlog` is a snapshot, computed on its own). */
export const PERIOD_KPIS = [
  "tickets_resolved",
  "first_response_time",
  "resolution_time",
  "first_contact_resolution",
  "reopen_rate",
  "csat",
  "resolution_survival",
] as const satisfies ReadonlyArray<KpiId>;
export type PeriodKpiId = (typeof PERIOD_KPIS)[number];

export type GroupAttribute = "category" | "priority" | "channel";
export const GROUP_ATTRIBUTES: ReadonlyArray<GroupAttribute> = ["category", "priority", "channel"];

export interface KpiMeta {
  readonly population: string;
  readonly timeAnchor: string;
  readonly reasons: ReadonlyArray<string>;
}

export const KPI_META: Readonly<Record<PeriodKpiId, KpiMeta>> = {
  tickets_resolved: {
    population: "tickets whose latest resolution known at asOf is in the period and that are solved or closed at period.to; merged-away tickets excluded",
    timeAnchor: "latest resolution",
    reasons: ["merged", "reopenedBeforeEnd"],
  },
  first_response_time: {
    population: "tickets whose first reply (public human-agent message at or after the response start) is in the period; merged-away tickets excluded",
    timeAnchor: "first reply",
    reasons: ["merged", "agentInitiated"],
  },
  resolution_time: {
    population: "as tickets_resolved; per ticket latest resolution − creation",
    timeAnchor: "latest resolution",
    reasons: ["merged", "reopenedBeforeEnd"],
  },
  first_contact_resolution: {
    population: "tickets counted by tickets_resolved with at least one reply at or before their latest resolution",
    timeAnchor: "latest resolution",
    reasons: ["merged", "noPublicReply"],
  },
  reopen_rate: {
    population: "tickets with at least one resolution in the period",
    timeAnchor: "first resolution in the period",
    reasons: ["merged"],
  },
  csat: {
    population: "tickets whose latest rating known at asOf was given in the period",
    timeAnchor: "rating",
    reasons: ["merged", "superseded"],
  },
  resolution_survival: {
    population: "tickets created in the period: resolved at asOf = event at latest resolution − creation, open = censored at asOf − creation",
    timeAnchor: "creation",
    reasons: ["merged"],
  },
};

/** What a cell keeps: counts add, value lists concatenate, so two cells merge exactly. */
export interface Cell {
  n: number;
  excluded: Record<string, number>;
  /** Durations (ms), scores (csat) or event times (survival). */
  values: number[];
  /** Censored times (survival). */
  censored: number[];
  successes: number;
  counters: Record<string, number>;
  /** FCR successes that fail if another ticket was merged into them: decided at the end. */
  pendingIds: string[];
  distribution: Record<string, number>;
  /** With `percentiles: { method: "ddsketch" }`, the durations of first response and resolution time go here instead of `values`. */
  sketch?: DDSketch;
}

/** The KPIs whose values a DDSketch can hold (durations read only through percentiles, min, max and mean). */
const SKETCHED: ReadonlySet<PeriodKpiId> = new Set(["first_response_time", "resolution_time"]);

export function newCell(): Cell {
  return { n: 0, excluded: {}, values: [], censored: [], successes: 0, counters: {}, pendingIds: [], distribution: {} };
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function mergeCellInto(into: Cell, from: Cell): void {
  into.n += from.n;
  addCounts(into.excluded, from.excluded);
  for (const v of from.values) into.values.push(v);
  for (const v of from.censored) into.censored.push(v);
  into.successes += from.successes;
  addCounts(into.counters, from.counters);
  for (const id of from.pendingIds) into.pendingIds.push(id);
  addCounts(into.distribution, from.distribution);
  if (from.sketch !== undefined) (into.sketch ??= new DDSketch(from.sketch)).merge(from.sketch);
}

/** Ages at asOf of tickets not bucketed by any anchor (awaiting a first reply; open), per group. */
export interface Snapshot {
  awaiting: number[];
  open: number[];
}

/** One item of a KPI: counted (with its value), or excluded for a reason, or a bare counter. */
type Item =
  | { readonly kind: "in"; readonly value?: number; readonly success?: boolean; readonly pendingId?: string; readonly counter?: string; readonly censored?: boolean; readonly rating?: string }
  | { readonly kind: "excluded"; readonly reason: string }
  | { readonly kind: "counter"; readonly counter: string };

const isResolved = (status: CanonicalStatus): boolean => status === "solved" || status === "closed";

export interface EngineConfig {
  readonly kpis: ReadonlyArray<PeriodKpiId>;
  readonly options: ResolvedOptions;
  readonly groupBy: ReadonlyArray<GroupAttribute>;
  readonly bucket: BucketSpec | null;
}

export interface CellRow {
  readonly kpi: PeriodKpiId;
  readonly group: Readonly<Record<string, string | null>>;
  readonly bucket: Bucket;
  readonly value: number | null;
  readonly n: number;
  readonly excluded: Readonly<Record<string, number>>;
  readonly stats: KpiStatsOf<PeriodKpiId>;
  readonly provisional?: boolean;
}

export class Engine {
  readonly buckets: ReadonlyArray<Bucket>;
  readonly cells = new Map<string, { kpi: PeriodKpiId; groupKey: string; bucket: number; cell: Cell }>();
  readonly snapshots = new Map<string, Snapshot>();
  readonly mergedInto = new Set<string>();
  private readonly wantsSnapshot: boolean;

  constructor(readonly config: EngineConfig) {
    const o = config.options;
    this.buckets = bucketsOf(o.from, o.to, o.timeZone, config.bucket);
    this.wantsSnapshot = config.kpis.includes("first_response_time") || config.kpis.includes("resolution_time");
  }

  // A group key joins the attribute values with U+0001, null written as U+0000: cheaper than JSON on
  // the hot path, and no attribute value a log can hold is confused with another.
  private groupKeyAt(f: TicketFacts, t: number): string {
    let key = "";
    const groupBy = this.config.groupBy;
    for (let i = 0; i < groupBy.length; i++) {
      const attribute = groupBy[i];
      const value = attribute === "channel" ? f.channel : attribute === "priority" ? valueAt(f.priorityTimeline, t) : valueAt(f.categoryTimeline, t);
      key += (i === 0 ? "" : "\u0001") + (value === null ? "\u0000" : value);
    }
    return key;
  }

  cellFor(kpi: PeriodKpiId, groupKey: string, bucket: number): Cell {
    const key = `${kpi}\u0000${groupKey}\u0000${bucket}`;
    let entry = this.cells.get(key);
    if (entry === undefined) {
      entry = { kpi, groupKey, bucket, cell: newCell() };
      const sketch = this.config.options.sketch;
      if (sketch != null && SKETCHED.has(kpi)) entry.cell.sketch = new DDSketch(sketch);
      this.cells.set(key, entry);
    }
    return entry.cell;
  }

  snapshotFor(groupKey: string): Snapshot {
    let snapshot = this.snapshots.get(groupKey);
    if (snapshot === undefined) {
      snapshot = { awaiting: [], open: [] };
      this.snapshots.set(groupKey, snapshot);
    }
    return snapshot;
  }

  add(f: TicketFacts): void {
    const o = this.config.options;
    if (f.merged !== null) this.mergedInto.add(f.merged.into);
    const merged = f.merged !== null;
    let kpi: PeriodKpiId = "tickets_resolved";
    const sink = (anchor: number, item: Item): void => {
        const bucket = bucketIndexOf(this.buckets, anchor);
        if (bucket === -1) return;
        const cell = this.cellFor(kpi, this.groupKeyAt(f, anchor), bucket);
        if (item.kind === "counter") {
          if (!merged) cell.counters[item.counter] = (cell.counters[item.counter] ?? 0) + 1;
          return;
        }
        if (item.kind === "excluded") {
          cell.excluded[item.reason] = (cell.excluded[item.reason] ?? 0) + 1;
          return;
        }
        // A ticket merged away is excluded wherever it would have been counted.
        if (merged) {
          cell.excluded["merged"] = (cell.excluded["merged"] ?? 0) + 1;
          return;
        }
        cell.n += 1;
        if (item.censored === true) cell.censored.push(item.value as number);
        else if (item.value !== undefined) {
          if (cell.sketch !== undefined) cell.sketch.add(item.value);
          else cell.values.push(item.value);
        }
        if (item.success === true) cell.successes += 1;
        if (item.pendingId !== undefined) cell.pendingIds.push(item.pendingId);
        if (item.counter !== undefined) cell.counters[item.counter] = (cell.counters[item.counter] ?? 0) + 1;
        if (item.rating !== undefined) cell.distribution[item.rating] = (cell.distribution[item.rating] ?? 0) + 1;
    };
    periodFrom = o.from;
    periodTo = o.to;
    for (const each of this.config.kpis) {
      kpi = each;
      emitItems(kpi, f, o, sink);
    }
    if (this.wantsSnapshot && !merged && !isResolved(f.status)) {
      const snapshot = this.snapshotFor(this.groupKeyAt(f, o.asOf));
      snapshot.open.push(o.asOf - f.createdAt);
      if (f.responseStartAt !== null && f.firstReplyAt === null) snapshot.awaiting.push(o.asOf - f.responseStartAt);
    }
  }

  mergeFrom(other: Engine): void {
    for (const { kpi, groupKey, bucket, cell } of other.cells.values()) mergeCellInto(this.cellFor(kpi, groupKey, bucket), cell);
    for (const [groupKey, snapshot] of other.snapshots) {
      const mine = this.snapshotFor(groupKey);
      for (const v of snapshot.awaiting) mine.awaiting.push(v);
      for (const v of snapshot.open) mine.open.push(v);
    }
    for (const id of other.mergedInto) this.mergedInto.add(id);
  }

  /** Every non-empty cell as a finished row, sorted by KPI, group, bucket. */
  rows(): CellRow[] {
    const order = new Map(this.config.kpis.map((kpi, i) => [kpi, i]));
    const entries = [...this.cells.values()].sort(
      (a, b) => (order.get(a.kpi) ?? 0) - (order.get(b.kpi) ?? 0) || (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0) || a.bucket - b.bucket,
    );
    return entries.map(({ kpi, groupKey, bucket, cell }) => this.finish(kpi, groupKey, bucket, cell));
  }

  groupOf(groupKey: string): Record<string, string | null> {
    const group: Record<string, string | null> = {};
    if (this.config.groupBy.length === 0) return group;
    const values = groupKey.split("\u0001");
    this.config.groupBy.forEach((attribute, i) => {
      const value = values[i] ?? "\u0000";
      group[attribute] = value === "\u0000" ? null : value;
    });
    return group;
  }

  finish(kpi: PeriodKpiId, groupKey: string, bucketIndex: number, cell: Cell): CellRow {
    const o = this.config.options;
    const excluded: Record<string, number> = {};
    for (const reason of KPI_META[kpi].reasons) excluded[reason] = cell.excluded[reason] ?? 0;
    const bucket = this.buckets[bucketIndex] as Bucket;
    const base = { kpi, group: this.groupOf(groupKey), bucket, n: cell.n, excluded };
    const provisional = o.asOf < o.to + o.windowMs;
    const sorted = (values: ReadonlyArray<number>): number[] => [...values].sort((a, b) => a - b);
    switch (kpi) {
      case "tickets_resolved":
        return { ...base, value: cell.n, stats: {} };
      case "first_response_time":
      case "resolution_time": {
        const durations = cell.sketch !== undefined ? sketchStats(cell.sketch, o) : durationStats(sorted(cell.values), o);
        const snapshot = this.snapshots.get(groupKey) ?? { awaiting: [], open: [] };
        if (kpi === "first_response_time") {
          return {
            ...base,
            value: durations.median,
            stats: { ...durations, awaitingFirstReply: snapshot.awaiting.length, awaitingMedianAge: percentile(sorted(snapshot.awaiting), 50, o.percentile) },
          };
        }
        const open = snapshot.open.length;
        return {
          ...base,
          value: durations.median,
          stats: { ...durations, open, openMedianAge: percentile(sorted(snapshot.open), 50, o.percentile), censoredFraction: open + cell.n === 0 ? null : open / (open + cell.n) },
        };
      }
      case "first_contact_resolution": {
        let successes = cell.successes;
        let failedOnlyByMergedIn = 0;
        for (const id of cell.pendingIds) {
          if (this.mergedInto.has(id)) failedOnlyByMergedIn += 1;
          else successes += 1;
        }
        return {
          ...base,
          value: cell.n === 0 ? null : successes / cell.n,
          stats: { ...rateStats(successes, cell.n), windowOpen: cell.counters["windowOpen"] ?? 0, failedOnlyByMergedIn },
          provisional,
        };
      }
      case "reopen_rate":
        return {
          ...base,
          value: cell.n === 0 ? null : cell.successes / cell.n,
          stats: { ...rateStats(cell.successes, cell.n), reopenEvents: cell.counters["reopenEvents"] ?? 0, pendingWindow: cell.counters["pendingWindow"] ?? 0 },
          provisional,
        };
      case "csat": {
        const m = mean(cell.values);
        return {
          ...base,
          value: cell.n === 0 ? null : cell.successes / cell.n,
          stats: { ...rateStats(cell.successes, cell.n), mean: m, distribution: { ...cell.distribution } },
        };
      }
      case "resolution_survival": {
        const events = sorted(cell.values);
        const naiveMean = mean(events);
        return {
          ...base,
          value: kaplanMeierMedian(events, cell.censored),
          stats: { events: events.length, censored: cell.censored.length, naiveMedian: percentile(events, 50, o.percentile), naiveMean: naiveMean === null ? null : Math.round(naiveMean) },
        };
      }
    }
  }
}

function durationStats(sorted: ReadonlyArray<number>, o: ResolvedOptions): DurationStats {
  const m = mean(sorted);
  return {
    median: percentile(sorted, 50, o.percentile),
    p90: percentile(sorted, 90, o.percentile),
    mean: m === null ? null : Math.round(m),
    min: sorted.length === 0 ? null : (sorted[0] as number),
    max: sorted.length === 0 ? null : (sorted[sorted.length - 1] as number),
    belowMinN: sorted.length < o.minN,
  };
}

/** Duration stats from a DDSketch: percentiles within its relative accuracy (rounded to whole ms); mean, min and max exact. */
function sketchStats(sketch: DDSketch, o: ResolvedOptions): DurationStats {
  // The nearest rank ⌈n·q/100⌉ in integers, as the exact percentiles compute it.
  const q = (percent: number): number | null => {
    const v = sketch.valueAtRank(Math.max(1, Math.floor((sketch.count * percent + 99) / 100)));
    return v === null ? null : Math.round(v);
  };
  return {
    median: q(50),
    p90: q(90),
    mean: sketch.count === 0 ? null : Math.round(sketch.sum / sketch.count),
    min: sketch.min,
    max: sketch.max,
    belowMinN: sketch.count < o.minN,
  };
}

function rateStats(successes: number, n: number): RateStats {
  return { successes, ci: wilsonInterval(successes, n) };
}

/** Whether `t` is in the half-open period (module level: no closure per call on the hot path). */
let periodFrom = 0;
let periodTo = 0;
function within(t: number): boolean {
  return t >= periodFrom && t < periodTo;
}

/** The items one ticket contributes to one KPI, each with its anchor instant. */
function emitItems(kpi: PeriodKpiId, f: TicketFacts, o: ResolvedOptions, emit: (anchor: number, item: Item) => void): void {
  const inPeriod = within;
  switch (kpi) {
    case "tickets_resolved":
    case "resolution_time":
    case "first_contact_resolution": {
      const latest = f.latestResolvedAt;
      if (latest === null || !inPeriod(latest)) return;
      if (!isResolved(valueAt(f.statusTimeline, o.to))) {
        if (kpi !== "first_contact_resolution") emit(latest, { kind: "excluded", reason: "reopenedBeforeEnd" });
        return;
      }
      if (kpi === "tickets_resolved") return emit(latest, { kind: "in" });
      if (kpi === "resolution_time") return emit(latest, { kind: "in", value: latest - f.createdAt });
      let replies = 0;
      for (const at of f.replyTimes) if (at <= latest) replies += 1;
      if (replies === 0) return emit(latest, { kind: "excluded", reason: "noPublicReply" });
      const reopenedInWindow = f.resolutions.some((r) => r.reopenedAt !== null && r.reopenedAt - r.at <= o.windowMs);
      const lastResolution = f.resolutions[f.resolutions.length - 1];
      const windowOpen = !reopenedInWindow && lastResolution?.reopenedAt === null && o.asOf < latest + o.windowMs;
      const clean = replies === 1 && !reopenedInWindow;
      return emit(latest, {
        kind: "in",
        ...(clean && !o.mergedInFails ? { success: true } : {}),
        ...(clean && o.mergedInFails ? { pendingId: f.id } : {}),
        ...(windowOpen ? { counter: "windowOpen" } : {}),
      });
    }
    case "first_response_time": {
      if (f.firstReplyAt !== null && f.responseStartAt !== null) {
        if (inPeriod(f.firstReplyAt)) emit(f.firstReplyAt, { kind: "in", value: f.firstReplyAt - f.responseStartAt });
      } else if (f.createdBy === "agent" && f.responseStartAt === null && f.firstAgentMessageAt !== null && inPeriod(f.firstAgentMessageAt)) {
        emit(f.firstAgentMessageAt, { kind: "excluded", reason: "agentInitiated" });
      }
      return;
    }
    case "reopen_rate": {
      for (const r of f.resolutions) if (r.reopenedAt !== null && inPeriod(r.reopenedAt)) emit(r.reopenedAt, { kind: "counter", counter: "reopenEvents" });
      const inP = f.resolutions.filter((r) => inPeriod(r.at));
      const first = inP[0];
      if (first === undefined) return;
      const reopened = inP.some((r) => r.reopenedAt !== null && r.reopenedAt - r.at <= o.windowMs);
      const pending = !reopened && inP.some((r) => r.reopenedAt === null && o.asOf < r.at + o.windowMs);
      return emit(first.at, { kind: "in", success: reopened, ...(pending ? { counter: "pendingWindow" } : {}) });
    }
    case "csat": {
      const ratings = f.ratings;
      const latest = ratings[ratings.length - 1];
      if (latest === undefined) return;
      for (let i = 0; i < ratings.length - 1; i++) {
        const r = ratings[i] as (typeof ratings)[number];
        if (inPeriod(r.at)) emit(r.at, { kind: "excluded", reason: "superseded" });
      }
      if (!inPeriod(latest.at)) return;
      return emit(latest.at, { kind: "in", value: latest.score, success: latest.score >= latest.scaleMax - 1, rating: `${latest.score}/${latest.scaleMax}` });
    }
    case "resolution_survival": {
      if (!inPeriod(f.createdAt)) return;
      if (isResolved(f.status) && f.latestResolvedAt !== null) return emit(f.createdAt, { kind: "in", value: f.latestResolvedAt - f.createdAt });
      return emit(f.createdAt, { kind: "in", value: o.asOf - f.createdAt, censored: true });
    }
  }
}
