import { z } from "zod";
import { TICKET_EVENT_TYPES, type BusinessCalendarLike, type DurationInput, type TicketEventType, type TimeInput } from "@supportops/core";

/**
 * The instants a level's `after` is measured from: the escalation's start (`created`), the SLA due
 * time (`slaDue`; a negative `after` is a reminder before it), or the level before (`previousLevel`).
 *
 * @example
 * const anchor: EscalationAnchor = "slaDue";
 */
export type EscalationAnchor = "created" | "slaDue" | "previousLevel";

/**
 * What stops an escalation: a core ticket event type (usually `acknowledged`) or `resolved`, a
 * `status_changed` event into `solved` or `closed`.
 *
 * @example
 * const stopOn: EscalationStopCondition[] = ["acknowledged", "resolved"];
 */
export type EscalationStopCondition = TicketEventType | "resolved";

/**
 * One level of an {@link EscalationPolicyDefinition}.
 *
 * @example
 * const reminder: EscalationLevelDefinition = { after: "-PT15M", relativeTo: "slaDue", targets: ["team:l2"] };
 * const [first] = createEscalationPolicy({ levels: [reminder] })
 *   .schedule({ createdAt: "2026-03-09T09:00:00Z", slaDueAt: "2026-03-09T13:00:00Z" });
 * new Date(first.firesAt).toISOString(); // => "2026-03-09T12:45:00.000Z"
 */
export interface EscalationLevelDefinition {
  /** The delay from the anchor: ISO-8601 (`"PT30M"`, `"-PT15M"`), milliseconds, `{ minutes: 30 }` or a luxon Duration. */
  readonly after: DurationInput;
  /** What `after` is measured from. */
  readonly relativeTo: EscalationAnchor;
  /** Who is notified (`"team:payments"`, `"user:alice"`, `"schedule:l2-oncall"`); at least one. */
  readonly targets: ReadonlyArray<string>;
}

/**
 * The definition {@link createEscalationPolicy} validates.
 *
 * @example
 * const definition: EscalationPolicyDefinition = {
 *   levels: [
 *     { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
 *     { after: "PT1H", relativeTo: "previousLevel", targets: ["user:support-manager"] },
 *   ],
 *   stopOn: ["acknowledged", "resolved"],
 * };
 */
export interface EscalationPolicyDefinition {
  /** The levels, in order; at least one. */
  readonly levels: ReadonlyArray<EscalationLevelDefinition>;
  /** How many times the whole list repeats after its last level (0–9); 0 when omitted. */
  readonly repeat?: number;
  /** What stops the escalation; `["acknowledged", "resolved"]` when omitted. */
  readonly stopOn?: ReadonlyArray<EscalationStopCondition>;
  /** The event types that start an escalation when none is running; `["created", "escalated"]` when omitted. */
  readonly startOn?: ReadonlyArray<TicketEventType>;
  /**
   * When given, every `after` is business time on this calendar (`createCalendar` from
   * `@supportops/sla` makes one; any object honouring core's `BusinessCalendarLike` contract works).
   */
  readonly calendar?: BusinessCalendarLike;
}

/**
 * A compiled level: `after` in milliseconds.
 *
 * @example
 * // policy: levels PT30M after created (team:l2), then PT1H after the previous level (user:support-manager)
 * policy.levels[1]; // => { level: 2, afterMs: 3600000, relativeTo: "previousLevel", targets: ["user:support-manager"] }
 */
export interface EscalationLevel {
  /** The level's number, from 1. */
  readonly level: number;
  /** The delay from the anchor in milliseconds (business milliseconds with a calendar). */
  readonly afterMs: number;
  /** What `afterMs` is measured from. */
  readonly relativeTo: EscalationAnchor;
  /** Who is notified. */
  readonly targets: ReadonlyArray<string>;
}

/**
 * One notification of a schedule: a level of one cycle and when it fires.
 *
 * @example
 * // policy: levels PT30M after created (team:l2), then PT1H after the previous level (user:support-manager)
 * const [first]: ReadonlyArray<ScheduledEscalation> = policy.schedule({ createdAt: "2026-03-09T09:00:00Z" });
 * first; // => { level: 1, cycle: 0, firesAt: 1773048600000, targets: ["team:l2"] }
 * new Date(first.firesAt).toISOString(); // => "2026-03-09T09:30:00.000Z"
 */
export interface ScheduledEscalation {
  /** The level's number, from 1. */
  readonly level: number;
  /** 0 for the first pass through the levels, k for the k-th repeat. */
  readonly cycle: number;
  /** When it fires, in epoch milliseconds. */
  readonly firesAt: number;
  /** Who is notified. */
  readonly targets: ReadonlyArray<string>;
}

/**
 * Input of {@link EscalationPolicy.schedule}.
 *
 * @example
 * const input: EscalationScheduleInput = { createdAt: "2026-03-09T09:00:00Z", slaDueAt: "2026-03-09T13:00:00Z" };
 */
export interface EscalationScheduleInput {
  /** When the escalation started. */
  readonly createdAt: TimeInput;
  /** The SLA due time; required when a level is relative to `slaDue`. */
  readonly slaDueAt?: TimeInput;
}

/**
 * The parts of a ticket event {@link EscalationPolicy.due} reads; core's parsed `TicketEvent` fits.
 *
 * @example
 * const events: EscalationEvent[] = [
 *   { type: "created", at: Date.parse("2026-03-09T09:00:00Z") },
 *   { type: "acknowledged", at: Date.parse("2026-03-09T09:45:00Z") },
 * ];
 */
export interface EscalationEvent {
  /** The event type. */
  readonly type: TicketEventType;
  /** When it happened, epoch milliseconds. */
  readonly at: number;
  /** For `status_changed`: the status moved into. */
  readonly to?: unknown;
}

/**
 * Options of {@link EscalationPolicy.due}.
 *
 * @example
 * const options: EscalationDueOptions = { at: "2026-03-09T09:40:00Z" };
 */
export interface EscalationDueOptions {
  /** As of when; events after it are ignored. */
  readonly at: TimeInput;
  /** The SLA due time; required when a level is relative to `slaDue`. */
  readonly slaDueAt?: TimeInput;
}

/**
 * Where the latest escalation stands: `idle` (none started), `escalating` (running, with a next
 * level), `exhausted` (running, every level fired), `stopped` (a stop condition arrived).
 *
 * @example
 * // policy: levels PT30M after created (team:l2), then PT1H after the previous level; created 09:00, acknowledged 09:45
 * const due: EscalationDue = policy.due(events, { at: "2026-03-09T12:00:00Z" });
 * due.state;      // => "stopped"
 * due.stoppedBy;  // => "acknowledged"
 * due.fired.length; // => 1
 * due.next;       // => null
 */
export interface EscalationDue {
  /** The state of the latest escalation. */
  readonly state: "idle" | "escalating" | "exhausted" | "stopped";
  /** When the latest escalation started (epoch ms), or `null`. */
  readonly startedAt: number | null;
  /** When it stopped (epoch ms), or `null`. */
  readonly stoppedAt: number | null;
  /** What stopped it, or `null`. */
  readonly stoppedBy: EscalationStopCondition | null;
  /** The levels that have fired, in time order. */
  readonly fired: ReadonlyArray<ScheduledEscalation>;
  /** The next level to fire, or `null` when none will (stopped, exhausted or idle). */
  readonly next: ScheduledEscalation | null;
}

/**
 * A validated, frozen escalation policy.
 *
 * @example
 * const policy: EscalationPolicy = createEscalationPolicy({
 *   levels: [
 *     { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
 *     { after: "PT1H", relativeTo: "previousLevel", targets: ["user:support-manager"] },
 *   ],
 * });
 * policy.stopOn;        // => ["acknowledged", "resolved"]
 * policy.businessHours; // => false
 */
export interface EscalationPolicy {
  /** The compiled levels. */
  readonly levels: ReadonlyArray<EscalationLevel>;
  /** How many times the levels repeat after the last one. */
  readonly repeat: number;
  /** What stops an escalation. */
  readonly stopOn: ReadonlyArray<EscalationStopCondition>;
  /** What starts one. */
  readonly startOn: ReadonlyArray<TicketEventType>;
  /** Whether delays are business time (a calendar was given). */
  readonly businessHours: boolean;
  /**
   * Every notification of an escalation that started at `createdAt` and is never stopped, in time
   * order. Cycle k fires each level k × P after cycle 0, where P is the span from `createdAt` to the
   * latest level of cycle 0 (business time with a calendar). A level due before `createdAt` (a
   * reminder for an SLA already nearly due) fires at `createdAt`.
   *
   * @throws {@link EscalationError} `invalid_argument` when the input is not an object, `createdAt` is
   *   missing, a level needs `slaDueAt` and it is missing (issue `sla_due_required`), or a repeat would
   *   fire every level again at the start (`nothing_to_repeat`); `invalid_time` for an instant that is
   *   not one; `out_of_range` when a business calendar cannot answer that far out; `invalid_calendar`
   *   when the calendar breaks its contract (returns `NaN`, `Infinity` or a fraction)
   *
   * @example
   * // policy: the one in the EscalationPolicy example
   * policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }).map((s) => new Date(s.firesAt).toISOString());
   * // => ["2026-03-09T09:30:00.000Z", "2026-03-09T10:30:00.000Z"]
   */
  schedule(input: EscalationScheduleInput): ReadonlyArray<ScheduledEscalation>;
  /**
   * Replays ticket events into the state of the latest escalation as of `at`: which levels fired,
   * which fires next and when. A start event (see `startOn`) starts an escalation when none is
   * running; a stop event ends it, cancelling every level due after it (a level due at the very
   * instant of the stop has already fired, as it had when the helpdesk's timer went off).
   *
   * @throws {@link EscalationError} `invalid_ticket_log` when `events` is not an array of events in
   *   time order (issue codes `invalid_type`, `out_of_order`); `invalid_time` for a bad `at` or
   *   `slaDueAt`; `invalid_argument` for missing options or a missing `slaDueAt`; `out_of_range` and
   *   `invalid_calendar` as for `schedule`
   *
   * @example
   * // policy: the one in the EscalationPolicy example
   * const events = [
   *   { type: "created", at: Date.parse("2026-03-09T09:00:00Z") },
   *   { type: "acknowledged", at: Date.parse("2026-03-09T09:45:00Z") },
   * ] as const;
   * const due = policy.due(events, { at: "2026-03-09T09:40:00Z" });
   * due.state;                   // => "escalating"
   * due.next?.firesAt === Date.parse("2026-03-09T10:30:00Z"); // => true
   * policy.due(events, { at: "2026-03-09T12:00:00Z" }).state; // => "stopped"
   */
  due(events: ReadonlyArray<EscalationEvent>, options: EscalationDueOptions): EscalationDue;
}

const durationJson = z.union(
  [
    z.string().meta({ description: 'an ISO-8601 duration such as "PT30M" or "-PT15M"' }),
    z.int().meta({ description: "milliseconds" }),
    z.strictObject({
      weeks: z.number().optional(),
      days: z.number().optional(),
      hours: z.number().optional(),
      minutes: z.number().optional(),
      seconds: z.number().optional(),
      milliseconds: z.number().optional(),
    }),
  ],
  { error: 'expected a duration: an ISO-8601 string such as "PT30M" or "-PT15M", whole milliseconds, or an object such as { minutes: 30 }' },
);

const eventType = z.enum(TICKET_EVENT_TYPES);

/**
 * The JSON form of an {@link EscalationPolicyDefinition} (everything but `calendar`, which is code),
 * for storing policies and for consumers outside TypeScript. It checks shapes only;
 * `createEscalationPolicy` applies the full validation (increasing delays, signs per anchor…).
 *
 * @example
 * EscalationPolicyDefinitionSchema.safeParse({ levels: [{ after: "PT30M", relativeTo: "created", targets: ["team:l2"] }] }).success;
 * // => true
 */
export const EscalationPolicyDefinitionSchema = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        after: durationJson,
        relativeTo: z.enum(["created", "slaDue", "previousLevel"]),
        targets: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  repeat: z.int().min(0).max(9).optional(),
  stopOn: z
    .array(z.union([eventType, z.literal("resolved")], { error: `expected a ticket event type or "resolved": one of "resolved", ${TICKET_EVENT_TYPES.map((t) => JSON.stringify(t)).join(", ")}` }))
    .min(1)
    .optional(),
  startOn: z.array(eventType).min(1).optional(),
});

/**
 * The JSON Schema (draft 2020-12) of {@link EscalationPolicyDefinitionSchema}.
 *
 * @returns a JSON Schema object
 * @example
 * escalationPolicyJsonSchema().required; // => ["levels"]
 */
export function escalationPolicyJsonSchema(): z.core.JSONSchema.JSONSchema {
  return z.toJSONSchema(EscalationPolicyDefinitionSchema, { io: "input" });
}
