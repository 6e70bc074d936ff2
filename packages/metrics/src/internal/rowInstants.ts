// Rows made by readTicketRows and ticketRowsFromLogs are frozen and keep the instants they were made
// from, so a report over them does not read the ISO strings again.
import type { TicketRow } from "../TicketRow.js";
import type { RowInstants } from "./factsFromRow.js";

/**
 * Not exported: other code meets it only by listing a row's symbols (`Object.getOwnPropertySymbols`).
 * Copied onto another object it is ignored there (the instants name the row they belong to); only
 * code that forges that back-reference too could make a row disagree with its instants.
 */
const INSTANTS = Symbol("supportops.rowInstants");

/** The instants of a row, and the row they belong to (a row inheriting them is not that row). */
interface Remembered extends RowInstants {
  readonly row: TicketRow;
}

/**
 * Freezes a checked row and attaches its instants (a non-enumerable symbol property: `Object.keys`,
 * `JSON.stringify`, spreads and structured clones do not see it). Frozen, the row cannot come to
 * disagree with them.
 */
export function sealRow(row: TicketRow, t: RowInstants): TicketRow {
  const remembered: Remembered = {
    created: t.created,
    responseStart: t.responseStart,
    firstReply: t.firstReply,
    firstResolved: t.firstResolved,
    latestResolved: t.latestResolved,
    lastReopened: t.lastReopened,
    csat: t.csat,
    merged: t.merged,
    row,
  };
  Object.defineProperty(row, INSTANTS, { value: remembered });
  return Object.freeze(row);
}

/**
 * The instants a row was sealed with, `undefined` for any other row (a plain object, a copy, an
 * object whose prototype is a sealed row).
 */
export function sealedInstantsOf(row: TicketRow): RowInstants | undefined {
  const remembered = (row as unknown as { readonly [INSTANTS]?: Remembered })[INSTANTS];
  return remembered !== undefined && remembered.row === row ? remembered : undefined;
}
