/**
 * `@supportops/sla`: business-hours calendars (exact, DST-correct, fast business-time arithmetic)
 * and, later, SLA policies and clocks.
 *
 * @packageDocumentation
 */

// --- calendars ---
export { CALENDAR_ISSUE_CODES, SLA_ERROR_CODES, SlaError } from "./SlaError.js";
export type { CalendarIssueCode, SlaErrorCode } from "./SlaError.js";
export { CalendarDefinitionSchema, calendarDefinitionJsonSchema } from "./CalendarDefinition.js";
export type { CalendarDefinition, DateOverride, Holiday, TimeInterval, WeeklyHours } from "./CalendarDefinition.js";
export type { BusinessCalendar, OpenInterval } from "./BusinessCalendar.js";
export { createCalendar, safeCreateCalendar } from "./createCalendar.js";
export { calendar24x7 } from "./calendar24x7.js";
export { intersectCalendars, unionCalendars } from "./combineCalendars.js";

// --- holidays (iCalendar feeds, date-holidays adapter) ---
export type { HolidayYearRange } from "./holidays/HolidayYearRange.js";
export { HOLIDAY_ISSUE_CODES } from "./holidays/HOLIDAY_ISSUE_CODES.js";
export type { HolidayIssueCode } from "./holidays/HOLIDAY_ISSUE_CODES.js";
export { ICALENDAR_SKIP_CODES, parseICalendarHolidays, safeParseICalendarHolidays } from "./holidays/parseICalendarHolidays.js";
export type {
  ICalendarEventInfo,
  ICalendarHolidays,
  ICalendarHolidaysOptions,
  ICalendarSkipCode,
  SkippedICalendarEntry,
} from "./holidays/parseICalendarHolidays.js";
export { DATE_HOLIDAYS_SKIP_CODES, holidaysFromDateHolidays, safeHolidaysFromDateHolidays } from "./holidays/holidaysFromDateHolidays.js";
export type {
  DateHolidaysEntry,
  DateHolidaysHolidays,
  DateHolidaysLike,
  DateHolidaysOptions,
  DateHolidaysSkipCode,
  DateHolidaysType,
  SkippedDateHolidaysEntry,
} from "./holidays/holidaysFromDateHolidays.js";
