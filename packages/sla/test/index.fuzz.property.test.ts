// Every public entry point of the calendars, the holiday sources and the SLA engine, fed hostile
// values: it returns or throws an SlaError with one of SLA_ERROR_CODES, never a raw exception (nor
// core's error), never mutates its input, never pollutes a prototype, never runs away. Lazy results
// (evaluateMany) are iterated. Counterexamples the suite found stay below as examples.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  CalendarDefinitionSchema,
  SLA_ERROR_CODES,
  SlaConditionSchema,
  SlaEngineDefinitionSchema,
  SlaError,
  calendar24x7,
  createCalendar,
  createSlaEngine,
  holidaysFromDateHolidays,
  intersectCalendars,
  parseICalendarHolidays,
  rankBySlaRisk,
  safeCreateCalendar,
  safeCreateSlaEngine,
  safeHolidaysFromDateHolidays,
  safeParseICalendarHolidays,
  unionCalendars,
  type SlaClockJson,
} from "@supportops/sla";
import { expectContained, hostileValueArb, nested, numRuns, thrownBy } from "@supportops/test-utils";

const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]], sun: [["22:00", "06:00"]] } });
const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
const years = { fromYear: 2026, toYear: 2026 };

const CALENDAR_ENTRY_POINTS: ReadonlyArray<readonly [string, (a: never, b: never) => unknown]> = [
  ["createCalendar", (a) => createCalendar(a)],
  ["createCalendar({ weekly: { mon: hostile }, overrides: hostile })", (a, b) => createCalendar({ timeZone: "UTC", weekly: { mon: a }, overrides: b })],
  ["createCalendar({ holidays: hostile, name: hostile })", (a, b) => createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] }, holidays: a, name: b })],
  ["safeCreateCalendar", (a) => safeCreateCalendar(a)],
  ["calendar24x7", (a) => calendar24x7(a)],
  ["intersectCalendars", (a, b) => intersectCalendars(a, b)],
  ["unionCalendars", (a, b) => unionCalendars(cal, a, b)],
  ["cal.isOpen", (a) => cal.isOpen(a)],
  ["cal.addBusinessTime", (a, b) => cal.addBusinessTime(a, b)],
  ["cal.addBusinessTime(valid, hostile)", (_a, b) => cal.addBusinessTime("2026-03-09T10:00:00Z", b)],
  ["cal.businessTimeBetween", (a, b) => cal.businessTimeBetween(a, b)],
  ["cal.nextOpen", (a) => cal.nextOpen(a)],
  ["cal.nextClose", (a) => cal.nextClose(a)],
  ["cal.openIntervals", (a, b) => cal.openIntervals(a, b)],
  ["cal.addBusinessDays", (a, b) => cal.addBusinessDays(a, b)],
  ["cal.addBusinessDays(valid, hostile)", (_a, b) => cal.addBusinessDays("2026-03-09T10:00:00Z", b)],
  ["cal.isOpenMs", (a) => cal.isOpenMs(a)],
  ["cal.addBusinessMs", (a, b) => cal.addBusinessMs(a, b)],
  ["cal.businessMsBetween", (a, b) => cal.businessMsBetween(a, b)],
  ["cal.nextOpenMs", (a) => cal.nextOpenMs(a)],
  ["cal.nextCloseMs", (a) => cal.nextCloseMs(a)],
  ["parseICalendarHolidays", (a, b) => parseICalendarHolidays(a, b)],
  ["parseICalendarHolidays(hostile, years)", (a) => parseICalendarHolidays(a, years)],
  ["parseICalendarHolidays(ics, hostile)", (_a, b) => parseICalendarHolidays(ics, b)],
  ["safeParseICalendarHolidays", (a, b) => safeParseICalendarHolidays(a, b)],
  ["holidaysFromDateHolidays", (a, b) => holidaysFromDateHolidays(a, b)],
  ["holidaysFromDateHolidays(hostile, years)", (a) => holidaysFromDateHolidays(a, years)],
  ["safeHolidaysFromDateHolidays", (a, b) => safeHolidaysFromDateHolidays(a, b)],
  ["holidaysFromDateHolidays(source of hostile entries)", (a, b) => holidaysFromDateHolidays({ getHolidays: () => [a, b] } as never, { ...years, strict: true })],
  [
    "holidaysFromDateHolidays(public entries with hostile fields)",
    (a, b) => holidaysFromDateHolidays({ getHolidays: () => [{ type: "public", date: a, name: b, start: a, end: b }] } as never, { ...years, strict: true }),
  ],
  ["holidaysFromDateHolidays(source of a hostile list)", (a) => holidaysFromDateHolidays({ getHolidays: () => a } as never, years)],
];

// ---- the SLA engine ----

const week = [["09:00", "17:00"]] as const;
const engine = createSlaEngine({
  calendars: { support: { timeZone: "Europe/Berlin", weekly: { mon: week, tue: week, wed: week, thu: week, fri: week } } },
  policies: [{ id: "standard", calendar: "support", targets: { first_response: { normal: "PT4H" }, next_response: { normal: "PT2H" }, resolution: { normal: "PT8H" } } }],
});
const created = { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", priority: "normal" };
const reply = { id: "2", at: "2026-03-09T10:00:00Z", type: "message", role: "agent", public: true };
const at = { at: "2026-03-10T09:00:00Z" };
const clockJson = engine.restore(engine.start(created).apply(reply).toJSON()).toJSON() as SlaClockJson & Record<string, unknown>;
const evaluation = engine.evaluate([created], at);
/** Iterates a lazy result, as a caller would. */
function drain(items: Iterable<unknown>): number {
  let count = 0;
  for (const _ of items) count++;
  return count;
}

const ENGINE_ENTRY_POINTS: ReadonlyArray<readonly [string, (a: never, b: never) => unknown]> = [
  ["SlaConditionSchema.safeParse", (a) => SlaConditionSchema.safeParse(a)],
  ["SlaEngineDefinitionSchema.safeParse", (a, b) => SlaEngineDefinitionSchema.safeParse({ policies: [{ id: "p", when: a, targets: b }] })],
  ["CalendarDefinitionSchema.safeParse", (a) => CalendarDefinitionSchema.safeParse(a)],
  ["createSlaEngine", (a) => createSlaEngine(a)],
  ["safeCreateSlaEngine", (a) => safeCreateSlaEngine(a)],
  ["createSlaEngine({ policies: hostile, metrics: hostile })", (a, b) => createSlaEngine({ policies: a, metrics: b })],
  [
    "createSlaEngine({ calendars: { c: hostile } })",
    (a) => createSlaEngine({ calendars: { c: a }, policies: [{ id: "p", calendar: "c", targets: { resolution: { normal: "PT1H" } } }] }),
  ],
  ["engine.evaluate", (a, b) => engine.evaluate(a, b)],
  ["engine.evaluate(hostile, at)", (a) => engine.evaluate(a, at)],
  ["engine.evaluate([created, hostile], at)", (a) => engine.evaluate([created, a], at)],
  ["engine.evaluate(log, hostile)", (_a, b) => engine.evaluate([created], b)],
  ["engine.evaluateMany", (a, b) => drain(engine.evaluateMany(a, b))],
  ["engine.evaluateMany([hostile, hostile], at)", (a, b) => drain(engine.evaluateMany([a, b], at))],
  ["engine.evaluateMany([{ id: hostile, events: hostile }], at)", (a, b) => drain(engine.evaluateMany([{ id: a, events: b }], at))],
  ["engine.start", (a) => engine.start(a)],
  ["engine.restore", (a) => engine.restore(a)],
  ["engine.restore({ ...state, ticket: hostile, cycles: hostile })", (a, b) => engine.restore({ ...clockJson, ticket: a, cycles: b })],
  ["engine.restore({ ...state, hostile keys })", (a, b) => engine.restore({ ...clockJson, lastAt: a, extra: b })],
  ["clock.apply", (a) => engine.start(created).apply(a)],
  ["clock.stateAt", (a) => engine.start(created).stateAt(a)],
  ["rankBySlaRisk", (a, b) => rankBySlaRisk(a, b)],
  ["rankBySlaRisk([hostile], at)", (a) => rankBySlaRisk([a], at)],
  ["rankBySlaRisk([{ ...evaluation, metrics: hostile }], at)", (a) => rankBySlaRisk([{ ...evaluation, metrics: a }], at)],
  [
    "rankBySlaRisk([{ metrics: [{ …state, breachedAt: hostile, status: hostile }] }], at)",
    (a, b) => rankBySlaRisk([{ ...evaluation, metrics: evaluation.metrics.map((state) => ({ ...state, breachedAt: a, status: b })) }] as never, at),
  ],
];

describe("sla entry points with hostile input", () => {
  for (const [name, fn] of [...CALENDAR_ENTRY_POINTS, ...ENGINE_ENTRY_POINTS]) {
    test.prop([hostileValueArb, hostileValueArb], { numRuns: numRuns(40) })(`${name} contains hostile input`, (a, b) => {
      expectContained(SlaError, SLA_ERROR_CODES, fn, [a, b]);
    });
  }

  // A persisted clock of the right shape whose values are random: the clock's arithmetic must cope
  // (or refuse with an SlaError), whatever a tampered or corrupted store hands back.
  const instantArb = fc.oneof(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) - 1 }), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
  const cycleArb = fc.record({
    metric: fc.constantFrom("first_response", "next_response", "resolution", "other"),
    index: fc.nat(3),
    policyId: fc.constantFrom(null, "standard", "gone"),
    startedAt: instantArb,
    mode: fc.constantFrom("running", "paused", "stopped", "cancelled"),
    stoppedAt: fc.option(instantArb, { nil: null }),
    cancelReason: fc.constantFrom(null, "merge", "restart", "retroactive"),
    targetMs: fc.option(fc.nat(), { nil: null }),
    targetSince: instantArb,
    cal: fc.constantFrom("support", "24x7", "unknown"),
    warnAt: fc.array(fc.double({ noNaN: true }), { maxLength: 3 }),
    segFrom: instantArb,
    runBusiness: fc.integer(),
    runCalendar: fc.integer(),
    pausedBusiness: fc.integer(),
    spans: fc.array(fc.tuple(instantArb, instantArb, fc.constantFrom(0 as const, 1 as const), fc.constantFrom("support", "24x7", "unknown")), { maxLength: 3 }),
    breachedAt: fc.option(instantArb, { nil: null }),
    warnings: fc.array(fc.record({ fraction: fc.double({ noNaN: true }), at: instantArb }), { maxLength: 2 }),
    watch: fc.option(fc.oneof(fc.constant(-1), instantArb), { nil: null }),
  });
  test.prop([fc.array(cycleArb, { maxLength: 4 }), instantArb, fc.boolean(), fc.constantFrom("new", "open", "pending", "solved", "closed")], { numRuns: numRuns(60) })(
    "engine.restore(a well-formed state with random values) then stateAt and apply contain it",
    (cycles, lastAt, pending, status) => {
      const state = { ...clockJson, cycles, lastAt, pending, ticket: { ...(clockJson["ticket"] as object), status } };
      expectContained(SlaError, SLA_ERROR_CODES, (json: unknown) => {
        const clock = engine.restore(json);
        clock.stateAt(Math.max(lastAt, Date.parse("2026-03-10T00:00:00Z")));
        clock.apply({ id: "9", at: Math.max(lastAt, Date.parse("2026-03-10T00:00:00Z")), type: "message", role: "agent", public: true });
      }, [state]);
    },
  );
});

describe("sla entry points: counterexamples the suite found (each failed before its fix)", () => {
  it("rankBySlaRisk: an item that is not an evaluation is invalid_argument with its place (a TypeError before)", () => {
    expect(thrownBy(SlaError, () => rankBySlaRisk([evaluation, Number.NaN] as never, at)).issues).toStrictEqual([
      { code: "invalid_argument", path: [1], message: "expected an SLA evaluation from engine.evaluate or evaluateMany, got number NaN here" },
    ]);
    expect(thrownBy(SlaError, () => rankBySlaRisk([{ metrics: [{ status: "active", remainingBusinessMs: 1, breachedAt: "soon", dueAt: null, stoppedAt: null }] }] as never, at)).issues[0]?.path).toStrictEqual([0, "metrics", 0, "breachedAt"]);
  });

  it("engine.restore: a state holding a function, a symbol, deep nesting or a cycle is invalid_sla_state (DataCloneError, RangeError before)", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const cases: ReadonlyArray<readonly [unknown, string, ReadonlyArray<string | number>]> = [
      [{ ...clockJson, extra: () => 1 }, "invalid_type", ["extra"]],
      [{ ...clockJson, extra: Symbol("x") }, "invalid_type", ["extra"]],
      [{ ...clockJson, ticket: { ...(clockJson["ticket"] as object), fields: { plan: new Map() } } }, "invalid_type", ["ticket", "fields", "plan"]],
      [{ ...clockJson, extra: nested(5000) }, "too_deep", ["extra"]],
      [{ ...clockJson, extra: cyclic }, "too_deep", ["extra", "self"]],
    ];
    for (const [state, code, path] of cases) {
      const error = thrownBy(SlaError, () => engine.restore(state));
      expect([error.code, error.issues[0]?.code, error.issues[0]?.path.slice(0, path.length)]).toStrictEqual(["invalid_sla_state", code, path]);
    }
  });

  it("engine.restore: a cycle missing the fields the clock reads is invalid_sla_state (a TypeError inside the clock before)", () => {
    const state = { ...clockJson, cycles: [{ metric: "first_response", index: 0, mode: "running" }] };
    const error = thrownBy(SlaError, () => engine.restore(state).stateAt("2026-03-10T00:00:00Z"));
    expect([error.code, error.issues[0]?.path]).toStrictEqual(["invalid_sla_state", ["cycles", 0, "policyId"]]);
  });

  it("a caller's calendar object is held to its contract: NaN or a string is invalid_calendar, a missing method invalid_sla_policy", () => {
    const honest = { isOpenMs: () => true, addBusinessMs: (ms: number, d: number) => ms + d, businessMsBetween: (a: number, b: number) => b - a, nextOpenMs: (ms: number) => ms, nextCloseMs: () => null };
    const lies = [
      ["addBusinessMs", { ...honest, addBusinessMs: () => Number.NaN }],
      ["businessMsBetween", { ...honest, businessMsBetween: () => "0" }],
    ] as const;
    for (const [method, lying] of lies) {
      const liar = createSlaEngine({ calendars: { lying: lying as never }, policies: [{ id: "p", calendar: "lying", targets: { first_response: { normal: "PT4H" } } }] });
      const error = thrownBy(SlaError, () => liar.evaluate([created], at));
      expect([error.code, error.issues[0]?.code, error.issues[0]?.path]).toStrictEqual(["invalid_calendar", "invalid_return_value", ["calendars", "lying", method]]);
    }
    const partial = { addBusinessMs: (ms: number, d: number) => ms + d };
    const missing = thrownBy(SlaError, () => createSlaEngine({ calendars: { partial: partial as never }, policies: [{ id: "p", calendar: "partial", targets: { first_response: { normal: "PT4H" } } }] }));
    expect([missing.code, missing.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_sla_policy", [["invalid_calendar", ["calendars", "partial"]]]]);
  });

  it("a checked calendar object keeps a plain JSON definition, so a clock saved with one engine restores with another built alike", () => {
    const real = createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } });
    // As a calendar from another copy of this package looks: the methods and the definition, not this package's class.
    const copy = (): object => ({
      definition: real.definition,
      isOpenMs: (ms: number) => real.isOpenMs(ms),
      addBusinessMs: (ms: number, d: number) => real.addBusinessMs(ms, d),
      businessMsBetween: (a: number, b: number) => real.businessMsBetween(a, b),
      nextOpenMs: (ms: number) => real.nextOpenMs(ms),
      nextCloseMs: (ms: number) => real.nextCloseMs(ms),
    });
    const build = () => createSlaEngine({ calendars: { c: copy() as never }, policies: [{ id: "p", calendar: "c", targets: { first_response: { normal: "PT4H" } } }] });
    const saved = build().start(created).toJSON();
    expect(build().restore(saved).stateAt(at.at)).toStrictEqual(build().evaluate([created], at));
  });
});
