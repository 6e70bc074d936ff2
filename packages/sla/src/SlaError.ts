import { SupportOpsError, type Issue } from "@supportops/core";

/**
 * The codes an {@link SlaError} carries. Match on them (for instance with ts-pattern), never on
 * message text.
 *
 * - `invalid_calendar`: a calendar definition was rejected; its issues say where and why (their own
 *   codes are listed in {@link CALENDAR_ISSUE_CODES}, plus zod's structural codes such as `invalid_type`).
 * - `invalid_time`: an instant given to the friendly API names no instant (see core's `toEpochMs`).
 * - `invalid_duration`: a duration is not a whole, finite number of milliseconds (see core's `toDurationMs`).
 * - `invalid_argument`: another argument is unusable (a fractional day count, a calendar that was not
 *   made by this package, a range whose end precedes its start).
 * - `out_of_range`: an instant, or the result of an operation, lies outside 1970-01-01 – 2200-01-01 UTC.
 * - `invalid_holiday_source`: holidays could not be read from an iCalendar feed or a holiday provider.
 *
 * @example
 * SLA_ERROR_CODES.includes("out_of_range"); // => true
 */
export const SLA_ERROR_CODES = [
  "invalid_calendar",
  "invalid_time",
  "invalid_duration",
  "invalid_argument",
  "out_of_range",
  "invalid_holiday_source",
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
 * The issue codes a rejected calendar definition reports (inside an `invalid_calendar` error), besides
 * zod's structural ones (`invalid_type`, `unrecognized_keys`, …).
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
] as const;

/**
 * One of {@link CALENDAR_ISSUE_CODES}.
 *
 * @example
 * const code: CalendarIssueCode = "overlapping_intervals";
 */
export type CalendarIssueCode = (typeof CALENDAR_ISSUE_CODES)[number];

/**
 * The error `@supportops/sla` throws: a `SupportOpsError` (from `@supportops/core`) with one of {@link SLA_ERROR_CODES}
 * and a non-empty list of `{ code, path, message }` issues.
 *
 * @example
 * try {
 *   createCalendar({ timeZone: "Mars/Olympus", weekly: { mon: [["09:00", "17:00"]] } });
 * } catch (error) {
 *   if (error instanceof SlaError) error.code;             // => "invalid_calendar"
 *   if (error instanceof SlaError) error.issues[0].path;   // => ["timeZone"]
 * }
 */
export class SlaError extends SupportOpsError {
  /** Which kind of failure this is. */
  declare readonly code: SlaErrorCode;

  /**
   * @param code - the error's stable code
   * @param issues - what was wrong; a string is shorthand for one issue at the root with that code
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(code: SlaErrorCode, issues: ReadonlyArray<Issue> | string, options?: ErrorOptions) {
    super(code, issues, options);
    this.name = "SlaError";
  }
}
