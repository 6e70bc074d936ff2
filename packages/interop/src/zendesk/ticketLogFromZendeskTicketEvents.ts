import { describeValue, type TicketLog } from "@supportops/core";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { InteropError } from "../InteropError.js";
import { argumentError, parseOptions, parsePayload } from "../internal/payload.js";
import { ticketLogFromZendeskAudits, type ZendeskAudit, type ZendeskAuditOptions, type ZendeskTicketSource } from "./ticketLogFromZendeskAudits.js";

/**
 * One row of Zendesk's incremental ticket events export (`GET /api/v2/incremental/ticket_events`,
 * with `include=comment_events`), as far as the importer reads it. The row's own `via` is a display
 * string ("Web form"); its `child_events` carry `via` objects.
 *
 * @example
 * const row: ZendeskTicketEvent = {
 *   id: 9000001, ticket_id: 123, timestamp: 1773065100, created_at: "2026-03-09T14:05:00Z", updater_id: 35436,
 *   via: "Web form", event_type: "Audit",
 *   child_events: [{ id: 9000002, event_type: "Comment", type: "Comment", author_id: 35436, public: true, via: { channel: "web" } }],
 * };
 */
export interface ZendeskTicketEvent {
  readonly id: number | string;
  readonly ticket_id: number | string;
  readonly timestamp?: number;
  readonly created_at?: string;
  readonly updater_id: number | string;
  readonly via?: string | null;
  readonly event_type?: string;
  readonly comment_present?: boolean;
  readonly child_events?: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/**
 * Options of {@link ticketLogFromZendeskTicketEvents}: those of `ticketLogFromZendeskAudits`, and the
 * ticket to read (the export mixes every ticket of the account).
 *
 * @example
 * const options: ZendeskTicketEventsOptions = { ticketId: 123, users: [{ id: 9, role: "agent" }] };
 */
export interface ZendeskTicketEventsOptions extends ZendeskAuditOptions {
  readonly ticketId: number | string;
}

const RowSchema = z.object({
  id: z.union([z.number(), z.string()]),
  ticket_id: z.union([z.number(), z.string()]),
  timestamp: z.number().int().optional(),
  created_at: z.string().optional(),
  updater_id: z.union([z.number(), z.string()]),
  via: z.string().nullable().optional(),
  event_type: z.string().optional(),
  comment_present: z.boolean().optional(),
  // A child's id becomes an event id: a number or a string (the child's index when it has none).
  child_events: z.array(z.looseObject({ id: z.union([z.number(), z.string()]).optional() })).optional(),
});

/**
 * A core ticket event log from Zendesk's incremental ticket events export: the rows of one ticket,
 * **deduplicated by id** (time-based pages overlap), read as the audits they are and replayed exactly as
 * {@link ticketLogFromZendeskAudits} replays audits.
 *
 * - The row's `via` is a display string ("Web form", "Mail"), not a channel: the channel is read from
 *   the child events' `via` objects (`via.channel`), never from the string.
 * - Child events of type `Comment` / `VoiceComment` and `Create` / `Change` events in the audit shape
 *   (`field_name`, `value`) are read. A child event in any other shape (the export's field-change shape
 *   is not documented) is reported as `ignored_event`; so is a row that says a comment was present
 *   without its comment event (ask for `include=comment_events`). For a full field history prefer the
 *   per-ticket audits.
 * - `created_at` is read strictly; without it, `timestamp` (Unix seconds).
 *
 * @param rows - the export's `ticket_events` (or the whole page)
 * @param options - the ticket's id, and the options of `ticketLogFromZendeskAudits`
 * @returns `{ definition, source, issues }` (paths point into `rows`)
 * @throws {@link InteropError} as `ticketLogFromZendeskAudits`, with paths into `rows`
 * @example
 * const { definition } = ticketLogFromZendeskTicketEvents(
 *   [{ id: 1, ticket_id: 5, created_at: "2026-03-09T14:05:00Z", updater_id: 7, via: "Mail", event_type: "Audit", child_events: [
 *     { id: 2, event_type: "Create", type: "Create", field_name: "status", value: "new", via: { channel: "email" } },
 *     { id: 3, event_type: "Create", type: "Create", field_name: "requester_id", value: "7" } ] }],
 *   { ticketId: 5 },
 * );
 * definition[0]; // => { id: "1:created", at: 1773065100000, type: "created", by: "customer", status: "new", channel: "email", requester: "7", actor: "7" }
 */
export function ticketLogFromZendeskTicketEvents(
  rows: ReadonlyArray<ZendeskTicketEvent> | { readonly ticket_events: ReadonlyArray<ZendeskTicketEvent> },
  options: ZendeskTicketEventsOptions,
): ImportResult<TicketLog, ZendeskTicketSource> {
  const wrapped = rows !== null && typeof rows === "object" && !Array.isArray(rows) && "ticket_events" in rows;
  const base = wrapped ? ["ticket_events"] : [];
  const list = parsePayload(z.array(RowSchema).max(1_000_000), wrapped ? (rows as { ticket_events: unknown }).ticket_events : rows, base, "Zendesk incremental ticket events");
  const { ticketId, ...auditOptions } = parseOptions(z.looseObject({ ticketId: z.union([z.number(), z.string()]) }), options);
  if (ticketId === "") argumentError(["ticketId"], "name the ticket to read");
  const issues: InteropIssue[] = [];
  const seen = new Set<string>();
  const audits: ZendeskAudit[] = [];
  const rowOf: number[] = [];
  list.forEach((row, index) => {
    if (String(row.ticket_id) !== String(ticketId)) return;
    if (seen.has(String(row.id))) return;
    seen.add(String(row.id));
    if (row.event_type !== undefined && row.event_type !== "Audit") return;
    const children = row.child_events ?? [];
    const events: Array<ZendeskAudit["events"][number]> = [];
    children.forEach((child, c) => {
      const type = typeof child["type"] === "string" ? child["type"] : child["event_type"];
      // Notifications, CCs and the like are skipped as in audits; a field change without the audit shape cannot be read.
      const unreadable = (type === "Create" || type === "Change") && typeof child["field_name"] !== "string";
      if (unreadable || typeof type !== "string") {
        issues.push({ code: "ignored_event", path: [...base, index, "child_events", c], message: `a ${typeof type === "string" ? type : describeValue(type)} child event without the audit shape (field_name, value) is not read; use the ticket's audits for its field history` });
        events.push({ id: String(child["id"] ?? c), type: "Ignored" });
        return;
      }
      events.push({ ...(child as Record<string, never>), id: String(child["id"] ?? c), type });
    });
    if (row.comment_present === true && !children.some((c) => c["type"] === "Comment" || c["event_type"] === "Comment")) {
      issues.push({ code: "ignored_event", path: [...base, index, "comment_present"], message: "a comment was made but the export holds no comment event: request the export with include=comment_events" });
    }
    const channel = children.map((c) => (c["via"] as { channel?: unknown } | undefined)?.channel).find((ch): ch is string => typeof ch === "string");
    // Unix seconds when created_at is missing; a value outside the supported range becomes an invalid time below.
    const seconds = row.timestamp;
    const createdAt = row.created_at ?? (seconds !== undefined && Math.abs(seconds) < 8.64e12 ? new Date(seconds * 1000).toISOString() : String(seconds));
    audits.push({ id: row.id, ticket_id: row.ticket_id, created_at: createdAt, author_id: row.updater_id, ...(channel === undefined ? {} : { via: { channel } }), events });
    rowOf.push(index);
  });
  if (audits.length === 0) argumentError(["ticketId"], `no rows of ticket ${String(ticketId)} in the export`);
  // Paths of the audits importer point into `audits`; point them back into the export's rows.
  const remap = (path: ReadonlyArray<string | number>): Array<string | number> => {
    if (typeof path[0] !== "number") return [...path];
    const [i, ...rest] = path;
    return [...base, rowOf[i] ?? i, ...rest.map((part) => (part === "events" ? "child_events" : part))];
  };
  try {
    const result = ticketLogFromZendeskAudits(audits, auditOptions as ZendeskAuditOptions);
    return { definition: result.definition, source: result.source, issues: [...issues, ...result.issues.map((issue) => ({ ...issue, path: remap(issue.path) }))] };
  } catch (error) {
    if (!(error instanceof InteropError)) throw error;
    throw new InteropError(error.code, error.issues.map((issue) => ({ ...issue, path: remap(issue.path) })), { cause: error });
  }
}
