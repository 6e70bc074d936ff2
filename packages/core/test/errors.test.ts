import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CORE_ERROR_CODES,
  SupportOpsError,
  assertTimeZone,
  formatIssues,
  formatPath,
  isTimeZone,
  issuesFromZod,
  safely,
} from "@supportops/core";

describe("SupportOpsError", () => {
  it("carries a code and frozen issues, and formats them as its message", () => {
    const error = new SupportOpsError("invalid_time", [
      { code: "invalid_time", path: ["events", 2, "at"], message: "not a date" },
      { code: "invalid_time", path: [], message: "and more" },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SupportOpsError");
    expect(error.code).toBe("invalid_time");
    expect(error.message).toBe("events[2].at: not a date\nand more");
    expect(Object.isFrozen(error.issues)).toBe(true);
  });
  it("takes a string as one issue at the root", () => {
    expect(new SupportOpsError("out_of_range", "too late").issues).toStrictEqual([
      { code: "out_of_range", path: [], message: "too late" },
    ]);
  });
  it("refuses an empty issue list", () => {
    expect(() => new SupportOpsError("x", [])).toThrow(TypeError);
  });
  it("subclasses keep instanceof and the code", () => {
    class SlaLikeError extends SupportOpsError {
      constructor(code: "bad_thing", message: string) {
        super(code, message);
        this.name = "SlaLikeError";
      }
    }
    const error = new SlaLikeError("bad_thing", "x");
    expect(error).toBeInstanceOf(SupportOpsError);
    expect(safely(SupportOpsError, () => { throw error; })).toStrictEqual({ success: false, error });
  });
  it("lists its codes", () => {
    expect(CORE_ERROR_CODES).toContain("invalid_ticket_log");
    expect(new Set(CORE_ERROR_CODES).size).toBe(CORE_ERROR_CODES.length);
  });
});

describe("formatPath / formatIssues", () => {
  it("reads like an accessor", () => {
    expect(formatPath(["weekly", "mon", 1])).toBe("weekly.mon[1]");
    expect(formatPath([0, "at"])).toBe("[0].at");
    expect(formatPath(["table", "very high", "low"])).toBe('table["very high"].low');
    expect(formatIssues([{ code: "c", path: [], message: "m" }])).toBe("m");
  });
});

describe("safely", () => {
  it("wraps values and its own errors, and rethrows bugs", () => {
    expect(safely(SupportOpsError, () => 1)).toStrictEqual({ success: true, data: 1 });
    expect(() => safely(SupportOpsError, () => { throw new RangeError("bug"); })).toThrow(RangeError);
  });
});

describe("issuesFromZod", () => {
  it("keeps zod codes and prefixes paths; custom issues may carry a code", () => {
    const schema = z.object({ a: z.number(), b: z.string().refine(() => false, { message: "nope", params: { code: "bad_b" } }) });
    const parsed = schema.safeParse({ a: "x", b: "y" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issuesFromZod(parsed.error, ["config"])).toStrictEqual([
      { code: "invalid_type", path: ["config", "a"], message: "Invalid input: expected number, received string" },
      { code: "bad_b", path: ["config", "b"], message: "nope" },
    ]);
  });
});

describe("assertTimeZone", () => {
  it("accepts IANA names and returns them", () => {
    for (const zone of ["UTC", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "Asia/Kathmandu"]) {
      expect(assertTimeZone(zone)).toBe(zone);
      expect(isTimeZone(zone)).toBe(true);
    }
  });
  it("rejects unknown names, offsets and non-strings with invalid_time_zone", () => {
    for (const zone of ["Mars/Olympus", "+02:00", "", 5, null]) {
      expect(isTimeZone(zone)).toBe(false);
      try {
        assertTimeZone(zone, ["timeZone"]);
        throw new Error("expected a throw");
      } catch (error) {
        expect((error as SupportOpsError).code).toBe("invalid_time_zone");
        expect((error as SupportOpsError).issues[0].path).toStrictEqual(["timeZone"]);
      }
    }
  });
});
