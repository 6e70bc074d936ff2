import { compileCondition, type CanonicalStatus, type TicketEvent } from "@supportops/core";
import type { SlaCondition, SlaConditionValue, SlaFieldTest } from "../../SlaPolicy.js";

/** The attributes of a ticket that conditions read, as the log has them at an instant. */
export interface TicketAttributes {
  priority: string | null;
  severity: string | null;
  channel: string | null;
  category: string | null;
  group: string | null;
  agent: string | null;
  status: CanonicalStatus;
  createdBy: "customer" | "agent" | "system";
  /** Values set by `field_changed` events, by field name. */
  fields: Record<string, unknown>;
  /** Public human-agent replies so far (a reply: role agent, public, at or after the response start). */
  replies: number;
  /** Whether the response start has passed (creation, or the first customer message of an agent-created ticket). */
  responseStarted: boolean;
  merged: boolean;
}

/** What a condition is evaluated against: the ticket after the event, and the event (inside triggers). */
export interface ConditionContext {
  readonly ticket: TicketAttributes;
  readonly event: TicketEvent | null;
}

/** Whether a status is resolved (solved or closed). */
export function isResolved(status: CanonicalStatus): boolean {
  return status === "solved" || status === "closed";
}

/**
 * The `fields` a new ticket starts with, shared (most tickets never get a `field_changed` event):
 * frozen, and replaced by the ticket's own object at its first `field_changed`.
 */
const NO_FIELDS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function attributesOf(created: TicketEvent & { type: "created" }): TicketAttributes {
  return {
    priority: created.priority ?? null,
    severity: created.severity ?? null,
    channel: created.channel ?? null,
    category: created.category ?? null,
    group: null,
    agent: null,
    status: created.status ?? "new",
    createdBy: created.by,
    fields: NO_FIELDS,
    replies: 0,
    responseStarted: created.by !== "agent",
    merged: false,
  };
}

/**
 * What the preset metrics read of an event, worked out once per event as a bit set (an event's fields
 * are read once, not once per metric: events come in many shapes, so each read is a slow one).
 */
export const FACT_CREATED = 1;
/** A created event by an agent. */
export const FACT_CREATED_BY_AGENT = 2;
/** A reply: a public message by a human agent, once the response clock has started. */
export const FACT_REPLY = 4;
/** A message by the customer, public or not. */
export const FACT_CUSTOMER_MESSAGE = 8;
/** A public message by the customer. */
export const FACT_CUSTOMER_PUBLIC = 16;
/** A status change. */
export const FACT_STATUS_CHANGED = 32;
/** A status change to a resolved status (solved, closed). */
export const FACT_RESOLVES = 64;
/** A merge into another ticket. */
export const FACT_MERGED = 128;
/** The facts a preset metric acts on: an event with none of them changes no preset's cycles. */
export const PRESET_FACTS = FACT_CREATED | FACT_CREATED_BY_AGENT | FACT_REPLY | FACT_CUSTOMER_MESSAGE | FACT_CUSTOMER_PUBLIC | FACT_STATUS_CHANGED | FACT_RESOLVES | FACT_MERGED;
/** Changes of attributes a policy's condition may read (with `FACT_STATUS_CHANGED`). */
export const FACT_PRIORITY_CHANGED = 256;
export const FACT_SEVERITY_CHANGED = 512;
export const FACT_CATEGORY_CHANGED = 1024;
export const FACT_ASSIGNED = 2048;
export const FACT_FIELD_CHANGED = 4096;

/**
 * Applies one event to the attributes (the created event is read by {@link attributesOf}) and
 * returns its facts (`FACT_*`), the reply judged as the ticket was before the event.
 */
export function applyToAttributes(ticket: TicketAttributes, event: TicketEvent): number {
  switch (event.type) {
    case "message": {
      const role = event.role;
      if (role === "customer") {
        ticket.responseStarted = true;
        return event.public ? FACT_CUSTOMER_MESSAGE | FACT_CUSTOMER_PUBLIC : FACT_CUSTOMER_MESSAGE;
      }
      if (role === "agent" && event.public && ticket.responseStarted) {
        ticket.replies += 1;
        return FACT_REPLY;
      }
      return 0;
    }
    case "status_changed": {
      const to = event.to;
      ticket.status = to;
      return isResolved(to) ? FACT_STATUS_CHANGED | FACT_RESOLVES : FACT_STATUS_CHANGED;
    }
    case "created":
      return event.by === "agent" ? FACT_CREATED | FACT_CREATED_BY_AGENT : FACT_CREATED;
    case "priority_changed":
      ticket.priority = event.to;
      return FACT_PRIORITY_CHANGED;
    case "severity_changed":
      ticket.severity = event.to;
      return FACT_SEVERITY_CHANGED;
    case "category_changed":
      ticket.category = event.to;
      return FACT_CATEGORY_CHANGED;
    case "assigned": {
      const { group, agent } = event;
      if (group !== undefined) ticket.group = group;
      if (agent !== undefined) ticket.agent = agent;
      return FACT_ASSIGNED;
    }
    case "field_changed":
      if (ticket.fields === NO_FIELDS) ticket.fields = {};
      ticket.fields[event.field] = event.to;
      return FACT_FIELD_CHANGED;
    case "merged":
      ticket.merged = true;
      return FACT_MERGED;
    case "escalated":
    case "acknowledged":
    case "satisfaction_rated":
      break;
    default:
      event satisfies never;
  }
  return 0;
}

function readField(field: string, context: ConditionContext): unknown {
  if (field.startsWith("event.")) {
    const event = context.event as Record<string, unknown> | null;
    return event === null ? undefined : event[field.slice(6)];
  }
  const t = context.ticket;
  switch (field) {
    case "priority":
      return t.priority;
    case "severity":
      return t.severity;
    case "channel":
      return t.channel;
    case "category":
      return t.category;
    case "group":
      return t.group;
    case "agent":
      return t.agent;
    case "status":
      return t.status;
    case "createdBy":
      return t.createdBy;
    default:
      return Object.hasOwn(t.fields, field) ? t.fields[field] : undefined;
  }
}

function sameValue(a: unknown, b: SlaConditionValue | ReadonlyArray<SlaConditionValue>): boolean {
  if (!Array.isArray(b)) return a === b;
  return Array.isArray(a) && a.length === b.length && a.every((item, index) => item === b[index]);
}

function compileLeaf(test: SlaFieldTest): (context: ConditionContext) => boolean {
  const field = test.field;
  if ("equals" in test) {
    const expected = test.equals;
    return (context) => sameValue(readField(field, context), expected);
  }
  if ("in" in test) {
    const options = new Set<unknown>(test.in);
    return (context) => options.has(readField(field, context));
  }
  if ("includes" in test) {
    const wanted = test.includes;
    return (context) => {
      const value = readField(field, context);
      return Array.isArray(value) && value.includes(wanted);
    };
  }
  const exists = test.exists;
  return (context) => {
    const value = readField(field, context);
    return (value !== undefined && value !== null) === exists;
  };
}

/** Compiles a validated condition once; `undefined` (no condition) always holds. */
export function compileSlaCondition(condition: SlaCondition | undefined): (context: ConditionContext) => boolean {
  if (condition === undefined) return () => true;
  return compileCondition<SlaFieldTest, ConditionContext>(condition, compileLeaf);
}

/** Every field test of a condition, with its path, for validation. */
export function fieldTestsOf(condition: SlaCondition, path: ReadonlyArray<string | number>): Array<{ test: SlaFieldTest; path: ReadonlyArray<string | number> }> {
  const out: Array<{ test: SlaFieldTest; path: ReadonlyArray<string | number> }> = [];
  const pending: Array<{ node: SlaCondition; path: ReadonlyArray<string | number> }> = [{ node: condition, path }];
  while (pending.length > 0) {
    const { node, path: at } = pending.pop() as { node: SlaCondition; path: ReadonlyArray<string | number> };
    if ("all" in node) node.all.forEach((part, i) => pending.push({ node: part, path: [...at, "all", i] }));
    else if ("any" in node) node.any.forEach((part, i) => pending.push({ node: part, path: [...at, "any", i] }));
    else if ("not" in node) pending.push({ node: node.not, path: [...at, "not"] });
    else out.push({ test: node, path: at });
  }
  return out;
}

/** Whether a condition can never hold: `{ any: [] }`, `{ not: { all: [] } }`, or an `all` holding one of those. */
export function neverHolds(condition: SlaCondition | undefined): boolean {
  if (condition === undefined) return false;
  if ("any" in condition) return condition.any.every(neverHolds);
  if ("all" in condition) return condition.all.some(neverHolds);
  if ("not" in condition) return alwaysHolds(condition.not);
  return false;
}

/** Whether a condition always holds: omitted, `{ all: [] }`, or built only of such parts. */
export function alwaysHolds(condition: SlaCondition | undefined): boolean {
  if (condition === undefined) return true;
  if ("all" in condition) return condition.all.every(alwaysHolds);
  if ("any" in condition) return condition.any.some(alwaysHolds);
  if ("not" in condition) return neverHolds(condition.not);
  return false;
}
