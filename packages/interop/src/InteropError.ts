import { SupportOpsError, type CoreIssueCode, type ZodIssueCode } from "@supportops/core";
import type { SlaIssueCode } from "@supportops/sla";

/**
 * The codes an {@link InteropError} carries. All but `invalid_vendor_payload` and
 * `invalid_vendor_export` are core's common codes, spelled and meant as in every supportops package.
 *
 * - `invalid_argument`: an options object is missing or malformed (an import window whose end is
 *   before its start, a status map naming no canonical status, a calendar name that is empty);
 * - `invalid_time`: a vendor time stamp does not follow the vendor's format (each vendor has one strict
 *   parser; nothing goes through `Date.parse`);
 * - `invalid_duration`: a vendor duration (a ServiceNow glide_duration, a target in seconds or ms) is
 *   not a whole, non-negative number of milliseconds;
 * - `invalid_time_zone`: a vendor zone name is neither a Rails display name of the table nor an IANA
 *   name (an unknown name is an error, never UTC), or a zone has no vendor name on export;
 * - `out_of_range`: a time stamp lies outside 1970-01-01 – 2200-01-01 UTC;
 * - `invalid_calendar`: the calendar an importer built, or the one given to an exporter, is rejected by
 *   `@supportops/sla` (its issues keep sla's codes and paths);
 * - `invalid_ticket_log`: the event log an importer built breaks core's log rules (for example an event
 *   after a ticket was closed, with a status map that sends a reopenable status to `closed`);
 * - `invalid_vendor_payload`: a vendor payload does not have the documented shape (a missing field, an
 *   interval outside the week, a 13-hour clock reading, an unknown status without a mapping);
 * - `invalid_vendor_export`: an exporter was asked for something the vendor cannot hold (a sub-minute
 *   time or replacement hours for Zendesk, an overnight interval beside a holiday); the issues say which
 *   part of the definition and why.
 *
 * @example
 * INTEROP_ERROR_CODES.includes("invalid_vendor_payload"); // => true
 */
export const INTEROP_ERROR_CODES = [
  "invalid_argument",
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "out_of_range",
  "invalid_calendar",
  "invalid_ticket_log",
  "invalid_vendor_payload",
  "invalid_vendor_export",
] as const;

/**
 * One of {@link INTEROP_ERROR_CODES}.
 *
 * @example
 * const code: InteropErrorCode = "invalid_vendor_payload";
 */
export type InteropErrorCode = (typeof INTEROP_ERROR_CODES)[number];

/**
 * The codes of the issues an importer reports beside its result (never thrown): what it read but
 * could not represent, or represented with a caveat. Each comes with the path into the vendor payload.
 *
 * - `unsupported_condition`: a vendor condition outside the whitelist; kept verbatim in `source`;
 * - `unsupported_metric`: a vendor SLA metric with no supportops counterpart (left out);
 * - `unsupported_recurrence`: a ServiceNow `repeat_type`, `monthly_type` or `yearly_type` value that is
 *   not read (the entry is left out);
 * - `unsupported_setting`: a vendor setting with no supportops counterpart (cancel conditions, relative
 *   durations, retroactive starts, a schedule taken from a task field);
 * - `assumed_convention`: a value read by a convention the vendor does not document (ServiceNow's
 *   `days_of_week` digits, 1 = Monday);
 * - `holidays_not_available`: the vendor payload cannot carry holidays (Freshdesk business hours);
 * - `outside_window`: ServiceNow entries that fall outside the import window were not expanded;
 * - `ignored_event`: a history entry with no event-log counterpart (an unknown Zendesk event type, a
 *   comment privacy change, a field the importer does not map);
 * - `deleted_event`: a Zendesk metric event marked `deleted` (dropped);
 * - `duplicate_row`: a row that repeats an earlier one (Freshdesk activity rows have no id).
 *
 * @example
 * INTEROP_ISSUE_CODES.includes("unsupported_condition"); // => true
 */
export const INTEROP_ISSUE_CODES = [
  "unsupported_condition",
  "unsupported_metric",
  "unsupported_recurrence",
  "unsupported_setting",
  "assumed_convention",
  "holidays_not_available",
  "outside_window",
  "ignored_event",
  "deleted_event",
  "duplicate_row",
] as const;

/**
 * One of {@link INTEROP_ISSUE_CODES}.
 *
 * @example
 * const code: InteropIssueCode = "unsupported_metric";
 */
export type InteropIssueCode = (typeof INTEROP_ISSUE_CODES)[number];

/**
 * Any code an issue of an {@link InteropError} may carry: the error codes, the importers' issue codes,
 * and the codes of sla, core and zod, which errors passed on from them keep.
 *
 * @example
 * const code: InteropErrorIssueCode = "overlapping_intervals";
 */
export type InteropErrorIssueCode = InteropErrorCode | InteropIssueCode | SlaIssueCode | CoreIssueCode | ZodIssueCode;

/**
 * The error `@supportops/interop` throws, from every subpath: a `SupportOpsError` (from
 * `@supportops/core`) with one of {@link INTEROP_ERROR_CODES} and a non-empty list of
 * `{ code, path, message }` issues whose paths point into the vendor payload (or the options).
 *
 * @example
 * try {
 *   ianaFromRailsTimeZone("Middle Earth");
 * } catch (error) {
 *   if (error instanceof InteropError) error.code; // => "invalid_time_zone"
 * }
 */
export class InteropError extends SupportOpsError<InteropErrorCode, InteropErrorIssueCode> {
  override readonly name = "InteropError";
}
