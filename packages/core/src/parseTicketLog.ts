import type { CoreIssueCode } from "./CoreError.js";
import { describeValue } from "./describeValue.js";
import { CoreError } from "./CoreError.js";
import { MAX_INPUT_DEPTH, checkDepth } from "./checkDepth.js";
import { requireOptions } from "./internal/requireOptions.js";
import { issuesFromZod, zodErrorMap } from "./issuesFromZod.js";
import { safely, type Issue, type SafeResult } from "./SupportOpsError.js";
import {
  CANONICAL_STATUSES,
  TicketEventSchema,
  type CanonicalStatus,
  type TicketEvent,
} from "./TicketEvent.js";

/**
 * A validated ticket log: events in time order, `at` in epoch milliseconds, frozen. Only
 * {@link parseTicketLog} makes one.
 *
 * @example
 * const log: TicketLog = parseTicketLog([{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }]);
 * log[0].at; // => 1773046800000
 */
export type TicketLog = ReadonlyArray<Readonly<TicketEvent>> & { readonly __brand: "TicketLog" };

/**
 * Options of {@link parseTicketLog}.
 *
 * @example
 * const options: ParseTicketLogOptions = { statusMap: { "Waiting on customer": "pending" } };
 * const log = parseTicketLog([
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", from: "new", to: "Waiting on customer" },
 * ], options);
 * log[1]; // => { id: "s", at: 1773050400000, type: "status_changed", from: "new", to: "pending", toLabel: "Waiting on customer" }
 */
export interface ParseTicketLogOptions {
  /**
   * Your status names mapped onto canonical statuses, e.g. `{ "Waiting on customer": "pending" }`.
   * Applied to `status_changed.from` / `.to` and `created.status`; the original name is kept in
   * `fromLabel` / `toLabel`. Canonical names always map to themselves.
   */
  readonly statusMap?: Readonly<Record<string, CanonicalStatus>>;
}

const parsedLogs = new WeakSet<object>();

/**
 * Whether `value` is a log made by {@link parseTicketLog} (so it need not be validated again).
 *
 * @example
 * isTicketLog(parseTicketLog([{ id: "c", at: 0, type: "created", by: "customer" }])); // => true
 * isTicketLog([]); // => false
 */
export function isTicketLog(value: unknown): value is TicketLog {
  return typeof value === "object" && value !== null && parsedLogs.has(value);
}

function logError(issues: ReadonlyArray<Issue<CoreIssueCode>>): CoreError {
  return new CoreError("invalid_ticket_log", issues);
}

function fail(index: number, field: string | null, code: CoreIssueCode, message: string): never {
  throw logError([{ code, path: field === null ? [index] : [index, field], message }]);
}

/**
 * Validates a whole ticket log and returns it parsed: every event well-formed, a single `created`
 * first, times non-decreasing (events at the same instant keep their order), unique ids, nothing after
 * `merged`, nothing but a `satisfaction_rated` after the ticket is `closed` (a follow-up is a new
 * ticket), status changes that start from the status the ticket is in, level and category changes that
 * start from the current value when they name it, and a reason on every manual level change. Events
 * are checked in order, so the error names the first bad event whatever its fault.
 *
 * @param input - the events, in stored (JSON) form or already parsed
 * @param options - custom status names
 * @returns the frozen, parsed log
 * @throws {@link SupportOpsError} with code `invalid_ticket_log`; the first issue's path is
 *   `[index, field]` of the first bad event
 * @example
 * const log = parseTicketLog([
 *   { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", channel: "email" },
 *   { id: "2", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *   { id: "3", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 * ]);
 * log[2].at; // => 1773050400000
 * parseTicketLog([{ id: "1", at: 0, type: "message", role: "agent", public: true }]);
 * // throws invalid_ticket_log: [0].type: a ticket log starts with its "created" event
 */
export function parseTicketLog(input: unknown, options: ParseTicketLogOptions = {}): TicketLog {
  requireOptions(options, "parseTicketLog(events) or parseTicketLog(events, { statusMap })");
  if (isTicketLog(input) && options.statusMap === undefined) return input;
  if (!Array.isArray(input)) {
    throw logError([{ code: "invalid_type", path: [], message: `expected an array of ticket events, got ${describeValue(input)}` }]);
  }
  if (input.length === 0) {
    throw logError([{ code: "empty_log", path: [], message: "a ticket log has at least its \"created\" event" }]);
  }
  const statusMap = validateStatusMap(options.statusMap);
  // Event by event: each is checked against the schema and then against the log so far, so the
  // error always names the first bad event, whatever kind of fault it has.
  const rules = new LogRules();
  const events = input.map((raw: unknown, index: number) => {
    const tooDeep = checkDepth(raw, MAX_INPUT_DEPTH, [index]);
    if (tooDeep !== undefined) throw logError([tooDeep]);
    const parsed = TicketEventSchema.safeParse(mapStatuses(raw, statusMap), { error: zodErrorMap });
    if (!parsed.success) throw logError(issuesFromZod<CoreIssueCode>(parsed.error, [index]));
    rules.check(parsed.data, index);
    return Object.freeze(parsed.data);
  });
  const frozen = Object.freeze(events);
  parsedLogs.add(frozen);
  return frozen as unknown as TicketLog;
}

/**
 * {@link parseTicketLog} without throwing.
 *
 * @example
 * const result = safeParseTicketLog([]);
 * result.success; // => false
 * if (!result.success) result.error.issues[0].code; // => "empty_log"
 */
export function safeParseTicketLog(input: unknown, options: unknown = {}): SafeResult<TicketLog, CoreError> {
  return safely(CoreError, () => parseTicketLog(input, options as ParseTicketLogOptions));
}

function validateStatusMap(map: ParseTicketLogOptions["statusMap"]): ReadonlyMap<string, CanonicalStatus> {
  const result = new Map<string, CanonicalStatus>(CANONICAL_STATUSES.map((s) => [s, s]));
  if (map === undefined) return result;
  for (const [name, status] of Object.entries(map)) {
    if (!(CANONICAL_STATUSES as ReadonlyArray<string>).includes(status)) {
      throw new CoreError("invalid_argument", [
        {
          code: "invalid_status_map",
          path: ["statusMap", name],
          message: `maps to ${describeValue(status)}, which is not a canonical status; use one of ${CANONICAL_STATUSES.join(", ")}`,
        },
      ]);
    }
    if (result.has(name) && result.get(name) !== status) {
      throw new CoreError("invalid_argument", [
        { code: "invalid_status_map", path: ["statusMap", name], message: `"${name}" is a canonical status and always means itself` },
      ]);
    }
    result.set(name, status);
  }
  return result;
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
  private readonly ids = new Set<string>();
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
    if (this.ids.has(event.id)) fail(index, "id", "duplicate_event_id", `event id "${event.id}" is used twice; ids are unique within a log`);
    this.ids.add(event.id);
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
}
