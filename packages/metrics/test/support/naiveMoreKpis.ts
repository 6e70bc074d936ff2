// A naive reference for the KPIs of docs/kpis.md "More KPIs", written apart from the package: plain
// loops over each ticket's raw events, straight from the definitions.
import { parseTicketLog, type TicketEvent } from "@supportops/core";

export interface RawTicket {
  readonly id: string;
  readonly events: ReadonlyArray<unknown>;
}

export interface Period {
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
}

const isResolvedStatus = (s: string): boolean => s === "solved" || s === "closed";
const within = (p: Period, t: number): boolean => p.from <= t && t < p.to;

function known(ticket: RawTicket, asOf: number): TicketEvent[] | null {
  const events = [...parseTicketLog(ticket.events)];
  if (events[0]!.at > asOf) return null;
  return events.filter((e) => e.at <= asOf);
}

/** Status spans: [{ from, status }] in order, a merge closing the ticket. */
function spans(events: TicketEvent[]): Array<{ at: number; status: string }> {
  const created = events[0] as Extract<TicketEvent, { type: "created" }>;
  const out = [{ at: created.at, status: created.status ?? "new" }];
  for (const e of events) {
    if (e.type === "status_changed") out.push({ at: e.at, status: e.to });
    if (e.type === "merged" && out[out.length - 1]!.status !== "closed") out.push({ at: e.at, status: "closed" });
  }
  return out;
}

function latestResolution(events: TicketEvent[]): number | null {
  let latest: number | null = null;
  let previous = "";
  for (const s of spans(events)) {
    if (isResolvedStatus(s.status) && !isResolvedStatus(previous)) latest = s.at;
    previous = s.status;
  }
  return latest;
}

function statusAt(events: TicketEvent[], t: number): string {
  let status = "new";
  for (const s of spans(events)) if (s.at <= t) status = s.status;
  return status;
}

const isMerged = (events: TicketEvent[]): boolean => events.some((e) => e.type === "merged");

/** "in", "reopenedBeforeEnd" or null: the tickets_resolved rule. */
function resolvedState(events: TicketEvent[], p: Period): { state: "in" | "reopenedBeforeEnd"; latest: number } | null {
  const latest = latestResolution(events);
  if (latest === null || !within(p, latest)) return null;
  return { state: isResolvedStatus(statusAt(events, p.to)) ? "in" : "reopenedBeforeEnd", latest };
}

export interface Naive {
  value: number | null;
  n: number;
  successes?: number;
  values?: number[];
  excluded: Record<string, number>;
}

export function naiveFirstLevel(tickets: ReadonlyArray<RawTicket>, p: Period): Naive {
  const out = { n: 0, successes: 0, excluded: { merged: 0, reopenedBeforeEnd: 0 } };
  for (const t of tickets) {
    const events = known(t, p.asOf);
    if (events === null) continue;
    const r = resolvedState(events, p);
    if (r === null) continue;
    if (r.state === "reopenedBeforeEnd") {
      out.excluded.reopenedBeforeEnd++;
      continue;
    }
    if (isMerged(events)) {
      out.excluded.merged++;
      continue;
    }
    out.n++;
    let ok = true;
    let firstGroup: string | null = null;
    for (const e of events) {
      if (e.at > r.latest) continue;
      if (e.type === "escalated") ok = false;
      if (e.type === "assigned" && typeof e.group === "string") {
        if (firstGroup === null) firstGroup = e.group;
        else if (e.group !== firstGroup) ok = false;
      }
    }
    if (ok) out.successes++;
  }
  return { ...out, value: out.n === 0 ? null : out.successes / out.n };
}

export function naiveStatusTime(tickets: ReadonlyArray<RawTicket>, p: Period, statuses: ReadonlyArray<string>): Naive {
  const values: number[] = [];
  const excluded = { merged: 0, reopenedBeforeEnd: 0 };
  for (const t of tickets) {
    const events = known(t, p.asOf);
    if (events === null) continue;
    const r = resolvedState(events, p);
    if (r === null) continue;
    if (r.state === "reopenedBeforeEnd") excluded.reopenedBeforeEnd++;
    else if (isMerged(events)) excluded.merged++;
    else {
      // Walk millisecond spans: each span lasts until the next one starts, or the latest resolution.
      const list = spans(events);
      let total = 0;
      for (let i = 0; i < list.length; i++) {
        const start = list[i]!.at;
        const end = Math.min(i + 1 < list.length ? list[i + 1]!.at : r.latest, r.latest);
        if (end > start && statuses.includes(list[i]!.status)) total += end - start;
      }
      values.push(total);
    }
  }
  values.sort((a, b) => a - b);
  return { value: values.length === 0 ? null : values[Math.ceil(values.length / 2) - 1]!, n: values.length, values, excluded };
}

export function naiveNetIntake(tickets: ReadonlyArray<RawTicket>, p: Period): Naive & { created: number; resolved: number } {
  let created = 0;
  let resolved = 0;
  const excluded = { merged: 0, reopenedBeforeEnd: 0 };
  for (const t of tickets) {
    const events = known(t, p.asOf);
    if (events === null) continue;
    const merged = isMerged(events);
    if (within(p, events[0]!.at)) {
      if (merged) excluded.merged++;
      else created++;
    }
    const r = resolvedState(events, p);
    if (r?.state === "reopenedBeforeEnd") excluded.reopenedBeforeEnd++;
    else if (r?.state === "in") {
      if (merged) excluded.merged++;
      else resolved++;
    }
  }
  return { value: created - resolved, n: created + resolved, excluded, created, resolved };
}

export function naiveCompliance(
  tickets: ReadonlyArray<RawTicket>,
  p: Period,
  rules: ReadonlyArray<{ name: string; when?: { category?: string[]; priority?: string[] }; requiredFields: string[] }>,
): Naive {
  let n = 0;
  let successes = 0;
  const excluded = { merged: 0, reopenedBeforeEnd: 0, noRule: 0 };
  for (const t of tickets) {
    const events = known(t, p.asOf);
    if (events === null) continue;
    const r = resolvedState(events, p);
    if (r === null) continue;
    if (r.state === "reopenedBeforeEnd") {
      excluded.reopenedBeforeEnd++;
      continue;
    }
    if (isMerged(events)) {
      excluded.merged++;
      continue;
    }
    const value = (name: string): unknown => {
      let v: unknown;
      for (const e of events) {
        if (e.at > r.latest) break;
        if (e.type === "created" && (name === "category" || name === "priority" || name === "severity")) v = e[name];
        if (e.type === "category_changed" && name === "category") v = e.to;
        if (e.type === "priority_changed" && name === "priority") v = e.to;
        if (e.type === "field_changed" && e.field === name) v = e.to;
      }
      return v;
    };
    const applying = rules.filter(
      (rule) => (rule.when?.category === undefined || rule.when.category.includes(value("category") as string)) && (rule.when?.priority === undefined || rule.when.priority.includes(value("priority") as string)),
    );
    if (applying.length === 0) {
      excluded.noRule++;
      continue;
    }
    n++;
    const ok = applying.every((rule) => rule.requiredFields.every((f) => {
      const v = value(f);
      return v !== undefined && v !== null && v !== "" && !(typeof v === "string" && v.trim() === "") && !(Array.isArray(v) && v.length === 0);
    }));
    if (ok) successes++;
  }
  return { value: n === 0 ? null : successes / n, n, successes, excluded };
}

/** Collaboration responsiveness, escalations only (each generated ticket escalates at most once). */
export function naiveCollaboration(
  tickets: ReadonlyArray<RawTicket>,
  p: Period,
  targetMs: number,
  members: Record<string, ReadonlyArray<string>>,
): Naive & { undetermined: number; responseTimes: number[] } {
  let met = 0;
  let breached = 0;
  let undetermined = 0;
  const responseTimes: number[] = [];
  const excluded = { merged: 0, resolvedWithoutResponse: 0 };
  for (const t of tickets) {
    const events = known(t, p.asOf);
    if (events === null) continue;
    const merged = isMerged(events);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type !== "escalated" || e.to === undefined) continue;
      const group = e.to;
      let response: number | null = null;
      for (const x of events.slice(i + 1)) {
        if (response !== null) continue;
        const who = x.type === "message" && x.role === "agent" ? (x.author ?? x.actor) : x.type === "acknowledged" ? x.actor : undefined;
        const isAct = (x.type === "message" && x.role === "agent") || x.type === "acknowledged";
        if (isAct && (members[group] === undefined || (who !== undefined && members[group]!.includes(who)))) response = x.at;
      }
      // The first resolution at or after the handoff ends it.
      let end: number | null = null;
      let previous = "";
      for (const s of spans(events)) {
        if (end === null && s.at >= e.at && isResolvedStatus(s.status) && !isResolvedStatus(previous)) end = s.at;
        previous = s.status;
      }
      if (response !== null && within(p, response) && !merged) responseTimes.push(response - e.at);
      if (response !== null && response - e.at <= targetMs && (end === null || response <= end)) {
        if (within(p, response)) {
          if (merged) excluded.merged++;
          else met++;
        }
      } else if (end !== null && end < e.at + targetMs && (response === null || response > end)) {
        if (within(p, end)) excluded.resolvedWithoutResponse++;
      } else if (e.at + targetMs <= p.asOf) {
        if (within(p, e.at + targetMs)) {
          if (merged) excluded.merged++;
          else breached++;
        }
      } else if (!merged) undetermined++;
    }
  }
  const n = met + breached;
  return { value: n === 0 ? null : met / n, n, successes: met, excluded, undetermined, responseTimes };
}
