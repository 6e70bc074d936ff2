// A naive reference for every KPI, written apart from the package: plain loops over each ticket's
// raw events, clarity over speed, straight from the definitions in docs/kpis.md.
import { parseTicketLog, type TicketEvent } from "@supportops/core";

export interface RawTicket {
  readonly id: string;
  readonly events: ReadonlyArray<unknown>;
}

export interface NaiveOptions {
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  readonly windowMs: number;
}

export interface NaiveResult {
  value: number | null;
  n: number;
  excluded: Record<string, number>;
  successes?: number;
  values?: number[];
  extra?: Record<string, number>;
  ages?: number[];
}

const RESOLVED = ["solved", "closed"];

/** The events known at asOf, parsed (times in ms); null when the ticket was created after asOf. */
function knownEvents(ticket: RawTicket, asOf: number): TicketEvent[] | null {
  const events = [...parseTicketLog(ticket.events)];
  if ((events[0] as TicketEvent).at > asOf) return null;
  return events.filter((e) => e.at <= asOf);
}

/** The status after every event at or before t; a merge closes the ticket. */
function statusAt(events: TicketEvent[], t: number): string {
  let status = "new";
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === "created" && e.status !== undefined) status = e.status;
    if (e.type === "status_changed") status = e.to;
    if (e.type === "merged") status = "closed";
  }
  return status;
}

/** Every resolution with its reopen (or null). */
function resolutionsOf(events: TicketEvent[]): Array<{ at: number; reopenedAt: number | null }> {
  const out: Array<{ at: number; reopenedAt: number | null }> = [];
  let status = "new";
  for (const e of events) {
    let next = status;
    if (e.type === "created") next = e.status ?? "new";
    else if (e.type === "status_changed") next = e.to;
    else if (e.type === "merged") next = "closed";
    else continue;
    const was = e.type === "created" ? false : RESOLVED.includes(status);
    const now = RESOLVED.includes(next);
    if (!was && now) out.push({ at: e.at, reopenedAt: null });
    if (was && !now) out[out.length - 1]!.reopenedAt = e.at;
    status = next;
  }
  return out;
}

function responseStart(events: TicketEvent[]): number | null {
  const created = events[0] as Extract<TicketEvent, { type: "created" }>;
  if (created.by !== "agent") return created.at;
  for (const e of events) if (e.type === "message" && e.role === "customer") return e.at;
  return null;
}

/** Public human-agent messages logged after the response start (the creation, or the customer's first message). */
function replies(events: TicketEvent[]): number[] {
  const created = events[0] as Extract<TicketEvent, { type: "created" }>;
  let started = created.by !== "agent";
  const out: number[] = [];
  for (const e of events) {
    if (e.type === "message" && e.role === "customer") started = true;
    if (started && e.type === "message" && e.role === "agent" && e.public) out.push(e.at);
  }
  return out;
}

const isMerged = (events: TicketEvent[]): boolean => events.some((e) => e.type === "merged");

export function nearestRank(values: number[], q: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  // The smallest value with at least q % of the values at or below it.
  for (let i = 0; i < sorted.length; i++) if ((i + 1) * 100 >= q * sorted.length) return sorted[i]!;
  return sorted[sorted.length - 1]!;
}

/** tickets_resolved, resolution_time and first_contact_resolution share a population. */
export function naiveResolved(
  tickets: ReadonlyArray<RawTicket>,
  o: NaiveOptions,
  kpi: "tickets_resolved" | "resolution_time" | "first_contact_resolution",
  duration: (from: number, to: number) => number = (from, to) => to - from,
): NaiveResult {
  const excluded: Record<string, number> = kpi === "first_contact_resolution" ? { merged: 0, noPublicReply: 0 } : { merged: 0, reopenedBeforeEnd: 0 };
  const values: number[] = [];
  const mergedInto = new Set<string>();
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    for (const e of ev) if (e.type === "merged") mergedInto.add(e.into);
  }
  let n = 0;
  let successes = 0;
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    const res = resolutionsOf(ev);
    if (res.length === 0) continue;
    const latest = res[res.length - 1]!.at;
    if (latest < o.from || latest >= o.to) continue;
    if (!RESOLVED.includes(statusAt(ev, o.to))) {
      if (kpi !== "first_contact_resolution") excluded["reopenedBeforeEnd"]! += 1;
      continue;
    }
    const r = replies(ev).filter((at) => at <= latest).length;
    if (kpi === "first_contact_resolution" && r === 0) {
      excluded["noPublicReply"]! += 1;
      continue;
    }
    if (isMerged(ev)) {
      excluded["merged"]! += 1;
      continue;
    }
    n += 1;
    values.push(duration((ev[0] as TicketEvent).at, latest));
    if (kpi === "first_contact_resolution") {
      let reopenedInWindow = false;
      for (const x of res) if (x.reopenedAt !== null && x.reopenedAt <= x.at + o.windowMs) reopenedInWindow = true;
      if (r === 1 && !reopenedInWindow && !mergedInto.has(t.id)) successes += 1;
    }
  }
  if (kpi === "tickets_resolved") return { value: n, n, excluded };
  if (kpi === "resolution_time") return { value: nearestRank(values, 50), n, excluded, values };
  return { value: n === 0 ? null : successes / n, n, excluded, successes };
}

export function naiveFirstResponse(tickets: ReadonlyArray<RawTicket>, o: NaiveOptions, duration: (from: number, to: number) => number = (from, to) => to - from): NaiveResult {
  const excluded = { merged: 0, agentInitiated: 0 };
  const values: number[] = [];
  const ages: number[] = [];
  let awaiting = 0;
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    const start = responseStart(ev);
    const first = replies(ev)[0];
    if (start !== null && first === undefined && !isMerged(ev) && !RESOLVED.includes(statusAt(ev, o.asOf))) {
      awaiting += 1;
      ages.push(duration(start, o.asOf));
    }
    if (start === null) {
      const outbound = ev.find((e) => e.type === "message" && e.role === "agent" && e.public);
      if (outbound !== undefined && outbound.at >= o.from && outbound.at < o.to) excluded.agentInitiated += 1;
      continue;
    }
    if (first === undefined || first < o.from || first >= o.to) continue;
    if (isMerged(ev)) excluded.merged += 1;
    else values.push(duration(start, first));
  }
  return { value: nearestRank(values, 50), n: values.length, excluded, values, extra: { awaiting }, ages };
}

/** The ages at asOf (`duration(creation, asOf)`) of tickets open at asOf and not merged away. */
export function naiveOpenAges(tickets: ReadonlyArray<RawTicket>, asOf: number, duration: (from: number, to: number) => number = (from, to) => to - from): number[] {
  const ages: number[] = [];
  for (const t of tickets) {
    const ev = knownEvents(t, asOf);
    if (ev === null || isMerged(ev) || RESOLVED.includes(statusAt(ev, asOf))) continue;
    ages.push(duration((ev[0] as TicketEvent).at, asOf));
  }
  return ages;
}

export function naiveReopenRate(tickets: ReadonlyArray<RawTicket>, o: NaiveOptions): NaiveResult {
  const excluded = { merged: 0 };
  let n = 0;
  let successes = 0;
  let reopenEvents = 0;
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    const res = resolutionsOf(ev);
    const merged = isMerged(ev);
    for (const x of res) if (!merged && x.reopenedAt !== null && x.reopenedAt >= o.from && x.reopenedAt < o.to) reopenEvents += 1;
    const inPeriod = res.filter((x) => x.at >= o.from && x.at < o.to);
    if (inPeriod.length === 0) continue;
    if (merged) {
      excluded.merged += 1;
      continue;
    }
    n += 1;
    if (inPeriod.some((x) => x.reopenedAt !== null && x.reopenedAt - x.at <= o.windowMs)) successes += 1;
  }
  return { value: n === 0 ? null : successes / n, n, excluded, successes, extra: { reopenEvents } };
}

export function naiveCsat(tickets: ReadonlyArray<RawTicket>, o: NaiveOptions): NaiveResult {
  const excluded = { merged: 0, superseded: 0 };
  let n = 0;
  let successes = 0;
  const values: number[] = [];
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    const ratings = ev.filter((e): e is Extract<TicketEvent, { type: "satisfaction_rated" }> => e.type === "satisfaction_rated");
    ratings.forEach((r, i) => {
      if (r.at < o.from || r.at >= o.to) return;
      if (i < ratings.length - 1) excluded.superseded += 1;
      else if (isMerged(ev)) excluded.merged += 1;
      else {
        n += 1;
        values.push(r.score);
        if (r.score >= r.scaleMax - 1) successes += 1;
      }
    });
  }
  return { value: n === 0 ? null : successes / n, n, excluded, successes, values };
}

/** Kaplan–Meier by the book: S(t) as an exact fraction, step by step over the distinct event times. */
export function naiveSurvival(tickets: ReadonlyArray<RawTicket>, o: NaiveOptions): NaiveResult {
  const excluded = { merged: 0 };
  const items: Array<{ time: number; event: boolean }> = [];
  for (const t of tickets) {
    const ev = knownEvents(t, o.asOf);
    if (ev === null) continue;
    const created = (ev[0] as TicketEvent).at;
    if (created < o.from || created >= o.to) continue;
    if (isMerged(ev)) {
      excluded.merged += 1;
      continue;
    }
    const res = resolutionsOf(ev);
    if (RESOLVED.includes(statusAt(ev, o.asOf))) items.push({ time: res[res.length - 1]!.at - created, event: true });
    else items.push({ time: o.asOf - created, event: false });
  }
  return { value: kmMedian(items), n: items.length, excluded, extra: { events: items.filter((i) => i.event).length } };
}

export function kmMedian(items: ReadonlyArray<{ time: number; event: boolean }>): number | null {
  const times = [...new Set(items.filter((i) => i.event).map((i) => i.time))].sort((a, b) => a - b);
  let num = 1n;
  let den = 1n;
  for (const time of times) {
    const atRisk = items.filter((i) => i.time >= time).length;
    const deaths = items.filter((i) => i.event && i.time === time).length;
    num *= BigInt(atRisk - deaths);
    den *= BigInt(atRisk);
    if (2n * num <= den) return time;
  }
  return null;
}

export function naiveBacklog(tickets: ReadonlyArray<RawTicket>, at: number, asOf: number): NaiveResult {
  let n = 0;
  let merged = 0;
  for (const t of tickets) {
    const ev = knownEvents(t, asOf);
    if (ev === null || (ev[0] as TicketEvent).at > at) continue;
    if (RESOLVED.includes(statusAt(ev, at))) continue;
    if (isMerged(ev)) merged += 1;
    else n += 1;
  }
  return { value: n, n, excluded: { merged } };
}
