/**
 * `@supportops/sla`: business-hours calendars (exact, DST-correct, fast business-time arithmetic)
 * and SLA policies and clocks (event-sourced, exact breach, one timer per ticket).
 *
 * @packageDocumentation
 */

// --- calendars ---
export { CALENDAR_ISSUE_CODES, SLA_ERROR_CODES, SLA_POLICY_ISSUE_CODES, SlaError } from "./SlaError.js";
export type { CalendarIssueCode, SlaErrorCode, SlaIssueCode, SlaPolicyIssueCode } from "./SlaError.js";
export { CalendarDefinitionSchema, calendarDefinitionJsonSchema } from "./CalendarDefinition.js";
export type { CalendarDefinition, DateOverride, Holiday, TimeInterval, WeeklyHours } from "./CalendarDefinition.js";
export type { BusinessCalendar, OpenInterval } from "./BusinessCalendar.js";
export { CALENDAR_LIMITS } from "./CALENDAR_LIMITS.js";
export { createCalendar, safeCreateCalendar } from "./createCalendar.js";
export { calendar24x7 } from "./calendar24x7.js";
export { intersectCalendars } from "./intersectCalendars.js";
export { unionCalendars } from "./unionCalendars.js";

// --- calendars as SQL tables (DuckDB, PostgreSQL) ---
export { toCalendarTable } from "./toCalendarTable.js";
export type { CalendarTable, CalendarTableRange, CalendarTableRow, CalendarTableTarget, SqlDialect } from "./toCalendarTable.js";
export { calendarSql } from "./calendarSql.js";
export type { CalendarSqlOptions } from "./calendarSql.js";

// --- holidays (iCalendar feeds, date-holidays adapter) ---
export type { HolidayYearRange } from "./holidays/HolidayYearRange.js";
export { HOLIDAY_LIMITS } from "./holidays/HOLIDAY_LIMITS.js";
export { HOLIDAY_ISSUE_CODES } from "./holidays/HOLIDAY_ISSUE_CODES.js";
export type { HolidayIssueCode } from "./holidays/HOLIDAY_ISSUE_CODES.js";
export { ICALENDAR_SKIP_CODES } from "./holidays/ICALENDAR_SKIP_CODES.js";
export type { ICalendarSkipCode } from "./holidays/ICALENDAR_SKIP_CODES.js";
export { parseICalendarHolidays, safeParseICalendarHolidays } from "./holidays/parseICalendarHolidays.js";
export type { ICalendarEventInfo, ICalendarHolidays, ICalendarHolidaysOptions, SkippedICalendarEntry } from "./holidays/parseICalendarHolidays.js";
export { DATE_HOLIDAYS_SKIP_CODES } from "./holidays/DATE_HOLIDAYS_SKIP_CODES.js";
export type { DateHolidaysSkipCode } from "./holidays/DATE_HOLIDAYS_SKIP_CODES.js";
export { holidaysFromDateHolidays, safeHolidaysFromDateHolidays } from "./holidays/holidaysFromDateHolidays.js";
export type {
  DateHolidaysEntry,
  DateHolidaysHolidays,
  DateHolidaysLike,
  DateHolidaysOptions,
  DateHolidaysType,
  SkippedDateHolidaysEntry,
} from "./holidays/holidaysFromDateHolidays.js";

// --- SLA policies and clocks ---
export {
  PRIORITY_CHANGE_STRATEGIES,
  SLA_METRIC_PRESETS,
  SlaConditionSchema,
  SlaEngineDefinitionSchema,
  SlaMetricDefinitionSchema,
  SlaPolicyDefinitionSchema,
  slaPolicyJsonSchema,
} from "./SlaPolicy.js";
export type {
  PriorityChangeStrategy,
  SlaCondition,
  SlaConditionValue,
  SlaEngineDefinition,
  SlaFieldTest,
  SlaMetricDefinition,
  SlaMetricPreset,
  SlaPolicyDefinition,
  SlaTarget,
  SlaTrigger,
} from "./SlaPolicy.js";
export type { SlaClock, SlaClockJson, SlaEngine, SlaEvaluateOptions, SlaEvaluation, SlaMetricState, SlaMetricStatus, SlaWarning } from "./SlaEngine.js";
export { createSlaEngine, safeCreateSlaEngine } from "./createSlaEngine.js";
export { rankBySlaRisk } from "./rankBySlaRisk.js";
export type { RankBySlaRiskOptions, SlaRiskEntry } from "./rankBySlaRisk.js";
