// Flat rows: ticketRowsFromLogs says what the log says, and the reader reports every bad row
// (number, column, message) without dropping the good ones.
import { describe, expect, it } from "vitest";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, TICKET_ROW_COLUMNS, computeTicketFacts, kpiReport, parseTicketRows, readTicketRows, ticketRowsFromLogs } from "@supportops/metrics";
import { T0, created, customer, rated, reply, status, ticket } from "./support/tickets.js";

describe("ticketRowsFromLogs", () => {
  it("writes one row per ticket known at asOf, every column by the definitions", () => {
    const rows = ticketRowsFromLogs(
      [
        ticket("a", [0, created("customer", { channel: "email", priority: "high", category: "billing" })], [1, reply], [2, status("solved")], [3, customer], [3, status("open")], [4, status("solved")], [5, rated(4)]),
        ticket("later", [1000, created()]),
      ],
      { asOf: T0 + 10 * 3_600_000 },
    );
    const at = (h: number): string => new Date(T0 + h * 3_600_000).toISOString();
    expect(rows).toStrictEqual([
      {
        id: "a", created_at: at(0), created_by: "customer", channel: "email", priority: "high", category: "billing", status: "solved",
        response_start_at: at(0), first_reply_at: at(1), first_resolved_at: at(2), latest_resolved_at: at(4), last_reopened_at: at(3),
        reopen_count: 1, public_agent_replies: 1, csat_score: 4, csat_scale_max: 5, csat_at: at(5), merged_into: null, merged_at: null,
      },
    ]);
    expect(Object.keys(rows[0]!)).toStrictEqual([...TICKET_ROW_COLUMNS]);
  });

  it("round-trips through the reader as CSV-like text records", () => {
    const logs = generateTicketLogs({ count: 300, seed: 5, kpiExtras: true });
    const rows = ticketRowsFromLogs(logs, { asOf: "2026-03-01T00:00:00Z" });
    const records = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)])));
    expect(readTicketRows(records)).toStrictEqual({ rows, problems: [] });
    expect(rows.filter((r) => r.merged_into !== null).every((r) => r.status === "closed")).toBe(true);
    expect(rows.length).toBe(logs.filter((l) => computeTicketFacts(l, { asOf: "2026-03-01T00:00:00Z" }) !== null).length);
  });

  it("reads a local-date asOf in timeZone (default UTC), as the KPI options do; computeTicketFacts too", () => {
    // 2026-03-02 00:00 in Berlin is 2026-03-01 23:00 UTC: a reply at 23:30 UTC is known in UTC only.
    const late = { id: "b", events: [{ id: "c", at: "2026-03-01T22:00:00Z", type: "created", by: "customer" }, { id: "r", at: "2026-03-01T23:30:00Z", type: "message", role: "agent", public: true }] };
    expect(ticketRowsFromLogs([late], { asOf: "2026-03-02" })[0]?.first_reply_at).toBe("2026-03-01T23:30:00.000Z");
    expect(ticketRowsFromLogs([late], { asOf: "2026-03-02", timeZone: "UTC" })[0]?.first_reply_at).toBe("2026-03-01T23:30:00.000Z");
    expect(ticketRowsFromLogs([late], { asOf: "2026-03-02", timeZone: "Europe/Berlin" })[0]?.first_reply_at).toBeNull();
    expect(computeTicketFacts(late, { asOf: "2026-03-02", timeZone: "Europe/Berlin" })?.firstReplyAt).toBeNull();
    expect(computeTicketFacts(late, { asOf: "2026-03-02" })?.firstReplyAt).toBe(Date.parse("2026-03-01T23:30:00Z"));
    const badZone = thrownBy(MetricsError, () => ticketRowsFromLogs([late], { asOf: "2026-03-02", timeZone: "Mars/Olympus" }));
    expect({ code: badZone.code, path: badZone.issues[0]?.path }).toStrictEqual({ code: "invalid_time_zone", path: ["timeZone"] });
    const badDate = thrownBy(MetricsError, () => computeTicketFacts(late, { asOf: "2026-02-30", timeZone: "Europe/Berlin" }));
    expect({ code: badDate.code, path: badDate.issues[0]?.path }).toStrictEqual({ code: "invalid_time", path: ["asOf"] });
  });
});

describe("readTicketRows", () => {
  const good = { id: "T-1", created_at: "2026-03-09T09:00:00Z", created_by: "customer", status: "open", reopen_count: "0", public_agent_replies: "2" };

  it("keeps the good rows and reports every problem of each bad row by number and column", () => {
    const result = readTicketRows([
      good,
      { ...good, id: "", created_at: "2026-03-09 09:00", status: "waiting" },
      { ...good, id: "T-3", reopen_count: "-1", csat_score: "7", csat_at: "2026-03-10T09:00:00Z" },
      { ...good, id: "T-4", first_reply_at: "2026-03-08T09:00:00Z" },
      42,
    ]);
    expect(result.rows.map((r) => r.id)).toStrictEqual(["T-1"]);
    expect(result.problems).toStrictEqual([
      { row: 2, column: "created_at", message: 'expected an ISO-8601 instant with an offset or Z, got "2026-03-09 09:00"' },
      { row: 2, column: "id", message: "is required" },
      { row: 2, column: "status", message: 'expected a canonical status (new, open, pending, on_hold, solved, closed), got "waiting"' },
      { row: 3, column: "reopen_count", message: 'expected a whole number ≥ 0, got "-1"' },
      { row: 3, column: "csat_score", message: "expected a score from 1 to 5" },
      { row: 4, column: "first_reply_at", message: "is before created_at" },
      { row: 4, column: "first_reply_at", message: "a first reply needs a response_start_at (a reply is a public agent message at or after the response start)" },
      { row: 5, column: "", message: "expected an object of columns" },
    ]);
  });

  it("refuses rows whose instants break the order the definitions imply, in kpiReport too (never a negative duration)", () => {
    const at = (h: number): string => new Date(Date.parse("2026-03-09T09:00:00Z") + h * 3_600_000).toISOString();
    const row = {
      id: "T-1", created_at: at(0), created_by: "customer", channel: null, priority: null, category: null, status: "solved",
      response_start_at: at(0), first_reply_at: at(1), first_resolved_at: at(2), latest_resolved_at: at(3), last_reopened_at: at(2.5),
      reopen_count: 1, public_agent_replies: 1, csat_score: null, csat_scale_max: null, csat_at: null, merged_into: null, merged_at: null,
    } as const;
    const cases = [
      [{ response_start_at: at(2) }, "first_reply_at", "is before response_start_at (a reply is a public agent message at or after the response start)"],
      [{ response_start_at: null }, "first_reply_at", "a first reply needs a response_start_at (a reply is a public agent message at or after the response start)"],
      [{ first_resolved_at: null }, "latest_resolved_at", "a resolved ticket has both first_resolved_at and latest_resolved_at, or neither"],
      [{ latest_resolved_at: null }, "latest_resolved_at", "a resolved ticket has both first_resolved_at and latest_resolved_at, or neither"],
      [{ first_resolved_at: at(4) }, "latest_resolved_at", "is before first_resolved_at"],
    ] as const;
    expect(readTicketRows([row]).problems).toStrictEqual([]);
    const period = { from: "2026-03-01", to: "2026-04-01" } as const;
    for (const [change, column, message] of cases) {
      const bad = { ...row, ...change };
      expect(readTicketRows([bad]).problems).toStrictEqual([{ row: 1, column, message }]);
      const error = thrownBy(MetricsError, () => kpiReport([row, bad], { period }));
      expect({ code: error.code, path: error.issues[0]?.path }).toStrictEqual({ code: "invalid_ticket_row", path: [1, column] });
    }
  });

  it("parseTicketRows throws invalid_ticket_row with [row, column] paths", () => {
    const error = thrownBy(MetricsError, () => parseTicketRows([good, { ...good, created_by: "robot" }]));
    expect(error.code).toBe("invalid_ticket_row");
    expect(error.issues.map((i) => i.path)).toStrictEqual([[2, "created_by"]]);
    expect(parseTicketRows([good])).toHaveLength(1);
  });
});

describe("rows made by the library", () => {
  const logs = generateTicketLogs({ count: 40, seed: 11, kpiExtras: true, start: "2026-03-02", days: 14 });
  const fromLogs = ticketRowsFromLogs(logs, { asOf: "2026-03-20" });
  const { rows: read } = readTicketRows(fromLogs.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)]))));

  it("are frozen plain objects with exactly the columns, whatever they remember", () => {
    for (const row of [...fromLogs, ...read]) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).toStrictEqual([...TICKET_ROW_COLUMNS]);
      // Nothing else shows: not in JSON, not in a spread copy, not in a strict comparison.
      expect(JSON.parse(JSON.stringify(row))).toStrictEqual({ ...row });
      expect(Object.isFrozen({ ...row })).toBe(false);
      expect(row).toStrictEqual({ ...row });
      expect(() => {
        (row as { category: string | null }).category = "edited";
      }).toThrow(TypeError);
    }
    expect(read).toStrictEqual(fromLogs);
  });

  it("give the report their copies give, and an object built on one reads its own columns", () => {
    const options = { period: { from: "2026-03-02", to: "2026-03-16" }, asOf: "2026-03-20", groupBy: ["category"], bucket: { unit: "week" } } as const;
    const copies = fromLogs.map((row) => ({ ...row }));
    expect(kpiReport(fromLogs, options)).toStrictEqual(kpiReport(copies, options));
    expect(kpiReport(read, options)).toStrictEqual(kpiReport(copies, options));
    // An object whose prototype is a library row, with a column of its own: its own value counts.
    const row = fromLogs.find((r) => r.first_reply_at !== null && r.merged_at === null) as (typeof fromLogs)[number];
    const later = new Date(Date.parse(row.first_reply_at as string) + 3_600_000).toISOString();
    const derived = Object.create(row, { first_reply_at: { value: later, enumerable: true } }) as typeof row;
    const edited = { ...row, first_reply_at: later };
    const frt = { kpis: ["first_response_time"], period: { from: "2026-03-01", to: "2026-03-31" }, asOf: "2026-04-01" } as const;
    expect(kpiReport([derived], frt)).toStrictEqual(kpiReport([edited], frt));
  });
});
