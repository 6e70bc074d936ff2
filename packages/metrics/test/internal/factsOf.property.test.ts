// The lean events→facts reader against its oracle (core's parseTicketLog, then the facts read from
// the parsed log): on valid logs the same facts, on damaged logs the same error (code, path,
// message) — the lean reader may refuse anything, but must never accept what core rejects.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTicketLog } from "@supportops/core";
import { generateTicketLogs, hostileValueArb, numRuns } from "@supportops/test-utils";
import { MetricsError, type TicketFacts } from "@supportops/metrics";
import { factsOf } from "../../src/internal/factsOf.js";
import { referenceFacts } from "../support/referenceFacts.js";

type Outcome = { facts: TicketFacts | null } | { error: { name: string; code: string; issues: unknown } };

function outcome(read: () => TicketFacts | null): Outcome {
  try {
    // Compared as plain data (the lean reader may hand out unfrozen facts).
    return { facts: structuredClone(read()) };
  } catch (error) {
    if (!(error instanceof MetricsError)) throw error;
    return { error: { name: error.name, code: error.code, issues: error.issues } };
  }
}

const LOGS = generateTicketLogs({ count: 300, seed: 7, kpiExtras: true });
const ISO_LOGS = generateTicketLogs({ count: 40, seed: 8, kpiExtras: true, timeFormat: "iso" });
const KEYS = ["id", "at", "type", "by", "role", "public", "to", "from", "source", "reason", "into", "score", "scaleMax", "category", "priority", "channel", "status", "actor", "meta", "group", "agent", "comment", "fromLabel", "toLabel"];
const VALUES: ReadonlyArray<unknown> = [undefined, null, "", "x", "new", "open", "solved", "closed", "pending", "agent", "customer", "manual", "rule", true, false, 0, -0, 1, 5, 6, 11, 1.5, 1_773_046_800, Number.NaN, "2026-03-09T09:00:00Z", {}, [], "created", "message", "merged", "status_changed", "escalated"];

/** A mutation of one event of a log: a field set, deleted or added; two events swapped; an event duplicated. */
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom(...KEYS), value: fc.oneof(fc.constantFrom(...VALUES), hostileValueArb) }),
  fc.record({ kind: fc.constant("delete" as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant("swap" as const) }),
  fc.record({ kind: fc.constant("duplicate" as const) }),
  fc.record({ kind: fc.constant("shift" as const), ms: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
);

function mutate(events: ReadonlyArray<unknown>, at: number, m: { kind: string; key?: string; value?: unknown; ms?: number }): unknown[] {
  const copy = events.map((e) => ({ ...(e as object) }) as Record<string, unknown>);
  const i = at % copy.length;
  const event = copy[i] as Record<string, unknown>;
  switch (m.kind) {
    case "set":
      event[m.key as string] = m.value;
      break;
    case "delete":
      delete event[m.key as string];
      break;
    case "swap":
      if (i + 1 < copy.length) [copy[i], copy[i + 1]] = [copy[i + 1] as Record<string, unknown>, event];
      break;
    case "duplicate":
      copy.splice(i, 0, { ...event });
      break;
    case "shift":
      if (typeof event["at"] === "number") event["at"] = (event["at"] as number) + (m.ms as number);
      break;
  }
  return copy;
}

describe("the lean events→facts reader", () => {
  it("gives exactly the facts of core's parse on generated logs (epoch ms and ISO), raw and parsed, at several asOf", () => {
    for (const log of [...LOGS, ...ISO_LOGS]) {
      const createdAt = parseTicketLog(log.events)[0]!.at;
      const parsed = { id: log.id, events: parseTicketLog(log.events) };
      for (const asOf of [createdAt - 1, createdAt, createdAt + 3_600_000, createdAt + 40 * 86_400_000]) {
        const expected = outcome(() => referenceFacts(log, asOf, [3]));
        expect(outcome(() => factsOf(log, asOf, [3])), log.id).toStrictEqual(expected);
        expect(outcome(() => factsOf(log, asOf, [3], false)), log.id).toStrictEqual(expected);
        expect(outcome(() => factsOf(parsed, asOf, [3])), log.id).toStrictEqual(expected);
      }
    }
  });

  it("throws core's error, or gives core's facts, on damaged logs", () => {
    fc.assert(
      fc.property(fc.nat(LOGS.length - 1), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (which, at, mutations, late) => {
        const log = LOGS[which]!;
        let events: unknown[] = [...log.events];
        for (const [k, m] of mutations.entries()) events = mutate(events, at + k, m);
        const ticket = { id: log.id, events: events as never };
        const first = events[0] as { at?: unknown };
        const asOf = typeof first?.at === "number" ? (late ? first.at + 40 * 86_400_000 : first.at + 3_600_000) : 1_800_000_000_000;
        expect(outcome(() => factsOf(ticket, asOf, [5]))).toStrictEqual(outcome(() => referenceFacts(ticket, asOf, [5])));
      }),
      { numRuns: numRuns(400) },
    );
  });

  it("throws core's error for each rule of a log, and reads the forms it leaves to core", () => {
    const c = { id: "c", at: 1_773_046_800_000, type: "created", by: "customer", priority: "high", category: "billing" };
    const at = (minutes: number): number => c.at + minutes * 60_000;
    const cases: ReadonlyArray<ReadonlyArray<Record<string, unknown>>> = [
      [{ ...c, type: "message", role: "agent", public: true, by: undefined }],
      [c, { ...c, id: "c2" }],
      [c, { id: "c", at: at(1), type: "message", role: "agent", public: true }],
      [c, { id: "m", at: at(-1), type: "message", role: "agent", public: true }],
      [c, { id: "g", at: at(1), type: "merged", into: "T-9" }, { id: "m", at: at(2), type: "message", role: "agent", public: true }],
      [c, { id: "s", at: at(1), type: "status_changed", to: "closed" }, { id: "m", at: at(2), type: "message", role: "agent", public: true }],
      [c, { id: "s", at: at(1), type: "status_changed", to: "closed" }, { id: "v", at: at(2), type: "satisfaction_rated", score: 4 }],
      [c, { id: "s", at: at(1), type: "status_changed", from: "open", to: "solved" }],
      [c, { id: "s", at: at(1), type: "status_changed", to: "new" }],
      [c, { id: "p", at: at(1), type: "priority_changed", from: "low", to: "urgent", source: "rule" }],
      [c, { id: "p", at: at(1), type: "priority_changed", from: "high", to: "urgent", source: "manual" }],
      [c, { id: "p", at: at(1), type: "priority_changed", from: "high", to: "urgent", source: "manual", reason: "  " }],
      [c, { id: "p", at: at(1), type: "priority_changed", from: "high", to: "urgent", source: "manual", reason: "down" }],
      [c, { id: "p", at: at(1), type: "severity_changed", from: null, to: "sev1", source: "rule" }],
      [c, { id: "k", at: at(1), type: "category_changed", from: "tech", to: "billing" }],
      [c, { id: "k", at: at(1), type: "category_changed", from: "billing", to: null }],
      [c, { id: "m", at: at(1), type: "message", role: "agent", public: true, extra: 1 }],
      [c, { id: "m", at: at(1), type: "message", role: "agent", public: true, author: undefined }],
      [c, { id: "m", at: at(1), type: "message", role: "agent", public: true, meta: { a: 1 } }],
      [c, { id: "m", at: "2026-03-09T09:01:00Z", type: "message", role: "agent", public: true }],
      [c, { id: "e", at: at(1), type: "escalated", tier: 2 }],
      [c, { id: "f", at: at(1), type: "field_changed", field: "x", to: 1 }],
      [c, { id: "v", at: at(1), type: "satisfaction_rated", score: 9, scaleMax: 10 }],
      [c, { id: "v", at: at(1), type: "satisfaction_rated", score: 6 }],
      [c, { id: "a", at: at(1), type: "assigned" }],
      [c, { id: "a", at: at(1), type: "acknowledged" }],
      [{ ...c, status: "closed" }, { id: "v", at: at(1), type: "satisfaction_rated", score: 5 }],
      [Object.assign(Object.create({ inherited: 1 }) as object, c)],
      [],
    ];
    for (const [i, events] of cases.entries()) {
      const ticket = { id: "T-1", events: events as never };
      for (const asOf of [at(0), at(90)]) expect(outcome(() => factsOf(ticket, asOf, [i])), `case ${i}`).toStrictEqual(outcome(() => referenceFacts(ticket, asOf, [i])));
    }
  });

  it("freezes what computeTicketFacts hands out, and never changes its input", () => {
    const log = LOGS[0]!;
    const before = structuredClone(log);
    const facts = factsOf(log, Number.MAX_SAFE_INTEGER, [])!;
    expect(Object.isFrozen(facts) && Object.isFrozen(facts.statusTimeline) && Object.isFrozen(facts.statusTimeline[0])).toBe(true);
    expect(log).toStrictEqual(before);
  });
});
