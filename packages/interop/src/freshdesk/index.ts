/**
 * `@supportops/interop/freshdesk`: Freshdesk business hours, SLA policies and ticket conversations.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export { calendarFromFreshdeskBusinessHours } from "./calendarFromFreshdeskBusinessHours.js";
export type { FreshdeskBusinessHours, FreshdeskBusinessHoursSource } from "./calendarFromFreshdeskBusinessHours.js";
export { FRESHDESK_CODES } from "./FRESHDESK_CODES.js";
export { slaPoliciesFromFreshdesk } from "./slaPoliciesFromFreshdesk.js";
export type { FreshdeskSlaOptions, FreshdeskSlaPolicy, FreshdeskSlaSource } from "./slaPoliciesFromFreshdesk.js";
export { FRESHDESK_STATUS_MAP, ticketLogFromFreshdeskConversations } from "./ticketLogFromFreshdeskConversations.js";
export type { FreshdeskActivity, FreshdeskConversation, FreshdeskConversationOptions, FreshdeskTicket } from "./ticketLogFromFreshdeskConversations.js";
