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

export const RESOLVED: ReadonlySet<CanonicalStatus> = new Set(["solved", "closed"]);

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
    fields: {},
    replies: 0,
    responseStarted: created.by !== "agent",
    merged: false,
  };
}

/** Whether the event is a reply: a public message by a human agent, once the response clock has started. */
export function isReply(event: TicketEvent, ticket: TicketAttributes): boolean {
  return event.type === "message" && event.role === "agent" && event.public && ticket.responseStarted;
}

/** Applies one event to the attributes (the created event is read by {@link attributesOf}). */
export function applyToAttributes(ticket: TicketAttributes, event: TicketEvent): void {
  switch (event.type) {
    case "message":
      if (event.role === "customer") ticket.responseStarted = true;
      else if (isReply(event, ticket)) ticket.replies += 1;
      break;
    case "status_changed":
      ticket.status = event.to;
      break;
    case "priority_changed":
      ticket.priority = event.to;
      break;
    case "severity_changed":
      ticket.severity = event.to;
      break;
    case "category_changed":
      ticket.category = event.to;
      break;
    case "assigned":
      if (event.group !== undefined) ticket.group = event.group;
      if (event.agent !== undefined) ticket.agent = event.agent;
      break;
    case "field_changed":
      ticket.fields[event.field] = event.to;
      break;
    case "merged":
      ticket.merged = true;
      break;
    case "created":
    case "escalated":
    case "acknowledged":
    case "satisfaction_rated":
      break;
    default:
      event satisfies never;
  }
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
