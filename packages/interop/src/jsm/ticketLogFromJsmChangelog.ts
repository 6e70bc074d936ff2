import type { CanonicalStatus, TicketLog } from "@supportops/core";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { parseOptions, parsePayload } from "../internal/payload.js";
import { LogBuilder, mapStatus, statusChange, statusMapOf } from "../internal/ticketLog.js";
import { parseVendorIso } from "../internal/vendorTime.js";

/**
 * Jira Service Management's usual status names and the canonical status each maps to by default.
 * "Closed" (and "Done", "Canceled", "Declined") map to `solved`, not `closed`: a JSM request can leave
 * them again, and core's `closed` is terminal. Add your workflow's names with `statusMap`.
 *
 * @example
 * JSM_STATUS_MAP["Waiting for customer"]; // => "pending"
 */
export const JSM_STATUS_MAP: Readonly<Record<string, CanonicalStatus>> = Object.freeze({
  Open: "open",
  "To Do": "open",
  New: "new",
  "Waiting for support": "open",
  "In Progress": "open",
  "Work in progress": "open",
  Escalated: "open",
  "Waiting for customer": "pending",
  Pending: "pending",
  "Waiting for approval": "on_hold",
  Resolved: "solved",
  Done: "solved",
  Closed: "solved",
  Canceled: "solved",
  Cancelled: "solved",
  Declined: "solved",
});

/**
 * The issue fields the importer reads (from `GET /rest/api/3/issue/{key}`): creation, reporter, the
 * current status and priority (the starting values when the changelog never changed them).
 *
 * @example
 * const issue: JsmIssue = { key: "SUP-7", fields: { created: "2026-03-09T09:00:00.000+0900", reporter: { accountId: "c1" }, status: { name: "Waiting for support" }, priority: { name: "High" } } };
 */
export interface JsmIssue {
  readonly key: string;
  readonly fields: {
    readonly created: string;
    readonly reporter?: { readonly accountId: string } | null;
    readonly status?: { readonly name: string } | null;
    readonly priority?: { readonly name: string } | null;
  };
}

/**
 * One changelog entry (`GET /rest/api/3/issue/{key}/changelog`, the page's `values`).
 *
 * @example
 * const entry: JsmChangelogEntry = { id: "10001", author: { accountId: "a1" }, created: "2026-03-09T10:19:20.978+0900", items: [{ field: "status", fieldId: "status", from: "1", fromString: "Waiting for support", to: "3", toString: "In Progress" }] };
 */
export interface JsmChangelogEntry {
  readonly id: string;
  readonly author?: { readonly accountId?: string } | null;
  readonly created: string;
  readonly items: ReadonlyArray<{ readonly field: string; readonly fieldId?: string; readonly fieldtype?: string; readonly from?: string | null; readonly fromString?: string | null; readonly to?: string | null; readonly toString?: string | null }>;
}

/**
 * A request comment with its visibility: `jsdPublic` (Jira's comment resource) or `public` (the
 * service-desk request comment resource).
 *
 * @example
 * const comment: JsmComment = { id: "c1", author: { accountId: "a1" }, created: "2026-03-09T10:30:00.000+0900", jsdPublic: true };
 */
export interface JsmComment {
  readonly id: string;
  readonly author?: { readonly accountId?: string } | null;
  readonly created: string | { readonly epochMillis: number };
  readonly jsdPublic?: boolean;
  readonly public?: boolean;
}

/**
 * Options of {@link ticketLogFromJsmChangelog}.
 *
 * @example
 * const options: JsmChangelogOptions = { comments: [], statusMap: { Triage: "new" } };
 */
export interface JsmChangelogOptions {
  readonly comments?: ReadonlyArray<JsmComment>;
  /** Status names mapped onto canonical statuses, over {@link JSM_STATUS_MAP}. */
  readonly statusMap?: Readonly<Record<string, CanonicalStatus>>;
  /** Account ids writing as the customer besides the reporter. */
  readonly customers?: ReadonlyArray<string>;
}

const OptionsSchema = z.object({ comments: z.unknown().optional(), statusMap: z.record(z.string(), z.string()).optional(), customers: z.array(z.string()).optional() });

const IssueSchema = z.object({
  key: z.string().min(1),
  fields: z.object({
    created: z.string(),
    reporter: z.object({ accountId: z.string() }).nullable().optional(),
    status: z.object({ name: z.string() }).nullable().optional(),
    priority: z.object({ name: z.string() }).nullable().optional(),
  }),
});
const EntrySchema = z.object({
  id: z.string(),
  author: z.object({ accountId: z.string().optional() }).nullable().optional(),
  created: z.string(),
  items: z.array(
    z.object({
      field: z.string(),
      fieldId: z.string().optional(),
      fieldtype: z.string().optional(),
      from: z.string().nullable().optional(),
      fromString: z.string().nullable().optional(),
      to: z.string().nullable().optional(),
      toString: z.string().nullable().optional(),
    }),
  ),
});
const CommentSchema = z.object({
  id: z.string(),
  author: z.object({ accountId: z.string().optional() }).nullable().optional(),
  created: z.union([z.string(), z.object({ epochMillis: z.number().int() })]),
  jsdPublic: z.boolean().optional(),
  public: z.boolean().optional(),
});

/**
 * A core ticket event log from a JSM issue, its changelog and (optionally) its comments.
 * Time stamps are read strictly, with Jira's colon-less offsets (`+0900`) and milliseconds.
 *
 * - `created` at the issue's creation, by the customer (a JSM request is raised by its reporter), with
 *   the first status and priority (the `fromString` of their first change, else the current value).
 * - `status` items → `status_changed` by status name through the status map (names kept as labels);
 *   `priority` → `priority_changed` (names); `assignee` → `assigned` (account ids); every other item →
 *   `field_changed` under its `fieldId` (or `field`) with the new id or value and its display string in
 *   the event's `meta`.
 * - Comments: public (`jsdPublic` / `public`, default true) or internal; by the customer when the author
 *   is the reporter or in `customers`, else by an agent.
 *
 * @param issue - the issue (`key`, `fields.created`, `reporter`, `status`, `priority`)
 * @param changelog - the changelog page (`{ values }`) or its entries
 * @param options - comments, status map, customer accounts
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, an unmapped status), `invalid_time`, `invalid_ticket_log`
 * @example
 * const { definition } = ticketLogFromJsmChangelog(
 *   { key: "SUP-7", fields: { created: "2026-03-09T09:00:00.000+0900", reporter: { accountId: "c1" }, status: { name: "Resolved" }, priority: { name: "High" } } },
 *   { values: [{ id: "1", created: "2026-03-09T11:00:00.000+0900", items: [{ field: "status", from: "1", fromString: "Waiting for support", to: "5", toString: "Resolved" }] }] },
 * );
 * definition.map((e) => e.type); // => ["created", "status_changed"]
 */
export function ticketLogFromJsmChangelog(
  issue: JsmIssue,
  changelog: ReadonlyArray<JsmChangelogEntry> | { readonly values: ReadonlyArray<JsmChangelogEntry> },
  options: JsmChangelogOptions = {},
): ImportResult<TicketLog, { readonly vendor: "jsm"; readonly key: string }> {
  const parsedIssue = parsePayload(IssueSchema, issue, ["issue"], "a Jira issue");
  const wrapped = changelog !== null && typeof changelog === "object" && !Array.isArray(changelog) && "values" in changelog;
  const base = wrapped ? ["changelog", "values"] : ["changelog"];
  const entries = parsePayload(z.array(EntrySchema).max(100_000), wrapped ? (changelog as { values: unknown }).values : changelog, base, "a Jira changelog");
  const opts = parseOptions(OptionsSchema, options);
  const comments = parsePayload(z.array(CommentSchema).max(100_000), opts.comments ?? [], ["comments"], "Jira comments");
  const statusMap = statusMapOf(JSM_STATUS_MAP, opts.statusMap);
  const reporter = parsedIssue.fields.reporter?.accountId ?? null;
  const customers = new Set([...(opts.customers ?? []), ...(reporter === null ? [] : [reporter])]);
  const issues: InteropIssue[] = [];
  const createdAt = parseVendorIso(parsedIssue.fields.created, ["issue", "fields", "created"]);

  const timed = entries.map((entry, index) => ({ entry, index, at: parseVendorIso(entry.created, [...base, index, "created"]) })).sort((a, b) => a.at - b.at || a.index - b.index);
  const firstOf = (field: string): string | null => {
    for (const { entry } of timed) for (const item of entry.items) if (item.field === field) return item.fromString ?? null;
    return null;
  };
  const startStatus = firstOf("status") ?? parsedIssue.fields.status?.name ?? "Open";
  let status = { status: mapStatus(statusMap, startStatus, ["issue", "fields", "status", "name"]), label: startStatus };
  let priority = firstOf("priority") ?? parsedIssue.fields.priority?.name ?? null;
  const log = new LogBuilder();
  log.addCreated(createdAt, {
    id: `${parsedIssue.key}:created`,
    type: "created",
    by: "customer",
    status: status.status,
    ...(priority === null ? {} : { priority }),
    ...(reporter === null ? {} : { requester: reporter, actor: reporter }),
  });
  for (const { entry, index, at } of timed) {
    const actor = entry.author?.accountId === undefined ? {} : { actor: entry.author.accountId };
    entry.items.forEach((item, i) => {
      const id = `${parsedIssue.key}:${entry.id}:${i}`;
      const path = [...base, index, "items", i];
      switch (item.field) {
        case "status": {
          const label = item.toString ?? item.to ?? "";
          const next = { status: mapStatus(statusMap, label, [...path, "toString"]), label };
          const change = statusChange(id, status, next);
          if (change !== null) log.add(at, { ...change, ...actor });
          status = next;
          return;
        }
        case "priority": {
          const to = item.toString ?? null;
          if (to === null || to === "" || to === priority) return;
          log.add(at, { id, type: "priority_changed", from: priority, to, source: "import", ...actor });
          priority = to;
          return;
        }
        case "assignee":
          log.add(at, { id, type: "assigned", agent: item.to ?? null, ...actor });
          return;
        default:
          log.add(at, {
            id,
            type: "field_changed",
            field: item.fieldId ?? item.field,
            to: item.to ?? item.toString ?? null,
            ...(item.from === undefined && item.fromString === undefined ? {} : { from: item.from ?? item.fromString ?? null }),
            ...actor,
            meta: { toString: item.toString ?? null, fromString: item.fromString ?? null },
          });
      }
    });
  }
  comments.forEach((comment, index) => {
    const at = typeof comment.created === "string" ? parseVendorIso(comment.created, ["comments", index, "created"]) : comment.created.epochMillis;
    const author = comment.author?.accountId;
    log.add(at, {
      id: `${parsedIssue.key}:comment:${comment.id}`,
      type: "message",
      role: author !== undefined && customers.has(author) ? "customer" : "agent",
      public: comment.jsdPublic ?? comment.public ?? true,
      ...(author === undefined ? {} : { author }),
    });
  });
  return { definition: log.build(), source: { vendor: "jsm", key: parsedIssue.key }, issues };
}
