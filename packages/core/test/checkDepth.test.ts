import { describe, expect, it } from "vitest";
import { CoreError, MAX_INPUT_DEPTH, checkDepth, createImpactRules, parseTicketLog, rethrowAs } from "@supportops/core";
import { nested, thrownBy } from "@supportops/test-utils";

describe("checkDepth", () => {
  it("accepts flat and moderately nested values, and anything that is not an object", () => {
    expect(checkDepth({ a: { b: [1] } }, 3)).toBeUndefined();
    expect(checkDepth("text")).toBeUndefined();
    expect(checkDepth(null)).toBeUndefined();
    expect(checkDepth(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });
  it("reports the first place deeper than the limit, under the base path", () => {
    expect(checkDepth({ a: { b: [1] } }, 2, ["x"])).toStrictEqual({
      code: "too_deep",
      path: ["x", "a", "b"],
      message: "nests deeper than 2 levels of objects and arrays; flatten it",
    });
  });
  it("reports a cycle, and lets one object shared in many places pass", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(checkDepth(cyclic)?.path).toStrictEqual(["self"]);
    const shared = { x: 1 };
    expect(checkDepth({ a: shared, b: [shared, shared] })).toBeUndefined();
  });
  it("walks far deeper than the call stack without overflowing", () => {
    expect(checkDepth(nested(200_000, "array"))?.code).toBe("too_deep");
  });
});

describe("depth guards at core's entry points", () => {
  it("a field_changed value nested 1 500 deep is a typed error, not a stack overflow", () => {
    const log = [
      { id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" },
      { id: "2", at: "2026-03-09T09:01:00Z", type: "field_changed", field: "x", to: nested(1_500) },
    ];
    const error = thrownBy(CoreError, () => parseTicketLog(log));
    expect(error.code).toBe("invalid_ticket_log");
    expect(error.issues[0].code).toBe("too_deep");
    expect(error.issues[0].path.slice(0, 3)).toStrictEqual([1, "to", "value"]);
  });
  it("1 000 nested `not`s, or a cyclic condition, are a typed error", () => {
    let deep: unknown = { security: true };
    for (let i = 0; i < 1_000; i++) deep = { not: deep };
    const cyclic: Record<string, unknown> = {};
    cyclic["not"] = cyclic;
    for (const when of [deep, cyclic]) {
      const error = thrownBy(CoreError, () => createImpactRules([{ id: "x", when, raise: { severity: "SEV1" } }] as never, { severityLevels: ["SEV1"] }));
      expect(error.code).toBe("invalid_impact_rules");
      expect(error.issues[0].code).toBe("too_deep");
    }
  });
  it("rethrowAs carries the issue into another package's class", () => {
    class OtherError extends CoreError {}
    expect(() => rethrowAs(OtherError, () => parseTicketLog([nested(500)]), ["log"], "invalid_argument")).toThrow(OtherError);
  });
});
