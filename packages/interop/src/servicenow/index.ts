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
