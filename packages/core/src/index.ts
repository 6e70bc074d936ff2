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

// --- severity & priority ---
