import { rethrowAs, type BusinessCalendarLike, type IssuePath } from "@supportops/core";
import { KPI_IDS, type KpiId, type KpiOptions } from "./KpiOptions.js";
import type { KpiReport } from "./kpiReport.js";
import { MetricsError } from "./MetricsError.js";
import type { TicketFacts, TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import type { SlaEngineLike } from "./slaAttainment.js";
import { addTicket, isRow } from "./internal/readTicket.js";
import { DDSketch, type DDSketchJson } from "./DDSketch.js";
import {
  BUSINESS_KPIS,
  Engine,
  GROUP_ATTRIBUTES,
  NumberList,
  PERIOD_KPIS,
  REPORT_KPIS,
  SKETCHED,
  SketchedAges,
  addCellJson,
  cellToJson,
  type Ages,
  type CellJson,
  type GroupAttribute,
  type ReportKpiId,
} from "./internal/engine.js";
import { invalidArgument, readCalendar, resolveOptions, type ResolvedOptions } from "./internal/resolveOptions.js";
import type { BucketSpec } from "./internal/buckets.js";

/**
 * How a report cuts time: local ISO weeks (from Monday 00:00, or from `weekStart`: 1 = Monday … 7 =
 * Sunday) or local months, in the options' `timeZone`.
 *
 * @example
 * const bucket: ReportBucketOption = { unit: "week" };
 * const usWeeks: ReportBucketOption = { unit: "week", weekStart: 7 };
 */
export interface ReportBucketOption {
  readonly unit: "week" | "month";
  readonly weekStart?: number;
}

/**
 * Options of {@link createAccumulator} and `kpiReport`: the period KPI options, which KPIs, how to
 * group and how to bucket.
 *
 * @example
 * const options: ReportOptions = {
 *   kpis: ["tickets_resolved", "first_response_time"],
 *   period: { from: "2026-01-01", to: "2026-04-01" },
 *   timeZone: "Europe/Berlin",
 *   groupBy: ["category"],
 *   bucket: { unit: "week" },
 * };
 */
export interface ReportOptions extends KpiOptions {
  /**
   * Default: every period KPI (all but `backlog`, a stock, which a report gives at each bucket's end
   * only when listed), plus the business-hours variants when `calendar` is given and
   * `sla_attainment` when `slaEngine` is given.
   */
  readonly kpis?: ReadonlyArray<KpiId>;
  /** Attributes to group by, each read at the item's anchor (channel never changes). Default none. */
  readonly groupBy?: ReadonlyArray<GroupAttribute>;
  /** Time buckets; default one bucket, the whole period. */
  readonly bucket?: ReportBucketOption;
  /**
   * An SLA engine (`createSlaEngine` from `@supportops/sla`): reports then include `sla_attainment`,
   * one row per SLA metric (in the row's group as `metric`) × group × bucket. Needs ticket logs.
   */
  readonly slaEngine?: SlaEngineLike;
  /**
   * Keep each duration row's values (`first_response_time`, `resolution_time` and their business
   * variants: `row.values`, sorted ascending, in ms), which `detectChanges` needs for its rank test.
   * Default `false`.
   */
  readonly keepValues?: boolean;
}

/**
 * What a restored accumulator cannot get from JSON: the calendar and SLA engine it was made with
 * (needed to add more tickets, not to read the result).
 *
 * @example
 * const extras: AccumulatorExtras = { calendar: undefined };
 */
export interface AccumulatorExtras {
  readonly calendar?: BusinessCalendarLike;
  readonly slaEngine?: SlaEngineLike;
}

/**
 * The serialisable state of a {@link KpiAccumulator}: plain JSON. Version 2 (this one) keeps csat
 * scores only in each cell's `distribution` and, with `percentiles: { method: "ddsketch" }`, the
 * snapshot ages as DDSketches; {@link accumulatorFromJSON} reads versions 1 and 2.
 *
 * @example
 * const acc = createAccumulator({ period: { from: "2026-01-01", to: "2026-02-01" } });
 * const json: KpiAccumulatorJson = acc.toJSON();
 * json.version; // => 2
 */
export interface KpiAccumulatorJson {
  readonly version: 2;
  readonly config: {
    readonly kpis: ReadonlyArray<ReportKpiId>;
    readonly options: ResolvedOptions;
    readonly groupBy: ReadonlyArray<GroupAttribute>;
    readonly bucket: BucketSpec | null;
    readonly keepValues?: true;
  };
  readonly cells: ReadonlyArray<{ readonly kpi: ReportKpiId; readonly groupKey: string; readonly bucket: number; readonly cell: CellJson }>;
  /** Per group, the ages at asOf (ms): every age (exact percentiles) or a DDSketch of them (`percentiles: { method: "ddsketch" }`). */
  readonly snapshots: ReadonlyArray<{
    readonly groupKey: string;
    readonly awaiting: ReadonlyArray<number> | DDSketchJson;
    readonly open: ReadonlyArray<number> | DDSketchJson;
    /** Business-hours ages (only with a calendar; absent in states written before they existed). */
    readonly awaitingBusiness?: ReadonlyArray<number> | DDSketchJson;
    readonly openBusiness?: ReadonlyArray<number> | DDSketchJson;
  }>;
  readonly mergedInto: ReadonlyArray<string>;
  /** SLA cycles without an outcome at asOf, by metric and group (absent when SLA attainment is not computed). */
  readonly slaUndetermined?: ReadonlyArray<{ readonly key: string; readonly count: number }>;
}

/**
 * A mergeable, serialisable accumulator of KPIs: add tickets one at a time (or in shards, workers,
 * days), merge accumulators made with the same options, save and restore them as JSON, and read the
 * report at any point. Percentiles are exact (the values are kept) unless `percentiles: { method:
 * "ddsketch" }` keeps them in bounded memory. Besides counts and values, an accumulator keeps the ids of
 * merged-into tickets and of first-contact successes still waiting for merges (docs/kpis.md,
 * "Accumulators"). Merging any split of the tickets gives exactly what one pass over all of them gives.
 *
 * @example
 * const acc = createAccumulator({ kpis: ["tickets_resolved"], period: { from: "2026-03-01", to: "2026-04-01" } });
 * acc.add({ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 * ] });
 * acc.result().rows[0]?.value; // => 1
 */
export interface KpiAccumulator {
  /**
   * Adds one ticket — a log (validated) or a `TicketRow` (validated; see docs/kpis.md for what rows
   * cannot tell) — ignoring one created after `asOf`. Returns the accumulator.
   */
  add(ticket: TicketInput | TicketRow): KpiAccumulator;
  /** Adds a ticket already read into facts (as of this accumulator's `asOf`). */
  addFacts(facts: TicketFacts): KpiAccumulator;
  /** Adds everything `other` holds; both must have been made with the same options. Returns this accumulator. */
  merge(other: KpiAccumulator): KpiAccumulator;
  /** The state as plain JSON; {@link accumulatorFromJSON} reads it back. */
  toJSON(): KpiAccumulatorJson;
  /** The report of everything added so far. */
  result(): KpiReport;
}

const ENGINE = Symbol("engine");
interface Internal extends KpiAccumulator {
  readonly [ENGINE]: Engine;
}

function readList<T extends string>(value: unknown, allowed: ReadonlyArray<T>, path: IssuePath, code: "unknown_kpi" | "invalid_group"): T[] {
  if (!Array.isArray(value)) throw invalidArgument(path, `expected an array of ${allowed.join(", ")}`, code);
  value.forEach((item, i) => {
    if (!(allowed as ReadonlyArray<unknown>).includes(item)) {
      throw invalidArgument([...path, i], `unknown ${JSON.stringify(item)}; use one of ${allowed.join(", ")}`, code);
    }
  });
  return [...new Set(value as T[])];
}

/** Checks report options into an engine configuration. */
function engineConfigOf(input: unknown, usage: string, extras: { readonly calendar: boolean; readonly slaEngine: boolean }): ConstructorParameters<typeof Engine>[0] {
  const options = resolveOptions(input, usage);
  const raw = input as ReportOptions;
  let kpis: ReportKpiId[] = [...PERIOD_KPIS, ...(extras.calendar ? BUSINESS_KPIS : []), ...(extras.slaEngine ? (["sla_attainment"] as const) : [])];
  if (raw.kpis !== undefined) {
    const listed = readList(raw.kpis, KPI_IDS, ["kpis"], "unknown_kpi");
    listed.forEach((k, i) => {
      if ((BUSINESS_KPIS as ReadonlyArray<string>).includes(k) && !extras.calendar) {
        throw invalidArgument(["kpis", i], `${k} measures business hours: give the calendar as the \`calendar\` option (createCalendar from @supportops/sla)`, "unknown_kpi");
      }
      if (k === "sla_attainment" && !extras.slaEngine) {
        throw invalidArgument(["kpis", i], "sla_attainment reads SLA states: give the \`slaEngine\` option (createSlaEngine from @supportops/sla)", "unknown_kpi");
      }
    });
    // Known to be report KPIs now; kept in REPORT_KPIS order-independent form, as listed.
    kpis = listed.filter((k): k is ReportKpiId => (REPORT_KPIS as ReadonlyArray<string>).includes(k));
  }
  const groupBy = raw.groupBy === undefined ? [] : readList(raw.groupBy, GROUP_ATTRIBUTES, ["groupBy"], "invalid_group");
  let bucket: BucketSpec | null = null;
  if (raw.bucket !== undefined) {
    const b = raw.bucket as Partial<ReportBucketOption> | null;
    if (typeof b !== "object" || b === null || (b.unit !== "week" && b.unit !== "month")) {
      throw invalidArgument(["bucket"], 'expected { unit: "week" } or { unit: "month" }', "invalid_bucket");
    }
    const weekStart = b.weekStart ?? 1;
    if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7) {
      throw invalidArgument(["bucket", "weekStart"], "expected an ISO weekday number, 1 (Monday) to 7 (Sunday)", "invalid_bucket");
    }
    if (b.unit === "month" && b.weekStart !== undefined) throw invalidArgument(["bucket", "weekStart"], "weekStart only applies to weeks", "invalid_bucket");
    bucket = { unit: b.unit, weekStart };
  }
  if (raw.keepValues !== undefined && typeof raw.keepValues !== "boolean") throw invalidArgument(["keepValues"], "expected true or false");
  if (raw.keepValues === true && options.sketch != null) throw invalidArgument(["keepValues"], 'a DDSketch keeps no values; drop keepValues or use exact percentiles (percentiles: { method: "exact" })');
  return { kpis, options, groupBy, bucket, ...(raw.keepValues === true ? { keepValues: true as const } : {}) };
}

function wrap(engine: Engine, slaEngine: SlaEngineLike | null): KpiAccumulator {
  let index = 0;
  const kpis = engine.config.kpis;
  const wantsSla = kpis.includes("sla_attainment");
  const needsCalendar = kpis.some((k) => (BUSINESS_KPIS as ReadonlyArray<string>).includes(k));
  const missing = (what: string): MetricsError =>
    invalidArgument([], `this accumulator computes KPIs that need the ${what} it was made with; pass it again: accumulatorFromJSON(state, { ${what} })`);
  const acc: Internal = {
    [ENGINE]: engine,
    add(ticket) {
      if (needsCalendar && engine.calendar === null) throw missing("calendar");
      if (wantsSla && slaEngine === null) throw missing("slaEngine");
      const at = index;
      index += 1;
      if (wantsSla && isRow(ticket)) throw invalidArgument([at], "sla_attainment needs each ticket's event log (SLA states come from replaying it); a TicketRow has none");
      const facts = addTicket(engine, ticket, at);
      if (facts !== null && wantsSla && slaEngine !== null) {
        const events = (ticket as TicketInput).events as ReadonlyArray<unknown>;
        const evaluation = rethrowAs(MetricsError, () => slaEngine.evaluate(events, { at: engine.config.options.asOf }), [at, "events"], "invalid_argument");
        engine.addSla(facts, evaluation.metrics);
      }
      return acc;
    },
    addFacts(facts) {
      if (needsCalendar && engine.calendar === null) throw missing("calendar");
      if (wantsSla) throw invalidArgument([], "sla_attainment needs each ticket's event log; add the ticket with add({ id, events }) instead of addFacts");
      if (facts.createdAt <= engine.config.options.asOf) engine.add(facts);
      return acc;
    },
    merge(other) {
      const theirs = (other as Partial<Internal>)[ENGINE];
      if (theirs === undefined) throw invalidArgument([], "expected an accumulator made by createAccumulator or accumulatorFromJSON");
      if (JSON.stringify(theirs.config) !== JSON.stringify(engine.config)) {
        throw invalidArgument([], "the accumulators were made with different options (KPIs, period, asOf, zone, window, grouping or buckets); only like accumulators merge", "options_mismatch");
      }
      engine.mergeFrom(theirs);
      return acc;
    },
    toJSON() {
      const ages = (a: Ages): ReadonlyArray<number> | DDSketchJson => (a instanceof SketchedAges ? a.sketch.toJSON() : [...a]);
      return {
        version: 2,
        config: structuredClone(engine.config) as KpiAccumulatorJson["config"],
        cells: [...engine.cells.values()].map(({ kpi, groupKey, bucket, cell }) => ({ kpi, groupKey, bucket, cell: cellToJson(cell) })),
        snapshots: [...engine.snapshots].map(([groupKey, s]) => ({
          groupKey,
          awaiting: ages(s.awaiting),
          open: ages(s.open),
          ...(needsCalendar ? { awaitingBusiness: ages(s.awaitingBusiness), openBusiness: ages(s.openBusiness) } : {}),
        })),
        mergedInto: [...engine.mergedInto].sort(),
        ...(wantsSla ? { slaUndetermined: [...engine.slaUndetermined].map(([key, count]) => ({ key, count })) } : {}),
      };
    },
    result() {
      return reportOf(engine);
    },
  };
  return acc;
}

/** The report of an engine. */
function reportOf(engine: Engine): KpiReport {
  const o = engine.config.options;
  return {
    period: { from: o.from, to: o.to },
    asOf: o.asOf,
    timeZone: o.timeZone,
    rows: engine.rows(),
    ...(o.sketch == null ? {} : { percentiles: `DDSketch nearest-rank, each within relative accuracy ${o.sketch.relativeAccuracy} of the exact value (the percentiles and the open and awaiting median ages; ${o.sketch.maxBins} bins at most; mean, min, max and counts exact)` }),
  };
}

/**
 * Creates an empty {@link KpiAccumulator}.
 *
 * @param options - the report options (period, zone, asOf, window, KPIs, groupBy, bucket)
 * @returns the accumulator
 * @throws {@link MetricsError} `invalid_argument`, `invalid_time`, `invalid_duration`, `invalid_time_zone` for bad options
 * @example
 * const monday = createAccumulator({ period: { from: "2026-03-01", to: "2026-04-01" }, groupBy: ["channel"] });
 * const tuesday = createAccumulator({ period: { from: "2026-03-01", to: "2026-04-01" }, groupBy: ["channel"] });
 * monday.merge(tuesday).result().rows; // => []
 */
export function createAccumulator(options: ReportOptions): KpiAccumulator {
  const usage = "createAccumulator({ period: { from, to }, … })";
  const raw = options as Partial<ReportOptions> | null;
  const calendar = readCalendar(typeof raw === "object" && raw !== null ? raw.calendar : undefined, ["calendar"]);
  const slaEngine = readSlaEngine(typeof raw === "object" && raw !== null ? raw.slaEngine : undefined);
  const config = engineConfigOf(options, usage, { calendar: calendar !== null, slaEngine: slaEngine !== null });
  return wrap(new Engine(config, calendar), slaEngine);
}

function readSlaEngine(value: unknown): SlaEngineLike | null {
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null || typeof (value as Partial<SlaEngineLike>).evaluate !== "function") {
    throw invalidArgument(["slaEngine"], "expected an SLA engine (createSlaEngine from @supportops/sla)");
  }
  return value as SlaEngineLike;
}

function stateError(message: string, path: IssuePath = []): MetricsError {
  return new MetricsError("invalid_accumulator_state", [{ code: "invalid_accumulator_state", path, message }]);
}

/**
 * One list of snapshot ages from a state: ages (whole ms ≥ 0) — into a DDSketch when the accumulator
 * sketches, as a version-1 state writes them — or a DDSketch's JSON made with the config's settings.
 */
function readAges(value: unknown, sketch: ResolvedOptions["sketch"], path: IssuePath): Ages {
  if (isNumberArray(value)) {
    if (!value.every((v) => v >= 0)) throw stateError("ages are never negative", path);
    if (sketch == null) return new NumberList(value);
    const ages = new SketchedAges(new DDSketch(sketch));
    for (const v of value) ages.push(v);
    return ages;
  }
  if (sketch == null) throw stateError("expected a list of ages in ms (this accumulator keeps exact percentiles)", path);
  let read: DDSketch;
  try {
    read = DDSketch.fromJSON(value);
  } catch (error) {
    if (error instanceof MetricsError) throw stateError(`expected a list of ages or a DDSketch state: ${error.message}`, path);
    throw error;
  }
  if (read.relativeAccuracy !== sketch.relativeAccuracy || read.maxBins !== sketch.maxBins) throw stateError("the sketch was made with another relative accuracy or bin count than the config says", path);
  return new SketchedAges(read);
}

/** A csat cell: its distribution counts `score/scaleMax` (1 ≤ score ≤ scaleMax) n times in all; a version-1 cell lists its n scores too. */
function checkCsatCell(cell: CellJson, path: IssuePath): void {
  let total = 0;
  for (const [key, count] of Object.entries(cell.distribution)) {
    const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(key);
    if (match === null || Number(match[1]) > Number(match[2]) || !Number.isSafeInteger(Number(match[2]))) {
      throw stateError(`a csat distribution counts ratings by "score/scaleMax" (1 ≤ score ≤ scaleMax), not ${JSON.stringify(key)}`, [...path, "distribution"]);
    }
    total += count;
  }
  if (total !== cell.n) throw stateError(`the csat distribution counts ${total} ratings, but n = ${cell.n}`, [...path, "distribution"]);
  if (cell.values.length !== 0 && cell.values.length !== cell.n) throw stateError("a csat cell lists no scores (version 2) or its n scores (version 1)", [...path, "values"]);
}

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x));
const isCountRecord = (v: unknown): v is Record<string, number> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0);

/**
 * Restores an accumulator from its {@link KpiAccumulator.toJSON} state.
 *
 * @param json - the state (parsed JSON)
 * @param extras - the calendar and SLA engine the accumulator was made with, needed only to add more tickets
 * @returns an accumulator that goes on where the saved one stopped
 * @throws {@link MetricsError} `invalid_accumulator_state` for anything no accumulator wrote
 * @example
 * const acc = createAccumulator({ period: { from: "2026-03-01", to: "2026-04-01" } });
 * const again = accumulatorFromJSON(JSON.parse(JSON.stringify(acc)));
 * again.result().rows.length; // => 0
 */
export function accumulatorFromJSON(json: unknown, extras: AccumulatorExtras = {}): KpiAccumulator {
  if (typeof json !== "object" || json === null) throw stateError("expected the object an accumulator's toJSON() returned");
  const state = json as Partial<Omit<KpiAccumulatorJson, "version">> & { readonly version?: unknown };
  if (state.version !== 1 && state.version !== 2) throw stateError("unknown state version; expected 1 or 2 (a state written by a newer @supportops/metrics needs that version to read it)", ["version"]);
  if (typeof state.config !== "object" || state.config === null) throw stateError("missing config", ["config"]);
  const c = state.config;
  let config: ConstructorParameters<typeof Engine>[0];
  try {
    const o = c.options;
    config = engineConfigOf(
      {
        period: { from: o.from, to: o.to },
        asOf: o.asOf,
        timeZone: o.timeZone,
        reopenWindow: o.windowMs,
        percentile: o.percentile,
        minN: o.minN,
        mergedInFails: o.mergedInFails,
        ...(o.sketch == null ? {} : { percentiles: { method: "ddsketch" as const, relativeAccuracy: o.sketch.relativeAccuracy, maxBins: o.sketch.maxBins } }),
        kpis: c.kpis,
        groupBy: c.groupBy,
        ...(c.bucket === null ? {} : { bucket: c.bucket.unit === "week" ? c.bucket : { unit: c.bucket.unit } }),
        ...(c.keepValues === true ? { keepValues: true } : {}),
      },
      "accumulatorFromJSON(state)",
      // The KPIs are listed in the state; the calendar and SLA engine come back through `extras`.
      { calendar: true, slaEngine: true },
    );
  } catch (error) {
    if (error instanceof MetricsError || error instanceof TypeError) throw stateError(`config is not one an accumulator writes: ${error.message}`, ["config"]);
    throw error;
  }
  const calendar = readCalendar((extras as Partial<AccumulatorExtras>).calendar, ["calendar"]);
  const slaEngine = readSlaEngine((extras as Partial<AccumulatorExtras>).slaEngine);
  const engine = new Engine(config, calendar);
  if (!Array.isArray(state.cells)) throw stateError("expected a list of cells", ["cells"]);
  state.cells.forEach((entry, i) => {
    const ok =
      typeof entry === "object" && entry !== null && (REPORT_KPIS as ReadonlyArray<unknown>).includes(entry.kpi) && config.kpis.includes(entry.kpi) &&
      typeof entry.groupKey === "string" && Number.isInteger(entry.bucket) && entry.bucket >= 0 && entry.bucket < engine.buckets.length &&
      typeof entry.cell === "object" && entry.cell !== null && Number.isSafeInteger(entry.cell.n) && entry.cell.n >= 0 && isCountRecord(entry.cell.excluded) &&
      isNumberArray(entry.cell.values) && isNumberArray(entry.cell.censored) && Number.isSafeInteger(entry.cell.successes) && entry.cell.successes >= 0 &&
      isCountRecord(entry.cell.counters) && Array.isArray(entry.cell.pendingIds) && entry.cell.pendingIds.every((id: unknown) => typeof id === "string") &&
      isCountRecord(entry.cell.distribution);
    if (!ok) throw stateError("not a cell an accumulator writes", ["cells", i]);
    const cellPath = ["cells", i, "cell"];
    if (entry.kpi === "csat") checkCsatCell(entry.cell, cellPath);
    if (entry.kpi === "first_contact_resolution") {
      const settled = entry.cell.successes + entry.cell.pendingIds.length;
      if (settled > entry.cell.n) throw stateError(`successes and pending ids add up to ${settled}, more than n = ${entry.cell.n}`, cellPath);
    }
    const sketchJson = entry.cell.sketch;
    const wantsSketch = config.options.sketch != null && SKETCHED.has(entry.kpi);
    if (wantsSketch !== (sketchJson !== undefined)) {
      throw stateError(wantsSketch ? "a DDSketch accumulator's duration cell needs its sketch" : "a sketch in a cell that keeps exact values", ["cells", i, "cell", "sketch"]);
    }
    if (sketchJson !== undefined) {
      let sketch: DDSketch;
      try {
        sketch = DDSketch.fromJSON(sketchJson);
      } catch (error) {
        if (error instanceof MetricsError) throw stateError(`not a sketch an accumulator writes: ${error.message}`, ["cells", i, "cell", "sketch"]);
        throw error;
      }
      if (sketch.relativeAccuracy !== config.options.sketch?.relativeAccuracy || sketch.maxBins !== config.options.sketch.maxBins) {
        throw stateError("the sketch was made with another relative accuracy or bin count than the config says", ["cells", i, "cell", "sketch"]);
      }
    }
    // A version-1 csat cell also lists its scores: the distribution holds the same, and the mean is read from it.
    addCellJson(engine.cellFor(entry.kpi, entry.groupKey, entry.bucket), entry.kpi === "csat" ? { ...entry.cell, values: [] } : entry.cell);
  });
  if (!Array.isArray(state.snapshots)) throw stateError("expected a list of snapshots", ["snapshots"]);
  const sketchOptions = config.options.sketch;
  state.snapshots.forEach((s, i) => {
    if (typeof s !== "object" || s === null || typeof s.groupKey !== "string") throw stateError("not a snapshot an accumulator writes", ["snapshots", i]);
    const read = (field: "awaiting" | "open" | "awaitingBusiness" | "openBusiness", optional: boolean): Ages =>
      readAges(s[field] === undefined && optional ? [] : s[field], sketchOptions, ["snapshots", i, field]);
    engine.snapshots.set(s.groupKey, { awaiting: read("awaiting", false), open: read("open", false), awaitingBusiness: read("awaitingBusiness", true), openBusiness: read("openBusiness", true) });
  });
  if (!Array.isArray(state.mergedInto) || !state.mergedInto.every((id) => typeof id === "string")) throw stateError("expected a list of ticket ids", ["mergedInto"]);
  for (const id of state.mergedInto) engine.mergedInto.add(id);
  if (state.slaUndetermined !== undefined) {
    const entries: unknown = state.slaUndetermined;
    if (!Array.isArray(entries)) throw stateError("expected a list of { key, count }", ["slaUndetermined"]);
    entries.forEach((e: { key?: unknown; count?: unknown } | null, i) => {
      if (typeof e !== "object" || e === null || typeof e.key !== "string" || !Number.isSafeInteger(e.count) || (e.count as number) < 0) {
        throw stateError("not an entry an accumulator writes", ["slaUndetermined", i]);
      }
      engine.slaUndetermined.set(e.key, e.count as number);
    });
  }
  return wrap(engine, slaEngine);
}
