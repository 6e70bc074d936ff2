import { SupportOpsError, type CoreIssueCode, type ZodIssueCode } from "@supportops/core";
import type { RedactionIssueCode } from "./RedactionIssueCode.js";

/**
 * The codes an {@link EscalationError} is thrown with. The shared codes of `@supportops/core`
 * (`COMMON_ERROR_CODES`) that this package throws, then one per kind of definition or document it
 * validates:
 *
 * - `invalid_argument`: an argument is unusable — a missing or malformed options object, an unknown
 *   render format, a schedule without the times it needs, a route for a severity the ladder lacks,
 *   bad `redact` options or input; the issue codes say which;
 * - `invalid_time`: a value that should name an instant (`now`, `createdAt`, `slaDueAt`, `at`) does not;
 * - `out_of_range`: a business calendar's answer lies outside the range it covers;
 * - `invalid_ticket_log`: the events given to `policy.due` are malformed or out of time order;
 * - `invalid_calendar`: a business calendar broke the `BusinessCalendarLike` contract (it returned
 *   `NaN`, `Infinity` or a fraction, or threw a code the contract does not allow);
 * - `invalid_package`: an escalation package was rejected;
 * - `invalid_rubric`: a scoring rubric was rejected;
 * - `invalid_policy`: an escalation policy definition was rejected;
 * - `invalid_escalation_matrix`: an escalation (routing) matrix definition was rejected.
 *
 * @example
 * ESCALATION_ERROR_CODES.includes("invalid_package"); // => true
 * ESCALATION_ERROR_CODES.includes("invalid_argument"); // => true
 */
export const ESCALATION_ERROR_CODES = [
  "invalid_argument",
  "invalid_time",
  "out_of_range",
  "invalid_ticket_log",
  "invalid_calendar",
  "invalid_package",
  "invalid_rubric",
  "invalid_policy",
  "invalid_escalation_matrix",
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
 * (zod's structural codes such as `invalid_type`, `invalid_value` and `too_small` appear as well).
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
  "invalid_id",
  "steps_not_numbered",
  "expected_equals_actual",
  "missing_frequency",
  "need_by_not_after_reported",
  "screenshot_not_reviewed",
  "evidence_without_content",
  "unknown_environment",
  "unknown_priority_basis", // E5: impact or urgency not in the priority matrix
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
 * The codes of the other issues this package reports, each inside the error code named in its comment.
 * (Package rule codes are in {@link ESCALATION_PACKAGE_ISSUE_CODES}, redaction codes in
 * `REDACTION_ISSUE_CODES`; zod's structural codes and core's codes, such as `out_of_order` and
 * `duplicate_level`, appear too.)
 *
 * @example
 * ESCALATION_ISSUE_CODES.includes("unknown_format"); // => true
 */
export const ESCALATION_ISSUE_CODES = [
  "unknown_format", // invalid_argument: renderEscalation's format is not one of ESCALATION_RENDER_FORMATS
  "unknown_severity", // invalid_argument: a severity that is not a level of the severity ladder
  "unknown_priority", // invalid_argument: a priority that is not one of the priority labels
  "conflicting_options", // invalid_argument: priorityMatrix and priorities given together
  "sla_due_required", // invalid_argument: a level is relative to slaDue and no slaDueAt was given
  "nothing_to_repeat", // invalid_argument: repeat > 0 while every level falls at the escalation's start
  "missing_dedup_key", // invalid_argument: a PagerDuty acknowledge/resolve for a package without dedupKey
  "invalid_return_value", // invalid_calendar: a calendar method returned NaN, Infinity or a fraction
  "duplicate_dimension", // invalid_rubric: two dimensions with one id
  "duplicate_score", // invalid_rubric: two levels of one dimension with one score
  "uncovered_kind", // invalid_rubric: a package kind no dimension applies to
  "unknown_dimension", // invalid_rubric: the gate names a dimension the rubric lacks
] as const;

/**
 * Any code an issue of an {@link EscalationError} may carry: the error codes themselves, the lists
 * above, the redaction issue codes, zod's structural codes and core's codes (from wrapped core calls).
 * A business calendar's own issue codes are passed on as the calendar wrote them.
 *
 * @example
 * const code: EscalationIssueCode = "priority_mismatch";
 */
export type EscalationIssueCode =
  | EscalationErrorCode
  | EscalationPackageIssueCode
  | (typeof ESCALATION_ISSUE_CODES)[number]
  | RedactionIssueCode
  | ZodIssueCode
  | CoreIssueCode;

/**
 * The error `@supportops/escalation` throws: a `SupportOpsError` (from `@supportops/core`) whose
 * `code` is one of {@link ESCALATION_ERROR_CODES} and whose issues say what to add or fix, and where.
 * Errors from the calls it makes into core and into a business calendar leave as `EscalationError`
 * too, with their code kept when it is a shared one.
 *
 * @example
 * const result = safeCreateEscalationPolicy({ levels: [] });
 * if (!result.success) {
 *   result.error instanceof EscalationError; // => true
 *   result.error.code;                       // => "invalid_policy"
 * }
 */
export class EscalationError extends SupportOpsError<EscalationErrorCode, EscalationIssueCode> {
  override readonly name = "EscalationError";
}
