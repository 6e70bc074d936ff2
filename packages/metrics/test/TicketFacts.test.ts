// computeTicketFacts agrees with core's summarizeTicket where both say the same thing, and pins the
// facts the KPIs read (docs/kpis.md, "Per-ticket facts").
import { describe, expect, it } from "vitest";
import { summarizeTicket } from "@supportops/core";
import { generateTicketLogs, thrownBy } from "@supportops/test-utils";
import { MetricsError, computeTicketFacts } from "@supportops/metrics";
import { HOUR, T0, created, customer, merged, rated, reply, status, ticket } from "./support/tickets.js";

describe("computeTicketFacts", () => {
  it("agrees with summarizeTicket on generated logs at several instants", () => {
    for (const log of generateTicketLogs({ count: 400, seed: 11, kpiExtras: true })) {
      const createdAt = log.events[0]!.at as number;
      for (const asOf of [createdAt, createdAt + 2 * HOUR, createdAt + 40 * 24 * HOUR]) {
        const facts = computeTicketFacts(log, { asOf })!;
        const summary = summarizeTicket(log.events, { at: asOf });
        expect({
          responseStartAt: facts.responseStartAt,
          firstReplyAt: facts.firstReplyAt,
          firstAgentMessageAt: facts.firstAgentMessageAt,
          latestResolvedAt: facts.latestResolvedAt,
          firstResolvedAt: facts.resolutions[0]?.at ?? null,
          reopenCount: facts.resolutions.filter((r) => r.reopenedAt !== null).length,
          status: facts.status,
          rating: facts.ratings.at(-1) ?? null,
          merged: facts.merged,
        }).toStrictEqual({
          responseStartAt: summary.responseStartAt,
          firstReplyAt: summary.firstReplyAt,
          firstAgentMessageAt: summary.firstAgentReplyAt,
          latestResolvedAt: summary.mergedAt !== null && !summary.isResolved ? summary.mergedAt : summary.latestResolvedAt,
          firstResolvedAt: summary.firstResolvedAt ?? (summary.mergedAt !== null ? summary.mergedAt : null),
          reopenCount: summary.reopenCount,
          status: summary.mergedAt !== null ? "closed" : summary.status,
          rating: summary.satisfaction,
          merged: summary.mergedInto === null ? null : { into: summary.mergedInto, at: summary.mergedAt },
        });
      }
    }
  });

  it("records every resolution with its reopen, every reply, every rating, and a merge as a close (solved → closed is no reopen)", () => {
    const facts = computeTicketFacts(
      ticket("a", [0, created("customer", { priority: "low", category: "billing" })], [1, reply], [2, status("solved")], [3, customer], [3, status("open")], [4, reply], [5, status("solved")], [6, rated(2)], [7, rated(5)], [8, merged("b")]),
      { asOf: T0 + 100 * HOUR },
    );
    expect(facts).toMatchObject({
      id: "a",
      replyTimes: [T0 + HOUR, T0 + 4 * HOUR],
      resolutions: [{ at: T0 + 2 * HOUR, reopenedAt: T0 + 3 * HOUR }, { at: T0 + 5 * HOUR, reopenedAt: null }],
      latestResolvedAt: T0 + 5 * HOUR,
      status: "closed",
      merged: { into: "b", at: T0 + 8 * HOUR },
      priorityTimeline: [{ at: T0, value: "low" }],
      categoryTimeline: [{ at: T0, value: "billing" }],
    });
    expect(facts?.ratings.map((r) => r.score)).toStrictEqual([2, 5]);
  });

  it("goes by the log's order at the instant the response starts, as core and the SLA engine do", () => {
    const before = computeTicketFacts(ticket("b", [0, created("agent")], [5, reply], [5, customer]), { asOf: T0 + 10 * HOUR });
    expect([before?.responseStartAt, before?.firstReplyAt, before?.firstAgentMessageAt]).toStrictEqual([T0 + 5 * HOUR, null, T0 + 5 * HOUR]);
    const after = computeTicketFacts(ticket("a", [0, created("agent")], [5, customer], [5, reply]), { asOf: T0 + 10 * HOUR });
    expect([after?.responseStartAt, after?.firstReplyAt]).toStrictEqual([T0 + 5 * HOUR, T0 + 5 * HOUR]);
  });

  it("knows nothing after asOf, nothing of a ticket created after it, and rejects a ticket without an id", () => {
    const log = ticket("a", [0, created()], [1, reply], [2, status("solved")]);
    expect(computeTicketFacts(log, { asOf: T0 + HOUR })).toMatchObject({ firstReplyAt: T0 + HOUR, resolutions: [], status: "new" });
    expect(computeTicketFacts(log, { asOf: T0 - 1 })).toBeNull();
    expect(thrownBy(MetricsError, () => computeTicketFacts({ id: "", events: log.events }, { asOf: T0 })).issues[0].code).toBe("invalid_id");
    expect(thrownBy(MetricsError, () => computeTicketFacts(log, { asOf: "soon" })).code).toBe("invalid_time");
  });
});
