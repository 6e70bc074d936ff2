// Model-based: random event sequences drive the incremental clock and a naive reference (the rules of
// docs/sla-clocks.md written plainly, with every business-time quantity from the brute-force calendar
// oracle); they must agree at every step. Plus the laws: evaluate = incremental = restored clock,
// business ≤ calendar elapsed, and nextChangeAt is exactly when the states change.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createSlaEngine, type CalendarDefinition, type SlaClock, type SlaEngine, type SlaEvaluation } from "@supportops/sla";
import { DAY, HOUR, calendarArb, windowStartArb, zoneArb } from "./support/arbitraries.js";
import { OracleRules, OracleWindow } from "./support/oracle.js";

const STATUSES = ["new", "open", "pending", "on_hold", "solved"] as const;
type Status = (typeof STATUSES)[number];
type Step =
  | { kind: "wait"; ms: number }
  | { kind: "customer" }
  | { kind: "reply" }
  | { kind: "note" }
  | { kind: "status"; to: Status };

const RESOLVED = new Set<string>(["solved", "closed"]);
const RUNS: Record<string, (status: string) => "run" | "pause" | "stop"> = {
  requester_wait: (s) => (s === "pending" ? "pause" : RESOLVED.has(s) ? "stop" : "run"),
  agent_work: (s) => (s === "pending" || s === "on_hold" ? "pause" : RESOLVED.has(s) ? "stop" : "run"),
  resolution: (s) => (RESOLVED.has(s) ? "stop" : "run"),
};

interface RefCycle {
  metric: string;
  index: number;
  start: number;
  runs: Array<[number, number | null]>;
  pauses: Array<[number, number | null]>;
  stop: number | null;
}

/** The naive reading of the rules over a full event list (no merges, no priority changes). */
function referenceCycles(events: ReadonlyArray<{ at: number; type: string; role?: string; public?: boolean; to?: string; by?: string }>): RefCycle[] {
  const cycles: RefCycle[] = [];
  const created = events[0] as { at: number; by: string };
  // Status-driven presets: one cycle; it runs, pauses and stops with the status (a reopen resumes it).
  for (const metric of Object.keys(RUNS)) {
    const cycle: RefCycle = { metric, index: 0, start: created.at, runs: [], pauses: [], stop: null };
    let status = "new";
    let since = created.at;
    const close = (t: number): void => {
      const mode = (RUNS[metric] as (s: string) => string)(status);
      if (mode === "run") cycle.runs.push([since, t]);
      if (mode === "pause") cycle.pauses.push([since, t]);
    };
    for (const e of events.slice(1)) {
      if (e.type !== "status_changed") continue;
      close(e.at);
      status = e.to as string;
      since = e.at;
    }
    const mode = (RUNS[metric] as (s: string) => string)(status);
    if (mode === "run") cycle.runs.push([since, null]);
    if (mode === "pause") cycle.pauses.push([since, null]);
    cycle.stop = mode === "stop" ? since : null;
    cycles.push(cycle);
  }
  // Response metrics.
  let status = "new";
  let replies = 0;
  const first: RefCycle = { metric: "first_response", index: 0, start: created.at, runs: [], pauses: [], stop: null };
  let next: RefCycle | null = null;
  let periodic: RefCycle | null = null;
  let nextCount = 0;
  let periodicCount = 0;
  const finish = (cycle: RefCycle, t: number): void => {
    cycle.runs.push([cycle.start, t]);
    cycle.stop = t;
  };
  for (const e of events.slice(1)) {
    const isReply = e.type === "message" && e.role === "agent" && e.public === true;
    if (e.type === "status_changed") status = e.to as string;
    const resolves = e.type === "status_changed" && RESOLVED.has(status);
    if (isReply || resolves) {
      if (first.stop === null) finish(first, e.at);
      if (next !== null) {
        finish(next, e.at);
        cycles.push(next);
        next = null;
      }
      if (periodic !== null) {
        finish(periodic, e.at);
        cycles.push(periodic);
        periodic = null;
      }
    }
    if (isReply) {
      replies += 1;
      if (!RESOLVED.has(status)) periodic = { metric: "periodic_update", index: periodicCount++, start: e.at, runs: [], pauses: [], stop: null };
    }
    if (e.type === "message" && e.role === "customer" && e.public === true && replies > 0 && next === null) {
      next = { metric: "next_response", index: nextCount++, start: e.at, runs: [], pauses: [], stop: null };
    }
  }
  if (first.stop === null) first.runs.push([first.start, null]);
  cycles.push(first);
  for (const open of [next, periodic]) {
    if (open === null) continue;
    open.runs.push([open.start, null]);
    cycles.push(open);
  }
  return cycles;
}

interface RefState {
  status: string;
  elapsed: number;
  paused: number;
  breachedAt: number | null;
  warnings: Array<{ fraction: number; at: number }>;
}

function referenceState(cycle: RefCycle, target: number, at: number, oracle: OracleWindow): RefState {
  const runs = cycle.runs.map(([a, b]) => [a, b ?? at] as [number, number]);
  const elapsed = runs.reduce((sum, [a, b]) => sum + oracle.between(a, b), 0);
  const paused = cycle.pauses.reduce((sum, [a, b]) => sum + oracle.between(a, b ?? at), 0);
  // The instant elapsed reaches an amount, walking the running spans.
  const reach = (amount: number): number | null => {
    let done = 0;
    for (const [a, b] of runs) {
      const length = oracle.between(a, b);
      if (done + length >= amount) return amount - done === 0 ? (done === 0 ? a : a) : oracle.addForward(a, amount - done);
      done += length;
    }
    return null;
  };
  let breachedAt: number | null = null;
  const due = reach(target);
  if (due !== null) {
    // The first open instant at or after due while running (an open-ended run includes `at`).
    cycle.runs.some(([a, b]) => {
      const end = b ?? at + 1;
      const candidate = oracle.nextOpen(Math.max(a, due));
      if (candidate !== null && candidate < end && candidate >= a) breachedAt = candidate;
      return breachedAt !== null;
    });
  }
  const threshold = Math.ceil(0.75 * target);
  const warnAt = elapsed >= threshold ? reach(threshold) : null;
  const warnings = warnAt === null ? [] : [{ fraction: 0.75, at: warnAt }];
  const running = cycle.runs.some(([, b]) => b === null);
  const isPaused = cycle.pauses.some(([, b]) => b === null);
  const breached = breachedAt !== null;
  const status = breached ? "breached" : running ? "active" : isPaused ? "paused" : "achieved";
  return { status, elapsed, paused, breachedAt: breached ? breachedAt : null, warnings };
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 36 * HOUR }).map((ms) => ({ kind: "wait" as const, ms })), weight: 4 },
  { arbitrary: fc.constant({ kind: "customer" as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: "reply" as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: "note" as const }), weight: 1 },
  { arbitrary: fc.constantFrom(...STATUSES).map((to) => ({ kind: "status" as const, to })), weight: 2 },
);

const scenarioArb = zoneArb.chain((zone) =>
  windowStartArb(zone)
    .filter((start) => start >= 1e10) // numbers below 1e10 ms are refused as likely epoch seconds by core
    .chain((start) => {
      const firstDay = Math.floor(start / DAY) - 1;
      return fc.record({
        zone: fc.constant(zone),
        start: fc.constant(Math.floor(start / 60_000) * 60_000),
        calendar: calendarArb(zone, firstDay, firstDay + 12),
        targets: fc.record({
          first_response: fc.integer({ min: 1, max: 12 * HOUR }),
          next_response: fc.integer({ min: 1, max: 12 * HOUR }),
          periodic_update: fc.integer({ min: 1, max: 24 * HOUR }),
          requester_wait: fc.integer({ min: 1, max: 24 * HOUR }),
          agent_work: fc.integer({ min: 1, max: 24 * HOUR }),
          resolution: fc.integer({ min: 1, max: 48 * HOUR }),
        }),
        steps: fc.array(stepArb, { maxLength: 14 }),
        by: fc.constantFrom("customer", "system"),
      });
    }),
);

function engineFor(calendar: CalendarDefinition, targets: Record<string, number>): SlaEngine {
  return createSlaEngine({
    calendars: { cal: calendar },
    policies: [{ id: "p", calendar: "cal", targets: Object.fromEntries(Object.entries(targets).map(([metric, ms]) => [metric, { normal: ms }])) }],
  });
}

/** The events of a scenario; steps that would repeat the current status are skipped. */
function eventsOf(start: number, by: string, steps: ReadonlyArray<Step>): Array<Record<string, unknown> & { at: number; type: string }> {
  const events: Array<Record<string, unknown> & { at: number; type: string }> = [{ id: "0", at: start, type: "created", by, priority: "normal" }];
  let t = start;
  let status = "new";
  steps.forEach((step, i) => {
    const id = String(i + 1);
    switch (step.kind) {
      case "wait":
        t += step.ms;
        return;
      case "customer":
        events.push({ id, at: t, type: "message", role: "customer", public: true });
        return;
      case "reply":
        events.push({ id, at: t, type: "message", role: "agent", public: true });
        return;
      case "note":
        events.push({ id, at: t, type: "message", role: "agent", public: false });
        return;
      case "status":
        if (step.to === status) return;
        status = step.to;
        events.push({ id, at: t, type: "status_changed", to: step.to });
        return;
      default:
        step satisfies never;
    }
  });
  return events;
}

const key = (m: { metric: string; cycle?: number; index?: number }): string => `${m.metric}#${m.cycle ?? m.index}`;

type Event = Record<string, unknown> & { at: number; type: string };
interface Model {
  readonly engine: SlaEngine;
  readonly oracle: OracleWindow;
  readonly targets: Record<string, number>;
  events: Event[];
  now: number;
  status: string;
}
interface Real {
  clock: SlaClock;
}

/** After every command: the clock agrees with a replay of the whole log and with the naive reference. */
function checkAgreement(model: Model, real: Real): void {
  const at = model.now;
  const incremental = real.clock.stateAt(at);
  expect(incremental).toStrictEqual(model.engine.evaluate(model.events, { at }));
  const reference = referenceCycles(model.events);
  expect(incremental.metrics.map(key).sort()).toStrictEqual(reference.map(key).sort());
  for (const cycle of reference) {
    const actual = incremental.metrics.find((m) => key(m) === key(cycle));
    const expected = referenceState(cycle, model.targets[cycle.metric] as number, at, model.oracle);
    expect(
      { status: actual?.status, elapsed: actual?.elapsedBusinessMs, paused: actual?.pausedBusinessMs, breachedAt: actual?.status === "breached" ? actual.breachedAt : null, warnings: actual?.warnings },
      `${key(cycle)} at ${new Date(at).toISOString()}`,
    ).toStrictEqual(expected);
  }
}

class ApplyEvent implements fc.Command<Model, Real> {
  constructor(readonly step: Exclude<Step, { kind: "wait" }>) {}
  check(model: Readonly<Model>): boolean {
    return this.step.kind !== "status" || this.step.to !== model.status;
  }
  run(model: Model, real: Real): void {
    const id = String(model.events.length);
    const base = { id, at: model.now };
    const event: Event =
      this.step.kind === "status"
        ? { ...base, type: "status_changed", to: this.step.to }
        : { ...base, type: "message", role: this.step.kind === "customer" ? "customer" : "agent", public: this.step.kind !== "note" };
    if (this.step.kind === "status") model.status = this.step.to;
    model.events.push(event);
    real.clock.apply(event);
    checkAgreement(model, real);
  }
  toString(): string {
    return this.step.kind === "status" ? `status(${this.step.to})` : this.step.kind;
  }
}

class Wait implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    model.now += this.ms;
    checkAgreement(model, real);
  }
  toString(): string {
    return `wait(${this.ms})`;
  }
}

class SaveAndRestore implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    real.clock = model.engine.restore(JSON.parse(JSON.stringify(real.clock.toJSON())));
    checkAgreement(model, real);
  }
  toString(): string {
    return "saveAndRestore";
  }
}

const commandsArb = fc.commands(
  [
    fc.integer({ min: 1, max: 20 * HOUR }).map((ms) => new Wait(ms)),
    stepArb.filter((step): step is Exclude<Step, { kind: "wait" }> => step.kind !== "wait").map((step) => new ApplyEvent(step)),
    fc.constant(new SaveAndRestore()),
  ],
  { maxCommands: 16 },
);

describe("SLA clock against a naive reference on the calendar oracle", () => {
  test.prop([scenarioArb, commandsArb], { numRuns: numRuns(20) })(
    "model-based: random commands drive the incremental clock and the reference; they agree after every command",
    ({ start, calendar, targets, by }, commands) => {
      const engine = engineFor(calendar, targets);
      const created: Event = { id: "0", at: start, type: "created", by, priority: "normal" };
      const model: Model = { engine, oracle: new OracleWindow(new OracleRules(calendar), start, start + 14 * DAY), targets, events: [created], now: start, status: "new" };
      fc.modelRun(() => ({ model, real: { clock: engine.start(created) } }), commands);
    },
  );

  test.prop([scenarioArb], { numRuns: numRuns(25) })("every metric cycle agrees at every event and after the last", ({ start, calendar, targets, steps, by }) => {
    const engine = engineFor(calendar, targets);
    const events = eventsOf(start, by, steps);
    const end = (events.at(-1)?.at ?? start) + 2 * DAY;
    const oracle = new OracleWindow(new OracleRules(calendar), start, end + 2 * DAY);
    const checkpoints = [...new Set([...events.map((e) => e.at), end])];
    for (const at of checkpoints) {
      const known = events.filter((e) => e.at <= at);
      const result = engine.evaluate(known, { at });
      const reference = referenceCycles(known);
      expect(result.metrics.map(key).sort()).toStrictEqual(reference.map(key).sort());
      for (const cycle of reference) {
        const target = targets[cycle.metric as keyof typeof targets];
        const expected = referenceState(cycle, target, at, oracle);
        const actual = result.metrics.find((m) => key(m) === key(cycle));
        expect({
          status: actual?.status,
          elapsed: actual?.elapsedBusinessMs,
          paused: actual?.pausedBusinessMs,
          breachedAt: actual?.status === "breached" ? actual.breachedAt : null,
          warnings: actual?.warnings,
        }, `${cycle.metric}#${cycle.index} at ${new Date(at).toISOString()}`).toStrictEqual(expected);
      }
    }
  });

  test.prop([scenarioArb], { numRuns: numRuns(25) })(
    "evaluate = the incremental clock = a clock restored from JSON at every step; business ≤ calendar elapsed; pausing never adds elapsed time",
    ({ start, calendar, targets, steps, by }) => {
      const engine = engineFor(calendar, targets);
      const events = eventsOf(start, by, steps);
      let clock: SlaClock = engine.start(events[0]);
      for (const [index, event] of events.entries()) {
        if (index === 0) continue;
        clock = engine.restore(JSON.parse(JSON.stringify(clock.toJSON())));
        clock.apply(event);
        const at = event.at;
        const incremental = clock.stateAt(at);
        expect(incremental).toStrictEqual(engine.evaluate(events.slice(0, index + 1), { at }));
        for (const m of incremental.metrics) {
          expect(m.elapsedBusinessMs).toBeLessThanOrEqual(m.elapsedCalendarMs);
          expect(m.remainingBusinessMs).toBe(Math.max(0, m.targetMs - m.elapsedBusinessMs));
        }
        // Pausing never adds elapsed time: the same clock paused in more statuses has elapsed no more.
        const elapsed = (metric: string): number => incremental.metrics.find((m) => m.metric === metric)?.elapsedBusinessMs ?? 0;
        expect(elapsed("agent_work")).toBeLessThanOrEqual(elapsed("requester_wait"));
        expect(elapsed("requester_wait")).toBeLessThanOrEqual(elapsed("resolution"));
      }
    },
  );

  test.prop([scenarioArb], { numRuns: numRuns(25) })("nextChangeAt is exactly when the states change if no event arrives", ({ start, calendar, targets, steps, by }) => {
    const engine = engineFor(calendar, targets);
    const events = eventsOf(start, by, steps);
    const last = events.at(-1)?.at ?? start;
    const signature = (r: SlaEvaluation): string => JSON.stringify(r.metrics.map((m) => [key(m), m.status, m.warnings]));
    let at = last;
    for (let hop = 0; hop < 4; hop++) {
      const now = engine.evaluate(events, { at });
      const next = now.nextChangeAt;
      if (next === null) break;
      expect(next).toBeGreaterThan(at);
      expect(signature(engine.evaluate(events, { at: next - 1 }))).toBe(signature(now));
      const after = engine.evaluate(events, { at: next });
      expect(signature(after)).not.toBe(signature(now));
      at = next;
    }
  });
});
