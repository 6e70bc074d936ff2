import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { LEVEL_CHANGE_SOURCES, safeValidateLevelChange, type LevelChange } from "@supportops/core";

const levels = ["P1", "P2", "P3", "P4"];

describe("validateLevelChange properties", () => {
  const levelArb = fc.constantFrom(...levels);
  const reasonArb = fc.option(fc.oneof(fc.constantFrom("", " ", "\t\n"), fc.string({ minLength: 1, maxLength: 20 })), { nil: undefined });
  test.prop([fc.option(levelArb, { nil: null }), levelArb, fc.constantFrom(...LEVEL_CHANGE_SOURCES), reasonArb], { numRuns: numRuns(300) })(
    "accepted exactly when neither manual nor lowering, or a non-blank reason is given; direction follows the ranks",
    (from, to, source, reason) => {
      const change: LevelChange = { from, to, source, ...(reason === undefined ? {} : { reason }) };
      const lowers = from !== null && levels.indexOf(to) > levels.indexOf(from);
      const needsReason = source === "manual" || lowers;
      const hasReason = reason !== undefined && reason.trim().length > 0;
      const result = safeValidateLevelChange(change, { levels });
      expect(result.success).toBe(!needsReason || hasReason);
      if (result.success) {
        const direction = from === null ? "set" : lowers ? "lower" : from === to ? "same" : "raise";
        expect(result.data).toStrictEqual({ ...change, direction });
      } else {
        expect(result.error.issues.map((issue) => issue.code)).toStrictEqual(["reason_required"]);
      }
    },
  );
});
