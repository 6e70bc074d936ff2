import Papa from "papaparse";
import { safely } from "@supportops/core";
import type { Issue, SafeResult } from "@supportops/core";
import { z } from "zod";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { ImportSettingsSchema } from "./taxonomyFromZendeskOptions.js";
import type { ImportSettings } from "./taxonomyFromZendeskOptions.js";
import { parseArgument, requireString } from "./internal/arguments.js";
import { normalizeLabel } from "./internal/normalize.js";
import { TreeBuilder } from "./internal/treeBuilder.js";

const CsvImportOptionsSchema = ImportSettingsSchema.extend({ levelColumns: z.array(z.string()).optional() });

/**
 * Options of {@link taxonomyFromCsv}: the definition settings plus which columns hold what.
 *
 * @example
 * const options: CsvImportOptions = { id: "support", version: "1", levelColumns: ["Category", "Subcategory"] };
 */
export interface CsvImportOptions extends ImportSettings {
  /** Header names of the level columns, top level first. Default: headers like `level_1`, `Level 2`, in header order. */
  readonly levelColumns?: ReadonlyArray<string> | undefined;
}

/**
 * Reads a CSV with one column per level into a taxonomy definition (RFC 4180: quoted fields, embedded
 * commas, quotes and line breaks, parsed by papaparse). Each row names a node by its labels from the
 * top level down; levels not listed on their own row are created on first sight. Optional columns
 * `code` (derived from the label path when empty), `aliases` and `replaced_by` (one per line),
 * `other` and `allow_internal` (`true`/`yes`/`1`), `deprecated_reason`, `description` and `requires` (one
 * field per line) — the layout {@link taxonomyToCsv} writes. Cells are trimmed.
 *
 * @param text - the CSV, header row first
 * @param options - `id`, `version`, other definition settings, and `levelColumns` if the headers are not `level_N`
 * @returns a definition for `createTaxonomy`
 * @throws {@link TaxonomyError} `invalid_import` for malformed CSV, missing level columns, a row with a gap
 *   between levels, no label, or the same path twice; `invalid_argument` when `text` is not a string or
 *   `options` is not valid settings (paths start with `options`)
 * @example
 * const def = taxonomyFromCsv('Category,Subcategory\r\nBilling,"Refund, full"\r\n', {
 *   id: "s", version: "1", levelColumns: ["Category", "Subcategory"] });
 * def.nodes; // => [{ code: "billing", label: "Billing", children: [{ code: "billing__refund_full", label: "Refund, full" }] }]
 */
export function taxonomyFromCsv(text: string, options: CsvImportOptions): TaxonomyDefinition {
  // Checked before papaparse sees it: given anything but a string, papaparse would try to read a file.
  const csv = requireString(text, ["text"], "CSV text (a string)");
  const { levelColumns, ...settings } = parseArgument(CsvImportOptionsSchema, options, ["options"]);
  const parsed = Papa.parse<string[]>(csv, { header: false, delimiter: ",", skipEmptyLines: "greedy" });
  const issues: Issue<TaxonomyIssueCode>[] = parsed.errors.map((e) => ({
    code: "malformed_csv",
    path: e.row === undefined ? [] : ["rows", e.row],
    message: `CSV ${e.row === undefined ? "" : `row ${e.row + 1}: `}${e.message}`,
  }));
  if (issues.length > 0) throw new TaxonomyError("invalid_import", issues);
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new TaxonomyError("invalid_import", [{ code: "malformed_csv", path: [], message: "the CSV is empty; it needs a header row" }]);
  const find = (name: string): number => header.findIndex((h) => normalizeLabel(h) === normalizeLabel(name));
  const levelIndexes =
    levelColumns === undefined
      ? header.flatMap((h, i) => (/^level[\s_-]*\d+$/iu.test(h.trim()) ? [i] : []))
      : levelColumns.map((name) => find(name));
  const missing = (levelColumns ?? []).filter((_, i) => levelIndexes[i] === -1);
  if (levelIndexes.length === 0 || missing.length > 0) {
    throw new TaxonomyError("invalid_import", [
      {
        code: "malformed_csv",
        path: ["header"],
        message:
          missing.length > 0
            ? `level column(s) ${missing.map((m) => JSON.stringify(m)).join(", ")} are not in the header (${header.map((h) => JSON.stringify(h)).join(", ")})`
            : `no level columns in the header; name them level_1, level_2, … or pass levelColumns`,
      },
    ]);
  }
  const column = (name: string): number => find(name);
  const col = {
    code: column("code"),
    aliases: column("aliases"),
    other: column("other"),
    replacedBy: column("replaced_by"),
    reason: column("deprecated_reason"),
    description: column("description"),
    requires: column("requires"),
    allowInternal: column("allow_internal"),
  };
  const cell = (row: ReadonlyArray<string>, i: number): string => (i === -1 ? "" : (row[i] ?? "").trim());
  const lines = (value: string): string[] => value.split(/\r?\n/u).map((s) => s.trim()).filter((s) => s !== "");

  const tree = new TreeBuilder();
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    const at = ["rows", r + 1];
    const cells = levelIndexes.map((i) => cell(row, i));
    const depth = cells.findIndex((c) => c === "");
    const [first, ...deeper] = depth === -1 ? cells : cells.slice(0, depth);
    if (first === undefined) {
      issues.push({ code: "invalid_row", path: at, message: `row ${r + 2} has no label in its first level column` });
      return;
    }
    const labels = [first, ...deeper] as const;
    if (cells.slice(labels.length).some((c) => c !== "")) {
      issues.push({ code: "invalid_row", path: at, message: `row ${r + 2} skips a level: a level is empty but a deeper one is filled` });
      return;
    }
    const key = labels.map(normalizeLabel).join("\u0000");
    if (seen.has(key)) {
      issues.push({ code: "invalid_row", path: at, message: `row ${r + 2} repeats the path ${labels.map((l) => JSON.stringify(l)).join(" > ")}` });
      return;
    }
    seen.add(key);
    const node = tree.at(labels);
    const code = cell(row, col.code);
    if (code !== "") node.code = code;
    const aliases = lines(cell(row, col.aliases));
    if (aliases.length > 0) node.extra.aliases = aliases;
    if (/^(true|yes|1)$/iu.test(cell(row, col.other))) node.extra.other = true;
    const requires = lines(cell(row, col.requires));
    if (requires.length > 0) node.extra.requires = requires;
    if (/^(true|yes|1)$/iu.test(cell(row, col.allowInternal))) node.extra.allowInternal = true;
    const description = cell(row, col.description);
    if (description !== "") node.extra.description = description;
    const replacedBy = lines(cell(row, col.replacedBy));
    const reason = cell(row, col.reason);
    if (replacedBy.length > 0 || reason !== "") {
      node.extra.deprecated = { ...(replacedBy.length > 0 ? { replacedBy } : {}), ...(reason !== "" ? { reason } : {}) };
    }
  });
  if (issues.length > 0) throw new TaxonomyError("invalid_import", issues);
  return { ...settings, nodes: tree.build() };
}

/**
 * {@link taxonomyFromCsv} for values of any type (a request body, a cell of a form): returns
 * `{ success, data }` or `{ success: false, error }` instead of throwing.
 *
 * @param text - the CSV, of any type
 * @param options - the settings, of any type
 * @returns the definition, or the {@link TaxonomyError} `taxonomyFromCsv` would throw
 * @example
 * safeTaxonomyFromCsv("level_1\r\nBilling\r\n", { id: "s", version: "1" });
 * // => { success: true, data: { id: "s", version: "1", nodes: [{ code: "billing", label: "Billing" }] } }
 * const result = safeTaxonomyFromCsv({ rows: [] }, { id: "s", version: "1" });
 * if (!result.success) result.error.code; // => "invalid_argument"
 */
export function safeTaxonomyFromCsv(text: string, options: CsvImportOptions): SafeResult<TaxonomyDefinition, TaxonomyError>;
export function safeTaxonomyFromCsv(text: unknown, options: unknown): SafeResult<TaxonomyDefinition, TaxonomyError>;
export function safeTaxonomyFromCsv(text: unknown, options: unknown): SafeResult<TaxonomyDefinition, TaxonomyError> {
  // Unchecked until here on purpose: taxonomyFromCsv checks both arguments before it trusts them.
  return safely(TaxonomyError, () => taxonomyFromCsv(text as string, options as CsvImportOptions));
}
