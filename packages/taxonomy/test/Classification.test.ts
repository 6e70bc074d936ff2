import { describe, expect, it } from "vitest";
import { ClassificationSchema } from "@supportops/taxonomy";

describe("ClassificationSchema", () => {
  it("TSDoc example: accepts a code with a version, refuses a code with whitespace at its end", () => {
    expect(ClassificationSchema.safeParse({ code: "billing.refund", version: "2026.1" }).success).toBe(true);
    expect(ClassificationSchema.safeParse({ code: "billing.refund " }).success).toBe(false);
  });
});
