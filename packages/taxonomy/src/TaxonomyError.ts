import { SupportOpsError } from "@supportops/core";
import type { ZodIssueCode } from "@supportops/core";

/**
 * The codes a {@link TaxonomyError} carries, one per kind of failure. Match on them, never on message text.
 *
 * - `invalid_taxonomy`: `createTaxonomy` (or `parseTaxonomyJson`) was given a bad definition.
 * - `invalid_classification`: `tax.validate` refused a classification (returned, not thrown).
 * - `invalid_migration`: `tax.migrate` was given a migration that does not fit the classification or the taxonomy.
 * - `invalid_import`: a CSV, JSON text or Zendesk option list could not be read into a definition.
 * - `invalid_export`: the taxonomy cannot be written in the requested format.
 * - `invalid_revision`: `reviseTaxonomy` was given a change that does not fit the taxonomy.
 * - `invalid_argument` (common): an argument is unusable — the wrong type, a missing or malformed
 *   options object, an audit pair that names no node; the issue code inside says which.
 * - `not_found` (common): a lookup matched nothing — `tax.path` / `tax.children` of an unknown code
 *   (issue `unknown_code`), or `tax.resolve` of a label path that names no node or several (issues
 *   `no_match`, `ambiguous`, `empty_path`).
 *
 * @example
 * TAXONOMY_ERROR_CODES.includes("invalid_taxonomy"); // => true
 * TAXONOMY_ERROR_CODES.includes("not_found");        // => true
 */
export const TAXONOMY_ERROR_CODES = [
  "invalid_taxonomy",
  "invalid_classification",
  "invalid_migration",
  "invalid_import",
  "invalid_export",
  "invalid_revision",
  // common codes (`COMMON_ERROR_CODES` in @supportops/core), spelled the same in every package
  "invalid_argument",
  "not_found",
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
 * The issue codes this package writes inside a {@link TaxonomyError}, and in the warnings of
 * `checkTaxonomyHealth`. zod's structural codes (`invalid_type`, `unrecognized_keys`, `invalid_value`,
 * `invalid_union`, …) also appear, for malformed input, and an issue may carry its error's own code.
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
  "too_many_fields",
  "too_many_replacements",
  "unknown_closure_code",
  // classifications (unknown_code also: tax.path / tax.children, audits, revisions, migrations)
  "unknown_code",
  "missing_version",
  "version_mismatch",
  "inconsistent_path",
  "deprecated_code",
  "internal_node",
  "missing_field",
  // resolve (and an empty path in an audit pair)
  "empty_path",
  "no_match",
  "ambiguous",
  // imports, exports, audits, revisions
  "malformed_csv",
  "malformed_json",
  "invalid_row",
  "label_not_exportable",
  "invalid_option",
  "not_deletable",
  // an audit whose confusion matrix would be too large
  "too_many_classes",
  // health warnings
  "other_share",
  "unused_category",
  "too_many_leaves",
  "near_duplicate_labels",
] as const;

/**
 * Any code an issue of a {@link TaxonomyError} (or a health warning) may carry: the error codes, the
 * codes of {@link TAXONOMY_ISSUE_CODES} and zod's structural codes.
 *
 * @example
 * const code: TaxonomyIssueCode = "separator_in_label";
 * const structural: TaxonomyIssueCode = "unrecognized_keys";
 */
export type TaxonomyIssueCode = TaxonomyErrorCode | (typeof TAXONOMY_ISSUE_CODES)[number] | ZodIssueCode;

/**
 * The one error class of `@supportops/taxonomy`: a `SupportOpsError` (from `@supportops/core`) whose
 * `code` is one of {@link TAXONOMY_ERROR_CODES} and whose `issues` say what was wrong and where.
 *
 * @example
 * const result = safeCreateTaxonomy({ id: "t", version: "1", nodes: [] });
 * if (!result.success) {
 *   result.error instanceof TaxonomyError; // => true
 *   result.error.code;                     // => "invalid_taxonomy"
 *   result.error.message;                  // => "nodes: a taxonomy needs at least one node"
 * }
 */
export class TaxonomyError extends SupportOpsError<TaxonomyErrorCode, TaxonomyIssueCode> {
  override readonly name = "TaxonomyError";
}
