import type { ZodIssueCode } from "./issuesFromZod.js";
import { SupportOpsError } from "./SupportOpsError.js";

/**
 * The codes a {@link CoreError} carries: the shared ones (`invalid_argument`, `invalid_time`,
 * `invalid_duration`, `invalid_time_zone`, `out_of_range`) and one per kind of definition core
 * validates.
 *
 * @example
 * CORE_ERROR_CODES.includes("invalid_ticket_log"); // => true
 */
export const CORE_ERROR_CODES = [
  "invalid_argument",
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "out_of_range",
  "invalid_ticket_log",
  "invalid_priority_matrix",
  "invalid_severity_ladder",
  "invalid_impact_rules",
  "invalid_level_change",
] as const;

/**
 * One of {@link CORE_ERROR_CODES}.
 *
 * @example
 * const code: CoreErrorCode = "invalid_time";
 * CORE_ERROR_CODES.includes(code); // => true
 */
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/**
 * The codes of the issues inside a {@link CoreError}, besides the error codes themselves and zod's
 * structural codes (`invalid_type`, `unrecognized_keys`, …).
 *
 * @example
 * CORE_ISSUE_CODES.includes("out_of_order"); // => true
 */
export const CORE_ISSUE_CODES = [
  // ticket logs
  "empty_log",
  "missing_created",
  "duplicate_created",
  "duplicate_event_id",
  "out_of_order",
  "event_after_merge",
  "event_after_close",
  "status_mismatch",
  "status_unchanged",
  "level_mismatch",
  "category_mismatch",
  "reason_required",
  "invalid_status_map",
  "before_creation",
  // levels, matrices, ladders and rules
  "unknown_level",
  "duplicate_level",
  "missing_levels",
  "missing_priorities",
  "missing_cell",
  "duplicate_cell",
  "non_monotone",
  "reserved_label",
  "duplicate_rule",
  "empty_test",
  "empty_raise",
  "mixed_condition",
  "too_deep",
] as const;

/**
 * Any code an issue of a {@link CoreError} may carry.
 *
 * @example
 * const code: CoreIssueCode = "out_of_order";
 */
export type CoreIssueCode = CoreErrorCode | (typeof CORE_ISSUE_CODES)[number] | ZodIssueCode;

/**
 * The error `@supportops/core` throws: a {@link SupportOpsError} whose `code` is one of
 * {@link CORE_ERROR_CODES}. The other packages' errors (`SlaError`, `TaxonomyError`,
 * `EscalationError`) are its siblings; catch `SupportOpsError` to catch them all.
 *
 * @example
 * const result = safeToEpochMs("2026-03-09 09:00");
 * if (!result.success) result.error instanceof CoreError; // => true
 */
export class CoreError extends SupportOpsError<CoreErrorCode, CoreIssueCode> {
  override readonly name = "CoreError";
}
