import Papa from "papaparse";
import type { Taxonomy } from "./Taxonomy.js";
import type { TaxonomyNodeDefinition } from "./TaxonomyDefinition.js";
import { assertTaxonomy } from "./internal/arguments.js";

/**
 * The extra columns {@link taxonomyToCsv} writes after the level columns, and {@link taxonomyFromCsv} reads.
 *
 * @example
 * CSV_EXTRA_COLUMNS[0]; // => "code"
 * taxonomyToCsv(tax).split("\r\n")[0];
 * // => "level_1,level_2,code,aliases,other,replaced_by,deprecated_reason,description,requires,allow_internal"
 */
export const CSV_EXTRA_COLUMNS = [
  "code",
  "aliases",
  "other",
  "replaced_by",
  "deprecated_reason",
  "description",
  "requires",
  "allow_internal",
] as const;

/**
 * Writes a taxonomy as RFC 4180 CSV with one column per level (`level_1`, `level_2`, …) and one row per
 * node, depth-first: a node's row fills the level columns down to its own label. Extra columns carry
 * the code, aliases and replacements (one per line inside the quoted cell), the "other" flag, the
 * deprecation reason, the description, the node's own required fields (one per line) and its own
 * `allowInternal` flag. `taxonomyFromCsv` reads it back; closure codes, rules and settings are not in
 * the CSV (pass them as settings on import).
 *
 * @param taxonomy - the taxonomy
 * @returns CSV text with CRLF line ends
 * @throws {@link TaxonomyError} `invalid_argument` when `taxonomy` is not one
 * @example
 * const tax = createTaxonomy({ id: "s", version: "1", nodes: [
 *   { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund, full" }] }] });
 * taxonomyToCsv(tax).split("\r\n")[2]; // => 'Billing,"Refund, full",billing.refund,,,,,,,'
 */
export function taxonomyToCsv(taxonomy: Taxonomy): string {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  const depth = taxonomy.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const levels = Array.from({ length: depth }, (_, i) => `level_${i + 1}`);
  // The node's own settings, as written (compiled nodes carry inherited ones).
  const own = new Map<string, TaxonomyNodeDefinition>();
  const walk = (nodes: ReadonlyArray<TaxonomyNodeDefinition>): void => {
    for (const node of nodes) {
      own.set(node.code, node);
      walk(node.children ?? []);
    }
  };
  walk(taxonomy.definition.nodes);
  const labelsOf = new Map<string, ReadonlyArray<string>>();
  const rows = taxonomy.nodes.map((node) => {
    // Depth-first: the parent's labels are known before its children's.
    const labels = [...(node.parent === null ? [] : (labelsOf.get(node.parent) ?? [])), node.label];
    labelsOf.set(node.code, labels);
    return [
      ...levels.map((_, i) => labels[i] ?? ""),
      node.code,
      node.aliases.join("\n"),
      node.other ? "true" : "",
      node.deprecated?.replacedBy.join("\n") ?? "",
      node.deprecated?.reason ?? "",
      node.description ?? "",
      (own.get(node.code)?.requires ?? []).join("\n"),
      own.get(node.code)?.allowInternal === true ? "true" : "",
    ];
  });
  return Papa.unparse({ fields: [...levels, ...CSV_EXTRA_COLUMNS], data: rows }, { newline: "\r\n", quotes: false });
}

