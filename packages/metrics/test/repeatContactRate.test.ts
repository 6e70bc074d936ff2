// repeatContactRate (docs/kpis.md, "Findings"): repeats within a window before each ticket's creation.
import { describe, expect, it } from "vitest";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, repeatContactRate } from "../src/index.js";
import { naiveRepeatContacts } from "./support/naiveFindings.js";

const HOUR = 3_600_000;
const make = (id: string, at: number | string, requester?: string, category?: string, extra: unknown[] = []) => ({
  id,
  events: [{ id: `${id}-c`, at, type: "created", by: "customer", ...(requester === undefined ? {} : { requester }), ...(category === undefined ? {} : { category }) }, ...extra],
});

describe("repeatContactRate", () => {
  const period = { from: "2026-03-01", to: "2026-04-01" };

  it("counts a ticket as a repeat when the requester wrote within the window before it, and reports like every KPI", () => {
    const t0 = Date.parse("2026-03-10T09:00:00Z");
    const result = repeatContactRate(
      [
        make("A", t0, "ana"),
        make("B", t0 + 7 * 24 * HOUR, "ana"), // exactly 7 days later: the window's start is inclusive
        make("C", t0 + 15 * 24 * HOUR, "ana"), // 8 days after B: not a repeat
        make("D", t0, "bo"),
        make("E", t0 + HOUR),
        make("F", t0 + 2 * HOUR, "bo", undefined, [{ id: "F-m", at: t0 + 3 * HOUR, type: "merged", into: "D" }]),
      ],
      { period },
    );
    expect(result).toStrictEqual({
      kpi: "repeat_contact_rate",
      value: 1 / 4,
      n: 4,
      excluded: { noRequester: 1, merged: 1 },
      population: "tickets created in the period with a requester, not merged away",
      timeAnchor: "creation",
      timeZone: "UTC",
      method: result.method,
      stats: { successes: 1, ci: result.stats.ci },
    });
    expect(result.stats.ci?.low).toBeGreaterThan(0);
  });

  it("does not make tickets at the same instant repeats of each other, but a third one later is", () => {
    const t0 = Date.parse("2026-03-10T09:00:00Z");
    const result = repeatContactRate([make("A", t0, "ana"), make("B", t0, "ana"), make("C", t0 + 1, "ana")], { period });
    expect([result.n, result.stats.successes]).toStrictEqual([3, 1]);
  });

  it("counts an earlier ticket merged away or created before the period", () => {
    const t0 = Date.parse("2026-03-02T09:00:00Z");
    const result = repeatContactRate(
      [make("A", t0 - 3 * 24 * HOUR, "ana"), make("B", t0, "ana"), make("C", t0 + HOUR, "bo", undefined, [{ id: "m", at: t0 + 2 * HOUR, type: "merged", into: "X" }]), make("D", t0 + 5 * HOUR, "bo")],
      { period },
    );
    expect([result.n, result.stats.successes, result.excluded.merged]).toStrictEqual([2, 2, 1]);
  });

  it("with sameCategory only matches an earlier ticket of the same category (as classified at asOf)", () => {
    const t0 = Date.parse("2026-03-10T09:00:00Z");
    const tickets = [
      make("A", t0, "ana", "billing"),
      make("B", t0 + HOUR, "ana", "shipping"),
      make("C", t0 + 2 * HOUR, "bo", "account", [{ id: "x", at: t0 + 2 * HOUR, type: "category_changed", to: "billing" }]),
      make("D", t0 + 3 * HOUR, "bo", "billing"),
      make("E", t0 + 4 * HOUR, "cy"),
      make("F", t0 + 5 * HOUR, "cy"),
    ];
    expect(repeatContactRate(tickets, { period, sameCategory: true }).stats.successes).toBe(1); // D after C (reclassified)
    expect(repeatContactRate(tickets, { period }).stats.successes).toBe(3); // B, D, F
  });

  it("reads a window of days in local calendar days across DST (Europe/Berlin springs forward on 2026-03-29)", () => {
    // 2026-03-26 10:00 CET = 09:00Z; 2026-04-02 10:00 CEST = 08:00Z: seven local days, 167 hours.
    const before = Date.parse("2026-03-26T09:00:00Z");
    const after = Date.parse("2026-04-02T08:00:00Z");
    const tickets = [make("A", before, "ana"), make("B", after, "ana")];
    const options = { period: { from: "2026-04-01", to: "2026-04-08" }, timeZone: "Europe/Berlin" } as const;
    expect(repeatContactRate(tickets, { ...options, window: "P7D" }).stats.successes).toBe(1);
    expect(repeatContactRate(tickets, { ...options, window: { days: 7 } }).stats.successes).toBe(1);
    // A ticket one minute before that local wall time is outside; 168 exact hours would have reached it.
    const early = [make("A", before - 60_000, "ana"), make("B", after, "ana")];
    expect(repeatContactRate(early, { ...options, window: "P7D" }).stats.successes).toBe(0);
    expect(repeatContactRate(early, { ...options, window: "PT168H" }).stats.successes).toBe(1);
  });

  it("has no value with no tickets, and rejects bad options with a path", () => {
    expect(repeatContactRate([], { period }).value).toBeNull();
    expect(thrownBy(MetricsError, () => repeatContactRate([], { period, window: "soon" })).code).toBe("invalid_duration");
    expect(thrownBy(MetricsError, () => repeatContactRate([], { period, sameCategory: "yes" as never })).issues[0].path).toStrictEqual(["sameCategory"]);
    expect(thrownBy(MetricsError, () => repeatContactRate([{ id: "A", events: [] }], { period })).code).toBe("invalid_ticket_log");
  });

  it("agrees with the naive reference on generated logs with returning requesters, across a DST change", () => {
    const zone = "Europe/Berlin";
    const logs = generateTicketLogs({ count: 1_200, seed: 5, kpiExtras: true, repeatRequesters: true, timeZone: zone, start: "2026-03-16", days: 28 });
    const from = Date.parse("2026-03-23T00:00:00+01:00");
    const to = Date.parse("2026-04-06T00:00:00+02:00");
    const asOf = Date.parse("2026-05-01T00:00:00Z");
    for (const sameCategory of [false, true]) {
      for (const windowDays of [1, 7]) {
        const result = repeatContactRate(logs, { period: { from, to }, asOf, timeZone: zone, window: `P${windowDays}D`, sameCategory });
        const naive = naiveRepeatContacts(logs, { from, to, asOf, zone, windowDays, sameCategory });
        expect([result.n, result.stats.successes, result.excluded.noRequester, result.excluded.merged], `${windowDays}d same=${sameCategory}`).toStrictEqual([naive.n, naive.successes, naive.noRequester, naive.merged]);
      }
    }
    const rate = repeatContactRate(logs, { period: { from, to }, asOf, timeZone: zone }).value as number;
    // Realistic: a minority of tickets are repeats, but not a negligible one.
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.5);
  });
});
