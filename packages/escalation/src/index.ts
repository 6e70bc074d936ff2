/**
 * `@supportops/escalation`: escalation packages (schema, quality score, rendering), redaction and
 * escalation policies.
 *
 * @packageDocumentation
 */

// --- errors ---
export { ESCALATION_ERROR_CODES, ESCALATION_ISSUE_CODES, ESCALATION_PACKAGE_ISSUE_CODES, EscalationError } from "./EscalationError.js";
export type { EscalationErrorCode, EscalationIssueCode, EscalationPackageIssueCode } from "./EscalationError.js";

// --- severity and priority vocabulary ---
export { DEFAULT_ESCALATION_PRIORITIES } from "./EscalationVocabulary.js";
export type { DefaultEscalationPriority, DefaultEscalationSeverity, EscalationVocabulary } from "./EscalationVocabulary.js";

// --- package schema, score, rendering, exporters ---
export {
  ESCALATION_KINDS,
  ESCALATION_TARGETS,
  EscalationPackageSchema,
  MAX_INLINE_EVIDENCE_CHARS,
  MAX_TEXT_CHARS,
  createEscalationPackageSchema,
  escalationPackageJsonSchema,
} from "./EscalationPackageSchema.js";
export type { EscalationEvidence, EscalationEvidenceInput, EscalationPackage, EscalationPackageInput, EscalationPackageSchemaFor } from "./EscalationPackageSchema.js";
export { createEscalationPackage, safeCreateEscalationPackage } from "./createEscalationPackage.js";
export type { CreateEscalationPackageOptions } from "./createEscalationPackage.js";
export { DEFAULT_ESCALATION_RUBRIC, ESCALATION_CHECKS, EscalationRubricSchema, escalationRubricJsonSchema } from "./EscalationRubric.js";
export type { EscalationRubric } from "./EscalationRubric.js";
export { ESCALATION_CHECK_IDS } from "./EscalationCheckId.js";
export type { EscalationCheckId } from "./EscalationCheckId.js";
export { scoreEscalation } from "./scoreEscalation.js";
export type { EscalationDimensionScore, EscalationScore } from "./scoreEscalation.js";
export { ESCALATION_RENDER_FORMATS, renderEscalation } from "./renderEscalation.js";
export type { EscalationRenderFormat } from "./renderEscalation.js";
export { renderInline } from "./renderInline.js";
export type { InlinePart } from "./renderInline.js";
export { toPagerDutyEvent } from "./toPagerDutyEvent.js";
export type { PagerDutyEvent, PagerDutyEventOptions } from "./toPagerDutyEvent.js";
export { toOpsgenieAlert } from "./toOpsgenieAlert.js";
export type { OpsgenieAlert, OpsgenieAlertOptions } from "./toOpsgenieAlert.js";

// --- escalation policies and routing ---
export { EscalationPolicyDefinitionSchema, escalationPolicyJsonSchema } from "./EscalationPolicy.js";
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
export { createEscalationMatrix, safeCreateEscalationMatrix } from "./createEscalationMatrix.js";
export type {
  EscalationMatrix,
  EscalationMatrixDefinition,
  EscalationMatrixOptions,
  EscalationRoute,
  EscalationRouteCondition,
  EscalationRouteInput,
  EscalationRouteRule,
} from "./createEscalationMatrix.js";

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
export { REDACTION_ISSUE_CODES } from "./RedactionIssueCode.js";
export type { RedactionIssueCode } from "./RedactionIssueCode.js";
export { PII_ENTITY_TYPES, REDACTION_ENTITY_TYPES, SECRET_ENTITY_TYPES } from "./RedactionEntityType.js";
export type { PiiEntityType, RedactionEntityType, SecretEntityType } from "./RedactionEntityType.js";
