import type { BusinessCalendarLike } from "@supportops/core";
import { SlaError } from "../../SlaError.js";

/** Why a cycle was cancelled. */
type CancelReason = "merge" | "restart" | "retroactive";

/** One span of a cycle: [from, to, 1 if running / 0 if paused, calendar key]. */
type Span = [from: number, to: number, running: 0 | 1, calendar: string];

/**
 * One cycle of one metric, as plain data (it is what `toJSON` writes). Elapsed business time is the
 * closed running spans (`runBusiness`) plus, while running, the open segment from `segFrom`.
 */
export interface Cycle {
  metric: string;
  index: number;
  policyId: string | null;
  startedAt: number;
  mode: "running" | "paused" | "stopped" | "cancelled";
  stoppedAt: number | null;
  cancelReason: CancelReason | null;
  targetMs: number | null;
  /** When the current target took effect: a breach or warning never dates from before it. */
  targetSince: number;
  /** The calendar key of the open segment. */
  cal: string;
  warnAt: ReadonlyArray<number>;
  segFrom: number;
  runBusiness: number;
  runCalendar: number;
  pausedBusiness: number;
  /** Empty, it may be the one shared frozen list; a non-empty list belongs to the cycle. */
  spans: ReadonlyArray<Span>;
  breachedAt: number | null;
  /** Empty, it may be the one shared frozen list; a non-empty list belongs to the cycle. */
  warnings: ReadonlyArray<{ fraction: number; at: number }>;
  /**
   * An instant before which no warning and no breach can fire while nothing changes (`null`: nothing
   * left to fire), or `-1` when it must be worked out again (after a pause, resume, stop or new
   * target): first a bound found without the calendar, then the exact next firing once an event passes
   * it. It lets the clock skip the calendar arithmetic at every event that changes nothing for this cycle.
   */
  watch: number | null;
}

export type CalendarLookup = (key: string) => BusinessCalendarLike;

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

/** The empty lists a new cycle starts with, shared: most cycles never get a warning, and a cycle's first span replaces it. */
const NO_SPANS: ReadonlyArray<Span> = Object.freeze([]);
const NO_WARNINGS: ReadonlyArray<{ fraction: number; at: number }> = Object.freeze([]);
const NO_FRACTIONS: ReadonlyArray<number> = Object.freeze([]);

/** `list` with `item` at its end: the list itself when the cycle owns it (non-empty), else a new one. */
function append<T>(list: ReadonlyArray<T>, item: T): ReadonlyArray<T> {
  if (list.length === 0) return [item];
  (list as T[]).push(item);
  return list;
}

export function newCycle(metric: string, index: number, at: number, cal: string): Cycle {
  return {
    metric,
    index,
    policyId: null,
    startedAt: at,
    mode: "running",
    stoppedAt: null,
    cancelReason: null,
    targetMs: null,
    targetSince: at,
    cal,
    warnAt: NO_FRACTIONS,
    segFrom: at,
    runBusiness: 0,
    runCalendar: 0,
    pausedBusiness: 0,
    spans: NO_SPANS,
    breachedAt: null,
    warnings: NO_WARNINGS,
    watch: -1,
  };
}

/**
 * The last business time measured between two instants, and on which calendar: cycles of one ticket
 * often close segments opened at the same instant at the same event (a status change to solved stops
 * requester wait and resolution, both running since creation), so the second asks the calendar nothing.
 * A calendar answers the same for the same instants, so the memo may outlive a clock.
 */
let memoCalendar: BusinessCalendarLike | null = null;
let memoFrom = 0;
let memoTo = 0;
let memoBusiness = 0;

/** `cal.businessMsBetween(from, to)`, answered from the memo when it asks what was asked last. */
export function businessBetween(cal: BusinessCalendarLike, from: number, to: number): number {
  if (cal === memoCalendar && from === memoFrom && to === memoTo) return memoBusiness;
  const business = cal.businessMsBetween(from, to);
  memoCalendar = cal;
  memoFrom = from;
  memoTo = to;
  memoBusiness = business;
  return business;
}

/** Business time of the open segment up to `t`. */
function openBusiness(cycle: Cycle, t: number, calendars: CalendarLookup): number {
  return t > cycle.segFrom ? businessBetween(calendars(cycle.cal), cycle.segFrom, t) : 0;
}

/** Elapsed business time at `t`. */
export function elapsedAt(cycle: Cycle, t: number, calendars: CalendarLookup): number {
  return cycle.runBusiness + (cycle.mode === "running" ? openBusiness(cycle, t, calendars) : 0);
}

/**
 * The earliest instant at which the cycle's elapsed business time reaches `amount`, reading its closed
 * spans and, while running, its open segment; `null` when it has not and cannot (paused or stopped
 * short of it, or the calendar never gets there before 2200).
 */
export function instantOfElapsed(cycle: Cycle, amount: number, calendars: CalendarLookup): number | null {
  // The closed running spans hold `runBusiness` in all, so an amount beyond it is reached (if ever)
  // in the open segment: one calendar call, without reading the spans again.
  if (amount > cycle.runBusiness) return cycle.mode === "running" ? addOrNever(calendars(cycle.cal), cycle.segFrom, amount - cycle.runBusiness) : null;
  let done = 0;
  const spans = cycle.spans;
  let last = spans.length - 1;
  while (last >= 0 && (spans[last] as Span)[2] === 0) last--;
  for (let i = 0; i <= last; i++) {
    const span = spans[i] as Span;
    if (span[2] === 0) continue;
    const cal = calendars(span[3]);
    // The last running span holds what the others leave of `runBusiness`.
    const length = i === last ? cycle.runBusiness - done : cal.businessMsBetween(span[0], span[1]);
    if (done + length >= amount) return addOrNever(cal, span[0], amount - done);
    done += length;
  }
  if (cycle.mode !== "running") return null;
  return addOrNever(calendars(cycle.cal), cycle.segFrom, amount - done);
}

/**
 * When a running cycle breaches if nothing else happens: the first instant, while it runs, at which
 * its elapsed time counting the millisecond that begins there exceeds the target — the first open
 * instant at or after its due time, never before its target took effect (a target lowered below the
 * elapsed time breaches at the change). A due time reached in an earlier span that ended before any
 * open instant (a stop at 17:00 closing time, reopened later) breaches at the first open instant of
 * the current run.
 */
export function breachInstant(cycle: Cycle, calendars: CalendarLookup, dueAt?: number | null): number | null {
  if (cycle.targetMs === null || cycle.mode !== "running") return null;
  const due = dueAt === undefined ? instantOfElapsed(cycle, cycle.targetMs, calendars) : dueAt;
  if (due === null) return null;
  const cal = calendars(cycle.cal);
  const since = Math.max(cycle.segFrom, cycle.targetSince);
  // Already past the target when it took effect (a target lowered below the elapsed time): breached then.
  if (elapsedAt(cycle, since, calendars) > cycle.targetMs) return since;
  return nextOpenOrNever(cal, Math.max(due, since));
}

/** When the warning at `fraction` fires if nothing else happens (never before the target took effect). */
export function warningInstant(cycle: Cycle, fraction: number, calendars: CalendarLookup): number | null {
  if (cycle.targetMs === null) return null;
  const reached = instantOfElapsed(cycle, Math.ceil(fraction * cycle.targetMs), calendars);
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
export function settle(cycle: Cycle, t: number, breachAtT: boolean, calendars: CalendarLookup): void {
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
    const at = warningInstant(cycle, fraction, calendars);
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
    const at = breachInstant(cycle, calendars);
    if (at !== null && (at < t || (breachAtT && at === t))) cycle.breachedAt = at;
    else if (at !== null && (next === null || at < next)) next = at;
  }
  cycle.watch = next;
}

/** Closes the open segment at `t` (adding it to the running or paused totals) and opens the next one there. */
export function closeSegment(cycle: Cycle, t: number, calendars: CalendarLookup): void {
  if (cycle.mode !== "running" && cycle.mode !== "paused") return;
  const business = openBusiness(cycle, t, calendars);
  if (cycle.mode === "running") {
    cycle.runBusiness += business;
    cycle.runCalendar += t - cycle.segFrom;
  } else {
    cycle.pausedBusiness += business;
  }
  if (t > cycle.segFrom) cycle.spans = append(cycle.spans, [cycle.segFrom, t, cycle.mode === "running" ? 1 : 0, cycle.cal]);
  cycle.segFrom = t;
  cycle.watch = -1;
}

/** The same cycle measured again on calendar `cal` with the same running and paused spans (retroactive). */
export function remeasure(cycle: Cycle, cal: string, calendars: CalendarLookup): void {
  const calendar = calendars(cal);
  cycle.runBusiness = 0;
  cycle.pausedBusiness = 0;
  cycle.spans = cycle.spans.map(([from, to, running]) => {
    const business = calendar.businessMsBetween(from, to);
    if (running === 1) cycle.runBusiness += business;
    else cycle.pausedBusiness += business;
    return [from, to, running, cal];
  });
  cycle.cal = cal;
  cycle.watch = -1;
}
