import type { CoreIssueCode } from "./CoreError.js";
import { describeValue } from "./describeValue.js";
import { CoreError } from "./CoreError.js";
import { parseTicketEvents } from "./internal/parseTicketEvents.js";
import { requireOptions } from "./internal/requireOptions.js";
import { safely, type Issue, type SafeResult } from "./SupportOpsError.js";
import { CANONICAL_STATUSES, type CanonicalStatus, type TicketEvent } from "./TicketEvent.js";

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

// Which arrays parseTicketLog made, by identity: a private field stamped on the log before it is
// frozen (the constructor returns the array it is given, so the subclass's field lands on it). Like a
// WeakSet it cannot be forged and is invisible (no key, nothing to enumerate or clone); unlike one, it
// costs nothing at garbage collection. A WeakSet holding every parsed log made each further parse
// and summary several times slower once many logs were alive (the bench keeps 20 000).
class Stamp {
  constructor(target: object) {
    return target;
  }
}
class ParsedLogBrand extends Stamp {
  #parsed = true;
  static has(value: object): boolean {
    return #parsed in value;
  }
}

/**
 * Whether `value` is a log made by {@link parseTicketLog} (so it need not be validated again).
 *
 * @example
 * isTicketLog(parseTicketLog([{ id: "c", at: 0, type: "created", by: "customer" }])); // => true
 * isTicketLog([]); // => false
 */
export function isTicketLog(value: unknown): value is TicketLog {
  return typeof value === "object" && value !== null && ParsedLogBrand.has(value);
}

function logError(issues: ReadonlyArray<Issue<CoreIssueCode>>): CoreError {
  return new CoreError("invalid_ticket_log", issues);
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
 * @throws {@link CoreError} with code `invalid_ticket_log`; the first issue's path is
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
  const events = parseTicketEvents(input, statusMap);
  new ParsedLogBrand(events);
  const frozen = Object.freeze(events);
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

/** The map without custom names: shared, since it is only ever read. */
const CANONICAL_MAP: ReadonlyMap<string, CanonicalStatus> = new Map(CANONICAL_STATUSES.map((s) => [s, s]));

function validateStatusMap(map: ParseTicketLogOptions["statusMap"]): ReadonlyMap<string, CanonicalStatus> {
  if (map === undefined) return CANONICAL_MAP;
  const result = new Map<string, CanonicalStatus>(CANONICAL_MAP);
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
