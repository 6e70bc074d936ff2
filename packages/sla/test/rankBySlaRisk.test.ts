import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, createSlaEngine, rankBySlaRisk } from "@supportops/sla";

const engine = createSlaEngine({ policies: [{ id: "p", targets: { first_response: { urgent: "PT1H", normal: "PT4H" } } }] });
const at = Date.parse("2026-03-09T12:00:00Z");
const ticket = (id: string, created: string, priority: string, replied = false) => ({
  id,
  events: [
    { id: `${id}-1`, at: created, type: "created", by: "customer", priority },
    ...(replied ? [{ id: `${id}-2`, at: "2026-03-09T11:59:00Z", type: "message", role: "agent", public: true }] : []),
  ],
});

describe("rankBySlaRisk", () => {
  it("puts breached tickets first (earliest breach first), then the least remaining business time; done tickets are left out", () => {
    const tickets = [
      ticket("calm", "2026-03-09T11:00:00Z", "normal"), // 3 h left
      ticket("late", "2026-03-09T10:30:00Z", "urgent"), // breached at 11:30
      ticket("done", "2026-03-09T08:00:00Z", "urgent", true), // replied (late): stopped, so off the worklist
      ticket("tight", "2026-03-09T11:30:00Z", "urgent"), // 30 min left
      ticket("later", "2026-03-09T10:55:00Z", "urgent"), // breached at 11:55
    ];
    const worklist = rankBySlaRisk(engine.evaluateMany(tickets, { at }), { at });
    expect(worklist.map((entry) => [entry.evaluation.ticketId, entry.breached, entry.remainingBusinessMs])).toStrictEqual([
      ["late", true, 0],
      ["later", true, 0],
      ["tight", false, 1_800_000],
      ["calm", false, 10_800_000],
    ]);
  });
  it("counts a cycle whose breach instant has come by `at` as breached, even from an older evaluation", () => {
    const result = engine.evaluate(ticket("x", "2026-03-09T11:30:00Z", "urgent").events, { at });
    expect(rankBySlaRisk([result], { at: at + 3_600_000 })[0]?.breached).toBe(true);
  });
  it("rejects a missing `at` or a non-iterable input with a typed error", () => {
    // @ts-expect-error: options are required
    expect(thrownBy(SlaError, () => rankBySlaRisk([])).code).toBe("invalid_argument");
    // @ts-expect-error: an iterable is required
    expect(thrownBy(SlaError, () => rankBySlaRisk(null, { at })).code).toBe("invalid_argument");
    expect(thrownBy(SlaError, () => rankBySlaRisk([], { at: "later" })).code).toBe("invalid_time");
  });
});
