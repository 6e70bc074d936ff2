import { SupportOpsError } from "@supportops/core";
import type { Issue } from "@supportops/core";

/**
 * The codes a {@link TaxonomyError} carries, one per kind of failure. Match on them (ts-pattern),
 * never on message text.
 *
 * - `invalid_taxonomy`: `createTaxonomy` was given a bad definition.
 * - `invalid_classification`: `tax.validate` refused a classification.
 * - `unknown_code`: `tax.path` / `tax.children` / `tax.node` were asked about a code the taxonomy lacks.
 * - `unresolved`: `tax.resolve` found no node (or several) for a label path.
 * - `invalid_migration`: `tax.migrate` was given a migration that does not fit the classification or the taxonomy.
 * - `invalid_import`: a CSV or Zendesk option list could not be read into a definition.
 * - `invalid_export`: the taxonomy cannot be written in the requested format.
 * - `invalid_audit`: `auditAccuracy` was given pairs or options it cannot use.
 * - `invalid_revision`: `reviseTaxonomy` was given a change that does not fit the taxonomy.
 *
 * @example
 * TAXONOMY_ERROR_CODES.includes("invalid_taxonomy"); // => true
 */
export const TAXONOMY_ERROR_CODES = [
  "invalid_taxonomy",
  "invalid_classification",
  "unknown_code",
  "unresolved",
  "invalid_migration",
  "invalid_import",
  "invalid_export",
  "invalid_audit",
  "invalid_revision",
] as const;

/**
 * One of {@link TAXONOMY_ERROR_CODES}.
 *
 * @example
 * const code: TaxonomyErrorCode = "invalid_taxonomy";
 * TAXONOMY_ERROR_CODES.includes(code); // => true
 */
export type TaxonomyErrorCode = (typeof TAXONOMY_ERROR_CODES)[number];

/**
 * The issue codes this package writes inside a {@link TaxonomyError} (zod's own codes such as
 * `invalid_type` also appear, for malformed input).
 *
 * @example
 * TAXONOMY_ISSUE_CODES.includes("deprecated_code"); // => true
 */
export const TAXONOMY_ISSUE_CODES = [
  // definitions
  "duplicate_code",
  "unknown_parent",
  "conflicting_parent",
  "cycle",
  "too_deep",
  "invalid_limits",
  "separator_in_label",
  "label_too_long",
  "duplicate_label",
  "missing_replacement",
  "unknown_replacement",
  "too_many_options",
  "unknown_closure_code",
  // classifications
  "unknown_code",
  "missing_version",
  "version_mismatch",
  "inconsistent_path",
  "deprecated_code",
  "internal_node",
  "missing_field",
  // resolve
  "empty_path",
  "no_match",
  "ambiguous",
  // imports, exports, audits
  "malformed_csv",
  "malformed_json",
  "invalid_row",
  "label_not_exportable",
  "invalid_option",
  "not_deletable",
  // health warnings
  "other_share",
  "unused_category",
  "too_many_leaves",
  "near_duplicate_labels",
] as const;

/**
 * One of {@link TAXONOMY_ISSUE_CODES}.
 *
 * @example
 * const code: TaxonomyIssueCode = "separator_in_label";
 * TAXONOMY_ISSUE_CODES.includes(code); // => true
 */
export type TaxonomyIssueCode = (typeof TAXONOMY_ISSUE_CODES)[number];

/**
 * The one error class of `@supportops/taxonomy`: a `SupportOpsError` (from `@supportops/core`) whose `code` is one of
 * {@link TAXONOMY_ERROR_CODES} and whose `issues` say what was wrong and where.
 *
 * @example
 * const result = safeCreateTaxonomy({ id: "t", version: "1", nodes: [] });
 * if (!result.success) result.error.code; // => "invalid_taxonomy"
 */
export class TaxonomyError extends SupportOpsError {
  declare readonly code: TaxonomyErrorCode;

  /**
   * @param code - one of {@link TAXONOMY_ERROR_CODES}
   * @param issues - what was wrong; a string is one issue at the root with `code` as its code
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(code: TaxonomyErrorCode, issues: ReadonlyArray<Issue> | string, options?: ErrorOptions) {
    super(code, issues, options);
    this.name = "TaxonomyError";
  }
}
