// KPIs from flat rows (docs/kpis.md, "KPIs from rows"): where a row holds everything a KPI reads, the
// result from ticketRowsFromLogs(logs, { asOf }) equals the result from the logs; where it does not,
// `method` says what differs.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { generateTicketLogs, numRuns, thrownBy } from "@supportops/test-utils";
import { MetricsError, csat, firstResponseTime, kpiReport, resolutionSurvival, resolutionTime, ticketRowsFromLogs, ticketsResolved } from "@supportops/metrics";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5);

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 200 }),
  fromHours: fc.integer({ min: -48, max: 24 * 30 }),
  lengthHours: fc.integer({ min: 1, max: 24 * 30 }),
  asOfExtraHours: fc.integer({ min: 0, max: 24 * 40 }),
});

describe("KPIs from rows", () => {
  test.prop([caseArb], { numRuns: numRuns(30) })("equal the KPIs from logs where rows hold every fact the KPI reads", (c) => {
    const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, timeZone: "UTC" });
    const from = START + c.fromHours * HOUR;
    const to = from + c.lengthHours * HOUR;
    const asOf = to + c.asOfExtraHours * HOUR;
    const options = { period: { from, to }, asOf };
    const rows = ticketRowsFromLogs(logs, { asOf });
    const pick = (r: { value: number | null; n: number; excluded: Readonly<Record<string, number>>; stats: object }) => ({ value: r.value, n: r.n, excluded: r.excluded, stats: r.stats });
    expect(pick(ticketsResolved(rows, options))).toStrictEqual(pick(ticketsResolved(logs, options)));
    expect(pick(resolutionTime(rows, options))).toStrictEqual(pick(resolutionTime(logs, options)));
    expect(pick(resolutionSurvival(rows, options))).toStrictEqual(pick(resolutionSurvival(logs, options)));
    const frtRows = firstResponseTime(rows, options);
    const frtLogs = firstResponseTime(logs, options);
    expect([frtRows.value, frtRows.n, frtRows.excluded["merged"], frtRows.stats]).toStrictEqual([frtLogs.value, frtLogs.n, frtLogs.excluded["merged"], frtLogs.stats]);
    const satRows = csat(rows, options);
    const satLogs = csat(logs, options);
    expect([satRows.value, satRows.n, satRows.excluded["merged"], satRows.stats]).toStrictEqual([satLogs.value, satLogs.n, satLogs.excluded["merged"], satLogs.stats]);
    if (rows.length > 0) expect(satRows.method).toContain("from TicketRows");
  });

  it("rejects a bad row with its index and column", () => {
    const [row] = ticketRowsFromLogs([{ id: "a", events: [{ id: "c", at: "2026-01-05T09:00:00Z", type: "created", by: "customer" }] }], { asOf: "2026-01-06T00:00:00Z" });
    const error = thrownBy(MetricsError, () => kpiReport([row!, { ...row!, status: "waiting" as never }], { period: { from: "2026-01-05", to: "2026-01-06" } }));
    expect(error.code).toBe("invalid_ticket_row");
    expect(error.issues[0].path).toStrictEqual([1, "status"]);
  });
});
