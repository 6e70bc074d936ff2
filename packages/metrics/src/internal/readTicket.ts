import type { IssuePath } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";
import type { TicketFacts, TicketInput } from "../TicketFacts.js";
import { factsOf } from "./factsOf.js";
import { readTicketRows, type TicketRow } from "../TicketRow.js";
import { factsFromRow, readCanonicalRow } from "./factsFromRow.js";

/** Whether an input item is a flat row rather than `{ id, events }`. */
export function isRow(ticket: TicketInput | TicketRow): ticket is TicketRow {
  return typeof ticket === "object" && ticket !== null && !("events" in ticket) && "created_at" in ticket;
}

/**
 * Reads one input item (a log or a row) into facts as of `asOf`, for callers that read the facts
 * once and keep nothing of them (they come unfrozen); a bad row is `invalid_ticket_row`.
 */
export function readTicket(ticket: TicketInput | TicketRow, asOf: number, path: IssuePath): TicketFacts | null {
  if (!isRow(ticket)) return factsOf(ticket, asOf, path, false);
  // A row as parseTicketRows writes it is read directly; any other form goes through the reader.
  const fast = readCanonicalRow(ticket, asOf);
  if (fast !== undefined) return fast;
  const { rows, problems } = readTicketRows([ticket]);
  if (problems.length > 0) {
    throw new MetricsError("invalid_ticket_row", problems.map((p) => ({ code: "invalid_ticket_row" as const, path: [...path, p.column], message: p.message })));
  }
  return factsFromRow(rows[0] as TicketRow, asOf);
}
