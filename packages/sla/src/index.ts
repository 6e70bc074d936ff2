/**
 * `@supportops/sla`: business-hours calendars (exact, DST-correct, fast business-time arithmetic)
 * and, later, SLA policies and clocks.
 *
 * @packageDocumentation
 */

// --- calendars ---
export { CALENDAR_ISSUE_CODES, SLA_ERROR_CODES, SlaError } from "./SlaError.js";
export type { CalendarIssueCode, SlaErrorCode } from "./SlaError.js";

// --- holidays (iCalendar feeds, date-holidays adapter) ---
