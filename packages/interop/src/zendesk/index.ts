/**
 * `@supportops/interop/zendesk`: Zendesk schedules (both ways), SLA policies, ticket audits and ticket
 * metric events.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export type { ZendeskHoliday, ZendeskSchedule } from "./ZendeskSchedule.js";
export { calendarFromZendeskSchedule } from "./calendarFromZendeskSchedule.js";
export type { ZendeskScheduleSource } from "./calendarFromZendeskSchedule.js";
export { zendeskScheduleFromCalendar } from "./zendeskScheduleFromCalendar.js";
export type { ZendeskExportOptions, ZendeskScheduleExport } from "./zendeskScheduleFromCalendar.js";
export { slaPoliciesFromZendesk } from "./slaPoliciesFromZendesk.js";
export type { ZendeskCondition, ZendeskSlaOptions, ZendeskSlaPolicy, ZendeskSlaSource } from "./slaPoliciesFromZendesk.js";
