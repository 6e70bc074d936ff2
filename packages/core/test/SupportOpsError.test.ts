import { describe, expect, it } from "vitest";
import {
  COMMON_ERROR_CODES,
  CORE_ERROR_CODES,
  CORE_ISSUE_CODES,
  CoreError,
  SupportOpsError,
  createSeverityLadder,
  formatIssues,
  formatPath,
  safeParseTicketLog,
  safeToEpochMs,
  rethrowAs,
  safely,
  summarizeTicket,
  toEpochMs,
} from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";

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
    expect(() => new SupportOpsError("x", [] as never[])).toThrow(TypeError);
  });
  it("a subclass only fixes its codes and its name, and keeps instanceof", () => {
    class SlaLikeError extends SupportOpsError<"bad_thing", "bad_thing" | "detail"> {
      override readonly name = "SlaLikeError";
    }
    const error = new SlaLikeError("bad_thing", [{ code: "detail", path: ["x"], message: "x" }]);
    expect(error).toBeInstanceOf(SupportOpsError);
    expect(error.name).toBe("SlaLikeError");
    expect(safely(SupportOpsError, () => { throw error; })).toStrictEqual({ success: false, error });
  });
  it("lists its codes, each once, and the shared ones among them", () => {
    expect(new Set(CORE_ERROR_CODES).size).toBe(CORE_ERROR_CODES.length);
    expect(new Set(CORE_ISSUE_CODES).size).toBe(CORE_ISSUE_CODES.length);
    for (const code of COMMON_ERROR_CODES.filter((c) => c !== "not_found" && c !== "invalid_calendar")) expect(CORE_ERROR_CODES).toContain(code);
  });
});

describe("CoreError", () => {
  it("is what core throws, a SupportOpsError named CoreError", () => {
    const result = safeToEpochMs("2026-03-09 09:00");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(CoreError);
    expect(result.error).toBeInstanceOf(SupportOpsError);
    expect(result.error.name).toBe("CoreError");
    expect(result.error.code).toBe("invalid_time");
  });
  it("safe functions take unknown input (customer JSON) and return the typed error", () => {
    const result = safeParseTicketLog(JSON.parse('{"not":"a log"}'));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("invalid_ticket_log");
    const badOptions = safeParseTicketLog([], "statusMap");
    expect(badOptions.success).toBe(false);
    if (!badOptions.success) expect(badOptions.error.code).toBe("invalid_argument");
  });
  it("a forgotten options object is a typed error, not a TypeError", () => {
    const log = [{ id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }];
    // @ts-expect-error: the options argument is required
    const error = thrownBy(CoreError, () => summarizeTicket(log));
    expect(error.code).toBe("invalid_argument");
    expect(error.message).toBe("expected an options object, got undefined; call it as summarizeTicket(log, { at })");
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

describe("rethrowAs", () => {
  class TaskError extends SupportOpsError<"invalid_argument" | "invalid_time" | "invalid_task"> {
    override readonly name = "TaskError";
  }
  it("turns another package's error into the caller's class, keeping a common code and prefixing paths", () => {
    const error = thrownBy(TaskError, () => rethrowAs(TaskError, () => toEpochMs("soon", ["at"]), ["steps", 2], "invalid_task"));
    expect(error.code).toBe("invalid_time");
    expect(error.issues[0].path).toStrictEqual(["steps", 2, "at"]);
    expect(error.cause).toBeInstanceOf(CoreError);
  });
  it("uses the fallback code for a code that is not common", () => {
    const error = thrownBy(TaskError, () =>
      rethrowAs(TaskError, () => createSeverityLadder({ name: "x", levels: [] }), ["ladder"], "invalid_task"),
    );
    expect(error.code).toBe("invalid_task");
  });
  it("passes its own errors, bugs and values through", () => {
    const own = new TaskError("invalid_argument", "x");
    expect(thrownBy(TaskError, () => rethrowAs(TaskError, () => { throw own; }, [], "invalid_task"))).toBe(own);
    expect(() => rethrowAs(TaskError, () => { throw new RangeError("bug"); }, [], "invalid_task")).toThrow(RangeError);
    expect(rethrowAs(TaskError, () => 5, [], "invalid_task")).toBe(5);
  });
});
