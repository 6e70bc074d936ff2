/**
 * `@supportops/interop/jsm`: Jira Service Management calendars, issue changelogs and the request SLA
 * endpoint's cycles.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export { calendarFromJsmCalendar } from "./calendarFromJsmCalendar.js";
export type { JsmCalendar, JsmCalendarOptions, JsmCalendarSource } from "./calendarFromJsmCalendar.js";
export { JSM_STATUS_MAP, ticketLogFromJsmChangelog } from "./ticketLogFromJsmChangelog.js";
export type { JsmChangelogEntry, JsmChangelogOptions, JsmComment, JsmIssue } from "./ticketLogFromJsmChangelog.js";
export { observedSlaFromJsm } from "./observedSlaFromJsm.js";
export type { JsmDate, JsmSlaCycle, JsmSlaOptions, JsmSlaResponse } from "./observedSlaFromJsm.js";
