import { describe, expect, it } from "vitest";
import {
  SupportOpsError,
  isTicketLog,
  parseTicketLog,
  safeParseTicketLog,
  ticketEventJsonSchema,
  type TicketEventInput,
} from "@supportops/core";

const T0 = "2026-03-09T09:00:00Z";
const t = (minutes: number): number => Date.parse(T0) + minutes * 60_000;

const good: TicketEventInput[] = [
  { id: "c", at: T0, type: "created", by: "customer", channel: "email", priority: "P3" },
  { id: "m1", at: t(10), type: "message", role: "bot", public: true },
  { id: "m2", at: t(20), type: "message", role: "agent", public: false, body: "internal note" },
  { id: "a", at: t(25), type: "assigned", group: "tier1", agent: "alice" },
  { id: "m3", at: t(30), type: "message", role: "agent", public: true },
  { id: "s1", at: t(30), type: "status_changed", from: "new", to: "pending" },
  { id: "p", at: t(40), type: "priority_changed", from: "P3", to: "P2", source: "manual", reason: "VIP" },
  { id: "m4", at: t(50), type: "message", role: "customer", public: true },
  { id: "s2", at: t(50), type: "status_changed", to: "open" },
  { id: "s3", at: t(90), type: "status_changed", to: "solved" },
  { id: "s4", at: t(120), type: "status_changed", to: "open" },
  { id: "s5", at: t(150), type: "status_changed", to: "solved" },
  { id: "s6", at: t(200), type: "status_changed", to: "closed" },
  { id: "r", at: t(300), type: "satisfaction_rated", score: 4 },
];

function firstIssue(input: unknown, options?: Parameters<typeof parseTicketLog>[1]): { code: string; path: ReadonlyArray<string | number>; message: string } {
  const result = safeParseTicketLog(input, options);
  if (result.success) throw new Error("expected the log to be rejected");
  expect(result.error).toBeInstanceOf(SupportOpsError);
  expect(result.error.code).toBe("invalid_ticket_log");
  return result.error.issues[0];
}

describe("parseTicketLog", () => {
  it("parses a realistic log: ms instants, defaults, frozen, branded", () => {
    const log = parseTicketLog(good);
    expect(log).toHaveLength(good.length);
    expect(log[0]).toStrictEqual({ id: "c", at: t(0), type: "created", by: "customer", channel: "email", priority: "P3" });
    expect(log[13]).toStrictEqual({ id: "r", at: t(300), type: "satisfaction_rated", score: 4, scaleMax: 5 });
    expect(Object.isFrozen(log)).toBe(true);
    expect(Object.isFrozen(log[0])).toBe(true);
    expect(isTicketLog(log)).toBe(true);
    expect(parseTicketLog(log)).toBe(log);
  });

  it("recognises its own logs by identity only, and marks them invisibly", () => {
    const log = parseTicketLog(good);
    expect(isTicketLog([...log])).toBe(false);
    expect(isTicketLog(Object.freeze([...log]))).toBe(false);
    expect(isTicketLog(structuredClone(log))).toBe(false);
    expect(Reflect.ownKeys(log)).toStrictEqual([...good.map((_, i) => String(i)), "length"]);
    expect(parseTicketLog([...log])).toStrictEqual(log);
  });

  it("reports a hole in a sparse array at its index", () => {
    const sparse: unknown[] = [good[0], undefined, good[1]];
    delete sparse[1];
    const issue = firstIssue(sparse);
    expect(issue.path).toStrictEqual([1]);
    expect(issue.code).toBe("invalid_type");
  });

  it("never mutates its input", () => {
    const copy = structuredClone(good);
    parseTicketLog(good, { statusMap: { "Waiting on customer": "pending" } });
    expect(good).toStrictEqual(copy);
  });

  it("maps custom status names and keeps the label", () => {
    const log = parseTicketLog(
      [
        { id: "c", at: 0, type: "created", by: "agent", status: "Triage" },
        { id: "s", at: 1, type: "status_changed", from: "Triage", to: "Waiting on customer" },
      ],
      { statusMap: { "Waiting on customer": "pending", Triage: "open" } },
    );
    expect(log[0]).toMatchObject({ status: "open" });
    expect(log[1]).toStrictEqual({ id: "s", at: 1, type: "status_changed", from: "open", to: "pending", fromLabel: "Triage", toLabel: "Waiting on customer" });
  });

  it("rejects an unknown custom status name at its field", () => {
    expect(firstIssue([{ id: "c", at: 0, type: "created", by: "agent" }, { id: "s", at: 1, type: "status_changed", to: "Limbo" }]).path).toStrictEqual([1, "to"]);
  });

  it("rejects a bad status map", () => {
    const result = safeParseTicketLog(good, { statusMap: { Limbo: "nowhere" as never } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]).toMatchObject({ code: "invalid_status_map", path: ["statusMap", "Limbo"] });
    const canonical = safeParseTicketLog(good, { statusMap: { open: "pending" } });
    expect(canonical.success).toBe(false);
  });

  it.each([
    ["not an array", {}, [], "invalid_type"],
    ["empty", [], [], "empty_log"],
    ["no created first", [good[1]], [0, "type"], "missing_created"],
    ["second created", [good[0], { ...good[0], id: "c2" }], [1, "type"], "duplicate_created"],
    ["duplicate id", [good[0], { ...good[1], id: "c" }], [1, "id"], "duplicate_event_id"],
    ["time goes back", [good[0], good[4], { ...good[1], at: t(5) }], [2, "at"], "out_of_order"],
    ["after merge", [good[0], { id: "x", at: t(1), type: "merged", into: "T-2" }, good[1]], [2, "type"], "event_after_merge"],
    ["after close", [good[0], { id: "x", at: t(1), type: "status_changed", to: "closed" }, good[1]], [2, "type"], "event_after_close"],
    ["status from mismatch", [good[0], { id: "x", at: t(1), type: "status_changed", from: "open", to: "pending" }], [1, "from"], "status_mismatch"],
    ["status unchanged", [good[0], { id: "x", at: t(1), type: "status_changed", to: "new" }], [1, "to"], "status_unchanged"],
    ["priority from mismatch", [good[0], { id: "x", at: t(1), type: "priority_changed", from: "P1", to: "P2", source: "rule" }], [1, "from"], "level_mismatch"],
    ["at without offset", [{ ...good[0], at: "2026-03-09T09:00:00" }], [0, "at"], "invalid_time"],
    ["unknown event type", [good[0], { id: "x", at: t(1), type: "teleported" }], [1, "type"], "invalid_union"],
    ["unknown field", [good[0], { ...good[1], colour: "red" }], [1, "colour"], "unrecognized_keys"],
    ["assignment naming no one", [good[0], { id: "x", at: t(1), type: "assigned" }], [1, "agent"], "custom"],
    ["score above scale", [good[0], { id: "x", at: t(1), type: "satisfaction_rated", score: 6 }], [1, "score"], "custom"],
    ["empty id", [{ ...good[0], id: "" }], [0, "id"], "too_small"],
    ["manual change without a reason", [good[0], { id: "x", at: t(1), type: "priority_changed", from: "P3", to: "P4", source: "manual" }], [1, "reason"], "reason_required"],
    ["manual change with a blank reason", [good[0], { id: "x", at: t(1), type: "severity_changed", from: null, to: "SEV2", source: "manual", reason: "  " }], [1, "reason"], "reason_required"],
    ["category from mismatch", [{ ...good[0], category: "billing" }, { id: "x", at: t(1), type: "category_changed", from: "tech", to: "x" }], [1, "from"], "category_mismatch"],
    ["an order fault before a schema fault", [good[0], good[4], { ...good[1], at: t(5) }, { ...good[7], role: "agnt" }], [2, "at"], "out_of_order"],
    ["a missing created before a schema fault", [good[1], { ...good[4], at: "bad" }], [0, "type"], "missing_created"],
  ] as const)("rejects %s with the index and field", (_name, input, path, code) => {
    const issue = firstIssue(input);
    expect(issue.path).toStrictEqual(path);
    expect(issue.code).toBe(code);
    expect(issue.message.length).toBeGreaterThan(10);
  });

  it("explains that a stored instant is not a Date", () => {
    const issue = firstIssue([{ ...good[0], at: new Date(0) }]);
    expect(issue.path).toStrictEqual([0, "at"]);
    expect(issue.message).toMatch(/not a Date; convert it with toEpochMs\(\)/);
  });

  it("allows events at the same instant, in the order given", () => {
    const log = parseTicketLog([good[0], { ...good[4], at: t(0) }, { ...good[5], at: t(0) }]);
    expect(log.map((e) => e.id)).toStrictEqual(["c", "m3", "s1"]);
  });

  it("allows a ticket created already solved, and a rating after close", () => {
    expect(() =>
      parseTicketLog([
        { id: "c", at: 0, type: "created", by: "agent", status: "solved" },
        { id: "s", at: 1, type: "status_changed", to: "closed" },
        { id: "r", at: 2, type: "satisfaction_rated", score: 2, scaleMax: 2 },
      ]),
    ).not.toThrow();
  });

  it("exports the stored form as JSON Schema", () => {
    const schema = ticketEventJsonSchema();
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.oneOf).toHaveLength(12);
    const created = (schema.oneOf as Array<{ properties: { at: { anyOf: unknown[] } } }>)[0]!;
    expect(created.properties.at.anyOf).toStrictEqual([
      { type: "string", format: "date-time", description: "ISO-8601 date-time with an offset or Z" },
      { type: "integer", minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, description: "epoch milliseconds" },
    ]);
  });
});
