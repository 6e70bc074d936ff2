// Laws of kpiReport and the accumulators on generated logs: rows add up to the ungrouped KPI where
// the KPI is additive, the ungrouped one-bucket report equals the KPI functions, and merging any split
// of the tickets (also through JSON) equals one pass over all of them.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import {
  accumulatorFromJSON,
  createAccumulator,
  csat,
  firstContactResolution,
  firstResponseTime,
  kpiReport,
  reopenRate,
  resolutionSurvival,
  resolutionTime,
  ticketsResolved,
  type ReportOptions,
} from "@supportops/metrics";

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 200 }),
  zone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"),
  fromDay: fc.integer({ min: 0, max: 20 }),
  days: fc.integer({ min: 1, max: 40 }),
  asOfExtraDays: fc.integer({ min: 0, max: 10 }),
  unit: fc.constantFrom("week" as const, "month" as const),
  groupBy: fc.subarray(["category", "priority", "channel"] as const),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const day = (n: number): string => new Date(Date.UTC(2026, 0, 5 + n)).toISOString().slice(0, 10);

function setUp(c: Case): { logs: ReturnType<typeof generateTicketLogs>; options: ReportOptions } {
  const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, timeZone: c.zone, start: "2026-01-05", days: 35 });
  return {
    logs,
    options: {
      period: { from: day(c.fromDay), to: day(c.fromDay + c.days) },
      asOf: day(c.fromDay + c.days + c.asOfExtraDays),
      timeZone: c.zone,
      groupBy: c.groupBy,
      bucket: { unit: c.unit },
    },
  };
}

const FUNCTIONS = {
  tickets_resolved: ticketsResolved,
  first_response_time: firstResponseTime,
  resolution_time: resolutionTime,
  first_contact_resolution: firstContactResolution,
  reopen_rate: reopenRate,
  csat,
  resolution_survival: resolutionSurvival,
} as const;

describe("kpiReport laws", () => {
  test.prop([caseArb], { numRuns: numRuns(30) })("grouped, bucketed rows add up to the KPI's n and exclusions; ungrouped one-bucket rows equal the KPI functions", (c) => {
    const { logs, options } = setUp(c);
    const { groupBy: _g, bucket: _b, ...plain } = options;
    const whole = kpiReport(logs, plain);
    const split = kpiReport(logs, options);
    for (const [kpi, fn] of Object.entries(FUNCTIONS)) {
      const expected = fn(logs, plain);
      const total = { n: 0, excluded: {} as Record<string, number>, successes: 0 };
      for (const row of split.rows.filter((r) => r.kpi === kpi)) {
        total.n += row.n;
        for (const [reason, count] of Object.entries(row.excluded)) total.excluded[reason] = (total.excluded[reason] ?? 0) + count;
        total.successes += (row.stats as { successes?: number }).successes ?? 0;
      }
      expect(total.n, kpi).toBe(expected.n);
      for (const [reason, count] of Object.entries(expected.excluded)) expect(total.excluded[reason] ?? 0, `${kpi} ${reason}`).toBe(count);
      if ("successes" in expected.stats && kpi !== "first_contact_resolution") expect(total.successes, kpi).toBe(expected.stats.successes);
      const row = whole.rows.find((r) => r.kpi === kpi);
      if (row !== undefined) expect({ value: row.value, n: row.n, excluded: row.excluded, stats: row.stats }, kpi).toStrictEqual({ value: expected.value, n: expected.n, excluded: expected.excluded, stats: expected.stats });
      else expect(expected.n + Object.values(expected.excluded).reduce((a, b) => a + b, 0), kpi).toBe(0);
    }
  });

  test.prop([caseArb, fc.array(fc.nat(3), { maxLength: 200 })], { numRuns: numRuns(30) })("merge of any split (through JSON) equals one pass over the whole", (c, parts) => {
    const { logs, options } = setUp(c);
    const whole = createAccumulator(options);
    for (const log of logs) whole.add(log);
    const shards = [0, 1, 2, 3].map(() => createAccumulator(options));
    logs.forEach((log, i) => shards[parts[i] ?? 0]!.add(log));
    const restored = shards.map((shard) => accumulatorFromJSON(JSON.parse(JSON.stringify(shard))));
    const merged = restored[3]!.merge(restored[1]!).merge(restored[0]!.merge(restored[2]!));
    // Values are kept in arrival order; the report sorts them, so the results are equal.
    expect(merged.result()).toStrictEqual(whole.result());
  });
});
