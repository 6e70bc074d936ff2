import type { IssuePath } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";
import type { TicketFacts, TicketInput } from "../TicketFacts.js";
import { factsOf } from "./factsOf.js";
import { readTicketRows, type TicketRow } from "../TicketRow.js";
import { canonicalInstantsOf, readCanonicalRow, type RowInstants } from "./factsFromRow.js";
import type { Engine } from "./engine.js";
import { sealedInstantsOf } from "./rowInstants.js";

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
  // Any other form: the general reader's row carries its instants (readTicketRows seals every row).
  return readCanonicalRow(readRowGenerally(ticket, path), asOf) as TicketFacts | null;
}

/**
 * Adds input item number `index` to an engine: a row straight into its cells (no facts built), a log
 * through its facts, which are returned (unfrozen, to be read at once: the SLA states need them);
 * `null` for a row or a ticket created after asOf. Checks and errors are `readTicket`'s, with paths
 * under `[index]`.
 */
export function addTicket(engine: Engine, ticket: TicketInput | TicketRow, index: number): TicketFacts | null {
  const asOf = engine.config.options.asOf;
  if (!isRow(ticket)) {
    const facts = factsOf(ticket, asOf, [index], false);
    if (facts !== null) engine.add(facts);
    return facts;
  }
  // A row made by readTicketRows or ticketRowsFromLogs was checked then, and is frozen.
  const instants = sealedInstantsOf(ticket) ?? canonicalInstantsOf(ticket);
  if (instants !== undefined) {
    engine.addRow(ticket, instants);
    return null;
  }
  // Any other form: checked (and reported) by the general reader, whose rows carry their instants
  // (readTicketRows seals every row it returns, instants of any year included).
  const row = readRowGenerally(ticket, [index]);
  engine.addRow(row, sealedInstantsOf(row) as RowInstants);
  return null;
}

/** A row read by `readTicketRows`, its problems thrown as `invalid_ticket_row` under `path`. */
function readRowGenerally(ticket: TicketRow, path: IssuePath): TicketRow {
  const { rows, problems } = readTicketRows([ticket]);
  if (problems.length > 0) {
    throw new MetricsError("invalid_ticket_row", problems.map((p) => ({ code: "invalid_ticket_row" as const, path: [...path, p.column], message: p.message })));
  }
  return rows[0] as TicketRow;
}
