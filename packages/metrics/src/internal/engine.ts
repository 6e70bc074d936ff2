// The one implementation behind every period KPI, kpiReport and the accumulators: each ticket's facts
// become items (anchored at an instant, grouped by attributes read at that instant); items land in
// cells (KPI × group × bucket) that only add up counts and keep values, so cells merge exactly.
import type { BusinessCalendarLike, CanonicalStatus } from "@supportops/core";
import type { KpiId } from "../KpiOptions.js";
import type { DurationStats, KpiStatsOf } from "../KpiResult.js";
import type { TicketFacts, TimelineEntry } from "../TicketFacts.js";
import type { TicketRow } from "../TicketRow.js";
import { valueAt } from "./factsOf.js";
import type { RowInstants } from "./factsFromRow.js";
import { BucketLookup, bucketsOf, type Bucket, type BucketSpec } from "./buckets.js";
import type { ResolvedOptions } from "./resolveOptions.js";
import { durationStats, durationStatsUnordered, kaplanMeierMedianSorted, percentile, rateStats, selectPercentileRanks, wilsonInterval, type PercentileMethod } from "./statistics.js";
import { DDSketch, type DDSketchJson } from "../DDSketch.js";
import { checkedCalendar, type CheckedCalendar } from "./checkedCalendar.js";
import { IdList, idHash } from "./IdList.js";

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

/** The business-hours variants of the durations: only with a `calendar`. */
export const BUSINESS_KPIS = ["first_response_time_business", "resolution_time_business"] as const satisfies ReadonlyArray<KpiId>;

/** Everything a report computes: the period KPIs, their business-hours variants, SLA attainment. */
export const REPORT_KPIS = [...PERIOD_KPIS, ...BUSINESS_KPIS, "sla_attainment", "backlog"] as const satisfies ReadonlyArray<KpiId>;
export type ReportKpiId = (typeof REPORT_KPIS)[number];

export type GroupAttribute = "category" | "priority" | "channel";
export const GROUP_ATTRIBUTES: ReadonlyArray<GroupAttribute> = ["category", "priority", "channel"];

export interface KpiMeta {
  readonly population: string;
  readonly timeAnchor: string;
  readonly reasons: ReadonlyArray<string>;
}

export const KPI_META: Readonly<Record<ReportKpiId, KpiMeta>> = {
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
  first_response_time_business: {
    population: "as first_response_time; per ticket the business ms between response start and first reply on the calendar",
    timeAnchor: "first reply",
    reasons: ["merged", "agentInitiated"],
  },
  resolution_time_business: {
    population: "as tickets_resolved; per ticket the business ms between creation and latest resolution on the calendar",
    timeAnchor: "latest resolution",
    reasons: ["merged", "reopenedBeforeEnd"],
  },
  backlog: {
    population: "in each bucket, at its end: tickets created by then whose status then is not solved or closed; merged-away tickets (known at asOf) excluded",
    timeAnchor: "each bucket's end",
    reasons: ["merged"],
  },
  sla_attainment: {
    population: "SLA target cycles (metric × ticket × cycle) whose outcome was determined in the period: met at the stop, breached at the breach (even while open)",
    timeAnchor: "the instant the outcome was determined (stop or breach)",
    reasons: ["merged", "cancelled"],
  },
};

/**
 * A growable list of numbers, in chunks of plain double arrays on the JS heap. Growing `Float64Array`s
 * counts as external memory, and over a million tickets that growth alone made V8 run full
 * mark-compact collections of the whole (input-sized) heap; one growing array copies itself at each
 * growth, and the copies the young generation had already promoted were garbage in the old one,
 * with the same effect. A chunk is made at its full size (double the list so far, up to 4096 values)
 * and never copied.
 */
export class NumberList implements Iterable<number> {
  /** The chunks in order; the last is being filled. */
  private readonly chunks: number[][] = [];
  private current: number[] = [];
  /** Values in `current`. */
  private used = 0;
  private count = 0;

  constructor(values: Iterable<number> = []) {
    for (const v of values) this.push(v);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.used === this.current.length) this.addChunk();
    this.current[this.used] = value;
    this.used += 1;
    this.count += 1;
  }

  private addChunk(): void {
    // Filled with a double first: the chunk holds unboxed doubles from the start.
    this.current = new Array<number>(Math.min(4096, Math.max(16, this.count))).fill(0.5);
    this.chunks.push(this.current);
    this.used = 0;
  }

  /** The values, in the order pushed (a copy). */
  view(): Float64Array {
    const out = new Float64Array(this.count);
    let at = 0;
    for (const chunk of this.chunks) {
      const n = chunk === this.current ? this.used : chunk.length;
      for (let i = 0; i < n; i++) out[at + i] = chunk[i] as number;
      at += n;
    }
    return out;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.view()[Symbol.iterator]();
  }
}

/** What a cell keeps: counts add, value lists concatenate, so two cells merge exactly. */
export interface Cell {
  n: number;
  excluded: Record<string, number>;
  /** Durations (ms), ages (backlog) or event times (survival); csat keeps its scores in `distribution`. */
  values: NumberList;
  /** Censored times (survival). */
  censored: NumberList;
  successes: number;
  counters: Record<string, number>;
  /**
   * The ids of FCR successes that fail if another ticket is merged into them ({@link
   * Engine.addFcrCandidate}): decided against `Engine.mergedInto` at the end.
   */
  pendingIds: IdList;
  /** csat: ratings by `score/scaleMax` (the mean is read from it). */
  distribution: Record<string, number>;
  /** With `percentiles: { method: "ddsketch" }`, the durations of the duration KPIs go here instead of `values`. */
  sketch?: DDSketch;
}

/** The KPIs whose values a DDSketch can hold (durations read only through percentiles, min, max and mean). */
export const SKETCHED: ReadonlySet<ReportKpiId> = new Set<ReportKpiId>(["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"]);

export function newCell(): Cell {
  return { n: 0, excluded: {}, values: new NumberList(), censored: new NumberList(), successes: 0, counters: {}, pendingIds: new IdList(), distribution: {} };
}

/** A cell as plain JSON (value lists as arrays). */
export interface CellJson {
  readonly n: number;
  readonly excluded: Readonly<Record<string, number>>;
  /** The cell's values (none for csat since state version 2: its `distribution` holds the ratings). */
  readonly values: ReadonlyArray<number>;
  readonly censored: ReadonlyArray<number>;
  readonly successes: number;
  readonly counters: Readonly<Record<string, number>>;
  /** FCR: the ids of successes still waiting for merges, in the order added. */
  readonly pendingIds: ReadonlyArray<string>;
  readonly distribution: Readonly<Record<string, number>>;
  /** The cell's DDSketch, as the sketch's own JSON (DDSketch percentiles only). */
  readonly sketch?: DDSketchJson;
}

export function cellToJson(cell: Cell): CellJson {
  return {
    ...(cell.sketch === undefined ? {} : { sketch: cell.sketch.toJSON() }),
    n: cell.n,
    excluded: { ...cell.excluded },
    values: [...cell.values],
    censored: [...cell.censored],
    successes: cell.successes,
    counters: { ...cell.counters },
    pendingIds: cell.pendingIds.toArray(),
    distribution: { ...cell.distribution },
  };
}

/** Adds a cell's JSON (already checked) into a cell. */
export function addCellJson(into: Cell, json: CellJson): void {
  const { sketch, ...counts } = json;
  mergeCellInto(into, {
    ...counts,
    values: new NumberList(json.values),
    censored: new NumberList(json.censored),
    excluded: { ...json.excluded },
    counters: { ...json.counters },
    pendingIds: new IdList(json.pendingIds),
    distribution: { ...json.distribution },
    ...(sketch === undefined ? {} : { sketch: DDSketch.fromJSON(sketch) }),
  });
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function mergeCellInto(into: Cell, from: Cell): void {
  into.n += from.n;
  addCounts(into.excluded, from.excluded);
  appendAll(into.values, from.values);
  appendAll(into.censored, from.censored);
  into.successes += from.successes;
  addCounts(into.counters, from.counters);
  into.pendingIds.pushAll(from.pendingIds);
  addCounts(into.distribution, from.distribution);
  if (from.sketch !== undefined) (into.sketch ??= new DDSketch(from.sketch)).merge(from.sketch);
}

function appendAll(into: NumberList, from: NumberList): void {
  const values = from.view();
  for (let i = 0; i < values.length; i++) into.push(values[i] as number);
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Snapshot ages kept in a DDSketch (with `percentiles: { method: "ddsketch" }`): the count is exact,
 * the median within the sketch's relative accuracy.
 */
export class SketchedAges {
  constructor(readonly sketch: DDSketch) {}

  get length(): number {
    return this.sketch.count;
  }

  push(ms: number): void {
    this.sketch.add(ms);
  }
}

/** One list of snapshot ages: every value (exact percentiles) or a DDSketch. */
export type Ages = NumberList | SketchedAges;

/**
 * Ages at asOf of tickets not bucketed by any anchor (awaiting a first reply; open), per group, in
 * calendar ms and (with a calendar) business ms.
 */
export interface Snapshot {
  awaiting: Ages;
  open: Ages;
  awaitingBusiness: Ages;
  openBusiness: Ages;
}

/** An empty snapshot: lists of ages, or DDSketches made with `sketch`'s settings. */
function newSnapshot(sketch: ResolvedOptions["sketch"] = null): Snapshot {
  const ages = (): Ages => (sketch == null ? new NumberList() : new SketchedAges(new DDSketch(sketch)));
  return { awaiting: ages(), open: ages(), awaitingBusiness: ages(), openBusiness: ages() };
}

/** Adds all of `from`'s ages to `into` (both of one kind: the engines' options match). */
function mergeAges(into: Ages, from: Ages): void {
  if (into instanceof SketchedAges) into.sketch.merge((from as SketchedAges).sketch);
  else appendAll(into, from as NumberList);
}

/** One SLA target cycle's state as an SLA engine reports it (`@supportops/sla`'s `evaluate`). */
export interface SlaState {
  readonly metric: string;
  readonly status: string;
  readonly breachedAt: number | null;
  readonly stoppedAt: number | null;
}

const isResolved = (status: CanonicalStatus): boolean => status === "solved" || status === "closed";

export interface EngineConfig {
  readonly kpis: ReadonlyArray<ReportKpiId>;
  readonly options: ResolvedOptions;
  readonly groupBy: ReadonlyArray<GroupAttribute>;
  readonly bucket: BucketSpec | null;
  /** Rows of duration KPIs carry their sorted values (for detectChanges). */
  readonly keepValues?: true;
}

export interface CellRow {
  readonly kpi: ReportKpiId;
  readonly group: Readonly<Record<string, string | null>>;
  readonly bucket: Bucket;
  readonly value: number | null;
  readonly n: number;
  readonly excluded: Readonly<Record<string, number>>;
  readonly stats: KpiStatsOf<ReportKpiId>;
  readonly provisional?: boolean;
  readonly values?: ReadonlyArray<number>;
}

/** The key of a cell in `Engine.cells`. */
const cellKey = (kpi: ReportKpiId, groupKey: string, bucket: number): string => `${kpi}\u0000${groupKey}\u0000${bucket}`;

/** An SLA row's group key: the metric, U+0002, then the user's group key. */
const SLA_SEPARATOR = "\u0002";

export interface CellEntry {
  readonly kpi: ReportKpiId;
  readonly groupKey: string;
  readonly bucket: number;
  readonly cell: Cell;
}

// KPI codes for the hot path's switch (an integer switch, no string compares per ticket and KPI).
const CODE: Readonly<Record<ReportKpiId, number>> = {
  tickets_resolved: 0,
  first_response_time: 1,
  resolution_time: 2,
  first_contact_resolution: 3,
  reopen_rate: 4,
  csat: 5,
  resolution_survival: 6,
  first_response_time_business: 7,
  resolution_time_business: 8,
  sla_attainment: 9,
  backlog: 10,
};

/** The default age buckets of backlog (lower bounds, ms): 0, 1 d, 3 d, 7 d, 30 d. */
const BACKLOG_AGE_BOUNDS = [0, 86_400_000, 3 * 86_400_000, 7 * 86_400_000, 30 * 86_400_000];

/**
 * A status timeline of at most six entries, reused from row to row: read as `valueAt` reads a
 * `TicketFacts` timeline (in order, up to the first entry after the instant; the first entry always).
 */
class RowTimeline {
  private readonly ats = new Float64Array(6);
  private readonly values: CanonicalStatus[] = ["new", "new", "new", "new", "new", "new"];
  length = 0;

  reset(createdAt: number): void {
    this.length = 0;
    this.push(createdAt, "new");
  }

  push(at: number, value: CanonicalStatus): void {
    this.ats[this.length] = at;
    this.values[this.length] = value;
    this.length += 1;
  }

  atOf(i: number): number {
    return this.ats[i] as number;
  }

  statusOf(i: number): CanonicalStatus {
    return this.values[i] as CanonicalStatus;
  }

  statusAt(t: number): CanonicalStatus {
    let value = this.values[0] as CanonicalStatus;
    for (let i = 1; i < this.length; i++) {
      if ((this.ats[i] as number) > t) break;
      value = this.values[i] as CanonicalStatus;
    }
    return value;
  }
}

export class Engine {
  readonly buckets: ReadonlyArray<Bucket>;
  /** Every cell by {@link cellKey}: what `toJSON`, `merge` and `rows` read. */
  readonly cells = new Map<string, CellEntry>();
  readonly snapshots = new Map<string, Snapshot>();
  /** SLA cycles without an outcome at asOf, by SLA group key (metric and group at asOf). */
  readonly slaUndetermined = new Map<string, number>();
  readonly mergedInto = new Set<string>();
  private readonly wantsSnapshot: boolean;
  private readonly wantsBusiness: boolean;
  private readonly codes: ReadonlyArray<number>;
  /** The hot path's index of `cells`: per KPI (position in `config.kpis`) and bucket, cells by group slot. */
  private readonly table: Array<Array<Array<Cell | undefined>>>;
  /** Each group key's slot in `table` (an SLA key, metric and group, is a group key of its own), and back. */
  private readonly slots = new Map<string, number>();
  private readonly slotKeys: string[] = [];
  private readonly singleGroup: GroupAttribute | null;
  /** Finds an instant's bucket (buckets are contiguous: each ends where the next starts, the last at period.to). */
  private readonly bucketLookup: BucketLookup;

  /**
   * @param calendar - for the business-hours KPIs (required when `config.kpis` has one)
   */
  constructor(
    readonly config: EngineConfig,
    readonly calendar: BusinessCalendarLike | null = null,
  ) {
    const o = config.options;
    this.buckets = bucketsOf(o.from, o.to, o.timeZone, config.bucket);
    const k = config.kpis;
    this.wantsBusiness = k.includes("first_response_time_business") || k.includes("resolution_time_business");
    this.wantsSnapshot = this.wantsBusiness || k.includes("first_response_time") || k.includes("resolution_time");
    this.codes = k.map((kpi) => CODE[kpi]);
    this.table = k.map(() => this.buckets.map((): Array<Cell | undefined> => []));
    this.singleGroup = config.groupBy.length === 1 ? (config.groupBy[0] as GroupAttribute) : null;
    this.bucketLookup = new BucketLookup(this.buckets);
  }

  // The last group key computed, for the ticket and instant it was computed at: several KPIs anchor
  // at the same instant (the latest resolution), so most lookups repeat the one before.
  private lastFacts: TicketFacts | null = null;
  private lastAt = 0;
  private lastKey = "";
  private lastSlot = 0;

  // A group key joins the attribute values with U+0001, null written as U+0000: cheaper than JSON on
  // the hot path, and no attribute value a log can hold is confused with another.
  private groupKeyAt(f: TicketFacts, t: number): string {
    if (f === this.lastFacts && t === this.lastAt) return this.lastKey;
    const key = this.groupKeyOf(f, t);
    this.lastFacts = f;
    this.lastAt = t;
    this.lastKey = key;
    this.lastSlot = this.slotOf(key);
    return key;
  }

  /** The slot of the ticket's group at instant `t`. */
  private slotAt(f: TicketFacts, t: number): number {
    if (f === this.lastFacts && t === this.lastAt) return this.lastSlot;
    this.groupKeyAt(f, t);
    return this.lastSlot;
  }

  private slotOf(groupKey: string): number {
    let slot = this.slots.get(groupKey);
    if (slot === undefined) {
      slot = this.slotKeys.length;
      this.slots.set(groupKey, slot);
      this.slotKeys.push(groupKey);
    }
    return slot;
  }

  private groupKeyOf(f: TicketFacts, t: number): string {
    const single = this.singleGroup;
    if (single !== null) {
      const value = single === "channel" ? f.channel : single === "priority" ? valueAt(f.priorityTimeline, t) : valueAt(f.categoryTimeline, t);
      return value === null ? "\u0000" : value;
    }
    let key = "";
    const groupBy = this.config.groupBy;
    for (let i = 0; i < groupBy.length; i++) {
      const attribute = groupBy[i];
      const value = attribute === "channel" ? f.channel : attribute === "priority" ? valueAt(f.priorityTimeline, t) : valueAt(f.categoryTimeline, t);
      key += (i === 0 ? "" : "\u0001") + (value === null ? "\u0000" : value);
    }
    return key;
  }

  /** The bucket holding `t`, or -1. */
  private bucketOf(t: number): number {
    return this.bucketLookup.indexOf(t);
  }

  /** The cell of the KPI at position `k` of `config.kpis`, for a group key, in bucket `bucket`. */
  private cellIn(k: number, groupKey: string, bucket: number): Cell {
    return this.cellAt(k, this.slotOf(groupKey), bucket);
  }

  /** The cell of the KPI at position `k` of `config.kpis`, for a group's slot, in bucket `bucket`. */
  private cellAt(k: number, slot: number, bucket: number): Cell {
    const bySlot = (this.table[k] as Array<Array<Cell | undefined>>)[bucket] as Array<Cell | undefined>;
    let cell = bySlot[slot];
    if (cell === undefined) {
      cell = newCell();
      bySlot[slot] = cell;
      const groupKey = this.slotKeys[slot] as string;
      const kpi = this.config.kpis[k] as ReportKpiId;
      const sketch = this.config.options.sketch;
      if (sketch != null && SKETCHED.has(kpi)) cell.sketch = new DDSketch(sketch);
      this.cells.set(cellKey(kpi, groupKey, bucket), { kpi, groupKey, bucket, cell });
    }
    return cell;
  }

  /** The cell of a KPI, group and bucket (made empty when new). */
  cellFor(kpi: ReportKpiId, groupKey: string, bucket: number): Cell {
    const k = this.config.kpis.indexOf(kpi);
    if (k === -1 || bucket < 0 || bucket >= this.buckets.length) throw new RangeError(`no cell for ${kpi} in bucket ${bucket}`);
    return this.cellIn(k, groupKey, bucket);
  }

  snapshotFor(groupKey: string): Snapshot {
    let snapshot = this.snapshots.get(groupKey);
    if (snapshot === undefined) {
      snapshot = newSnapshot(this.config.options.sketch);
      this.snapshots.set(groupKey, snapshot);
    }
    return snapshot;
  }

  /** Business ms between two instants on the calendar, checked against the calendar contract. */
  private businessMs(a: number, b: number): number {
    this.checked ??= checkedCalendar(this.calendar as BusinessCalendarLike, ["calendar"]);
    return this.checked.between(a, b);
  }
  private checked: CheckedCalendar | null = null;

  /**
   * Adds one checked `TicketRow` straight into the cells, without building its facts: the same items
   * `add(factsFromRow(row, asOf))` adds (test/internal/addRow.property.test.ts compares the two), read
   * off the row's columns. A row's group is its attributes at asOf, whatever the anchor; its status
   * timeline is the one factsFromRow makes: created (new), the first resolution reopened at once when
   * the latest is another, the latest with its reopen, the merge (closed).
   */
  addRow(row: TicketRow, t: RowInstants): void {
    const o = this.config.options;
    const createdAt = t.created;
    if (createdAt > o.asOf) return;
    const groupKey = this.rowGroupKey(row);
    const slot = this.slotOf(groupKey);
    const merged = row.merged_into !== null && t.merged !== null;
    if (merged) this.mergedInto.add(row.merged_into as string);
    const first = t.firstResolved;
    const latest = t.latestResolved;
    // The row's resolutions, as factsFromRow lists them (none unless both columns are set).
    const resolved = first !== null && latest !== null;
    const earlier = resolved && first !== latest;
    const reopenOfLatest = resolved && t.lastReopened !== null && t.lastReopened > latest ? t.lastReopened : null;
    const timeline = this.rowTimeline(createdAt, resolved ? first : null, resolved ? latest : null, reopenOfLatest, t.merged);
    const reply = t.firstReply;
    const start = t.responseStart;
    const codes = this.codes;
    let resolvedAtTo: boolean | undefined;
    // The latest resolution's bucket, found once for the KPIs anchored there (-2: not yet).
    let latestBucket = -2;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k];
      switch (code) {
        case 0: // tickets_resolved
        case 2: // resolution_time
        case 3: // first_contact_resolution
        case 8: {
          // resolution_time_business
          if (latest === null) break;
          if (latestBucket === -2) latestBucket = this.bucketOf(latest);
          const b = latestBucket;
          if (b === -1) break;
          resolvedAtTo ??= isResolved(timeline.statusAt(o.to));
          if (!resolvedAtTo) {
            if (code !== 3) bump(this.cellAt(k, slot, b).excluded, "reopenedBeforeEnd");
            break;
          }
          const cell = this.cellAt(k, slot, b);
          if (code === 3) {
            // Replies known are all taken at the first reply's time; at most two of them matter.
            const replies = reply !== null && reply <= latest ? Math.min(row.public_agent_replies, 2) : 0;
            if (replies === 0) bump(cell.excluded, "noPublicReply");
            else if (merged) bump(cell.excluded, "merged");
            else {
              // The earlier resolution is reopened at once: within any window.
              const reopenedInWindow = earlier || (reopenOfLatest !== null && reopenOfLatest - latest <= o.windowMs);
              const windowOpen = !reopenedInWindow && resolved && reopenOfLatest === null && o.asOf < latest + o.windowMs;
              countFcr(cell, row.id, replies === 1 && !reopenedInWindow, windowOpen, o.mergedInFails);
            }
            break;
          }
          if (merged) {
            bump(cell.excluded, "merged");
            break;
          }
          cell.n += 1;
          if (code === 2) pushDuration(cell, latest - createdAt);
          else if (code === 8) pushDuration(cell, this.businessMs(createdAt, latest));
          break;
        }
        case 1: // first_response_time
        case 7: {
          // first_response_time_business
          if (reply !== null && start !== null) {
            const b = this.bucketOf(reply);
            if (b === -1) break;
            const cell = this.cellAt(k, slot, b);
            if (merged) {
              bump(cell.excluded, "merged");
              break;
            }
            cell.n += 1;
            pushDuration(cell, code === 1 ? reply - start : this.businessMs(start, reply));
          } else if (row.created_by === "agent" && start === null && reply !== null) {
            const b = this.bucketOf(reply);
            if (b !== -1) bump(this.cellAt(k, slot, b).excluded, "agentInitiated");
          }
          break;
        }
        case 4:
          if (resolved) this.addRowReopenRate(k, slot, earlier ? first : null, latest, reopenOfLatest, merged);
          break;
        case 5: {
          // csat: a row has the latest rating only
          const score = row.csat_score;
          if (score === null || t.csat === null) break;
          const b = this.bucketOf(t.csat);
          if (b === -1) break;
          const cell = this.cellAt(k, slot, b);
          if (merged) bump(cell.excluded, "merged");
          else countRating(cell, score, row.csat_scale_max ?? 5);
          break;
        }
        case 6: {
          // resolution_survival
          const b = this.bucketOf(createdAt);
          if (b === -1) break;
          const cell = this.cellAt(k, slot, b);
          if (merged) bump(cell.excluded, "merged");
          else countSurvival(cell, isResolved(row.status) ? latest : null, createdAt, o.asOf);
          break;
        }
        case 10:
          this.addRowBacklog(k, slot, createdAt, timeline, merged);
          break;
        default:
          // sla_attainment: never from rows
          break;
      }
    }
    if (this.wantsSnapshot && !merged && !isResolved(row.status)) this.addOpen(groupKey, createdAt, start, reply);
  }

  /** A row's group key: its attributes (at asOf) as `groupKeyOf` joins them. */
  private rowGroupKey(row: TicketRow): string {
    const single = this.singleGroup;
    if (single !== null) {
      const value = single === "channel" ? row.channel : single === "priority" ? row.priority : row.category;
      return value === null ? "\u0000" : value;
    }
    let key = "";
    const groupBy = this.config.groupBy;
    for (let i = 0; i < groupBy.length; i++) {
      const attribute = groupBy[i];
      const value = attribute === "channel" ? row.channel : attribute === "priority" ? row.priority : row.category;
      key += (i === 0 ? "" : "\u0001") + (value === null ? "\u0000" : value);
    }
    return key;
  }

  /** The one reused status timeline of the row being added. */
  private readonly rowStatuses = new RowTimeline();

  private rowTimeline(createdAt: number, earlier: number | null, latest: number | null, reopenOfLatest: number | null, mergedAt: number | null): RowTimeline {
    const timeline = this.rowStatuses;
    timeline.reset(createdAt);
    if (latest !== null) {
      if (earlier !== null && earlier !== latest) {
        timeline.push(earlier, "solved");
        timeline.push(earlier, "open");
      }
      timeline.push(latest, "solved");
      if (reopenOfLatest !== null) timeline.push(reopenOfLatest, "open");
    }
    if (mergedAt !== null) timeline.push(mergedAt, "closed");
    return timeline;
  }

  /**
   * Reopen rate from a row's resolutions: `earlier` (reopened at once, only when the latest is
   * another) and `latest` with its reopen.
   */
  private addRowReopenRate(k: number, slot: number, earlier: number | null, latest: number, reopenOfLatest: number | null, merged: boolean): void {
    const o = this.config.options;
    let first: number | null = null;
    let reopened = false;
    let pending = false;
    for (let i = earlier === null ? 1 : 0; i < 2; i++) {
      const at = i === 0 ? (earlier as number) : latest;
      const reopenedAt = i === 0 ? at : reopenOfLatest;
      if (reopenedAt !== null) {
        const b = this.bucketOf(reopenedAt);
        if (b !== -1) {
          const cell = this.cellAt(k, slot, b);
          if (!merged) bump(cell.counters, "reopenEvents");
        }
      }
      if (at < o.from || at >= o.to) continue;
      first ??= at;
      if (reopenedAt !== null && reopenedAt - at <= o.windowMs) reopened = true;
      if (reopenedAt === null && o.asOf < at + o.windowMs) pending = true;
    }
    if (first === null) return;
    const cell = this.cellAt(k, slot, this.bucketOf(first));
    if (merged) {
      bump(cell.excluded, "merged");
      return;
    }
    cell.n += 1;
    if (reopened) cell.successes += 1;
    else if (pending) bump(cell.counters, "pendingWindow");
  }

  /** Backlog at each bucket's end from a row's status timeline. */
  private addRowBacklog(k: number, slot: number, createdAt: number, timeline: RowTimeline, merged: boolean): void {
    const buckets = this.buckets;
    let j = 0;
    for (let b = 0; b < buckets.length; b++) {
      const at = (buckets[b] as Bucket).end;
      if (createdAt > at) continue;
      while (j + 1 < timeline.length && timeline.atOf(j + 1) <= at) j += 1;
      const status = timeline.statusOf(j);
      if (isResolved(status)) continue;
      const cell = this.cellAt(k, slot, b);
      if (merged) bump(cell.excluded, "merged");
      else countBacklog(cell, at - createdAt, status);
    }
  }

  /** Adds one ticket's facts (read, never kept). */
  add(f: TicketFacts): void {
    this.addItems(f);
    this.lastFacts = null;
  }

  private addItems(f: TicketFacts): void {
    const o = this.config.options;
    const merged = f.merged !== null;
    if (f.merged !== null) this.mergedInto.add(f.merged.into);
    const codes = this.codes;
    // Whether the ticket is solved or closed at the period's end: read once, when a KPI needs it.
    let resolvedAtTo: boolean | undefined;
    // The latest resolution's bucket, found once for the KPIs anchored there (-2: not yet).
    let latestBucket = -2;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k];
      switch (code) {
        case 0: // tickets_resolved
        case 2: // resolution_time
        case 3: // first_contact_resolution
        case 8: {
          // resolution_time_business
          const latest = f.latestResolvedAt;
          if (latest === null) break;
          if (latestBucket === -2) latestBucket = this.bucketOf(latest);
          const b = latestBucket;
          if (b === -1) break;
          resolvedAtTo ??= isResolved(valueAt(f.statusTimeline, o.to));
          if (!resolvedAtTo) {
            if (code !== 3) bump(this.cellAt(k, this.slotAt(f, latest), b).excluded, "reopenedBeforeEnd");
            break;
          }
          if (code === 3) {
            this.addFcr(k, f, latest, b, merged);
            break;
          }
          const cell = this.cellAt(k, this.slotAt(f, latest), b);
          if (merged) {
            bump(cell.excluded, "merged");
            break;
          }
          cell.n += 1;
          if (code === 2) pushDuration(cell, latest - f.createdAt);
          else if (code === 8) pushDuration(cell, this.businessMs(f.createdAt, latest));
          break;
        }
        case 1: // first_response_time
        case 7: {
          // first_response_time_business
          const reply = f.firstReplyAt;
          const start = f.responseStartAt;
          if (reply !== null && start !== null) {
            const b = this.bucketOf(reply);
            if (b === -1) break;
            const cell = this.cellAt(k, this.slotAt(f, reply), b);
            if (merged) {
              bump(cell.excluded, "merged");
              break;
            }
            cell.n += 1;
            pushDuration(cell, code === 1 ? reply - start : this.businessMs(start, reply));
          } else if (f.createdBy === "agent" && start === null && f.firstAgentMessageAt !== null) {
            const b = this.bucketOf(f.firstAgentMessageAt);
            if (b !== -1) bump(this.cellAt(k, this.slotAt(f, f.firstAgentMessageAt), b).excluded, "agentInitiated");
          }
          break;
        }
        case 4:
          this.addReopenRate(k, f, merged);
          break;
        case 5:
          this.addCsat(k, f, merged);
          break;
        case 6: {
          // resolution_survival
          const b = this.bucketOf(f.createdAt);
          if (b === -1) break;
          const cell = this.cellAt(k, this.slotAt(f, f.createdAt), b);
          if (merged) {
            bump(cell.excluded, "merged");
            break;
          }
          countSurvival(cell, isResolved(f.status) ? f.latestResolvedAt : null, f.createdAt, o.asOf);
          break;
        }
        case 10:
          this.addBacklog(k, f, merged);
          break;
        default:
          // sla_attainment: from the SLA engine's states, in addSla
          break;
      }
    }
    if (this.wantsSnapshot && !merged && !isResolved(f.status)) this.addOpen(this.groupKeyOf(f, o.asOf), f.createdAt, f.responseStartAt, f.firstReplyAt);
  }

  /** A ticket open at asOf (not merged away): its age, and its wait for a first reply while it has none. */
  private addOpen(groupKey: string, createdAt: number, responseStartAt: number | null, firstReplyAt: number | null): void {
    const asOf = this.config.options.asOf;
    const snapshot = this.snapshotFor(groupKey);
    snapshot.open.push(asOf - createdAt);
    const awaiting = responseStartAt !== null && firstReplyAt === null;
    if (awaiting) snapshot.awaiting.push(asOf - responseStartAt);
    if (this.wantsBusiness) {
      snapshot.openBusiness.push(this.businessMs(createdAt, asOf));
      if (awaiting) snapshot.awaitingBusiness.push(this.businessMs(responseStartAt, asOf));
    }
  }

  private addFcr(k: number, f: TicketFacts, latest: number, b: number, merged: boolean): void {
    const o = this.config.options;
    let replies = 0;
    for (const at of f.replyTimes) if (at <= latest) replies += 1;
    const cell = this.cellAt(k, this.slotAt(f, latest), b);
    if (replies === 0) {
      bump(cell.excluded, "noPublicReply");
      return;
    }
    if (merged) {
      bump(cell.excluded, "merged");
      return;
    }
    let reopenedInWindow = false;
    for (const r of f.resolutions) if (r.reopenedAt !== null && r.reopenedAt - r.at <= o.windowMs) reopenedInWindow = true;
    const lastResolution = f.resolutions[f.resolutions.length - 1];
    const windowOpen = !reopenedInWindow && lastResolution?.reopenedAt === null && o.asOf < latest + o.windowMs;
    countFcr(cell, f.id, replies === 1 && !reopenedInWindow, windowOpen, o.mergedInFails);
  }

  private addReopenRate(k: number, f: TicketFacts, merged: boolean): void {
    const o = this.config.options;
    let first: number | null = null;
    let reopened = false;
    let pending = false;
    for (const r of f.resolutions) {
      if (r.reopenedAt !== null) {
        const b = this.bucketOf(r.reopenedAt);
        if (b !== -1) {
          const cell = this.cellAt(k, this.slotAt(f, r.reopenedAt), b);
          if (!merged) bump(cell.counters, "reopenEvents");
        }
      }
      if (r.at < o.from || r.at >= o.to) continue;
      first ??= r.at;
      if (r.reopenedAt !== null && r.reopenedAt - r.at <= o.windowMs) reopened = true;
      if (r.reopenedAt === null && o.asOf < r.at + o.windowMs) pending = true;
    }
    if (first === null) return;
    const cell = this.cellAt(k, this.slotAt(f, first), this.bucketOf(first));
    if (merged) {
      bump(cell.excluded, "merged");
      return;
    }
    cell.n += 1;
    if (reopened) cell.successes += 1;
    else if (pending) bump(cell.counters, "pendingWindow");
  }

  /** Backlog at each bucket's end: one walk over the status timeline for all the bucket ends. */
  private addBacklog(k: number, f: TicketFacts, merged: boolean): void {
    const buckets = this.buckets;
    const timeline = f.statusTimeline;
    let j = 0;
    let status = (timeline[0] as TimelineEntry<CanonicalStatus>).value;
    for (let b = 0; b < buckets.length; b++) {
      const at = (buckets[b] as Bucket).end;
      if (f.createdAt > at) continue;
      while (j + 1 < timeline.length && (timeline[j + 1] as TimelineEntry<CanonicalStatus>).at <= at) {
        j += 1;
        status = (timeline[j] as TimelineEntry<CanonicalStatus>).value;
      }
      if (isResolved(status)) continue;
      const cell = this.cellAt(k, this.slotOf(this.groupKeyOf(f, at)), b);
      if (merged) {
        bump(cell.excluded, "merged");
        continue;
      }
      countBacklog(cell, at - f.createdAt, status);
    }
  }

  private addCsat(k: number, f: TicketFacts, merged: boolean): void {
    const ratings = f.ratings;
    const latest = ratings[ratings.length - 1];
    if (latest === undefined) return;
    for (let i = 0; i < ratings.length - 1; i++) {
      const r = ratings[i] as (typeof ratings)[number];
      const b = this.bucketOf(r.at);
      if (b !== -1) bump(this.cellAt(k, this.slotAt(f, r.at), b).excluded, "superseded");
    }
    const b = this.bucketOf(latest.at);
    if (b === -1) return;
    const cell = this.cellAt(k, this.slotAt(f, latest.at), b);
    if (merged) {
      bump(cell.excluded, "merged");
      return;
    }
    countRating(cell, latest.score, latest.scaleMax);
  }

  /**
   * Adds one ticket's SLA cycles (its states from an SLA engine evaluated at asOf) to
   * `sla_attainment`: met at the stop, breached at the breach (only a breach at or before asOf),
   * cancelled cycles excluded, cycles still running counted as undetermined under the group at asOf.
   */
  addSla(f: TicketFacts, states: ReadonlyArray<SlaState>): void {
    const k = this.config.kpis.indexOf("sla_attainment");
    if (k === -1) return;
    const o = this.config.options;
    const merged = f.merged !== null;
    for (const state of states) {
      let met: boolean;
      let at: number;
      // An active cycle carries its *future* breach instant too: only a breach that happened counts.
      if (state.status === "breached" && state.breachedAt !== null && state.breachedAt <= o.asOf) {
        met = false;
        at = state.breachedAt;
      } else if (state.status === "achieved" && state.stoppedAt !== null) {
        met = true;
        at = state.stoppedAt;
      } else if (state.status === "cancelled") {
        if (state.stoppedAt === null) continue;
        const b = this.bucketOf(state.stoppedAt);
        if (b !== -1) bump(this.cellIn(k, state.metric + SLA_SEPARATOR + this.groupKeyAt(f, state.stoppedAt), b).excluded, merged ? "merged" : "cancelled");
        continue;
      } else {
        const key = state.metric + SLA_SEPARATOR + this.groupKeyAt(f, o.asOf);
        this.slaUndetermined.set(key, (this.slaUndetermined.get(key) ?? 0) + 1);
        continue;
      }
      const b = this.bucketOf(at);
      if (b === -1) continue;
      const cell = this.cellIn(k, state.metric + SLA_SEPARATOR + this.groupKeyAt(f, at), b);
      if (merged) {
        bump(cell.excluded, "merged");
        continue;
      }
      cell.n += 1;
      if (met) cell.successes += 1;
      else bump(cell.counters, "breached");
    }
  }

  mergeFrom(other: Engine): void {
    for (const { kpi, groupKey, bucket, cell } of other.cells.values()) mergeCellInto(this.cellFor(kpi, groupKey, bucket), cell);
    for (const [groupKey, snapshot] of other.snapshots) {
      const mine = this.snapshotFor(groupKey);
      mergeAges(mine.awaiting, snapshot.awaiting);
      mergeAges(mine.open, snapshot.open);
      mergeAges(mine.awaitingBusiness, snapshot.awaitingBusiness);
      mergeAges(mine.openBusiness, snapshot.openBusiness);
    }
    for (const [key, count] of other.slaUndetermined) this.slaUndetermined.set(key, (this.slaUndetermined.get(key) ?? 0) + count);
    for (const id of other.mergedInto) this.mergedInto.add(id);
  }

  /** Medians of snapshot ages, per snapshot list, while `rows` runs (each group has one row per bucket). */
  private medianMemo = new Map<Ages, number | null>();

  private snapshotMedian(ages: Ages): number | null {
    let median = this.medianMemo.get(ages);
    if (median === undefined) {
      median = ages instanceof SketchedAges ? sketchPercentile(ages.sketch, 50) : medianOf(ages.view(), this.config.options.percentile);
      this.medianMemo.set(ages, median);
    }
    return median;
  }

  /** `idHash` of every id in `mergedInto`, for the set's size it was computed at (the set only grows). */
  private mergedHashes: { size: number; hashes: Set<number> } | undefined;

  private mergedIntoHashes(): Set<number> {
    if (this.mergedHashes?.size !== this.mergedInto.size) {
      const hashes = new Set<number>();
      for (const id of this.mergedInto) hashes.add(idHash(id));
      this.mergedHashes = { size: this.mergedInto.size, hashes };
    }
    return this.mergedHashes.hashes;
  }

  /** Every non-empty cell as a finished row, sorted by KPI, group, bucket. */
  rows(): CellRow[] {
    this.medianMemo = new Map();
    const order = new Map(this.config.kpis.map((kpi, i) => [kpi, i]));
    const entries = [...this.cells.values()].sort(
      (a, b) => (order.get(a.kpi) ?? 0) - (order.get(b.kpi) ?? 0) || (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0) || a.bucket - b.bucket,
    );
    const rows = entries.map(({ kpi, groupKey, bucket, cell }) => this.finish(kpi, groupKey, bucket, cell));
    this.medianMemo = new Map();
    return rows;
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

  finish(kpi: ReportKpiId, groupKey: string, bucketIndex: number, cell: Cell): CellRow {
    const o = this.config.options;
    const excluded: Record<string, number> = {};
    for (const reason of KPI_META[kpi].reasons) excluded[reason] = cell.excluded[reason] ?? 0;
    const bucket = this.buckets[bucketIndex] as Bucket;
    if (kpi === "sla_attainment") {
      const cut = groupKey.indexOf(SLA_SEPARATOR);
      const metric = groupKey.slice(0, cut);
      const breached = cell.counters["breached"] ?? 0;
      return {
        kpi,
        group: { metric, ...this.groupOf(groupKey.slice(cut + 1)) },
        bucket,
        n: cell.n,
        excluded,
        value: cell.n === 0 ? null : cell.successes / cell.n,
        stats: {
          successes: cell.successes,
          breached,
          ci: wilsonInterval(cell.successes, cell.n),
          undetermined: this.slaUndetermined.get(groupKey) ?? 0,
          byMetric: { [metric]: { met: cell.successes, breached } },
        },
      };
    }
    const base = { kpi, group: this.groupOf(groupKey), bucket, n: cell.n, excluded };
    const provisional = o.asOf < o.to + o.windowMs;
    switch (kpi) {
      case "tickets_resolved":
        return { ...base, value: cell.n, stats: {} };
      case "first_response_time":
      case "resolution_time":
      case "first_response_time_business":
      case "resolution_time_business": {
        // A full sort only when the row carries its values; otherwise the order statistics by selection.
        let kept = {};
        let durations: DurationStats;
        if (cell.sketch !== undefined) durations = sketchStats(cell.sketch, o);
        else if (this.config.keepValues === true) {
          const values = sorted(cell.values);
          durations = durationStats(values, o);
          kept = { values: Array.from(values) };
        } else durations = durationStatsUnordered(cell.values.view(), o);
        const snapshot = this.snapshots.get(groupKey) ?? EMPTY_SNAPSHOT;
        const business = kpi === "first_response_time_business" || kpi === "resolution_time_business";
        if (kpi === "first_response_time" || kpi === "first_response_time_business") {
          const awaiting = business ? snapshot.awaitingBusiness : snapshot.awaiting;
          return {
            ...base,
            value: durations.median,
            stats: { ...durations, awaitingFirstReply: snapshot.awaiting.length, awaitingMedianAge: this.snapshotMedian(awaiting) },
            ...kept,
          };
        }
        const open = snapshot.open.length;
        return {
          ...base,
          value: durations.median,
          stats: {
            ...durations,
            open,
            openMedianAge: this.snapshotMedian(business ? snapshot.openBusiness : snapshot.open),
            censoredFraction: open + cell.n === 0 ? null : open / (open + cell.n),
          },
          ...kept,
        };
      }
      case "first_contact_resolution": {
        const failedOnlyByMergedIn = cell.pendingIds.countIn(this.mergedInto, this.mergedIntoHashes());
        const successes = cell.successes + cell.pendingIds.length - failedOnlyByMergedIn;
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
        const m = csatMean(cell.distribution);
        return {
          ...base,
          value: cell.n === 0 ? null : cell.successes / cell.n,
          stats: { ...rateStats(cell.successes, cell.n), mean: m, distribution: { ...cell.distribution } },
        };
      }
      case "backlog": {
        // One pass: the sum (whole ms, exact in any order) and each age's bucket (half-open, ascending bounds).
        const ages = cell.values.view();
        const counts = BACKLOG_AGE_BOUNDS.map(() => 0);
        const last = BACKLOG_AGE_BOUNDS.length - 1;
        let sum = 0;
        for (let a = 0; a < ages.length; a++) {
          const age = ages[a] as number;
          sum += age;
          if (!(age >= 0)) continue;
          let i = last;
          while (age < (BACKLOG_AGE_BOUNDS[i] as number)) i -= 1;
          counts[i] = (counts[i] as number) + 1;
        }
        const buckets = BACKLOG_AGE_BOUNDS.map((from, i) => ({ from, to: BACKLOG_AGE_BOUNDS[i + 1] ?? null, count: counts[i] as number }));
        return {
          ...base,
          value: cell.n,
          stats: { buckets, medianAge: medianOf(ages, o.percentile), meanAge: ages.length === 0 ? null : Math.round(sum / ages.length), byStatus: { ...cell.counters } },
        };
      }
      case "resolution_survival": {
        const events = sorted(cell.values);
        let sum = 0;
        for (let i = 0; i < events.length; i++) sum += events[i] as number;
        const naiveMean = events.length === 0 ? null : sum / events.length;
        return {
          ...base,
          value: kaplanMeierMedianSorted(events, sorted(cell.censored)),
          stats: { events: events.length, censored: cell.censored.length, naiveMedian: percentile(events, 50, o.percentile), naiveMean: naiveMean === null ? null : Math.round(naiveMean) },
        };
      }
    }
  }
}

/** The median of `values` (scratch: reordered) by selection, as `percentile` of them sorted. */
function medianOf(values: Float64Array, method: PercentileMethod): number | null {
  selectPercentileRanks(values, [50], method);
  return percentile(values, 50, method);
}

/** The values in ascending order, sorted as float64s (much faster than a comparator on large cells). */
function sorted(values: NumberList): Float64Array {
  return values.view().sort();
}

/**
 * The mean score of a csat distribution (`null` for none): Σ score × count / Σ count. Scores are whole
 * numbers (core and the row reader check them), so every partial sum is a whole number below 2^53 and
 * exact: the same double as summing the scores one by one in any order, then dividing.
 */
function csatMean(distribution: Readonly<Record<string, number>>): number | null {
  let sum = 0;
  let count = 0;
  for (const key in distribution) {
    const times = distribution[key] as number;
    sum += Number(key.slice(0, key.indexOf("/"))) * times;
    count += times;
  }
  return count === 0 ? null : sum / count;
}

/** Keeps a duration: in the cell's DDSketch when it has one, else in its exact values. */
function pushDuration(cell: Cell, ms: number): void {
  if (cell.sketch !== undefined) cell.sketch.add(ms);
  else cell.values.push(ms);
}

/**
 * A resolved ticket counted by first contact resolution. A clean one, when merged-in tickets fail it,
 * waits: its id goes to the cell's pending list (as bytes) and is decided against `mergedInto` when the
 * rows are read. (Deciding the ids already known to be merged into at once saves little — a merge
 * mostly comes after its target — and a set lookup per success cost more than the rest.)
 */
function countFcr(cell: Cell, id: string, clean: boolean, windowOpen: boolean, mergedInFails: boolean): void {
  cell.n += 1;
  if (clean && !mergedInFails) cell.successes += 1;
  if (clean && mergedInFails) cell.pendingIds.push(id);
  if (windowOpen) bump(cell.counters, "windowOpen");
}

/** A latest rating counted by CSAT: by `score/scaleMax` in the cell's distribution (no list of scores; the mean comes from it). */
function countRating(cell: Cell, score: number, scaleMax: number): void {
  cell.n += 1;
  if (score >= scaleMax - 1) cell.successes += 1;
  bump(cell.distribution, ratingKey(score, scaleMax));
}

/** `"score/scaleMax"` keys of the scales a log allows (2 to 10 points), made once: a fresh string per rating made each count look its key up. */
const RATING_KEYS: ReadonlyArray<ReadonlyArray<string>> = Array.from({ length: 11 }, (_, max) => Array.from({ length: max + 1 }, (_, score) => `${score}/${max}`));

function ratingKey(score: number, scaleMax: number): string {
  return (scaleMax <= 10 ? RATING_KEYS[scaleMax]?.[score] : undefined) ?? `${score}/${scaleMax}`;
}

/** A ticket created in the period, for survival: an event at its latest resolution when resolved at asOf, else censored at asOf. */
function countSurvival(cell: Cell, latestResolvedAt: number | null, createdAt: number, asOf: number): void {
  cell.n += 1;
  if (latestResolvedAt !== null) cell.values.push(latestResolvedAt - createdAt);
  else cell.censored.push(asOf - createdAt);
}

/** A ticket in the backlog at a bucket's end. */
function countBacklog(cell: Cell, ageMs: number, status: CanonicalStatus): void {
  cell.n += 1;
  cell.values.push(ageMs);
  bump(cell.counters, status);
}

const EMPTY_SNAPSHOT: Snapshot = newSnapshot();

/** The `percent`-th percentile of a DDSketch by nearest rank, within its relative accuracy, rounded to whole ms. */
function sketchPercentile(sketch: DDSketch, percent: number): number | null {
  // The nearest rank ⌈n·q/100⌉ in integers, as the exact percentiles compute it.
  const v = sketch.valueAtRank(Math.max(1, Math.floor((sketch.count * percent + 99) / 100)));
  return v === null ? null : Math.round(v);
}

/** Duration stats from a DDSketch: percentiles within its relative accuracy (rounded to whole ms); mean, min and max exact. */
function sketchStats(sketch: DDSketch, o: ResolvedOptions): DurationStats {
  return {
    median: sketchPercentile(sketch, 50),
    p90: sketchPercentile(sketch, 90),
    mean: sketch.count === 0 ? null : Math.round(sketch.sum / sketch.count),
    min: sketch.min,
    max: sketch.max,
    belowMinN: sketch.count < o.minN,
  };
}

