/**
 * `@supportops/interop`: import Zendesk, ServiceNow, Freshdesk and Jira Service Management schedules,
 * SLA policies, ticket histories and SLA results into supportops (and export schedules to Zendesk).
 * Each vendor has its own subpath: `@supportops/interop/zendesk`, `/servicenow`, `/freshdesk`, `/jsm`.
 * This entry holds what they share: the error class, the Rails time-zone table and `compareSla`.
 *
 * @packageDocumentation
 */

export { INTEROP_ERROR_CODES, INTEROP_ISSUE_CODES, InteropError } from "./InteropError.js";
export type { InteropErrorCode, InteropErrorIssueCode, InteropIssueCode } from "./InteropError.js";
export type { ImportResult, InteropIssue } from "./ImportResult.js";
export { RAILS_TIME_ZONES } from "./RAILS_TIME_ZONES.js";
export { ianaFromRailsTimeZone } from "./ianaFromRailsTimeZone.js";
export { railsTimeZoneFromIana } from "./railsTimeZoneFromIana.js";
export type { SlaImportCalendar } from "./internal/sla.js";
export type { ObservedSla } from "./ObservedSla.js";
export { compareSla } from "./compareSla.js";
export type { CompareSlaOptions, SlaComparison, SlaDifference } from "./compareSla.js";
