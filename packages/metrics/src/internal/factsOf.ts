// The lean path from a ticket's log to its facts: one pass over the raw events that checks each
// event as it reads it and collects the facts known at asOf, allocating nothing per event. It only
// vouches for the common forms of events: anything it is unsure about (an ISO `at`, `meta`, a rare
// event type, any fault at all) sends the whole log to core's `parseTicketLog`, which either throws
// the error it always throws or returns the parsed log, read by the same collector. So this path may
// refuse anything but must never accept a log core rejects, and gives exactly the facts core's parse
// would (test/internal/factsOf.property.test.ts compares the two on generated and damaged logs).
import { isTicketLog, parseTicketLog, rethrowAs, type CanonicalStatus, type IssuePath } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";
import type { Rating, TicketFacts, TicketInput, TimelineEntry } from "../TicketFacts.js";

const isResolvedStatus = (status: CanonicalStatus): boolean => status === "solved" || status === "closed";

/** The largest absolute epoch-millisecond value a `Date` holds (as core's instant rules have it). */
const DATE_LIMIT_MS = 8_640_000_000_000_000;

const CANONICAL = new Set<unknown>(["new", "open", "pending", "on_hold", "solved", "closed"]);
const CREATORS = new Set<unknown>(["customer", "agent", "system"]);
const ROLES = new Set<unknown>(["customer", "agent", "bot", "system"]);
const LEVEL_SOURCES = new Set<unknown>(["matrix", "manual", "rule", "import"]);

const isNonEmpty = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isNullOrNonEmpty = (value: unknown): value is string | null => value === null || (typeof value === "string" && value.length > 0);

/** Not sure: the caller hands the log to core's parser. */
const UNSURE = undefined;

/** Mutable while one log is read; handed out as a `TicketFacts`. */
interface Draft {
  id: string;
  asOf: number;
  createdAt: number;
  createdBy: "customer" | "agent" | "system";
  channel: string | null;
  priorityTimeline: Array<TimelineEntry<string | null>>;
  categoryTimeline: Array<TimelineEntry<string | null>>;
  statusTimeline: Array<TimelineEntry<CanonicalStatus>>;
  status: CanonicalStatus;
  responseStartAt: number | null;
  firstReplyAt: number | null;
  firstAgentMessageAt: number | null;
  replyTimes: number[];
  resolutions: Array<{ at: number; reopenedAt: number | null }>;
  latestResolvedAt: number | null;
  ratings: Rating[];
  merged: { readonly into: string; readonly at: number } | null;
  mergedInCount: number;
}

/**
 * The worker behind `computeTicketFacts` and the accumulators, for an `asOf` already in epoch ms;
 * `null` for a ticket created after it. The whole log is validated whatever `asOf` is, with core's
 * errors (`invalid_ticket_log` under `[...path, "events"]`). `freeze: false` hands out the facts
 * unfrozen, for callers that only read them once (the report's hot path).
 */
export function factsOf(ticket: TicketInput, asOf: number, path: IssuePath, freeze = true): TicketFacts | null {
  if (typeof ticket !== "object" || ticket === null) {
    throw new MetricsError("invalid_argument", [{ code: "invalid_type", path, message: "expected a ticket { id, events }" }]);
  }
  const id = ticket.id;
  if (typeof id !== "string" || id === "") {
    throw new MetricsError("invalid_argument", [{ code: "invalid_id", path: [...path, "id"], message: "a ticket needs its own id, a non-empty string (the one merged.into names)" }]);
  }
  const events: unknown = ticket.events;
  let draft: Draft | null | undefined;
  if (isTicketLog(events)) draft = collect(events, false, id, asOf);
  else {
    draft = collect(events, true, id, asOf);
    if (draft === UNSURE) {
      const parsed = rethrowAs(MetricsError, () => parseTicketLog(events), [...path, "events"], "invalid_ticket_log");
      draft = collect(parsed, false, id, asOf);
    }
  }
  if (draft === null || draft === UNSURE) return null;
  return freeze ? freezeFacts(draft) : draft;
}

function freezeFacts(d: Draft): TicketFacts {
  for (const e of d.priorityTimeline) Object.freeze(e);
  for (const e of d.categoryTimeline) Object.freeze(e);
  for (const e of d.statusTimeline) Object.freeze(e);
  for (const r of d.resolutions) Object.freeze(r);
  for (const r of d.ratings) Object.freeze(r);
  Object.freeze(d.priorityTimeline);
  Object.freeze(d.categoryTimeline);
  Object.freeze(d.statusTimeline);
  Object.freeze(d.replyTimes);
  Object.freeze(d.resolutions);
  Object.freeze(d.ratings);
  if (d.merged !== null) Object.freeze(d.merged);
  return Object.freeze(d);
}

/** Event ids seen by `collect`, kept from log to log; a fresh array for a `collect` inside another (an event's getter could call one). */
const SEEN_IDS: string[] = [];
let seenIdsInUse = false;

function collect(input: unknown, validate: boolean, id: string, asOf: number): Draft | null | undefined {
  if (seenIdsInUse) return collectWith([], input, validate, id, asOf);
  seenIdsInUse = true;
  try {
    return collectWith(SEEN_IDS, input, validate, id, asOf);
  } finally {
    seenIdsInUse = false;
  }
}

/**
 * One pass over `events`: with `validate`, each event is checked against core's rules (the event's
 * own fields as `parseTicketLog`'s fast path checks them, then the rules that tie a log together);
 * `undefined` the moment anything is not certainly valid. Without, the events are a parsed log.
 * `null` for a ticket created after `asOf`.
 *
 * Each event's fields are read in one `for…in` over its own keys rather than by name: events come in
 * a dozen shapes, and a named load of a field an event does not have is the slowest load there is.
 */
function collectWith(ids: string[], input: unknown, validate: boolean, id: string, asOf: number): Draft | null | undefined {
  if (!Array.isArray(input) || input.length === 0) return UNSURE;
  const events = input as ReadonlyArray<unknown>;
  const length = events.length;

  // Validation state (core's log rules).
  // The event ids so far: ids[0, idCount) (the array is reused, its length is not theirs).
  let idCount = 0;
  let previousAt = Number.NEGATIVE_INFINITY;
  let terminal: "merged" | "closed" | null = null;
  let ruleStatus: CanonicalStatus = "new";
  let priority: string | null = null;
  let severity: string | null = null;
  let category: string | null = null;

  // Facts.
  let known = true; // events so far are at or before asOf
  let status: CanonicalStatus = "new";
  let createdAt = 0;
  let createdBy: Draft["createdBy"] = "customer";
  let channel: string | null = null;
  let statusTimeline: Array<TimelineEntry<CanonicalStatus>> = [];
  let priorityTimeline: Array<TimelineEntry<string | null>> = [];
  let categoryTimeline: Array<TimelineEntry<string | null>> = [];
  const resolutions: Array<{ at: number; reopenedAt: number | null }> = [];
  let responseStartAt: number | null = null;
  let firstAgentMessageAt: number | null = null;
  const replyTimes: number[] = [];
  const ratings: Rating[] = [];
  let merged: Draft["merged"] = null;

  for (let index = 0; index < length; index++) {
    const event = events[index] as Record<string, unknown>;
    if (validate) {
      if (typeof event !== "object" || event === null) return UNSURE;
      const proto: unknown = Object.getPrototypeOf(event);
      if (proto !== Object.prototype && proto !== null) return UNSURE;
    }
    // The fields, read once; `undefined` when absent (an explicit `undefined` is refused below).
    let eventId: unknown, rawAt: unknown, type: unknown, actor: unknown, by: unknown, fChannel: unknown, fStatus: unknown;
    let fPriority: unknown, fSeverity: unknown, fCategory: unknown, requester: unknown, role: unknown, isPublic: unknown;
    let author: unknown, body: unknown, to: unknown, from: unknown, fromLabel: unknown, toLabel: unknown, source: unknown;
    let reason: unknown, group: unknown, agent: unknown, into: unknown, taxonomyVersion: unknown, score: unknown;
    let scaleMax: unknown, comment: unknown;
    let keys = 0;
    for (const key in event) {
      const value = event[key];
      if (value === undefined && validate) return UNSURE;
      keys += 1;
      switch (key) {
        case "id": eventId = value; break;
        case "at": rawAt = value; break;
        case "type": type = value; break;
        case "actor": actor = value; break;
        case "by": by = value; break;
        case "channel": fChannel = value; break;
        case "status": fStatus = value; break;
        case "priority": fPriority = value; break;
        case "severity": fSeverity = value; break;
        case "category": fCategory = value; break;
        case "requester": requester = value; break;
        case "role": role = value; break;
        case "public": isPublic = value; break;
        case "author": author = value; break;
        case "body": body = value; break;
        case "to": to = value; break;
        case "from": from = value; break;
        case "fromLabel": fromLabel = value; break;
        case "toLabel": toLabel = value; break;
        case "source": source = value; break;
        case "reason": reason = value; break;
        case "group": group = value; break;
        case "agent": agent = value; break;
        case "into": into = value; break;
        case "taxonomyVersion": taxonomyVersion = value; break;
        case "score": score = value; break;
        case "scaleMax": scaleMax = value; break;
        case "comment": comment = value; break;
        default:
          // `meta`, a rare event's fields, a typo, `__proto__`: for core to judge.
          if (validate) return UNSURE;
      }
    }
    let at = rawAt as number;
    if (validate) {
      // The event on its own, as core's fast path checks it: exact key set, every field's form.
      if (!isNonEmpty(eventId)) return UNSURE;
      // Epoch ms only (ISO strings go to core); integers outside the epoch-seconds band, as core reads them.
      if (typeof at !== "number" || !Number.isInteger(at) || at > DATE_LIMIT_MS || at < -DATE_LIMIT_MS || (at >= 1e9 && at < 1e10)) return UNSURE;
      if (at === 0) at = 0; // -0 is 0
      let expected = 3 + present(actor);
      if (actor !== undefined && !isNonEmpty(actor)) return UNSURE;
      switch (type) {
        case "created":
          if (!CREATORS.has(by) || (fStatus !== undefined && !CANONICAL.has(fStatus))) return UNSURE;
          if (!optionalNonEmpty(fChannel) || !optionalNonEmpty(fPriority) || !optionalNonEmpty(fSeverity) || !optionalNonEmpty(fCategory) || !optionalNonEmpty(requester)) return UNSURE;
          expected += 1 + present(fStatus) + present(fChannel) + present(fPriority) + present(fSeverity) + present(fCategory) + present(requester);
          break;
        case "message":
          if (!ROLES.has(role) || typeof isPublic !== "boolean" || !optionalNonEmpty(author) || (body !== undefined && typeof body !== "string")) return UNSURE;
          expected += 2 + present(author) + present(body);
          break;
        case "status_changed":
          if (!CANONICAL.has(to) || (from !== undefined && !CANONICAL.has(from)) || !optionalNonEmpty(fromLabel) || !optionalNonEmpty(toLabel)) return UNSURE;
          expected += 1 + present(from) + present(fromLabel) + present(toLabel);
          break;
        case "priority_changed":
        case "severity_changed":
          if (!isNullOrNonEmpty(from) || !isNonEmpty(to) || !LEVEL_SOURCES.has(source) || !optionalNonEmpty(reason)) return UNSURE;
          expected += 3 + present(reason);
          break;
        case "assigned":
          if ((group === undefined && agent === undefined) || (group !== undefined && !isNullOrNonEmpty(group)) || (agent !== undefined && !isNullOrNonEmpty(agent))) return UNSURE;
          expected += present(group) + present(agent);
          break;
        case "acknowledged":
          break;
        case "merged":
          if (!isNonEmpty(into)) return UNSURE;
          expected += 1;
          break;
        case "category_changed":
          if ((from !== undefined && !isNullOrNonEmpty(from)) || !isNullOrNonEmpty(to) || !optionalNonEmpty(taxonomyVersion)) return UNSURE;
          expected += 1 + present(from) + present(taxonomyVersion);
          break;
        case "satisfaction_rated": {
          const max = scaleMax === undefined ? 5 : scaleMax;
          if (!Number.isSafeInteger(max) || (max as number) < 2 || (max as number) > 10) return UNSURE;
          if (!Number.isSafeInteger(score) || (score as number) < 1 || (score as number) > (max as number)) return UNSURE;
          if (comment !== undefined && typeof comment !== "string") return UNSURE;
          expected += 1 + present(scaleMax) + present(comment);
          break;
        }
        default:
          // escalated, field_changed, an unknown type: for core to judge.
          return UNSURE;
      }
      // Every key was one this type has: any other key is for core to report.
      if (keys !== expected) return UNSURE;
      // The rules that tie the log together: unique ids, time order, nothing after a merge or a close.
      // Ids are unique: comparing them pairwise is cheaper than hashing for the usual ten.
      for (let i = 0; i < idCount; i++) {
        const other = ids[i] as string;
        // Generated and exported ids mostly differ in their last characters: look there first.
        if (other.length === (eventId as string).length && other.charCodeAt(other.length - 1) === (eventId as string).charCodeAt(other.length - 1) && other === eventId) return UNSURE;
      }
      ids[idCount] = eventId as string;
      idCount += 1;
      if (at < previousAt) return UNSURE;
      previousAt = at;
      if (terminal === "merged") return UNSURE;
      if (terminal === "closed" && type !== "satisfaction_rated") return UNSURE;
      if ((index === 0) !== (type === "created")) return UNSURE;
    }

    if (known && at > asOf) {
      known = false;
      if (index === 0) {
        if (!validate) return null;
        createdAt = at;
      }
      // Past asOf nothing is collected; a raw log is still checked to its end.
      if (!validate) break;
    }

    switch (type) {
      case "created": {
        const createdStatus = (fStatus as CanonicalStatus | undefined) ?? "new";
        ruleStatus = createdStatus;
        priority = (fPriority as string | undefined) ?? null;
        severity = (fSeverity as string | undefined) ?? null;
        category = (fCategory as string | undefined) ?? null;
        if (createdStatus === "closed") terminal = "closed";
        if (!known) break;
        createdAt = at;
        createdBy = by as Draft["createdBy"];
        channel = (fChannel as string | undefined) ?? null;
        status = createdStatus;
        statusTimeline = [{ at, value: status }];
        priorityTimeline = [{ at, value: priority }];
        categoryTimeline = [{ at, value: category }];
        if (isResolvedStatus(status)) resolutions.push({ at, reopenedAt: null });
        responseStartAt = createdBy === "agent" ? null : at;
        break;
      }
      case "message":
        if (!known) break;
        if (role === "customer") responseStartAt ??= at;
        else if (role === "agent" && isPublic === true) {
          firstAgentMessageAt ??= at;
          // A reply answers someone waiting: it comes after the response start in the log (an agent
          // message logged before the customer's first message, even at the same instant, is not one).
          if (responseStartAt !== null) replyTimes.push(at);
        }
        break;
      case "status_changed":
        if (validate && ((from !== undefined && from !== ruleStatus) || to === ruleStatus)) return UNSURE;
        ruleStatus = to as CanonicalStatus;
        if (to === "closed") terminal = "closed";
        if (known) status = moveTo(status, at, to as CanonicalStatus, statusTimeline, resolutions);
        break;
      case "priority_changed":
      case "severity_changed":
        if (validate) {
          const current = type === "priority_changed" ? priority : severity;
          if (current !== null && from !== null && from !== current) return UNSURE;
          if (source === "manual" && (typeof reason !== "string" || reason.trim() === "")) return UNSURE;
        }
        if (type === "priority_changed") {
          priority = to as string;
          if (known) priorityTimeline.push({ at, value: priority });
        } else severity = to as string;
        break;
      case "category_changed":
        if (validate && from !== undefined && from !== category) return UNSURE;
        category = to as string | null;
        if (known) categoryTimeline.push({ at, value: category });
        break;
      case "satisfaction_rated":
        if (known) ratings.push({ at, score: score as number, scaleMax: (scaleMax as number | undefined) ?? 5 });
        break;
      case "merged":
        terminal = "merged";
        if (!known) break;
        merged = { into: into as string, at };
        // Merged away = closed at the merge instant.
        if (status !== "closed") status = moveTo(status, at, "closed", statusTimeline, resolutions);
        break;
      default:
        break;
    }
  }
  if (createdAt > asOf) return null;
  const latest = resolutions[resolutions.length - 1];
  return {
    id,
    asOf,
    createdAt,
    createdBy,
    channel,
    priorityTimeline,
    categoryTimeline,
    statusTimeline,
    status,
    responseStartAt,
    firstReplyAt: replyTimes.length === 0 ? null : (replyTimes[0] as number),
    firstAgentMessageAt,
    replyTimes,
    resolutions,
    latestResolvedAt: latest === undefined ? null : latest.at,
    ratings,
    merged,
    mergedInCount: 0,
  };
}

const present = (value: unknown): number => (value === undefined ? 0 : 1);
const optionalNonEmpty = (value: unknown): boolean => value === undefined || (typeof value === "string" && value.length > 0);

/** A status change into the facts: a resolution is a move into solved/closed, a reopen a move back out. */
function moveTo(
  status: CanonicalStatus,
  at: number,
  to: CanonicalStatus,
  timeline: Array<TimelineEntry<CanonicalStatus>>,
  resolutions: Array<{ at: number; reopenedAt: number | null }>,
): CanonicalStatus {
  const was = isResolvedStatus(status);
  const now = isResolvedStatus(to);
  if (!was && now) resolutions.push({ at, reopenedAt: null });
  if (was && !now) {
    const last = resolutions[resolutions.length - 1];
    if (last !== undefined && last.reopenedAt === null) last.reopenedAt = at;
  }
  timeline.push({ at, value: to });
  return to;
}

/**
 * The value of a timeline at instant `t`: the value after every entry at or before `t`.
 */
export function valueAt<T>(timeline: ReadonlyArray<TimelineEntry<T>>, t: number): T {
  let value = (timeline[0] as TimelineEntry<T>).value;
  for (let i = 1; i < timeline.length; i++) {
    const entry = timeline[i] as TimelineEntry<T>;
    if (entry.at > t) break;
    value = entry.value;
  }
  return value;
}

