// Shared plumbing of the KPIs beyond the core set (docs/kpis.md, "More KPIs"): option checks, record
// reading, ticket reading with the work events (assignments, escalations, agent actions, fields), and
// the stats every result carries.
import { describeValue, parseTicketLog, rethrowAs, toDurationMs, toEpochMs, type DurationInput, type IssuePath, type TicketEvent } from "@supportops/core";
import type { DurationStats } from "../KpiResult.js";
import { MetricsError } from "../MetricsError.js";
import { computeTicketFacts, type TicketFacts, type TicketInput } from "../TicketFacts.js";
import { resolveOptions, type ResolvedOptions } from "./resolveOptions.js";
import { durationStats } from "./statistics.js";
import { valueAt } from "./factsOf.js";

export { resolveOptions, type ResolvedOptions };
export { PERCENTILE_NAMES, rateStats } from "./statistics.js";
import { requireIterable } from "./requireIterable.js";

export { requireIterable };

export function bad(path: IssuePath, message: string): MetricsError {
  return new MetricsError("invalid_argument", [{ code: "invalid_value", path, message }]);
}

export function readAt(value: unknown, path: IssuePath): number {
  return rethrowAs(MetricsError, () => toEpochMs(value as Parameters<typeof toEpochMs>[0], path), [], "invalid_argument");
}

export function readDuration(value: unknown, fallback: number, path: IssuePath): number {
  if (value === undefined) return fallback;
  const ms = rethrowAs(MetricsError, () => toDurationMs(value as DurationInput, path), [], "invalid_argument");
  if (ms < 0) throw new MetricsError("invalid_duration", [{ code: "invalid_duration", path, message: "expected a duration ≥ 0" }]);
  return ms;
}

export function readObject(value: unknown, path: IssuePath, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw bad(path, `expected ${what}, got ${describeValue(value)}`);
  return value as Record<string, unknown>;
}

export const inPeriod = (o: ResolvedOptions, t: number): boolean => t >= o.from && t < o.to;

const isResolved = (status: string): boolean => status === "solved" || status === "closed";

/** Percentile stats of durations in any order (integer ms), as the core duration KPIs report them. */
export function durationStatsOf(values: ReadonlyArray<number>, o: ResolvedOptions): DurationStats {
  return durationStats([...values].sort((x, y) => x - y), o);
}

/** What a work KPI reads of one ticket besides its facts, as known at asOf. */
export interface WorkFacts {
  readonly facts: TicketFacts;
  /** Group assignments in order (an `assigned` event that names a group; `null` = unassigned from any group). */
  readonly groups: ReadonlyArray<{ readonly seq: number; readonly at: number; readonly group: string | null }>;
  readonly escalations: ReadonlyArray<{ readonly seq: number; readonly at: number; readonly to: string | null; readonly tier: number | null }>;
  /** Human-agent messages (public or internal) and acknowledgements, in order, with who did them. */
  readonly agentActs: ReadonlyArray<{ readonly seq: number; readonly at: number; readonly by: string | null; readonly kind: "message" | "acknowledged" }>;
  /** Every field's timeline (field_changed, plus category, priority and severity). */
  readonly fields: ReadonlyMap<string, ReadonlyArray<{ readonly at: number; readonly value: unknown }>>;
}

/** Reads a ticket log (never a TicketRow: work KPIs need the events) into its facts and work facts. */
export function readWork(ticket: TicketInput, asOf: number, path: IssuePath, kpi: string): WorkFacts | null {
  if (typeof ticket === "object" && ticket !== null && !("events" in ticket) && "created_at" in ticket) {
    throw new MetricsError("invalid_argument", [{ code: "invalid_argument", path, message: `${kpi} reads assignments, escalations and fields from the event log; a TicketRow does not have them — pass { id, events }` }]);
  }
  if (typeof ticket !== "object" || ticket === null) throw new MetricsError("invalid_argument", [{ code: "invalid_type", path, message: "expected a ticket { id, events }" }]);
  const log = rethrowAs(MetricsError, () => parseTicketLog(ticket.events), [...path, "events"], "invalid_ticket_log");
  // The parsed log is passed on, so computeTicketFacts does not validate it again.
  const facts = computeTicketFacts({ id: ticket.id, events: log }, { asOf }, path);
  if (facts === null) return null;
  // `seq` is the event's index in the log: at one instant, the log's order says what came first.
  const groups: Array<{ seq: number; at: number; group: string | null }> = [];
  const escalations: Array<{ seq: number; at: number; to: string | null; tier: number | null }> = [];
  const agentActs: Array<{ seq: number; at: number; by: string | null; kind: "message" | "acknowledged" }> = [];
  const fields = new Map<string, Array<{ at: number; value: unknown }>>();
  const setField = (name: string, at: number, value: unknown): void => {
    let timeline = fields.get(name);
    if (timeline === undefined) fields.set(name, (timeline = []));
    timeline.push({ at, value });
  };
  for (let seq = 0; seq < log.length; seq++) {
    const event = log[seq] as TicketEvent;
    if (event.at > asOf) break;
    switch (event.type) {
      case "created":
        if (event.category !== undefined) setField("category", event.at, event.category);
        if (event.priority !== undefined) setField("priority", event.at, event.priority);
        if (event.severity !== undefined) setField("severity", event.at, event.severity);
        break;
      case "assigned":
        if (event.group !== undefined) groups.push({ seq, at: event.at, group: event.group });
        break;
      case "escalated":
        escalations.push({ seq, at: event.at, to: event.to ?? null, tier: event.tier ?? null });
        break;
      case "message":
        if (event.role === "agent") agentActs.push({ seq, at: event.at, by: event.author ?? event.actor ?? null, kind: "message" });
        break;
      case "acknowledged":
        agentActs.push({ seq, at: event.at, by: event.actor ?? null, kind: "acknowledged" });
        break;
      case "field_changed":
        setField(event.field, event.at, event.to);
        break;
      case "category_changed":
        setField("category", event.at, event.to);
        break;
      case "priority_changed":
        setField("priority", event.at, event.to);
        break;
      case "severity_changed":
        setField("severity", event.at, event.to);
        break;
      default:
        break;
    }
  }
  return { facts, groups, escalations, agentActs, fields };
}

/** The value of a field timeline at `t` (after every change at or before `t`); `undefined` when never set. */
export function fieldAt(timeline: ReadonlyArray<{ readonly at: number; readonly value: unknown }> | undefined, t: number): unknown {
  let value: unknown = undefined;
  if (timeline === undefined) return value;
  for (const entry of timeline) {
    if (entry.at > t) break;
    value = entry.value;
  }
  return value;
}

/**
 * The tickets `ticketsResolved` counts (latest resolution in the period, resolved at its end, not merged
 * away), read with their work events, each with its latest resolution; those resolved in the period
 * but reopened before its end, or merged away, are counted in `excluded` instead.
 */
export function* resolvedWork(
  tickets: Iterable<TicketInput>,
  o: ResolvedOptions,
  kpi: string,
  excluded: { merged: number; reopenedBeforeEnd: number },
): Generator<{ readonly work: WorkFacts; readonly latest: number }, void, undefined> {
  let index = 0;
  for (const ticket of requireIterable(tickets, "tickets { id, events }")) {
    const work = readWork(ticket, o.asOf, [index], kpi);
    index += 1;
    if (work === null) continue;
    const state = resolvedInPeriod(work.facts, o);
    if (state === "no") continue;
    if (state === "reopenedBeforeEnd") excluded.reopenedBeforeEnd += 1;
    else if (work.facts.merged !== null) excluded.merged += 1;
    else yield { work, latest: work.facts.latestResolvedAt as number };
  }
}

/** Whether the ticket is counted by ticketsResolved: latest resolution in the period, resolved at `to`. */
export function resolvedInPeriod(f: TicketFacts, o: ResolvedOptions): "in" | "reopenedBeforeEnd" | "no" {
  const latest = f.latestResolvedAt;
  if (latest === null || !inPeriod(o, latest)) return "no";
  return isResolved(valueAt(f.statusTimeline, o.to)) ? "in" : "reopenedBeforeEnd";
}

/** A score record's fields, checked. */
export function readScore(record: unknown, index: number, range: { readonly min: number; readonly max: number }, integer: boolean): { at: number; score: number; record: Record<string, unknown> } {
  const r = readObject(record, [index], "a record { at, score }");
  const at = readAt(r["at"], [index, "at"]);
  const score = r["score"];
  if (typeof score !== "number" || !Number.isFinite(score) || score < range.min || score > range.max || (integer && !Number.isInteger(score))) {
    throw bad([index, "score"], `expected ${integer ? "a whole number" : "a number"} from ${range.min} to ${range.max}, got ${describeValue(score)}`);
  }
  return { at, score, record: r };
}
