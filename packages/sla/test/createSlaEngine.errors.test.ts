// Bad SLA definitions and inputs: a typed SlaError with a path, one test per code.
import { describe, expect, it } from "vitest";
import { nested, thrownBy } from "@supportops/test-utils";
import { SLA_POLICY_ISSUE_CODES, SlaError, createCalendar, createSlaEngine, safeCreateSlaEngine, slaPolicyJsonSchema } from "@supportops/sla";

const week = [["09:00", "17:00"]] as const;
const support = { timeZone: "Europe/Berlin", weekly: { mon: week, tue: week, wed: week, thu: week, fri: week } };
const ok = { id: "p", targets: { first_response: { normal: "PT4H" } } };

function rejection(definition: unknown): Array<[string, ReadonlyArray<string | number>]> {
  const result = safeCreateSlaEngine(definition);
  if (result.success) throw new Error("expected the definition to be rejected");
  expect(result.error).toBeInstanceOf(SlaError);
  expect(result.error.code).toBe("invalid_sla_policy");
  return result.error.issues.map((issue) => [issue.code, issue.path]);
}

describe("createSlaEngine rejects definitions that cannot work", () => {
  const cases: ReadonlyArray<[string, unknown, string, ReadonlyArray<string | number>]> = [
    ["an unknown calendar", { policies: [{ ...ok, calendar: "suport" }] }, "unknown_calendar", ["policies", 0, "calendar"]],
    ["an unknown target calendar", { policies: [{ id: "p", targets: { resolution: { normal: { duration: "PT1H", calendar: "x" } } } }] }, "unknown_calendar", ["policies", 0, "targets", "resolution", "normal", "calendar"]],
    ["a calendar named 24x7", { calendars: { "24x7": support }, policies: [ok] }, "reserved_calendar", ["calendars", "24x7"]],
    ["an unknown metric", { policies: [{ id: "p", targets: { first_reply: { normal: "PT1H" } } }] }, "unknown_metric", ["policies", 0, "targets", "first_reply"]],
    ["a metric with no targets", { policies: [{ id: "p", targets: { resolution: {} } }] }, "empty_targets", ["policies", 0, "targets", "resolution"]],
    ["a duration that is not ISO-8601", { policies: [{ id: "p", targets: { resolution: { normal: "4 hours" } } }] }, "invalid_duration", ["policies", 0, "targets", "resolution", "normal"]],
    ["a month-long target", { policies: [{ id: "p", targets: { resolution: { normal: "P1M" } } }] }, "invalid_duration", ["policies", 0, "targets", "resolution", "normal"]],
    ["a zero target", { policies: [{ id: "p", targets: { resolution: { normal: 0 } } }] }, "invalid_target", ["policies", 0, "targets", "resolution", "normal"]],
    ["a warning at 100 %", { policies: [{ ...ok, warnAt: [0.5, 1] }] }, "invalid_warning", ["policies", 0, "warnAt", 1]],
    ["a duplicate policy id", { policies: [ok, ok] }, "duplicate_policy", ["policies", 1, "id"]],
    ["event fields in a policy condition", { policies: [{ ...ok, when: { field: "event.role", equals: "agent" } }] }, "event_field_outside_trigger", ["policies", 0, "when", "field"]],
    [
      "a custom metric named like a preset",
      { metrics: { resolution: { start: { on: "created" }, stop: { on: "acknowledged" } } }, policies: [ok] },
      "duplicate_metric",
      ["metrics", "resolution"],
    ],
    [
      "a start that can never hold",
      { metrics: { m: { start: { on: "created", when: { any: [] } }, stop: { on: "acknowledged" } } }, policies: [ok] },
      "unreachable_start",
      ["metrics", "m", "start"],
    ],
    [
      "a stop that can never come after the start",
      { metrics: { m: { start: { on: "created" }, stop: { on: "created" } } }, policies: [ok] },
      "unreachable_stop",
      ["metrics", "m", "stop"],
    ],
    [
      "a pause with no resume",
      { metrics: { m: { start: { on: "created" }, stop: { on: "acknowledged" }, pause: { on: "status_changed" } } }, policies: [ok] },
      "pause_never_resumes",
      ["metrics", "m", "pause"],
    ],
    [
      "a pause that is always on",
      { metrics: { m: { start: { on: "escalated" }, stop: { on: "acknowledged" }, pause: { on: "escalated" }, resume: { on: "message" } } }, policies: [ok] },
      "always_paused",
      ["metrics", "m", "pause"],
    ],
  ];
  for (const [name, definition, code, path] of cases) {
    it(`${name}: ${code}`, () => {
      expect(rejection(definition)).toContainEqual([code, path]);
    });
  }

  it("every policy issue code except stale_state has a case above", () => {
    const covered = new Set(cases.map(([, , code]) => code));
    expect(SLA_POLICY_ISSUE_CODES.filter((code) => !covered.has(code) && code !== "stale_state")).toStrictEqual([]);
  });

  it("structural mistakes come with paths and supportops' wording", () => {
    expect(rejection({ policies: [] })).toStrictEqual([["too_small", ["policies"]]]);
    expect(rejection({ policies: [{ id: "p", target: {} }] })).toContainEqual(["unrecognized_keys", ["policies", 0, "target"]]);
    const result = safeCreateSlaEngine({ policies: [{ ...ok, onPriorityChange: "retargett" }] });
    expect(!result.success && result.error.issues[0].message).toBe('expected one of "retarget", "restart", "retroactive", got "retargett"; did you mean "retarget"?');
    const condition = safeCreateSlaEngine({ policies: [{ ...ok, when: { field: "tags", contains: "vip" } }] });
    expect(!condition.success && condition.error.issues[0].message).toMatch(/^a condition is \{ all: \[...\] \}, \{ any: \[...\] \}, \{ not: … \} or a field test/);
    expect(rejection({ calendars: { support: { ...support, timeZone: "EST" } }, policies: [ok] })).toContainEqual(["invalid_time_zone", ["calendars", "support", "timeZone"]]);
  });

  it("a definition nested past the depth limit is a typed error", () => {
    expect(rejection({ policies: [{ ...ok, when: nested(500) }] })[0]?.[0]).toBe("too_deep");
  });

  it("a missing definition or options object is a typed error, not a TypeError", () => {
    expect(rejection(undefined)).toStrictEqual([["invalid_type", []]]);
    const engine = createSlaEngine({ policies: [ok] });
    // @ts-expect-error: options are required
    expect(thrownBy(SlaError, () => engine.evaluate([])).code).toBe("invalid_argument");
    expect(thrownBy(SlaError, () => engine.evaluate([], { at: 0 })).code).toBe("invalid_ticket_log");
    expect(thrownBy(SlaError, () => engine.evaluate([{ id: "1", at: 1e12, type: "created", by: "customer" }], { at: "soon" })).code).toBe("invalid_time");
    expect(thrownBy(SlaError, () => engine.evaluate([{ id: "1", at: 1e12, type: "created", by: "customer" }], { at: 1e11 })).code).toBe("out_of_range");
    // @ts-expect-error: an iterable is required
    expect(thrownBy(SlaError, () => engine.evaluateMany(42, { at: 0 })).code).toBe("invalid_argument");
    expect(thrownBy(SlaError, () => engine.start({ id: "1", at: 0, type: "message", role: "agent", public: true })).issues[0].code).toBe("missing_created");
  });

  it("accepts calendars made by createCalendar beside definitions", () => {
    const engine = createSlaEngine({ calendars: { made: createCalendar(support), defined: support }, policies: [{ ...ok, calendar: "made" }] });
    expect(engine.metrics).toStrictEqual(["first_response"]);
  });
});

describe("slaPolicyJsonSchema", () => {
  it("describes calendars, metrics and policies for editors", () => {
    const schema = slaPolicyJsonSchema();
    expect(Object.keys(schema.properties ?? {})).toStrictEqual(["calendars", "metrics", "policies"]);
    expect(schema["required"]).toStrictEqual(["policies"]);
  });
});
