/**
 * `@supportops/core`: time inputs, typed errors, the ticket event log, severity and priority policies,
 * and the calendar interface other packages build on.
 *
 * @packageDocumentation
 */

// --- errors ---
export {
  CORE_ERROR_CODES,
  SupportOpsError,
  formatIssues,
  formatPath,
  issuesFromZod,
  safely,
} from "./SupportOpsError.js";
export type { CoreErrorCode, Issue, IssuePath, NonEmptyReadonlyArray, SafeResult } from "./SupportOpsError.js";

// --- time ---
export { safeToEpochMs, toEpochMs } from "./toEpochMs.js";
export type { TimeInput } from "./toEpochMs.js";
export { safeToDurationMs, toDurationMs } from "./toDurationMs.js";
export type { DurationInput, DurationObject } from "./toDurationMs.js";
export { assertTimeZone, isTimeZone } from "./assertTimeZone.js";
export { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from "./range.js";
export type { BusinessCalendarLike } from "./BusinessCalendarLike.js";

// --- ticket event log ---
export {
  CANONICAL_STATUSES,
  CanonicalStatusSchema,
  InstantSchema,
  LEVEL_CHANGE_SOURCES,
  RESOLVED_STATUSES,
  TicketEventSchema,
  ticketEventJsonSchema,
} from "./TicketEvent.js";
export type { CanonicalStatus, TicketEvent, TicketEventInput, TicketEventOf, TicketEventType } from "./TicketEvent.js";
export { isTicketLog, parseTicketLog, safeParseTicketLog } from "./parseTicketLog.js";
export type { ParseTicketLogOptions, TicketLog } from "./parseTicketLog.js";
export { summarizeTicket } from "./summarizeTicket.js";
export type {
  AssigneeHistoryEntry,
  CategoryHistoryEntry,
  LevelHistoryEntry,
  SummarizeTicketOptions,
  TicketSummary,
} from "./summarizeTicket.js";

// --- severity & priority ---
