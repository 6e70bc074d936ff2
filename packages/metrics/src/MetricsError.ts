import { SupportOpsError } from "@supportops/core";
import type { CoreIssueCode, ZodIssueCode } from "@supportops/core";

/**
 * The codes a {@link MetricsError} carries, one per kind of failure. Match on them, never on message text.
 *
 * - `invalid_ticket_row`: a flat `TicketRow` (an analyst's CSV row) could not be read.
 * - `invalid_accumulator_state`: `accumulatorFromJSON` was given something no accumulator wrote.
 * - `invalid_argument` (common): an unusable argument or option — a missing options object, an
 *   unknown KPI id, a period that ends before it starts, an `asOf` before the period's end, accumulators
 *   with different options merged.
 * - `invalid_time`, `invalid_duration`, `invalid_time_zone` (common): a period bound, `asOf` or `at`
 *   that names no instant, a `reopenWindow` that is no duration, an unknown zone.
 * - `invalid_ticket_log` (common): a ticket's event log breaks the log's rules; the path starts with
 *   the ticket's index in the input.
 * - `out_of_range` (common): a business calendar cannot answer for an instant that far out.
 * - `invalid_calendar` (common): a business calendar broke the `BusinessCalendarLike` contract (it
 *   returned a fraction, a negative duration or more business time than calendar time).
 *
 * @example
 * METRICS_ERROR_CODES.includes("invalid_ticket_row"); // => true
 */
export const METRICS_ERROR_CODES = [
  "invalid_ticket_row",
  "invalid_accumulator_state",
  // common codes (`COMMON_ERROR_CODES` in @supportops/core), spelled the same in every package
  "invalid_argument",
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "invalid_ticket_log",
  "out_of_range",
  "invalid_calendar",
] as const;

/**
 * One of {@link METRICS_ERROR_CODES}.
 *
 * @example
 * const code: MetricsErrorCode = "invalid_ticket_row";
 */
export type MetricsErrorCode = (typeof METRICS_ERROR_CODES)[number];

/**
 * The issue codes this package writes inside a {@link MetricsError}, besides the error codes
 * themselves, core's issue codes (for wrapped ticket-log problems) and zod's structural codes.
 *
 * @example
 * METRICS_ISSUE_CODES.includes("unknown_kpi"); // => true
 */
export const METRICS_ISSUE_CODES = [
  "unknown_kpi",
  "empty_period",
  "as_of_before_end",
  "invalid_id",
  "invalid_bucket",
  "invalid_group",
  "options_mismatch",
  "missing_column",
  "invalid_value",
  "inconsistent_row",
  "invalid_return_value", // invalid_calendar: a calendar answered NaN, a fraction or more business time than calendar time
] as const;

/**
 * Any code an issue of a {@link MetricsError} may carry.
 *
 * @example
 * const code: MetricsIssueCode = "empty_period";
 */
export type MetricsIssueCode = MetricsErrorCode | (typeof METRICS_ISSUE_CODES)[number] | CoreIssueCode | ZodIssueCode;

/**
 * The one error class of `@supportops/metrics`: a `SupportOpsError` (from `@supportops/core`) whose
 * `code` is one of {@link METRICS_ERROR_CODES} and whose `issues` say what was wrong and where.
 *
 * @example
 * try {
 *   ticketsResolved([], { period: { from: "2026-02-01", to: "2026-01-01" } });
 * } catch (error) {
 *   error instanceof MetricsError;         // => true
 *   (error as MetricsError).code;          // => "invalid_argument"
 *   (error as MetricsError).issues[0].code; // => "empty_period"
 * }
 */
export class MetricsError extends SupportOpsError<MetricsErrorCode, MetricsIssueCode> {
  override readonly name = "MetricsError";
}
