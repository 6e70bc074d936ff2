import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuesFromZod, parseWithSchema, zodErrorMap } from "@supportops/core";

describe("issuesFromZod", () => {
  it("keeps zod codes and prefixes paths; custom issues may carry a code", () => {
    const schema = z.object({ a: z.number(), b: z.string().refine(() => false, { message: "nope", params: { code: "bad_b" } }) });
    const parsed = schema.safeParse({ a: "x", b: "y" }, { error: zodErrorMap });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issuesFromZod(parsed.error, ["config"])).toStrictEqual([
      { code: "invalid_type", path: ["config", "a"], message: 'expected a number, got "x"' },
      { code: "bad_b", path: ["config", "b"], message: "nope" },
    ]);
  });
});

describe("parseWithSchema", () => {
  const Weekly = z.strictObject({ mon: z.array(z.string()).optional(), sat: z.array(z.string()).optional(), sun: z.array(z.string()).optional() });

  it("returns the data when the input fits", () => {
    expect(parseWithSchema(Weekly, { mon: ["x"] })).toStrictEqual({ success: true, data: { mon: ["x"] } });
  });
  it("reports one unknown key at the key, with the key that was meant", () => {
    expect(parseWithSchema(Weekly, { saturday: [] }, ["weekly"])).toStrictEqual({
      success: false,
      issues: [{ code: "unrecognized_keys", path: ["weekly", "saturday"], message: 'unknown key "saturday"; use "sat" (allowed: mon, sat, sun)' }],
    });
  });
  it("reports several unknown keys together at the object", () => {
    const result = parseWithSchema(Weekly, { Mon: [], xyz: [] });
    expect(result).toStrictEqual({
      success: false,
      issues: [{ code: "unrecognized_keys", path: [], message: 'unknown key "Mon"; use "mon"; unknown key "xyz" (allowed: mon, sat, sun)' }],
    });
  });
  it("narrows a union to the branch the input aimed at instead of zod's bare 'Invalid input'", () => {
    const Hours = z.union([z.array(z.tuple([z.string(), z.string()])), z.strictObject({ open: z.string(), close: z.string() })]);
    const result = parseWithSchema(Hours, { open: "09:00", close: 17 });
    expect(result).toStrictEqual({
      success: false,
      issues: [{ code: "invalid_type", path: ["close"], message: "expected a string, got number 17" }],
    });
  });
  it("keeps a union issue when no single branch fits, in plain words", () => {
    const result = parseWithSchema(z.union([z.string(), z.number()]), true);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]).toStrictEqual({ code: "invalid_union", path: [], message: "boolean true matches none of the accepted forms" });
  });
  it("suggests the closest allowed value", () => {
    const result = parseWithSchema(z.enum(["urgent", "high", "normal", "low"]), "hihg");
    expect(result).toStrictEqual({
      success: false,
      issues: [{ code: "invalid_value", path: [], message: 'expected one of "urgent", "high", "normal", "low", got "hihg"; did you mean "high"?' }],
    });
  });
  it("says how big or small a value had to be", () => {
    const result = parseWithSchema(z.strictObject({ levels: z.array(z.string()).min(1), n: z.number().int().max(5) }), { levels: [], n: 9 });
    expect(result).toStrictEqual({
      success: false,
      issues: [
        { code: "too_small", path: ["levels"], message: "expected at least 1 item(s), got an array" },
        { code: "too_big", path: ["n"], message: "expected at most 5, got number 9" },
      ],
    });
  });
  it("says a required key of any type is missing", () => {
    expect(parseWithSchema(z.strictObject({ to: z.unknown() }), {})).toStrictEqual({
      success: false,
      issues: [{ code: "invalid_type", path: ["to"], message: "expected a value (this key is required), got undefined" }],
    });
  });
  it("lets a schema's own message win", () => {
    const result = parseWithSchema(z.number({ error: "a count of tickets" }), "x");
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0].message).toBe("a count of tickets");
  });
});
