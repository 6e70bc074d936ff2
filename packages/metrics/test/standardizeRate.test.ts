// Mix-standardised rates (docs/kpis.md, "Mix-standardised rates"): Simpson's paradox in textbook data.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, kpiReport, standardizeRate } from "@supportops/metrics";
import { T0, DAY, created, reply, status, ticket } from "./support/tickets.js";

describe("standardizeRate", () => {
  it("reverses Simpson's paradox in the kidney-stone data (Charig et al., BMJ 1986; Julious & Mullee, BMJ 1994)", () => {
    // Treatment A (open surgery) vs B (percutaneous nephrolithotomy), successes by stone size.
    const cells = [
      { treatment: "A", size: "small", successes: 81, n: 87 },
      { treatment: "A", size: "large", successes: 192, n: 263 },
      { treatment: "B", size: "small", successes: 234, n: 270 },
      { treatment: "B", size: "large", successes: 55, n: 80 },
    ];
    const result = standardizeRate(cells, { by: "size", across: "treatment" });
    const [a, b] = result.groups;
    // Crude: B looks better (83 % vs 78 %) ...
    expect(a).toMatchObject({ key: "A", successes: 273, n: 350, crude: 273 / 350 });
    expect(b).toMatchObject({ key: "B", successes: 289, n: 350, crude: 289 / 350 });
    expect(b!.crude!).toBeGreaterThan(a!.crude!);
    // ... but with the pooled mix (357 small, 343 large of 700) A is better, as in each stratum.
    expect(result.weights).toStrictEqual({ large: 343 / 700, small: 357 / 700 });
    expect(a!.standardized).toBeCloseTo((357 / 700) * (81 / 87) + (343 / 700) * (192 / 263), 12);
    expect(b!.standardized).toBeCloseTo((357 / 700) * (234 / 270) + (343 / 700) * (55 / 80), 12);
    expect(a!.standardized!).toBeGreaterThan(b!.standardized!);
    expect(a!.ci!.low).toBeLessThan(a!.standardized!);
    expect(a!.ci!.high).toBeGreaterThan(a!.standardized!);
  });

  it("reads the SLA fixture of metrics-anchors §3.4 with explicit weights", () => {
    const cells = [
      { team: "A", priority: "P1", successes: 60, n: 100 },
      { team: "A", priority: "P3", successes: 950, n: 1000 },
      { team: "B", priority: "P1", successes: 650, n: 1000 },
      { team: "B", priority: "P3", successes: 96, n: 100 },
    ];
    const result = standardizeRate(cells, { by: "priority", across: "team", weights: { P1: 3, P3: 1 } });
    expect(result.groups.map((g) => [g.key, g.standardized])).toStrictEqual([
      ["A", 0.75 * 0.6 + 0.25 * 0.95],
      ["B", 0.75 * 0.65 + 0.25 * 0.96],
    ]);
  });

  it("a group missing a weighted stratum has no standardised rate, and says which", () => {
    const result = standardizeRate(
      [
        { team: "A", priority: "P1", successes: 1, n: 2 },
        { team: "A", priority: "P3", successes: 1, n: 1 },
        { team: "B", priority: "P3", successes: 1, n: 1 },
      ],
      { by: "priority", across: "team" },
    );
    expect(result.groups[1]).toMatchObject({ key: "B", standardized: null, ci: null, missingStrata: ["P1"] });
  });

  it("takes the rows of a kpiReport, adding the buckets of each group and stratum", () => {
    const tickets = [
      ticket("A", [0, created("customer", { category: "billing", priority: "high" })], [1, reply], [2, status("solved")]),
      ticket("B", [0, created("customer", { category: "billing", priority: "low" })], [1, reply], [1.5, reply], [2, status("solved")]),
      ticket("C", [8 * 24, created("customer", { category: "billing", priority: "low" })], [8 * 24 + 1, reply], [8 * 24 + 2, status("solved")]),
      ticket("D", [0, created("customer", { category: "tech", priority: "high" })], [1, reply], [1.5, reply], [2, status("solved")]),
    ];
    const report = kpiReport(tickets, { kpis: ["first_contact_resolution"], period: { from: T0, to: T0 + 14 * DAY }, asOf: T0 + 30 * DAY, groupBy: ["category", "priority"], bucket: { unit: "week" } });
    const result = standardizeRate(report.rows, { by: "priority", across: "category" });
    expect(result.groups.find((g) => g.key === "billing")).toMatchObject({ successes: 2, n: 3, strata: { high: { successes: 1, n: 1 }, low: { successes: 1, n: 2 } } });
    expect(result.weights).toStrictEqual({ high: 0.5, low: 0.5 });
  });

  it("rejects cells without the attributes and weights that sum to 0", () => {
    expect(thrownBy(MetricsError, () => standardizeRate([{ successes: 1, n: 1 }], { by: "priority", across: "team" })).issues[0].path).toStrictEqual([0, "priority"]);
    expect(thrownBy(MetricsError, () => standardizeRate([{ team: "A", priority: "P1", successes: 3, n: 1 }], { by: "priority", across: "team" })).issues[0].path).toStrictEqual([0, "successes"]);
    expect(thrownBy(MetricsError, () => standardizeRate([{ team: "A", priority: "P1", successes: 0, n: 1 }], { by: "priority", across: "team", weights: { P1: 0 } })).code).toBe("invalid_argument");
  });
});
