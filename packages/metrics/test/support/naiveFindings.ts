// Naive references for topDrivers and repeatContactRate, written apart from the package: plain loops
// over each ticket's parsed events, quadratic where that is clearer, straight from docs/kpis.md.
import { parseTicketLog, type TicketEvent } from "@supportops/core";
import { DateTime } from "luxon";

interface RawTicket {
  readonly id: string;
  readonly events: ReadonlyArray<unknown>;
}

const RESOLVED = ["solved", "closed"];

function known(ticket: RawTicket, asOf: number): TicketEvent[] | null {
  const events = [...parseTicketLog(ticket.events)];
  if ((events[0] as TicketEvent).at > asOf) return null;
  return events.filter((e) => e.at <= asOf);
}

function attributeAt(events: TicketEvent[], by: "category" | "priority" | "channel", t: number): string | null {
  const created = events[0] as Extract<TicketEvent, { type: "created" }>;
  if (by === "channel") return created.channel ?? null;
  let value: string | null = (by === "category" ? created.category : created.priority) ?? null;
  for (const e of events) {
    if (e.at > t) break;
    if (by === "category" && e.type === "category_changed") value = e.to;
    if (by === "priority" && e.type === "priority_changed") value = e.to;
  }
  return value;
}

/** The naive Pareto rows: { key, value } by count, then key (null last). */
export function naiveDrivers(
  tickets: ReadonlyArray<RawTicket>,
  o: { from: number; to: number; asOf: number; by: "category" | "priority" | "channel"; measure: "created" | "reopened" | "negative_csat" },
): { rows: Array<{ key: string | null; value: number }>; merged: number } {
  const counts = new Map<string | null, number>();
  let merged = 0;
  for (const ticket of tickets) {
    const events = known(ticket, o.asOf);
    if (events === null) continue;
    const isMerged = events.some((e) => e.type === "merged");
    let anchor: number | null = null;
    if (o.measure === "created") {
      const at = (events[0] as TicketEvent).at;
      if (at >= o.from && at < o.to) anchor = at;
    } else if (o.measure === "reopened") {
      let status = "new";
      for (const e of events) {
        let next = status;
        if (e.type === "created") next = e.status ?? "new";
        else if (e.type === "status_changed") next = e.to;
        else if (e.type === "merged") next = "closed";
        else continue;
        const reopen = e.type !== "created" && RESOLVED.includes(status) && !RESOLVED.includes(next);
        status = next;
        if (reopen && e.at >= o.from && e.at < o.to) {
          anchor = e.at;
          break;
        }
      }
    } else {
      const ratings = events.filter((e): e is Extract<TicketEvent, { type: "satisfaction_rated" }> => e.type === "satisfaction_rated");
      const latest = ratings[ratings.length - 1];
      if (latest !== undefined && latest.at >= o.from && latest.at < o.to && latest.score <= 2 && latest.score < latest.scaleMax - 1) anchor = latest.at;
    }
    if (anchor === null) continue;
    if (isMerged) {
      merged += 1;
      continue;
    }
    const key = attributeAt(events, o.by, anchor);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, value]) => ({ key, value }));
  rows.sort((a, b) => {
    if (a.value !== b.value) return b.value - a.value;
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return a.key < b.key ? -1 : 1;
  });
  return { rows, merged };
}

/** The naive repeat contact rate: every pair of tickets compared. */
export function naiveRepeatContacts(
  tickets: ReadonlyArray<RawTicket>,
  o: { from: number; to: number; asOf: number; zone: string; windowDays: number; sameCategory: boolean },
): { n: number; successes: number; noRequester: number; merged: number } {
  const all: Array<{ id: string; at: number; requester: string | undefined; category: string | null; merged: boolean }> = [];
  for (const ticket of tickets) {
    const events = known(ticket, o.asOf);
    if (events === null) continue;
    const created = events[0] as Extract<TicketEvent, { type: "created" }>;
    let category = created.category ?? null;
    for (const e of events) if (e.type === "category_changed") category = e.to;
    all.push({ id: ticket.id, at: created.at, requester: created.requester, category, merged: events.some((e) => e.type === "merged") });
  }
  let n = 0;
  let successes = 0;
  let noRequester = 0;
  let merged = 0;
  for (const t of all) {
    if (t.at < o.from || t.at >= o.to) continue;
    if (t.requester === undefined) {
      noRequester += 1;
      continue;
    }
    if (t.merged) {
      merged += 1;
      continue;
    }
    n += 1;
    const start = DateTime.fromMillis(t.at, { zone: o.zone }).minus({ days: o.windowDays }).toMillis();
    let repeat = false;
    for (const u of all) {
      if (u.id === t.id || u.requester !== t.requester) continue;
      if (u.at < start || u.at >= t.at) continue;
      if (o.sameCategory && (t.category === null || u.category !== t.category)) continue;
      repeat = true;
    }
    if (repeat) successes += 1;
  }
  return { n, successes, noRequester, merged };
}
