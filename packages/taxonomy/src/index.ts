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
