import { SupportOpsError, type Issue } from "@supportops/core";

/**
 * The codes an {@link EscalationError} is thrown with, one per kind of input the package validates.
 *
 * @example
 * ESCALATION_ERROR_CODES.includes("invalid_package"); // => true
 */
export const ESCALATION_ERROR_CODES = [
  "invalid_package",
  "invalid_create_options",
  "invalid_rubric",
  "invalid_render_format",
  "invalid_policy",
  "invalid_schedule_input",
  "invalid_events",
  "invalid_escalation_matrix",
  "invalid_route_input",
  "invalid_export_options",
  "invalid_redact_options",
  "invalid_redact_input",
] as const;

/**
 * One of {@link ESCALATION_ERROR_CODES}.
 *
 * @example
 * const code: EscalationErrorCode = "invalid_package";
 * ESCALATION_ERROR_CODES.includes(code); // => true
 */
export type EscalationErrorCode = (typeof ESCALATION_ERROR_CODES)[number];

/**
 * The codes of the issues inside an `invalid_package` error that come from the package's own rules
 * (zod's structural codes such as `invalid_type` and `too_small` appear as well).
 *
 * @example
 * ESCALATION_PACKAGE_ISSUE_CODES.includes("missing_repro_details"); // => true
 */
export const ESCALATION_PACKAGE_ISSUE_CODES = [
  "missing_high_severity_context", // E1
  "missing_repro_details", // E2
  "unsanitized_evidence", // E3
  "priority_mismatch", // E5
  "invalid_trace_id", // E6
  "invalid_span_id", // E6
  "times_out_of_order", // E7
  "time_in_future", // E7
  "invalid_timestamp",
  "invalid_id",
  "steps_not_numbered",
  "expected_equals_actual",
  "missing_frequency",
  "need_by_not_after_reported",
  "screenshot_not_reviewed",
  "evidence_without_content",
  "unknown_environment",
  "unknown_priority_basis",
  "accounts_not_pseudonymized",
  "not_printable",
  "sensitive_data_in_summary",
] as const;

/**
 * One of {@link ESCALATION_PACKAGE_ISSUE_CODES}.
 *
 * @example
 * const code: EscalationPackageIssueCode = "missing_repro_details";
 */
export type EscalationPackageIssueCode = (typeof ESCALATION_PACKAGE_ISSUE_CODES)[number];

/**
 * The error `@supportops/escalation` throws: a `SupportOpsError` (from `@supportops/core`) whose `code` is one of
 * {@link ESCALATION_ERROR_CODES} and whose issues say what to add or fix, and where.
 *
 * @example
 * try {
 *   createEscalationPolicy({ levels: [] });
 * } catch (error) {
 *   if (error instanceof EscalationError) error.code; // => "invalid_policy"
 * }
 */
export class EscalationError extends SupportOpsError {
  /** The escalation error code. */
  declare readonly code: EscalationErrorCode;

  /**
   * @param code - one of {@link ESCALATION_ERROR_CODES}
   * @param issues - what was wrong; a string is shorthand for one issue at the root with `code`
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(code: EscalationErrorCode, issues: ReadonlyArray<Issue> | string, options?: ErrorOptions) {
    super(code, issues, options);
    this.name = "EscalationError";
  }
}

