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
  spans: Span[];
  breachedAt: number | null;
  warnings: Array<{ fraction: number; at: number }>;
  /**
   * The earliest instant a warning or the breach will fire while nothing changes (`null`: never), or
   * `-1` when it must be worked out again (after a pause, resume, stop or new target). It lets the
   * clock skip the calendar arithmetic at every event that changes nothing for this cycle.
   */
  watch: number | null;
}

export type CalendarLookup = (key: string) => BusinessCalendarLike;

/** A calendar call whose answer lies past the supported range: treated as "never" (no breach before 2200). */
function orNever(fn: () => number | null): number | null {
  try {
    const value = fn();
    return value === null || Number.isFinite(value) ? value : null;
  } catch (error) {
    if (error instanceof SlaError && error.code === "out_of_range") return null;
    throw error;
  }
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
    warnAt: [],
    segFrom: at,
    runBusiness: 0,
    runCalendar: 0,
    pausedBusiness: 0,
    spans: [],
    breachedAt: null,
    warnings: [],
    watch: -1,
  };
}

/** Business time of the open segment up to `t`. */
function openBusiness(cycle: Cycle, t: number, calendars: CalendarLookup): number {
  return t > cycle.segFrom ? calendars(cycle.cal).businessMsBetween(cycle.segFrom, t) : 0;
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
  let done = 0;
  for (const [from, to, running, key] of cycle.spans) {
    if (running === 0) continue;
    const cal = calendars(key);
    const length = cal.businessMsBetween(from, to);
    if (done + length >= amount) return orNever(() => cal.addBusinessMs(from, amount - done));
    done += length;
  }
  if (cycle.mode !== "running") return null;
  const cal = calendars(cycle.cal);
  return orNever(() => cal.addBusinessMs(cycle.segFrom, amount - done));
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
  return orNever(() => cal.nextOpenMs(Math.max(due, since)));
}

/** When the warning at `fraction` fires if nothing else happens (never before the target took effect). */
export function warningInstant(cycle: Cycle, fraction: number, calendars: CalendarLookup): number | null {
  if (cycle.targetMs === null) return null;
  const reached = instantOfElapsed(cycle, Math.ceil(fraction * cycle.targetMs), calendars);
  return reached === null ? null : Math.max(reached, cycle.targetSince);
}

/** The earliest warning or breach still to fire while the cycle runs on as it is (`null`: none). */
function nextFiring(cycle: Cycle, calendars: CalendarLookup): number | null {
  let next: number | null = null;
  for (const fraction of cycle.warnAt) {
    if (cycle.warnings.some((w) => w.fraction === fraction)) continue;
    const at = warningInstant(cycle, fraction, calendars);
    if (at !== null && (next === null || at < next)) next = at;
  }
  if (cycle.breachedAt === null) {
    const at = breachInstant(cycle, calendars);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * Records the warnings and the breach that have happened by `t` while the cycle ran: warnings at or
 * before `t`; the breach before `t`, or at `t` too when `breachAtT` (events at `t` apply first, so a
 * cycle stopping at `t` is not breached at `t`).
 */
export function settle(cycle: Cycle, t: number, breachAtT: boolean, calendars: CalendarLookup): void {
  if (cycle.mode !== "running" || cycle.targetMs === null) return;
  if (cycle.watch === -1) cycle.watch = nextFiring(cycle, calendars);
  if (cycle.watch === null || cycle.watch > t) return;
  for (const fraction of cycle.warnAt) {
    if (cycle.warnings.some((w) => w.fraction === fraction)) continue;
    const at = warningInstant(cycle, fraction, calendars);
    if (at !== null && at <= t) cycle.warnings.push({ fraction, at });
  }
  cycle.warnings.sort((a, b) => a.at - b.at || a.fraction - b.fraction);
  if (cycle.breachedAt === null) {
    const at = breachInstant(cycle, calendars);
    if (at !== null && (at < t || (breachAtT && at === t))) cycle.breachedAt = at;
  }
  cycle.watch = nextFiring(cycle, calendars);
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
  if (t > cycle.segFrom) cycle.spans.push([cycle.segFrom, t, cycle.mode === "running" ? 1 : 0, cycle.cal]);
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
