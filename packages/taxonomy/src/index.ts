/**
 * `@supportops/taxonomy`: ticket category trees of stable codes — validation (rules T1–T9, T11–T13),
 * versions and migrations, accuracy audits, health checks, and Zendesk/CSV/JSON import and export.
 *
 * @packageDocumentation
 */

// --- errors ---
export { TAXONOMY_ERROR_CODES, TAXONOMY_ISSUE_CODES, TaxonomyError } from "./TaxonomyError.js";
export type { TaxonomyErrorCode, TaxonomyIssueCode } from "./TaxonomyError.js";

// --- definitions ---
export {
  ClosureCodeSchema,
  DeprecationSchema,
  FieldNameSchema,
  LabelSchema,
  MAX_TAXONOMY_DEPTH,
  NodeCodeSchema,
  OptionLimitSchema,
  StatusRuleSchema,
  TaxonomyDefinitionSchema,
  TaxonomyNodeSchema,
  taxonomyDefinitionJsonSchema,
} from "./TaxonomyDefinition.js";
export type {
  ClosureCodeDefinition,
  Deprecation,
  OptionLimit,
  StatusRule,
  TaxonomyDefinition,
  TaxonomyNodeDefinition,
} from "./TaxonomyDefinition.js";
export { ClassificationSchema } from "./Classification.js";
export type { Classification, ValidClassification } from "./Classification.js";

// --- the compiled taxonomy ---
export { createTaxonomy, safeCreateTaxonomy } from "./createTaxonomy.js";
export type {
  MigrationResult,
  Resolved,
  Taxonomy,
  TaxonomyClosureCode,
  TaxonomyMigration,
  TaxonomyNode,
  ValidateOptions,
  ValidationMode,
} from "./Taxonomy.js";

// --- versions ---
export { diffTaxonomies } from "./diffTaxonomies.js";
export type { TaxonomyDiff } from "./diffTaxonomies.js";
export { TaxonomyChangeSchema } from "./TaxonomyChange.js";
export type { TaxonomyChange } from "./TaxonomyChange.js";
export { reviseTaxonomy } from "./reviseTaxonomy.js";

// --- audits ---
export { auditAccuracy } from "./auditAccuracy.js";
export type { AccuracyAudit, AuditOptions, AuditPair, ClassAccuracy, LevelAccuracy } from "./auditAccuracy.js";

// --- health ---
export { checkTaxonomyHealth } from "./checkTaxonomyHealth.js";
export type { HealthOptions, TaxonomyHealth } from "./checkTaxonomyHealth.js";

// --- import and export ---
export { safeTaxonomyFromZendeskOptions, taxonomyFromZendeskOptions } from "./taxonomyFromZendeskOptions.js";
export type { ImportSettings, ZendeskOption } from "./taxonomyFromZendeskOptions.js";
export { taxonomyToZendeskOptions } from "./taxonomyToZendeskOptions.js";
export { CSV_EXTRA_COLUMNS, taxonomyToCsv } from "./taxonomyToCsv.js";
export type { CsvExportOptions } from "./taxonomyToCsv.js";
export { safeTaxonomyFromCsv, taxonomyFromCsv } from "./taxonomyFromCsv.js";
export type { CsvImportOptions } from "./taxonomyFromCsv.js";
export { parseTaxonomyJson, safeParseTaxonomyJson } from "./parseTaxonomyJson.js";
export { taxonomyToSkos } from "./taxonomyToSkos.js";
export type { SkosDocument, SkosOptions } from "./taxonomyToSkos.js";
