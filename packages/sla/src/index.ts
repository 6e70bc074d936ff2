/**
 * `@supportops/sla`: business-hours calendars (exact, DST-correct, fast business-time arithmetic)
 * and, later, SLA policies and clocks.
 *
 * @packageDocumentation
 */

// --- calendars ---
export {};

// --- holidays (iCalendar feeds, date-holidays adapter) ---
