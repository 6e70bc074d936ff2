import { describe, expect, it } from "vitest";
import {
  LEVEL_CHANGE_SOURCES,
  PAGERDUTY_SEVERITY_LADDER,
  SupportOpsError,
  TicketEventSchema,
  safeValidateLevelChange,
  validateLevelChange,
  type Issue,
  type LevelChange,
} from "@supportops/core";

const levels = ["P1", "P2", "P3", "P4"];

function rejection(change: unknown, list: ReadonlyArray<string> = levels): ReadonlyArray<Issue> {
  const result = safeValidateLevelChange(change as LevelChange, { levels: list });
  if (result.success) throw new Error("expected the change to be rejected");
  expect(result.error).toBeInstanceOf(SupportOpsError);
  expect(result.error.code).toBe("invalid_level_change");
  return result.error.issues;
}

describe("validateLevelChange", () => {
  it("accepts a raise from a rule without a reason and says which way it moved", () => {
    expect(validateLevelChange({ from: "P3", to: "P1", source: "rule" }, { levels })).toStrictEqual({ from: "P3", to: "P1", source: "rule", direction: "raise" });
  });

  it("accepts a first level from the matrix (from null)", () => {
    expect(validateLevelChange({ from: null, to: "P4", source: "matrix" }, { levels })).toStrictEqual({ from: null, to: "P4", source: "matrix", direction: "set" });
  });

  it("accepts a lowering or a manual change that carries a reason, keeping reason and actor", () => {
    expect(validateLevelChange({ from: "P1", to: "P3", source: "manual", reason: "workaround confirmed", actor: "agent-7" }, { levels })).toStrictEqual({
      from: "P1",
      to: "P3",
      source: "manual",
      reason: "workaround confirmed",
      actor: "agent-7",
      direction: "lower",
    });
    expect(validateLevelChange({ from: "P2", to: "P2", source: "import" }, { levels }).direction).toBe("same");
  });

  it("reads a whole severity_changed event, ignoring its other fields", () => {
    const event = TicketEventSchema.parse({ id: "e9", at: "2026-03-09T10:00:00Z", type: "severity_changed", from: "SEV4", to: "SEV2", source: "rule", reason: "20 child tickets" });
    expect(validateLevelChange(event as LevelChange, { levels: PAGERDUTY_SEVERITY_LADDER.ids })).toStrictEqual({
      from: "SEV4",
      to: "SEV2",
      source: "rule",
      reason: "20 child tickets",
      direction: "raise",
    });
  });

  it("uses the same sources as the ticket events", () => {
    expect(LEVEL_CHANGE_SOURCES).toStrictEqual(["matrix", "manual", "rule", "import"]);
  });
});

describe("validateLevelChange errors", () => {
  it("reason_required: a manual change without a reason, even a raise", () => {
    expect(rejection({ from: "P3", to: "P1", source: "manual" })).toStrictEqual([
      { code: "reason_required", path: ["reason"], message: 'a manual change overrides the derived level, so it needs a non-blank reason, e.g. reason: "customer confirmed a workaround"' },
    ]);
  });

  it("reason_required: a lowering without a reason, whatever its source; a blank reason does not count", () => {
    expect(rejection({ from: "P1", to: "P2", source: "matrix", reason: "   " })).toStrictEqual([
      { code: "reason_required", path: ["reason"], message: 'lowering "P1" to "P2" gives up urgency, so it needs a non-blank reason, e.g. reason: "customer confirmed a workaround"' },
    ]);
    expect(rejection({ from: "P1", to: "P4", source: "manual" })[0]?.message).toBe(
      'a manual change overrides the derived level and lowering "P1" to "P4" gives up urgency, so it needs a non-blank reason, e.g. reason: "customer confirmed a workaround"',
    );
  });

  it("unknown_level for from and to", () => {
    expect(rejection({ from: "P0", to: "urgent", source: "rule" })).toStrictEqual([
      { code: "unknown_level", path: ["from"], message: '"P0" is not a level; use one of "P1", "P2", "P3" or "P4", or null for no previous level' },
      { code: "unknown_level", path: ["to"], message: '"urgent" is not a level; use one of "P1", "P2", "P3" or "P4"' },
    ]);
  });

  it("zod codes for a wrong shape", () => {
    expect(rejection({ to: "P1", source: "robot" }).map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["invalid_type", ["from"]],
      ["invalid_value", ["source"]],
    ]);
  });

  it("an invalid level list is invalid_input", () => {
    const result = safeValidateLevelChange({ from: null, to: "P1", source: "rule" }, { levels: ["P1", "P1"] });
    expect(result.success ? null : [result.error.code, result.error.issues.map((issue) => [issue.code, issue.path])]).toStrictEqual([
      "invalid_argument",
      [["duplicate_level", ["levels", 1]]],
    ]);
  });
});
