// Accumulators with DDSketch percentiles (docs/kpis.md, "Percentiles by DDSketch"): within the
// relative accuracy of the exact report (the duration percentiles and the snapshot medians), everything
// else equal, and merge of any split (through JSON) equal to one pass over the whole — sketches, snapshot
// sketches, csat distributions and first contact resolution with tickets merged in from other shards.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { calendar24x7 } from "@supportops/sla";
import { generateTicketLogs, numRuns, thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, createAccumulator, firstResponseTime, type ReportOptions } from "@supportops/metrics";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5);

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 200 }),
  alpha: fc.constantFrom(0.005, 0.01, 0.05),
  weekly: fc.boolean(),
  business: fc.boolean(),
});

const DURATION_KPIS = new Set(["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"]);

function setUp(c: { seed: number; count: number; alpha: number; weekly: boolean; business: boolean }) {
  const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, timeZone: "UTC" });
  const base: ReportOptions = {
    kpis: [
      "tickets_resolved",
      "first_response_time",
      "resolution_time",
      "first_contact_resolution",
      "csat",
      ...(c.business ? (["first_response_time_business", "resolution_time_business"] as const) : []),
    ],
    period: { from: START, to: START + 28 * 24 * HOUR },
    asOf: START + 40 * 24 * HOUR,
    groupBy: ["channel"],
    ...(c.weekly ? { bucket: { unit: "week" as const } } : {}),
    // Round the clock: business ms equal calendar ms, so the business rows are checked as closely.
    ...(c.business ? { calendar: calendar24x7("UTC") } : {}),
  };
  return { logs, exact: base, sketched: { ...base, percentiles: { method: "ddsketch" as const, relativeAccuracy: c.alpha } } };
}

describe("accumulators with DDSketch percentiles", () => {
  test.prop([caseArb], { numRuns: numRuns(25) })("each percentile is within α of the exact one; counts, mean, min and max are exact", (c) => {
    const { logs, exact, sketched } = setUp(c);
    const a = createAccumulator(exact);
    const b = createAccumulator(sketched);
    for (const log of logs) {
      a.add(log);
      b.add(log);
    }
    const exactRows = a.result().rows;
    const sketchRows = b.result().rows;
    expect(b.result().percentiles).toMatch(new RegExp(`^DDSketch nearest-rank, each within relative accuracy ${c.alpha} `));
    expect(a.result().percentiles).toBeUndefined();
    expect(sketchRows.length).toBe(exactRows.length);
    exactRows.forEach((row, i) => {
      const other = sketchRows[i]!;
      expect(other).toMatchObject({ kpi: row.kpi, group: row.group, bucket: row.bucket, n: row.n, excluded: row.excluded });
      if (!DURATION_KPIS.has(row.kpi)) return expect(other).toStrictEqual(row);
      type Stats = Record<"median" | "p90" | "mean" | "min" | "max" | "openMedianAge" | "awaitingMedianAge" | "open" | "awaitingFirstReply" | "censoredFraction", number | null | undefined>;
      const e = row.stats as unknown as Stats;
      const s = other.stats as unknown as Stats;
      // Exact: the mean, min and max, and the snapshot counts.
      for (const key of ["mean", "min", "max", "open", "awaitingFirstReply", "censoredFraction"] as const) expect(s[key], key).toStrictEqual(e[key]);
      // Within α: the percentiles and the snapshot medians (ages of open tickets and of those awaiting a reply).
      for (const key of ["median", "p90", "openMedianAge", "awaitingMedianAge"] as const) {
        if (e[key] === undefined || e[key] === null) {
          expect(s[key], key).toStrictEqual(e[key]);
          continue;
        }
        expect(Math.abs(s[key]! - e[key]!), key).toBeLessThanOrEqual(c.alpha * e[key]! + 0.5);
      }
    });
  });

  test.prop([caseArb, fc.array(fc.nat(3), { maxLength: 200 })], { numRuns: numRuns(25) })("merge of any split (through JSON) equals one pass over the whole", (c, parts) => {
    const { logs, sketched } = setUp(c);
    const whole = createAccumulator(sketched);
    const shards = [0, 1, 2, 3].map(() => createAccumulator(sketched));
    logs.forEach((log, i) => {
      whole.add(log);
      shards[parts[i] ?? 0]!.add(log);
    });
    const restored = shards.map((s) => accumulatorFromJSON(JSON.parse(JSON.stringify(s))));
    const merged = restored[3]!.merge(restored[1]!).merge(restored[0]!.merge(restored[2]!));
    expect(merged.result()).toStrictEqual(whole.result());
    // The sketches themselves are equal, bin for bin (cells in a canonical order).
    const cells = (acc: typeof whole) => [...acc.toJSON().cells].sort((a, b) => `${a.kpi}|${a.groupKey}|${a.bucket}`.localeCompare(`${b.kpi}|${b.groupKey}|${b.bucket}`)).map((c) => c.cell.sketch ?? null);
    expect(cells(merged)).toStrictEqual(cells(whole));
    // So are the snapshot sketches, group for group.
    const snapshots = (acc: typeof whole) => [...acc.toJSON().snapshots].sort((a, b) => a.groupKey.localeCompare(b.groupKey));
    expect(snapshots(merged)).toStrictEqual(snapshots(whole));
    for (const s of snapshots(whole)) expect(s.open).toMatchObject({ kind: "ddsketch", relativeAccuracy: c.alpha });
  });
});

describe("the percentiles option", () => {
  const period = { from: START, to: START + 7 * 24 * HOUR };
  it("names the sketch in method and checks its settings", () => {
    expect(firstResponseTime([], { period, percentiles: { method: "ddsketch", relativeAccuracy: 0.02 } }).method).toMatch(/DDSketch.*0\.02/);
    expect(thrownBy(MetricsError, () => firstResponseTime([], { period, percentiles: { method: "ddsketch", relativeAccuracy: 2 } })).issues[0].path).toStrictEqual(["percentiles", "relativeAccuracy"]);
    expect(thrownBy(MetricsError, () => firstResponseTime([], { period, percentile: "linear", percentiles: { method: "ddsketch" } })).issues[0].path).toStrictEqual(["percentile"]);
    expect(thrownBy(MetricsError, () => firstResponseTime([], { period, percentiles: { method: "tdigest" } as never })).issues[0].path).toStrictEqual(["percentiles"]);
  });

  it("sketches the business-hours variants too, and refuses keepValues with a sketch (a sketch keeps no values)", () => {
    const calendar = calendar24x7("UTC");
    const log = { id: "T", events: [
      { id: "c", at: START, type: "created", by: "customer" },
      { id: "r", at: START + HOUR, type: "message", role: "agent", public: true },
    ] } as const;
    const sketched = createAccumulator({ period, calendar, percentiles: { method: "ddsketch" } });
    sketched.add(log);
    const business = sketched.result().rows.find((row) => row.kpi === "first_response_time_business");
    expect(business?.n).toBe(1);
    expect(Math.abs((business?.value as number) - HOUR)).toBeLessThanOrEqual(0.01 * HOUR);
    expect(sketched.toJSON().cells.find((c) => c.kpi === "first_response_time_business")?.cell.sketch).toBeDefined();
    expect(thrownBy(MetricsError, () => createAccumulator({ period, keepValues: true, percentiles: { method: "ddsketch" } })).issues[0].path).toStrictEqual(["keepValues"]);
  });

  it("only like accumulators merge, and a state with a foreign sketch is rejected", () => {
    const exact = createAccumulator({ period });
    const sketched = createAccumulator({ period, percentiles: { method: "ddsketch" } });
    expect(thrownBy(MetricsError, () => exact.merge(sketched)).issues[0].code).toBe("options_mismatch");
    sketched.add({ id: "T", events: [
      { id: "c", at: START, type: "created", by: "customer" },
      { id: "r", at: START + HOUR, type: "message", role: "agent", public: true },
    ] });
    const json = JSON.parse(JSON.stringify(sketched)) as { cells: Array<{ cell: { sketch?: { relativeAccuracy: number } } }> };
    json.cells[0]!.cell.sketch!.relativeAccuracy = 0.05;
    expect(thrownBy(MetricsError, () => accumulatorFromJSON(json)).code).toBe("invalid_accumulator_state");
  });
});
