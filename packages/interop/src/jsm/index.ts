/**
 * `@supportops/interop/jsm`: Jira Service Management calendars, issue changelogs and the request SLA
 * endpoint's cycles.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export { calendarFromJsmCalendar } from "./calendarFromJsmCalendar.js";
export type { JsmCalendar, JsmCalendarOptions, JsmCalendarSource } from "./calendarFromJsmCalendar.js";
