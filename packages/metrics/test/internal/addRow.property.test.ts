// The direct row path (a TicketRow added straight into the cells, no facts built) against the facts
// path it replaces (the row read by readTicketRows, its facts by factsFromRow, added with addFacts):
// the same state and report for every KPI and option, on generated rows and rows edited into the
// corners (a latest resolution without a first — refused alike —, reopens before it, merges, agent-created tickets,
// instants in other forms), and the same errors for bad rows. Rows made by readTicketRows and
// ticketRowsFromLogs carry the instants they were read from; they are compared the same way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import { KPI_IDS, MetricsError, createAccumulator, readTicketRows, ticketRowsFromLogs, type KpiId, type ReportOptions, type TicketRow } from "@supportops/metrics";
import { factsFromRow } from "../../src/internal/factsFromRow.js";

const HOUR = 3_600_000;
const START = Date.parse("2026-03-16T00:00:00Z");
const calendar = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } });
const LOGS = generateTicketLogs({ count: 120, seed: 77, kpiExtras: true, start: "2026-03-16", days: 28 });
const ROW_SETS = [Date.parse("2026-04-02T00:00:00Z"), Date.parse("2026-04-20T00:00:00Z")].map((asOf) => ticketRowsFromLogs(LOGS, { asOf }));

/** Every KPI a row can feed (SLA attainment needs event logs). */
const KPIS: ReadonlyArray<KpiId> = KPI_IDS.filter((kpi) => kpi !== "sla_attainment");

const iso = (ms: number): string => new Date(ms).toISOString();
const instantArb = fc.integer({ min: -24 * 5, max: 24 * 40 }).map((h) => iso(START + h * HOUR + (h % 7) * 61_001));
const INSTANT_COLUMNS = ["created_at", "response_start_at", "first_reply_at", "first_resolved_at", "latest_resolved_at", "last_reopened_at", "csat_at", "merged_at"] as const;

/** An edit of one column: mostly values a checked row can hold, sometimes one in another form or a bad one. */
const editArb = fc.oneof(
  fc.record({ column: fc.constantFrom(...INSTANT_COLUMNS), value: fc.oneof(instantArb, fc.constant(null)) }),
  fc.record({ column: fc.constantFrom(...INSTANT_COLUMNS), value: fc.constantFrom("2026-03-20T10:00:00Z", "2026-03-20T11:00:00+01:00", "0999-03-20T10:00:00.000Z", "2026-02-30T10:00:00.000Z", "soon") }),
  fc.record({ column: fc.constant("public_agent_replies"), value: fc.constantFrom(0, 1, 2, 3, 9, "2", -1) }),
  fc.record({ column: fc.constant("reopen_count"), value: fc.constantFrom(0, 1, 2) }),
  fc.record({ column: fc.constant("csat_score"), value: fc.constantFrom(null, 1, 3, 4, 5, 7) }),
  fc.record({ column: fc.constant("csat_scale_max"), value: fc.constantFrom(null, 5, 7, 10) }),
  fc.record({ column: fc.constant("status"), value: fc.constantFrom("new", "open", "pending", "on_hold", "solved", "closed", "waiting") }),
  fc.record({ column: fc.constant("created_by"), value: fc.constantFrom("customer", "agent", "system") }),
  fc.record({ column: fc.constantFrom("category", "priority", "channel"), value: fc.constantFrom(null, "billing", "high", "email", "") }),
  fc.record({ column: fc.constant("merged_into"), value: fc.constantFrom(null, "T-1", "T-7") }),
);

const optionsArb = fc.record({
  kpis: fc.subarray([...KPIS], { minLength: 1 }),
  groupBy: fc.constantFrom<ReadonlyArray<"category" | "priority" | "channel">>([], ["category"], ["priority"], ["channel"], ["category", "priority"], ["channel", "category", "priority"]),
  bucket: fc.constantFrom<ReportOptions["bucket"] | undefined>(undefined, { unit: "week" }, { unit: "week", weekStart: 7 }, { unit: "month" }),
  fromHours: fc.integer({ min: 0, max: 24 * 10 }),
  lengthHours: fc.integer({ min: 1, max: 24 * 20 }),
  asOfExtraHours: fc.integer({ min: 0, max: 24 * 12 }),
  reopenWindow: fc.constantFrom("P7D", "P1D", "PT0S"),
  mergedInFails: fc.boolean(),
  store: fc.constantFrom("exact", "keepValues", "ddsketch"),
  timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York"),
});

/**
 * How a row is added: as given (`plain`: a copy, so it carries no remembered instants), read by
 * readTicketRows first (`sealed`: the checked row, with its instants), or through its facts (`facts`).
 */
type Path = "plain" | "sealed" | "facts";

/** The accumulator's report and state after adding every row, and each bad row's error (a bad row adds nothing). */
function run(rows: ReadonlyArray<Record<string, unknown>>, options: ReportOptions, path: Path): unknown {
  const acc = createAccumulator(options);
  const asOf = acc.toJSON().config.options.asOf;
  const errors: unknown[] = [];
  rows.forEach((row, index) => {
    try {
      if (path === "plain") {
        acc.add({ ...row } as unknown as TicketRow);
        return;
      }
      const { rows: read, problems } = readTicketRows([row]);
      if (problems.length > 0) throw new MetricsError("invalid_ticket_row", problems.map((p) => ({ code: "invalid_ticket_row" as const, path: [index, p.column], message: p.message })));
      if (path === "sealed") {
        acc.add(read[0] as TicketRow);
        return;
      }
      const facts = factsFromRow(read[0] as TicketRow, asOf);
      if (facts !== null) acc.addFacts(facts);
    } catch (error) {
      if (!(error instanceof MetricsError)) throw error;
      errors.push({ index, code: error.code, issues: error.issues });
    }
  });
  const json = acc.toJSON();
  const byKey = (a: { kpi: string; groupKey: string; bucket: number }, b: { kpi: string; groupKey: string; bucket: number }): number =>
    `${a.kpi}|${a.groupKey}|${a.bucket}` < `${b.kpi}|${b.groupKey}|${b.bucket}` ? -1 : 1;
  return { errors, report: acc.result(), state: { ...json, cells: [...json.cells].sort(byKey), snapshots: [...json.snapshots].sort((a, b) => (a.groupKey < b.groupKey ? -1 : 1)) } };
}

function toOptions(o: { kpis: KpiId[]; groupBy: ReadonlyArray<"category" | "priority" | "channel">; bucket: ReportOptions["bucket"] | undefined; fromHours: number; lengthHours: number; asOfExtraHours: number; reopenWindow: string; mergedInFails: boolean; store: string; timeZone: string }): ReportOptions {
  const from = START + o.fromHours * HOUR;
  const to = from + o.lengthHours * HOUR;
  return {
    kpis: o.kpis,
    period: { from, to },
    asOf: to + o.asOfExtraHours * HOUR,
    timeZone: o.timeZone,
    groupBy: o.groupBy,
    ...(o.bucket === undefined ? {} : { bucket: o.bucket }),
    reopenWindow: o.reopenWindow,
    mergedInFails: o.mergedInFails,
    calendar,
    ...(o.store === "keepValues" ? { keepValues: true } : o.store === "ddsketch" ? { percentiles: { method: "ddsketch" as const } } : {}),
  };
}

describe("adding TicketRows straight into the cells", () => {
  it("gives the facts path's report and state on generated rows, for every KPI", () => {
    fc.assert(
      fc.property(optionsArb, fc.constantFrom(0, 1), (o, set) => {
        const options = toOptions(o);
        const rows = ROW_SETS[set] as unknown as ReadonlyArray<Record<string, unknown>>;
        const expected = run(rows, options, "facts");
        expect(run(rows, options, "plain")).toStrictEqual(expected);
        expect(run(rows, options, "sealed")).toStrictEqual(expected);
        // The rows as ticketRowsFromLogs made them, with the instants it remembered.
        const acc = createAccumulator(options);
        for (const row of rows) acc.add(row as unknown as TicketRow);
        expect(acc.result()).toStrictEqual((expected as { report: unknown }).report);
      }),
      { numRuns: numRuns(40) },
    );
  });

  it("gives the facts path's report, state or errors on rows edited into the corners", () => {
    const rowsArb = fc.array(
      fc.record({ which: fc.nat(), set: fc.constantFrom(0, 1), edits: fc.array(editArb, { maxLength: 4 }) }).map(({ which, set, edits }) => {
        const source = ROW_SETS[set] as ReadonlyArray<TicketRow>;
        const row: Record<string, unknown> = { ...source[which % source.length] };
        for (const { column, value } of edits) row[column] = value;
        return row;
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(optionsArb, rowsArb, (o, rows) => {
        const options = toOptions(o);
        const expected = run(rows, options, "facts");
        expect(run(rows, options, "plain")).toStrictEqual(expected);
        expect(run(rows, options, "sealed")).toStrictEqual(expected);
      }),
      { numRuns: numRuns(150) },
    );
  });

  it("agrees on the rows at the corners of factsFromRow", () => {
    const base: TicketRow = {
      id: "T-9", created_at: "2026-03-17T09:00:00.000Z", created_by: "customer", channel: "email", priority: "high", category: "billing", status: "solved",
      response_start_at: "2026-03-17T09:00:00.000Z", first_reply_at: "2026-03-17T10:00:00.000Z", first_resolved_at: "2026-03-17T11:00:00.000Z",
      latest_resolved_at: "2026-03-18T11:00:00.000Z", last_reopened_at: null, reopen_count: 1, public_agent_replies: 1, csat_score: 4, csat_scale_max: 5,
      csat_at: "2026-03-18T12:00:00.000Z", merged_into: null, merged_at: null,
    };
    const corners: ReadonlyArray<Partial<Record<keyof TicketRow, unknown>>> = [
      {},
      { first_resolved_at: null },
      { first_resolved_at: null, last_reopened_at: "2026-03-19T11:00:00.000Z", status: "open" },
      { latest_resolved_at: null, status: "open" },
      { first_resolved_at: "2026-03-18T11:00:00.000Z", last_reopened_at: "2026-03-18T11:00:00.000Z" },
      { last_reopened_at: "2026-03-17T12:00:00.000Z" },
      { last_reopened_at: "2026-03-30T12:00:00.000Z", status: "open" },
      { merged_into: "T-1", merged_at: "2026-03-18T10:00:00.000Z", status: "closed" },
      { merged_into: "T-1", merged_at: "2026-03-17T10:30:00.000Z", status: "closed", latest_resolved_at: "2026-03-17T10:30:00.000Z" },
      { created_by: "agent", response_start_at: null },
      { public_agent_replies: 0 },
      { public_agent_replies: 5, first_reply_at: "2026-03-19T10:00:00.000Z" },
      { csat_score: null, csat_scale_max: null, csat_at: null },
      { first_resolved_at: "2026-03-21T00:00:00.000Z", latest_resolved_at: "2026-03-21T00:00:00.000Z", csat_at: "2026-03-21T00:00:00.000Z" },
      { last_reopened_at: "2026-03-21T00:00:00.000Z", status: "open" },
      { created_at: "2026-03-21T00:00:00.000Z", response_start_at: null, first_reply_at: null, first_resolved_at: null, latest_resolved_at: null, csat_score: null, csat_scale_max: null, csat_at: null, status: "new" },
      { created_at: "2026-03-17T10:00:00+01:00" },
      { created_at: "0999-03-17T09:00:00.000Z" },
      { created_at: "2026-04-30T09:00:00.000Z" },
    ];
    const rows = corners.map((edit) => ({ ...base, ...edit }) as Record<string, unknown>);
    for (const window of ["P7D", "P1D"]) {
      for (const asOf of ["2026-03-21", "2026-03-28", "2026-04-20"]) {
        const options: ReportOptions = { kpis: [...KPIS], period: { from: "2026-03-16", to: "2026-03-21" }, asOf, reopenWindow: window, groupBy: ["category"], bucket: { unit: "week" }, calendar };
        const expected = run(rows, options, "facts");
        expect(run(rows, options, "plain")).toStrictEqual(expected);
        expect(run(rows, options, "sealed")).toStrictEqual(expected);
      }
    }
  });
});

