/**
 * `@supportops/interop/freshdesk`: Freshdesk business hours, SLA policies and ticket conversations.
 *
 * @packageDocumentation
 */

export { InteropError } from "../InteropError.js";
export { calendarFromFreshdeskBusinessHours } from "./calendarFromFreshdeskBusinessHours.js";
export type { FreshdeskBusinessHours, FreshdeskBusinessHoursSource } from "./calendarFromFreshdeskBusinessHours.js";
