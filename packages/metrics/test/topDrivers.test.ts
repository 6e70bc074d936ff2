// topDrivers: Pareto tables of created, reopened, negative-CSAT and breached tickets (docs/kpis.md, "Findings").
import { describe, expect, it } from "vitest";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, ticketRowsFromLogs, topDrivers, type SlaEngineLike } from "../src/index.js";
import { naiveDrivers } from "./support/naiveFindings.js";
import { T0, created, customer, merged, rated, reply, status, ticket } from "./support/tickets.js";

const period = { from: T0, to: T0 + 7 * 86_400_000 };

describe("topDrivers", () => {
  it("sorts by count, then key (null last), with shares and exact cumulative shares", () => {
    const tickets = [
      ticket("A", [1, created("customer", { category: "shipping" })]),
      ticket("B", [2, created("customer", { category: "billing" })]),
      ticket("C", [3, created("customer", { category: "billing" })]),
      ticket("D", [4, created("customer", { category: "account" })]),
      ticket("E", [5, created("customer")]),
      ticket("F", [6, created("customer")]),
    ];
    const result = topDrivers(tickets, { period, by: "category", measure: "created" });
    expect(result.rows).toStrictEqual([
      { key: "billing", value: 2, share: 2 / 6, cumulativeShare: 2 / 6 },
      { key: null, value: 2, share: 2 / 6, cumulativeShare: 4 / 6 },
      { key: "account", value: 1, share: 1 / 6, cumulativeShare: 5 / 6 },
      { key: "shipping", value: 1, share: 1 / 6, cumulativeShare: 1 },
    ]);
    expect(result.total).toBe(6);
  });

  it("excludes merged-away tickets, reads the key at the anchor, and counts reopens and negative ratings", () => {
    const tickets = [
      ticket("A", [1, created("customer", { category: "billing" })], [2, reply], [3, status("solved")], [4, customer], [4, status("open")], [5, { type: "category_changed", to: "technical" }]),
      ticket("B", [1, created("customer", { category: "billing" })], [2, merged("A")]),
      ticket("C", [1, created("customer", { category: "billing" })], [2, reply], [3, status("solved")], [9, rated(2)]),
      ticket("D", [1, created("customer", { category: "billing" })], [2, reply], [3, status("solved")], [9, rated(2, 3)]),
      ticket("E", [1, created("customer", { category: "billing" })], [2, reply], [3, status("solved")], [9, rated(3)]),
    ];
    const createdRows = topDrivers(tickets, { period, measure: "created" });
    expect(createdRows.rows).toStrictEqual([{ key: "billing", value: 4, share: 1, cumulativeShare: 1 }]);
    expect(createdRows.excluded).toStrictEqual({ merged: 1 });
    // A reopened at hour 4, when it was still billing (reclassified at hour 5).
    expect(topDrivers(tickets, { period, measure: "reopened" }).rows.map((r) => [r.key, r.value])).toStrictEqual([["billing", 1]]);
    // 2/5 is negative; 2/3 is satisfied by csat's top-two rule, so not; 3/5 is neutral.
    expect(topDrivers(tickets, { period, measure: "negative_csat" }).rows.map((r) => [r.key, r.value])).toStrictEqual([["billing", 1]]);
  });

  it("has zero counts: an empty period gives no rows and null shares; a key seen only before closes the table with 0", () => {
    expect(topDrivers([], { period }).rows).toStrictEqual([]);
    const before = { from: T0 - 7 * 86_400_000, to: T0 };
    const tickets = [
      ticket("A", [-30, created("customer", { category: "billing" })]),
      ticket("B", [10, created("customer", { category: "account" })]),
    ];
    const result = topDrivers(tickets, { period, compareTo: before, minN: 1 });
    expect(result.rows.map((r) => [r.key, r.value, r.share, r.change?.previous, r.change?.difference])).toStrictEqual([
      ["account", 1, 1, 0, 1],
      ["billing", 0, 0, 1, -1],
    ]);
    expect(result.previousTotal).toBe(1);
  });

  it("flags a key whose rate changed, Benjamini–Hochberg across keys, and never one below minN", () => {
    const tickets: Array<ReturnType<typeof ticket>> = [];
    let i = 0;
    const add = (category: string, count: number, offsetHours: number): void => {
      for (let k = 0; k < count; k++) tickets.push(ticket(`T${i++}`, [offsetHours + (k % 150), created("customer", { category })]));
    };
    add("billing", 20, -168); // previous week
    add("billing", 60, 0); // this week: 3×
    add("account", 30, -168);
    add("account", 31, 0);
    add("rare", 1, -168);
    add("rare", 9, 0); // 9×, but only 10 tickets in all
    const result = topDrivers(tickets, { period, compareTo: { from: T0 - 7 * 86_400_000, to: T0 } });
    const byKey = new Map(result.rows.map((r) => [r.key, r.change]));
    expect(byKey.get("billing")?.significant).toBe(true);
    expect(byKey.get("billing")?.test?.direction).toBe("up");
    expect(byKey.get("billing")?.test?.effect.estimate).toBeCloseTo(3, 12);
    expect(byKey.get("account")?.significant).toBe(false);
    expect(byKey.get("rare")?.test).toBeNull();
    expect(byKey.get("rare")?.significant).toBe(false);
  });

  it("counts breached tickets from the SLA engine's states, keyed at the first breach in the period", () => {
    const engine: SlaEngineLike = {
      evaluate: (log) => ({
        metrics: (log as ReadonlyArray<{ id: string }>)[0]?.id === "A-0"
          ? [
              { metric: "first_response", status: "breached", breachedAt: T0 + 5 * 3_600_000, stoppedAt: null },
              { metric: "resolution", status: "breached", breachedAt: T0 + 30 * 3_600_000, stoppedAt: null },
            ]
          : [{ metric: "first_response", status: "active", breachedAt: T0 + 900 * 3_600_000, stoppedAt: null }],
      }),
    };
    const tickets = [
      ticket("A", [1, created("customer", { category: "billing" })], [10, { type: "category_changed", to: "technical" }]),
      ticket("B", [1, created("customer", { category: "billing" })]),
    ];
    const result = topDrivers(tickets, { period, measure: "breached", slaEngine: engine });
    expect(result.rows).toStrictEqual([{ key: "billing", value: 1, share: 1, cumulativeShare: 1 }]);
    expect(thrownBy(MetricsError, () => topDrivers(tickets, { period, measure: "breached" })).issues[0].path).toStrictEqual(["slaEngine"]);
  });

  it("takes flat rows too (created by channel, which rows know exactly), but not for breaches", () => {
    const logs = generateTicketLogs({ count: 500, seed: 2, kpiExtras: true });
    const options = { period: { from: "2026-01-05", to: "2026-01-19" }, asOf: "2026-03-01", by: "channel", measure: "created" } as const;
    const rows = ticketRowsFromLogs(logs, { asOf: options.asOf });
    expect(topDrivers(rows, options)).toStrictEqual(topDrivers(logs, options));
    const engine: SlaEngineLike = { evaluate: () => ({ metrics: [] }) };
    expect(thrownBy(MetricsError, () => topDrivers(rows, { ...options, measure: "breached", slaEngine: engine })).issues[0].path).toStrictEqual([0]);
  });

  it("rejects bad options with a path", () => {
    expect(thrownBy(MetricsError, () => topDrivers([], { period, by: "agent" as never })).issues[0].path).toStrictEqual(["by"]);
    expect(thrownBy(MetricsError, () => topDrivers([], { period, measure: "solved" as never })).issues[0].path).toStrictEqual(["measure"]);
    expect(thrownBy(MetricsError, () => topDrivers([], { period, compareTo: { from: T0, to: T0 } })).issues[0].path).toStrictEqual(["compareTo", "to"]);
    expect(thrownBy(MetricsError, () => topDrivers([], { period, alpha: 1 })).issues[0].path).toStrictEqual(["alpha"]);
  });

  it("agrees with the naive reference on generated logs, for every measure and key", () => {
    const logs = generateTicketLogs({ count: 1_500, seed: 11, kpiExtras: true, timeZone: "America/New_York", start: "2026-02-23", days: 28 });
    const from = Date.parse("2026-03-02T05:00:00Z");
    const to = Date.parse("2026-03-16T04:00:00Z");
    const asOf = Date.parse("2026-04-15T00:00:00Z");
    for (const measure of ["created", "reopened", "negative_csat"] as const) {
      for (const by of ["category", "priority", "channel"] as const) {
        const result = topDrivers(logs, { period: { from, to }, asOf, by, measure, timeZone: "America/New_York" });
        const naive = naiveDrivers(logs, { from, to, asOf, by, measure });
        expect(result.rows.map((r) => ({ key: r.key, value: r.value })), `${measure} by ${by}`).toStrictEqual(naive.rows);
        expect(result.excluded.merged).toBe(naive.merged);
        expect(result.total).toBe(naive.rows.reduce((s, r) => s + r.value, 0));
        expect(naive.rows.length, `${measure} by ${by} has rows`).toBeGreaterThan(1);
      }
    }
  });
});
