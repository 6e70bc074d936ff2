import { COMMON_ERROR_CODES, SupportOpsError } from "@supportops/core";
import { describe, expect, test } from "vitest";
import {
  ESCALATION_ERROR_CODES,
  ESCALATION_ISSUE_CODES,
  ESCALATION_PACKAGE_ISSUE_CODES,
  EscalationError,
  REDACTION_ISSUE_CODES,
  safeCreateEscalationPolicy,
} from "@supportops/escalation";

describe("EscalationError", () => {
  test("the error codes: the shared ones it throws, then one per kind of definition", () => {
    expect(ESCALATION_ERROR_CODES).toStrictEqual([
      "invalid_argument", "invalid_time", "out_of_range", "invalid_ticket_log", "invalid_calendar",
      "invalid_package", "invalid_rubric", "invalid_policy", "invalid_escalation_matrix",
    ]);
    const common = new Set<string>(COMMON_ERROR_CODES);
    const own = ESCALATION_ERROR_CODES.filter((code) => !common.has(code));
    expect(own).toStrictEqual(["invalid_package", "invalid_rubric", "invalid_policy", "invalid_escalation_matrix"]);
  });

  test("the issue code lists are disjoint and have no duplicates", () => {
    const all = [...ESCALATION_ERROR_CODES, ...ESCALATION_PACKAGE_ISSUE_CODES, ...ESCALATION_ISSUE_CODES, ...REDACTION_ISSUE_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  test("is a SupportOpsError with its own name, code and issues", () => {
    const result = safeCreateEscalationPolicy({ levels: [] });
    if (result.success) throw new Error("expected a failure");
    expect(result.error).toBeInstanceOf(EscalationError);
    expect(result.error).toBeInstanceOf(SupportOpsError);
    expect([result.error.name, result.error.code, result.error.issues]).toStrictEqual([
      "EscalationError",
      "invalid_policy",
      [{ code: "invalid_policy", path: ["levels"], message: 'a policy needs at least one level, such as { after: "PT30M", relativeTo: "created", targets: ["team:l2"] }' }],
    ]);
  });
});
