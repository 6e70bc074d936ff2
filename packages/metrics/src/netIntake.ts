import type { KpiOptions } from "./KpiOptions.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import type { TicketRow } from "./TicketRow.js";
import { isRow, readTicket } from "./internal/readTicket.js";
import { ROWS_METHOD_NOTE } from "./internal/factsFromRow.js";
import { inPeriod, requireIterable, resolveOptions, resolvedInPeriod } from "./internal/extraKpi.js";

/**
 * Stats of `net_intake`.
 *
 * @example
 * const stats: NetIntakeStats = { created: 120, resolved: 104 };
 */
export interface NetIntakeStats {
  /** Tickets created in the period (not merged away). */
  readonly created: number;
  /** Tickets `ticketsResolved` counts in the period. */
  readonly resolved: number;
}

/**
 * Net intake, a **flow** over the period (not the backlog, which is a stock at an instant): tickets
 * created in the period minus tickets resolved in it (as `ticketsResolved` counts them). Positive means
 * the queue grew by that much from these two flows; it need not equal the change in `backlog`, since
 * tickets reopened, merged or resolved at creation move the stock too. Merged-away tickets are left
 * out of both sides (`excluded.merged` counts each side they would have been on). Takes logs or rows.
 * See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }` or `TicketRow`s
 * @param options - the period KPI options
 * @returns the `net_intake` result: `value = created − resolved`, `n = created + resolved`
 * @throws {@link MetricsError} `invalid_ticket_log` / `invalid_ticket_row` with the ticket's index, and option errors
 * @example
 * const tickets = [
 *   { id: "T-1", events: [{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }] },
 *   { id: "T-2", events: [{ id: "c", at: "2026-03-10T09:00:00Z", type: "created", by: "customer" }] },
 *   { id: "T-3", events: [
 *     { id: "c", at: "2026-02-20T09:00:00Z", type: "created", by: "customer" },
 *     { id: "s", at: "2026-03-02T09:00:00Z", type: "status_changed", to: "solved" },
 *   ] },
 * ];
 * netIntake(tickets, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 1
 */
export function netIntake(tickets: Iterable<TicketInput | TicketRow>, options: KpiOptions): GenericKpiResult<"net_intake", NetIntakeStats> {
  const o = resolveOptions(options, "netIntake(tickets, { period: { from, to } })");
  let created = 0;
  let resolved = 0;
  const excluded = { merged: 0, reopenedBeforeEnd: 0 };
  let index = 0;
  let fromRows = false;
  for (const ticket of requireIterable(tickets, "tickets { id, events } or TicketRows")) {
    if (isRow(ticket)) fromRows = true;
    const f = readTicket(ticket, o.asOf, [index]);
    index += 1;
    if (f === null) continue;
    const merged = f.merged !== null;
    if (inPeriod(o, f.createdAt)) {
      if (merged) excluded.merged += 1;
      else created += 1;
    }
    const state = resolvedInPeriod(f, o);
    if (state === "reopenedBeforeEnd") excluded.reopenedBeforeEnd += 1;
    else if (state === "in") {
      if (merged) excluded.merged += 1;
      else resolved += 1;
    }
  }
  const method = "flow: count of tickets created in the period − count of tickets resolved in the period (tickets_resolved's rule); not a backlog stock";
  return {
    kpi: "net_intake",
    value: created - resolved,
    n: created + resolved,
    excluded,
    population: "tickets created in the period (+) and tickets counted by tickets_resolved (−); merged-away tickets on neither side",
    timeAnchor: "creation (+) and latest resolution (−)",
    timeZone: o.timeZone,
    method: fromRows ? `${method}; ${ROWS_METHOD_NOTE}` : method,
    stats: { created, resolved },
  };
}
