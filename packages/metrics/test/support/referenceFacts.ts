// The reference for the lean reader (src/internal/factsOf.ts): every log through core's
// parseTicketLog first, then its facts read from the parsed events in plain code. This is the
// implementation the lean reader replaced, kept here as the oracle it must agree with.
import { parseTicketLog, rethrowAs, type CanonicalStatus, type IssuePath, type TicketEvent } from "@supportops/core";
import { MetricsError, type TicketFacts, type TicketInput } from "@supportops/metrics";
type TimelineEntry<T> = { at: number; value: T };
type Rating = TicketFacts["ratings"][number];

const isResolvedStatus = (status: CanonicalStatus): boolean => status === "solved" || status === "closed";

/** The worker behind `computeTicketFacts`, for an `asOf` already in epoch ms; `null` for a ticket created after it. */
export function referenceFacts(ticket: TicketInput, asOf: number, path: IssuePath): TicketFacts | null {
  if (typeof ticket !== "object" || ticket === null) {
    throw new MetricsError("invalid_argument", [{ code: "invalid_type", path, message: "expected a ticket { id, events }" }]);
  }
  if (typeof ticket.id !== "string" || ticket.id === "") {
    throw new MetricsError("invalid_argument", [{ code: "invalid_id", path: [...path, "id"], message: "a ticket needs its own id, a non-empty string (the one merged.into names)" }]);
  }
  const events = rethrowAs(MetricsError, () => parseTicketLog(ticket.events), [...path, "events"], "invalid_ticket_log");
  const created = events[0] as Extract<TicketEvent, { type: "created" }>;
  const createdAt = created.at;
  if (createdAt > asOf) return null;

  let status: CanonicalStatus = created.status ?? "new";
  const statusTimeline: Array<TimelineEntry<CanonicalStatus>> = [{ at: createdAt, value: status }];
  const priorityTimeline: Array<TimelineEntry<string | null>> = [{ at: createdAt, value: created.priority ?? null }];
  const categoryTimeline: Array<TimelineEntry<string | null>> = [{ at: createdAt, value: created.category ?? null }];
  const resolutions: Array<{ at: number; reopenedAt: number | null }> = isResolvedStatus(status) ? [{ at: createdAt, reopenedAt: null }] : [];
  let responseStartAt: number | null = created.by === "agent" ? null : createdAt;
  const agentPublic: number[] = [];
  const replyTimes: number[] = [];
  const ratings: Rating[] = [];
  let merged: TicketFacts["merged"] = null;

  const setStatus = (at: number, to: CanonicalStatus): void => {
    const was = isResolvedStatus(status);
    const now = isResolvedStatus(to);
    if (!was && now) resolutions.push({ at, reopenedAt: null });
    // A reopen is a move out of a resolved status back to a working one.
    if (was && !now) {
      const last = resolutions[resolutions.length - 1];
      if (last !== undefined && last.reopenedAt === null) last.reopenedAt = at;
    }
    status = to;
    statusTimeline.push({ at, value: to });
  };

  for (let i = 1; i < events.length; i++) {
    const event = events[i] as TicketEvent;
    if (event.at > asOf) break;
    switch (event.type) {
      case "message":
        if (event.role === "customer") responseStartAt ??= event.at;
        else if (event.role === "agent" && event.public) {
          agentPublic.push(event.at);
          // A reply answers someone waiting: it comes after the response start in the log (an agent
          // message logged before the customer's first message, even at the same instant, is not one).
          if (responseStartAt !== null) replyTimes.push(event.at);
        }
        break;
      case "status_changed":
        setStatus(event.at, event.to);
        break;
      case "priority_changed":
        priorityTimeline.push({ at: event.at, value: event.to });
        break;
      case "category_changed":
        categoryTimeline.push({ at: event.at, value: event.to });
        break;
      case "satisfaction_rated":
        ratings.push({ at: event.at, score: event.score, scaleMax: event.scaleMax });
        break;
      case "merged":
        merged = { into: event.into, at: event.at };
        // Merged away = closed at the merge instant.
        if (status !== "closed") setStatus(event.at, "closed");
        break;
      default:
        break;
    }
  }
  const latest = resolutions[resolutions.length - 1];
  return Object.freeze({
    id: ticket.id,
    asOf,
    createdAt,
    createdBy: created.by,
    channel: created.channel ?? null,
    priorityTimeline: Object.freeze(priorityTimeline.map((e) => Object.freeze(e))),
    categoryTimeline: Object.freeze(categoryTimeline.map((e) => Object.freeze(e))),
    statusTimeline: Object.freeze(statusTimeline.map((e) => Object.freeze(e))),
    status,
    responseStartAt,
    firstReplyAt: replyTimes[0] ?? null,
    firstAgentMessageAt: agentPublic[0] ?? null,
    replyTimes: Object.freeze(replyTimes),
    resolutions: Object.freeze(resolutions.map((r) => Object.freeze(r))),
    latestResolvedAt: latest === undefined ? null : latest.at,
    ratings: Object.freeze(ratings.map((r) => Object.freeze(r))),
    merged: merged === null ? null : Object.freeze(merged),
    mergedInCount: 0,
  });
}

