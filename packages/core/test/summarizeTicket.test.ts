import { describe, expect, it } from "vitest";
import { SupportOpsError, summarizeTicket, type TicketEventInput } from "@supportops/core";

const T0 = Date.parse("2026-03-09T09:00:00Z");
const m = (minutes: number): number => T0 + minutes * 60_000;

const log: TicketEventInput[] = [
  { id: "c", at: m(0), type: "created", by: "customer", channel: "email", priority: "P3", category: "billing" },
  { id: "b", at: m(1), type: "message", role: "bot", public: true },
  { id: "n", at: m(5), type: "message", role: "agent", public: false },
  { id: "a", at: m(6), type: "assigned", group: "tier1" },
  { id: "a2", at: m(7), type: "assigned", agent: "ann" },
  { id: "r1", at: m(10), type: "message", role: "agent", public: true },
  { id: "s1", at: m(10), type: "status_changed", to: "pending" },
  { id: "k", at: m(12), type: "acknowledged" },
  { id: "p", at: m(15), type: "priority_changed", from: "P3", to: "P1", source: "manual", reason: "outage" },
  { id: "cc", at: m(16), type: "category_changed", to: "billing.refund" },
  { id: "cm", at: m(20), type: "message", role: "customer", public: true },
  { id: "s2", at: m(20), type: "status_changed", to: "open" },
  { id: "e", at: m(25), type: "escalated", to: "engineering" },
  { id: "s3", at: m(30), type: "status_changed", to: "solved" },
  { id: "s4", at: m(40), type: "status_changed", to: "open" },
  { id: "r2", at: m(45), type: "message", role: "agent", public: true },
  { id: "s5", at: m(50), type: "status_changed", to: "solved" },
  { id: "s6", at: m(60), type: "status_changed", to: "closed" },
  { id: "sat", at: m(70), type: "satisfaction_rated", score: 5 },
];

describe("summarizeTicket", () => {
  it("summarises the whole story", () => {
    expect(summarizeTicket(log, { at: m(100) })).toStrictEqual({
      asOf: m(100),
      createdAt: m(0),
      createdBy: "customer",
      channel: "email",
      firstCustomerMessageAt: m(0),
      firstAgentReplyAt: m(10),
      responseStartAt: m(0),
      firstReplyAt: m(10),
      firstResolvedAt: m(30),
      latestResolvedAt: m(50),
      closedAt: m(60),
      reopenCount: 1,
      publicAgentReplyCount: 2,
      status: "closed",
      isResolved: true,
      msInStatus: { new: 10 * 60_000, open: 20 * 60_000, pending: 10 * 60_000, on_hold: 0, solved: 20 * 60_000, closed: 40 * 60_000 },
      mergedInto: null,
      mergedAt: null,
      priority: "P1",
      priorityHistory: [
        { at: m(0), from: null, to: "P3", source: "created", reason: null },
        { at: m(15), from: "P3", to: "P1", source: "manual", reason: "outage" },
      ],
      severity: null,
      severityHistory: [],
      category: "billing.refund",
      categoryHistory: [
        { at: m(0), from: null, to: "billing" },
        { at: m(16), from: "billing", to: "billing.refund" },
      ],
      assignee: { group: "tier1", agent: "ann" },
      assigneeHistory: [
        { at: m(6), group: "tier1", agent: null },
        { at: m(7), group: "tier1", agent: "ann" },
      ],
      satisfaction: { at: m(70), score: 5, scaleMax: 5 },
      acknowledgedAt: m(12),
      escalationCount: 1,
    });
  });

  it("answers as of an earlier instant, counting events at exactly that instant", () => {
    const s = summarizeTicket(log, { at: new Date(m(10)) });
    expect(s.firstAgentReplyAt).toBe(m(10));
    expect(s.status).toBe("pending");
    expect(s.msInStatus.new).toBe(10 * 60_000);
    expect(s.firstResolvedAt).toBeNull();
    expect(s.latestResolvedAt).toBeNull();
    expect(s.satisfaction).toBeNull();
  });

  it("starts the customer's clock at their first message when an agent opened the ticket", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "agent", channel: "phone" },
        { id: "x", at: m(3), type: "message", role: "customer", public: true },
      ],
      { at: m(5) },
    );
    expect(s.firstCustomerMessageAt).toBe(m(3));
    expect(s.firstAgentReplyAt).toBeNull();
  });

  it("stops status time at a merge", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "customer" },
        { id: "x", at: m(3), type: "merged", into: "T-9" },
      ],
      { at: m(60) },
    );
    expect(s.mergedInto).toBe("T-9");
    expect(s.msInStatus.new).toBe(3 * 60_000);
  });

  it("rejects an instant before creation and a bad instant", () => {
    try {
      summarizeTicket(log, { at: m(-1) });
      throw new Error("expected a throw");
    } catch (error) {
      expect((error as SupportOpsError).code).toBe("out_of_range");
      expect((error as SupportOpsError).issues[0]).toMatchObject({ code: "before_creation", path: ["at"] });
    }
    expect(() => summarizeTicket(log, { at: "yesterday" })).toThrow(SupportOpsError);
  });

  it("fills a level change's missing 'from' with the level it replaced", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "customer", priority: "P3" },
        { id: "p", at: m(1), type: "priority_changed", from: null, to: "P2", source: "rule" },
      ],
      { at: m(2) },
    );
    expect(s.priorityHistory[1]).toStrictEqual({ at: m(1), from: "P3", to: "P2", source: "rule", reason: null });
  });

  it("returns frozen data, all the way down", () => {
    const s = summarizeTicket(
      [...log.slice(0, -2), { id: "sv", at: m(60), type: "severity_changed", from: null, to: "SEV2", source: "rule" }, { id: "sat", at: m(70), type: "satisfaction_rated", score: 5 }],
      { at: m(100) },
    );
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.priorityHistory[0])).toBe(true);
    const pending: unknown[] = [s];
    let objects = 0;
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value !== "object" || value === null) continue;
      objects += 1;
      expect(Object.isFrozen(value)).toBe(true);
      pending.push(...Object.values(value));
    }
    expect(objects).toBeGreaterThan(12);
    // An empty history is frozen too (and may be shared between summaries).
    const bare = summarizeTicket([{ id: "c", at: m(0), type: "created", by: "customer" }], { at: m(1) });
    expect(bare.assigneeHistory).toStrictEqual([]);
    expect(Object.isFrozen(bare.assigneeHistory)).toBe(true);
    expect(Object.isFrozen(bare.assignee)).toBe(true);
  });
});

describe("summarizeTicket: when the response clock starts and what counts as the first reply", () => {
  it("starts at the creation of a customer's ticket; bots, internal notes and system messages are not replies", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "customer", channel: "chat" },
        { id: "b", at: m(1), type: "message", role: "bot", public: true },
        { id: "n", at: m(2), type: "message", role: "agent", public: false },
        { id: "y", at: m(3), type: "message", role: "system", public: true },
        { id: "r", at: m(9), type: "message", role: "agent", public: true },
      ],
      { at: m(30) },
    );
    expect([s.responseStartAt, s.firstReplyAt, s.firstAgentReplyAt, s.firstCustomerMessageAt]).toStrictEqual([m(0), m(9), m(9), m(0)]);
    const before = summarizeTicket(log.slice(0, 5), { at: m(8) });
    expect([before.responseStartAt, before.firstReplyAt]).toStrictEqual([m(0), null]);
  });

  it("starts at the creation of a system-created ticket, as for a customer's, with or without a customer message", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "system", channel: "web", priority: "urgent" },
        { id: "n", at: m(1), type: "message", role: "agent", public: false },
        { id: "r", at: m(4), type: "message", role: "agent", public: true },
        { id: "x", at: m(6), type: "message", role: "customer", public: true },
      ],
      { at: m(30) },
    );
    expect(s.responseStartAt).toBe(m(0));
    expect(s.firstReplyAt).toBe(m(4));
    // firstCustomerMessageAt stays what it says: the customer's first message, not the creation.
    expect(s.firstCustomerMessageAt).toBe(m(6));
    const early = summarizeTicket([{ id: "c", at: m(0), type: "created", by: "system" }], { at: m(30) });
    expect([early.responseStartAt, early.firstReplyAt, early.firstCustomerMessageAt]).toStrictEqual([m(0), null, null]);
  });

  it("starts at the customer's first message on an agent-created ticket; an agent message before it is not a reply", () => {
    const events: TicketEventInput[] = [
      { id: "c", at: m(0), type: "created", by: "agent", channel: "phone" },
      { id: "o", at: m(2), type: "message", role: "agent", public: true },
      { id: "x", at: m(20), type: "message", role: "customer", public: true },
      { id: "b", at: m(21), type: "message", role: "bot", public: true },
      { id: "n", at: m(25), type: "message", role: "agent", public: false },
      { id: "r", at: m(40), type: "message", role: "agent", public: true },
    ];
    const s = summarizeTicket(events, { at: m(60) });
    expect(s.firstAgentReplyAt).toBe(m(2));
    expect(s.responseStartAt).toBe(m(20));
    expect(s.firstReplyAt).toBe(m(40));
    expect(s.publicAgentReplyCount).toBe(2);
    const waiting = summarizeTicket(events, { at: m(30) });
    expect([waiting.responseStartAt, waiting.firstReplyAt]).toStrictEqual([m(20), null]);
  });

  it("has no response start on an agent-created ticket the customer has not written on, so no first reply", () => {
    const s = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "agent", channel: "email" },
        { id: "o", at: m(2), type: "message", role: "agent", public: true },
        { id: "s", at: m(3), type: "status_changed", to: "solved" },
      ],
      { at: m(60) },
    );
    expect([s.responseStartAt, s.firstReplyAt, s.firstAgentReplyAt, s.firstCustomerMessageAt]).toStrictEqual([null, null, m(2), null]);
  });

  it("goes by the log's order at the instant the response starts, as the SLA engine does", () => {
    const before = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "agent" },
        { id: "o", at: m(5), type: "message", role: "agent", public: true },
        { id: "x", at: m(5), type: "message", role: "customer", public: true },
      ],
      { at: m(10) },
    );
    expect([before.responseStartAt, before.firstReplyAt, before.firstAgentReplyAt]).toStrictEqual([m(5), null, m(5)]);
    const after = summarizeTicket(
      [
        { id: "c", at: m(0), type: "created", by: "agent" },
        { id: "x", at: m(5), type: "message", role: "customer", public: true },
        { id: "r", at: m(5), type: "message", role: "agent", public: true },
      ],
      { at: m(10) },
    );
    expect([after.responseStartAt, after.firstReplyAt]).toStrictEqual([m(5), m(5)]);
  });
});
