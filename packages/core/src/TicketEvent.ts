import { z } from "zod";
import { CoreError } from "./CoreError.js";

import { toEpochMs } from "./toEpochMs.js";

/**
 * The canonical ticket statuses every supportops clock and KPI understands. Custom status names map
 * onto these with `parseTicketLog(input, { statusMap })`.
 *
 * @example
 * CANONICAL_STATUSES.includes("pending"); // => true
 */
export const CANONICAL_STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;

/**
 * One of {@link CANONICAL_STATUSES}.
 *
 * @example
 * const status: CanonicalStatus = "pending";
 */
export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

/**
 * The statuses in which a ticket counts as resolved. A resolution is a move into one of these from
 * any other status; a reopen is a move back out.
 *
 * @example
 * RESOLVED_STATUSES; // => ["solved", "closed"]
 */
export const RESOLVED_STATUSES: ReadonlyArray<CanonicalStatus> = ["solved", "closed"];

/**
 * Schema of a stored instant: an ISO-8601 string with an offset or `Z`, or integer epoch milliseconds.
 * Parses to epoch milliseconds.
 *
 * @example
 * InstantSchema.parse("2026-03-09T09:00:00Z"); // => 1773046800000
 */
export const InstantSchema: z.ZodType<number, string | number> = z
  .union(
    [
      z.string().meta({ format: "date-time", description: "ISO-8601 date-time with an offset or Z" }),
      z.number().int().meta({ description: "epoch milliseconds" }),
    ],
    {
      error: (issue) =>
        issue.input instanceof Date
          ? "a stored instant is an ISO-8601 string with an offset or epoch ms, not a Date; convert it with toEpochMs() or toISOString()"
          : "expected an ISO-8601 date-time with an offset (e.g. \"2026-03-09T09:00:00-04:00\") or integer epoch milliseconds",
    },
  )
  .transform((value, ctx) => {
    try {
      return toEpochMs(value);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      ctx.addIssue({ code: "custom", message: error.issues[0].message, params: { code: "invalid_time" }, input: value });
      return z.NEVER;
    }
  });

/**
 * Schema of a canonical status.
 *
 * @example
 * CanonicalStatusSchema.parse("on_hold"); // => "on_hold"
 */
export const CanonicalStatusSchema: z.ZodEnum<{ [K in CanonicalStatus]: K }> = z.enum(CANONICAL_STATUSES);

// parseTicketLog does not run these schemas on an ordinary event: src/internal/parseTicketEventFast.ts
// checks the same rules by hand and falls back to the schema only when unsure. A rule changed here is
// changed there too; test/parseTicketEventFast.property.test.ts fails while the two disagree.
const nonEmpty = z.string().min(1, "must not be empty");

const base = {
  /** Unique within the ticket's log. */
  id: nonEmpty,
  /** When it happened. */
  at: InstantSchema,
  /** Who did it (an id of your own system), when known. */
  actor: nonEmpty.optional(),
  /** Anything else you want to keep with the event; supportops never reads it. */
  meta: z.record(z.string(), z.unknown()).optional(),
};

/**
 * Where a priority or severity change came from: derived from a matrix, set by hand, raised by a rule,
 * or imported from another system. A `manual` change carries a reason.
 *
 * @example
 * LEVEL_CHANGE_SOURCES; // => ["matrix", "manual", "rule", "import"]
 */
export const LEVEL_CHANGE_SOURCES = ["matrix", "manual", "rule", "import"] as const;

const levelChange = {
  from: nonEmpty.nullable(),
  to: nonEmpty,
  source: z.enum(LEVEL_CHANGE_SOURCES),
  reason: nonEmpty.optional(),
};

const CreatedEventSchema = z.strictObject({
  ...base,
  type: z.literal("created"),
  by: z.enum(["customer", "agent", "system"]),
  channel: nonEmpty.optional(),
  status: CanonicalStatusSchema.optional(),
  priority: nonEmpty.optional(),
  severity: nonEmpty.optional(),
  category: nonEmpty.optional(),
  requester: nonEmpty.optional(),
});
const MessageEventSchema = z.strictObject({
  ...base,
  type: z.literal("message"),
  role: z.enum(["customer", "agent", "bot", "system"]),
  public: z.boolean(),
  author: nonEmpty.optional(),
  body: z.string().optional(),
});
const StatusChangedEventSchema = z.strictObject({
  ...base,
  type: z.literal("status_changed"),
  from: CanonicalStatusSchema.optional(),
  to: CanonicalStatusSchema,
  fromLabel: nonEmpty.optional(),
  toLabel: nonEmpty.optional(),
});
const PriorityChangedEventSchema = z.strictObject({ ...base, type: z.literal("priority_changed"), ...levelChange });
const SeverityChangedEventSchema = z.strictObject({ ...base, type: z.literal("severity_changed"), ...levelChange });
const AssignedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal("assigned"),
    group: nonEmpty.nullable().optional(),
    agent: nonEmpty.nullable().optional(),
  })
  .refine((event) => event.group !== undefined || event.agent !== undefined, {
    message: "an assignment names a group, an agent or both (null to unassign)",
    path: ["agent"],
  });
const EscalatedEventSchema = z.strictObject({
  ...base,
  type: z.literal("escalated"),
  to: nonEmpty.optional(),
  tier: z.number().int().min(1).optional(),
  reason: nonEmpty.optional(),
});
const AcknowledgedEventSchema = z.strictObject({ ...base, type: z.literal("acknowledged") });
const MergedEventSchema = z.strictObject({ ...base, type: z.literal("merged"), into: nonEmpty });
const CategoryChangedEventSchema = z.strictObject({
  ...base,
  type: z.literal("category_changed"),
  from: nonEmpty.nullable().optional(),
  to: nonEmpty.nullable(),
  taxonomyVersion: nonEmpty.optional(),
});
const SatisfactionRatedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal("satisfaction_rated"),
    score: z.number().int().min(1),
    scaleMax: z.number().int().min(2).max(10).default(5),
    comment: z.string().optional(),
  })
  .refine((event) => event.score <= event.scaleMax, {
    message: "score is above scaleMax; give scores from 1 to scaleMax (5 unless said otherwise)",
    path: ["score"],
  });
const FieldChangedEventSchema = z.strictObject({
  ...base,
  type: z.literal("field_changed"),
  field: nonEmpty,
  from: z.json().optional(),
  to: z.json(),
});

/**
 * Schema of one ticket event, in its stored (JSON) form, discriminated on `type`. Parsing turns `at`
 * into epoch milliseconds. Unknown fields are rejected (keep your own data under `meta`).
 *
 * Event types: `created`, `message`, `status_changed`, `priority_changed`, `severity_changed`,
 * `assigned`, `escalated`, `acknowledged`, `merged`, `category_changed`, `satisfaction_rated`,
 * `field_changed`. See docs/events.md for what each means.
 *
 * @example
 * TicketEventSchema.parse({ id: "e1", at: "2026-03-09T09:00:00Z", type: "message", role: "agent", public: true });
 * // => { id: "e1", at: 1773046800000, type: "message", role: "agent", public: true }
 */
export const TicketEventSchema = z.discriminatedUnion("type", [
  CreatedEventSchema,
  MessageEventSchema,
  StatusChangedEventSchema,
  PriorityChangedEventSchema,
  SeverityChangedEventSchema,
  AssignedEventSchema,
  EscalatedEventSchema,
  AcknowledgedEventSchema,
  MergedEventSchema,
  CategoryChangedEventSchema,
  SatisfactionRatedEventSchema,
  FieldChangedEventSchema,
]);

/**
 * The twelve ticket event types, in the order docs/events.md lists them. Every `switch` over an
 * event's `type` in supportops is exhaustive over this list.
 *
 * @example
 * TICKET_EVENT_TYPES.includes("acknowledged"); // => true
 * TICKET_EVENT_TYPES.length;                   // => 12
 */
export const TICKET_EVENT_TYPES = [
  "created",
  "message",
  "status_changed",
  "priority_changed",
  "severity_changed",
  "assigned",
  "escalated",
  "acknowledged",
  "merged",
  "category_changed",
  "satisfaction_rated",
  "field_changed",
] as const satisfies ReadonlyArray<z.output<typeof TicketEventSchema>["type"]>;

/**
 * A parsed ticket event: `at` is epoch milliseconds.
 *
 * @example
 * const event: TicketEvent = TicketEventSchema.parse({ id: "e1", at: "2026-03-09T09:00:00Z", type: "status_changed", from: "open", to: "pending" });
 * event.at; // => 1773046800000
 */
export type TicketEvent = z.output<typeof TicketEventSchema>;
/**
 * A ticket event in its stored (JSON) form: `at` is an ISO string with offset or epoch ms.
 *
 * @example
 * const input: TicketEventInput = { id: "e1", at: "2026-03-09T09:00:00Z", type: "message", role: "agent", public: true };
 */
export type TicketEventInput = z.input<typeof TicketEventSchema>;
/**
 * The `type` of a ticket event.
 *
 * @example
 * const type: TicketEventType = "status_changed";
 */
export type TicketEventType = TicketEvent["type"];

// The list and the schema name the same types: a type added to one and not the other fails to compile.
type MissingFromList = Exclude<TicketEventType, (typeof TICKET_EVENT_TYPES)[number]>;
const listIsComplete: [MissingFromList] extends [never] ? true : MissingFromList = true;
void listIsComplete;
/**
 * The parsed event of one `type`.
 *
 * @example
 * function newStatus(event: TicketEventOf<"status_changed">): CanonicalStatus {
 *   return event.to;
 * }
 */
export type TicketEventOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>;

/**
 * The JSON Schema (draft 2020-12) of one stored ticket event, for consumers outside TypeScript.
 *
 * @example
 * ticketEventJsonSchema().oneOf?.length; // => 12
 */
export function ticketEventJsonSchema(): Record<string, unknown> & { oneOf?: unknown[]; anyOf?: unknown[] } {
  return z.toJSONSchema(TicketEventSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
