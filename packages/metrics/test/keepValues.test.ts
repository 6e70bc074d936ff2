// The keepValues report option: duration rows carry their values (for detectChanges), through
// accumulators, merges and JSON.
import { describe, expect, it } from "vitest";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, createAccumulator, kpiReport } from "../src/index.js";

describe("kpiReport({ keepValues: true })", () => {
  const logs = generateTicketLogs({ count: 400, seed: 4, kpiExtras: true });
  const options = { period: { from: "2026-01-05", to: "2026-02-02" }, asOf: "2026-03-01", groupBy: ["priority"] as const, bucket: { unit: "week" } as const };

  it("adds sorted values to duration rows only, and changes nothing else", () => {
    const plain = kpiReport(logs, options);
    const kept = kpiReport(logs, { ...options, keepValues: true });
    expect(kept.rows.map(({ values: _values, ...row }) => row)).toStrictEqual(plain.rows);
    for (const row of kept.rows) {
      if (row.kpi === "first_response_time" || row.kpi === "resolution_time") {
        expect(row.values?.length).toBe(row.n);
        expect(row.values).toStrictEqual([...(row.values ?? [])].sort((a, b) => a - b));
        if (row.n > 0) expect(row.values?.[0]).toBe((row.stats as { min: number }).min);
      } else expect(row.values).toBeUndefined();
    }
  });

  it("survives JSON and merges only with accumulators that keep values too", () => {
    const a = createAccumulator({ ...options, keepValues: true });
    const b = createAccumulator({ ...options, keepValues: true });
    logs.slice(0, 200).forEach((t) => a.add(t));
    logs.slice(200).forEach((t) => b.add(t));
    const restored = accumulatorFromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(restored.merge(b).result()).toStrictEqual(kpiReport(logs, { ...options, keepValues: true }));
    expect(thrownBy(MetricsError, () => createAccumulator(options).merge(b)).issues[0].code).toBe("options_mismatch");
  });
});
