// Example tests of the KPI definitions in docs/kpis.md: one edge at a time, whole values asserted.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import {
  MetricsError,
  backlog,
  csat,
  firstContactResolution,
  firstResponseTime,
  reopenRate,
  resolutionSurvival,
  resolutionTime,
  ticketsResolved,
} from "@supportops/metrics";
import { DAY, HOUR, T0, created, customer, merged, note, rated, reply, status, ticket } from "./support/tickets.js";

const period = { from: T0, to: T0 + 7 * DAY };

describe("ticketsResolved", () => {
  it("counts the latest resolution in the period, and a ticket reopened by the period's end under reopenedBeforeEnd", () => {
    const tickets = [
      ticket("a", [0, created()], [1, reply], [2, status("solved")]),
      ticket("b", [0, created()], [1, status("solved")], [2, status("open")]), // open at `to`
      ticket("c", [0, created()], [1, status("solved")], [200, status("open")], [201, status("solved")]), // latest after `to`
      ticket("d", [0, created()], [1, status("solved")], [2, merged("a")]),
    ];
    const result = ticketsResolved(tickets, { period, asOf: T0 + 30 * DAY });
    expect(result).toMatchObject({ kpi: "tickets_resolved", value: 1, n: 1, excluded: { merged: 1, reopenedBeforeEnd: 1 }, timeZone: "UTC", stats: {} });
    expect(result.provisional).toBeUndefined();
  });

  it("reads the status at the period's end, not at asOf: reopened after `to` and still open still counts", () => {
    const tickets = [ticket("a", [0, created()], [1, status("solved")], [7 * 24 + 1, status("open")])];
    expect(ticketsResolved(tickets, { period, asOf: T0 + 30 * DAY }).value).toBe(1);
  });
});

describe("firstResponseTime", () => {
  const tickets = [1, 2, 3, 4].map((h) => ticket(`t${h}`, [0, created()], [0.5, note], [h, reply]));

  it("takes the median by nearest rank by default, and linear interpolation as an option", () => {
    expect(firstResponseTime(tickets, { period }).value).toBe(2 * HOUR);
    expect(firstResponseTime(tickets, { period, percentile: "linear" }).value).toBe(2.5 * HOUR);
    expect(firstResponseTime(tickets, { period }).stats).toStrictEqual({
      median: 2 * HOUR, p90: 4 * HOUR, mean: 2.5 * HOUR, min: HOUR, max: 4 * HOUR, belowMinN: true, awaitingFirstReply: 0, awaitingMedianAge: null,
    });
  });

  it("measures an agent-created ticket from the customer's first message; one with no customer message is agentInitiated", () => {
    const result = firstResponseTime(
      [
        ticket("out", [0, created("agent")], [1, reply], [3, customer], [5, reply]),
        ticket("silent", [0, created("agent")], [1, reply]),
        ticket("waiting", [0, created()]),
      ],
      { period },
    );
    expect(result).toMatchObject({ value: 2 * HOUR, n: 1, excluded: { merged: 0, agentInitiated: 1 } });
    expect(result.stats.awaitingFirstReply).toBe(1);
    expect(result.stats.awaitingMedianAge).toBe(7 * DAY);
  });

  it("is null, never 0, when nothing was answered in the period", () => {
    expect(firstResponseTime([ticket("a", [0, created()])], { period })).toMatchObject({ value: null, n: 0 });
  });
});

describe("resolutionTime", () => {
  it("reports the open tickets beside the median and the censored fraction; a merge closes a ticket, which is then excluded", () => {
    const result = resolutionTime(
      [ticket("a", [0, created()], [10, status("solved")]), ticket("b", [0, created()], [3, status("pending")]), ticket("c", [24, created()], [48, merged("a")])],
      { period },
    );
    expect(result).toMatchObject({ value: 10 * HOUR, n: 1, excluded: { merged: 1, reopenedBeforeEnd: 0 } });
    expect(result.stats).toMatchObject({ open: 1, openMedianAge: 7 * DAY, censoredFraction: 0.5 });
  });
});

describe("firstContactResolution", () => {
  const solvedOnce = (id: string, ...more: Array<readonly [number, { type: string } & Record<string, unknown>]>) =>
    ticket(id, [0, created()], [1, reply], [2, status("solved")], ...more);

  it("counts a reopen exactly at the window's end as within it, and one a millisecond later as after it", () => {
    const atEnd = { id: "x", events: [...solvedOnce("x").events, { id: "x-r", at: T0 + 2 * HOUR + 7 * DAY, type: "status_changed", to: "open" }, { id: "x-s", at: T0 + 2 * HOUR + 7 * DAY + 1, type: "status_changed", to: "solved" }] };
    const after = { id: "y", events: [...solvedOnce("y").events, { id: "y-r", at: T0 + 2 * HOUR + 7 * DAY + 1, type: "status_changed", to: "open" }, { id: "y-s", at: T0 + 2 * HOUR + 7 * DAY + 2, type: "status_changed", to: "solved" }] };
    const options = { period: { from: T0, to: T0 + 30 * DAY }, asOf: T0 + 60 * DAY };
    expect(firstContactResolution([atEnd], options).value).toBe(0);
    expect(firstContactResolution([after], options).value).toBe(1);
  });

  it("excludes tickets with no reply, fails two replies and merged-in tickets, and counts merged-away ones under merged", () => {
    const tickets = [
      solvedOnce("one"),
      ticket("two", [0, created()], [1, reply], [2, customer], [3, reply], [4, status("solved")]),
      ticket("none", [0, created()], [1, status("solved")]),
      solvedOnce("target"),
      ticket("dup", [0, created()], [1, reply], [2, merged("target")]),
    ];
    const result = firstContactResolution(tickets, { period, asOf: T0 + 30 * DAY });
    expect(result).toMatchObject({ value: 1 / 3, n: 3, excluded: { merged: 1, noPublicReply: 1 }, provisional: false });
    expect(result.stats).toMatchObject({ successes: 1, failedOnlyByMergedIn: 1, windowOpen: 0 });
    expect(firstContactResolution(tickets, { period, asOf: T0 + 30 * DAY, mergedInFails: false }).stats.successes).toBe(2);
  });

  it("is provisional while asOf < to + window, and counts the windows still open", () => {
    const result = firstContactResolution([solvedOnce("a")], { period });
    expect(result).toMatchObject({ provisional: true, value: 1 });
    expect(result.stats.windowOpen).toBe(1);
    expect(firstContactResolution([solvedOnce("a")], { period, asOf: T0 + 14 * DAY }).provisional).toBe(false);
  });
});

describe("reopenRate", () => {
  it("is the share of tickets resolved in the period reopened within the window, with the reopen events beside it", () => {
    const tickets = [
      ticket("a", [0, created()], [1, status("solved")], [5, status("open")], [6, status("solved")], [7, status("open")]),
      ticket("b", [0, created()], [1, status("solved")]),
      ticket("c", [0, created()], [1, status("solved")], [2, merged("b")]),
    ];
    const result = reopenRate(tickets, { period, asOf: T0 + 30 * DAY });
    expect(result).toMatchObject({ value: 0.5, n: 2, excluded: { merged: 1 }, provisional: false });
    expect(result.stats).toMatchObject({ successes: 1, reopenEvents: 2, pendingWindow: 0 });
    expect(reopenRate(tickets, { period }).stats.pendingWindow).toBe(1);
  });
});

describe("csat", () => {
  it("takes each ticket's latest rating, counts earlier ones as superseded, and counts the top two scores of each scale", () => {
    const tickets = [
      ticket("a", [0, created()], [1, status("solved")], [2, rated(2)], [3, rated(4)]),
      ticket("b", [0, created()], [1, status("solved")], [2, rated(3)]),
      ticket("c", [0, created()], [1, status("solved")], [2, rated(9, 10)]),
    ];
    const result = csat(tickets, { period });
    expect(result).toMatchObject({ value: 2 / 3, n: 3, excluded: { merged: 0, superseded: 1 } });
    expect(result.stats).toMatchObject({ successes: 2, mean: 16 / 3, distribution: { "4/5": 1, "3/5": 1, "9/10": 1 } });
  });
});

describe("resolutionSurvival", () => {
  it("gives the Kaplan–Meier median of metrics-anchors' fixture: 4 h, where the naive median says 3 h", () => {
    const tickets = [1, 2, 2, 3, 4, 5, 8].map((h, i) => ticket(`r${i}`, [0, created()], [h, status("solved")]));
    for (let i = 0; i < 3; i++) tickets.push(ticket(`o${i}`, [0, created()]));
    const result = resolutionSurvival(tickets, { period: { from: T0, to: T0 + HOUR }, asOf: T0 + 48 * HOUR });
    expect(result).toMatchObject({ value: 4 * HOUR, n: 10, excluded: { merged: 0 } });
    expect(result.stats).toStrictEqual({ events: 7, censored: 3, naiveMedian: 3 * HOUR, naiveMean: Math.round((25 / 7) * HOUR) });
  });

  it("puts events before censorings at a tied time", () => {
    // At 5 h three are at risk (the one censored at 5 h still is): S = 2/3, so there is no median yet.
    const tickets = [ticket("e", [0, created()], [5, status("solved")]), ticket("c1", [0, created()]), ticket("c2", [-5, created()])];
    const result = resolutionSurvival(tickets, { period: { from: T0 - 6 * HOUR, to: T0 + HOUR }, asOf: T0 + 5 * HOUR });
    expect(result.value).toBeNull();
    expect(result.stats).toMatchObject({ events: 1, censored: 2 });
  });
});

describe("backlog", () => {
  it("counts tickets open at `at` (pending and on-hold included) in half-open age buckets", () => {
    const tickets = [
      ticket("new", [0, created()]),
      ticket("pending", [0, created()], [1, status("pending")]),
      ticket("solved", [0, created()], [1, status("solved")]),
      ticket("later", [100, created()]),
      ticket("merged", [0, created()], [30, merged("new")]),
    ];
    const result = backlog(tickets, { at: T0 + DAY, asOf: T0 + 2 * DAY });
    expect(result).toMatchObject({ kpi: "backlog", value: 2, n: 2, excluded: { merged: 1 } });
    expect(result.stats.buckets[0]).toStrictEqual({ from: 0, to: DAY, count: 0 });
    expect(result.stats.buckets[1]).toStrictEqual({ from: DAY, to: 3 * DAY, count: 2 });
    expect(result.stats.byStatus).toStrictEqual({ new: 1, pending: 1 });
  });
});

describe("options and bad input", () => {
  it("reads local dates as the first instant of that date in the zone", () => {
    const tickets = [ticket("a", [0, created()], [1, status("solved")])]; // solved 01:00Z = 02:00 in Berlin
    expect(ticketsResolved(tickets, { period: { from: "2026-03-02", to: "2026-03-03" }, timeZone: "Europe/Berlin" }).value).toBe(1);
    expect(ticketsResolved(tickets, { period: { from: "2026-03-02", to: "2026-03-03" }, timeZone: "America/New_York" }).value).toBe(0);
  });

  it("rejects an empty period, an asOf before its end, an unknown zone, a bad window", () => {
    expect(thrownBy(MetricsError, () => ticketsResolved([], { period: { from: "2026-03-02", to: "2026-03-02" } })).issues[0].code).toBe("empty_period");
    expect(thrownBy(MetricsError, () => ticketsResolved([], { period, asOf: T0 })).issues[0].code).toBe("as_of_before_end");
    expect(thrownBy(MetricsError, () => ticketsResolved([], { period, timeZone: "Mars/Base" })).code).toBe("invalid_time_zone");
    expect(thrownBy(MetricsError, () => ticketsResolved([], { period, reopenWindow: "soon" })).code).toBe("invalid_duration");
    expect(thrownBy(MetricsError, () => ticketsResolved([], undefined as never)).code).toBe("invalid_argument");
    expect(thrownBy(MetricsError, () => ticketsResolved(42 as never, { period })).code).toBe("invalid_argument");
  });

  it("rejects an invalid log with the ticket's index in the path", () => {
    const error = thrownBy(MetricsError, () => ticketsResolved([ticket("a", [0, created()]), { id: "b", events: [{ id: "x", at: 0, type: "message", role: "agent", public: true }] }], { period }));
    expect(error.code).toBe("invalid_ticket_log");
    expect(error.issues[0].path).toStrictEqual([1, "events", 0, "type"]);
  });
});
