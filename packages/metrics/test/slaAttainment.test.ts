// SLA attainment from the SLA engine's states (docs/kpis.md, "slaAttainment").
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, slaAttainment } from "@supportops/metrics";
import { DAY, HOUR, T0, created, merged, reply, status, ticket } from "./support/tickets.js";

const slaEngine = createSlaEngine({
  policies: [{ id: "all", calendar: "24x7", targets: { first_response: { normal: "PT2H" }, resolution: { normal: "PT24H" } } }],
});
const normal = created("customer", { priority: "normal" });

describe("slaAttainment", () => {
  it("counts met cycles at their stop and breaches at the breach, even on a ticket still open", () => {
    const tickets = [
      ticket("fast", [0, normal], [1, reply], [5, status("solved")]), // both met
      ticket("open", [0, normal], [3, reply]), // first response breached at 2 h, resolution breached at 24 h, still open
      ticket("dup", [0, normal], [1, merged("fast")]), // cancelled by the merge
    ];
    const result = slaAttainment(tickets, { period: { from: T0, to: T0 + 7 * DAY }, slaEngine });
    expect(result).toMatchObject({ kpi: "sla_attainment", value: 0.5, n: 4, excluded: { merged: 2, cancelled: 0 } });
    expect(result.stats).toMatchObject({ successes: 2, breached: 2, undetermined: 0, byMetric: { first_response: { met: 1, breached: 1 }, resolution: { met: 1, breached: 1 } } });
  });

  it("leaves running cycles without a breach undetermined, and anchors each outcome in its period", () => {
    const tickets = [ticket("a", [0, normal], [1, reply])];
    const early = slaAttainment(tickets, { period: { from: T0, to: T0 + 2 * HOUR }, slaEngine });
    expect(early).toMatchObject({ value: 1, n: 1 });
    expect(early.stats.undetermined).toBe(1);
    expect(slaAttainment(tickets, { period: { from: T0, to: T0 + 2 * HOUR }, slaEngine, metrics: ["resolution"] }).n).toBe(0);
    expect(thrownBy(MetricsError, () => slaAttainment(tickets, { period: { from: T0, to: T0 + HOUR }, slaEngine: {} as never })).code).toBe("invalid_argument");
    // A bare string is not a list of metrics (it used to become a set of its characters and match nothing).
    for (const metrics of ["first_response", 5, [""], [null]]) {
      const error = thrownBy(MetricsError, () => slaAttainment(tickets, { period: { from: T0, to: T0 + 2 * HOUR }, slaEngine, metrics: metrics as never }));
      expect(error.issues[0]?.path).toStrictEqual(["metrics"]);
    }
  });
});
