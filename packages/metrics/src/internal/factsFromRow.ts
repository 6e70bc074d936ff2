// A flat TicketRow read into TicketFacts, for the KPIs rows can answer. What a row cannot say is
// filled in the way docs/kpis.md ("KPIs from rows") states, and each result's `method` says so.
import type { CanonicalStatus } from "@supportops/core";
import type { Resolution, TicketFacts, TimelineEntry } from "../TicketFacts.js";
import type { TicketRow } from "../TicketRow.js";

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function factsFromRow(row: TicketRow, asOf: number): TicketFacts | null {
  const createdAt = Date.parse(row.created_at);
  if (createdAt > asOf) return null;
  const first = ms(row.first_resolved_at);
  const latest = ms(row.latest_resolved_at);
  const lastReopen = ms(row.last_reopened_at);
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
  const mergedAt = ms(row.merged_at);
  if (mergedAt !== null) statusTimeline.push({ at: mergedAt, value: "closed" });
  const firstReplyAt = ms(row.first_reply_at);
  const csatAt = ms(row.csat_at);
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
    responseStartAt: ms(row.response_start_at),
    firstReplyAt,
    firstAgentMessageAt: firstReplyAt,
    // Every reply known at asOf, taken as given by the first reply's time.
    replyTimes: firstReplyAt === null ? [] : new Array<number>(row.public_agent_replies).fill(firstReplyAt),
    resolutions,
    latestResolvedAt: latest,
    ratings: row.csat_score === null || csatAt === null ? [] : [{ at: csatAt, score: row.csat_score, scaleMax: row.csat_scale_max ?? 5 }],
    merged: row.merged_into === null || mergedAt === null ? null : { into: row.merged_into, at: mergedAt },
    mergedInCount: 0,
  };
}

/** What a KPI computed from rows does differently from one computed from logs (for `method`). */
export const ROWS_METHOD_NOTE =
  "from TicketRows: groups read at asOf; agent-initiated tickets and superseded ratings cannot be told; FCR counts every reply known at asOf and fails any reopen before the latest resolution whatever the window; reopen rate sees only the first and latest resolutions";
