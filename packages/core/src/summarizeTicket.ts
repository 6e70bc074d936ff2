import { isTicketLog, parseTicketLog, type TicketLog } from "./parseTicketLog.js";
import { CoreError } from "./CoreError.js";
import { requireOptions } from "./internal/requireOptions.js";
import type { IssuePath } from "./SupportOpsError.js";
import type { CanonicalStatus, TicketEvent, TicketEventOf } from "./TicketEvent.js";
import { toEpochMs, type TimeInput } from "./toEpochMs.js";

/**
 * One entry of a priority or severity history.
 *
 * @example
 * const entry: LevelHistoryEntry = { at: 1773048600000, from: "P3", to: "P1", source: "rule", reason: null };
 */
export interface LevelHistoryEntry {
  readonly at: number;
  readonly from: string | null;
  readonly to: string;
  readonly source: TicketEventOf<"priority_changed">["source"] | "created";
  readonly reason: string | null;
}

/**
 * One entry of a category history.
 *
 * @example
 * const entry: CategoryHistoryEntry = { at: 1773049500000, from: null, to: "billing" };
 */
export interface CategoryHistoryEntry {
  readonly at: number;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * One entry of an assignee history: who holds the ticket from `at` on.
 *
 * @example
 * const entry: AssigneeHistoryEntry = { at: 1773049200000, group: "tier2", agent: "ana" };
 */
export interface AssigneeHistoryEntry {
  readonly at: number;
  readonly group: string | null;
  readonly agent: string | null;
}

/**
 * What a ticket's log says as of one instant; see {@link summarizeTicket}. All instants are epoch ms.
 *
 * @example
 * const summary: TicketSummary = summarizeTicket(
 *   [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *     { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", from: "new", to: "solved" },
 *   ],
 *   { at: "2026-03-09T12:00:00Z" },
 * );
 * summary.isResolved;        // => true
 * summary.msInStatus.solved; // => 7200000
 */
export interface TicketSummary {
  /** The instant the summary describes; events after it are ignored. */
  readonly asOf: number;
  readonly createdAt: number;
  readonly createdBy: "customer" | "agent" | "system";
  readonly channel: string | null;
  /**
   * The creation when a customer opened the ticket, else the first customer `message`; `null` if none
   * yet. For a system-created ticket this stays the customer's first message: the response clock
   * starts at {@link TicketSummary.responseStartAt} instead.
   */
  readonly firstCustomerMessageAt: number | null;
  /**
   * The first public message by a human agent, whenever it came (bots, system messages and internal
   * notes never count). On an agent-created ticket this can be an outbound message sent before the
   * customer wrote, which {@link TicketSummary.firstReplyAt} does not count.
   */
  readonly firstAgentReplyAt: number | null;
  /**
   * When the ticket starts waiting for a first reply: the creation for tickets a customer or the
   * system created; for an agent-created ticket the customer's first `message`, or `null` while there
   * is none (nobody is waiting on the team yet).
   */
  readonly responseStartAt: number | null;
  /**
   * The first reply: the first public message by a human agent after the response started, i.e. at or
   * after {@link TicketSummary.responseStartAt} and, at that very instant, logged after the message
   * that started it (the log's order, as the SLA engine reads it); `null` if none yet or while the
   * response has not started. Bots, system messages and internal notes never count.
   */
  readonly firstReplyAt: number | null;
  /** The first move into `solved` or `closed`. */
  readonly firstResolvedAt: number | null;
  /** The latest move into `solved` or `closed` (equal to the first when never reopened). */
  readonly latestResolvedAt: number | null;
  readonly closedAt: number | null;
  /** Moves out of `solved` back to a working status. */
  readonly reopenCount: number;
  /** Public messages by human agents. */
  readonly publicAgentReplyCount: number;
  /** The status as of `asOf`. */
  readonly status: CanonicalStatus;
  /** Whether the status as of `asOf` is `solved` or `closed`. */
  readonly isResolved: boolean;
  /** Milliseconds spent in each status, from creation to `asOf` (or to the merge). */
  readonly msInStatus: Readonly<Record<CanonicalStatus, number>>;
  readonly mergedInto: string | null;
  readonly mergedAt: number | null;
  readonly priority: string | null;
  readonly priorityHistory: ReadonlyArray<LevelHistoryEntry>;
  readonly severity: string | null;
  readonly severityHistory: ReadonlyArray<LevelHistoryEntry>;
  readonly category: string | null;
  readonly categoryHistory: ReadonlyArray<CategoryHistoryEntry>;
  readonly assignee: { readonly group: string | null; readonly agent: string | null };
  readonly assigneeHistory: ReadonlyArray<AssigneeHistoryEntry>;
  /** The latest satisfaction rating, if any. */
  readonly satisfaction: { readonly at: number; readonly score: number; readonly scaleMax: number } | null;
  /** The first `acknowledged` event. */
  readonly acknowledgedAt: number | null;
  readonly escalationCount: number;
}

/**
 * Options of {@link summarizeTicket}.
 *
 * @example
 * const options: SummarizeTicketOptions = { at: "2026-03-09T12:00:00Z" };
 */
export interface SummarizeTicketOptions {
  /** The instant to summarise at ("now" is always a parameter). Events at exactly `at` count. */
  readonly at: TimeInput;
}

const AT_PATH: IssuePath = Object.freeze(["at"]);
// Shared by every summary that has no such entries; frozen, so sharing is safe.
const NO_ENTRIES: ReadonlyArray<never> = Object.freeze([]);
const UNASSIGNED: TicketSummary["assignee"] = Object.freeze({ group: null, agent: null });

const isResolved = (status: CanonicalStatus): boolean => status === "solved" || status === "closed";

/**
 * Summarises a ticket's log as of an instant: key timestamps (creation, when the response clock
 * starts, first customer message, first reply, first and latest resolution, close, merge), counts
 * (reopens, public agent replies, escalations), time spent in each status, the current status, and the
 * priority, severity, category and assignee histories.
 *
 * The response clock (`responseStartAt`) starts at the creation of a ticket a customer or the system
 * opened, and at the customer's first message on one an agent opened; `firstReplyAt` is the first
 * public human-agent message from then on. See docs/events.md.
 *
 * @param log - a log from {@link parseTicketLog}, or raw events (validated here)
 * @param options - `at`: the instant to summarise at
 * @returns the summary, as plain frozen data (every nested object and array is frozen too)
 * @throws {@link CoreError} `invalid_ticket_log` for a bad log; `invalid_time` for a bad `at`;
 *   `out_of_range` when `at` is before the ticket was created
 * @example
 * const summary = summarizeTicket(
 *   [
 *     { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *     { id: "2", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *     { id: "3", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   ],
 *   { at: "2026-03-09T12:00:00Z" },
 * );
 * summary.responseStartAt === Date.parse("2026-03-09T09:00:00Z"); // => true
 * summary.firstReplyAt === Date.parse("2026-03-09T09:30:00Z");    // => true
 * summary.msInStatus.new; // => 3600000
 * summary.status; // => "solved"
 *
 * // An agent opened the ticket and wrote first; the customer answered at 09:20, the agent at 09:45.
 * const outbound = summarizeTicket(
 *   [
 *     { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "agent", channel: "phone" },
 *     { id: "2", at: "2026-03-09T09:05:00Z", type: "message", role: "agent", public: true },
 *     { id: "3", at: "2026-03-09T09:20:00Z", type: "message", role: "customer", public: true },
 *     { id: "4", at: "2026-03-09T09:45:00Z", type: "message", role: "agent", public: true },
 *   ],
 *   { at: "2026-03-09T12:00:00Z" },
 * );
 * outbound.firstAgentReplyAt === Date.parse("2026-03-09T09:05:00Z"); // => true
 * outbound.responseStartAt === Date.parse("2026-03-09T09:20:00Z");   // => true
 * outbound.firstReplyAt === Date.parse("2026-03-09T09:45:00Z");      // => true
 */
export function summarizeTicket(log: TicketLog | ReadonlyArray<unknown>, options: SummarizeTicketOptions): TicketSummary {
  const events = isTicketLog(log) ? log : parseTicketLog(log);
  const asOf = toEpochMs(requireOptions(options, "summarizeTicket(log, { at })").at, AT_PATH);
  const created = events[0] as TicketEventOf<"created">;
  const createdAt = created.at;
  if (asOf < createdAt) {
    throw new CoreError("out_of_range", [
      {
        code: "before_creation",
        path: ["at"],
        message: `${new Date(asOf).toISOString()} is before the ticket was created (${new Date(createdAt).toISOString()})`,
      },
    ]);
  }
  // One pass over the events up to `asOf`, the state in locals rather than in a builder object: a
  // summary is often computed for every ticket of an export, and locals cost no allocation. Every
  // object handed out is frozen when it is made, so the result needs no deep-freeze walk.
  let status: CanonicalStatus = created.status ?? "new";
  let statusSince = createdAt;
  const ms = { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0 };
  let firstCustomerMessageAt: number | null = created.by === "customer" ? createdAt : null;
  let firstAgentReplyAt: number | null = null;
  // A customer or the system is waiting from the start; on an agent's ticket, once the customer writes.
  let responseStartAt: number | null = created.by === "agent" ? null : createdAt;
  let firstReplyAt: number | null = null;
  let firstResolvedAt: number | null = isResolved(status) ? createdAt : null;
  let latestResolvedAt = firstResolvedAt;
  let closedAt: number | null = status === "closed" ? createdAt : null;
  let reopenCount = 0;
  let publicAgentReplyCount = 0;
  let mergedInto: string | null = null;
  let mergedAt: number | null = null;
  let acknowledgedAt: number | null = null;
  let escalationCount = 0;
  let satisfaction: TicketSummary["satisfaction"] = null;
  let priority = created.priority ?? null;
  let severity = created.severity ?? null;
  let category = created.category ?? null;
  let priorityHistory: LevelHistoryEntry[] | null = priority === null ? null : [levelEntry(createdAt, null, priority, "created", null)];
  let severityHistory: LevelHistoryEntry[] | null = severity === null ? null : [levelEntry(createdAt, null, severity, "created", null)];
  let categoryHistory: CategoryHistoryEntry[] | null = category === null ? null : [Object.freeze({ at: createdAt, from: null, to: category })];
  let assigneeHistory: AssigneeHistoryEntry[] | null = null;
  let assignee: TicketSummary["assignee"] = UNASSIGNED;

  for (let i = 1; i < events.length; i++) {
    const event = events[i] as TicketEvent;
    const at = event.at;
    if (at > asOf) break;
    switch (event.type) {
      case "message":
        if (event.role === "customer") {
          firstCustomerMessageAt ??= at;
          responseStartAt ??= at;
        } else if (event.role === "agent" && event.public) {
          publicAgentReplyCount += 1;
          firstAgentReplyAt ??= at;
          // Before the response started (an agent's ticket the customer has not written on) it is
          // outbound contact, not a reply.
          if (responseStartAt !== null) firstReplyAt ??= at;
        }
        break;
      case "status_changed": {
        ms[status] += at - statusSince;
        const wasResolved = isResolved(status);
        status = event.to;
        statusSince = at;
        const nowResolved = isResolved(status);
        if (!wasResolved && nowResolved) {
          firstResolvedAt ??= at;
          latestResolvedAt = at;
        }
        if (wasResolved && !nowResolved) reopenCount += 1;
        if (status === "closed") closedAt = at;
        break;
      }
      // A level or category change whose `from` is null (unknown) gets the value it replaced.
      case "priority_changed":
        (priorityHistory ??= []).push(levelEntry(at, event.from ?? priority, event.to, event.source, event.reason ?? null));
        priority = event.to;
        break;
      case "severity_changed":
        (severityHistory ??= []).push(levelEntry(at, event.from ?? severity, event.to, event.source, event.reason ?? null));
        severity = event.to;
        break;
      case "category_changed":
        (categoryHistory ??= []).push(Object.freeze({ at, from: event.from ?? category, to: event.to }));
        category = event.to;
        break;
      case "assigned": {
        const group = event.group === undefined ? assignee.group : event.group;
        const agent = event.agent === undefined ? assignee.agent : event.agent;
        assignee = Object.freeze({ group, agent });
        (assigneeHistory ??= []).push(Object.freeze({ at, group, agent }));
        break;
      }
      case "acknowledged":
        acknowledgedAt ??= at;
        break;
      case "escalated":
        escalationCount += 1;
        break;
      case "satisfaction_rated":
        satisfaction = Object.freeze({ at, score: event.score, scaleMax: event.scaleMax });
        break;
      case "merged":
        mergedInto = event.into;
        mergedAt = at;
        break;
      case "created":
      case "field_changed":
        break;
      default:
        event satisfies never;
    }
  }
  ms[status] += (mergedAt ?? asOf) - statusSince;

  return Object.freeze({
    asOf,
    createdAt,
    createdBy: created.by,
    channel: created.channel ?? null,
    firstCustomerMessageAt,
    firstAgentReplyAt,
    responseStartAt,
    firstReplyAt,
    firstResolvedAt,
    latestResolvedAt,
    closedAt,
    reopenCount,
    publicAgentReplyCount,
    status,
    isResolved: isResolved(status),
    msInStatus: Object.freeze(ms),
    mergedInto,
    mergedAt,
    priority,
    priorityHistory: frozenList(priorityHistory),
    severity,
    severityHistory: frozenList(severityHistory),
    category,
    categoryHistory: frozenList(categoryHistory),
    assignee,
    assigneeHistory: frozenList(assigneeHistory),
    satisfaction,
    acknowledgedAt,
    escalationCount,
  });
}

function levelEntry(at: number, from: string | null, to: string, source: LevelHistoryEntry["source"], reason: string | null): LevelHistoryEntry {
  return Object.freeze({ at, from, to, source, reason });
}

function frozenList<T>(list: T[] | null): ReadonlyArray<T> {
  return list === null ? NO_ENTRIES : Object.freeze(list);
}
