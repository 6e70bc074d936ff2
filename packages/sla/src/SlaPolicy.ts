import { MAX_INPUT_DEPTH, TICKET_EVENT_TYPES, checkDepth, type ConditionTree } from "@supportops/core";
import { z } from "zod";
import { CalendarDefinitionSchema, type CalendarDefinition } from "./CalendarDefinition.js";
import type { BusinessCalendar } from "./BusinessCalendar.js";

/**
 * The six metric presets. Each is a clock over the ticket's event log (see docs/sla-clocks.md):
 * - `first_response`: from the response start to the first reply;
 * - `next_response`: from the oldest unanswered customer message after a reply to the next reply;
 * - `periodic_update`: from each reply to the next, while the ticket is unresolved;
 * - `requester_wait`: while the ticket waits on the team (new, open, on-hold), paused in pending;
 * - `agent_work`: while the ticket is new or open;
 * - `resolution`: from creation to solved or closed, never paused.
 *
 * @example
 * SLA_METRIC_PRESETS.includes("first_response"); // => true
 */
export const SLA_METRIC_PRESETS = ["first_response", "next_response", "periodic_update", "requester_wait", "agent_work", "resolution"] as const;

/**
 * One of {@link SLA_METRIC_PRESETS}.
 *
 * @example
 * const metric: SlaMetricPreset = "resolution";
 */
export type SlaMetricPreset = (typeof SLA_METRIC_PRESETS)[number];

/**
 * What a priority change does to a running cycle: `retarget` keeps its elapsed time and takes the new
 * target; `restart` cancels it and starts a new cycle at the change; `retroactive` cancels it and
 * starts a new cycle from the old start, re-measured with the same pauses.
 *
 * @example
 * PRIORITY_CHANGE_STRATEGIES.includes("retarget"); // => true
 */
export const PRIORITY_CHANGE_STRATEGIES = ["retarget", "restart", "retroactive"] as const;

/**
 * One of {@link PRIORITY_CHANGE_STRATEGIES}.
 *
 * @example
 * const strategy: PriorityChangeStrategy = "restart";
 */
export type PriorityChangeStrategy = (typeof PRIORITY_CHANGE_STRATEGIES)[number];

/**
 * A value a condition compares with: a JSON scalar, or (for `equals`) an array of them.
 *
 * @example
 * const value: SlaConditionValue = "enterprise";
 */
export type SlaConditionValue = string | number | boolean | null;

/**
 * One test of a {@link SlaCondition}, on one field. A field is a ticket attribute (`priority`,
 * `severity`, `channel`, `category`, `group`, `agent`, `status`, `createdBy`) or any field a
 * `field_changed` event set (`tags`, `plan`, …); inside a metric's trigger, `event.<key>` reads the
 * triggering event (`event.role`, `event.to`). Exactly one operator:
 * - `equals`: the value is this scalar (or deeply this array);
 * - `in`: the value is one of these scalars;
 * - `includes`: the value is an array holding this scalar (a string never "includes" anything);
 * - `exists`: the field has a value other than `null` (`true`), or has none (`false`).
 *
 * @example
 * const test: SlaFieldTest = { field: "tags", includes: "enterprise" };
 */
export type SlaFieldTest =
  | { readonly field: string; readonly equals: SlaConditionValue | ReadonlyArray<SlaConditionValue> }
  | { readonly field: string; readonly in: ReadonlyArray<SlaConditionValue> }
  | { readonly field: string; readonly includes: SlaConditionValue }
  | { readonly field: string; readonly exists: boolean };

/**
 * A condition as data: field tests combined with `all`, `any` and `not` (core's shared combinators).
 * An omitted condition, or `{ all: [] }`, matches every ticket.
 *
 * @example
 * const when: SlaCondition = { all: [{ field: "tags", includes: "enterprise" }, { not: { field: "channel", equals: "chat" } }] };
 */
export type SlaCondition = ConditionTree<SlaFieldTest>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: "expected a string, number, boolean or null",
});
const fieldName = z
  .string()
  .min(1, "name a field, e.g. \"priority\" or \"tags\"")
  .max(200, "a field name has at most 200 characters");

const FieldTestSchema = z.union(
  [
    z.strictObject({ field: fieldName, equals: z.union([scalar, z.array(scalar)], { error: "expected a scalar or an array of scalars" }) }),
    z.strictObject({ field: fieldName, in: z.array(scalar).min(1, "list at least one value") }),
    z.strictObject({ field: fieldName, includes: scalar }),
    z.strictObject({ field: fieldName, exists: z.boolean() }),
  ],
  { error: "a field test is { field, equals }, { field, in }, { field, includes } or { field, exists }, with exactly one operator" },
);

/** The recursive condition schema itself; {@link SlaConditionSchema} checks the depth first. */
const ConditionTreeSchema: z.ZodType<SlaCondition> = z.union(
  [
    z.strictObject({
      get all() {
        return z.array(ConditionTreeSchema);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(ConditionTreeSchema);
      },
    }),
    z.strictObject({
      get not() {
        return ConditionTreeSchema;
      },
    }),
    FieldTestSchema,
  ],
  { error: "a condition is { all: [...] }, { any: [...] }, { not: … } or a field test such as { field: \"priority\", equals: \"urgent\" }" },
) as z.ZodType<SlaCondition>;

/**
 * Zod schema of a {@link SlaCondition}. The recursion is guarded: a condition nested deeper than
 * core's `MAX_INPUT_DEPTH` (100 levels of objects and arrays), or one that contains itself, is one
 * issue with `params.code` `"too_deep"` (which `parseWithSchema` reports as the issue's code), never a
 * stack overflow.
 *
 * @example
 * SlaConditionSchema.safeParse({ field: "priority", in: ["urgent", "high"] }).success; // => true
 * SlaConditionSchema.safeParse({ field: "priority", like: "urg%" }).success;           // => false
 * SlaConditionSchema.safeParse(JSON.parse('{"not":'.repeat(5000) + '{"field":"x","exists":true}' + "}".repeat(5000))).success; // => false (too_deep)
 */
export const SlaConditionSchema: z.ZodType<SlaCondition> = z.preprocess((value, ctx) => {
  const tooDeep = checkDepth(value, MAX_INPUT_DEPTH);
  // An issue here stops the parse before the recursive schema walks the value.
  if (tooDeep !== undefined) ctx.addIssue({ code: "custom", message: tooDeep.message, path: [...tooDeep.path], params: { code: "too_deep" } });
  return value;
}, ConditionTreeSchema) as unknown as z.ZodType<SlaCondition>;

const eventType = z.enum(TICKET_EVENT_TYPES);

/**
 * When a custom metric's cycle starts, pauses, resumes or stops: an event of one of the `on` types
 * for which `when` holds (read after the event is applied; `event.<key>` reads the event itself).
 *
 * @example
 * const trigger: SlaTrigger = { on: "escalated", when: { field: "event.to", equals: "tier2" } };
 */
export interface SlaTrigger {
  readonly on: (typeof TICKET_EVENT_TYPES)[number] | ReadonlyArray<(typeof TICKET_EVENT_TYPES)[number]>;
  readonly when?: SlaCondition;
}

const TriggerSchema = z.strictObject({
  on: z.union([eventType, z.array(eventType).min(1, "list at least one event type")], {
    error: `expected an event type or a list of them: ${TICKET_EVENT_TYPES.join(", ")}`,
  }),
  when: SlaConditionSchema.optional(),
});
const TriggersSchema = z.union([TriggerSchema, z.array(TriggerSchema).min(1, "list at least one trigger")], {
  error: "expected a trigger { on, when? } or a list of them",
});

/**
 * A metric of your own, beside the presets: cycles start, pause, resume and stop on triggers. With
 * `repeat: false` (the default) a ticket has one cycle, and a `resume` trigger after the stop
 * reopens it; with `repeat: true` every `start` after a stop begins a new cycle.
 *
 * @example
 * // An internal OLA: escalated to tier 2 → the first agent message while tier 2 has the ticket.
 * const ola: SlaMetricDefinition = {
 *   start: { on: "escalated", when: { field: "event.to", equals: "tier2" } },
 *   stop: { on: "message", when: { all: [{ field: "event.role", equals: "agent" }, { field: "group", equals: "tier2" }] } },
 *   repeat: true,
 * };
 */
export interface SlaMetricDefinition {
  readonly start: SlaTrigger | ReadonlyArray<SlaTrigger>;
  readonly stop: SlaTrigger | ReadonlyArray<SlaTrigger>;
  readonly pause?: SlaTrigger | ReadonlyArray<SlaTrigger>;
  readonly resume?: SlaTrigger | ReadonlyArray<SlaTrigger>;
  readonly repeat?: boolean;
}

/**
 * Zod schema of a {@link SlaMetricDefinition}.
 *
 * @example
 * SlaMetricDefinitionSchema.safeParse({ start: { on: "created" }, stop: { on: "acknowledged" } }).success; // => true
 */
export const SlaMetricDefinitionSchema = z.strictObject({
  start: TriggersSchema,
  stop: TriggersSchema,
  pause: TriggersSchema.optional(),
  resume: TriggersSchema.optional(),
  repeat: z.boolean().optional(),
});

/**
 * A target: an ISO-8601 duration (`"PT4H"`) or milliseconds, measured on the policy's calendar, or
 * `{ duration, calendar }` to measure it on another (`"24x7"` for calendar time). `P1D` is 24
 * business hours, never "one business day".
 *
 * @example
 * const target: SlaTarget = { duration: "PT8H", calendar: "24x7" };
 */
export type SlaTarget = string | number | { readonly duration: string | number; readonly calendar?: string };

const DurationValue = z.union([z.string().min(1), z.number()], { error: "expected an ISO-8601 duration such as \"PT4H\", or milliseconds" });
const TargetSchema = z.union([DurationValue, z.strictObject({ duration: DurationValue, calendar: z.string().min(1).optional() })], {
  error: "expected a duration (\"PT4H\" or milliseconds) or { duration, calendar }",
});

/**
 * An SLA policy: which tickets it covers, the calendar its targets run on, a target per metric per
 * priority, the warning fractions, and what a priority change does. A metric without a target for the
 * ticket's priority does not apply to the ticket.
 *
 * @example
 * const policy: SlaPolicyDefinition = {
 *   id: "standard",
 *   calendar: "support",
 *   targets: { first_response: { urgent: "PT1H", normal: "PT4H" }, resolution: { urgent: "PT8H" } },
 * };
 */
export interface SlaPolicyDefinition {
  readonly id: string;
  readonly when?: SlaCondition;
  readonly calendar?: string;
  readonly targets: Readonly<Record<string, Readonly<Record<string, SlaTarget>>>>;
  readonly warnAt?: ReadonlyArray<number>;
  readonly onPriorityChange?: PriorityChangeStrategy;
}

/**
 * Zod schema of a {@link SlaPolicyDefinition} (structure only; names are checked by `createSlaEngine`).
 *
 * @example
 * SlaPolicyDefinitionSchema.safeParse({ id: "p", targets: { resolution: { normal: "PT8H" } } }).success; // => true
 */
export const SlaPolicyDefinitionSchema = z.strictObject({
  id: z.string().min(1, "give the policy an id"),
  when: SlaConditionSchema.optional(),
  calendar: z.string().min(1).optional(),
  targets: z.record(z.string().min(1), z.record(z.string().min(1), TargetSchema)),
  warnAt: z.array(z.number()).optional(),
  onPriorityChange: z.enum(PRIORITY_CHANGE_STRATEGIES).optional(),
});

/**
 * Everything `createSlaEngine` takes, as data: named calendars (definitions or calendars made by
 * `createCalendar`; `"24x7"` is built in), custom metrics, and the policies in order — the first whose
 * `when` matches applies.
 *
 * @example
 * const definition: SlaEngineDefinition = {
 *   calendars: { support: { timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } } },
 *   policies: [{ id: "all", calendar: "support", targets: { first_response: { normal: "PT4H" } } }],
 * };
 */
export interface SlaEngineDefinition {
  readonly calendars?: Readonly<Record<string, CalendarDefinition | BusinessCalendar>>;
  readonly metrics?: Readonly<Record<string, SlaMetricDefinition>>;
  readonly policies: ReadonlyArray<SlaPolicyDefinition>;
}

/**
 * Zod schema of the JSON form of a {@link SlaEngineDefinition} (calendars as definitions).
 *
 * @example
 * SlaEngineDefinitionSchema.safeParse({ policies: [] }).success; // => false (at least one policy)
 */
export const SlaEngineDefinitionSchema = z.strictObject({
  calendars: z.record(z.string().min(1), CalendarDefinitionSchema).optional(),
  metrics: z.record(z.string().min(1), SlaMetricDefinitionSchema).optional(),
  policies: z.array(SlaPolicyDefinitionSchema).min(1, "give at least one policy"),
});

/**
 * The JSON Schema (draft 2020-12) of an SLA engine definition — calendars, custom metrics and
 * policies — for editors and for consumers outside TypeScript.
 *
 * @example
 * Object.keys(slaPolicyJsonSchema().properties ?? {}); // => ["calendars", "metrics", "policies"]
 */
export function slaPolicyJsonSchema(): Record<string, unknown> & { properties?: Record<string, unknown> } {
  return z.toJSONSchema(SlaEngineDefinitionSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
