import { describe, expect, it } from "vitest";
import { describeValue } from "@supportops/core";

describe("describeValue", () => {
  it("names a value's kind without dumping it", () => {
    expect(describeValue(null)).toBe("null");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue([1])).toBe("an array");
    expect(describeValue({ secret: "x" })).toBe("an object");
    expect(describeValue(new Date(0))).toBe("a Date");
    expect(describeValue(new Map())).toBe("a Map");
    expect(describeValue(() => 1)).toBe("a function");
    expect(describeValue(42)).toBe("number 42");
    expect(describeValue(10n)).toBe("bigint 10n");
    expect(describeValue("x".repeat(50))).toBe(`"${"x".repeat(40)}…"`);
  });
});
