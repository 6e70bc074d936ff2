import { parseTicketLog, type TicketLog } from "./parseTicketLog.js";
import { CoreError } from "./CoreError.js";
import { deepFreeze } from "./deepFreeze.js";
import { requireOptions } from "./internal/requireOptions.js";

import { CANONICAL_STATUSES, RESOLVED_STATUSES, type CanonicalStatus, type TicketEvent, type TicketEventOf } from "./TicketEvent.js";
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
  const summary = new SummaryBuilder(created);
  for (const event of events) {
    if (event.at > asOf) break;
    summary.apply(event);
  }
  return summary.finish(asOf);
}

/** The running state of a summary, one event at a time. */
class SummaryBuilder {
  private readonly created: TicketEventOf<"created">;
  private readonly msInStatus = Object.fromEntries(CANONICAL_STATUSES.map((s) => [s, 0])) as Record<CanonicalStatus, number>;
  private status: CanonicalStatus;
  private statusSince: number;
  private firstCustomerMessageAt: number | null;
  private firstAgentReplyAt: number | null = null;
  private firstResolvedAt: number | null;
  private latestResolvedAt: number | null;
  private closedAt: number | null;
  private reopenCount = 0;
  private publicAgentReplyCount = 0;
  private mergedInto: string | null = null;
  private mergedAt: number | null = null;
  private acknowledgedAt: number | null = null;
  private escalationCount = 0;
  private satisfaction: TicketSummary["satisfaction"] = null;
  private readonly priorityHistory: LevelHistoryEntry[] = [];
  private readonly severityHistory: LevelHistoryEntry[] = [];
  private readonly categoryHistory: CategoryHistoryEntry[] = [];
  private readonly assigneeHistory: AssigneeHistoryEntry[] = [];
  private assignee: { group: string | null; agent: string | null } = { group: null, agent: null };

  constructor(created: TicketEventOf<"created">) {
    this.created = created;
    this.status = created.status ?? "new";
    this.statusSince = created.at;
    this.firstCustomerMessageAt = created.by === "customer" ? created.at : null;
    this.firstResolvedAt = resolved(this.status) ? created.at : null;
    this.latestResolvedAt = this.firstResolvedAt;
    this.closedAt = this.status === "closed" ? created.at : null;
    if (created.priority !== undefined) this.priorityHistory.push({ at: created.at, from: null, to: created.priority, source: "created", reason: null });
    if (created.severity !== undefined) this.severityHistory.push({ at: created.at, from: null, to: created.severity, source: "created", reason: null });
    if (created.category !== undefined) this.categoryHistory.push({ at: created.at, from: null, to: created.category });
  }

  apply(event: TicketEvent): void {
    switch (event.type) {
      case "message":
        this.applyMessage(event);
        break;
      case "status_changed":
        this.applyStatus(event);
        break;
      case "priority_changed":
      case "severity_changed": {
        const history = event.type === "priority_changed" ? this.priorityHistory : this.severityHistory;
        history.push({ at: event.at, from: event.from ?? history.at(-1)?.to ?? null, to: event.to, source: event.source, reason: event.reason ?? null });
        break;
      }
      case "category_changed":
        this.categoryHistory.push({ at: event.at, from: event.from ?? this.categoryHistory.at(-1)?.to ?? null, to: event.to });
        break;
      case "assigned":
        this.assignee = {
          group: event.group === undefined ? this.assignee.group : event.group,
          agent: event.agent === undefined ? this.assignee.agent : event.agent,
        };
        this.assigneeHistory.push({ at: event.at, ...this.assignee });
        break;
      case "acknowledged":
        this.acknowledgedAt ??= event.at;
        break;
      case "escalated":
        this.escalationCount += 1;
        break;
      case "satisfaction_rated":
        this.satisfaction = { at: event.at, score: event.score, scaleMax: event.scaleMax };
        break;
      case "merged":
        this.mergedInto = event.into;
        this.mergedAt = event.at;
        break;
      case "created":
      case "field_changed":
        break;
      default:
        event satisfies never;
    }
  }

  private applyMessage(event: TicketEventOf<"message">): void {
    if (event.role === "customer" && this.firstCustomerMessageAt === null) this.firstCustomerMessageAt = event.at;
    if (event.role === "agent" && event.public) {
      this.publicAgentReplyCount += 1;
      this.firstAgentReplyAt ??= event.at;
    }
  }

  private applyStatus(event: TicketEventOf<"status_changed">): void {
    this.msInStatus[this.status] += event.at - this.statusSince;
    const wasResolved = resolved(this.status);
    this.status = event.to;
    this.statusSince = event.at;
    if (!wasResolved && resolved(this.status)) {
      this.firstResolvedAt ??= event.at;
      this.latestResolvedAt = event.at;
    }
    if (wasResolved && !resolved(this.status)) this.reopenCount += 1;
    if (this.status === "closed") this.closedAt = event.at;
  }

  finish(asOf: number): TicketSummary {
    this.msInStatus[this.status] += (this.mergedAt ?? asOf) - this.statusSince;
    return deepFreeze({
      asOf,
      createdAt: this.created.at,
      createdBy: this.created.by,
      channel: this.created.channel ?? null,
      firstCustomerMessageAt: this.firstCustomerMessageAt,
      firstAgentReplyAt: this.firstAgentReplyAt,
      firstResolvedAt: this.firstResolvedAt,
      latestResolvedAt: this.latestResolvedAt,
      closedAt: this.closedAt,
      reopenCount: this.reopenCount,
      publicAgentReplyCount: this.publicAgentReplyCount,
      status: this.status,
      isResolved: resolved(this.status),
      msInStatus: this.msInStatus,
      mergedInto: this.mergedInto,
      mergedAt: this.mergedAt,
      priority: this.priorityHistory.at(-1)?.to ?? null,
      priorityHistory: this.priorityHistory,
      severity: this.severityHistory.at(-1)?.to ?? null,
      severityHistory: this.severityHistory,
      category: this.categoryHistory.at(-1)?.to ?? null,
      categoryHistory: this.categoryHistory,
      assignee: this.assignee,
      assigneeHistory: this.assigneeHistory,
      satisfaction: this.satisfaction,
      acknowledgedAt: this.acknowledgedAt,
      escalationCount: this.escalationCount,
    });
  }
}
