import type { BusinessCalendarLike, DurationInput } from "@supportops/core";
import { MetricsError } from "./MetricsError.js";
import { Duration } from "luxon";
import type { KpiOptions } from "./KpiOptions.js";
import type { DurationStats, RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { TicketInput } from "./TicketFacts.js";
import { checkedCalendar, type CheckedCalendar } from "./internal/checkedCalendar.js";
import { PERCENTILE_NAMES, bad, durationStatsOf, inPeriod, rateStats, readDuration, readWork, requireIterable, resolveOptions, type WorkFacts } from "./internal/extraKpi.js";

/**
 * Options of {@link collaborationResponsiveness}.
 *
 * @example
 * const options: CollaborationResponsivenessOptions = {
 *   period: { from: "2026-03-01", to: "2026-04-01" },
 *   olaTarget: { default: "PT8H", engineering: "P1D" },
 *   members: { engineering: ["dev-1", "dev-2"] },
 * };
 */
export interface CollaborationResponsivenessOptions extends Omit<KpiOptions, "calendar"> {
  /** The OLA: how soon the receiving group must respond, for every group or per group (`default` for the rest). Default `"P1D"` (calendar time). */
  readonly olaTarget?: DurationInput | { readonly default?: DurationInput; readonly [group: string]: DurationInput | undefined };
  /** Who belongs to each group (agent ids as in a message's `author` or an event's `actor`); a group not listed is answered by any agent. */
  readonly members?: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Also count a reassignment from one group to another as a handoff (default `false`: only `escalated` events naming a group). */
  readonly includeReassignments?: boolean;
  /**
   * Measure in business time: one calendar (`createCalendar` of `@supportops/sla`, or any
   * `BusinessCalendarLike`) for every group, or one per group (`default` for the rest; a group with
   * none is measured in calendar time). Default: calendar time.
   */
  readonly calendar?: BusinessCalendarLike | { readonly default?: BusinessCalendarLike; readonly [group: string]: BusinessCalendarLike | undefined };
}

/**
 * Stats of `collaboration_responsiveness`.
 *
 * @example
 * const stats = collaborationResponsiveness([], { period: { from: "2026-03-01", to: "2026-04-01" } }).stats;
 * stats.undetermined; // => 0
 */
export interface CollaborationResponsivenessStats extends RateStats {
  /** Handoffs whose target had not passed at `asOf` with no response yet: no outcome, not counted. */
  readonly undetermined: number;
  /** Response time (handoff → first response by the receiving group) of the handoffs answered in the period. */
  readonly responseTime: DurationStats;
  /** Met and breached per receiving group. */
  readonly byGroup: Readonly<Record<string, { readonly met: number; readonly breached: number }>>;
}

interface Handoff {
  /** The handoff's index in the log. */
  readonly seq: number;
  readonly at: number;
  readonly group: string;
}

/**
 * Collaboration responsiveness against an OLA: for each handoff to another group — an `escalated`
 * event naming the group (`to`), and with `includeReassignments` a reassignment from one group to
 * another — the time until the receiving group first responds (a human agent's message, public or
 * internal, or an `acknowledged`, after the handoff in the log; by a member when `members` lists the group).
 * As SLA attainment: a handoff is **met** at its response if that came within the target, **breached**
 * at handoff + target otherwise (even if never answered); the value is met / (met + breached) over
 * outcomes determined in the period. A ticket resolved before any response and before the target passed
 * leaves the handoff `excluded.resolvedWithoutResponse`; merged-away tickets are `excluded.merged`.
 * Calendar time, or business time with `calendar` (the breach instant is the target's business time
 * after the handoff). Reads event logs only. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options, `olaTarget`, `members`, `includeReassignments`, `calendar`
 * @returns the `collaboration_responsiveness` result: OLA attainment with response-time stats
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument` / `invalid_duration` for bad options, `invalid_argument` for a row
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
 *   { id: "e", at: "2026-03-09T10:00:00Z", type: "escalated", to: "engineering" },
 *   { id: "n", at: "2026-03-09T13:00:00Z", type: "message", role: "agent", public: false, author: "dev-1" },
 * ] }];
 * const result = collaborationResponsiveness(tickets, { period: { from: "2026-03-01", to: "2026-04-01" }, olaTarget: "PT4H" });
 * result.value;                     // => 1
 * result.stats.responseTime.median; // => 10800000 (3 h)
 */
export function collaborationResponsiveness(tickets: Iterable<TicketInput>, options: CollaborationResponsivenessOptions): GenericKpiResult<"collaboration_responsiveness", CollaborationResponsivenessStats> {
  const o = resolveOptions(options, "collaborationResponsiveness(tickets, { period: { from, to }, olaTarget?, members? })");
  const targetOf = readTargets(options.olaTarget);
  const members = readMembers(options.members);
  const calendarOf = readCalendars(options.calendar);
  const includeReassignments = options.includeReassignments ?? false;
  if (typeof includeReassignments !== "boolean") throw bad(["includeReassignments"], "expected true or false");
  let met = 0;
  let breached = 0;
  let undetermined = 0;
  const excluded = { merged: 0, resolvedWithoutResponse: 0 };
  const responseTimes: number[] = [];
  const byGroup: Record<string, { met: number; breached: number }> = {};
  let index = 0;
  for (const ticket of requireIterable(tickets, "tickets { id, events }")) {
    const work = readWork(ticket, o.asOf, [index], "collaborationResponsiveness");
    index += 1;
    if (work === null) continue;
    const merged = work.facts.merged !== null;
    for (const handoff of handoffsOf(work, includeReassignments, members)) {
      const target = targetOf(handoff.group);
      const cal = calendarOf(handoff.group);
      // The breach instant: target business time after the handoff on the group's calendar.
      const breachAt = cal === null ? handoff.at + target : cal.add(handoff.at, target);
      const response = responseOf(work, handoff, members)?.at ?? null;
      const end = work.facts.resolutions.find((r) => r.at >= handoff.at)?.at ?? null;
      // Response times are stats of the handoffs counted; a merged-away ticket's are left out (its
      // handoffs are counted under excluded.merged once, at their outcome, below).
      if (response !== null && inPeriod(o, response) && !merged) {
        responseTimes.push(cal === null ? response - handoff.at : cal.between(handoff.at, response));
      }
      let outcome: "met" | "breached" | null = null;
      let anchor: number;
      if (response !== null && response <= breachAt && (end === null || response <= end)) {
        outcome = "met";
        anchor = response;
      } else if (end !== null && end < breachAt && (response === null || response > end)) {
        if (inPeriod(o, end)) excluded.resolvedWithoutResponse += 1;
        continue;
      } else if (breachAt <= o.asOf) {
        outcome = "breached";
        anchor = breachAt;
      } else {
        if (!merged) undetermined += 1;
        continue;
      }
      if (!inPeriod(o, anchor)) continue;
      if (merged) {
        excluded.merged += 1;
        continue;
      }
      const entry = (byGroup[handoff.group] ??= { met: 0, breached: 0 });
      if (outcome === "met") {
        met += 1;
        entry.met += 1;
      } else {
        breached += 1;
        entry.breached += 1;
      }
    }
  }
  const n = met + breached;
  return {
    kpi: "collaboration_responsiveness",
    value: n === 0 ? null : met / n,
    n,
    excluded,
    population: `handoffs to a group (escalated events naming it${includeReassignments ? ", and reassignments between groups" : ""}) whose OLA outcome was determined in the period`,
    timeAnchor: "the response when met; handoff + target when breached",
    timeZone: o.timeZone,
    method: `met / (met + breached): the receiving group's first response (agent message, public or internal, or acknowledgement${members.size > 0 ? "; by a listed member" : ""}) within the OLA target, ${options.calendar === undefined ? "calendar time" : "business time on the group's calendar"}; Wilson 95 % interval; response times percentiles ${PERCENTILE_NAMES[o.percentile]}`,
    stats: { ...rateStats(met, n), undetermined, responseTime: durationStatsOf(responseTimes, o), byGroup },
  };
}

function handoffsOf(work: WorkFacts, includeReassignments: boolean, members: ReadonlyMap<string, ReadonlySet<string>>): Handoff[] {
  const candidates: Handoff[] = [];
  for (const e of work.escalations) if (e.to !== null) candidates.push({ seq: e.seq, at: e.at, group: e.to });
  if (includeReassignments) {
    let current: string | null = null;
    for (const { seq, at, group } of work.groups) {
      if (group !== null && current !== null && group !== current) candidates.push({ seq, at, group });
      if (group !== null) current = group;
    }
  }
  candidates.sort((a, b) => a.seq - b.seq);
  // A second handoff to the same group while the first is still unanswered is the same handoff
  // (an escalation and the assignment that carries it out).
  const handoffs: Handoff[] = [];
  for (const c of candidates) {
    const last = handoffs[handoffs.length - 1];
    if (last !== undefined && last.group === c.group) {
      const response = responseOf(work, last, members);
      if (response === null || response.seq > c.seq) continue;
    }
    handoffs.push(c);
  }
  return handoffs;
}

function responseOf(work: WorkFacts, handoff: Handoff, members: ReadonlyMap<string, ReadonlySet<string>>): { readonly seq: number; readonly at: number } | null {
  const listed = members.get(handoff.group);
  for (const act of work.agentActs) {
    if (act.seq < handoff.seq) continue;
    if (listed === undefined || (act.by !== null && listed.has(act.by))) return act;
  }
  return null;
}

function readTargets(value: CollaborationResponsivenessOptions["olaTarget"]): (group: string) => number {
  const DAY = 86_400_000;
  if (value === undefined || typeof value !== "object" || value === null || Array.isArray(value) || Duration.isDuration(value) || !isPerGroup(value)) {
    const ms = readDuration(value, DAY, ["olaTarget"]);
    return () => ms;
  }
  const table = new Map<string, number>();
  for (const [group, duration] of Object.entries(value)) {
    if (duration !== undefined) table.set(group, readDuration(duration, DAY, ["olaTarget", group]));
  }
  const fallback = table.get("default") ?? DAY;
  return (group) => table.get(group) ?? fallback;
}

/** A duration object has unit keys (hours, minutes…); a per-group table has anything else. */
function isPerGroup(value: object): boolean {
  const units = new Set(["years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"]);
  return Object.keys(value).some((key) => !units.has(key));
}

function readCalendars(value: CollaborationResponsivenessOptions["calendar"]): (group: string) => CheckedCalendar | null {
  if (value === undefined) return () => null;
  const isCalendar = (v: unknown): v is BusinessCalendarLike =>
    typeof v === "object" && v !== null && typeof (v as Partial<BusinessCalendarLike>).addBusinessMs === "function" && typeof (v as Partial<BusinessCalendarLike>).businessMsBetween === "function";
  if (isCalendar(value)) {
    const checked = checkedCalendar(value, ["calendar"]);
    return () => checked;
  }
  if (typeof value !== "object" || value === null) throw bad(["calendar"], "expected a business calendar (createCalendar of @supportops/sla) or { group: calendar }");
  const table = new Map<string, CheckedCalendar>();
  for (const [group, cal] of Object.entries(value)) {
    if (cal === undefined) continue;
    if (!isCalendar(cal)) throw bad(["calendar", group], "expected a business calendar (createCalendar of @supportops/sla)");
    table.set(group, checkedCalendar(cal, ["calendar", group]));
  }
  const fallback = table.get("default") ?? null;
  return (group) => table.get(group) ?? fallback;
}

function readMembers(value: unknown): ReadonlyMap<string, ReadonlySet<string>> {
  const map = new Map<string, ReadonlySet<string>>();
  if (value === undefined) return map;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw bad(["members"], "expected { group: [agent ids] }");
  for (const [group, list] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((id) => typeof id === "string")) throw bad(["members", group], "expected a list of agent ids");
    map.set(group, new Set(list as string[]));
  }
  return map;
}
