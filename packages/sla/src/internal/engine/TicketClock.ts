import type { BusinessCalendarLike, TicketEvent } from "@supportops/core";
import type { PriorityChangeStrategy } from "../../SlaPolicy.js";
import type { SlaEvaluation, SlaMetricState, SlaWarning } from "../../SlaEngine.js";
import {
  type CalendarMemo,
  Cycle,
  breachInstant,
  closeSegment,
  cycleFromJson,
  cycleToJson,
  elapsedAt,
  instantOfElapsed,
  remeasure,
  settle,
  warningInstant,
  type CycleJson,
  type Measure,
} from "./cycles.js";
import { PAUSE, RESUME, START, STOP, type CycleMode, type MetricLogic } from "./metricLogic.js";
import { FACT_CREATED, FACT_CREATED_BY_AGENT, FACT_MERGED, PRESET_FACTS, applyToAttributes, attributesOf, type ConditionContext, type TicketAttributes } from "./ticketState.js";

/** A policy compiled for the clock. */
export interface CompiledPolicy {
  readonly id: string;
  readonly matches: (context: ConditionContext) => boolean;
  readonly calendar: string;
  /** The slot of `calendar` in the engine's `calendarKeys`. */
  readonly calendarSlot: number;
  readonly warnAt: ReadonlyArray<number>;
  readonly strategy: PriorityChangeStrategy;
  /** metric → priority → target. */
  readonly targets: ReadonlyMap<string, ReadonlyMap<string, { readonly ms: number; readonly calendar: string }>>;
  /** The same by priority, then by the engine's metric index, so that the clock looks a ticket's targets up once per policy and priority. */
  readonly targetsByPriority: ReadonlyMap<string, ReadonlyArray<PolicyTarget | undefined>>;
}

/** A metric's target under a policy at one priority. */
export interface PolicyTarget {
  readonly ms: number;
  readonly calendar: string;
  /** The slot of `calendar` in the engine's `calendarKeys`. */
  readonly slot: number;
}

/** What a clock needs from its engine. */
export interface ClockEngine {
  readonly fingerprint: string;
  readonly calendars: ReadonlyMap<string, BusinessCalendarLike>;
  /** The calendars' keys, `"24x7"` first: a cycle names its calendar by its slot in this list. */
  readonly calendarKeys: ReadonlyArray<string>;
  /** The calendars, in the order of `calendarKeys`. */
  readonly calendarList: ReadonlyArray<BusinessCalendarLike>;
  /** The calendar answers the engine's clocks share. */
  readonly memo: CalendarMemo;
  readonly metrics: ReadonlyArray<MetricLogic>;
  /** One `undefined` per metric: what a new clock's list of latest cycles starts as (a copy of it). */
  readonly noCycles: ReadonlyArray<undefined>;
  /** Each metric's index in `metrics`, by name. */
  readonly metricIndex: ReadonlyMap<string, number>;
  readonly policies: ReadonlyArray<CompiledPolicy>;
  /**
   * The facts (`FACT_*` bits) after which the policy is chosen again: a priority change (a priority
   * change strategy may apply) and the changes of attributes some policy's condition reads.
   */
  readonly policyFacts: number;
  /** Whether every metric is a preset, so that an event without `PRESET_FACTS` changes no cycle. */
  readonly presetsOnly: boolean;
}

/** The clock's whole state, as plain data. */
export interface ClockData {
  version: 1;
  engine: string;
  lastAt: number;
  /** Whether the events at `lastAt` still await the end-of-instant step (policy choice, breach check). */
  pending: boolean;
  ticket: TicketAttributes;
  policyId: string | null;
  /** The priority at the last end of an instant, to tell a priority change. */
  settledPriority: string | null;
  settledOnce: boolean;
  /** Whether an event since the last end of an instant changed the priority or an attribute a policy reads. */
  dirty: boolean;
  /** Every cycle of every metric, in creation order. */
  cycles: CycleJson[];
}

/** The keys of {@link ClockData}, in the order `toJSON` writes them. */
const DATA_KEYS: ReadonlySet<string> = new Set(["version", "engine", "lastAt", "pending", "ticket", "policyId", "settledPriority", "settledOnce", "dirty", "cycles"]);

/** The slot of `"24x7"` in every clock's calendar list. */
const DEFAULT_SLOT = 0;
const NO_WARNINGS: ReadonlyArray<number> = Object.freeze([]);
const NO_FIRED: ReadonlyArray<SlaWarning> = Object.freeze([]);
const NO_TARGETS: ReadonlyArray<PolicyTarget | undefined> = Object.freeze([]);

function sameNumbers(a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The fold of one ticket's events into SLA cycles (see docs/sla-clocks.md). Events apply one by one;
 * the policy choice, priority-change strategy and breach check run at the end of each instant, after
 * every event at that instant.
 */
export class TicketClock implements Measure {
  private readonly engine: ClockEngine;
  /** The calendars by slot: the engine's, or a copy with the unknown keys a restored state named (each the `"24x7"` calendar). */
  cals: ReadonlyArray<BusinessCalendarLike>;
  /** The calendar keys by slot, as `cals`. */
  private keys: ReadonlyArray<string>;
  private lastAtMs: number;
  /** Whether the events at `lastAt` still await the end-of-instant step (policy choice, breach check). */
  private pending: boolean;
  private readonly ticket: TicketAttributes;
  private policyId: string | null;
  /** The priority at the last end of an instant, to tell a priority change. */
  private settledPriority: string | null;
  private settledOnce: boolean;
  /** Whether an event since the last end of an instant changed the priority or an attribute a policy reads. */
  private dirty: boolean;
  /** Every cycle of every metric, in creation order. */
  private readonly cycles: Cycle[];
  /** The latest cycle of each metric, by metric index. */
  private readonly latest: Array<Cycle | undefined>;
  /** The policy named by `policyId` (kept beside it, so that it is not looked up by id). */
  private policy: CompiledPolicy | undefined;
  /** What the policies' conditions read: the ticket, which the clock updates in place. */
  private readonly context: ConditionContext;
  /** Top-level fields of a restored state this version does not know, written back as they came (`null`: none). */
  private readonly extra: Readonly<Record<string, unknown>> | null;
  /** The targets by metric index under `rowPolicy` at priority `rowPriority` (the last asked for). */
  private row: ReadonlyArray<PolicyTarget | undefined> = NO_TARGETS;
  private rowPolicy: CompiledPolicy | undefined = undefined;
  private rowPriority: string | null = null;

  private constructor(engine: ClockEngine, ticket: TicketAttributes, lastAt: number, cycles: Cycle[], extra: Readonly<Record<string, unknown>> | null) {
    this.engine = engine;
    this.cals = engine.calendarList;
    this.keys = engine.calendarKeys;
    this.lastAtMs = lastAt;
    this.pending = true;
    this.ticket = ticket;
    this.policyId = null;
    this.settledPriority = ticket.priority;
    this.settledOnce = false;
    this.dirty = true;
    this.cycles = cycles;
    this.latest = engine.noCycles.slice();
    this.policy = undefined;
    this.context = { ticket, event: null };
    this.extra = extra;
  }

  static start(engine: ClockEngine, created: TicketEvent & { type: "created" }): TicketClock {
    const clock = new TicketClock(engine, attributesOf(created), created.at, [], null);
    clock.transition(created, created.at, created.by === "agent" ? FACT_CREATED | FACT_CREATED_BY_AGENT : FACT_CREATED);
    return clock;
  }

  /** A clock from its data as `toData` wrote it (validated, and the caller's copy: the clock takes it over). */
  static fromData(engine: ClockEngine, data: ClockData): TicketClock {
    let extra: Record<string, unknown> | null = null;
    for (const key of Object.keys(data)) {
      if (!DATA_KEYS.has(key)) (extra ??= {})[key] = (data as unknown as Record<string, unknown>)[key];
    }
    const clock = new TicketClock(engine, data.ticket, data.lastAt, [], extra);
    const slotOf = (key: string): number => clock.slotOf(key);
    for (const json of data.cycles) clock.cycles.push(cycleFromJson(json, slotOf));
    clock.pending = data.pending;
    clock.policyId = data.policyId;
    clock.settledPriority = data.settledPriority;
    clock.settledOnce = data.settledOnce;
    clock.dirty = data.dirty;
    const id = data.policyId;
    clock.policy = id === null ? undefined : engine.policies.find((p) => p.id === id);
    const cycles = clock.cycles;
    for (let i = 0; i < cycles.length; i++) {
      const cycle = cycles[i] as Cycle;
      const m = engine.metricIndex.get(cycle.metric);
      if (m !== undefined) clock.latest[m] = cycle;
    }
    return clock;
  }

  /**
   * The slot of calendar `key`. A key the engine does not know (only in a restored state) gets a slot
   * of its own in this clock, holding the `"24x7"` calendar, so that `toJSON` writes the key back as it came.
   */
  private slotOf(key: string): number {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    this.keys = [...keys, key];
    this.cals = [...this.cals, this.cals[DEFAULT_SLOT] as BusinessCalendarLike];
    return keys.length;
  }

  between(slot: number, from: number, to: number): number {
    return this.engine.memo.between(this.cals, slot, from, to);
  }

  add(slot: number, from: number, amount: number): number | null {
    return this.engine.memo.add(this.cals, slot, from, amount);
  }

  get lastAt(): number {
    return this.lastAtMs;
  }

  get merged(): boolean {
    return this.ticket.merged;
  }

  get status(): TicketAttributes["status"] {
    return this.ticket.status;
  }

  /** The clock's whole state as plain JSON data, a copy it does not share. */
  toData(): ClockData {
    const keys = this.keys;
    const keyOf = (slot: number): string => keys[slot] as string;
    const data: ClockData = {
      version: 1,
      engine: this.engine.fingerprint,
      lastAt: this.lastAtMs,
      pending: this.pending,
      ticket: this.ticket,
      policyId: this.policyId,
      settledPriority: this.settledPriority,
      settledOnce: this.settledOnce,
      dirty: this.dirty,
      cycles: this.cycles.map((cycle) => cycleToJson(cycle, keyOf)),
    };
    return structuredClone(this.extra === null ? data : { ...this.extra, ...data });
  }

  copy(): TicketClock {
    return TicketClock.fromData(this.engine, this.toData());
  }

  /** Applies one event at or after the last one (validated by the caller). */
  apply(event: TicketEvent): void {
    const t = event.at;
    if (t > this.lastAtMs) {
      const cycles = this.cycles;
      if (this.pending) {
        // The end of the last instant, then the time up to this event, cycle by cycle (each settles alone).
        const last = this.lastAtMs;
        this.beginEndOfInstant(last);
        for (let i = 0; i < cycles.length; i++) {
          const cycle = cycles[i] as Cycle;
          // Nothing can fire by `t` (≥ `last`): both settles would return at once.
          const watch = cycle.watch;
          if (watch === null || (watch !== -1 && watch > t)) continue;
          settle(cycle, last, true, this);
          settle(cycle, t, false, this);
        }
      } else {
        for (let i = 0; i < cycles.length; i++) {
          const cycle = cycles[i] as Cycle;
          const watch = cycle.watch;
          if (watch === null || (watch !== -1 && watch > t)) continue;
          settle(cycle, t, false, this);
        }
      }
      this.lastAtMs = t;
    }
    this.pending = true;
    const facts = applyToAttributes(this.ticket, event);
    if ((facts & this.engine.policyFacts) !== 0) this.dirty = true;
    if ((facts & PRESET_FACTS) !== 0 || !this.engine.presetsOnly) this.transition(event, t, facts);
  }

  /** Runs the end-of-instant step for the events at the last instant, if it has not run. */
  flush(): void {
    if (this.pending) this.endInstant();
  }

  /** The metrics' cycles after an event at `t` with facts `facts` (`FACT_*`), applied to the attributes already. */
  private transition(event: TicketEvent, t: number, facts: number): void {
    if ((facts & FACT_MERGED) !== 0) {
      for (const cycle of this.cycles) {
        if (cycle.mode !== "running" && cycle.mode !== "paused") continue;
        settle(cycle, t, false, this);
        this.end(cycle, t, "cancelled", "merge");
      }
      return;
    }
    const metrics = this.engine.metrics;
    for (let m = 0; m < metrics.length; m++) {
      const logic = metrics[m] as MetricLogic;
      const onlyOn = logic.onlyOn;
      if (onlyOn !== 0 && (facts & onlyOn) === 0) continue;
      const cycle = this.latest[m];
      const mode: CycleMode = cycle === undefined || cycle.mode === "cancelled" ? "none" : cycle.mode;
      const actions = logic.decide(event, facts, this.ticket, mode);
      if (actions === 0) continue;
      if (mode === "none") {
        // A first cycle: it starts, then the same event may pause or stop it (a ticket created pending).
        if ((actions & START) === 0) continue;
        const fresh = this.begin(m, t);
        if ((actions & PAUSE) !== 0) this.setMode(fresh, t, "paused");
        if ((actions & STOP) !== 0) this.end(fresh, t, "stopped", null);
        continue;
      }
      const current = cycle as Cycle;
      settle(current, t, false, this);
      if ((actions & STOP) !== 0) this.end(current, t, "stopped", null);
      if ((actions & RESUME) !== 0) this.setMode(current, t, "running");
      if ((actions & PAUSE) !== 0) this.setMode(current, t, "paused");
      if ((actions & START) !== 0) this.begin(m, t);
    }
  }

  private begin(metricIndex: number, t: number): Cycle {
    const logic = this.engine.metrics[metricIndex] as MetricLogic;
    const previous = this.latest[metricIndex];
    const cycle = new Cycle(logic.name, previous === undefined ? 0 : previous.index + 1, t, DEFAULT_SLOT);
    if (this.settledOnce) this.target(cycle, metricIndex, this.policy, t);
    this.cycles.push(cycle);
    this.latest[metricIndex] = cycle;
    return cycle;
  }

  private setMode(cycle: Cycle, t: number, mode: "running" | "paused"): void {
    if (cycle.mode === mode) return;
    if (cycle.mode === "stopped") {
      // A reopen: the same cycle runs again from `t`; its stop is undone.
      cycle.segFrom = t;
      cycle.stoppedAt = null;
    } else {
      closeSegment(cycle, t, this);
    }
    cycle.mode = mode;
    cycle.watch = -1;
  }

  private end(cycle: Cycle, t: number, mode: "stopped" | "cancelled", reason: Cycle["cancelReason"]): void {
    closeSegment(cycle, t, this);
    cycle.mode = mode;
    cycle.stoppedAt = t;
    cycle.cancelReason = reason;
    cycle.watch = -1;
  }

  /** The target the metric at index `m` has under `policy` at the ticket's current priority, if any. */
  private targetOf(policy: CompiledPolicy | undefined, m: number): PolicyTarget | undefined {
    const priority = this.ticket.priority;
    if (priority === null || policy === undefined || m < 0) return undefined;
    if (policy !== this.rowPolicy || priority !== this.rowPriority) {
      this.rowPolicy = policy;
      this.rowPriority = priority;
      this.row = policy.targetsByPriority.get(priority) ?? NO_TARGETS;
    }
    const row = this.row;
    return m < row.length ? row[m] : undefined;
  }

  /** Gives a cycle of the metric at index `m` the target (and calendar) it has under `policy` at the ticket's priority. */
  private target(cycle: Cycle, m: number, policy: CompiledPolicy | undefined, t: number): void {
    const target = this.targetOf(policy, m);
    const calendar = target?.slot ?? policy?.calendarSlot ?? DEFAULT_SLOT;
    if (calendar !== cycle.cal) {
      closeSegment(cycle, t, this);
      cycle.cal = calendar;
    }
    const ms = target?.ms ?? null;
    if (ms !== cycle.targetMs) {
      cycle.targetMs = ms;
      cycle.targetSince = t;
      cycle.watch = -1;
    }
    cycle.policyId = policy?.id ?? null;
    const warnAt = policy?.warnAt ?? NO_WARNINGS;
    if (warnAt !== cycle.warnAt && !sameNumbers(warnAt, cycle.warnAt)) {
      cycle.warnAt = warnAt;
      cycle.watch = -1;
    }
  }

  /** After every event at `lastAt`: choose the policy, apply a priority change, and record a breach at that instant. */
  private endInstant(): void {
    const t = this.lastAtMs;
    this.beginEndOfInstant(t);
    const cycles = this.cycles;
    for (let i = 0; i < cycles.length; i++) settle(cycles[i] as Cycle, t, true, this);
  }

  /** The end-of-instant step at `t` up to the breach check: the policy chosen again if an event asked for it. */
  private beginEndOfInstant(t: number): void {
    this.pending = false;
    if (this.dirty) this.choosePolicy(t);
  }

  /** Chooses the policy after the events at `t`, and applies a priority change and the targets to the running cycles. */
  private choosePolicy(t: number): void {
    this.dirty = false;
    let policy: CompiledPolicy | undefined;
    const policies = this.engine.policies;
    for (let i = 0; i < policies.length; i++) {
      const candidate = policies[i] as CompiledPolicy;
      if (candidate.matches(this.context)) {
        policy = candidate;
        break;
      }
    }
    this.policy = policy;
    this.policyId = policy?.id ?? null;
    const priorityChanged = this.settledOnce && this.ticket.priority !== this.settledPriority;
    const strategy = priorityChanged ? (policy?.strategy ?? "retarget") : "retarget";
    this.settledPriority = this.ticket.priority;
    this.settledOnce = true;
    // A cycle that started and ended within this instant, before any policy was chosen, gets its
    // target now; every other stopped cycle keeps the target it stopped against.
    const cycles = this.cycles;
    for (let i = 0; i < cycles.length; i++) {
      const cycle = cycles[i] as Cycle;
      if ((cycle.mode === "stopped" || cycle.mode === "cancelled") && cycle.policyId === null && cycle.startedAt === t) {
        // (−1: a metric this engine does not have, only in a tampered state; it gets no target.)
        this.target(cycle, this.engine.metricIndex.get(cycle.metric) ?? -1, policy, t);
      }
    }
    const count = this.engine.metrics.length;
    for (let m = 0; m < count; m++) {
      const cycle = this.latest[m];
      if (cycle === undefined || cycle.mode === "stopped" || cycle.mode === "cancelled") continue;
      if (strategy === "retarget" || cycle.startedAt === t) {
        this.target(cycle, m, policy, t);
        continue;
      }
      settle(cycle, t, false, this);
      const mode = cycle.mode;
      this.end(cycle, t, "cancelled", strategy);
      const next = this.begin(m, strategy === "restart" ? t : cycle.startedAt);
      if (strategy === "retroactive") {
        if (cycle.spans.length > 0) next.spans = cycle.spans.slice();
        next.segFrom = t;
        remeasure(next, this.targetOf(policy, m)?.slot ?? policy?.calendarSlot ?? DEFAULT_SLOT, this);
        next.runCalendar = cycle.runCalendar;
      }
      this.target(next, m, policy, t);
      next.targetSince = t;
      next.watch = -1;
      if (mode === "paused") next.mode = "paused";
    }
  }

  /**
   * The states at `at` (≥ the last event), after the end-of-instant step. Called only on a clock that
   * is dropped afterwards (`evaluate`'s, or the copy `stateAt` makes), so the states may share its
   * warning lists; they are fresh objects the caller owns, readonly by type and not frozen (freezing
   * them cost a tenth of `evaluate`).
   */
  view(at: number): SlaEvaluation {
    const cycles = this.cycles;
    // The list made at its final length (a list grown by push starts with room for 16).
    let count = 0;
    for (let i = 0; i < cycles.length; i++) if ((cycles[i] as Cycle).targetMs !== null && (cycles[i] as Cycle).policyId !== null) count += 1;
    const metrics = new Array<SlaMetricState>(count);
    let filled = 0;
    let nextChangeAt: number | null = null;
    for (let i = 0; i < cycles.length; i++) {
      const cycle = cycles[i] as Cycle;
      const target = cycle.targetMs;
      const policyId = cycle.policyId;
      if (target === null || policyId === null) continue;
      const running = cycle.mode === "running";
      const open = running || cycle.mode === "paused" ? (at > cycle.segFrom ? this.between(cycle.cal, cycle.segFrom, at) : 0) : 0;
      const elapsed = cycle.runBusiness + (running ? open : 0);
      const dueAt = running || cycle.runBusiness >= target ? instantOfElapsed(cycle, target, this) : null;
      let breachedAt = cycle.breachedAt;
      let warnings: ReadonlyArray<SlaWarning> = cycle.warnings.length === 0 ? NO_FIRED : cycle.warnings;
      if (running) {
        if (breachedAt === null) {
          breachedAt = breachInstant(cycle, this, dueAt);
          if (breachedAt !== null && breachedAt > at && (nextChangeAt === null || breachedAt < nextChangeAt)) nextChangeAt = breachedAt;
        }
        const warnAt = cycle.warnAt;
        for (let w = 0; w < warnAt.length; w++) {
          const fraction = warnAt[w] as number;
          if (hasFraction(warnings, fraction)) continue;
          const when = warningInstant(cycle, fraction, this);
          if (when === null) continue;
          if (when <= at) warnings = withWarning(warnings, fraction, when);
          else if (nextChangeAt === null || when < nextChangeAt) nextChangeAt = when;
        }
      }
      const breached = breachedAt !== null && breachedAt <= at;
      metrics[filled++] = {
        metric: cycle.metric,
        cycle: cycle.index,
        policyId,
        status: statusOf(cycle, breached),
        targetMs: target,
        elapsedBusinessMs: elapsed,
        elapsedCalendarMs: cycle.runCalendar + (running ? at - cycle.segFrom : 0),
        remainingBusinessMs: Math.max(0, target - elapsed),
        pausedBusinessMs: cycle.pausedBusiness + (cycle.mode === "paused" ? open : 0),
        startedAt: cycle.startedAt,
        dueAt,
        breachedAt: running || breached ? breachedAt : null,
        stoppedAt: cycle.stoppedAt,
        warnings,
      };
    }
    return { at, policyId: this.policyId, metrics, nextChangeAt };
  }
}

function hasFraction(warnings: ReadonlyArray<SlaWarning>, fraction: number): boolean {
  for (let i = 0; i < warnings.length; i++) if ((warnings[i] as SlaWarning).fraction === fraction) return true;
  return false;
}

/** A new list: `warnings` (in order of time, then fraction) with one more in its place. */
function withWarning(warnings: ReadonlyArray<SlaWarning>, fraction: number, at: number): SlaWarning[] {
  const out: SlaWarning[] = [];
  let placed = false;
  for (let i = 0; i < warnings.length; i++) {
    const w = warnings[i] as SlaWarning;
    if (!placed && (at < w.at || (at === w.at && fraction < w.fraction))) {
      out.push({ fraction, at });
      placed = true;
    }
    out.push(w);
  }
  if (!placed) out.push({ fraction, at });
  return out;
}

function statusOf(cycle: Cycle, breached: boolean): SlaMetricState["status"] {
  switch (cycle.mode) {
    case "running":
      return breached ? "breached" : "active";
    case "paused":
      return breached ? "breached" : "paused";
    case "stopped":
      return breached ? "breached" : "achieved";
    case "cancelled":
      return breached && cycle.cancelReason === "merge" ? "breached" : "cancelled";
    default:
      return cycle.mode satisfies never;
  }
}
