// The direct reader of rows as parseTicketRows writes them, against the general one (readTicketRows,
// then the row's facts): the same facts for every row it reads, and every other row — damaged or in
// another form — left to the general reader, so the same problems are reported. Rows made by the
// library remember their instants; they and their plain copies are read alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateTicketLogs, hostileValueArb, numRuns } from "@supportops/test-utils";
import { MetricsError, TICKET_ROW_COLUMNS, readTicketRows, ticketRowsFromLogs, type TicketFacts, type TicketRow } from "@supportops/metrics";
import { canonicalInstantsOf, factsFromRow, readCanonicalRow } from "../../src/internal/factsFromRow.js";
import { sealedInstantsOf } from "../../src/internal/rowInstants.js";
import { readTicket } from "../../src/internal/readTicket.js";

const AS_OF = Date.parse("2026-02-20T00:00:00Z");
const ROWS = ticketRowsFromLogs(generateTicketLogs({ count: 300, seed: 5, kpiExtras: true }), { asOf: AS_OF });

function general(row: unknown): { facts: TicketFacts | null } | { problems: unknown } {
  const { rows, problems } = readTicketRows([row]);
  return problems.length > 0 ? { problems: problems.map((p) => p.column) } : { facts: structuredClone(factsFromRow(rows[0] as TicketRow, AS_OF)) };
}

function viaReadTicket(row: unknown): { facts: TicketFacts | null } | { problems: unknown } {
  try {
    return { facts: structuredClone(readTicket(row as TicketRow, AS_OF, [0])) };
  } catch (error) {
    if (!(error instanceof MetricsError)) throw error;
    return { problems: error.issues.map((i) => i.path[1]) };
  }
}

describe("reading a TicketRow", () => {
  it("reads every row parseTicketRows writes directly, with the general reader's facts", () => {
    for (const row of ROWS) {
      // The row itself (frozen, with its remembered instants) and a plain copy (its strings read).
      for (const form of [row, { ...row }]) {
        expect(readCanonicalRow(form, AS_OF), row.id).not.toBeUndefined();
        expect(viaReadTicket(form), row.id).toStrictEqual(general(row));
      }
    }
  });

  it("takes the remembered instants of library rows only, never of copies, heirs or proxies", () => {
    for (const row of ROWS) {
      expect(sealedInstantsOf(row), row.id).toBeDefined();
      expect(sealedInstantsOf({ ...row })).toBeUndefined();
      expect(sealedInstantsOf(Object.create(row) as TicketRow)).toBeUndefined();
      expect(sealedInstantsOf(new Proxy(row, {}))).toBeUndefined();
    }
    for (const row of ROWS) expect(sealedInstantsOf(row), row.id).toMatchObject(canonicalInstantsOf({ ...row }) as object);
  });

  it("gives the general reader's facts or problems for damaged rows", () => {
    const values: ReadonlyArray<unknown> = [null, undefined, "", "x", 0, 1, 3, 7, -1, 1.5, "2", "2026-02-01T10:00:00.000Z", "2026-02-01T10:00:00Z", "2026-02-30T10:00:00.000Z", "2026-02-01T24:00:00.000Z", "0999-02-01T10:00:00.000Z", "2025-12-31T23:59:59.999Z", "2026-02-01T10:00:00.000+01:00", "customer", "solved", "agent"];
    fc.assert(
      fc.property(fc.nat(ROWS.length - 1), fc.array(fc.record({ column: fc.constantFrom(...TICKET_ROW_COLUMNS), value: fc.oneof(fc.constantFrom(...values), hostileValueArb) }), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const row: Record<string, unknown> = { ...ROWS[which] };
        for (const { column, value } of edits) row[column] = value;
        expect(viaReadTicket(row)).toStrictEqual(general(row));
      }),
      { numRuns: numRuns(500) },
    );
  });
});
