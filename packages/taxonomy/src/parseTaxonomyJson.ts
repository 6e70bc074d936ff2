import { safely } from "@supportops/core";
import type { SafeResult } from "@supportops/core";
import type { Taxonomy } from "./Taxonomy.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { requireString } from "./internal/arguments.js";
import { createTaxonomy } from "./createTaxonomy.js";

/**
 * Reads a taxonomy from JSON text (what `JSON.stringify(tax)` writes) and compiles it.
 *
 * @param text - JSON of a {@link TaxonomyDefinition}
 * @returns the compiled taxonomy
 * @throws {@link TaxonomyError} `invalid_import` when the text is not JSON; `invalid_taxonomy` when the
 *   definition is bad; `invalid_argument` when `text` is not a string
 * @example
 * parseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}').version; // => "1"
 */
export function parseTaxonomyJson(text: string): Taxonomy {
  const json = requireString(text, ["text"], "JSON text (a string)");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TaxonomyError("invalid_import", [{ code: "malformed_json", path: [], message: `not JSON: ${reason}` }], { cause: error });
  }
  // Unchecked until here on purpose: createTaxonomy parses the value before it trusts any of it.
  return createTaxonomy(value as TaxonomyDefinition);
}

/**
 * {@link parseTaxonomyJson} for values of any type: returns `{ success, data }` or
 * `{ success: false, error }` instead of throwing.
 *
 * @param text - JSON text, or a value of any other type (refused with `invalid_argument`)
 * @returns the compiled taxonomy, or the {@link TaxonomyError} `parseTaxonomyJson` would throw
 * @example
 * const result = safeParseTaxonomyJson("{nodes:");
 * if (!result.success) result.error.code; // => "invalid_import"
 * safeParseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}').success; // => true
 */
export function safeParseTaxonomyJson(text: unknown): SafeResult<Taxonomy, TaxonomyError> {
  return safely(TaxonomyError, () => parseTaxonomyJson(text as string));
}
