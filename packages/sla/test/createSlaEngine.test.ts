// One scenario per metric preset and per rule of docs/sla-clocks.md.
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, createSlaEngine, type SlaEngineDefinition, type SlaEvaluation, type SlaMetricState } from "@supportops/sla";

// Europe/Berlin is UTC+01:00 in March 2026 until the 29th; 2026-03-09 is a Monday.
const week = [["09:00", "17:00"]] as const;
const support = { timeZone: "Europe/Berlin", weekly: { mon: week, tue: week, wed: week, thu: week, fri: week } };
const T = (local: string): number => Date.parse(`2026-03-${local}+01:00`);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const HOUR = 3_600_000;
const MIN = 60_000;

const standard: SlaEngineDefinition = {
  calendars: { support },
  policies: [
    {
      id: "standard",
      calendar: "support",
      targets: {
        first_response: { urgent: "PT30M", high: "PT1H", normal: "PT4H" },
        next_response: { urgent: "PT1H", high: "PT2H", normal: "PT4H" },
        periodic_update: { normal: "PT8H" },
        requester_wait: { normal: "PT8H", urgent: "PT4H" },
        agent_work: { normal: "PT6H" },
        resolution: { urgent: { duration: "PT8H", calendar: "24x7" }, high: "PT16H", normal: "PT16H" },
      },
    },
  ],
};
const engine = createSlaEngine(standard);

let nextId = 0;
type Raw = Record<string, unknown>;
const created = (at: string, extra: Raw = {}): Raw => ({ id: `e${nextId++}`, at: T(at), type: "created", by: "customer", priority: "normal", ...extra });
const customer = (at: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "message", role: "customer", public: true });
const reply = (at: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "message", role: "agent", public: true });
const note = (at: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "message", role: "agent", public: false });
const bot = (at: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "message", role: "bot", public: true });
const status = (at: string, to: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "status_changed", to });
const priority = (at: string, to: string): Raw => ({ id: `e${nextId++}`, at: T(at), type: "priority_changed", from: null, to, source: "rule" });

function metric(result: SlaEvaluation, name: string, cycle = 0): SlaMetricState {
  const state = result.metrics.find((m) => m.metric === name && m.cycle === cycle);
  if (state === undefined) throw new Error(`no ${name} cycle ${cycle} in ${JSON.stringify(result.metrics.map((m) => [m.metric, m.cycle]))}`);
  return state;
}

describe("first_response", () => {
  it("a ticket created outside hours costs nothing until the next opening; due is the opening plus the target", () => {
    const log = [created("08T20:00:00", { priority: "high" })]; // Sunday evening
    const result = engine.evaluate(log, { at: T("09T09:30:00") });
    const state = metric(result, "first_response");
    expect(state).toMatchObject({ status: "active", targetMs: HOUR, elapsedBusinessMs: 30 * MIN, remainingBusinessMs: 30 * MIN });
    expect(iso(state.dueAt)).toBe("2026-03-09T09:00:00.000Z"); // Monday 10:00 local
    expect(iso(state.breachedAt)).toBe("2026-03-09T09:00:00.000Z");
    expect(state.elapsedCalendarMs).toBe(T("09T09:30:00") - T("08T20:00:00"));
  });

  it("a reply at 17:30 to a cycle due at 17:00 closing time is achieved: no business time passed", () => {
    const result = engine.evaluate([created("09T13:00:00"), reply("09T17:30:00")], { at: T("10T12:00:00") });
    const state = metric(result, "first_response");
    expect(state).toMatchObject({ status: "achieved", elapsedBusinessMs: 4 * HOUR, remainingBusinessMs: 0, stoppedAt: T("09T17:30:00") });
    expect(iso(state.dueAt)).toBe(iso(T("09T17:00:00")));
    expect(state.breachedAt).toBeNull();
  });

  it("breaches at the next opening after the due time: just before it active, at it breached, a reply at it achieved", () => {
    const log = [created("09T13:00:00")];
    const breach = T("10T09:00:00");
    expect(metric(engine.evaluate(log, { at: breach - 1 }), "first_response").status).toBe("active");
    const at = metric(engine.evaluate(log, { at: breach }), "first_response");
    expect(at.status).toBe("breached");
    expect(at.breachedAt).toBe(breach);
    expect(metric(engine.evaluate([...log, reply("10T09:00:00")], { at: breach }), "first_response").status).toBe("achieved");
    expect(metric(engine.evaluate([...log, reply("10T09:00:00.001")], { at: breach + 1 }), "first_response").status).toBe("breached");
  });

  it("internal notes, bots and system messages never stop a response clock", () => {
    const log = [created("09T09:00:00"), note("09T09:05:00"), bot("09T09:06:00"), { id: "s", at: T("09T09:07:00"), type: "message", role: "system", public: true }];
    expect(metric(engine.evaluate(log, { at: T("09T10:00:00") }), "first_response").status).toBe("active");
  });

  it("an agent-created ticket starts the clock at the first customer message; none yet, no clock", () => {
    const opened = created("09T09:00:00", { by: "agent" });
    expect(engine.evaluate([opened, reply("09T09:10:00")], { at: T("09T10:00:00") }).metrics.some((m) => m.metric === "first_response")).toBe(false);
    const result = engine.evaluate([opened, reply("09T09:10:00"), customer("09T11:00:00"), reply("09T11:45:00")], { at: T("09T12:00:00") });
    expect(metric(result, "first_response")).toMatchObject({ startedAt: T("09T11:00:00"), status: "achieved", elapsedBusinessMs: 45 * MIN });
  });

  it("a system-created ticket starts the clock at creation, like a customer-created one", () => {
    const result = engine.evaluate([created("09T09:00:00", { by: "system" })], { at: T("09T10:00:00") });
    expect(metric(result, "first_response")).toMatchObject({ startedAt: T("09T09:00:00"), elapsedBusinessMs: HOUR });
  });

  it("same-instant events apply in log order: a reply at the creation instant achieves with zero elapsed", () => {
    const result = engine.evaluate([created("09T10:00:00"), reply("09T10:00:00")], { at: T("09T11:00:00") });
    expect(metric(result, "first_response")).toMatchObject({ status: "achieved", elapsedBusinessMs: 0 });
  });
});

describe("next_response", () => {
  it("is measured from the oldest unanswered customer message; later ones do not restart it; one cycle per exchange", () => {
    const log = [created("09T09:00:00"), reply("09T09:10:00"), customer("09T10:00:00"), customer("09T11:00:00"), reply("09T12:00:00"), customer("09T13:00:00")];
    const result = engine.evaluate(log, { at: T("09T14:00:00") });
    expect(metric(result, "next_response", 0)).toMatchObject({ startedAt: T("09T10:00:00"), stoppedAt: T("09T12:00:00"), elapsedBusinessMs: 2 * HOUR, status: "achieved" });
    expect(metric(result, "next_response", 1)).toMatchObject({ startedAt: T("09T13:00:00"), status: "active", elapsedBusinessMs: HOUR });
  });

  it("customer messages before the first reply belong to first_response only", () => {
    const result = engine.evaluate([created("09T09:00:00"), customer("09T09:30:00")], { at: T("09T10:00:00") });
    expect(result.metrics.some((m) => m.metric === "next_response")).toBe(false);
  });
});

describe("periodic_update", () => {
  it("runs from each reply to the next while the ticket is unresolved, and stops at the resolution", () => {
    const log = [created("09T09:00:00"), reply("09T10:00:00"), reply("09T12:00:00"), status("09T15:00:00", "solved")];
    const result = engine.evaluate(log, { at: T("09T16:00:00") });
    expect(metric(result, "periodic_update", 0)).toMatchObject({ startedAt: T("09T10:00:00"), stoppedAt: T("09T12:00:00"), elapsedBusinessMs: 2 * HOUR });
    expect(metric(result, "periodic_update", 1)).toMatchObject({ startedAt: T("09T12:00:00"), stoppedAt: T("09T15:00:00"), status: "achieved" });
    expect(result.metrics.filter((m) => m.metric === "periodic_update")).toHaveLength(2);
  });
});

describe("requester_wait and agent_work", () => {
  it("a pause at night costs nothing; pending pauses requester_wait, on-hold pauses agent_work only", () => {
    const log = [
      created("09T09:00:00"),
      status("09T16:00:00", "pending"),
      status("10T08:00:00", "open"), // resumed before the opening: the night cost nothing
      status("10T10:00:00", "on_hold"),
      status("10T11:00:00", "open"),
    ];
    const result = engine.evaluate(log, { at: T("10T12:00:00") });
    expect(metric(result, "requester_wait")).toMatchObject({ elapsedBusinessMs: 7 * HOUR + 3 * HOUR, pausedBusinessMs: HOUR });
    expect(metric(result, "agent_work")).toMatchObject({ elapsedBusinessMs: 7 * HOUR + 2 * HOUR, pausedBusinessMs: 2 * HOUR });
  });

  it("a ticket created pending starts paused", () => {
    const result = engine.evaluate([created("09T09:00:00", { status: "pending" })], { at: T("09T12:00:00") });
    expect(metric(result, "requester_wait")).toMatchObject({ status: "paused", elapsedBusinessMs: 0, pausedBusinessMs: 3 * HOUR, dueAt: null, breachedAt: null });
    expect(result.nextChangeAt).not.toBe(metric(result, "requester_wait").dueAt);
  });
});

describe("resolution", () => {
  it("a reopen resumes the same cycle: elapsed is cumulative and its final outcome is the one reported", () => {
    const log = [created("09T09:00:00"), status("09T10:00:00", "solved"), status("09T12:00:00", "open"), status("09T13:00:00", "solved")];
    const result = engine.evaluate(log, { at: T("09T14:00:00") });
    const states = result.metrics.filter((m) => m.metric === "resolution");
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ status: "achieved", elapsedBusinessMs: 2 * HOUR, stoppedAt: T("09T13:00:00") });
    const reopened = engine.evaluate(log.slice(0, 3), { at: T("09T14:00:00") });
    expect(metric(reopened, "resolution")).toMatchObject({ status: "active", elapsedBusinessMs: 3 * HOUR, stoppedAt: null });
  });

  it("a cycle stopped exactly at its target at closing time and reopened later breaches when it runs again, not before", () => {
    // requester_wait: 8 h on the support calendar, used up by Monday 17:00, when the ticket is solved
    const log = [created("09T09:00:00"), status("09T17:00:00", "solved"), status("10T10:00:00", "open")];
    expect(metric(engine.evaluate(log.slice(0, 2), { at: T("10T09:30:00") }), "requester_wait").status).toBe("achieved");
    const state = metric(engine.evaluate(log, { at: T("10T10:00:00") }), "requester_wait");
    expect(state).toMatchObject({ status: "breached", breachedAt: T("10T10:00:00") });
  });

  it("an achieved cycle that is reopened can still breach", () => {
    const log = [created("09T09:00:00", { priority: "urgent" }), status("09T10:00:00", "solved"), status("09T11:00:00", "open")];
    // urgent resolution is 8 h of calendar time (24x7): 1 h before the solve, 7 h more after the reopen
    const result = engine.evaluate(log, { at: T("09T18:00:00") });
    expect(metric(result, "resolution")).toMatchObject({ status: "breached", breachedAt: T("09T18:00:00") });
  });
});

describe("priority changes", () => {
  it("retarget: raised after the new target has passed, the cycle breaches once, at the change", () => {
    const log = [created("09T09:00:00"), priority("09T11:00:00", "urgent")];
    const result = engine.evaluate(log, { at: T("09T12:00:00") });
    const state = metric(result, "first_response");
    expect(state).toMatchObject({ status: "breached", targetMs: 30 * MIN, breachedAt: T("09T11:00:00"), elapsedBusinessMs: 3 * HOUR });
    expect(iso(state.dueAt)).toBe(iso(T("09T09:30:00")));
    expect(result.metrics.filter((m) => m.metric === "first_response")).toHaveLength(1);
    expect(state.warnings).toStrictEqual([{ fraction: 0.75, at: T("09T11:00:00") }]);
  });

  it("restart: the running cycle is cancelled and a new one starts at the change", () => {
    const restart = createSlaEngine({ ...standard, policies: [{ ...standard.policies[0]!, onPriorityChange: "restart" }] });
    const result = restart.evaluate([created("09T09:00:00"), priority("09T10:00:00", "high")], { at: T("09T10:30:00") });
    expect(metric(result, "first_response", 0)).toMatchObject({ status: "cancelled", stoppedAt: T("09T10:00:00"), targetMs: 4 * HOUR });
    expect(metric(result, "first_response", 1)).toMatchObject({ status: "active", startedAt: T("09T10:00:00"), targetMs: HOUR, elapsedBusinessMs: 30 * MIN });
  });

  it("retroactive: a new cycle from the old start with the new target, re-measured with the same pauses", () => {
    const retro = createSlaEngine({ ...standard, policies: [{ ...standard.policies[0]!, onPriorityChange: "retroactive" }] });
    const log = [created("09T09:00:00"), status("09T10:00:00", "pending"), status("09T11:00:00", "open"), priority("09T12:00:00", "urgent")];
    const result = retro.evaluate(log, { at: T("09T12:30:00") });
    expect(metric(result, "requester_wait", 0)).toMatchObject({ status: "cancelled" });
    const next = metric(result, "requester_wait", 1);
    expect(next).toMatchObject({ startedAt: T("09T09:00:00"), targetMs: 4 * HOUR, elapsedBusinessMs: 2.5 * HOUR, pausedBusinessMs: HOUR, status: "active" });
    // first_response: 3 h elapsed against 30 min → breached at the change, never before it
    expect(metric(result, "first_response", 1)).toMatchObject({ status: "breached", breachedAt: T("09T12:00:00") });
  });
});

describe("warnings and nextChangeAt", () => {
  it("warns once at 75 % by default; nextChangeAt is the warning, then the breach, then null", () => {
    const log = [created("09T09:00:00")];
    const first = engine.evaluate(log, { at: T("09T09:00:00") });
    expect(first.nextChangeAt).toBe(T("09T12:00:00")); // 75 % of first_response's 4 h
    const warned = engine.evaluate(log, { at: T("09T12:00:00") });
    expect(metric(warned, "first_response").warnings).toStrictEqual([{ fraction: 0.75, at: T("09T12:00:00") }]);
    expect(warned.nextChangeAt).toBe(T("09T13:00:00"));
    const breached = engine.evaluate(log, { at: T("09T13:00:00") });
    expect(metric(breached, "first_response").status).toBe("breached");
  });
  it("evaluating just before nextChangeAt shows no change; at it, the change", () => {
    const log = [created("09T15:00:00"), reply("09T15:05:00"), customer("09T16:00:00")];
    const now = T("09T16:10:00");
    const result = engine.evaluate(log, { at: now });
    const next = result.nextChangeAt as number;
    const before = engine.evaluate(log, { at: next - 1 });
    const after = engine.evaluate(log, { at: next });
    const signature = (r: SlaEvaluation): string => JSON.stringify(r.metrics.map((m) => [m.metric, m.cycle, m.status, m.warnings.length]));
    expect(signature(before)).toBe(signature(result));
    expect(signature(after)).not.toBe(signature(result));
  });
});

describe("merge", () => {
  it("cancels every running cycle, except one already breached, which stays breached", () => {
    const log = [created("09T09:00:00", { priority: "urgent" }), { id: "m", at: T("09T10:00:00"), type: "merged", into: "T-1" }];
    const result = engine.evaluate(log, { at: T("09T12:00:00") });
    expect(metric(result, "first_response")).toMatchObject({ status: "breached", stoppedAt: T("09T10:00:00") });
    expect(metric(result, "resolution")).toMatchObject({ status: "cancelled", stoppedAt: T("09T10:00:00") });
    expect(result.nextChangeAt).toBeNull();
  });
});

describe("policies", () => {
  const vip: SlaEngineDefinition = {
    calendars: { support },
    policies: [
      { id: "vip", when: { field: "tags", includes: "vip" }, calendar: "24x7", targets: { resolution: { normal: "PT8H" } } },
      { id: "standard", calendar: "support", targets: { resolution: { normal: "PT16H" } } },
    ],
  };
  it("the first matching policy applies, chosen after every event at the creation instant", () => {
    const switching = createSlaEngine(vip);
    const log = [created("09T09:00:00"), { id: "f", at: T("09T09:00:00"), type: "field_changed", field: "tags", to: ["vip"] }];
    const result = switching.evaluate(log, { at: T("09T10:00:00") });
    expect(result.policyId).toBe("vip");
    expect(metric(result, "resolution")).toMatchObject({ policyId: "vip", targetMs: 8 * HOUR, elapsedBusinessMs: HOUR });
  });
  it("a policy switch mid-cycle keeps the elapsed time, each segment measured on the calendar in force", () => {
    const switching = createSlaEngine(vip);
    // 09:00–17:00 Monday on the support calendar (8 h), then 24x7 from 20:00: 8 h + 2 h by 22:00
    const log = [created("09T09:00:00"), { id: "f", at: T("09T20:00:00"), type: "field_changed", field: "tags", to: ["vip"] }];
    const result = switching.evaluate(log, { at: T("09T22:00:00") });
    expect(metric(result, "resolution")).toMatchObject({ policyId: "vip", elapsedBusinessMs: 10 * HOUR, status: "breached", breachedAt: T("09T20:00:00") });
  });
  it("every attribute a condition reads switches the policy when an event changes it", () => {
    const changes: ReadonlyArray<readonly [string, string, Raw]> = [
      ["status", "pending", { type: "status_changed", to: "pending" }],
      ["severity", "sev1", { type: "severity_changed", from: "sev3", to: "sev1", source: "rule" }],
      ["category", "billing", { type: "category_changed", to: "billing" }],
      ["group", "tier2", { type: "assigned", group: "tier2" }],
      ["agent", "ann", { type: "assigned", agent: "ann" }],
      ["plan", "gold", { type: "field_changed", field: "plan", to: "gold" }],
    ];
    for (const [field, value, change] of changes) {
      const switching = createSlaEngine({
        calendars: { support },
        policies: [
          { id: "special", when: { field, equals: value }, calendar: "24x7", targets: { resolution: { normal: "PT8H" } } },
          { id: "standard", calendar: "support", targets: { resolution: { normal: "PT16H" } } },
        ],
      });
      const log = [created("09T09:00:00"), note("09T10:00:00"), { id: `e${nextId++}`, at: T("09T20:00:00"), ...change }, note("09T21:00:00")];
      expect([field, switching.evaluate(log.slice(0, 2), { at: T("09T10:00:00") }).policyId]).toStrictEqual([field, "standard"]);
      const result = switching.evaluate(log, { at: T("09T22:00:00") });
      expect([field, result.policyId, metric(result, "resolution").policyId, metric(result, "resolution").elapsedBusinessMs]).toStrictEqual([field, "special", "special", 10 * HOUR]);
    }
  });
  it("no matching policy: no metrics, policyId null", () => {
    const onlyVip = createSlaEngine({ policies: [vip.policies[0]!] });
    expect(onlyVip.evaluate([created("09T09:00:00")], { at: T("09T10:00:00") })).toMatchObject({ policyId: null, metrics: [], nextChangeAt: null });
  });
  it("a metric without a target for the ticket's priority does not apply", () => {
    const result = engine.evaluate([created("09T09:00:00", { priority: "low" })], { at: T("09T10:00:00") });
    expect(result.metrics).toStrictEqual([]);
  });
});

describe("DST inside a cycle", () => {
  it("a 24-hour target over the spring-forward night of a 24×7 Berlin calendar ends 24 real hours later", () => {
    const allDay = [["00:00", "24:00"]] as const;
    const dst = createSlaEngine({
      calendars: { always: { timeZone: "Europe/Berlin", weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } } },
      policies: [{ id: "p", calendar: "always", targets: { resolution: { normal: "PT24H" } } }],
    });
    const start = Date.parse("2026-03-28T12:00:00+01:00");
    const state = metric(dst.evaluate([{ id: "1", at: start, type: "created", by: "customer", priority: "normal" }], { at: start + HOUR }), "resolution");
    expect(state.dueAt).toBe(start + 24 * HOUR); // 13:00 CEST on Sunday: the local day had 23 hours
  });
});

describe("custom metrics", () => {
  it("an internal OLA: escalated to tier 2 → the first agent message while tier 2 has the ticket", () => {
    const ola = createSlaEngine({
      calendars: { support },
      metrics: {
        tier2_response: {
          start: { on: "escalated", when: { field: "event.to", equals: "tier2" } },
          stop: { on: "message", when: { all: [{ field: "event.role", equals: "agent" }, { field: "group", equals: "tier2" }] } },
          repeat: true,
        },
      },
      policies: [{ id: "ola", calendar: "support", targets: { tier2_response: { normal: "PT2H" } } }],
    });
    const log = [
      created("09T09:00:00"),
      { id: "x", at: T("09T10:00:00"), type: "escalated", to: "tier2" },
      reply("09T10:30:00"), // tier 1 still has it
      { id: "a", at: T("09T11:00:00"), type: "assigned", group: "tier2" },
      note("09T11:30:00"),
    ];
    const result = ola.evaluate(log, { at: T("09T13:00:00") });
    expect(metric(result, "tier2_response")).toMatchObject({ status: "achieved", startedAt: T("09T10:00:00"), stoppedAt: T("09T11:30:00"), elapsedBusinessMs: 90 * MIN });
  });
});

describe("incremental clock and persistence", () => {
  it("a clock fed the events one by one equals evaluate; toJSON/restore keeps it", () => {
    const log = [created("09T09:00:00"), reply("09T09:30:00"), customer("09T10:00:00"), status("09T11:00:00", "pending"), status("10T10:00:00", "open")];
    const at = T("10T12:00:00");
    const clock = engine.start(log[0]);
    for (const event of log.slice(1, 3)) clock.apply(event);
    const restored = engine.restore(JSON.parse(JSON.stringify(clock.toJSON())));
    for (const event of log.slice(3)) restored.apply(event);
    expect(restored.stateAt(at)).toStrictEqual(engine.evaluate(log, { at }));
    expect(restored.lastEventAt).toBe(T("10T10:00:00"));
  });
  it("a cycle with many spans on two calendars: toJSON writes each span in order, restore gives it back, and a due time inside the early spans is found", () => {
    const spanEngine = createSlaEngine({
      calendars: { support },
      policies: [{ id: "p", calendar: "support", targets: { requester_wait: { normal: "PT2H", urgent: "PT1H" }, resolution: { urgent: { duration: "PT8H", calendar: "24x7" }, normal: "PT16H" } } }],
    });
    const hhmm = (minutes: number): string => `${String(9 + Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;
    // Monday 09:00 urgent; 09:05 normal (resolution leaves 24x7 for support); then 24 times: pending
    // for 10 minutes after 10 minutes open, the last reopen at 17:00; solved at 17:30.
    const log: Raw[] = [created("09T09:00:00", { priority: "urgent" }), priority("09T09:05:00", "normal")];
    for (let k = 0; k < 24; k++) log.push(status(`09T${hhmm(20 * k + 10)}`, "pending"), status(`09T${hhmm(20 * k + 20)}`, "open"));
    log.push(status("09T17:30:00", "solved"));
    const at = T("10T12:00:00");
    const clock = spanEngine.start(log[0]);
    for (const event of log.slice(1)) clock.apply(event);
    const json = JSON.parse(JSON.stringify(clock.toJSON())) as { cycles: Array<{ metric: string; cal: string; spans: Array<[number, number, 0 | 1, string]> }> };
    const wait = json.cycles.find((c) => c.metric === "requester_wait");
    const resolution = json.cycles.find((c) => c.metric === "resolution");
    const expected: Array<[number, number, 0 | 1, string]> = [];
    for (let k = 0; k < 24; k++) {
      expected.push([T(`09T${hhmm(20 * k)}`), T(`09T${hhmm(20 * k + 10)}`), 1, "support"], [T(`09T${hhmm(20 * k + 10)}`), T(`09T${hhmm(20 * k + 20)}`), 0, "support"]);
    }
    expected.push([T("09T17:00:00"), T("09T17:30:00"), 1, "support"]);
    expect(wait?.spans).toStrictEqual(expected);
    expect(resolution?.spans).toStrictEqual([
      [T("09T09:00:00"), T("09T09:05:00"), 1, "24x7"],
      [T("09T09:05:00"), T("09T17:30:00"), 1, "support"],
    ]);
    expect(resolution?.cal).toBe("support");
    const restored = spanEngine.restore(json);
    expect(JSON.parse(JSON.stringify(restored.toJSON()))).toStrictEqual(json);
    const state = restored.stateAt(at);
    expect(state).toStrictEqual(spanEngine.evaluate(log, { at }));
    // 2 h of running time is reached at the end of the 12th open stretch (12:40–12:50); the pause at
    // 12:50 applies first, so the breach is at the reopening, 13:00. 90 min (75 %) end the 9th (11:50).
    expect(metric(state, "requester_wait")).toMatchObject({
      status: "breached",
      elapsedBusinessMs: 4 * HOUR,
      pausedBusinessMs: 4 * HOUR,
      dueAt: T("09T12:50:00"),
      breachedAt: T("09T13:00:00"),
      warnings: [{ fraction: 0.75, at: T("09T11:50:00") }],
    });
  });
  it("toJSON writes back what a restored state held that this version does not use: unknown fields and calendar keys", () => {
    const clock = engine.start(created("09T09:00:00"));
    clock.apply(status("09T10:00:00", "pending"));
    const json = JSON.parse(JSON.stringify(clock.toJSON())) as Record<string, unknown> & { cycles: Array<Record<string, unknown> & { spans: Array<[number, number, 0 | 1, string]> }> };
    json["note"] = { kept: [1, 2] };
    const cycle = json.cycles.find((c) => c["metric"] === "requester_wait") as (typeof json.cycles)[number];
    cycle["later"] = "field";
    cycle["cal"] = "elsewhere";
    cycle.spans = [[T("09T09:00:00"), T("09T10:00:00"), 1, "nowhere"]];
    const restored = engine.restore(json);
    expect(JSON.parse(JSON.stringify(restored.toJSON()))).toStrictEqual(json);
    restored.apply(status("09T11:00:00", "open"));
    const after = JSON.parse(JSON.stringify(restored.toJSON())) as typeof json;
    expect(after["note"]).toStrictEqual({ kept: [1, 2] });
    const waited = after.cycles.find((c) => c["metric"] === "requester_wait");
    // An unknown calendar key measures as 24x7: the pause from 10:00 to 11:00 is one hour.
    expect(waited?.spans).toStrictEqual([
      [T("09T09:00:00"), T("09T10:00:00"), 1, "nowhere"],
      [T("09T10:00:00"), T("09T11:00:00"), 0, "elsewhere"],
    ]);
    expect(waited?.["pausedBusiness"]).toBe(HOUR);
    expect(waited?.["later"]).toBe("field");
  });
  it("stateAt does not change the clock; a later event at the same instant still counts", () => {
    const clock = engine.start(created("09T09:00:00"));
    clock.stateAt(T("09T09:00:00"));
    clock.apply(reply("09T09:00:00"));
    expect(metric(clock.stateAt(T("09T10:00:00")), "first_response").status).toBe("achieved");
  });
  it("a state saved by an engine with another definition is refused: replay the log instead", () => {
    const json = engine.start(created("09T09:00:00")).toJSON();
    const other = createSlaEngine({ policies: [{ id: "other", targets: { resolution: { normal: "PT1H" } } }] });
    const error = thrownBy(SlaError, () => other.restore(json));
    expect(error.code).toBe("invalid_sla_state");
    expect(error.issues[0].code).toBe("stale_state");
    expect(thrownBy(SlaError, () => engine.restore({ version: 2 })).code).toBe("invalid_sla_state");
  });
  it("events out of order, after a merge, or a second created are refused by the clock", () => {
    const clock = engine.start(created("09T09:00:00"));
    clock.apply(reply("09T10:00:00"));
    expect(thrownBy(SlaError, () => clock.apply(reply("09T09:30:00"))).issues[0].code).toBe("out_of_order");
    expect(thrownBy(SlaError, () => clock.apply(created("09T11:00:00"))).issues[0].code).toBe("duplicate_created");
    clock.apply({ id: "m", at: T("09T11:00:00"), type: "merged", into: "X" });
    expect(thrownBy(SlaError, () => clock.apply(reply("09T12:00:00"))).issues[0].code).toBe("event_after_merge");
    expect(thrownBy(SlaError, () => clock.stateAt(T("09T09:00:00"))).code).toBe("out_of_range");
  });
});

describe("evaluateMany", () => {
  it("is lazy, keeps ids, and equals evaluate one by one", () => {
    const logs = [
      { id: "A", events: [created("09T09:00:00")] },
      { id: "B", events: [created("09T09:00:00", { priority: "high" }), reply("09T09:10:00")] },
    ];
    const at = T("09T12:00:00");
    const results = [...engine.evaluateMany(logs, { at })];
    expect(results.map((r) => r.ticketId)).toStrictEqual(["A", "B"]);
    expect(results[1]).toStrictEqual({ ticketId: "B", ...engine.evaluate(logs[1]!.events, { at }) });
    let pulled = 0;
    const source = (function* () {
      for (const log of logs) {
        pulled += 1;
        yield log;
      }
    })();
    const iterator = engine.evaluateMany(source, { at })[Symbol.iterator]();
    iterator.next();
    expect(pulled).toBe(1);
  });
});
