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
export { ZENDESK_STATUS_MAP, ticketLogFromZendeskAudits } from "./ticketLogFromZendeskAudits.js";
export type { ZendeskAudit, ZendeskAuditOptions, ZendeskTicketSource } from "./ticketLogFromZendeskAudits.js";
export { observedSlaFromZendeskMetricEvents } from "./observedSlaFromZendeskMetricEvents.js";
export type { ZendeskMetricEvent } from "./observedSlaFromZendeskMetricEvents.js";
export { ticketLogFromZendeskTicketEvents } from "./ticketLogFromZendeskTicketEvents.js";
export type { ZendeskTicketEvent, ZendeskTicketEventsOptions } from "./ticketLogFromZendeskTicketEvents.js";
