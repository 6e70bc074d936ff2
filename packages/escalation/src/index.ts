/**
 * `@supportops/escalation`: escalation packages (schema, quality score, rendering), redaction and
 * escalation policies.
 *
 * @packageDocumentation
 */

// --- package schema, score, rendering, policies, matrix ---
export { ESCALATION_ERROR_CODES, ESCALATION_PACKAGE_ISSUE_CODES, EscalationError } from "./EscalationError.js";
export type { EscalationErrorCode, EscalationPackageIssueCode } from "./EscalationError.js";
export {
  ESCALATION_KINDS,
  ESCALATION_PRIORITIES,
  ESCALATION_SEVERITIES,
  ESCALATION_TARGETS,
  EscalationPackageSchema,
  MAX_INLINE_EVIDENCE_CHARS,
  MAX_TEXT_CHARS,
  escalationPackageJsonSchema,
} from "./EscalationPackageSchema.js";
export type { EscalationEvidence, EscalationPackage, EscalationPackageInput } from "./EscalationPackageSchema.js";
export { createEscalationPackage, safeCreateEscalationPackage } from "./createEscalationPackage.js";
export type { CreateEscalationPackageOptions, PriorityLookup } from "./createEscalationPackage.js";
export { EscalationPolicyDefinitionSchema, TICKET_EVENT_TYPES, escalationPolicyJsonSchema } from "./EscalationPolicy.js";
export type {
  EscalationAnchor,
  EscalationDue,
  EscalationDueOptions,
  EscalationEvent,
  EscalationLevel,
  EscalationLevelDefinition,
  EscalationPolicy,
  EscalationPolicyDefinition,
  EscalationScheduleInput,
  EscalationStopCondition,
  ScheduledEscalation,
} from "./EscalationPolicy.js";
export { createEscalationPolicy, safeCreateEscalationPolicy } from "./createEscalationPolicy.js";
export { ESCALATION_RENDER_FORMATS, renderEscalation } from "./renderEscalation.js";
export type { EscalationRenderFormat } from "./renderEscalation.js";
export { createEscalationMatrix, safeCreateEscalationMatrix } from "./createEscalationMatrix.js";
export type {
  EscalationMatrix,
  EscalationMatrixDefinition,
  EscalationRoute,
  EscalationRouteCondition,
  EscalationRouteInput,
  EscalationRouteRule,
} from "./createEscalationMatrix.js";
export { DEFAULT_ESCALATION_RUBRIC, ESCALATION_CHECKS, EscalationRubricSchema, escalationRubricJsonSchema } from "./EscalationRubric.js";
export type { EscalationRubric } from "./EscalationRubric.js";
export { ESCALATION_CHECK_IDS } from "./EscalationCheckId.js";
export type { EscalationCheckId } from "./EscalationCheckId.js";
export { scoreEscalation } from "./scoreEscalation.js";
export type { EscalationDimensionScore, EscalationScore } from "./scoreEscalation.js";
export { toPagerDutyEvent } from "./toPagerDutyEvent.js";
export type { PagerDutyEvent, PagerDutyEventOptions } from "./toPagerDutyEvent.js";
export { toOpsgenieAlert } from "./toOpsgenieAlert.js";
export type { OpsgenieAlert, OpsgenieAlertOptions } from "./toOpsgenieAlert.js";

// --- redaction ---
export {
  MAX_REDACTION_DEPTH,
  MIN_REDACTION_KEY_BYTES,
  REDACTION_ENGINE,
  REDACTION_MODES,
  redact,
  safeRedact,
} from "./redact.js";
export type { RedactOptions, RedactResult, RedactionMode, RedactionReport } from "./redact.js";
export { pseudonymize, safePseudonymize } from "./pseudonymize.js";
export type { PseudonymizeOptions } from "./pseudonymize.js";
export { REDACTION_ERROR_CODES, REDACTION_ISSUE_CODES } from "./RedactionErrorCode.js";
export type { RedactionErrorCode, RedactionIssueCode } from "./RedactionErrorCode.js";
export { PII_ENTITY_TYPES, REDACTION_ENTITY_TYPES, SECRET_ENTITY_TYPES } from "./RedactionEntityType.js";
export type { PiiEntityType, RedactionEntityType, SecretEntityType } from "./RedactionEntityType.js";
