import type { TicketLog, TimeInput } from "@supportops/core";
import type { SlaPolicyDefinition } from "./SlaPolicy.js";

/**
 * Where one cycle of one metric stands: running (`active`), `paused`, stopped in time (`achieved`),
 * past its target (`breached`, running or stopped), or `cancelled` (merge, restart, retroactive).
 *
 * @example
 * const status: SlaMetricStatus = "breached";
 */
export type SlaMetricStatus = "active" | "paused" | "achieved" | "breached" | "cancelled";

/**
 * A warning that fired: the fraction of the target, and the instant (epoch ms) elapsed reached it.
 *
 * @example
 * const warning: SlaWarning = { fraction: 0.75, at: 1773050400000 };
 */
export interface SlaWarning {
  readonly fraction: number;
  readonly at: number;
}

/**
 * The state of one cycle of one metric at the evaluation instant. Every field named `…At` is epoch
 * milliseconds or `null`; durations are milliseconds.
 *
 * @example
 * const state: SlaMetricState = {
 *   metric: "first_response", cycle: 0, policyId: "standard", status: "active",
 *   targetMs: 14_400_000, elapsedBusinessMs: 3_600_000, elapsedCalendarMs: 3_600_000,
 *   remainingBusinessMs: 10_800_000, pausedBusinessMs: 0,
 *   startedAt: 1773046800000, dueAt: 1773061200000, breachedAt: 1773061200000, stoppedAt: null, warnings: [],
 * };
 */
export interface SlaMetricState {
  /** The metric's name: a preset (`first_response`, …) or one of your custom metrics. */
  readonly metric: string;
  /** The cycle's number within the metric, from 0. */
  readonly cycle: number;
  /** The policy whose target the cycle is measured against. */
  readonly policyId: string;
  readonly status: SlaMetricStatus;
  readonly targetMs: number;
  /** Business time while running (pauses excluded), on the calendar in force in each span. */
  readonly elapsedBusinessMs: number;
  /** Wall-clock time while running (pauses excluded). Never less than `elapsedBusinessMs`. */
  readonly elapsedCalendarMs: number;
  /** `max(0, targetMs − elapsedBusinessMs)`. */
  readonly remainingBusinessMs: number;
  /** Business time spent paused. */
  readonly pausedBusinessMs: number;
  readonly startedAt: number;
  /** The earliest instant elapsed reaches the target, if it has or (running) will; else `null`. */
  readonly dueAt: number | null;
  /** The breach instant: past for a breached cycle, the one to come for an active one; else `null`. */
  readonly breachedAt: number | null;
  /** When the cycle stopped or was cancelled; `null` while it runs or is paused. */
  readonly stoppedAt: number | null;
  /** The warnings that have fired, in time order. */
  readonly warnings: ReadonlyArray<SlaWarning>;
}

/**
 * What {@link SlaEngine.evaluate} returns: the policy in force at `at`, one state per metric cycle
 * that has a target, and the next instant anything would change if no event arrived.
 *
 * @example
 * const result: SlaEvaluation = { at: 1773050400000, policyId: "standard", metrics: [], nextChangeAt: null };
 */
export interface SlaEvaluation {
  /** The ticket's id, when the input gave one (`{ id, events }`). */
  readonly ticketId?: string;
  /** The evaluation instant. */
  readonly at: number;
  /** The policy in force at `at`, or `null` when none matches. */
  readonly policyId: string | null;
  readonly metrics: ReadonlyArray<SlaMetricState>;
  /** The earliest warning or breach still to come (> `at`), or `null`: set one timer for it. */
  readonly nextChangeAt: number | null;
}

/**
 * Options of {@link SlaEngine.evaluate} and {@link SlaEngine.evaluateMany}.
 *
 * @example
 * const options: SlaEvaluateOptions = { at: "2026-03-09T12:00:00Z" };
 */
export interface SlaEvaluateOptions {
  /** The evaluation instant ("now" is always a parameter). Events after it are ignored. */
  readonly at: TimeInput;
}

/**
 * The persisted form of a {@link SlaClock}: plain JSON, tied to the engine definition it was made
 * with (a changed definition needs a replay of the log, not a restore).
 *
 * @example
 * const json: SlaClockJson = clock.toJSON();
 * JSON.parse(JSON.stringify(json)); // round-trips
 */
export interface SlaClockJson {
  readonly version: 1;
  readonly engine: string;
  readonly [key: string]: unknown;
}

/**
 * One ticket's SLA clock, fed one event at a time. `evaluate` on the whole log equals a clock fed
 * the same events.
 *
 * @example
 * const clock = engine.start({ id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", priority: "high" });
 * clock.apply({ id: "2", at: "2026-03-09T09:20:00Z", type: "message", role: "agent", public: true });
 * clock.stateAt("2026-03-09T10:00:00Z").metrics[0]?.status; // => "achieved"
 */
export interface SlaClock {
  /** Applies the next event (same validation as a ticket log: stored or parsed form, in time order). */
  apply(event: unknown): SlaClock;
  /** The states at `at` (not before the last event applied). Does not change the clock. */
  stateAt(at: TimeInput): SlaEvaluation;
  /** The instant of the last event applied. */
  readonly lastEventAt: number;
  /** The clock as JSON, for {@link SlaEngine.restore}. */
  toJSON(): SlaClockJson;
}

/**
 * A compiled, frozen SLA engine: policies, calendars and metrics validated once.
 *
 * @example
 * const engine = createSlaEngine({ policies: [{ id: "all", targets: { first_response: { normal: "PT4H" } } }] });
 * engine.evaluate(log, { at: "2026-03-09T12:00:00Z" }).policyId; // => "all"
 */
export interface SlaEngine {
  /** The policies, in the order they are tried. */
  readonly policies: ReadonlyArray<SlaPolicyDefinition>;
  /** The metrics some policy targets, presets and custom. */
  readonly metrics: ReadonlyArray<string>;
  /** Replays a ticket log (raw or from `parseTicketLog`) and returns the states at `at`. */
  evaluate(log: TicketLog | ReadonlyArray<unknown>, options: SlaEvaluateOptions): SlaEvaluation;
  /** `evaluate` over many logs (arrays or `{ id, events }`), lazily: iterable in, iterable out. */
  evaluateMany(logs: Iterable<TicketLog | ReadonlyArray<unknown> | { readonly id: string; readonly events: TicketLog | ReadonlyArray<unknown> }>, options: SlaEvaluateOptions): Iterable<SlaEvaluation>;
  /** A clock for a new ticket, from its `created` event. */
  start(created: unknown): SlaClock;
  /** A clock from its JSON; throws `invalid_sla_state` if it was made by another engine definition. */
  restore(json: unknown): SlaClock;
}
