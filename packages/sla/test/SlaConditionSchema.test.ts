import { describe, expect, it } from "vitest";
import { parseWithSchema } from "@supportops/core";
import { nested } from "@supportops/test-utils";
import { SlaConditionSchema, SlaEngineDefinitionSchema } from "@supportops/sla";

/** A condition `not`-ed `depth` times. */
function notted(depth: number): unknown {
  let value: unknown = { field: "priority", equals: "urgent" };
  for (let i = 0; i < depth; i++) value = { not: value };
  return value;
}

describe("SlaConditionSchema", () => {
  it("the TSDoc example", () => {
    expect(SlaConditionSchema.safeParse({ field: "priority", in: ["urgent", "high"] }).success).toBe(true);
    expect(SlaConditionSchema.safeParse({ field: "priority", like: "urg%" }).success).toBe(false);
    const deep = JSON.parse(`${'{"not":'.repeat(5000)}{"field":"x","exists":true}${"}".repeat(5000)}`) as unknown;
    expect(SlaConditionSchema.safeParse(deep).success).toBe(false);
  });

  it("a condition nested 5 000 levels, or containing itself, is one too_deep issue, not a stack overflow (a RangeError before)", () => {
    const result = parseWithSchema(SlaConditionSchema, notted(5000));
    expect(result.success ? [] : result.issues.map((issue) => [issue.code, issue.path.length])).toStrictEqual([["too_deep", 100]]);
    const cyclic: Record<string, unknown> = {};
    cyclic["not"] = cyclic;
    const cycle = parseWithSchema(SlaConditionSchema, cyclic);
    expect(cycle.success ? [] : cycle.issues.map((issue) => issue.code)).toStrictEqual(["too_deep"]);
    // Through the engine definition's schema too, at the path of the condition.
    const definition = parseWithSchema(SlaEngineDefinitionSchema, { policies: [{ id: "p", when: notted(5000), targets: { resolution: { normal: "PT1H" } } }] });
    expect(definition.success ? [] : definition.issues.map((issue) => [issue.code, issue.path.slice(0, 3)])).toStrictEqual([["too_deep", ["policies", 0, "when"]]]);
    expect(SlaEngineDefinitionSchema.safeParse({ policies: [{ id: "p", when: nested(5000, "array"), targets: {} }] }).success).toBe(false);
  });

  it("conditions as deep as real ones parse as before", () => {
    expect(SlaConditionSchema.safeParse(notted(40)).success).toBe(true);
    expect(SlaConditionSchema.safeParse({ all: [{ any: [{ field: "tags", includes: "vip" }, { not: { field: "channel", equals: "chat" } }] }] }).success).toBe(true);
  });
});
