import { describe, expect, it } from "vitest";
import { parseWithSchema } from "@supportops/core";
import { CalendarDefinitionSchema, calendarDefinitionJsonSchema } from "@supportops/sla";

const h = [["09:00", "17:00"]] as const;

describe("CalendarDefinitionSchema", () => {
  it("the TSDoc examples: the rules are part of the schema, and core's parseWithSchema gives supportops' wording", () => {
    expect(CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: h } }).success).toBe(true);
    expect(CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: [["17:00", "17:00"]] } }).success).toBe(false);
    const parsed = parseWithSchema(CalendarDefinitionSchema, { timeZone: "UTC", weekly: { mon: h, saturday: [] } });
    expect(parsed).toStrictEqual({
      success: false,
      issues: [{ code: "unrecognized_keys", path: ["weekly", "saturday"], message: 'unknown key "saturday"; use "sat" (allowed: mon, tue, wed, thu, fri, sat, sun)' }],
    });
  });

  it("custom issues carry their calendar issue code in params.code", () => {
    const parsed = CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: [["10:00", "10:00"]] } });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.code, i.code === "custom" ? i.params?.["code"] : undefined])).toStrictEqual([
      ["custom", "zero_length_interval"],
    ]);
  });
});

describe("calendarDefinitionJsonSchema", () => {
  it("the TSDoc example: a fresh JSON Schema of the structure", () => {
    const schema = calendarDefinitionJsonSchema();
    expect(schema.required).toStrictEqual(["timeZone", "weekly"]);
    expect(calendarDefinitionJsonSchema()).not.toBe(schema);
  });
});
