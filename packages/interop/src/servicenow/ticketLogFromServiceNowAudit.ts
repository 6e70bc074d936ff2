import type { CanonicalStatus, TicketLog } from "@supportops/core";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { argumentError, parseOptions, parsePayload } from "../internal/payload.js";
import { LogBuilder, mapStatus, statusChange, statusMapOf } from "../internal/ticketLog.js";
import { parseServiceNowDateTime } from "../internal/vendorTime.js";
import { ReferenceSchema, referenceId, text, type ServiceNowReference } from "./ServiceNowRecords.js";

/**
 * ServiceNow incident states (`state` / `incident_state` values) and the canonical status each maps to
 * by default: 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled. Canceled is `closed`
 * (the ticket ends), labelled "Canceled" and with the raw `state` "8" in the log, so that
 * `isCanceledInServiceNow` can keep it out of resolution KPIs.
 *
 * @example
 * SERVICENOW_STATE_MAP["8"]; // => "closed"
 */
export const SERVICENOW_STATE_MAP: Readonly<Record<string, CanonicalStatus>> = Object.freeze({
  "1": "new",
  "2": "open",
  "3": "on_hold",
  "6": "solved",
  "7": "closed",
  "8": "closed",
});

const STATE_LABELS: Readonly<Record<string, string>> = { "1": "New", "2": "In Progress", "3": "On Hold", "6": "Resolved", "7": "Closed", "8": "Canceled" };

/**
 * An incident row from the Table API (`sysparm_display_value=false`: values are raw strings, date-times
 * UTC `YYYY-MM-DD HH:MM:SS`), as far as the importer reads it: the values the history starts from.
 *
 * @example
 * const incident: ServiceNowIncident = { sys_id: "inc1", number: "INC0010001", opened_at: "2026-03-09 14:05:00", state: "6", priority: "1", contact_type: "email" };
 */
export interface ServiceNowIncident {
  readonly sys_id: string;
  readonly number?: string;
  readonly opened_at: string;
  readonly state?: string;
  readonly priority?: string;
  readonly contact_type?: string;
  readonly caller_id?: ServiceNowReference;
  readonly assignment_group?: ServiceNowReference;
  readonly assigned_to?: ServiceNowReference;
  readonly [field: string]: unknown;
}

/**
 * A `sys_audit` row (one field change; values raw, references as sys_ids, times UTC).
 *
 * @example
 * const row: ServiceNowAuditRow = { tablename: "incident", documentkey: "inc1", fieldname: "state", oldvalue: "2", newvalue: "6", user: "beth.anglin", record_checkpoint: "7", sys_created_on: "2026-03-10 16:27:44" };
 */
export interface ServiceNowAuditRow {
  readonly tablename?: string;
  readonly documentkey?: string;
  readonly fieldname: string;
  readonly oldvalue?: string;
  readonly newvalue?: string;
  readonly user?: string;
  readonly record_checkpoint?: string;
  readonly sys_created_on: string;
}

/**
 * A `sys_journal_field` row: a customer-visible `comments` entry or an internal `work_notes` entry.
 *
 * @example
 * const entry: ServiceNowJournalEntry = { element: "comments", element_id: "inc1", value: "Restarted.", sys_created_on: "2026-03-09 15:00:00", sys_created_by: "beth.anglin" };
 */
export interface ServiceNowJournalEntry {
  readonly sys_id?: string;
  readonly element: string;
  readonly element_id?: string;
  readonly value?: string;
  readonly sys_created_on: string;
  readonly sys_created_by?: string;
}

/**
 * Options of {@link ticketLogFromServiceNowAudit}.
 *
 * @example
 * const options: ServiceNowAuditOptions = { journal: [], customers: ["abel.tuter"] };
 */
export interface ServiceNowAuditOptions {
  /** Comments and work notes (`sys_journal_field`); journal rows found in `sys_audit` are read too. */
  readonly journal?: ReadonlyArray<ServiceNowJournalEntry>;
  /** User names whose `comments` are the customer's (the caller's); every other author is an agent. */
  readonly customers?: ReadonlyArray<string>;
  /** State values mapped onto canonical statuses, over {@link SERVICENOW_STATE_MAP}. */
  readonly statusMap?: Readonly<Record<string, CanonicalStatus>>;
  /** Who opened the incident; default from `contact_type` (self-service, email, chat, virtual_agent: `customer`; monitoring, event, integration: `system`; else `agent`). */
  readonly createdBy?: "customer" | "agent" | "system";
}

/**
 * What {@link ticketLogFromServiceNowAudit} keeps of the vendor's data.
 *
 * @example
 * const source: ServiceNowTicketSource = { vendor: "servicenow", sysId: "inc1", number: "INC0010001" };
 */
export interface ServiceNowTicketSource {
  readonly vendor: "servicenow";
  readonly sysId: string;
  readonly number: string | null;
}

const IncidentSchema = z.looseObject({
  sys_id: z.string().min(1),
  number: z.string().optional(),
  opened_at: z.string(),
  state: text,
  incident_state: text,
  priority: text,
  contact_type: text,
  caller_id: z.union([ReferenceSchema, z.literal("")]).optional(),
  assignment_group: z.union([ReferenceSchema, z.literal("")]).optional(),
  assigned_to: z.union([ReferenceSchema, z.literal("")]).optional(),
});
const AuditSchema = z.object({
  tablename: text,
  documentkey: text,
  fieldname: z.string().min(1),
  oldvalue: text,
  newvalue: text,
  user: text,
  record_checkpoint: text,
  sys_created_on: z.string(),
});
const JournalSchema = z.object({ sys_id: text, element: z.string(), element_id: text, value: text, sys_created_on: z.string(), sys_created_by: text });

const OptionsSchema = z.object({
  journal: z.unknown().optional(),
  customers: z.array(z.string()).optional(),
  statusMap: z.record(z.string(), z.string()).optional(),
  createdBy: z.enum(["customer", "agent", "system"]).optional(),
});

/** Fields that are bookkeeping, not ticket data. */
const SKIPPED = new Set(["sys_updated_on", "sys_updated_by", "sys_mod_count", "sys_created_on", "sys_created_by", "incident_state", "calendar_stc", "business_stc", "calendar_duration", "business_duration", "sla_due", "made_sla"]);

const CUSTOMER_CHANNELS = new Set(["self-service", "email", "chat", "virtual_agent"]);
const SYSTEM_CHANNELS = new Set(["monitoring", "event", "integration", "alert"]);

/**
 * A core ticket event log from a ServiceNow incident and its history (`sys_audit` rows and journal
 * entries), replayed in `record_checkpoint` order (time stamps have one-second resolution and tie).
 *
 * - The `created` event is at `opened_at`, with the first audited value of `state` and `priority` (the
 *   `oldvalue` of their first change, or the insert's value, or the incident's current value if never
 *   changed). `channel` is `contact_type`.
 * - `state` → `status_changed` through the state map (labels "In Progress", "Canceled", … kept) **and**
 *   `field_changed` `state` with the raw value, so encoded-query SLA conditions (`state=6`) read the
 *   log exactly; `priority` → `priority_changed` (values "1" … "5"); `assignment_group` /
 *   `assigned_to` → `assigned` (sys_ids); every other audited field → `field_changed` under its
 *   ServiceNow name with the raw value.
 * - `comments` entries are public messages (by the customer when their author is in
 *   `options.customers`, else by an agent); `work_notes` are internal notes.
 * - **Canceled** (state 8) ends the ticket as `closed` with `toLabel` "Canceled": a resolution to core.
 *   Keep canceled incidents out of resolution KPIs with `isCanceledInServiceNow(log)` before computing
 *   them (or map "8" to a status of your own choosing).
 *
 * @param incident - the incident row
 * @param audit - its `sys_audit` rows (any order)
 * @param options - journal entries, customer user names, state map, creator
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, an unmapped state), `invalid_time`
 * (a date-time not `YYYY-MM-DD HH:MM:SS`), `invalid_argument` (comments but no `customers`), `invalid_ticket_log`
 * @example
 * const { definition } = ticketLogFromServiceNowAudit(
 *   { sys_id: "inc1", number: "INC0010001", opened_at: "2026-03-09 14:05:00", state: "6", priority: "1", contact_type: "phone" },
 *   [
 *     { fieldname: "state", oldvalue: "1", newvalue: "2", record_checkpoint: "1", sys_created_on: "2026-03-09 14:20:00" },
 *     { fieldname: "state", oldvalue: "2", newvalue: "6", record_checkpoint: "2", sys_created_on: "2026-03-09 16:00:00" },
 *   ],
 * );
 * definition.map((e) => e.type); // => ["created", "field_changed", "field_changed", "status_changed", "field_changed", "status_changed"]
 */
export function ticketLogFromServiceNowAudit(
  incident: ServiceNowIncident,
  audit: ReadonlyArray<ServiceNowAuditRow>,
  options: ServiceNowAuditOptions = {},
): ImportResult<TicketLog, ServiceNowTicketSource> {
  const row = parsePayload(IncidentSchema, incident, ["incident"], "a ServiceNow incident row");
  const rows = parsePayload(z.array(AuditSchema).max(1_000_000), audit, ["audit"], "ServiceNow sys_audit rows");
  const opts = parseOptions(OptionsSchema, options);
  const journal = parsePayload(z.array(JournalSchema).max(1_000_000), opts.journal ?? [], ["journal"], "ServiceNow journal entries");
  const statusMap = statusMapOf(SERVICENOW_STATE_MAP, opts.statusMap);
  const customers = new Set(opts.customers ?? []);
  const issues: InteropIssue[] = [];
  const openedAt = parseServiceNowDateTime(row.opened_at, ["incident", "opened_at"]);

  const ordered = rows
    .map((r, index) => ({ r, index, at: parseServiceNowDateTime(r.sys_created_on, ["audit", index, "sys_created_on"]), checkpoint: r.record_checkpoint === "" ? Number.NaN : Number(r.record_checkpoint) }))
    .sort((a, b) => (Number.isNaN(a.checkpoint) || Number.isNaN(b.checkpoint) ? 0 : a.checkpoint - b.checkpoint) || a.at - b.at || a.index - b.index);
  const initial = (field: string, current: string): string => {
    const first = ordered.find((o) => o.r.fieldname === field || (field === "state" && o.r.fieldname === "incident_state"));
    if (first === undefined) return current;
    return first.r.oldvalue === "" && first.at <= openedAt ? first.r.newvalue : first.r.oldvalue;
  };
  const stateText = initial("state", row.state !== "" ? row.state : row.incident_state);
  const priority = initial("priority", row.priority);
  const label = (state: string): string => STATE_LABELS[state] ?? state;
  let status = { status: mapStatus(statusMap, stateText === "" ? "1" : stateText, ["incident", "state"]), label: label(stateText === "" ? "1" : stateText) };
  let currentPriority: string | null = priority === "" ? null : priority;
  const log = new LogBuilder();
  const by = opts.createdBy ?? (CUSTOMER_CHANNELS.has(row.contact_type) ? "customer" : SYSTEM_CHANNELS.has(row.contact_type) ? "system" : "agent");
  log.addCreated(openedAt, {
    id: `${row.sys_id}:created`,
    type: "created",
    by,
    status: status.status,
    ...(currentPriority === null ? {} : { priority: currentPriority }),
    ...(row.contact_type === "" ? {} : { channel: row.contact_type }),
    ...(row.caller_id === undefined || row.caller_id === "" ? {} : { requester: referenceId(row.caller_id) }),
  });

  // The raw state from the start, so that encoded-query conditions on `state` hold from creation.
  if (stateText !== "") log.add(openedAt, { id: `${row.sys_id}:state`, type: "field_changed", field: "state", to: stateText });

  const message = (id: string, at: number, element: string, author: string, path: ReadonlyArray<string | number>): void => {
    if (element === "work_notes") {
      log.add(at, { id, type: "message", role: "agent", public: false, ...(author === "" ? {} : { author }) });
      return;
    }
    if (opts.customers === undefined) argumentError(["customers"], `${path.join(".")} is a customer-visible comment: pass options.customers with the user names of the caller (and anyone else writing as the customer)`);
    log.add(at, { id, type: "message", role: customers.has(author) ? "customer" : "agent", public: true, ...(author === "" ? {} : { author }) });
  };

  for (const { r, index, at } of ordered) {
    const id = `${row.sys_id}:audit:${index}`;
    const actor = r.user === "" ? {} : { actor: r.user };
    if (at <= openedAt && r.oldvalue === "" && (r.fieldname === "state" || r.fieldname === "priority" || r.fieldname === "incident_state")) continue;
    switch (r.fieldname) {
      case "state": {
        const next = { status: mapStatus(statusMap, r.newvalue, ["audit", index, "newvalue"]), label: label(r.newvalue) };
        // The raw value first: after a move to closed the log takes no more events.
        log.add(at, { id: `${id}:raw`, type: "field_changed", field: "state", to: r.newvalue, from: r.oldvalue, ...actor });
        const change = statusChange(id, status, next);
        if (change !== null) log.add(at, { ...change, ...actor });
        status = next;
        break;
      }
      case "priority":
        if (r.newvalue === "" || r.newvalue === currentPriority) break;
        log.add(at, { id, type: "priority_changed", from: currentPriority, to: r.newvalue, source: "import", ...actor });
        currentPriority = r.newvalue;
        break;
      case "assignment_group":
      case "assigned_to":
        log.add(at, { id, type: "assigned", [r.fieldname === "assignment_group" ? "group" : "agent"]: r.newvalue === "" ? null : r.newvalue, ...actor });
        break;
      case "comments":
      case "work_notes":
        message(id, at, r.fieldname, r.user, ["audit", index]);
        break;
      default:
        if (SKIPPED.has(r.fieldname)) break;
        log.add(at, { id, type: "field_changed", field: r.fieldname, to: r.newvalue, from: r.oldvalue, ...actor });
    }
  }
  journal.forEach((entry, index) => {
    if (entry.element !== "comments" && entry.element !== "work_notes") {
      issues.push({ code: "ignored_event", path: ["journal", index, "element"], message: `journal field "${entry.element}" is neither comments nor work_notes` });
      return;
    }
    const at = parseServiceNowDateTime(entry.sys_created_on, ["journal", index, "sys_created_on"]);
    message(entry.sys_id === "" ? `${row.sys_id}:journal:${index}` : entry.sys_id, at, entry.element, entry.sys_created_by, ["journal", index]);
  });
  return { definition: log.build(), source: { vendor: "servicenow", sysId: row.sys_id, number: row.number ?? null }, issues };
}

/**
 * Whether a ServiceNow ticket log (from {@link ticketLogFromServiceNowAudit}) ends canceled: its last
 * status change went to the state labelled "Canceled". Filter such tickets out before computing
 * resolution KPIs: core counts a move to `closed` as a resolution.
 *
 * @param log - a ticket log imported from ServiceNow
 * @returns `true` when the ticket was canceled
 * @example
 * const resolved = logs.filter((log) => !isCanceledInServiceNow(log));
 */
export function isCanceledInServiceNow(log: TicketLog): boolean {
  for (let i = log.length - 1; i >= 0; i--) {
    const event = log[i];
    if (event?.type === "status_changed") return event.toLabel === "Canceled";
  }
  return false;
}
