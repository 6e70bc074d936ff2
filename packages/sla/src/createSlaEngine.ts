import {
  CANONICAL_STATUSES,
  TicketEventSchema,
  deepFreeze,
  describeValue,
  parseTicketLog,
  parseWithSchema,
  rethrowAs,
  safely,
  toEpochMs,
  type SafeResult,
  type TicketEvent,
  type TicketLog,
} from "@supportops/core";
import { z } from "zod";
import { SlaError, type SlaIssueCode } from "./SlaError.js";
import type { SlaClock, SlaClockJson, SlaEngine, SlaEvaluateOptions, SlaEvaluation } from "./SlaEngine.js";
import { SlaEngineDefinitionSchema, type SlaEngineDefinition } from "./SlaPolicy.js";
import { compileEngine, definitionDepthIssue } from "./internal/engine/compileEngine.js";
import { TicketClock, type ClockData, type ClockEngine } from "./internal/engine/TicketClock.js";

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
  if (typeof calendars === "object" && calendars !== null && !Array.isArray(calendars)) {
    for (const [name, value] of Object.entries(calendars)) {
      if (typeof value === "object" && value !== null && typeof (value as { addBusinessMs?: unknown }).addBusinessMs === "function") calendarObjects[name] = value;
      else calendarDefinitions[name] = value;
    }
  }
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

function atOf(options: unknown, usage: string): number {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an options object, got ${describeValue(options)}; call it as ${usage}` }]);
  }
  return rethrowAs(SlaError, () => toEpochMs((options as SlaEvaluateOptions).at, ["at"]), [], "invalid_argument");
}

function parseLog(log: unknown, path: ReadonlyArray<string | number>): TicketLog {
  return rethrowAs(SlaError, () => parseTicketLog(log), path, "invalid_ticket_log");
}

/** Folds a parsed log's events up to `at` into a clock. */
function replay(engine: ClockEngine, log: TicketLog, at: number): TicketClock {
  const [created] = log;
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

const ClockDataSchema = z.looseObject({
  version: z.literal(1),
  engine: z.string(),
  lastAt: z.number().int(),
  pending: z.boolean(),
  ticket: z.looseObject({ status: z.enum(CANONICAL_STATUSES), fields: z.record(z.string(), z.unknown()) }),
  policyId: z.string().nullable(),
  cycles: z.array(z.looseObject({ metric: z.string(), index: z.number().int(), mode: z.enum(["running", "paused", "stopped", "cancelled"]) })),
});

/** The public face of one ticket's clock. */
class Clock implements SlaClock {
  readonly #engine: ClockEngine;
  readonly #clock: TicketClock;

  constructor(engine: ClockEngine, clock: TicketClock) {
    this.#engine = engine;
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

  /** @internal */
  get engine(): ClockEngine {
    return this.#engine;
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
    yield typeof id === "string" ? Object.freeze({ ticketId: id, ...result }) : result;
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
 *   metric, a duration that is not ISO-8601, a warning outside (0, 1), a stop that can never happen, …)
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
      return new Clock(engine, TicketClock.start(engine, event));
    },
    restore(json: unknown): SlaClock {
      const parsedJson = parseWithSchema<typeof ClockDataSchema, SlaIssueCode>(ClockDataSchema, json);
      if (!parsedJson.success) throw new SlaError("invalid_sla_state", parsedJson.issues);
      if (parsedJson.data.engine !== engine.fingerprint) {
        throw new SlaError("invalid_sla_state", [
          { code: "stale_state", path: ["engine"], message: "this state was saved by an engine with another definition; replay the ticket's log with this engine instead" },
        ]);
      }
      return new Clock(engine, TicketClock.fromData(engine, structuredClone(json) as ClockData));
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
