import {
  CANONICAL_STATUSES,
  MAX_INPUT_DEPTH,
  TicketEventSchema,
  checkDepth,
  deepFreeze,
  describeValue,
  isTicketLog,
  parseTicketLog,
  parseWithSchema,
  rethrowAs,
  safely,
  toEpochMs,
  type BusinessCalendarLike,
  type Issue,
  type SafeResult,
  type TicketEvent,
  type TicketLog,
} from "@supportops/core";
import { z } from "zod";
import { SlaError, type SlaIssueCode } from "./SlaError.js";
import type { SlaClock, SlaClockJson, SlaEngine, SlaEvaluateOptions, SlaEvaluation } from "./SlaEngine.js";
import { SlaEngineDefinitionSchema, type SlaEngineDefinition } from "./SlaPolicy.js";
import { Calendar } from "./internal/Calendar.js";
import { compileEngine, definitionDepthIssue } from "./internal/engine/compileEngine.js";
import { TicketClock, type ClockData, type ClockEngine } from "./internal/engine/TicketClock.js";

const CALENDAR_METHODS = ["isOpenMs", "addBusinessMs", "businessMsBetween", "nextOpenMs", "nextCloseMs"] as const;

/**
 * The guarded stand-in of each caller's calendar object, one per object and name, so that an engine
 * built again from the same object has the same fingerprint (its saved clocks still restore).
 */
const guarded = new WeakMap<object, Map<string, BusinessCalendarLike>>();

/**
 * A caller's calendar object (not made by this package) behind core's `BusinessCalendarLike`
 * contract: a supportops error it throws leaves as an `SlaError` (`out_of_range` kept, so a due date
 * past 2200 is still "never"), and an answer that is not a whole number of milliseconds (`NaN`, a
 * string, a fraction) is an `invalid_calendar` error with issue `invalid_return_value`, instead of a
 * wrong due date. Calendars made by `createCalendar` keep the contract already and are used as they are.
 */
function guardCalendar(name: string, cal: BusinessCalendarLike): BusinessCalendarLike {
  if (cal instanceof Calendar) return cal;
  const byName = guarded.get(cal) ?? new Map<string, BusinessCalendarLike>();
  guarded.set(cal, byName);
  const known = byName.get(name);
  if (known !== undefined) return known;
  const path = ["calendars", name];
  const call = <T>(method: string, fn: () => T): T => rethrowAs(SlaError, fn, [...path, method], "invalid_calendar");
  const broken = (method: string, args: ReadonlyArray<number>, value: unknown, expected: string): never => {
    throw new SlaError("invalid_calendar", [
      {
        code: "invalid_return_value",
        path: [...path, method],
        message: `calendars.${name}.${method}(${args.join(", ")}) returned ${describeValue(value)}; a BusinessCalendarLike answers ${expected}`,
      },
    ]);
  };
  const whole = (method: string, args: ReadonlyArray<number>, value: unknown): number =>
    typeof value === "number" && Number.isSafeInteger(value) ? value : broken(method, args, value, "in whole milliseconds, never NaN, Infinity or a fraction");
  const wholeOrNull = (method: string, args: ReadonlyArray<number>, value: unknown): number | null =>
    value === null ? null : whole(method, args, value);
  // The engine's fingerprint reads a calendar's `definition` (so that a clock saved in one process
  // restores in another); keep it when it is plain JSON, as a calendar from another copy of this
  // package has, and leave it out otherwise (the object's identity is used then).
  const definition: unknown = (cal as { definition?: unknown }).definition;
  const plain = typeof definition === "object" && definition !== null && checkDepth(definition) === undefined && notJsonIssue(definition) === undefined;
  const checked: BusinessCalendarLike = Object.freeze({
    ...(plain ? { definition: deepFreeze(structuredClone(definition)) } : {}),
    isOpenMs: (ms: number): boolean => {
      const value: unknown = call("isOpenMs", () => cal.isOpenMs(ms));
      return typeof value === "boolean" ? value : broken("isOpenMs", [ms], value, "true or false");
    },
    addBusinessMs: (ms: number, durationMs: number): number => whole("addBusinessMs", [ms, durationMs], call("addBusinessMs", () => cal.addBusinessMs(ms, durationMs))),
    businessMsBetween: (aMs: number, bMs: number): number => whole("businessMsBetween", [aMs, bMs], call("businessMsBetween", () => cal.businessMsBetween(aMs, bMs))),
    nextOpenMs: (ms: number): number | null => wholeOrNull("nextOpenMs", [ms], call("nextOpenMs", () => cal.nextOpenMs(ms))),
    nextCloseMs: (ms: number): number | null => wholeOrNull("nextCloseMs", [ms], call("nextCloseMs", () => cal.nextCloseMs(ms))),
  });
  byName.set(name, checked);
  return checked;
}

/** The schema check of a definition; calendar objects (made by `createCalendar`) are checked by shape. */
function parseDefinition(definition: unknown): SlaEngineDefinition {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) {
    throw new SlaError("invalid_sla_policy", [
      { code: "invalid_type", path: [], message: `expected an engine definition { calendars?, metrics?, policies }, got ${describeValue(definition)}` },
    ]);
  }
  const tooDeep = definitionDepthIssue(definition);
  if (tooDeep !== undefined) throw new SlaError("invalid_sla_policy", [tooDeep]);
  const { calendars, ...rest } = definition as { calendars?: unknown };
  const calendarObjects: Record<string, unknown> = {};
  const calendarDefinitions: Record<string, unknown> = {};
  const objectIssues: Issue<SlaIssueCode>[] = [];
  if (typeof calendars === "object" && calendars !== null && !Array.isArray(calendars)) {
    for (const [name, value] of Object.entries(calendars)) {
      if (typeof value === "object" && value !== null && typeof (value as { addBusinessMs?: unknown }).addBusinessMs === "function") {
        const missing = CALENDAR_METHODS.filter((method) => typeof (value as Record<string, unknown>)[method] !== "function");
        if (missing.length > 0) {
          objectIssues.push({
            code: "invalid_calendar",
            path: ["calendars", name],
            message: `a calendar object needs ${CALENDAR_METHODS.join(", ")} (core's BusinessCalendarLike); this one lacks ${missing.join(", ")} — pass a calendar made by createCalendar, or its definition`,
          });
        } else calendarObjects[name] = guardCalendar(name, value as BusinessCalendarLike);
      } else calendarDefinitions[name] = value;
    }
  }
  if (objectIssues.length > 0) throw new SlaError("invalid_sla_policy", objectIssues);
  const input = calendars === undefined ? rest : { ...rest, calendars: typeof calendars === "object" && calendars !== null && !Array.isArray(calendars) ? calendarDefinitions : calendars };
  const parsed = parseWithSchema<typeof SlaEngineDefinitionSchema, SlaIssueCode>(SlaEngineDefinitionSchema, input);
  if (!parsed.success) throw new SlaError("invalid_sla_policy", parsed.issues);
  return { ...parsed.data, calendars: { ...parsed.data.calendars, ...calendarObjects } } as SlaEngineDefinition;
}

function parseEvent(input: unknown, path: ReadonlyArray<string | number>): TicketEvent {
  const parsed = parseWithSchema<typeof TicketEventSchema, SlaIssueCode>(TicketEventSchema, input, path);
  if (!parsed.success) throw new SlaError("invalid_ticket_log", parsed.issues);
  return parsed.data;
}

/**
 * A supportops error from another package thrown again as an `SlaError` under `path` (core's
 * `rethrowAs`). Called from a `catch`, so that the calls that succeed, once per ticket, make no closure.
 */
function throwAsSlaError(error: unknown, path: ReadonlyArray<string | number>, code: "invalid_argument" | "invalid_ticket_log"): never {
  return rethrowAs(
    SlaError,
    () => {
      throw error;
    },
    path,
    code,
  );
}

const AT_PATH: ReadonlyArray<string> = Object.freeze(["at"]);

function atOf(options: unknown, usage: string): number {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an options object, got ${describeValue(options)}; call it as ${usage}` }]);
  }
  try {
    return toEpochMs((options as SlaEvaluateOptions).at, AT_PATH);
  } catch (error) {
    return throwAsSlaError(error, [], "invalid_argument");
  }
}

function parseLog(log: unknown, path: ReadonlyArray<string | number>): TicketLog {
  // A log parseTicketLog made is used as it is (parseTicketLog would return it too).
  if (isTicketLog(log)) return log;
  try {
    return parseTicketLog(log);
  } catch (error) {
    return throwAsSlaError(error, path, "invalid_ticket_log");
  }
}

/** Folds a parsed log's events up to `at` into a clock. */
function replay(engine: ClockEngine, log: TicketLog, at: number): TicketClock {
  const created = log[0];
  if (created === undefined || created.type !== "created") throw new SlaError("invalid_ticket_log", "a ticket log starts with its created event");
  if (at < created.at) {
    throw new SlaError("out_of_range", [
      { code: "out_of_range", path: ["at"], message: `${new Date(at).toISOString()} is before the ticket was created (${new Date(created.at).toISOString()})` },
    ]);
  }
  const clock = TicketClock.start(engine, created);
  for (let i = 1; i < log.length; i++) {
    const event = log[i] as TicketEvent;
    if (event.at > at) break;
    clock.apply(event);
  }
  return clock;
}

const instant = z.number().int();
const amount = z.number().int().nonnegative();

/**
 * Every field of a persisted clock that the clock reads, with its type: a state that passes runs
 * through the clock's arithmetic like one it wrote itself (a cycle without its `warnAt` once made the
 * clock throw a `TypeError`). Unknown keys are kept, so a state stays loadable while fields are added.
 */
const ClockDataSchema = z.looseObject({
  version: z.literal(1),
  engine: z.string(),
  lastAt: instant,
  pending: z.boolean(),
  ticket: z.looseObject({
    priority: z.string().nullable(),
    severity: z.string().nullable(),
    channel: z.string().nullable(),
    category: z.string().nullable(),
    group: z.string().nullable(),
    agent: z.string().nullable(),
    status: z.enum(CANONICAL_STATUSES),
    createdBy: z.enum(["customer", "agent", "system"]),
    fields: z.record(z.string(), z.unknown()),
    replies: amount,
    responseStarted: z.boolean(),
    merged: z.boolean(),
  }),
  policyId: z.string().nullable(),
  settledPriority: z.string().nullable(),
  settledOnce: z.boolean(),
  dirty: z.boolean(),
  cycles: z.array(
    z.looseObject({
      metric: z.string(),
      index: amount,
      policyId: z.string().nullable(),
      startedAt: instant,
      mode: z.enum(["running", "paused", "stopped", "cancelled"]),
      stoppedAt: instant.nullable(),
      cancelReason: z.enum(["merge", "restart", "retroactive"]).nullable(),
      targetMs: amount.nullable(),
      targetSince: instant,
      cal: z.string(),
      warnAt: z.array(z.number()),
      segFrom: instant,
      runBusiness: z.number().int(),
      runCalendar: z.number().int(),
      pausedBusiness: z.number().int(),
      spans: z.array(z.tuple([instant, instant, z.union([z.literal(0), z.literal(1)]), z.string()])),
      breachedAt: instant.nullable(),
      warnings: z.array(z.looseObject({ fraction: z.number(), at: instant })),
      watch: z.number().int().nullable(),
    }),
  ),
}) satisfies z.ZodType<ClockData>; // a field the clock gains must be added here too

/**
 * Where a persisted clock holds something JSON cannot (a function, a symbol, a `Map`, `NaN`,
 * `undefined`), as an issue; `undefined` when it is plain JSON data. Iterative: the depth was checked first.
 */
function notJsonIssue(value: unknown): Issue<SlaIssueCode> | undefined {
  const stack: Array<{ value: unknown; path: ReadonlyArray<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop() as (typeof stack)[number];
    if (item === null || typeof item === "string" || typeof item === "boolean" || (typeof item === "number" && Number.isFinite(item))) continue;
    const proto: unknown = typeof item === "object" ? Object.getPrototypeOf(item) : undefined;
    if (Array.isArray(item)) item.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
    else if (typeof item === "object" && (proto === Object.prototype || proto === null)) {
      for (const [key, child] of Object.entries(item)) stack.push({ value: child, path: [...path, key] });
    } else {
      return { code: "invalid_type", path, message: `expected plain JSON data (as clock.toJSON() writes it), got ${describeValue(item)}` };
    }
  }
  return undefined;
}

/** A persisted clock as the clock's own data, or an `invalid_sla_state` error saying where it is not. */
function parseClockData(json: unknown, fingerprint: string): ClockData {
  // A clock's data nests a field_changed value (up to MAX_INPUT_DEPTH levels, as in a ticket log) three levels down.
  const tooDeep = checkDepth(json, MAX_INPUT_DEPTH + 3);
  if (tooDeep !== undefined) throw new SlaError("invalid_sla_state", [tooDeep]);
  const parsed = parseWithSchema<typeof ClockDataSchema, SlaIssueCode>(ClockDataSchema, json);
  if (!parsed.success) throw new SlaError("invalid_sla_state", parsed.issues);
  const notJson = notJsonIssue(parsed.data);
  if (notJson !== undefined) throw new SlaError("invalid_sla_state", [notJson]);
  if (parsed.data.engine !== fingerprint) {
    throw new SlaError("invalid_sla_state", [
      { code: "stale_state", path: ["engine"], message: "this state was saved by an engine with another definition; replay the ticket's log with this engine instead" },
    ]);
  }
  // A copy: the clock mutates its data, and the caller keeps theirs.
  return structuredClone(parsed.data) as ClockData;
}

/** The public face of one ticket's clock. */
class Clock implements SlaClock {
  readonly #clock: TicketClock;

  constructor(clock: TicketClock) {
    this.#clock = clock;
  }

  get lastEventAt(): number {
    return this.#clock.lastAt;
  }

  apply(input: unknown): SlaClock {
    const event = parseEvent(input, []);
    if (event.type === "created") throw new SlaError("invalid_ticket_log", [{ code: "duplicate_created", path: ["type"], message: 'the clock has its "created" event already' }]);
    if (event.at < this.#clock.lastAt) {
      throw new SlaError("invalid_ticket_log", [
        { code: "out_of_order", path: ["at"], message: `${new Date(event.at).toISOString()} is before the last event applied (${new Date(this.#clock.lastAt).toISOString()}); events are applied in time order` },
      ]);
    }
    if (this.#clock.merged) throw new SlaError("invalid_ticket_log", [{ code: "event_after_merge", path: ["type"], message: "nothing can happen to a ticket after it is merged into another" }]);
    if (this.#clock.status === "closed" && event.type !== "satisfaction_rated") {
      throw new SlaError("invalid_ticket_log", [{ code: "event_after_close", path: ["type"], message: "a closed ticket takes no more events (only a satisfaction rating)" }]);
    }
    this.#clock.apply(event);
    return this;
  }

  stateAt(input: unknown): SlaEvaluation {
    const at = rethrowAs(SlaError, () => toEpochMs(input as never, ["at"]), [], "invalid_argument");
    if (at < this.#clock.lastAt) {
      throw new SlaError("out_of_range", [
        { code: "out_of_range", path: ["at"], message: `${new Date(at).toISOString()} is before the last event applied (${new Date(this.#clock.lastAt).toISOString()}); replay the log to look back` },
      ]);
    }
    const view = this.#clock.copy();
    view.flush();
    return view.view(at);
  }

  toJSON(): SlaClockJson {
    return this.#clock.toData() as unknown as SlaClockJson;
  }
}

function* evaluateAll(engine: ClockEngine, logs: Iterable<unknown>, at: number): Generator<SlaEvaluation> {
  let index = 0;
  for (const item of logs) {
    const withId = typeof item === "object" && item !== null && !Array.isArray(item) && "events" in item;
    const events = withId ? (item as { events: unknown }).events : item;
    const id: unknown = withId ? (item as unknown as { id: unknown }).id : undefined;
    if (withId && typeof id !== "string") {
      throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [index, "id"], message: `a ticket's id is a string, got ${describeValue(id)}` }]);
    }
    const clock = replay(engine, parseLog(events, withId ? [index, "events"] : [index]), at);
    clock.flush();
    const result = clock.view(at);
    yield typeof id === "string" ? { ticketId: id, ...result } : result;
    index += 1;
  }
}

/**
 * Validates an SLA engine definition — calendars, custom metrics, ordered policies — and compiles it
 * into a frozen {@link SlaEngine} that replays ticket logs into SLA states (see docs/sla-clocks.md).
 *
 * @param definition - the definition, typically parsed JSON
 * @returns the engine
 * @throws {@link SlaError} `invalid_sla_policy` with every problem found (an unknown calendar or
 *   metric, a duration that is not ISO-8601, a warning outside (0, 1), a stop that can never happen, a
 *   calendar object without all five `BusinessCalendarLike` methods, …). A calendar object of your own
 *   (not made by `createCalendar`) is held to core's `BusinessCalendarLike` contract when the engine
 *   uses it: an answer that is not whole milliseconds is an `invalid_calendar` error (issue
 *   `invalid_return_value`) from `evaluate` and the clocks, and a supportops error it throws leaves as
 *   an `SlaError`. `engine.restore` checks every field the clock reads and that the state is plain
 *   JSON (`invalid_sla_state`).
 * @example
 * const engine = createSlaEngine({
 *   calendars: { support: { timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } } },
 *   policies: [{ id: "standard", calendar: "support", targets: { first_response: { high: "PT1H", normal: "PT4H" } } }],
 * });
 * const result = engine.evaluate(
 *   [{ id: "1", at: "2026-03-09T16:30:00+01:00", type: "created", by: "customer", priority: "high" }],
 *   { at: "2026-03-10T09:00:00+01:00" },
 * );
 * result.metrics[0]?.status;                            // => "active" (30 min used on Monday, 30 min left)
 * new Date(result.nextChangeAt ?? 0).toISOString();     // => "2026-03-10T08:15:00.000Z" (the 75 % warning)
 */
export function createSlaEngine(definition: SlaEngineDefinition): SlaEngine {
  const parsed = parseDefinition(definition);
  const engine = compileEngine(parsed);
  const policies = deepFreeze(structuredClone(parsed.policies));
  return Object.freeze({
    policies,
    metrics: Object.freeze(engine.metrics.map((metric) => metric.name)),
    evaluate(log: TicketLog | ReadonlyArray<unknown>, options: SlaEvaluateOptions): SlaEvaluation {
      const at = atOf(options, "engine.evaluate(log, { at })");
      const clock = replay(engine, parseLog(log, []), at);
      clock.flush();
      return clock.view(at);
    },
    evaluateMany(logs: Iterable<unknown>, options: SlaEvaluateOptions): Iterable<SlaEvaluation> {
      const at = atOf(options, "engine.evaluateMany(logs, { at })");
      if (typeof logs !== "object" || logs === null || typeof (logs as Iterable<unknown>)[Symbol.iterator] !== "function") {
        throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an iterable of ticket logs, got ${describeValue(logs)}` }]);
      }
      return { [Symbol.iterator]: () => evaluateAll(engine, logs, at) };
    },
    start(created: unknown): SlaClock {
      const event = parseEvent(created, []);
      if (event.type !== "created") throw new SlaError("invalid_ticket_log", [{ code: "missing_created", path: ["type"], message: 'a clock starts from the ticket\'s "created" event' }]);
      return new Clock(TicketClock.start(engine, event));
    },
    restore(json: unknown): SlaClock {
      return new Clock(TicketClock.fromData(engine, parseClockData(json, engine.fingerprint)));
    },
  });
}

/**
 * {@link createSlaEngine} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * const result = safeCreateSlaEngine(JSON.parse('{"policies":[{"id":"p","targets":{"first_reply":{"normal":"PT1H"}}}]}'));
 * if (!result.success) result.error.issues[0].code; // => "unknown_metric"
 */
export function safeCreateSlaEngine(definition: unknown): SafeResult<SlaEngine, SlaError> {
  return safely(SlaError, () => createSlaEngine(definition as SlaEngineDefinition));
}
