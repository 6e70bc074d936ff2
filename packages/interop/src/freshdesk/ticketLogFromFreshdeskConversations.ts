import type { CanonicalStatus, TicketLog } from "@supportops/core";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { parseOptions, parsePayload } from "../internal/payload.js";
import { LogBuilder, mapStatus, statusChange, statusMapOf } from "../internal/ticketLog.js";
import { parseFreshdeskActivityTime, parseVendorIso } from "../internal/vendorTime.js";
import { FRESHDESK_CODES } from "./FRESHDESK_CODES.js";

/**
 * Freshdesk's status labels (as the ticket-activities export writes them) and the canonical status each
 * maps to by default. "Closed" maps to `solved`: a Freshdesk ticket can leave Closed again, and core's
 * `closed` is terminal. "Waiting on Customer" is `pending`, "Waiting on Third Party" `on_hold`.
 *
 * @example
 * FRESHDESK_STATUS_MAP.Closed; // => "solved"
 */
export const FRESHDESK_STATUS_MAP: Readonly<Record<string, CanonicalStatus>> = Object.freeze({
  Open: "open",
  Pending: "pending",
  Resolved: "solved",
  Closed: "solved",
  "Waiting on Customer": "pending",
  "Waiting on Third Party": "on_hold",
});

/**
 * The ticket fields the importer reads (`GET /api/v2/tickets/{id}?include=stats`).
 *
 * @example
 * const ticket: FreshdeskTicket = { id: 12, created_at: "2026-03-09T09:00:00Z", requester_id: 5, source: 1, priority: 2, status: 4, stats: { resolved_at: "2026-03-09T15:00:00Z" } };
 */
export interface FreshdeskTicket {
  readonly id: number;
  readonly created_at: string;
  readonly requester_id?: number | null;
  readonly status?: number;
  readonly priority?: number;
  readonly source?: number;
  readonly type?: string | null;
  readonly group_id?: number | null;
  readonly responder_id?: number | null;
  readonly company_id?: number | null;
  readonly product_id?: number | null;
  readonly stats?: { readonly resolved_at?: string | null; readonly closed_at?: string | null; readonly reopened_at?: string | null } | null;
}

/**
 * A conversation (`GET /api/v2/tickets/{id}/conversations`): `incoming` means from the requester's
 * side, `private` an internal note.
 *
 * @example
 * const reply: FreshdeskConversation = { id: 77, user_id: 9, incoming: false, private: false, created_at: "2026-03-09T10:00:00Z" };
 */
export interface FreshdeskConversation {
  readonly id: number;
  readonly user_id: number;
  readonly incoming: boolean;
  readonly private: boolean;
  readonly created_at: string;
}

/**
 * A row of the ticket-activities export file: `performed_at` is `DD-MM-YYYY HH:MM:SS +0000` (day first),
 * `activity` holds the new values, statuses as labels.
 *
 * @example
 * const row: FreshdeskActivity = { performed_at: "09-03-2026 15:00:00 +0000", ticket_id: 12, performer_type: "agent", performer_id: 9, activity: { status: "Resolved" } };
 */
export interface FreshdeskActivity {
  readonly performed_at: string;
  readonly ticket_id: number;
  readonly performer_type?: string;
  readonly performer_id?: number;
  readonly activity: Readonly<Record<string, unknown>>;
}

/**
 * Options of {@link ticketLogFromFreshdeskConversations}.
 *
 * @example
 * const options: FreshdeskConversationOptions = { activities: [], statusMap: { "Awaiting parts": "on_hold" } };
 */
export interface FreshdeskConversationOptions {
  /** Rows of the ticket-activities export (the only field history Freshdesk keeps, for 30 days). */
  readonly activities?: ReadonlyArray<FreshdeskActivity>;
  /** Status labels mapped onto canonical statuses, over {@link FRESHDESK_STATUS_MAP}. */
  readonly statusMap?: Readonly<Record<string, CanonicalStatus>>;
}

const TicketSchema = z.object({
  id: z.number().int(),
  created_at: z.string(),
  requester_id: z.number().int().nullable().optional(),
  status: z.number().int().optional(),
  priority: z.number().int().optional(),
  source: z.number().int().optional(),
  type: z.string().nullable().optional(),
  group_id: z.number().int().nullable().optional(),
  responder_id: z.number().int().nullable().optional(),
  company_id: z.number().int().nullable().optional(),
  product_id: z.number().int().nullable().optional(),
  stats: z.object({ resolved_at: z.string().nullable().optional(), closed_at: z.string().nullable().optional(), reopened_at: z.string().nullable().optional() }).nullable().optional(),
});
const ConversationSchema = z.object({ id: z.number().int(), user_id: z.number().int(), incoming: z.boolean(), private: z.boolean(), created_at: z.string() });
const ActivitySchema = z.object({
  performed_at: z.string(),
  ticket_id: z.number().int(),
  performer_type: z.string().optional(),
  performer_id: z.number().int().optional(),
  activity: z.record(z.string(), z.json()),
});

/**
 * A core ticket event log from a Freshdesk ticket, its conversations and, when you have them, its
 * ticket-activities export rows.
 *
 * - `created` at `created_at`; `channel` is the `source` named as in {@link FRESHDESK_CODES}; `by` is
 *   the customer, except for phone (3) and outbound email (10), which an agent logs; `priority` is the
 *   ticket's (`low` … `urgent`). `type`, `company_id` and `product_id` follow as `field_changed` and the
 *   group as `assigned`, at creation (their current values: Freshdesk keeps no older ones).
 * - Conversations: `incoming` (or by the requester) is the customer's message; otherwise an agent's,
 *   internal when `private`.
 * - Activity rows (dates read day first, never with `Date.parse`): `status` labels → `status_changed`
 *   through the status map, `priority` codes → `priority_changed`, `group_id` / `agent_id` → `assigned`,
 *   other keys → `field_changed`. Rows repeating an earlier row exactly are dropped (`duplicate_row`):
 *   the export has no ids and its files overlap.
 * - Without activity rows, a ticket whose `stats.resolved_at` is set gets one `status_changed` to
 *   `solved` then (an `ignored_event` issue says the status history is otherwise unknown).
 *
 * @param ticket - the ticket (with `stats` for resolution times)
 * @param conversations - its conversations
 * @param options - activity rows and status map
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, an unmapped status label), `invalid_time`, `invalid_ticket_log`
 * @example
 * const { definition } = ticketLogFromFreshdeskConversations(
 *   { id: 12, created_at: "2026-03-09T09:00:00Z", requester_id: 5, source: 7, priority: 4 },
 *   [{ id: 1, user_id: 9, incoming: false, private: false, created_at: "2026-03-09T09:20:00Z" }],
 *   { activities: [{ performed_at: "09-03-2026 10:00:00 +0000", ticket_id: 12, activity: { status: "Resolved" } }] },
 * );
 * definition.map((e) => e.type); // => ["created", "message", "status_changed"]
 */
export function ticketLogFromFreshdeskConversations(
  ticket: FreshdeskTicket,
  conversations: ReadonlyArray<FreshdeskConversation>,
  options: FreshdeskConversationOptions = {},
): ImportResult<TicketLog, { readonly vendor: "freshdesk"; readonly ticketId: number }> {
  const t = parsePayload(TicketSchema, ticket, ["ticket"], "a Freshdesk ticket");
  const list = parsePayload(z.array(ConversationSchema).max(100_000), conversations, ["conversations"], "Freshdesk conversations");
  const opts = parseOptions(z.object({ activities: z.unknown().optional(), statusMap: z.record(z.string(), z.string()).optional() }), options);
  const activities = parsePayload(z.array(ActivitySchema).max(1_000_000), opts.activities ?? [], ["activities"], "Freshdesk ticket activities");
  const statusMap = statusMapOf(FRESHDESK_STATUS_MAP, opts.statusMap);
  const issues: InteropIssue[] = [];
  const createdAt = parseVendorIso(t.created_at, ["ticket", "created_at"]);
  const channel = t.source === undefined ? undefined : (FRESHDESK_CODES.sources[t.source] ?? `source_${t.source}`);
  const priorityName = (code: unknown): string | null => (typeof code === "number" ? (FRESHDESK_CODES.priorities[code] ?? String(code)) : typeof code === "string" && code !== "" ? code : null);

  const rows = activities
    .map((row, index) => ({ row, index, at: parseFreshdeskActivityTime(row.performed_at, ["activities", index, "performed_at"]) }))
    .filter(({ row }) => row.ticket_id === t.id);
  const seen = new Set<string>();
  const unique = rows.filter(({ row, index }) => {
    const key = JSON.stringify([row.ticket_id, row.performed_at, row.performer_id ?? null, row.activity]);
    if (seen.has(key)) {
      issues.push({ code: "duplicate_row", path: ["activities", index], message: "this activity row repeats an earlier one and is dropped" });
      return false;
    }
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.at - b.at || a.index - b.index);

  let priority = priorityName(t.priority);
  // The first priority an activity reports replaced the one the ticket started with; without rows, the current one.
  const firstPriorityRow = unique.find(({ row }) => "priority" in row.activity);
  if (firstPriorityRow !== undefined && unique.length > 0) priority = null;
  const log = new LogBuilder();
  log.addCreated(createdAt, {
    id: `${t.id}:created`,
    type: "created",
    by: t.source === 3 || t.source === 10 ? "agent" : "customer",
    status: "open",
    ...(priority === null ? {} : { priority }),
    ...(channel === undefined ? {} : { channel }),
    ...(t.requester_id === undefined || t.requester_id === null ? {} : { requester: String(t.requester_id) }),
  });
  for (const [field, value] of [["type", t.type], ["company_id", t.company_id], ["product_id", t.product_id]] as const) {
    if (value !== undefined && value !== null) log.add(createdAt, { id: `${t.id}:${field}`, type: "field_changed", field, to: String(value) });
  }
  if ((t.group_id ?? null) !== null && unique.every(({ row }) => !("group_id" in row.activity))) {
    log.add(createdAt, { id: `${t.id}:group`, type: "assigned", group: String(t.group_id) });
  }

  let status = { status: "open" as CanonicalStatus, label: "Open" };
  for (const { row, index, at } of unique) {
    const actor = row.performer_id === undefined ? {} : { actor: String(row.performer_id) };
    for (const [key, value] of Object.entries(row.activity)) {
      const id = `${t.id}:activity:${index}:${key}`;
      if (key === "status") {
        const label = String(value);
        const next = { status: mapStatus(statusMap, label, ["activities", index, "activity", "status"]), label };
        const change = statusChange(id, status, next);
        if (change !== null) log.add(at, { ...change, ...actor });
        status = next;
      } else if (key === "priority") {
        const to = priorityName(value);
        if (to === null || to === priority) continue;
        log.add(at, { id, type: "priority_changed", from: priority, to, source: "import", ...actor });
        priority = to;
      } else if (key === "group_id" || key === "agent_id") {
        log.add(at, { id, type: "assigned", [key === "group_id" ? "group" : "agent"]: value === null || value === undefined ? null : String(value), ...actor });
      } else {
        log.add(at, { id, type: "field_changed", field: key, to: (value ?? null) as never, ...actor });
      }
    }
  }
  if (unique.length === 0 && t.stats?.resolved_at !== undefined && t.stats.resolved_at !== null) {
    const at = parseVendorIso(t.stats.resolved_at, ["ticket", "stats", "resolved_at"]);
    log.add(at, { id: `${t.id}:resolved`, type: "status_changed", from: "open", to: "solved", toLabel: "Resolved" });
    issues.push({ code: "ignored_event", path: ["activities"], message: "no activity rows: the status history is only the resolution in stats.resolved_at (pending time and reopens are unknown)" });
  }
  list.forEach((c, index) => {
    const at = parseVendorIso(c.created_at, ["conversations", index, "created_at"]);
    const customer = c.incoming || (t.requester_id !== undefined && t.requester_id !== null && c.user_id === t.requester_id);
    log.add(at, { id: `${t.id}:conversation:${c.id}`, type: "message", role: customer ? "customer" : "agent", public: customer || !c.private, author: String(c.user_id) });
  });
  return { definition: log.build(), source: { vendor: "freshdesk", ticketId: t.id }, issues };
}
