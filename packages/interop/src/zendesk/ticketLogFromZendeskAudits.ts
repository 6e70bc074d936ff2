import type { CanonicalStatus, TicketLog } from "@supportops/core";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { argumentError, parseOptions, parsePayload, payloadError } from "../internal/payload.js";
import { LogBuilder, idText, mapStatus, statusChange, statusMapOf } from "../internal/ticketLog.js";
import { parseVendorIso } from "../internal/vendorTime.js";

/**
 * Zendesk's ticket statuses and the canonical status each maps to by default (`hold` is `on_hold`).
 *
 * @example
 * ZENDESK_STATUS_MAP.hold; // => "on_hold"
 */
export const ZENDESK_STATUS_MAP: Readonly<Record<string, CanonicalStatus>> = Object.freeze({
  new: "new",
  open: "open",
  pending: "pending",
  hold: "on_hold",
  solved: "solved",
  closed: "closed",
});

/**
 * A Zendesk ticket audit (`GET /api/v2/tickets/{id}/audits`), as far as the importer reads it.
 *
 * @example
 * const audit: ZendeskAudit = {
 *   id: 1001, ticket_id: 123, created_at: "2026-03-09T14:05:00Z", author_id: 35436, via: { channel: "web" },
 *   events: [{ id: 1, type: "Create", field_name: "status", value: "new" }],
 * };
 */
export interface ZendeskAudit {
  readonly id: number | string;
  readonly ticket_id?: number | string;
  readonly created_at: string;
  readonly author_id: number | string;
  readonly via?: { readonly channel?: string; readonly source?: unknown };
  readonly events: ReadonlyArray<{
    readonly id: number | string;
    readonly type: string;
    readonly field_name?: string;
    readonly value?: unknown;
    readonly previous_value?: unknown;
    readonly public?: boolean;
    readonly author_id?: number | string;
    readonly via?: { readonly channel?: string; readonly source?: unknown };
  }>;
}

/**
 * Options of {@link ticketLogFromZendeskAudits}.
 *
 * @example
 * const options: ZendeskAuditOptions = { requesterId: 35436, users: [{ id: 900, role: "agent" }] };
 */
export interface ZendeskAuditOptions {
  /** The ticket's requester (default: the `requester_id` of the ticket's Create events). */
  readonly requesterId?: number | string;
  /** Who is who: Zendesk user roles (`end-user` is a customer; `agent` and `admin` are agents). */
  readonly users?: ReadonlyArray<{ readonly id: number | string; readonly role: string }>;
  /** Status names mapped onto canonical statuses, over {@link ZENDESK_STATUS_MAP} (`custom_status_id` changes stay `field_changed` events). */
  readonly statusMap?: Readonly<Record<string, CanonicalStatus>>;
}

/**
 * What {@link ticketLogFromZendeskAudits} keeps of the vendor's data.
 *
 * @example
 * const source: ZendeskTicketSource = { vendor: "zendesk", ticketId: 123, auditIds: [1001], requesterId: "35436" };
 */
export interface ZendeskTicketSource {
  readonly vendor: "zendesk";
  readonly ticketId: number | string | null;
  readonly auditIds: ReadonlyArray<number | string>;
  readonly requesterId: string | null;
}

const ViaSchema = z.object({ channel: z.string().optional(), source: z.unknown().optional() }).nullable().optional();
const AuditSchema = z.object({
  id: z.union([z.number(), z.string()]),
  ticket_id: z.union([z.number(), z.string()]).optional(),
  created_at: z.string(),
  author_id: z.union([z.number(), z.string()]),
  via: ViaSchema,
  events: z.array(
    z.object({
      id: z.union([z.number(), z.string()]),
      type: z.string(),
      field_name: z.string().optional(),
      value: z.unknown().optional(),
      previous_value: z.unknown().optional(),
      public: z.boolean().optional(),
      author_id: z.union([z.number(), z.string()]).optional(),
      via: ViaSchema,
    }),
  ),
});

const OptionsSchema = z.object({
  requesterId: z.union([z.number(), z.string()]).optional(),
  users: z.array(z.object({ id: z.union([z.number(), z.string()]), role: z.string() })).optional(),
  statusMap: z.record(z.string(), z.string()).optional(),
});

/** Fields whose Change events carry SLA targets (object values), not ticket data. */
const SLA_FIELDS = new Set(["first_reply_time", "next_reply_time", "periodic_update_time", "pausable_update_time", "requester_wait_time", "agent_work_time", "total_resolution_time", "sla_policy"]);
/** Fields that are part of the ticket's creation or have an event of their own. */
const OWN_FIELDS = new Set(["status", "priority", "group_id", "assignee_id", "requester_id", "tags"]);
/** Fields renamed in the log: Zendesk's `type` keeps its name; `ticket_type_id` is the same thing. */
const RENAMED: Readonly<Record<string, string>> = { ticket_type_id: "type" };

function sourceRule(via: { source?: unknown } | null | undefined): string | null {
  const source = via?.source as { rel?: unknown; from?: { id?: unknown } } | undefined;
  if (source === undefined || source === null) return null;
  if (source.rel === "trigger" || source.rel === "automation" || source.rel === "rule") return `${String(source.rel)}:${String(source.from?.id ?? "?")}`;
  return null;
}

/**
 * A core ticket event log from a Zendesk ticket's audits, in audit order (by `created_at`, then as given).
 *
 * - The first audit's `Create` events give the `created` event: status, priority, requester; `by` is
 *   `customer` when the author is the requester, `system` for the system user (-1) or a rule, else
 *   `agent`; `channel` is the audit's `via.channel`. Its `group_id`, `assignee_id`, `tags`, `type` and
 *   other fields follow at the same instant (`assigned`, `field_changed`).
 * - `Change` events: `status` → `status_changed` (through `statusMap`, labels kept), `priority` →
 *   `priority_changed` (`source: "rule"` when the event's own `via` names a trigger or automation,
 *   else `"import"`), `group_id` / `assignee_id` → `assigned`, `tags` → `field_changed` (an array), every
 *   other field → `field_changed` under its Zendesk name. The object-valued SLA fields
 *   (`first_reply_time`, …) are SLA targets, not ticket data, and are skipped.
 * - `Comment` / `VoiceComment` → `message` with its `public` flag; the author's role comes from
 *   `options.users` (or is the requester's). A later `CommentPrivacyChange` does not rewrite history:
 *   a reply that was public when sent stays a reply (reported as `ignored_event`).
 * - An event's own `via` (a trigger that fired inside the update) is its actor: `rule:trigger:42`.
 * - Other event types (notifications, CCs, satisfaction prompts, …) are not ticket events: skipped.
 *
 * @param audits - the audits, or the whole `{ "audits": […] }` response
 * @param options - requester, user roles, status map
 * @returns `{ definition, source, issues }`; `definition` is a parsed core `TicketLog`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, no Create events, an unmapped status),
 * `invalid_time`, `invalid_argument` (a comment author of unknown role), `invalid_ticket_log`
 * @example
 * const { definition } = ticketLogFromZendeskAudits([
 *   { id: 1, created_at: "2026-03-09T14:05:00Z", author_id: 7, via: { channel: "email" }, events: [
 *     { id: 11, type: "Create", field_name: "status", value: "new" },
 *     { id: 12, type: "Create", field_name: "requester_id", value: "7" },
 *     { id: 13, type: "Comment", public: true, author_id: 7 } ] },
 *   { id: 2, created_at: "2026-03-09T14:35:00Z", author_id: 9, events: [
 *     { id: 21, type: "Comment", public: true, author_id: 9 },
 *     { id: 22, type: "Change", field_name: "status", previous_value: "new", value: "pending" } ] },
 * ], { users: [{ id: 9, role: "agent" }] });
 * definition.map((e) => e.type); // => ["created", "message", "message", "status_changed"]
 */
export function ticketLogFromZendeskAudits(
  audits: ReadonlyArray<ZendeskAudit> | { readonly audits: ReadonlyArray<ZendeskAudit> },
  options: ZendeskAuditOptions = {},
): ImportResult<TicketLog, ZendeskTicketSource> {
  const wrapped = audits !== null && typeof audits === "object" && !Array.isArray(audits) && "audits" in audits;
  const base = wrapped ? ["audits"] : [];
  const list = parsePayload(z.array(AuditSchema).min(1).max(100_000), wrapped ? (audits as { audits: unknown }).audits : audits, base, "Zendesk ticket audits");
  const opts = parseOptions(OptionsSchema, options);
  const statusMap = statusMapOf(ZENDESK_STATUS_MAP, opts.statusMap);
  const roles = new Map<string, string>();
  for (const user of opts.users ?? []) roles.set(String(user.id), user.role);
  const issues: InteropIssue[] = [];

  const timed = list.map((audit, index) => ({ audit, index, at: parseVendorIso(audit.created_at, [...base, index, "created_at"]) }));
  timed.sort((a, b) => a.at - b.at || a.index - b.index);
  const first = timed[0];
  if (first === undefined || !first.audit.events.some((e) => e.type === "Create")) {
    payloadError([...base, first?.index ?? 0, "events"], "the first audit has no Create events: pass every audit of the ticket, from its creation");
  }
  const createdValue = (field: string): unknown => first.audit.events.find((e) => e.type === "Create" && e.field_name === field)?.value;
  const requester = idText(opts.requesterId) ?? idText(createdValue("requester_id"));
  const roleOf = (author: string, path: ReadonlyArray<string | number>): "customer" | "agent" | "system" => {
    if (author === "-1") return "system";
    if (author === requester) return "customer";
    const role = roles.get(author);
    if (role === "end-user") return "customer";
    if (role === "agent" || role === "admin") return "agent";
    argumentError(["users"], `the author ${author} of ${[...base, ...path].join(".")} has no known role: pass options.users with Zendesk roles (end-user, agent, admin)`);
  };

  const log = new LogBuilder();
  let status: { status: CanonicalStatus; label: string } | null = null;
  let priority: string | null = null;
  for (const { audit, index, at } of timed) {
    const author = String(audit.author_id);
    audit.events.forEach((event, e) => {
      const path = [...base, index, "events", e];
      const id = `${String(audit.id)}:${String(event.id)}`;
      const rule = sourceRule(event.via) ?? sourceRule(audit.via);
      const actor = rule ?? (author === "-1" ? undefined : author);
      const field = event.field_name === undefined ? "" : (RENAMED[event.field_name] ?? event.field_name);
      if (audit === first.audit && event.type === "Create") {
        // The created event is written once, below; Create events of other fields follow it.
        if (field === "status" || field === "priority" || field === "requester_id") return;
      } else if (event.type !== "Change" && event.type !== "Create") {
        if (event.type === "Comment" || event.type === "VoiceComment") {
          const who = String(event.author_id ?? audit.author_id);
          const role = roleOf(who, [index, "events", e, "author_id"]);
          log.add(at, { id, type: "message", role, public: event.public ?? true, ...(who === "-1" ? {} : { author: who }) });
        } else if (event.type === "CommentPrivacyChange") {
          issues.push({ code: "ignored_event", path, message: "a comment made private later stays as it was when sent: a public reply still counts as the reply it was" });
        }
        return;
      }
      if (SLA_FIELDS.has(field)) return;
      const value = event.value ?? null;
      const previous = event.previous_value ?? null;
      switch (field) {
        case "status": {
          const label = String(value);
          const next = { status: mapStatus(statusMap, label, [...path, "value"]), label };
          const change = statusChange(id, status, next, actor);
          if (change !== null) log.add(at, change);
          status = next;
          return;
        }
        case "priority": {
          const to = idText(value);
          if (to === null || to === priority) {
            if (to === null) issues.push({ code: "ignored_event", path, message: "the priority was cleared; the log keeps the last priority" });
            return;
          }
          log.add(at, { id, type: "priority_changed", from: priority, to, source: rule === null ? "import" : "rule", ...(actor === undefined ? {} : { actor }) });
          priority = to;
          return;
        }
        case "group_id":
        case "assignee_id":
          log.add(at, { id, type: "assigned", [field === "group_id" ? "group" : "agent"]: idText(value), ...(actor === undefined ? {} : { actor }) });
          return;
        default:
          if (field === "") return;
          log.add(at, {
            id,
            type: "field_changed",
            field,
            to: value,
            ...(event.type === "Change" && previous !== null ? { from: previous } : {}),
            ...(actor === undefined ? {} : { actor }),
          });
      }
    });
    if (audit === first.audit) {
      const statusLabel = idText(createdValue("status")) ?? "new";
      status = { status: mapStatus(statusMap, statusLabel, [...base, index, "events"]), label: statusLabel };
      priority = idText(createdValue("priority"));
      const channel = audit.via?.channel;
      const by = author === requester ? "customer" : author === "-1" || sourceRule(audit.via) !== null ? "system" : "agent";
      log.addCreated(at, {
        id: `${String(audit.id)}:created`,
        type: "created",
        by,
        status: status.status,
        ...(priority === null ? {} : { priority }),
        ...(channel === undefined ? {} : { channel }),
        ...(requester === null ? {} : { requester }),
        ...(author === "-1" ? {} : { actor: author }),
      });
    }
  }
  return {
    definition: log.build(),
    source: { vendor: "zendesk", ticketId: first.audit.ticket_id ?? null, auditIds: timed.map((t) => t.audit.id), requesterId: requester },
    issues,
  };
}
