import { describe, expect, it } from "vitest";
import { compileCondition, type ConditionTree } from "@supportops/core";

type Leaf = { readonly field: string; readonly equals: string };
const compile = (tree: ConditionTree<Leaf>): ((ticket: Record<string, string>) => boolean) =>
  compileCondition<Leaf, Record<string, string>>(tree, (leaf) => (ticket) => ticket[leaf.field] === leaf.equals);

describe("compileCondition", () => {
  const phone = { field: "channel", equals: "phone" };
  const low = { field: "priority", equals: "low" };
  it("evaluates leaves, all, any and not", () => {
    const holds = compile({ all: [phone, { not: low }] });
    expect(holds({ channel: "phone", priority: "high" })).toBe(true);
    expect(holds({ channel: "phone", priority: "low" })).toBe(false);
    expect(holds({ channel: "email", priority: "high" })).toBe(false);
    expect(compile({ any: [phone, low] })({ channel: "email", priority: "low" })).toBe(true);
  });
  it("an empty all holds for everything, an empty any for nothing", () => {
    expect(compile({ all: [] })({})).toBe(true);
    expect(compile({ any: [] })({})).toBe(false);
  });
  it("compiles each leaf once, however often the predicate runs", () => {
    let compiled = 0;
    const holds = compileCondition<Leaf, Record<string, string>>({ any: [phone, low] }, (leaf) => {
      compiled += 1;
      return (ticket) => ticket[leaf.field] === leaf.equals;
    });
    for (let i = 0; i < 5; i++) holds({ channel: "email" });
    expect(compiled).toBe(2);
  });
});
