/**
 * `@supportops/core`: time inputs, typed errors, the ticket event log, severity and priority policies,
 * and the calendar interface other packages build on.
 *
 * @packageDocumentation
 */

// --- errors ---
export { COMMON_ERROR_CODES, SupportOpsError, formatIssues, formatPath, rethrowAs, safely } from "./SupportOpsError.js";
export type { CommonErrorCode, Issue, IssuePath, NonEmptyReadonlyArray, SafeResult } from "./SupportOpsError.js";
export { CORE_ERROR_CODES, CORE_ISSUE_CODES, CoreError } from "./CoreError.js";
export type { CoreErrorCode, CoreIssueCode } from "./CoreError.js";
export { issuesFromZod, parseWithSchema, zodErrorMap } from "./issuesFromZod.js";
export type { SchemaParseResult, ZodIssueCode } from "./issuesFromZod.js";

// --- shared helpers ---
export { compileCondition } from "./compileCondition.js";
export type { ConditionTree } from "./compileCondition.js";
export { MAX_INPUT_DEPTH, checkDepth } from "./checkDepth.js";
export { deepFreeze } from "./deepFreeze.js";
export { describeValue } from "./describeValue.js";

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
  TICKET_EVENT_TYPES,
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
export { PriorityMatrixDefinitionSchema, createPriorityMatrix, safeCreatePriorityMatrix } from "./createPriorityMatrix.js";
export type { PriorityCell, PriorityMatrix, PriorityMatrixDefinition, PriorityTable } from "./createPriorityMatrix.js";
export {
  ITIL_4X4_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX_FIX,
  SERVICENOW_INCIDENT_PRIORITY_MATRIX,
  SERVICENOW_PRIORITY_MATRIX,
} from "./priorityMatrixPresets.js";
export { SeverityLadderDefinitionSchema, createSeverityLadder, safeCreateSeverityLadder } from "./createSeverityLadder.js";
export type { SeverityLadder, SeverityLadderDefinition, SeverityLevel, SeverityLevelDefinition } from "./createSeverityLadder.js";
export { ATLASSIAN_SEVERITY_LADDER, PAGERDUTY_SEVERITY_LADDER } from "./severityLadders.js";
export { ImpactConditionSchema, ImpactSignalsSchema } from "./ImpactCondition.js";
export type { ImpactCondition, ImpactSignals, LabelTest, LevelTest, NumberTest, SignalConditions } from "./ImpactCondition.js";
export { ImpactRuleSchema, ImpactRulesSchema, createImpactRules, safeCreateImpactRules } from "./createImpactRules.js";
export type {
  CurrentImpactLevels,
  ImpactEvaluation,
  ImpactLevelChange,
  ImpactRaise,
  ImpactRuleDefinition,
  ImpactRules,
  ImpactRulesOptions,
} from "./createImpactRules.js";
export { safeValidateLevelChange, validateLevelChange } from "./validateLevelChange.js";
export type { LevelChange, ValidateLevelChangeOptions, ValidatedLevelChange } from "./validateLevelChange.js";
