// A flat TicketRow read into TicketFacts, for the KPIs rows can answer. What a row cannot say is
// filled in the way docs/kpis.md ("KPIs from rows") states, and each result's `method` says so.
import type { CanonicalStatus } from "@supportops/core";
import type { Resolution, TicketFacts, TimelineEntry } from "../TicketFacts.js";
import type { TicketRow } from "../TicketRow.js";
import { sealedInstantsOf } from "./rowInstants.js";

/** A row's instants in epoch ms (`null` for an empty column). */
export interface RowInstants {
  readonly created: number;
  readonly responseStart: number | null;
  readonly firstReply: number | null;
  readonly firstResolved: number | null;
  readonly latestResolved: number | null;
  readonly lastReopened: number | null;
  readonly csat: number | null;
  readonly merged: number | null;
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * The facts of a row already checked by `readTicketRows`, every instant read with `Date.parse`: the
 * plain reading that the tests hold the library's paths to (remembered instants, the fast reader,
 * `Engine.addRow`); the library itself reads rows through {@link readCanonicalRow}.
 */
export function factsFromRow(row: TicketRow, asOf: number): TicketFacts | null {
  return factsOfInstants(row, asOf, {
    created: Date.parse(row.created_at),
    responseStart: ms(row.response_start_at),
    firstReply: ms(row.first_reply_at),
    firstResolved: ms(row.first_resolved_at),
    latestResolved: ms(row.latest_resolved_at),
    lastReopened: ms(row.last_reopened_at),
    csat: ms(row.csat_at),
    merged: ms(row.merged_at),
  });
}

function factsOfInstants(row: TicketRow, asOf: number, t: RowInstants): TicketFacts | null {
  const createdAt = t.created;
  if (createdAt > asOf) return null;
  const first = t.firstResolved;
  const latest = t.latestResolved;
  const lastReopen = t.lastReopened;
  const resolutions: Resolution[] = [];
  if (first !== null && latest !== null) {
    // Reopens between the first and the latest resolution have no time in a row: the first
    // resolution is taken as reopened at once (within any window).
    if (first !== latest) resolutions.push({ at: first, reopenedAt: first });
    resolutions.push({ at: latest, reopenedAt: lastReopen !== null && lastReopen > latest ? lastReopen : null });
  }
  const statusTimeline: Array<TimelineEntry<CanonicalStatus>> = [{ at: createdAt, value: "new" }];
  for (const r of resolutions) {
    statusTimeline.push({ at: r.at, value: "solved" });
    if (r.reopenedAt !== null) statusTimeline.push({ at: r.reopenedAt, value: "open" });
  }
  const mergedAt = t.merged;
  if (mergedAt !== null) statusTimeline.push({ at: mergedAt, value: "closed" });
  const firstReplyAt = t.firstReply;
  const csatAt = t.csat;
  return {
    id: row.id,
    asOf,
    createdAt,
    createdBy: row.created_by,
    channel: row.channel,
    priorityTimeline: [{ at: createdAt, value: row.priority }],
    categoryTimeline: [{ at: createdAt, value: row.category }],
    statusTimeline,
    status: row.status,
    responseStartAt: t.responseStart,
    firstReplyAt,
    firstAgentMessageAt: firstReplyAt,
    // Every reply known at asOf, taken as given by the first reply's time. Only none, one or more
    // than one matters (first contact resolution), so at most two are listed: a row may claim any count.
    replyTimes: firstReplyAt === null ? [] : new Array<number>(Math.min(row.public_agent_replies, 2)).fill(firstReplyAt),
    resolutions,
    latestResolvedAt: latest,
    ratings: row.csat_score === null || csatAt === null ? [] : [{ at: csatAt, score: row.csat_score, scaleMax: row.csat_scale_max ?? 5 }],
    merged: row.merged_into === null || mergedAt === null ? null : { into: row.merged_into, at: mergedAt },
    mergedInCount: 0,
  };
}

const CREATORS = new Set<unknown>(["customer", "agent", "system"]);
const CANONICAL = new Set<unknown>(["new", "open", "pending", "on_hold", "solved", "closed"]);

/** Not the form `parseTicketRows` writes: the caller takes the general reader. */
const UNSURE = undefined;

/**
 * The facts of a row exactly as `parseTicketRows` writes it (every column present, instants as
 * `toISOString` writes them, counts as numbers) that `readTicketRows` would accept, read without its
 * general machinery; `undefined` for any other row, which the caller then reads (and reports) the
 * general way. Accepts no row `readTicketRows` rejects and gives the same facts (tested).
 */
export function readCanonicalRow(row: TicketRow, asOf: number): TicketFacts | null | undefined {
  const instants = sealedInstantsOf(row) ?? canonicalInstantsOf(row);
  return instants === UNSURE ? UNSURE : factsOfInstants(row, asOf, instants);
}

/**
 * The instants of a row exactly as `parseTicketRows` writes it, checked as {@link readCanonicalRow}
 * checks the row; `undefined` for any other row (for the general reader to read and report).
 */
export function canonicalInstantsOf(row: TicketRow): RowInstants | undefined {
  const r = row as unknown as Record<string, unknown>;
  if (typeof r["id"] !== "string" || r["id"] === "") return UNSURE;
  if (!CREATORS.has(r["created_by"]) || !CANONICAL.has(r["status"])) return UNSURE;
  if (!isText(r["channel"]) || !isText(r["priority"]) || !isText(r["category"]) || !isText(r["merged_into"])) return UNSURE;
  const reopenCount = r["reopen_count"];
  const replies = r["public_agent_replies"];
  if (!isCount(reopenCount) || !isCount(replies)) return UNSURE;
  const score = r["csat_score"];
  const scaleMax = r["csat_scale_max"];
  if (score === null) {
    if (scaleMax !== null) return UNSURE;
  } else if (!isCount(score) || !isCount(scaleMax) || score < 1 || score > scaleMax) return UNSURE;
  // A column with the same text as the one before it (the response start is mostly the creation, the
  // latest resolution mostly the first) is the same instant: read once.
  const createdText = r["created_at"];
  const created = canonicalMs(createdText);
  if (created === UNSURE || created === null) return UNSURE;
  const responseStartText = r["response_start_at"];
  const responseStart = responseStartText === createdText ? created : canonicalMs(responseStartText);
  const firstReply = canonicalMs(r["first_reply_at"]);
  const firstResolvedText = r["first_resolved_at"];
  const firstResolved = canonicalMs(firstResolvedText);
  const latestResolvedText = r["latest_resolved_at"];
  const latestResolved = latestResolvedText === firstResolvedText ? firstResolved : canonicalMs(latestResolvedText);
  const lastReopened = canonicalMs(r["last_reopened_at"]);
  const csat = canonicalMs(r["csat_at"]);
  const merged = canonicalMs(r["merged_at"]);
  if (responseStart === UNSURE || firstReply === UNSURE || firstResolved === UNSURE || latestResolved === UNSURE || lastReopened === UNSURE || csat === UNSURE || merged === UNSURE) {
    return UNSURE;
  }
  // No instant before creation; a rating and a merge each have both columns or neither.
  if (before(responseStart, created) || before(firstReply, created) || before(firstResolved, created) || before(latestResolved, created)) return UNSURE;
  if (before(lastReopened, created) || before(csat, created) || before(merged, created)) return UNSURE;
  if ((score === null) !== (csat === null) || (r["merged_into"] === null) !== (merged === null)) return UNSURE;
  // A reply at or after the response start; both resolutions or neither, the latest not before the first.
  if (firstReply !== null && (responseStart === null || firstReply < responseStart)) return UNSURE;
  if ((firstResolved === null) !== (latestResolved === null) || (firstResolved !== null && (latestResolved as number) < firstResolved)) return UNSURE;
  return { created, responseStart, firstReply, firstResolved, latestResolved, lastReopened, csat, merged };
}

const before = (at: number | null, created: number): boolean => at !== null && at < created;
const isText = (value: unknown): boolean => value === null || (typeof value === "string" && value !== "");
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An instant as `Date#toISOString` writes it (`YYYY-MM-DDTHH:MM:SS.sssZ`, years 1000–9999) in epoch
 * ms, `null` for `null`, `undefined` for anything else.
 */
export function canonicalMs(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value !== "string" || value.length !== 24) return UNSURE;
  const s = value;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) {
    return UNSURE;
  }
  // The seventeen digits, each read once: d is a digit when both d and d + 6 fit in four bits.
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const mo0 = s.charCodeAt(5) - 48;
  const mo1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  const h0 = s.charCodeAt(11) - 48;
  const h1 = s.charCodeAt(12) - 48;
  const mi0 = s.charCodeAt(14) - 48;
  const mi1 = s.charCodeAt(15) - 48;
  const s0 = s.charCodeAt(17) - 48;
  const s1 = s.charCodeAt(18) - 48;
  const ms0 = s.charCodeAt(20) - 48;
  const ms1 = s.charCodeAt(21) - 48;
  const ms2 = s.charCodeAt(22) - 48;
  const low = y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1 | ms0 | ms1 | ms2;
  const high = (y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (mo0 + 6) | (mo1 + 6) | (d0 + 6) | (d1 + 6) | (h0 + 6) | (h1 + 6) | (mi0 + 6) | (mi1 + 6) | (s0 + 6) | (s1 + 6) | (ms0 + 6) | (ms1 + 6) | (ms2 + 6);
  if ((low | high) >>> 4 !== 0) return UNSURE;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return UNSURE;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (DAYS_IN_MONTH[month - 1] as number) + (month === 2 && leap ? 1 : 0)) return UNSURE;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms0 * 100 + ms1 * 10 + ms2;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; Date.UTC without its cost). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** What a KPI computed from rows does differently from one computed from logs (for `method`). */
export const ROWS_METHOD_NOTE =
  "from TicketRows: groups read at asOf; agent-initiated tickets and superseded ratings cannot be told; FCR counts every reply known at asOf and fails any reopen before the latest resolution whatever the window; reopen rate sees only the first and latest resolutions";
