// Accumulators: add, merge, toJSON / accumulatorFromJSON, and what they refuse.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, accumulatorFromJSON, createAccumulator, kpiReport } from "@supportops/metrics";
import { T0, created, merged, reply, status, ticket } from "./support/tickets.js";

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
});
