// Accumulators: add, merge, toJSON / accumulatorFromJSON, and what they refuse.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, createAccumulator, kpiReport } from "@supportops/metrics";
import { generateTicketLogs } from "@supportops/test-utils";
import { T0, created, merged, rated, reply, status, ticket } from "./support/tickets.js";

const options = { kpis: ["first_contact_resolution"] as const, period: { from: T0, to: T0 + 86_400_000 }, asOf: T0 + 30 * 86_400_000 };

describe("createAccumulator", () => {
  it("joins merges across shards: a ticket merged into another in a later shard fails FCR", () => {
    const target = ticket("target", [0, created()], [1, reply], [2, status("solved")]);
    const duplicate = ticket("dup", [0, created()], [1, merged("target")]);
    const a = createAccumulator(options).add(target);
    expect(a.result().rows[0]?.value).toBe(1);
    const b = createAccumulator(options).add(duplicate);
    const row = a.merge(b).result().rows[0];
    expect(row?.value).toBe(0);
    expect(row?.stats).toMatchObject({ successes: 0, failedOnlyByMergedIn: 1 });
    expect(a.result()).toStrictEqual(kpiReport([target, duplicate], options));
  });

  it("refuses to merge accumulators made with other options, and states no accumulator wrote", () => {
    const a = createAccumulator(options);
    const b = createAccumulator({ ...options, reopenWindow: "P3D" });
    expect(thrownBy(MetricsError, () => a.merge(b)).issues[0].code).toBe("options_mismatch");
    expect(thrownBy(MetricsError, () => accumulatorFromJSON({ version: 2 })).code).toBe("invalid_accumulator_state");
    const json = JSON.parse(JSON.stringify(a.add(ticket("x", [0, created()], [1, reply], [2, status("solved")]))));
    json.cells[0].cell.n = -1;
    expect(thrownBy(MetricsError, () => accumulatorFromJSON(json)).issues[0].path).toStrictEqual(["cells", 0]);
  });

  it("reports a bad log with the index of the ticket among those added", () => {
    const acc = createAccumulator(options).add(ticket("a", [0, created()]));
    const error = thrownBy(MetricsError, () => acc.add({ id: "b", events: [] }));
    expect(error).toMatchObject({ code: "invalid_ticket_log" });
    expect(error.issues[0].path).toStrictEqual([1, "events"]);
  });

  it("decides FCR successes against merges that came before or after them, in any shard, keeping odd ids exactly through JSON", () => {
    const ids = ["ß", "ü-1", "\uD800x", "a".repeat(300), "T-5"];
    const targets = ids.map((id) => ticket(id, [0, created()], [1, reply], [2, status("solved")]));
    const duplicates = [ticket("d0", [0, created()], [1, merged("ß")]), ticket("d1", [0, created()], [1, merged("\uD800x")])];
    // One accumulator sees a duplicate before its target, the other after.
    const early = createAccumulator(options).add(duplicates[0]!).add(targets[0]!).add(targets[1]!);
    const late = createAccumulator(options).add(targets[2]!).add(targets[3]!).add(targets[4]!).add(duplicates[1]!);
    const fcr = (json: ReturnType<typeof early.toJSON>) => json.cells.find((c) => c.kpi === "first_contact_resolution")!.cell;
    expect(fcr(early.toJSON()).pendingIds).toStrictEqual(["ß", "ü-1"]);
    expect(early.result().rows.find((r) => r.kpi === "first_contact_resolution")?.stats).toMatchObject({ successes: 1, failedOnlyByMergedIn: 1 });
    expect(fcr(late.toJSON()).pendingIds).toStrictEqual(["\uD800x", "a".repeat(300), "T-5"]);
    const joined = accumulatorFromJSON(JSON.parse(JSON.stringify(early))).merge(accumulatorFromJSON(JSON.parse(JSON.stringify(late))));
    const whole = kpiReport([...targets, ...duplicates], options);
    expect(joined.result()).toStrictEqual(whole);
    expect(whole.rows[0]?.stats).toMatchObject({ successes: 3, failedOnlyByMergedIn: 2 });
  });

  it("reads version-1 states (csat scores listed, snapshot ages as lists) to the same report", () => {
    const logs = generateTicketLogs({ count: 150, seed: 7, kpiExtras: true, timeZone: "UTC" });
    const period = { from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 1, 2) };
    const base = { period, asOf: Date.UTC(2026, 1, 20), groupBy: ["channel"] as const };
    const exact = createAccumulator(base);
    const sketched = createAccumulator({ ...base, percentiles: { method: "ddsketch" } });
    for (const log of logs) {
      exact.add(log);
      sketched.add(log);
    }
    // A version-1 state lists each csat cell's scores and every snapshot age.
    const v1 = (json: ReturnType<typeof exact.toJSON>) => ({
      ...json,
      version: 1,
      cells: json.cells.map((c) =>
        c.kpi !== "csat" ? c : { ...c, cell: { ...c.cell, values: Object.entries(c.cell.distribution).flatMap(([key, count]) => Array<number>(count).fill(Number(key.split("/")[0]))) } },
      ),
      snapshots: exact.toJSON().snapshots,
    });
    expect(exact.toJSON().cells.some((c) => c.kpi === "csat" && c.cell.n > 0)).toBe(true);
    expect(accumulatorFromJSON(v1(exact.toJSON())).result()).toStrictEqual(exact.result());
    expect(accumulatorFromJSON(v1(sketched.toJSON())).result()).toStrictEqual(sketched.result());
    expect(accumulatorFromJSON(v1(sketched.toJSON())).toJSON()).toStrictEqual(sketched.toJSON());
  });

  it("refuses hostile states with invalid_accumulator_state at the path of the fault", () => {
    const csatOptions = { kpis: ["csat", "first_contact_resolution", "resolution_time"] as const, period: options.period, asOf: options.asOf };
    const t = ticket("x", [0, created()], [1, reply], [2, status("solved")], [3, rated(4)]);
    const open = ticket("o", [0, created()]);
    const stateOf = (extra = {}) => JSON.parse(JSON.stringify(createAccumulator({ ...csatOptions, ...extra }).add(t).add(open)));
    const cellIndex = (json: { cells: Array<{ kpi: string }> }, kpi: string) => json.cells.findIndex((c) => c.kpi === kpi);
    const refused = (json: unknown) => {
      const error = thrownBy(MetricsError, () => accumulatorFromJSON(json));
      expect(error.code).toBe("invalid_accumulator_state");
      return error.issues[0].path;
    };
    const edits: Array<[string, (json: any) => void, (json: any) => unknown[]]> = [
      ["a csat key that is no score/scale", (j) => (j.cells[cellIndex(j, "csat")].cell.distribution = { "4.5/5": 1 }), (j) => ["cells", cellIndex(j, "csat"), "cell", "distribution"]],
      ["a score above its scale", (j) => (j.cells[cellIndex(j, "csat")].cell.distribution = { "6/5": 1 }), (j) => ["cells", cellIndex(j, "csat"), "cell", "distribution"]],
      ["a distribution that does not add up to n", (j) => (j.cells[cellIndex(j, "csat")].cell.distribution = { "4/5": 2 }), (j) => ["cells", cellIndex(j, "csat"), "cell", "distribution"]],
      ["csat scores that are not n", (j) => (j.cells[cellIndex(j, "csat")].cell.values = [4, 4]), (j) => ["cells", cellIndex(j, "csat"), "cell", "values"]],
      ["more FCR outcomes than tickets", (j) => j.cells[cellIndex(j, "first_contact_resolution")].cell.pendingIds.push("y"), (j) => ["cells", cellIndex(j, "first_contact_resolution"), "cell"]],
      ["a pending id that is no string", (j) => (j.cells[cellIndex(j, "first_contact_resolution")].cell.pendingIds = [7]), (j) => ["cells", cellIndex(j, "first_contact_resolution")]],
      ["a negative age", (j) => (j.snapshots[0].open = [-1]), () => ["snapshots", 0, "open"]],
      ["a sketch where ages are kept exactly", (j) => (j.snapshots[0].open = { kind: "ddsketch" }), () => ["snapshots", 0, "open"]],
      ["a snapshot that is no object", (j) => (j.snapshots[0] = 3), () => ["snapshots", 0]],
    ];
    for (const [what, edit, path] of edits) {
      const json = stateOf();
      edit(json);
      expect(refused(json), what).toStrictEqual(path(json));
    }
    const sketched = { percentiles: { method: "ddsketch" as const } };
    const sketchEdits: Array<[string, (json: any) => void]> = [
      ["a snapshot sketch of another accuracy", (j) => (j.snapshots[0].open.relativeAccuracy = 0.05)],
      ["a snapshot sketch whose count is not its bins'", (j) => (j.snapshots[0].open.count += 1)],
      ["a snapshot that is neither ages nor a sketch", (j) => (j.snapshots[0].open = "many")],
    ];
    for (const [what, edit] of sketchEdits) {
      const json = stateOf(sketched);
      edit(json);
      expect(refused(json), what).toStrictEqual(["snapshots", 0, "open"]);
    }
    expect(refused({ ...stateOf(), version: 3 })).toStrictEqual(["version"]);
    // Untouched, both read back to the same report.
    expect(accumulatorFromJSON(stateOf(sketched)).result()).toStrictEqual(createAccumulator({ ...csatOptions, ...sketched }).add(t).add(open).result());
  });
});
