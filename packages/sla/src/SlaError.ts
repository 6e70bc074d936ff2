import { SupportOpsError, type CoreIssueCode, type ZodIssueCode } from "@supportops/core";
import type { HolidayIssueCode } from "./holidays/HOLIDAY_ISSUE_CODES.js";

/**
 * The codes an {@link SlaError} carries. Match on them, never on message text. All but
 * `invalid_holiday_source`, `invalid_sla_policy` and `invalid_sla_state` are core's common codes,
 * spelled and meant as in every supportops package.
 *
 * - `invalid_argument`: an argument is unusable: a `…Ms` method given something that is not an
 *   integer number of milliseconds, a fractional day count, a calendar that was not made by this
 *   package, a range whose end precedes its start, missing or malformed options of a holiday source
 *   (issue codes `invalid_year_range`, `invalid_option`, `invalid_provider`), text that is neither a
 *   string nor octets, an item given to `rankBySlaRisk` that is not an SLA evaluation;
 * - `invalid_time`: an instant given to a friendly method names no instant (see core's `toEpochMs`);
 * - `invalid_duration`: a duration given to `addBusinessTime` is not a whole, finite number of
 *   milliseconds (see core's `toDurationMs`);
 * - `invalid_time_zone`: `calendar24x7` was given something that is not an IANA zone name;
 * - `out_of_range`: an instant, or the result of an operation, lies outside 1970-01-01 – 2200-01-01 UTC;
 * - `invalid_calendar`: a calendar definition or combination was rejected, or a calendar object given
 *   to the SLA engine broke its contract; its issues say where and why (their codes are listed in
 *   {@link CALENDAR_ISSUE_CODES}, plus zod's structural codes such as `invalid_type`);
 * - `invalid_holiday_source`: an iCalendar feed is not an iCalendar object, or (with `strict: true`) a
 *   feed or a `date-holidays` instance holds entries that could not be used;
 * - `invalid_ticket_log`: a ticket log given to the SLA engine, or an event given to a clock, breaks
 *   the log's rules (core's `parseTicketLog`);
 * - `invalid_sla_policy`: an SLA engine definition was rejected ({@link SLA_POLICY_ISSUE_CODES});
 * - `invalid_sla_state`: a persisted clock is malformed (a field missing or of the wrong type, something
 *   that is not plain JSON, nesting deeper than core's `MAX_INPUT_DEPTH` allows), or was saved by an
 *   engine with another definition.
 *
 * @example
 * SLA_ERROR_CODES.includes("out_of_range"); // => true
 */
export const SLA_ERROR_CODES = [
  "invalid_argument",
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "out_of_range",
  "invalid_calendar",
  "invalid_holiday_source",
  "invalid_ticket_log",
  "invalid_sla_policy",
  "invalid_sla_state",
] as const;

/**
 * One of {@link SLA_ERROR_CODES}.
 *
 * @example
 * const code: SlaErrorCode = "invalid_calendar";
 * SLA_ERROR_CODES.includes(code); // => true
 */
export type SlaErrorCode = (typeof SLA_ERROR_CODES)[number];

/**
 * The issue codes inside an `invalid_calendar` error, besides zod's structural ones (`invalid_type`,
 * `unrecognized_keys`, …): a rejected calendar definition (`createCalendar`), a rejected combination
 * (`intersectCalendars`, `unionCalendars`), or a calendar object given to `createSlaEngine` that broke
 * core's `BusinessCalendarLike` contract.
 * - `too_many_intervals`: a day lists more intervals than `CALENDAR_LIMITS.maxIntervalsPerDay`, or a
 *   combination's calendars together more than `CALENDAR_LIMITS.maxCombinedIntervalsPerDay`;
 * - `too_deep`: a definition nests deeper than core's `MAX_INPUT_DEPTH` or refers back to itself, or a
 *   combination stacks more than `CALENDAR_LIMITS.maxNesting` set operations (core's code, same meaning);
 * - `invalid_return_value`: a caller's calendar answered with something that is not a whole number of
 *   milliseconds (or `null` where allowed), such as `NaN`;
 * - the rest name what is wrong in a definition (see docs/calendars.md, "Errors").
 *
 * @example
 * CALENDAR_ISSUE_CODES.includes("overlapping_intervals"); // => true
 */
export const CALENDAR_ISSUE_CODES = [
  "invalid_time_zone",
  "invalid_time_of_day",
  "zero_length_interval",
  "overlapping_intervals",
  "invalid_date",
  "duplicate_date",
  "holiday_override_conflict",
  "no_open_time",
  // limits (issue 9): what a definition or a combination may cost
  "too_many_intervals",
  "too_deep",
  // a caller's calendar object that broke the BusinessCalendarLike contract
  "invalid_return_value",
] as const;

/**
 * One of {@link CALENDAR_ISSUE_CODES}.
 *
 * @example
 * const code: CalendarIssueCode = "overlapping_intervals";
 */
export type CalendarIssueCode = (typeof CALENDAR_ISSUE_CODES)[number];

/**
 * The issue codes a rejected SLA engine definition (`invalid_sla_policy`) or persisted clock
 * (`invalid_sla_state`) reports, besides zod's structural ones and the calendar codes.
 *
 * @example
 * SLA_POLICY_ISSUE_CODES.includes("unknown_metric"); // => true
 */
export const SLA_POLICY_ISSUE_CODES = [
  "unknown_calendar",
  "reserved_calendar",
  "unknown_metric",
  "duplicate_metric",
  "duplicate_policy",
  "empty_targets",
  "invalid_target",
  "invalid_warning",
  "event_field_outside_trigger",
  "unreachable_start",
  "unreachable_stop",
  "pause_never_resumes",
  "always_paused",
  "stale_state",
] as const;

/**
 * One of {@link SLA_POLICY_ISSUE_CODES}.
 *
 * @example
 * const code: SlaPolicyIssueCode = "unreachable_stop";
 */
export type SlaPolicyIssueCode = (typeof SLA_POLICY_ISSUE_CODES)[number];

/**
 * Any code an issue of an {@link SlaError} may carry: the error codes themselves, the calendar
 * definition's ({@link CALENDAR_ISSUE_CODES}), the SLA engine's ({@link SLA_POLICY_ISSUE_CODES}), the holiday sources' (`HOLIDAY_ISSUE_CODES`), zod's
 * structural codes, and core's issue codes, which errors from core's time parsing keep when they are
 * passed on as `SlaError`s.
 *
 * @example
 * const code: SlaIssueCode = "overlapping_intervals";
 */
export type SlaIssueCode = SlaErrorCode | CalendarIssueCode | HolidayIssueCode | SlaPolicyIssueCode | ZodIssueCode | CoreIssueCode;

/**
 * The error `@supportops/sla` throws: a `SupportOpsError` (from `@supportops/core`) with one of
 * {@link SLA_ERROR_CODES} and a non-empty list of `{ code, path, message }` issues. Every function and
 * method of the package throws only this class for bad input.
 *
 * @example
 * try {
 *   createCalendar({ timeZone: "Mars/Olympus", weekly: { mon: [["09:00", "17:00"]] } });
 * } catch (error) {
 *   if (error instanceof SlaError) error.code;             // => "invalid_calendar"
 *   if (error instanceof SlaError) error.issues[0].path;   // => ["timeZone"]
 * }
 */
export class SlaError extends SupportOpsError<SlaErrorCode, SlaIssueCode> {
  override readonly name = "SlaError";
}
