import type { Taxonomy } from "./Taxonomy.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { createTaxonomy } from "./createTaxonomy.js";

/**
 * Reads a taxonomy from JSON text (what `JSON.stringify(tax)` writes) and compiles it.
 *
 * @param text - JSON of a {@link TaxonomyDefinition}
 * @returns the compiled taxonomy
 * @throws {@link TaxonomyError} `invalid_import` when the text is not JSON; `invalid_taxonomy` when the definition is bad
 * @example
 * parseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}').version; // => "1"
 */
export function parseTaxonomyJson(text: string): Taxonomy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TaxonomyError("invalid_import", [{ code: "malformed_json", path: [], message: `not JSON: ${(error as Error).message}` }], { cause: error });
  }
  // Unchecked until here: createTaxonomy runs the schema and every rule on it.
  return createTaxonomy(value as TaxonomyDefinition);
}
