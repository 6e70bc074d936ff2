import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import {
  CANONICAL_STATUSES,
  parseTicketLog,
  safeParseTicketLog,
  summarizeTicket,
  type CanonicalStatus,
  type TicketEventInput,
  type TicketEventOf,
} from "@supportops/core";

type Step =
  | { kind: "message"; role: "customer" | "agent" | "bot" | "system"; public: boolean }
  | { kind: "status"; to: CanonicalStatus }
  | { kind: "priority"; to: "P1" | "P2" | "P3" }
  | { kind: "assign"; agent: string }
  | { kind: "ack" };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("message" as const), role: fc.constantFrom("customer", "agent", "bot", "system"), public: fc.boolean() }),
  fc.record({ kind: fc.constant("status" as const), to: fc.constantFrom(...CANONICAL_STATUSES.filter((s) => s !== "new")) }),
  fc.record({ kind: fc.constant("priority" as const), to: fc.constantFrom("P1", "P2", "P3") }),
  fc.record({ kind: fc.constant("assign" as const), agent: fc.constantFrom("ann", "bob") }),
  fc.record({ kind: fc.constant("ack" as const) }),
);

/** Builds a valid log from random steps: steps that would break a rule are skipped. */
function buildLog(start: number, steps: ReadonlyArray<[Step, number]>): TicketEventInput[] {
  const events: TicketEventInput[] = [{ id: "e0", at: start, type: "created", by: "customer", priority: "P3" }];
  let at = start;
  let status: CanonicalStatus = "new";
  let priority = "P3";
  for (const [step, gap] of steps) {
    if (status === "closed") break;
    at += gap;
    const id = `e${events.length}`;
    switch (step.kind) {
      case "message":
        events.push({ id, at, type: "message", role: step.role, public: step.public });
        break;
      case "status":
        if (step.to === status) continue;
        events.push({ id, at, type: "status_changed", from: status, to: step.to });
        status = step.to;
        break;
      case "priority":
        events.push({ id, at, type: "priority_changed", from: priority, to: step.to, source: "rule" });
        priority = step.to;
        break;
      case "assign":
        events.push({ id, at, type: "assigned", agent: step.agent });
        break;
      case "ack":
        events.push({ id, at, type: "acknowledged" });
        break;
    }
  }
  return events;
}

const logArb = fc
  .tuple(fc.integer({ min: 1e10, max: 4_000_000_000_000 }), fc.array(fc.tuple(stepArb, fc.nat({ max: 3_600_000 })), { maxLength: 25 }))
  .map(([start, steps]) => buildLog(start, steps));

/** An independent reference: the index of the first event that breaks a log rule, or -1. */
function firstBadIndex(events: ReadonlyArray<TicketEventInput>): number {
  let status: string | null = null;
  let priority: string | null = null;
  let previous = -Infinity;
  const ids = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as TicketEventInput & Record<string, unknown>;
    const at = e.at as number;
    if (i === 0 ? e.type !== "created" : e.type === "created") return i;
    if (ids.has(e.id) || at < previous) return i;
    if (status === "closed") return i;
    if (e.type === "created") {
      status = "new";
      priority = (e["priority"] as string | undefined) ?? null;
    }
    if (e.type === "status_changed") {
      if ((e["from"] !== undefined && e["from"] !== status) || e["to"] === status) return i;
      status = e["to"] as string;
    }
    if (e.type === "priority_changed") {
      if (priority !== null && e["from"] !== priority) return i;
      priority = e["to"] as string;
    }
    ids.add(e.id);
    previous = at;
  }
  return -1;
}

describe("ticket log validation", () => {
  test.prop([logArb], { numRuns: numRuns(200) })("generated logs and all their prefixes are valid", (events) => {
    for (let n = 1; n <= events.length; n++) {
      expect(safeParseTicketLog(events.slice(0, n)).success).toBe(true);
    }
  });

  test.prop([logArb], { numRuns: numRuns(200) })("a log without its created event is rejected at index 0", (events) => {
    const issue = (() => {
      const r = safeParseTicketLog(events.slice(1));
      return r.success ? null : r.error.issues[0];
    })();
    if (events.length === 1) expect(issue?.code).toBe("empty_log");
    else expect(issue?.path[0]).toBe(0);
  });

  test.prop([logArb, fc.nat(), fc.nat()], { numRuns: numRuns(300) })(
    "a shuffled log is rejected exactly at the first event that breaks a rule",
    (events, i, j) => {
      const shuffled = [...events];
      const a = i % shuffled.length;
      const b = j % shuffled.length;
      [shuffled[a], shuffled[b]] = [shuffled[b] as TicketEventInput, shuffled[a] as TicketEventInput];
      const expected = firstBadIndex(shuffled);
      const result = safeParseTicketLog(shuffled);
      if (expected === -1) expect(result.success).toBe(true);
      else {
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error.issues[0].path[0]).toBe(expected);
      }
    },
  );

  test.prop([logArb, fc.nat(), fc.nat(), fc.nat()], { numRuns: numRuns(300) })(
    "a shuffled log with one malformed event is rejected at whichever fault comes first",
    (events, i, j, k) => {
      const shuffled = [...events];
      const a = i % shuffled.length;
      const b = j % shuffled.length;
      [shuffled[a], shuffled[b]] = [shuffled[b] as TicketEventInput, shuffled[a] as TicketEventInput];
      const broken = k % shuffled.length;
      shuffled[broken] = { ...(shuffled[broken] as TicketEventInput), id: "" };
      const before = firstBadIndex(shuffled.slice(0, broken));
      const expected = before === -1 ? broken : before;
      const result = safeParseTicketLog(shuffled);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0].path[0]).toBe(expected);
    },
  );

  test.prop([logArb, fc.nat({ max: 200 * 3_600_000 })], { numRuns: numRuns(200) })(
    "status times add up to the ticket's age, and counts match a naive count",
    (events, after) => {
      const log = parseTicketLog(events);
      const last = log[log.length - 1]!.at;
      const asOf = last + after;
      const summary = summarizeTicket(log, { at: asOf });
      const total = Object.values(summary.msInStatus).reduce((x, y) => x + y, 0);
      expect(total).toBe(asOf - log[0]!.at);
      const publicAgent = log.filter((e) => e.type === "message" && e.role === "agent" && e.public);
      expect(summary.publicAgentReplyCount).toBe(publicAgent.length);
      expect(summary.firstAgentReplyAt).toBe(publicAgent[0]?.at ?? null);
      // A customer's ticket waits from its creation, so its first reply is its first public agent message.
      expect(summary.responseStartAt).toBe(log[0]!.at);
      expect(summary.firstReplyAt).toBe(summary.firstAgentReplyAt);
      const reopens = log.filter((e) => e.type === "status_changed" && e.from === "solved" && e.to !== "closed").length;
      expect(summary.reopenCount).toBe(reopens);
    },
  );

  test.prop([logArb, fc.nat({ max: 1_000 })], { numRuns: numRuns(100) })(
    "summarising at an earlier instant equals summarising the prefix of events up to it",
    (events, cut) => {
      const log = parseTicketLog(events);
      const k = cut % log.length;
      const asOf = log[k]!.at;
      const prefix = log.filter((e) => e.at <= asOf);
      expect(summarizeTicket(log, { at: asOf })).toStrictEqual(summarizeTicket(prefix, { at: asOf }));
    },
  );

  const generated = generateTicketLogs({ count: 400, seed: 5 }).map((log) => parseTicketLog(log.events));
  test.prop([fc.nat(399), fc.nat(), fc.nat({ max: 3_600_000 })], { numRuns: numRuns(300) })(
    "responseStartAt and firstReplyAt match a naive reading of the log, for every creator and any instant",
    (which, cut, after) => {
      const log = generated[which]!;
      const asOf = log[cut % log.length]!.at + (cut % 3 === 0 ? after : 0);
      const seen = log.filter((e) => e.at <= asOf);
      const created = log[0] as TicketEventOf<"created">;
      const customerIndex = seen.findIndex((e) => e.type === "message" && e.role === "customer");
      const firstCustomer = seen[customerIndex]?.at ?? null;
      // The response starts at the creation, or for an agent's ticket at the customer's first message;
      // a reply is a public agent message after that point of the log.
      const startIndex = created.by === "agent" ? customerIndex : 0;
      const start = startIndex === -1 ? null : (seen[startIndex]?.at ?? null);
      const reply = startIndex === -1 ? null : (seen.find((e, i) => i > startIndex && e.type === "message" && e.role === "agent" && e.public)?.at ?? null);
      const summary = summarizeTicket(log, { at: asOf });
      expect(summary.responseStartAt).toBe(start);
      expect(summary.firstReplyAt).toBe(reply);
      expect(summary.firstCustomerMessageAt).toBe(created.by === "customer" ? created.at : firstCustomer);
    },
  );
});
