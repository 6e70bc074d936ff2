import { describe, expect, it } from "vitest";
import { deepFreeze } from "@supportops/core";

describe("deepFreeze", () => {
  it("freezes every nested object and array and returns the same value", () => {
    const value = { a: [{ b: 1 }], c: { d: { e: [2] } } };
    expect(deepFreeze(value)).toBe(value);
    expect([value, value.a, value.a[0], value.c, value.c.d, value.c.d.e].every((o) => Object.isFrozen(o))).toBe(true);
  });
  it("leaves typed arrays alone (they cannot be frozen) and primitives as they are", () => {
    const value = { runs: new Float64Array([1, 2]) };
    expect(() => deepFreeze(value)).not.toThrow();
    expect(Object.isFrozen(value)).toBe(true);
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
  });
  it("copes with cycles and with nesting far deeper than the call stack", () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(Object.isFrozen(deepFreeze(cyclic))).toBe(true);
    let deep: { next?: unknown } = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.next = {}) as { next?: unknown };
    expect(() => deepFreeze(root)).not.toThrow();
    expect(Object.isFrozen(deep)).toBe(true);
  });
});
