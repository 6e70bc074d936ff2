/**
 * `@supportops/interop/servicenow`: ServiceNow schedules, SLA definitions (`contract_sla`), incident
 * history (`sys_audit`, journal) and `task_sla` rows.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export type { ServiceNowReference } from "./ServiceNowRecords.js";
export { calendarFromServiceNowSchedule } from "./calendarFromServiceNowSchedule.js";
export type { ServiceNowSchedule, ServiceNowScheduleOptions, ServiceNowScheduleSource, ServiceNowScheduleSpan } from "./calendarFromServiceNowSchedule.js";
export { slaDefinitionsFromServiceNow } from "./slaDefinitionsFromServiceNow.js";
export type { ServiceNowSlaDefinition, ServiceNowSlaOptions, ServiceNowSlaSource } from "./slaDefinitionsFromServiceNow.js";
export { SERVICENOW_STATE_MAP, isCanceledInServiceNow, ticketLogFromServiceNowAudit } from "./ticketLogFromServiceNowAudit.js";
export type { ServiceNowAuditOptions, ServiceNowAuditRow, ServiceNowIncident, ServiceNowJournalEntry, ServiceNowTicketSource } from "./ticketLogFromServiceNowAudit.js";
export { observedSlaFromServiceNowTaskSla } from "./observedSlaFromServiceNowTaskSla.js";
export type { ServiceNowTaskSla, ServiceNowTaskSlaOptions } from "./observedSlaFromServiceNowTaskSla.js";
