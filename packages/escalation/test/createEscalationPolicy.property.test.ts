import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import {
  createEscalationPolicy,
  type EscalationAnchor,
  type EscalationEvent,
  type EscalationPolicy,
  type EscalationStopCondition,
} from "@supportops/escalation";
import { weekdayCalendar } from "./support/weekdayCalendar.js";

const MIN = 60_000;
const T0 = Date.parse("2026-03-06T15:00:00Z"); // a Friday afternoon, so weekends come up early

// ---------- the naive model: minute-by-minute business time and a step-by-step simulation ----------

const isOpenMinute = (ms: number): boolean => {
  const d = new Date(ms);
  const weekday = d.getUTCDay();
  const hour = d.getUTCHours();
  return weekday >= 1 && weekday <= 5 && hour >= 9 && hour < 17;
};

function naiveAdd(businessHours: boolean, t: number, d: number): number {
  if (!businessHours || d === 0) return t + (businessHours ? 0 : d);
  let u = t;
  let acc = 0;
  if (d > 0) {
    while (acc < d) {
      if (isOpenMinute(u)) acc += MIN;
      u += MIN;
    }
    return u;
  }
  while (acc < -d) {
    u -= MIN;
    if (isOpenMinute(u)) acc += MIN;
  }
  return u;
}

function naiveBetween(businessHours: boolean, a: number, b: number): number {
  if (!businessHours) return b - a;
  let total = 0;
  for (let u = a; u < b; u += MIN) if (isOpenMinute(u)) total += MIN;
  return total;
}

interface Level {
  readonly afterMin: number;
  readonly relativeTo: EscalationAnchor;
}
interface Entry {
  readonly level: number;
  readonly cycle: number;
  readonly firesAt: number;
}

function naiveSchedule(levels: ReadonlyArray<Level>, repeat: number, businessHours: boolean, created: number, slaDue: number): Entry[] {
  const first: number[] = [];
  levels.forEach((level, i) => {
    const anchor = level.relativeTo === "created" ? created : level.relativeTo === "slaDue" ? slaDue : (first[i - 1] as number);
    first.push(Math.max(created, naiveAdd(businessHours, anchor, level.afterMin * MIN)));
  });
  const period = naiveBetween(businessHours, created, Math.max(...first));
  const entries: Entry[] = [];
  for (let cycle = 0; cycle <= repeat; cycle += 1) {
    first.forEach((at, i) => entries.push({ level: i + 1, cycle, firesAt: cycle === 0 ? at : naiveAdd(businessHours, at, cycle * period) }));
  }
  return entries.sort((a, b) => a.firesAt - b.firesAt || a.cycle - b.cycle || a.level - b.level);
}

interface Setup {
  readonly levels: ReadonlyArray<Level>;
  readonly repeat: number;
  readonly businessHours: boolean;
  readonly stopOn: ReadonlyArray<EscalationStopCondition>;
  readonly slaDue: number;
  readonly policy: EscalationPolicy;
}

interface Model {
  now: number;
  run: { schedule: Entry[]; fired: Entry[]; stopped: boolean } | null;
}
interface Real {
  events: EscalationEvent[];
}

function expectAgreement(setup: Setup, model: Model, real: Real): void {
  const due = setup.policy.due(real.events, { at: model.now, slaDueAt: setup.slaDue });
  const pick = (e: { level: number; cycle: number; firesAt: number }): Entry => ({ level: e.level, cycle: e.cycle, firesAt: e.firesAt });
  const run = model.run;
  const expectedNext = run === null || run.stopped ? null : (run.schedule[run.fired.length] ?? null);
  const expectedState = run === null ? "idle" : run.stopped ? "stopped" : expectedNext === null ? "exhausted" : "escalating";
  expect({ state: due.state, fired: due.fired.map(pick), next: due.next === null ? null : pick(due.next) }).toStrictEqual({
    state: expectedState,
    fired: run === null ? [] : run.fired,
    next: expectedNext,
  });
}

/** Fires, in the model, every level of the running escalation due at or before `until`. */
function fireUntil(model: Model, until: number): void {
  const run = model.run;
  if (run === null || run.stopped) return;
  while (run.fired.length < run.schedule.length && (run.schedule[run.fired.length] as Entry).firesAt <= until) {
    run.fired.push(run.schedule[run.fired.length] as Entry);
  }
}

class Trigger implements fc.Command<Model, Real> {
  constructor(readonly setup: Setup) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    real.events.push({ type: "escalated", at: model.now });
    if (model.run === null || model.run.stopped) {
      const s = this.setup;
      model.run = { schedule: naiveSchedule(s.levels, s.repeat, s.businessHours, model.now, s.slaDue), fired: [], stopped: false };
      fireUntil(model, model.now);
    }
    expectAgreement(this.setup, model, real);
  }
  toString = (): string => "trigger";
}

class Tick implements fc.Command<Model, Real> {
  constructor(readonly setup: Setup, readonly minutes: number) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    model.now += this.minutes * MIN;
    fireUntil(model, model.now);
    expectAgreement(this.setup, model, real);
  }
  toString = (): string => `tick(${this.minutes}m)`;
}

class Stop implements fc.Command<Model, Real> {
  constructor(readonly setup: Setup, readonly kind: "acknowledge" | "resolve" | "pending") {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    const event: EscalationEvent =
      this.kind === "acknowledge"
        ? { type: "acknowledged", at: model.now }
        : { type: "status_changed", at: model.now, to: this.kind === "resolve" ? "solved" : "pending" };
    real.events.push(event);
    const stops = (this.kind === "acknowledge" && this.setup.stopOn.includes("acknowledged")) || (this.kind === "resolve" && this.setup.stopOn.includes("resolved"));
    if (stops && model.run !== null) model.run.stopped = true;
    expectAgreement(this.setup, model, real);
  }
  toString = (): string => this.kind;
}

const levelArb: fc.Arbitrary<{ relativeTo: EscalationAnchor; step: number }> = fc.record({
  relativeTo: fc.constantFrom<EscalationAnchor>("created", "slaDue", "previousLevel"),
  step: fc.integer({ min: 1, max: 300 }),
});

const setupArb: fc.Arbitrary<Setup> = fc
  .record({
    raw: fc.array(levelArb, { minLength: 1, maxLength: 4 }),
    slaStart: fc.integer({ min: -240, max: 240 }),
    repeat: fc.integer({ min: 0, max: 3 }),
    businessHours: fc.boolean(),
    stopOn: fc.subarray<EscalationStopCondition>(["acknowledged", "resolved"], { minLength: 1 }),
    slaDueMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  })
  .filter(({ raw }) => raw.some((l) => l.relativeTo === "created"))
  .map(({ raw, slaStart, repeat, businessHours, stopOn, slaDueMin }) => {
    let created = 0;
    let sla = slaStart;
    const levels: Level[] = raw.map((l, i) => {
      const relativeTo: EscalationAnchor = i === 0 && l.relativeTo === "previousLevel" ? "created" : l.relativeTo;
      if (relativeTo === "created") return { relativeTo, afterMin: (created += l.step) };
      if (relativeTo === "slaDue") return { relativeTo, afterMin: (sla += l.step) - l.step };
      return { relativeTo, afterMin: l.step };
    });
    const policy = createEscalationPolicy({
      levels: levels.map((l, i) => ({ after: { minutes: l.afterMin }, relativeTo: l.relativeTo, targets: [`target-${i + 1}`] })),
      repeat,
      stopOn,
      ...(businessHours ? { calendar: weekdayCalendar(9, 17) } : {}),
    });
    const shown = { levels, repeat, businessHours, stopOn, slaDue: new Date(T0 + slaDueMin * MIN).toISOString() };
    // Counterexamples print the definition, not the compiled policy's functions.
    return { levels, repeat, businessHours, stopOn, slaDue: T0 + slaDueMin * MIN, policy, [fc.toStringMethod]: () => JSON.stringify(shown) };
  });

describe("escalation policy against a naive model", () => {
  const runArb = setupArb.chain((setup) =>
    fc.tuple(
      fc.constant(setup),
      fc.integer({ min: 0, max: 7 * 24 * 60 }),
      fc.commands(
        [
          fc.constant(new Trigger(setup)),
          fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3 * 24 * 60 })).map((m) => new Tick(setup, m)),
          fc.constant(new Stop(setup, "acknowledge")),
          fc.constant(new Stop(setup, "resolve")),
          fc.constant(new Stop(setup, "pending")),
        ],
        { maxCommands: 25 },
      ),
    ),
  );

  test.prop([runArb], { numRuns: numRuns(60) })("due() agrees with a step-by-step simulation over trigger, tick, acknowledge and resolve", ([, startMin, commands]) => {
    fc.modelRun(() => ({ model: { now: T0 + startMin * MIN, run: null }, real: { events: [] } }), commands);
  });

  test.prop([setupArb, fc.integer({ min: 0, max: 7 * 24 * 60 })], { numRuns: numRuns(100) })("schedule() agrees with the naive schedule and is sorted", (setup, startMin) => {
    const created = T0 + startMin * MIN;
    const actual = setup.policy.schedule({ createdAt: created, slaDueAt: setup.slaDue }).map((e) => ({ level: e.level, cycle: e.cycle, firesAt: e.firesAt }));
    expect(actual).toStrictEqual(naiveSchedule(setup.levels, setup.repeat, setup.businessHours, created, setup.slaDue));
  });
});
