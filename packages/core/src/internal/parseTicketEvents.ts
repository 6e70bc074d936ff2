import type { CoreIssueCode } from "../CoreError.js";
import { CoreError } from "../CoreError.js";
import { MAX_INPUT_DEPTH, checkDepth } from "../checkDepth.js";
import { issuesFromZod, zodErrorMap } from "../issuesFromZod.js";
import type { Issue } from "../SupportOpsError.js";
import { TicketEventSchema, type CanonicalStatus, type TicketEvent } from "../TicketEvent.js";
import { parseTicketEventFast } from "./parseTicketEventFast.js";

function logError(issues: ReadonlyArray<Issue<CoreIssueCode>>): CoreError {
  return new CoreError("invalid_ticket_log", issues);
}

function fail(index: number, field: string | null, code: CoreIssueCode, message: string): never {
  throw logError([{ code, path: field === null ? [index] : [index, field], message }]);
}

/**
 * Checks a non-empty array of stored events, in order, and returns them parsed and frozen; throws
 * `invalid_ticket_log` naming the first bad event. Each event is checked on its own (fast path, or
 * the schema) and then against the log so far ({@link LogRules}), so the error always names the first
 * bad event whatever kind of fault it has.
 *
 * @param useFastPath - `false` runs every event through the schema; tests compare the two
 */
export function parseTicketEvents(input: ReadonlyArray<unknown>, statusMap: ReadonlyMap<string, CanonicalStatus>, useFastPath = true): TicketEvent[] {
  const rules = new LogRules();
  const events: TicketEvent[] = [];
  for (let index = 0; index < input.length; index++) {
    const raw = input[index];
    const event = (useFastPath ? parseTicketEventFast(raw, statusMap) : undefined) ?? parseTicketEventWithSchema(raw, index, statusMap);
    rules.check(event, index);
    events.push(Object.freeze(event));
  }
  return events;
}

/**
 * The schema path: the depth guard, custom status names, then `TicketEventSchema`; the source of every
 * field error. Throws `invalid_ticket_log` with paths under `[index]`.
 */
export function parseTicketEventWithSchema(raw: unknown, index: number, statusMap: ReadonlyMap<string, CanonicalStatus>): TicketEvent {
  const tooDeep = checkDepth(raw, MAX_INPUT_DEPTH, [index]);
  if (tooDeep !== undefined) throw logError([tooDeep]);
  const parsed = TicketEventSchema.safeParse(mapStatuses(raw, statusMap), { error: zodErrorMap });
  if (!parsed.success) throw logError(issuesFromZod<CoreIssueCode>(parsed.error, [index]));
  return parsed.data;
}

function mapStatuses(event: unknown, map: ReadonlyMap<string, CanonicalStatus>): unknown {
  if (typeof event !== "object" || event === null) return event;
  const record = event as Record<string, unknown>;
  if (record["type"] === "status_changed") {
    const out: Record<string, unknown> = { ...record };
    for (const [key, labelKey] of [["to", "toLabel"], ["from", "fromLabel"]] as const) {
      const name = record[key];
      if (typeof name === "string" && !map.has(name)) continue; // left for the schema to reject
      if (typeof name === "string" && map.get(name) !== name) {
        out[key] = map.get(name);
        if (out[labelKey] === undefined) out[labelKey] = name;
      }
    }
    return out;
  }
  if (record["type"] === "created" && typeof record["status"] === "string" && map.has(record["status"])) {
    return { ...record, status: map.get(record["status"]) };
  }
  return event;
}

/** The rules that tie a log's events together, applied one event at a time. */
class LogRules {
  // Ids seen so far: a plain list while the log is short (cheaper than hashing for ~10 events), a set beyond.
  private readonly idList: string[] = [];
  private idSet: Set<string> | null = null;
  private status: CanonicalStatus = "new";
  private priority: string | null = null;
  private severity: string | null = null;
  private category: string | null = null;
  private previousAt = Number.NEGATIVE_INFINITY;
  private terminal: "merged" | "closed" | null = null;

  check(event: TicketEvent, index: number): void {
    if (index === 0) {
      if (event.type !== "created") fail(0, "type", "missing_created", 'a ticket log starts with its "created" event');
      this.status = event.status ?? "new";
      this.priority = event.priority ?? null;
      this.severity = event.severity ?? null;
      this.category = event.category ?? null;
      if (this.status === "closed") this.terminal = "closed";
    } else if (event.type === "created") {
      fail(index, "type", "duplicate_created", 'a log has one "created" event, the first');
    }
    if (this.seen(event.id)) fail(index, "id", "duplicate_event_id", `event id "${event.id}" is used twice; ids are unique within a log`);
    if (event.at < this.previousAt) {
      fail(index, "at", "out_of_order", `${new Date(event.at).toISOString()} is before the previous event (${new Date(this.previousAt).toISOString()}); events are in time order`);
    }
    this.previousAt = event.at;
    if (this.terminal === "merged") fail(index, "type", "event_after_merge", "nothing can happen to a ticket after it is merged into another");
    if (index > 0 && this.terminal === "closed" && event.type !== "satisfaction_rated") {
      fail(index, "type", "event_after_close", "a closed ticket takes no more events (only a satisfaction rating); a follow-up is a new ticket");
    }
    switch (event.type) {
      case "status_changed":
        if (event.from !== undefined && event.from !== this.status) {
          fail(index, "from", "status_mismatch", `says the ticket moved from "${event.from}", but it was "${this.status}"`);
        }
        if (event.to === this.status) fail(index, "to", "status_unchanged", `the ticket is already "${this.status}"; drop the event or fix its "to"`);
        this.status = event.to;
        if (this.status === "closed") this.terminal = "closed";
        break;
      case "priority_changed":
      case "severity_changed": {
        const which = event.type === "priority_changed" ? "priority" : "severity";
        const current = this[which];
        if (current !== null && event.from !== null && event.from !== current) {
          fail(index, "from", "level_mismatch", `says the ${which} was "${event.from}", but it was "${current}"`);
        }
        if (event.source === "manual" && (event.reason === undefined || event.reason.trim() === "")) {
          fail(index, "reason", "reason_required", `a manual ${which} change overrides the derived level, so it carries a reason, e.g. reason: "customer is down"`);
        }
        this[which] = event.to;
        break;
      }
      case "category_changed":
        if (event.from !== undefined && event.from !== this.category) {
          fail(index, "from", "category_mismatch", `says the category was ${JSON.stringify(event.from)}, but it was ${JSON.stringify(this.category)}`);
        }
        this.category = event.to;
        break;
      case "merged":
        this.terminal = "merged";
        break;
      case "created":
      case "message":
      case "assigned":
      case "escalated":
      case "acknowledged":
      case "satisfaction_rated":
      case "field_changed":
        break;
      default:
        event satisfies never;
    }
  }

  /** Whether `id` was seen before; records it. */
  private seen(id: string): boolean {
    if (this.idSet !== null) {
      if (this.idSet.has(id)) return true;
      this.idSet.add(id);
      return false;
    }
    const list = this.idList;
    for (let i = 0; i < list.length; i++) if (list[i] === id) return true;
    list.push(id);
    if (list.length === 32) this.idSet = new Set(list);
    return false;
  }
}
