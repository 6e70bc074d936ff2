import type { BusinessCalendarLike } from "@supportops/core";
import { SlaError } from "../../SlaError.js";

/** Why a cycle was cancelled. */
type CancelReason = "merge" | "restart" | "retroactive";

/** Where a cycle stands. */
type Mode = "running" | "paused" | "stopped" | "cancelled";

/** One span of a cycle as `toJSON` writes it: [from, to, 1 if running / 0 if paused, calendar key]. */
type SpanJson = [from: number, to: number, running: 0 | 1, calendar: string];

/** One cycle of one metric as `toJSON` writes it (see {@link Cycle} for the fields). */
export interface CycleJson {
  metric: string;
  index: number;
  policyId: string | null;
  startedAt: number;
  mode: Mode;
  stoppedAt: number | null;
  cancelReason: CancelReason | null;
  targetMs: number | null;
  targetSince: number;
  cal: string;
  warnAt: ReadonlyArray<number>;
  segFrom: number;
  runBusiness: number;
  runCalendar: number;
  pausedBusiness: number;
  spans: ReadonlyArray<SpanJson>;
  breachedAt: number | null;
  warnings: ReadonlyArray<{ fraction: number; at: number }>;
  watch: number | null;
}

/**
 * What the cycle arithmetic needs from its clock: the calendars by slot (a cycle names its calendar
 * by its slot in this list), the business time between two instants on one of them, and the instant
 * an amount of business time after another is reached (`null`: not before the end of the supported range).
 */
export interface Measure {
  readonly cals: ReadonlyArray<BusinessCalendarLike>;
  between(slot: number, from: number, to: number): number;
  add(slot: number, from: number, amount: number): number | null;
}

/** Where {@link CalendarMemo} keeps what: the last `between` (slot, from, to, answer), then the `add`s. */
const ADDS = 4;
/** How many `add` answers it keeps, four numbers each (slot, from, amount, answer or NaN for `null`). */
const ADD_ENTRIES = 4;
/** The slot of the entry the next `add` answer replaces. */
const ADD_NEXT = ADDS + 4 * ADD_ENTRIES;

/**
 * The calendar answers an engine remembers for the next question, so that a clock asks its calendar
 * once what it asks twice: cycles of one ticket often close segments opened at the same instant at the
 * same event (a status change to solved stops requester wait and resolution, both running since
 * creation), and a warning or due time worked out at one event is often asked again at the next or
 * for the result. A calendar answers the same for the same instants, so the clocks of one engine share
 * it (a slot names the same calendar in all of them). Numbers only, in one typed array made once.
 */
export class CalendarMemo {
  private readonly memo = new Float64Array(ADD_NEXT + 1).fill(Number.NaN);

  constructor() {
    this.memo[ADD_NEXT] = 0;
  }

  /** `cals[slot].businessMsBetween(from, to)`, answered from the memo when it asks what was asked last. */
  between(cals: ReadonlyArray<BusinessCalendarLike>, slot: number, from: number, to: number): number {
    const memo = this.memo;
    if (memo[0] === slot && memo[1] === from && memo[2] === to) return memo[3] as number;
    const business = (cals[slot] as BusinessCalendarLike).businessMsBetween(from, to);
    memo[0] = slot;
    memo[1] = from;
    memo[2] = to;
    memo[3] = business;
    return business;
  }

  /** `addOrNever(cals[slot], from, amount)`, answered from the memo when one of the last few asked it. */
  add(cals: ReadonlyArray<BusinessCalendarLike>, slot: number, from: number, amount: number): number | null {
    const memo = this.memo;
    for (let i = ADDS; i < ADD_NEXT; i += 4) {
      if (memo[i] === slot && memo[i + 1] === from && memo[i + 2] === amount) {
        const answer = memo[i + 3] as number;
        return Number.isNaN(answer) ? null : answer;
      }
    }
    const answer = addOrNever(cals[slot] as BusinessCalendarLike, from, amount);
    const next = memo[ADD_NEXT] as number;
    const at = ADDS + 4 * next;
    memo[at] = slot;
    memo[at + 1] = from;
    memo[at + 2] = amount;
    memo[at + 3] = answer ?? Number.NaN;
    memo[ADD_NEXT] = (next + 1) % ADD_ENTRIES;
    return answer;
  }
}

/** The numbers one closed span takes in {@link Cycle.spans}: from, to, 1 if running / 0 if paused, calendar slot. */
const SPAN = 4;

/** The spans of a cycle that has none yet, shared: a cycle's first span replaces it. */
const NO_SPANS: ReadonlyArray<number> = Object.freeze([]);
/** The empty lists a new cycle starts with, shared: most cycles never get a warning, and a cycle's first span replaces it. */
const NO_WARNINGS: ReadonlyArray<{ fraction: number; at: number }> = Object.freeze([]);
const NO_FRACTIONS: ReadonlyArray<number> = Object.freeze([]);

/**
 * One cycle of one metric, as the clock keeps it: {@link CycleJson} with the calendar as a slot in the
 * clock's calendar list and the closed spans as one flat list of numbers (no object per span). Elapsed
 * business time is the closed running spans (`runBusiness`) plus, while running, the open segment from
 * `segFrom`.
 */
export class Cycle {
  readonly metric: string;
  readonly index: number;
  policyId: string | null = null;
  readonly startedAt: number;
  mode: Mode = "running";
  stoppedAt: number | null = null;
  cancelReason: CancelReason | null = null;
  targetMs: number | null = null;
  /** When the current target took effect: a breach or warning never dates from before it. */
  targetSince: number;
  /** The calendar slot of the open segment. */
  cal: number;
  warnAt: ReadonlyArray<number> = NO_FRACTIONS;
  segFrom: number;
  runBusiness = 0;
  runCalendar = 0;
  pausedBusiness = 0;
  /** The closed spans, {@link SPAN} numbers each. Empty, it may be the one shared frozen list; a non-empty list belongs to the cycle. */
  spans: ReadonlyArray<number> = NO_SPANS;
  breachedAt: number | null = null;
  /** Empty, it may be the one shared frozen list; a non-empty list belongs to the cycle. */
  warnings: ReadonlyArray<{ fraction: number; at: number }> = NO_WARNINGS;
  /**
   * An instant before which no warning and no breach can fire while nothing changes (`null`: nothing
   * left to fire), or `-1` when it must be worked out again (after a pause, resume, stop or new
   * target): first a bound found without the calendar, then the exact next firing once an event passes
   * it. It lets the clock skip the calendar arithmetic at every event that changes nothing for this cycle.
   */
  watch: number | null = -1;
  /** Fields of a restored state this version does not know, written back as they came (`null`: none). */
  extra: Readonly<Record<string, unknown>> | null = null;

  constructor(metric: string, index: number, at: number, cal: number) {
    this.metric = metric;
    this.index = index;
    this.startedAt = at;
    this.targetSince = at;
    this.cal = cal;
    this.segFrom = at;
  }
}

/** The keys of {@link CycleJson}, in the order `toJSON` writes them. */
const CYCLE_KEYS: ReadonlySet<string> = new Set([
  "metric",
  "index",
  "policyId",
  "startedAt",
  "mode",
  "stoppedAt",
  "cancelReason",
  "targetMs",
  "targetSince",
  "cal",
  "warnAt",
  "segFrom",
  "runBusiness",
  "runCalendar",
  "pausedBusiness",
  "spans",
  "breachedAt",
  "warnings",
  "watch",
]);

/** A cycle as `toJSON` writes it; `keyOf` names a calendar slot. The lists are the cycle's own (the caller copies the whole). */
export function cycleToJson(cycle: Cycle, keyOf: (slot: number) => string): CycleJson {
  const spans: SpanJson[] = [];
  const flat = cycle.spans;
  for (let i = 0; i < flat.length; i += SPAN) {
    spans.push([flat[i] as number, flat[i + 1] as number, flat[i + 2] === 1 ? 1 : 0, keyOf(flat[i + 3] as number)]);
  }
  const json: CycleJson = {
    metric: cycle.metric,
    index: cycle.index,
    policyId: cycle.policyId,
    startedAt: cycle.startedAt,
    mode: cycle.mode,
    stoppedAt: cycle.stoppedAt,
    cancelReason: cycle.cancelReason,
    targetMs: cycle.targetMs,
    targetSince: cycle.targetSince,
    cal: keyOf(cycle.cal),
    warnAt: cycle.warnAt,
    segFrom: cycle.segFrom,
    runBusiness: cycle.runBusiness,
    runCalendar: cycle.runCalendar,
    pausedBusiness: cycle.pausedBusiness,
    spans,
    breachedAt: cycle.breachedAt,
    warnings: cycle.warnings,
    watch: cycle.watch,
  };
  return cycle.extra === null ? json : { ...cycle.extra, ...json };
}

/** A cycle from what `toJSON` wrote (validated, and the caller's copy: its lists become the cycle's); `slotOf` gives a calendar key its slot. */
export function cycleFromJson(json: CycleJson, slotOf: (key: string) => number): Cycle {
  const cycle = new Cycle(json.metric, json.index, json.startedAt, slotOf(json.cal));
  cycle.policyId = json.policyId;
  cycle.mode = json.mode;
  cycle.stoppedAt = json.stoppedAt;
  cycle.cancelReason = json.cancelReason;
  cycle.targetMs = json.targetMs;
  cycle.targetSince = json.targetSince;
  cycle.warnAt = json.warnAt;
  cycle.segFrom = json.segFrom;
  cycle.runBusiness = json.runBusiness;
  cycle.runCalendar = json.runCalendar;
  cycle.pausedBusiness = json.pausedBusiness;
  if (json.spans.length > 0) {
    const spans: number[] = [];
    for (const [from, to, running, cal] of json.spans) spans.push(from, to, running, slotOf(cal));
    cycle.spans = spans;
  }
  cycle.breachedAt = json.breachedAt;
  cycle.warnings = json.warnings;
  cycle.watch = json.watch;
  let extra: Record<string, unknown> | null = null;
  for (const key of Object.keys(json)) {
    if (!CYCLE_KEYS.has(key)) (extra ??= {})[key] = (json as unknown as Record<string, unknown>)[key];
  }
  cycle.extra = extra;
  return cycle;
}

/** Whether an error from a calendar means "past the supported range", which the clock treats as "never" (no breach before 2200). */
function isOutOfRange(error: unknown): boolean {
  return error instanceof SlaError && error.code === "out_of_range";
}

/** `cal.addBusinessMs(from, amount)`, or `null` when the answer lies past the supported range. */
function addOrNever(cal: BusinessCalendarLike, from: number, amount: number): number | null {
  try {
    const value = cal.addBusinessMs(from, amount);
    return Number.isFinite(value) ? value : null;
  } catch (error) {
    if (isOutOfRange(error)) return null;
    throw error;
  }
}

/** `cal.nextOpenMs(ms)`, or `null` when there is none before the end of the supported range. */
function nextOpenOrNever(cal: BusinessCalendarLike, ms: number): number | null {
  try {
    const value = cal.nextOpenMs(ms);
    return value === null || Number.isFinite(value) ? value : null;
  } catch (error) {
    if (isOutOfRange(error)) return null;
    throw error;
  }
}

/** `list` with `item` at its end: the list itself when the cycle owns it (non-empty), else a new one. */
function append<T>(list: ReadonlyArray<T>, item: T): ReadonlyArray<T> {
  if (list.length === 0) return [item];
  (list as T[]).push(item);
  return list;
}

/** Business time of the open segment up to `t`. */
function openBusiness(cycle: Cycle, t: number, measure: Measure): number {
  return t > cycle.segFrom ? measure.between(cycle.cal, cycle.segFrom, t) : 0;
}

/** Elapsed business time at `t`. */
export function elapsedAt(cycle: Cycle, t: number, measure: Measure): number {
  return cycle.runBusiness + (cycle.mode === "running" ? openBusiness(cycle, t, measure) : 0);
}

/**
 * The earliest instant at which the cycle's elapsed business time reaches `amount`, reading its closed
 * spans and, while running, its open segment; `null` when it has not and cannot (paused or stopped
 * short of it, or the calendar never gets there before 2200).
 */
export function instantOfElapsed(cycle: Cycle, amount: number, measure: Measure): number | null {
  const cals = measure.cals;
  // The closed running spans hold `runBusiness` in all, so an amount beyond it is reached (if ever)
  // in the open segment: one calendar call, without reading the spans again.
  if (amount > cycle.runBusiness) return cycle.mode === "running" ? measure.add(cycle.cal, cycle.segFrom, amount - cycle.runBusiness) : null;
  let done = 0;
  const spans = cycle.spans;
  let last = spans.length - SPAN;
  while (last >= 0 && spans[last + 2] === 0) last -= SPAN;
  for (let i = 0; i <= last; i += SPAN) {
    if (spans[i + 2] === 0) continue;
    const slot = spans[i + 3] as number;
    const from = spans[i] as number;
    // The last running span holds what the others leave of `runBusiness`.
    const length = i === last ? cycle.runBusiness - done : (cals[slot] as BusinessCalendarLike).businessMsBetween(from, spans[i + 1] as number);
    if (done + length >= amount) return measure.add(slot, from, amount - done);
    done += length;
  }
  if (cycle.mode !== "running") return null;
  return measure.add(cycle.cal, cycle.segFrom, amount - done);
}

/**
 * When a running cycle breaches if nothing else happens: the first instant, while it runs, at which
 * its elapsed time counting the millisecond that begins there exceeds the target — the first open
 * instant at or after its due time, never before its target took effect (a target lowered below the
 * elapsed time breaches at the change). A due time reached in an earlier span that ended before any
 * open instant (a stop at 17:00 closing time, reopened later) breaches at the first open instant of
 * the current run.
 */
export function breachInstant(cycle: Cycle, measure: Measure, dueAt?: number | null): number | null {
  if (cycle.targetMs === null || cycle.mode !== "running") return null;
  const due = dueAt === undefined ? instantOfElapsed(cycle, cycle.targetMs, measure) : dueAt;
  if (due === null) return null;
  const cal = measure.cals[cycle.cal] as BusinessCalendarLike;
  const since = Math.max(cycle.segFrom, cycle.targetSince);
  // Already past the target when it took effect (a target lowered below the elapsed time): breached then.
  if (elapsedAt(cycle, since, measure) > cycle.targetMs) return since;
  return nextOpenOrNever(cal, Math.max(due, since));
}

/** When the warning at `fraction` fires if nothing else happens (never before the target took effect). */
export function warningInstant(cycle: Cycle, fraction: number, measure: Measure): number | null {
  if (cycle.targetMs === null) return null;
  const reached = instantOfElapsed(cycle, Math.ceil(fraction * cycle.targetMs), measure);
  return reached === null ? null : Math.max(reached, cycle.targetSince);
}

/**
 * An instant before which no warning and no breach can fire while the cycle runs on as it is, found
 * without the calendar: business time never runs faster than the wall clock, so the elapsed time
 * cannot reach the smallest amount still to be reached (the earliest unfired warning's, else the
 * target) before `segFrom` plus what is missing. `null` when nothing is left to fire.
 */
function firingLowerBound(cycle: Cycle, target: number): number | null {
  let amount = cycle.breachedAt === null ? target : Infinity;
  const warnAt = cycle.warnAt;
  for (let i = 0; i < warnAt.length; i++) {
    const fraction = warnAt[i] as number;
    if (fired(cycle, fraction)) continue;
    const reach = Math.ceil(fraction * target);
    if (reach < amount) amount = reach;
  }
  if (amount === Infinity) return null;
  return cycle.segFrom + Math.max(0, amount - cycle.runBusiness);
}

/** The order of a cycle's warnings: by time, then by fraction. */
function byTimeThenFraction(a: { fraction: number; at: number }, b: { fraction: number; at: number }): number {
  return a.at - b.at || a.fraction - b.fraction;
}

function fired(cycle: Cycle, fraction: number): boolean {
  const warnings = cycle.warnings;
  for (let i = 0; i < warnings.length; i++) if ((warnings[i] as { fraction: number }).fraction === fraction) return true;
  return false;
}

/**
 * Records the warnings and the breach that have happened by `t` while the cycle ran: warnings at or
 * before `t`; the breach before `t`, or at `t` too when `breachAtT` (events at `t` apply first, so a
 * cycle stopping at `t` is not breached at `t`).
 *
 * `watch` keeps this cheap: an instant before which nothing can fire (first a bound found without the
 * calendar, then, once `t` passes it, the exact next firing), so most events cost one comparison.
 */
export function settle(cycle: Cycle, t: number, breachAtT: boolean, measure: Measure): void {
  const target = cycle.targetMs;
  if (cycle.mode !== "running" || target === null) return;
  if (cycle.watch === -1) cycle.watch = firingLowerBound(cycle, target);
  if (cycle.watch === null || cycle.watch > t) return;
  let next: number | null = null;
  let added = false;
  // A warning still to come (of at most the target) comes no later than the breach, so the breach
  // needs working out only once every such warning has fired.
  let warningPending = false;
  const warnAt = cycle.warnAt;
  for (let i = 0; i < warnAt.length; i++) {
    const fraction = warnAt[i] as number;
    if (fired(cycle, fraction)) continue;
    const at = warningInstant(cycle, fraction, measure);
    if (at !== null && at <= t) {
      cycle.warnings = append(cycle.warnings, { fraction, at });
      added = true;
      continue;
    }
    if (Math.ceil(fraction * target) <= target) warningPending = true;
    if (at !== null && (next === null || at < next)) next = at;
  }
  if (added && cycle.warnings.length > 1) (cycle.warnings as Array<{ fraction: number; at: number }>).sort(byTimeThenFraction);
  if (cycle.breachedAt === null && !warningPending) {
    const at = breachInstant(cycle, measure);
    if (at !== null && (at < t || (breachAtT && at === t))) cycle.breachedAt = at;
    else if (at !== null && (next === null || at < next)) next = at;
  }
  cycle.watch = next;
}

/** Closes the open segment at `t` (adding it to the running or paused totals) and opens the next one there. */
export function closeSegment(cycle: Cycle, t: number, measure: Measure): void {
  const mode = cycle.mode;
  if (mode !== "running" && mode !== "paused") return;
  const from = cycle.segFrom;
  const business = openBusiness(cycle, t, measure);
  if (mode === "running") {
    cycle.runBusiness += business;
    cycle.runCalendar += t - from;
  } else {
    cycle.pausedBusiness += business;
  }
  if (t > from) {
    const running = mode === "running" ? 1 : 0;
    if (cycle.spans.length === 0) cycle.spans = [from, t, running, cycle.cal];
    else (cycle.spans as number[]).push(from, t, running, cycle.cal);
  }
  cycle.segFrom = t;
  cycle.watch = -1;
}

/** The same cycle measured again on the calendar in slot `cal` with the same running and paused spans (retroactive). */
export function remeasure(cycle: Cycle, cal: number, measure: Measure): void {
  const calendar = measure.cals[cal] as BusinessCalendarLike;
  cycle.runBusiness = 0;
  cycle.pausedBusiness = 0;
  const spans = cycle.spans as number[];
  for (let i = 0; i < spans.length; i += SPAN) {
    const business = calendar.businessMsBetween(spans[i] as number, spans[i + 1] as number);
    if (spans[i + 2] === 1) cycle.runBusiness += business;
    else cycle.pausedBusiness += business;
    spans[i + 3] = cal;
  }
  cycle.cal = cal;
  cycle.watch = -1;
}
