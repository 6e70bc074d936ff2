import { parseTicketLog, type TicketLog } from "./parseTicketLog.js";
import { CoreError } from "./CoreError.js";
import { deepFreeze } from "./deepFreeze.js";
import { requireOptions } from "./internal/requireOptions.js";

import { CANONICAL_STATUSES, RESOLVED_STATUSES, type CanonicalStatus, type TicketEventOf } from "./TicketEvent.js";
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
  /** The creation when a customer opened the ticket, else the first customer message; `null` if none yet. */
  readonly firstCustomerMessageAt: number | null;
  /** The first public message by a human agent (bots, system messages and internal notes never count). */
  readonly firstAgentReplyAt: number | null;
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

const resolved = (status: CanonicalStatus): boolean => RESOLVED_STATUSES.includes(status);

/**
 * Summarises a ticket's log as of an instant: key timestamps (creation, first customer message, first
 * public human reply, first and latest resolution, close, merge), counts (reopens, public agent
 * replies, escalations), time spent in each status, the current status, and the priority, severity,
 * category and assignee histories.
 *
 * @param log - a log from {@link parseTicketLog}, or raw events (validated here)
 * @param options - `at`: the instant to summarise at
 * @returns the summary, as plain frozen data
 * @throws {@link SupportOpsError} `invalid_ticket_log` for a bad log; `invalid_time` for a bad `at`;
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
 * summary.firstAgentReplyAt === Date.parse("2026-03-09T09:30:00Z"); // => true
 * summary.msInStatus.new; // => 3600000
 * summary.status; // => "solved"
 */
export function summarizeTicket(log: TicketLog | ReadonlyArray<unknown>, options: SummarizeTicketOptions): TicketSummary {
  const events = parseTicketLog(log);
  const asOf = toEpochMs(requireOptions(options, "summarizeTicket(log, { at })").at, ["at"]);
  const created = events[0] as TicketEventOf<"created">;
  if (asOf < created.at) {
    throw new CoreError("out_of_range", [
      {
        code: "before_creation",
        path: ["at"],
        message: `${new Date(asOf).toISOString()} is before the ticket was created (${new Date(created.at).toISOString()})`,
      },
    ]);
  }
  const msInStatus = Object.fromEntries(CANONICAL_STATUSES.map((s) => [s, 0])) as Record<CanonicalStatus, number>;
  let status: CanonicalStatus = created.status ?? "new";
  let statusSince = created.at;
  let firstCustomerMessageAt = created.by === "customer" ? created.at : null;
  let firstAgentReplyAt: number | null = null;
  let firstResolvedAt: number | null = resolved(status) ? created.at : null;
  let latestResolvedAt = firstResolvedAt;
  let closedAt: number | null = status === "closed" ? created.at : null;
  let reopenCount = 0;
  let publicAgentReplyCount = 0;
  let mergedInto: string | null = null;
  let mergedAt: number | null = null;
  let acknowledgedAt: number | null = null;
  let escalationCount = 0;
  let satisfaction: TicketSummary["satisfaction"] = null;
  const priorityHistory: LevelHistoryEntry[] = [];
  const severityHistory: LevelHistoryEntry[] = [];
  const categoryHistory: CategoryHistoryEntry[] = [];
  const assigneeHistory: AssigneeHistoryEntry[] = [];
  if (created.priority !== undefined) {
    priorityHistory.push({ at: created.at, from: null, to: created.priority, source: "created", reason: null });
  }
  if (created.severity !== undefined) {
    severityHistory.push({ at: created.at, from: null, to: created.severity, source: "created", reason: null });
  }
  if (created.category !== undefined) categoryHistory.push({ at: created.at, from: null, to: created.category });
  let assignee: { group: string | null; agent: string | null } = { group: null, agent: null };

  for (const event of events) {
    if (event.at > asOf) break;
    switch (event.type) {
      case "message":
        if (event.role === "customer" && firstCustomerMessageAt === null) firstCustomerMessageAt = event.at;
        if (event.role === "agent" && event.public) {
          publicAgentReplyCount += 1;
          firstAgentReplyAt ??= event.at;
        }
        break;
      case "status_changed": {
        msInStatus[status] += event.at - statusSince;
        const wasResolved = resolved(status);
        status = event.to;
        statusSince = event.at;
        if (!wasResolved && resolved(status)) {
          firstResolvedAt ??= event.at;
          latestResolvedAt = event.at;
        }
        if (wasResolved && !resolved(status)) reopenCount += 1;
        if (status === "closed") closedAt = event.at;
        break;
      }
      case "priority_changed":
      case "severity_changed":
      {
        const history = event.type === "priority_changed" ? priorityHistory : severityHistory;
        history.push({
          at: event.at,
          from: event.from ?? history.at(-1)?.to ?? null,
          to: event.to,
          source: event.source,
          reason: event.reason ?? null,
        });
        break;
      }
      case "category_changed":
        categoryHistory.push({ at: event.at, from: event.from ?? categoryHistory.at(-1)?.to ?? null, to: event.to });
        break;
      case "assigned":
        assignee = {
          group: event.group === undefined ? assignee.group : event.group,
          agent: event.agent === undefined ? assignee.agent : event.agent,
        };
        assigneeHistory.push({ at: event.at, ...assignee });
        break;
      case "acknowledged":
        acknowledgedAt ??= event.at;
        break;
      case "escalated":
        escalationCount += 1;
        break;
      case "satisfaction_rated":
        satisfaction = { at: event.at, score: event.score, scaleMax: event.scaleMax };
        break;
      case "merged":
        mergedInto = event.into;
        mergedAt = event.at;
        break;
      case "created":
      case "field_changed":
        break;
      default:
        event satisfies never;
    }
  }
  msInStatus[status] += (mergedAt ?? asOf) - statusSince;

  return deepFreeze({
    asOf,
    createdAt: created.at,
    createdBy: created.by,
    channel: created.channel ?? null,
    firstCustomerMessageAt,
    firstAgentReplyAt,
    firstResolvedAt,
    latestResolvedAt,
    closedAt,
    reopenCount,
    publicAgentReplyCount,
    status,
    isResolved: resolved(status),
    msInStatus,
    mergedInto,
    mergedAt,
    priority: priorityHistory.at(-1)?.to ?? null,
    priorityHistory,
    severity: severityHistory.at(-1)?.to ?? null,
    severityHistory,
    category: categoryHistory.at(-1)?.to ?? null,
    categoryHistory,
    assignee,
    assigneeHistory,
    satisfaction,
    acknowledgedAt,
    escalationCount,
  });
}
