import { TICKET_EVENT_TYPES, parseTicketLog } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import {
  EscalationError,
  EscalationPolicyDefinitionSchema,
  createEscalationPolicy,
  escalationPolicyJsonSchema,
  safeCreateEscalationPolicy,
  type EscalationPolicyDefinition,
} from "@supportops/escalation";
import { weekdayCalendar } from "./support/weekdayCalendar.js";

const MIN = 60_000;
const H = 3_600_000;
const T0 = Date.parse("2026-03-09T09:00:00Z"); // a Monday

function issuesOf(fn: () => unknown): unknown {
  const error = thrownBy(EscalationError, fn);
  return { code: error.code, issues: error.issues.map((i) => ({ code: i.code, path: i.path })) };
}

const short = (entries: ReadonlyArray<{ level: number; cycle: number; firesAt: number; targets: ReadonlyArray<string> }>) =>
  entries.map((e) => `${e.level}/${e.cycle} ${new Date(e.firesAt).toISOString()} ${e.targets.join(",")}`);

describe("createEscalationPolicy validation (§3.5)", () => {
  test("stopOn and startOn take core's TICKET_EVENT_TYPES", () => {
    const stopOn = [...TICKET_EVENT_TYPES.filter((type) => type !== "created" && type !== "escalated"), "resolved" as const];
    const policy = createEscalationPolicy({ levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], stopOn });
    expect(policy.stopOn).toStrictEqual(stopOn);
    expect(EscalationPolicyDefinitionSchema.safeParse({ levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], startOn: [...TICKET_EVENT_TYPES] }).success).toBe(true);
  });

  test("the example policy compiles, frozen", () => {
    const policy = createEscalationPolicy({
      levels: [
        { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
        { after: { hours: 1 }, relativeTo: "previousLevel", targets: ["user:manager"] },
      ],
      repeat: 1,
    });
    expect(policy.levels).toStrictEqual([
      { level: 1, afterMs: 30 * MIN, relativeTo: "created", targets: ["team:l2"] },
      { level: 2, afterMs: H, relativeTo: "previousLevel", targets: ["user:manager"] },
    ]);
    expect([policy.repeat, policy.stopOn, policy.startOn, policy.businessHours]).toStrictEqual([1, ["acknowledged", "resolved"], ["created", "escalated"], false]);
    expect(Object.isFrozen(policy) && Object.isFrozen(policy.levels) && Object.isFrozen(policy.levels[0])).toBe(true);
  });

  const bad: Array<[string, EscalationPolicyDefinition, ReadonlyArray<ReadonlyArray<string | number>>, string?]> = [
    ["no levels", { levels: [] }, [["levels"]]],
    ["a negative delay from created", { levels: [{ after: "-PT5M", relativeTo: "created", targets: ["a"] }] }, [["levels", 0, "after"]]],
    ["a zero delay from the previous level", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }, { after: 0, relativeTo: "previousLevel", targets: ["b"] }] }, [["levels", 1, "after"]]],
    ["delays from the same anchor that do not increase", { levels: [{ after: "PT1H", relativeTo: "created", targets: ["a"] }, { after: "PT30M", relativeTo: "created", targets: ["b"] }] }, [["levels", 1, "after"]]],
    ["equal reminders before the due time", { levels: [{ after: "-PT30M", relativeTo: "slaDue", targets: ["a"] }, { after: "-PT30M", relativeTo: "slaDue", targets: ["b"] }] }, [["levels", 1, "after"]]],
    ["a first level relative to the previous one", { levels: [{ after: "PT5M", relativeTo: "previousLevel", targets: ["a"] }] }, [["levels", 0, "relativeTo"]]],
    ["an unknown anchor", { levels: [{ after: "PT5M", relativeTo: "updated" as never, targets: ["a"] }] }, [["levels", 0, "relativeTo"]]],
    ["an unparseable delay", { levels: [{ after: "P1M", relativeTo: "created", targets: ["a"] }] }, [["levels", 0, "after"]], "invalid_duration"],
    ["no targets", { levels: [{ after: "PT5M", relativeTo: "created", targets: [] }] }, [["levels", 0, "targets"]]],
    ["an empty target", { levels: [{ after: "PT5M", relativeTo: "created", targets: [" "] }] }, [["levels", 0, "targets", 0]]],
    ["a duplicated target", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a", "a"] }] }, [["levels", 0, "targets"]]],
    ["repeat above 9", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], repeat: 10 }, [["repeat"]]],
    ["a fractional repeat", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], repeat: 1.5 }, [["repeat"]]],
    ["an unknown stop event", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], stopOn: ["answered" as never] }, [["stopOn", 0]]],
    ["an empty stopOn", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], stopOn: [] }, [["stopOn"]]],
    ["resolved as a start event", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], startOn: ["resolved" as never] }, [["startOn", 0]]],
    ["the same type starting and stopping", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], startOn: ["escalated"], stopOn: ["escalated"] }, [["stopOn", 0]]],
    ["a calendar missing methods", { levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }], calendar: { isOpenMs: () => true } as never }, [["calendar"]], "invalid_calendar"],
    ["not an object", null as never, [[]]],
    ["a level that is not an object", { levels: ["PT5M" as never] }, [["levels", 0]]],
  ];
  test.each(bad)("rejects %s", (_name, def, paths, code = "invalid_policy") => {
    expect(issuesOf(() => createEscalationPolicy(def))).toStrictEqual({
      code: "invalid_policy",
      issues: paths.map((path) => ({ code, path })),
    });
  });

  test("the JSON schema's unions say which forms they accept", () => {
    const parsed = EscalationPolicyDefinitionSchema.safeParse({ levels: [{ after: true, relativeTo: "created", targets: ["a"] }], stopOn: ["answered"] });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toStrictEqual([
      'expected a duration: an ISO-8601 string such as "PT30M" or "-PT15M", whole milliseconds, or an object such as { minutes: 30 }',
      `expected a ticket event type or "resolved": one of "resolved", ${TICKET_EVENT_TYPES.map((t) => JSON.stringify(t)).join(", ")}`,
    ]);
  });

  test("the JSON form: the schema accepts what createEscalationPolicy accepts, and its JSON Schema", () => {
    const def = {
      levels: [
        { after: "-PT30M", relativeTo: "slaDue", targets: ["user:lead"] },
        { after: 1_800_000, relativeTo: "created", targets: ["team:l2"] },
        { after: { hours: 1 }, relativeTo: "previousLevel", targets: ["user:manager"] },
      ],
      repeat: 2,
      stopOn: ["acknowledged", "resolved"],
      startOn: ["escalated"],
    } as const;
    expect([EscalationPolicyDefinitionSchema.safeParse(def).success, safeCreateEscalationPolicy(def).success]).toStrictEqual([true, true]);
    expect(EscalationPolicyDefinitionSchema.safeParse({ ...def, stopOn: ["answered"] }).success).toBe(false);
    expect(safeCreateEscalationPolicy({ levels: [] }).success).toBe(false);
    const schema = escalationPolicyJsonSchema();
    expect(schema.required).toStrictEqual(["levels"]);
  });

  test("accepts reminders before the due time, at it and after it", () => {
    const policy = createEscalationPolicy({
      levels: [
        { after: "-PT30M", relativeTo: "slaDue", targets: ["agent", "lead"] },
        { after: 0, relativeTo: "slaDue", targets: ["manager"] },
        { after: "PT1H", relativeTo: "slaDue", targets: ["head-of-support"] },
      ],
    });
    expect(short(policy.schedule({ createdAt: T0, slaDueAt: T0 + 4 * H }))).toStrictEqual([
      "1/0 2026-03-09T12:30:00.000Z agent,lead",
      "2/0 2026-03-09T13:00:00.000Z manager",
      "3/0 2026-03-09T14:00:00.000Z head-of-support",
    ]);
  });
});

describe("schedule", () => {
  test("repeats shift each cycle by the span from the start to the latest level", () => {
    const policy = createEscalationPolicy({
      levels: [
        { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
        { after: "PT1H", relativeTo: "previousLevel", targets: ["user:manager"] },
      ],
      repeat: 2,
    });
    expect(short(policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }))).toStrictEqual([
      "1/0 2026-03-09T09:30:00.000Z team:l2",
      "2/0 2026-03-09T10:30:00.000Z user:manager",
      "1/1 2026-03-09T11:00:00.000Z team:l2",
      "2/1 2026-03-09T12:00:00.000Z user:manager",
      "1/2 2026-03-09T12:30:00.000Z team:l2",
      "2/2 2026-03-09T13:30:00.000Z user:manager",
    ]);
  });

  test("a reminder due before the start fires at the start", () => {
    const policy = createEscalationPolicy({ levels: [{ after: "-PT2H", relativeTo: "slaDue", targets: ["lead"] }, { after: "PT1H", relativeTo: "created", targets: ["manager"] }] });
    expect(short(policy.schedule({ createdAt: T0, slaDueAt: T0 + H }))).toStrictEqual([
      "1/0 2026-03-09T09:00:00.000Z lead",
      "2/0 2026-03-09T10:00:00.000Z manager",
    ]);
  });

  test("business-hours delays skip nights and weekends", () => {
    const policy = createEscalationPolicy({
      levels: [
        { after: "PT4H", relativeTo: "created", targets: ["team:l2"] },
        { after: "PT8H", relativeTo: "previousLevel", targets: ["user:manager"] },
        { after: "-PT1H", relativeTo: "slaDue", targets: ["user:lead"] },
      ],
      repeat: 1,
      calendar: weekdayCalendar(9, 17),
    });
    // Friday 15:00 UTC: 2 business hours left that day, the rest on Monday.
    expect(short(policy.schedule({ createdAt: "2026-03-13T15:00:00Z", slaDueAt: "2026-03-16T11:00:00Z" }))).toStrictEqual([
      "3/0 2026-03-16T10:00:00.000Z user:lead",
      "1/0 2026-03-16T11:00:00.000Z team:l2",
      "2/0 2026-03-17T11:00:00.000Z user:manager",
      // period: 12 business hours from Friday 15:00 to Tuesday 11:00
      "3/1 2026-03-17T14:00:00.000Z user:lead",
      "1/1 2026-03-17T15:00:00.000Z team:l2",
      "2/1 2026-03-18T15:00:00.000Z user:manager",
    ]);
  });

  test("bad input: a missing slaDueAt or createdAt, a bad instant, a repeat with nothing to repeat, no input at all", () => {
    const policy = createEscalationPolicy({ levels: [{ after: "-PT30M", relativeTo: "slaDue", targets: ["lead"] }], repeat: 1 });
    expect(issuesOf(() => policy.schedule({ createdAt: T0 }))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "sla_due_required", path: ["slaDueAt"] }],
    });
    expect(issuesOf(() => policy.schedule({ slaDueAt: T0 } as never))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "invalid_type", path: ["createdAt"] }],
    });
    expect(issuesOf(() => policy.schedule({ createdAt: "2026-03-09 09:00", slaDueAt: T0 }))).toStrictEqual({
      code: "invalid_time",
      issues: [{ code: "invalid_time", path: ["createdAt"] }],
    });
    expect(issuesOf(() => policy.schedule({ createdAt: T0, slaDueAt: T0 }))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "nothing_to_repeat", path: ["slaDueAt"] }],
    });
    expect(issuesOf(() => policy.schedule(null as never))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "invalid_type", path: [] }],
    });
  });

  test("entries carry epoch milliseconds (firesAt), not Dates", () => {
    const policy = createEscalationPolicy({ levels: [{ after: "PT30M", relativeTo: "created", targets: ["team:l2"] }] });
    expect(policy.schedule({ createdAt: T0 })).toStrictEqual([{ level: 1, cycle: 0, firesAt: T0 + 30 * MIN, targets: ["team:l2"] }]);
  });
});

describe("due", () => {
  const policy = createEscalationPolicy({
    levels: [
      { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
      { after: "PT1H", relativeTo: "previousLevel", targets: ["user:manager"] },
    ],
  });
  const created = { type: "created", at: T0 } as const;

  test("idle before any start event", () => {
    expect(policy.due([], { at: T0 })).toStrictEqual({ state: "idle", startedAt: null, stoppedAt: null, stoppedBy: null, fired: [], next: null });
  });

  test("escalating: fired levels and the next one", () => {
    const due = policy.due([created], { at: T0 + 45 * MIN });
    expect([due.state, short(due.fired), due.next && short([due.next])]).toStrictEqual([
      "escalating",
      ["1/0 2026-03-09T09:30:00.000Z team:l2"],
      ["2/0 2026-03-09T10:30:00.000Z user:manager"],
    ]);
  });

  test("exhausted once every level fired", () => {
    const due = policy.due([created], { at: T0 + 2 * H });
    expect([due.state, due.fired.length, due.next]).toStrictEqual(["exhausted", 2, null]);
  });

  test("an acknowledgement stops it; a level at the same instant has fired", () => {
    const due = policy.due([created, { type: "acknowledged", at: T0 + 30 * MIN }], { at: T0 + 3 * H });
    expect([due.state, due.stoppedAt, due.stoppedBy, short(due.fired), due.next]).toStrictEqual([
      "stopped", T0 + 30 * MIN, "acknowledged", ["1/0 2026-03-09T09:30:00.000Z team:l2"], null,
    ]);
  });

  test("resolved is a move into solved or closed; other status changes do not stop it", () => {
    const pending = policy.due([created, { type: "status_changed", at: T0 + MIN, to: "pending" }], { at: T0 + 31 * MIN });
    expect(pending.state).toBe("escalating");
    const solved = policy.due([created, { type: "status_changed", at: T0 + MIN, to: "solved" }], { at: T0 + 31 * MIN });
    expect([solved.state, solved.stoppedBy, solved.fired]).toStrictEqual(["stopped", "resolved", []]);
    // An `escalated` event's `to` names a team, not a status.
    const escalatedTo = policy.due([created, { type: "escalated", at: T0 + MIN, to: "closed" }], { at: T0 + 31 * MIN });
    expect(escalatedTo.state).toBe("escalating");
  });

  test("a start event after a stop starts a new escalation; events after `at` are ignored", () => {
    const events = [
      created,
      { type: "acknowledged", at: T0 + 10 * MIN },
      { type: "escalated", at: T0 + H },
      { type: "acknowledged", at: T0 + 5 * H },
    ] as const;
    const due = policy.due(events, { at: T0 + 2 * H });
    expect([due.state, due.startedAt, short(due.fired), due.next && short([due.next])]).toStrictEqual([
      "escalating", T0 + H, ["1/0 2026-03-09T10:30:00.000Z team:l2"], ["2/0 2026-03-09T11:30:00.000Z user:manager"],
    ]);
  });

  test("takes a log parsed by core as it is", () => {
    const log = parseTicketLog([
      { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", channel: "email" },
      { id: "2", at: "2026-03-09T09:10:00Z", type: "message", role: "agent", public: true },
      { id: "3", at: "2026-03-09T09:40:00Z", type: "status_changed", to: "closed" },
    ]);
    const due = policy.due(log, { at: "2026-03-09T12:00:00Z" });
    expect([due.state, due.stoppedBy, short(due.fired)]).toStrictEqual(["stopped", "resolved", ["1/0 2026-03-09T09:30:00.000Z team:l2"]]);
  });

  test("invalid_ticket_log (out of order, malformed, not an array), invalid_time (a bad `at`), invalid_argument (no options, a missing slaDueAt)", () => {
    expect(issuesOf(() => policy.due([created, { type: "acknowledged", at: T0 - 1 }], { at: T0 }))).toStrictEqual({
      code: "invalid_ticket_log",
      issues: [{ code: "out_of_order", path: [1, "at"] }],
    });
    expect(issuesOf(() => policy.due([{ type: "created", at: "2026-03-09T09:00:00Z" } as never], { at: T0 }))).toStrictEqual({
      code: "invalid_ticket_log",
      issues: [{ code: "invalid_type", path: [0] }],
    });
    expect(issuesOf(() => policy.due(null as never, { at: T0 }))).toStrictEqual({
      code: "invalid_ticket_log",
      issues: [{ code: "invalid_type", path: [] }],
    });
    expect(issuesOf(() => policy.due([created], { at: Number.NaN }))).toStrictEqual({
      code: "invalid_time",
      issues: [{ code: "invalid_time", path: ["at"] }],
    });
    expect(issuesOf(() => policy.due([created], undefined as never))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "invalid_type", path: [] }],
    });
    expect(issuesOf(() => policy.due([created], {} as never))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "invalid_type", path: ["at"] }],
    });
    const reminder = createEscalationPolicy({ levels: [{ after: "-PT30M", relativeTo: "slaDue", targets: ["lead"] }] });
    expect(issuesOf(() => reminder.due([created], { at: T0 }))).toStrictEqual({
      code: "invalid_argument",
      issues: [{ code: "sla_due_required", path: ["slaDueAt"] }],
    });
  });
});

describe("createEscalationPolicy with hostile input", () => {
  const level = { after: "PT30M", relativeTo: "created", targets: ["team:l2"] } as const;

  test("unknown keys in the definition or a level are refused, never ignored (a misspelt stopOn would never stop)", () => {
    expect(issuesOf(() => createEscalationPolicy({ levels: [{ ...level, target: ["x"] }], stopon: ["acknowledged"] } as never))).toStrictEqual({
      code: "invalid_policy",
      issues: [
        { code: "invalid_policy", path: ["stopon"] },
        { code: "invalid_policy", path: ["levels", 0, "target"] },
      ],
    });
  });

  test("wrong-typed arguments are typed errors with a path: schedule(), due(null, …), a string for an array", () => {
    const policy = createEscalationPolicy({ levels: [level] });
    expect(issuesOf(() => (policy.schedule as () => unknown)())).toStrictEqual({ code: "invalid_argument", issues: [{ code: "invalid_type", path: [] }] });
    expect(issuesOf(() => policy.due(null as never, { at: T0 }))).toStrictEqual({ code: "invalid_ticket_log", issues: [{ code: "invalid_type", path: [] }] });
    expect(issuesOf(() => createEscalationPolicy({ levels: [{ ...level, targets: "team:l2" }] } as never))).toStrictEqual({
      code: "invalid_policy",
      issues: [{ code: "invalid_policy", path: ["levels", 0, "targets"] }],
    });
    expect(issuesOf(() => createEscalationPolicy({ levels: [level], stopOn: "acknowledged" } as never))).toStrictEqual({
      code: "invalid_policy",
      issues: [{ code: "invalid_policy", path: ["stopOn"] }],
    });
  });
});
