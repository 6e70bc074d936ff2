import Papa from "papaparse";
import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import type { TaxonomyNodeDefinition } from "./TaxonomyDefinition.js";
import { assertTaxonomy, parseArgument } from "./internal/arguments.js";
import { FORMULA_CELL } from "./internal/formula.js";

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

const CsvExportOptionsSchema = z.strictObject({ formulaEscape: z.boolean().optional() });

/**
 * Options of {@link taxonomyToCsv}.
 *
 * @example
 * const options: CsvExportOptions = { formulaEscape: false }; // only for a consumer that is not a spreadsheet
 */
export interface CsvExportOptions {
  /**
   * Neutralise cells a spreadsheet would run as a formula (default `true`): a cell starting with `=`,
   * `+`, `-`, `@`, a tab or a carriage return (or with quotes followed by one) is written with a
   * leading `'` and quoted. `taxonomyFromCsv` removes that quote again. `false` writes every cell as it is.
   */
  readonly formulaEscape?: boolean | undefined;
}

/**
 * Writes a taxonomy as RFC 4180 CSV with one column per level (`level_1`, `level_2`, …) and one row per
 * node, depth-first: a node's row fills the level columns down to its own label. Extra columns carry
 * the code, aliases and replacements (one per line inside the quoted cell), the "other" flag, the
 * deprecation reason, the description, the node's own required fields (one per line) and its own
 * `allowInternal` flag (`true` or `false` when the definition sets it). `taxonomyFromCsv` reads it
 * back; closure codes, rules, settings and deprecation `since` versions are not in the CSV (see
 * docs/taxonomy.md, "What the CSV round trip keeps").
 *
 * Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) are written with a leading `'`, which spreadsheets show as text (OWASP's
 * defence against CSV injection); `{ formulaEscape: false }` turns that off.
 *
 * @param taxonomy - the taxonomy
 * @param options - `formulaEscape` (default `true`)
 * @returns CSV text with CRLF line ends
 * @throws {@link TaxonomyError} `invalid_argument` when `taxonomy` is not one or `options` is not `{ formulaEscape? }`
 * @example
 * const tax = createTaxonomy({ id: "s", version: "1", nodes: [
 *   { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund, full" }] }] });
 * taxonomyToCsv(tax).split("\r\n")[2]; // => 'Billing,"Refund, full",billing.refund,,,,,,,'
 * const hostile = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "x", label: "=HYPERLINK(\"https://evil.example\")" }] });
 * taxonomyToCsv(hostile).split("\r\n")[1]; // => '"\'=HYPERLINK(""https://evil.example"")",x,,,,,,,'
 */
export function taxonomyToCsv(taxonomy: Taxonomy, options?: CsvExportOptions): string {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  const { formulaEscape = true } = options === undefined ? {} : parseArgument(CsvExportOptionsSchema, options, ["options"]);
  const depth = taxonomy.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const levels = Array.from({ length: depth }, (_, i) => `level_${i + 1}`);
  const own = ownDefinitions(taxonomy.definition.nodes);
  const labelsOf = new Map<string, ReadonlyArray<string>>();
  const rows = taxonomy.nodes.map((node) => {
    // Depth-first: the parent's labels are known before its children's.
    const labels = [...(node.parent === null ? [] : (labelsOf.get(node.parent) ?? [])), node.label];
    labelsOf.set(node.code, labels);
    const allowInternal = own.get(node.code)?.allowInternal;
    return [
      ...levels.map((_, i) => labels[i] ?? ""),
      node.code,
      node.aliases.join("\n"),
      node.other ? "true" : "",
      node.deprecated?.replacedBy.join("\n") ?? "",
      node.deprecated?.reason ?? "",
      node.description ?? "",
      (own.get(node.code)?.requires ?? []).join("\n"),
      allowInternal === undefined ? "" : String(allowInternal),
    ];
  });
  // papaparse prefixes the quote and quotes the cell. Its own default pattern (`/^[=+\-@\t\r].*$/`)
  // misses a multi-line cell such as "=HYPERLINK(…)\nRefunds", since `.` stops at the line break.
  return Papa.unparse(
    { fields: [...levels, ...CSV_EXTRA_COLUMNS], data: rows },
    { newline: "\r\n", quotes: false, ...(formulaEscape ? { escapeFormulae: FORMULA_CELL } : {}) },
  );
}

/** Each node's own definition by code (compiled nodes carry inherited settings), walked with a stack. */
function ownDefinitions(roots: ReadonlyArray<TaxonomyNodeDefinition>): ReadonlyMap<string, TaxonomyNodeDefinition> {
  const own = new Map<string, TaxonomyNodeDefinition>();
  const pending = [...roots];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    own.set(node.code, node);
    pending.push(...(node.children ?? []));
  }
  return own;
}
