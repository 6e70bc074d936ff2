import type { CanonicalStatus } from "@supportops/core";
import { CANONICAL_STATUSES, describeValue } from "@supportops/core";
import { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { factsOf } from "./internal/factsOf.js";
import { requireIterable } from "./internal/requireIterable.js";
import { sealRow } from "./internal/rowInstants.js";
import { canonicalMs } from "./internal/factsFromRow.js";
import { readInstant, readZone, requireObject } from "./internal/resolveOptions.js";

/**
 * One ticket as a flat row (an analyst's CSV), as known at some `asOf`; snake_case columns. Instants
 * are ISO-8601 strings in UTC (`…Z`), absent values `null`. Each column follows docs/kpis.md:
 * `response_start_at` and `first_reply_at` are SEMANTICS' response start and first reply,
 * `public_agent_replies` counts replies (public human-agent messages after the response start,
 * as docs/kpis.md defines them), `reopen_count` moves from solved back to a working status, `last_reopened_at` the latest
 * of them, `csat_*` the latest rating, `merged_into` / `merged_at` a merge of this ticket away.
 *
 * @example
 * const row: TicketRow = {
 *   id: "T-1", created_at: "2026-03-09T09:00:00.000Z", created_by: "customer", channel: "email", priority: "high",
 *   category: "billing", status: "solved", response_start_at: "2026-03-09T09:00:00.000Z", first_reply_at: "2026-03-09T09:30:00.000Z",
 *   first_resolved_at: "2026-03-09T10:00:00.000Z", latest_resolved_at: "2026-03-09T10:00:00.000Z", last_reopened_at: null,
 *   reopen_count: 0, public_agent_replies: 1, csat_score: 5, csat_scale_max: 5, csat_at: "2026-03-09T11:00:00.000Z",
 *   merged_into: null, merged_at: null,
 * };
 */
export interface TicketRow {
  readonly id: string;
  readonly created_at: string;
  readonly created_by: "customer" | "agent" | "system";
  readonly channel: string | null;
  /** The priority at `asOf`. */
  readonly priority: string | null;
  /** The category at `asOf`. */
  readonly category: string | null;
  /** The canonical status at `asOf` (`closed` once merged away). */
  readonly status: CanonicalStatus;
  readonly response_start_at: string | null;
  readonly first_reply_at: string | null;
  readonly first_resolved_at: string | null;
  readonly latest_resolved_at: string | null;
  readonly last_reopened_at: string | null;
  readonly reopen_count: number;
  readonly public_agent_replies: number;
  readonly csat_score: number | null;
  readonly csat_scale_max: number | null;
  readonly csat_at: string | null;
  readonly merged_into: string | null;
  readonly merged_at: string | null;
}

/**
 * The columns of a {@link TicketRow}, in order (a CSV header).
 *
 * @example
 * TICKET_ROW_COLUMNS[0]; // => "id"
 */
export const TICKET_ROW_COLUMNS = [
  "id",
  "created_at",
  "created_by",
  "channel",
  "priority",
  "category",
  "status",
  "response_start_at",
  "first_reply_at",
  "first_resolved_at",
  "latest_resolved_at",
  "last_reopened_at",
  "reopen_count",
  "public_agent_replies",
  "csat_score",
  "csat_scale_max",
  "csat_at",
  "merged_into",
  "merged_at",
] as const satisfies ReadonlyArray<keyof TicketRow>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Flattens ticket logs into {@link TicketRow}s as known at `asOf` (tickets created after it are left
 * out). Each row says what the log says: the same facts the KPIs read.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - `asOf`: the instant the rows describe (an instant, or a local date `"YYYY-MM-DD"`:
 *   its first instant in `timeZone`, default `"UTC"`, as in the KPI options — pass the report's zone so
 *   that rows and report mean the same instant)
 * @returns one row per ticket known at `asOf`, in input order; each row is frozen and remembers its
 *   instants, so reports over it do not parse them again (docs/kpis.md, "Per-ticket facts and flat rows")
 * @throws {@link MetricsError} `invalid_ticket_log` with the ticket's index in the path; `invalid_time` for a bad `asOf`;
 *   `invalid_time_zone` for a bad `timeZone`
 * @example
 * const [row] = ticketRowsFromLogs(
 *   [{ id: "T-1", events: [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", channel: "email" },
 *     { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *     { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   ] }],
 *   { asOf: "2026-03-10T00:00:00Z" },
 * );
 * row?.first_reply_at;       // => "2026-03-09T09:30:00.000Z"
 * row?.public_agent_replies; // => 1
 */
export function ticketRowsFromLogs(tickets: Iterable<TicketInput>, options: { readonly asOf: string | number | Date; readonly timeZone?: string }): TicketRow[] {
  const raw = requireObject(options, "ticketRowsFromLogs(tickets, { asOf, timeZone? })");
  const asOf = readInstant(raw["asOf"], readZone(raw["timeZone"], ["timeZone"]), ["asOf"]);
  const rows: TicketRow[] = [];
  let index = 0;
  for (const ticket of requireIterable(tickets)) {
    const f = factsOf(ticket, asOf, [index]);
    index += 1;
    if (f === null) continue;
    const rating = f.ratings[f.ratings.length - 1] ?? null;
    const reopens = f.resolutions.filter((r) => r.reopenedAt !== null);
    const lastReopened = reopens[reopens.length - 1]?.reopenedAt ?? null;
    const firstResolved = f.resolutions[0]?.at ?? null;
    const row: TicketRow = {
      id: f.id,
      created_at: iso(f.createdAt) as string,
      created_by: f.createdBy,
      channel: f.channel,
      priority: f.priorityTimeline[f.priorityTimeline.length - 1]?.value ?? null,
      category: f.categoryTimeline[f.categoryTimeline.length - 1]?.value ?? null,
      status: f.status,
      response_start_at: iso(f.responseStartAt),
      first_reply_at: iso(f.firstReplyAt),
      first_resolved_at: iso(firstResolved),
      latest_resolved_at: iso(f.latestResolvedAt),
      last_reopened_at: iso(lastReopened),
      reopen_count: reopens.length,
      public_agent_replies: f.replyTimes.length,
      csat_score: rating?.score ?? null,
      csat_scale_max: rating?.scaleMax ?? null,
      csat_at: iso(rating?.at ?? null),
      merged_into: f.merged?.into ?? null,
      merged_at: iso(f.merged?.at ?? null),
    };
    rows.push(
      sealRow(row, {
        created: f.createdAt,
        responseStart: f.responseStartAt,
        firstReply: f.firstReplyAt,
        firstResolved,
        latestResolved: f.latestResolvedAt,
        lastReopened,
        csat: rating?.at ?? null,
        merged: f.merged?.at ?? null,
      }),
    );
  }
  return rows;
}

/**
 * One problem with one row: its number (1-based, as a spreadsheet counts data rows), the column and
 * what is wrong.
 *
 * @example
 * const problem: TicketRowProblem = { row: 3, column: "created_at", message: "expected an ISO-8601 instant with an offset or Z" };
 */
export interface TicketRowProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/**
 * What {@link readTicketRows} returns: the good rows (typed) and every problem of the bad ones.
 *
 * @example
 * const result: ReadTicketRowsResult = readTicketRows([]);
 * result; // => { rows: [], problems: [] }
 */
export interface ReadTicketRowsResult {
  readonly rows: ReadonlyArray<TicketRow>;
  readonly problems: ReadonlyArray<TicketRowProblem>;
}

const CREATORS = ["customer", "agent", "system"];
const INSTANT_COLUMNS = ["created_at", "response_start_at", "first_reply_at", "first_resolved_at", "latest_resolved_at", "last_reopened_at", "csat_at", "merged_at"] as const;

/**
 * Reads and validates rows (parsed CSV records, every value a string, or objects): each row is
 * checked column by column — types, canonical statuses, instants with an offset, counts, a CSAT
 * score within its scale, and the order of its instants — and a bad row is reported with every
 * problem it has, while the good rows are kept. Empty strings read as `null`; instants are written
 * back as `Date#toISOString` writes them.
 *
 * @param records - the rows, e.g. the records of a CSV parser with a header line
 * @returns `{ rows, problems }`; the rows are new objects, frozen, each remembering the instants it
 *   was read from, so reports over them do not parse them again (edit a copy: `{ ...row }`)
 * @throws {@link MetricsError} `invalid_argument` when `records` is not iterable
 * @example
 * const { rows, problems } = readTicketRows([
 *   { id: "T-1", created_at: "2026-03-09T09:00:00Z", created_by: "customer", status: "new", reopen_count: "0", public_agent_replies: "0" },
 *   { id: "T-2", created_at: "yesterday", created_by: "customer", status: "new", reopen_count: "0", public_agent_replies: "0" },
 * ]);
 * rows.length; // => 1
 * problems;    // => [{ row: 2, column: "created_at", message: "expected an ISO-8601 instant with an offset or Z, got \"yesterday\"" }]
 */
export function readTicketRows(records: Iterable<unknown>): ReadTicketRowsResult {
  const rows: TicketRow[] = [];
  const problems: TicketRowProblem[] = [];
  let number = 0;
  for (const record of requireIterable(records)) {
    number += 1;
    const found: TicketRowProblem[] = [];
    const problem = (column: string, message: string): void => {
      found.push({ row: number, column, message });
    };
    if (typeof record !== "object" || record === null) {
      problems.push({ row: number, column: "", message: "expected an object of columns" });
      continue;
    }
    const r = record as Record<string, unknown>;
    const text = (column: string, required: boolean): string | null => {
      const value = r[column];
      if (value === undefined || value === null || value === "") {
        if (required) problem(column, "is required");
        return null;
      }
      if (typeof value !== "string") {
        problem(column, `expected text, got ${describeValue(value)}`);
        return null;
      }
      return value;
    };
    const count = (column: string, required: boolean): number | null => {
      const value = r[column];
      if (value === undefined || value === null || value === "") {
        if (required) problem(column, "is required");
        return null;
      }
      const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < 0) {
        problem(column, `expected a whole number ≥ 0, got ${describeValue(value)}`);
        return null;
      }
      return n;
    };
    const instants: Partial<Record<(typeof INSTANT_COLUMNS)[number], number | null>> = {};
    // The columns already in the form the row is written in (`Date#toISOString`'s), kept as given.
    const written: Partial<Record<(typeof INSTANT_COLUMNS)[number], string>> = {};
    for (const column of INSTANT_COLUMNS) {
      const value = text(column, column === "created_at");
      instants[column] = null;
      if (value === null) continue;
      const canonical = canonicalMs(value);
      if (canonical !== undefined && canonical !== null) {
        instants[column] = canonical;
        written[column] = value;
        continue;
      }
      if (!/(Z|[+-]\d\d:?\d\d)$/i.test(value)) {
        problem(column, `expected an ISO-8601 instant with an offset or Z, got ${JSON.stringify(value)}`);
        continue;
      }
      try {
        instants[column] = readInstant(value, "UTC", [column]);
      } catch (error) {
        if (!(error instanceof MetricsError)) throw error;
        problem(column, error.issues[0].message);
      }
    }
    const id = text("id", true);
    const createdBy = text("created_by", true);
    if (createdBy !== null && !CREATORS.includes(createdBy)) problem("created_by", `expected one of ${CREATORS.join(", ")}, got ${JSON.stringify(createdBy)}`);
    const status = text("status", true);
    if (status !== null && !(CANONICAL_STATUSES as ReadonlyArray<string>).includes(status)) problem("status", `expected a canonical status (${CANONICAL_STATUSES.join(", ")}), got ${JSON.stringify(status)}`);
    const reopenCount = count("reopen_count", true);
    const replies = count("public_agent_replies", true);
    const score = count("csat_score", false);
    const scaleMax = count("csat_scale_max", false);
    if (score !== null && (score < 1 || score > (scaleMax ?? 5))) problem("csat_score", `expected a score from 1 to ${scaleMax ?? 5}`);
    if ((score === null) !== (instants.csat_at === null)) problem("csat_at", "a rating has both csat_score and csat_at, or neither");
    const created = instants.created_at ?? null;
    for (const column of INSTANT_COLUMNS) {
      const at = instants[column];
      if (column !== "created_at" && created !== null && at !== null && at !== undefined && at < created) problem(column, "is before created_at");
    }
    const mergedInto = text("merged_into", false);
    if ((mergedInto === null) !== (instants.merged_at === null)) problem("merged_at", "a merge has both merged_into and merged_at, or neither");
    // The order the definitions imply: a reply is at or after the response start; the latest
    // resolution is at or after the first, and a resolved ticket has both.
    const start = instants.response_start_at ?? null;
    const reply = instants.first_reply_at ?? null;
    if (reply !== null && start === null) problem("first_reply_at", "a first reply needs a response_start_at (a reply is a public agent message at or after the response start)");
    if (reply !== null && start !== null && reply < start) problem("first_reply_at", "is before response_start_at (a reply is a public agent message at or after the response start)");
    const firstResolved = instants.first_resolved_at ?? null;
    const latestResolved = instants.latest_resolved_at ?? null;
    if ((firstResolved === null) !== (latestResolved === null)) problem("latest_resolved_at", "a resolved ticket has both first_resolved_at and latest_resolved_at, or neither");
    if (firstResolved !== null && latestResolved !== null && latestResolved < firstResolved) problem("latest_resolved_at", "is before first_resolved_at");
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const row: TicketRow = {
      id: id as string,
      created_at: written.created_at ?? new Date(created as number).toISOString(),
      created_by: createdBy as TicketRow["created_by"],
      channel: text("channel", false),
      priority: text("priority", false),
      category: text("category", false),
      status: status as CanonicalStatus,
      response_start_at: written.response_start_at ?? iso(start),
      first_reply_at: written.first_reply_at ?? iso(reply),
      first_resolved_at: written.first_resolved_at ?? iso(firstResolved),
      latest_resolved_at: written.latest_resolved_at ?? iso(latestResolved),
      last_reopened_at: written.last_reopened_at ?? iso(instants.last_reopened_at ?? null),
      reopen_count: reopenCount as number,
      public_agent_replies: replies as number,
      csat_score: score,
      csat_scale_max: score === null ? null : (scaleMax ?? 5),
      csat_at: written.csat_at ?? iso(instants.csat_at ?? null),
      merged_into: mergedInto,
      merged_at: written.merged_at ?? iso(instants.merged_at ?? null),
    };
    rows.push(
      sealRow(row, {
        created: created as number,
        responseStart: start,
        firstReply: reply,
        firstResolved,
        latestResolved,
        lastReopened: instants.last_reopened_at ?? null,
        csat: instants.csat_at ?? null,
        merged: instants.merged_at ?? null,
      }),
    );
  }
  return { rows, problems };
}


/**
 * {@link readTicketRows}, all or nothing: the rows when every one is good, else a
 * {@link MetricsError} `invalid_ticket_row` listing every problem (path `[rowNumber, column]`).
 *
 * @param records - the rows
 * @returns the typed rows, frozen and remembering their instants, as {@link readTicketRows} returns them
 * @throws {@link MetricsError} `invalid_ticket_row`
 * @example
 * try {
 *   parseTicketRows([{ id: "T-1", created_at: "2026-03-09T09:00:00Z", created_by: "robot", status: "new", reopen_count: "0", public_agent_replies: "0" }]);
 * } catch (error) {
 *   (error as MetricsError).issues[0].path; // => [1, "created_by"]
 * }
 */
export function parseTicketRows(records: Iterable<unknown>): ReadonlyArray<TicketRow> {
  const { rows, problems } = readTicketRows(records);
  if (problems.length > 0) {
    throw new MetricsError("invalid_ticket_row", problems.map((p) => ({ code: "invalid_ticket_row" as const, path: [p.row, p.column], message: p.message })));
  }
  return rows;
}
