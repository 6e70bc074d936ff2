import Papa from "papaparse";
import { safely } from "@supportops/core";
import type { Issue, SafeResult } from "@supportops/core";
import { z } from "zod";
import { MAX_TAXONOMY_DEPTH } from "./TaxonomyDefinition.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { ImportSettingsSchema } from "./taxonomyFromZendeskOptions.js";
import type { ImportSettings } from "./taxonomyFromZendeskOptions.js";
import { parseArgument, requireString } from "./internal/arguments.js";
import { unescapeFormula } from "./internal/formula.js";
import { normalizeLabel } from "./internal/normalize.js";
import { TreeBuilder } from "./internal/treeBuilder.js";

const CsvImportOptionsSchema = ImportSettingsSchema.extend({ levelColumns: z.array(z.string()).optional(), formulaEscape: z.boolean().optional() });

/**
 * Options of {@link taxonomyFromCsv}: the definition settings plus which columns hold what.
 *
 * @example
 * const options: CsvImportOptions = { id: "support", version: "1", levelColumns: ["Category", "Subcategory"] };
 */
export interface CsvImportOptions extends ImportSettings {
  /**
   * Header names of the level columns, top level first; at most `MAX_TAXONOMY_DEPTH` (32). Default:
   * headers like `level_1`, `Level 2`, in header order.
   */
  readonly levelColumns?: ReadonlyArray<string> | undefined;
  /**
   * Undo the formula escaping `taxonomyToCsv` writes (default `true`): one leading `'` is removed from
   * a cell that starts with quotes followed by `=`, `+`, `-`, `@`, a tab or a carriage return
   * (`'=x` reads as `=x`; `'x` stays as it is). `false` reads every cell as it is.
   */
  readonly formulaEscape?: boolean | undefined;
}

/**
 * Reads a CSV with one column per level into a taxonomy definition (RFC 4180: quoted fields, embedded
 * commas, quotes and line breaks, parsed by papaparse). Each row names a node by its labels from the
 * top level down; levels not listed on their own row are created on first sight. Optional columns
 * `code` (derived from the label path when empty), `aliases` and `replaced_by` (one per line),
 * `other` (`true`/`yes`/`1`), `allow_internal` (`true`/`yes`/`1` or `false`/`no`/`0`),
 * `deprecated_reason`, `description` and `requires` (one field per line) — the layout
 * {@link taxonomyToCsv} writes. Cells are trimmed, after the formula escaping `taxonomyToCsv` writes
 * is undone (see `formulaEscape`).
 *
 * @param text - the CSV, header row first
 * @param options - `id`, `version`, other definition settings, `levelColumns` if the headers are not `level_N`, and `formulaEscape`
 * @returns a definition for `createTaxonomy`
 * @throws {@link TaxonomyError} `invalid_import` for malformed CSV, missing level columns or more than
 *   `MAX_TAXONOMY_DEPTH` (32) of them (issue `too_deep`), a row with a gap between levels, no label, or
 *   the same path twice; `invalid_argument` when `text` is not a string or `options` is not valid
 *   settings (paths start with `options`)
 * @example
 * const def = taxonomyFromCsv('Category,Subcategory\r\nBilling,"Refund, full"\r\n', {
 *   id: "s", version: "1", levelColumns: ["Category", "Subcategory"] });
 * def.nodes; // => [{ code: "billing", label: "Billing", children: [{ code: "billing__refund_full", label: "Refund, full" }] }]
 * taxonomyFromCsv("level_1\r\n\"'=Total\"\r\n", { id: "s", version: "1" }).nodes[0].label; // => "=Total"
 */
export function taxonomyFromCsv(text: string, options: CsvImportOptions): TaxonomyDefinition {
  // Checked before papaparse sees it: given anything but a string, papaparse would try to read a file.
  const csv = requireString(text, ["text"], "CSV text (a string)");
  const { levelColumns, formulaEscape = true, ...settings } = parseArgument(CsvImportOptionsSchema, options, ["options"]);
  const [header, ...rows] = parseCsv(csv, formulaEscape);
  const columns = findColumns(header, levelColumns);
  const issues: Issue<TaxonomyIssueCode>[] = [];
  const tree = new TreeBuilder();
  const seen = new Set<string>();
  rows.forEach((row, r) => readRow(row, r, columns, tree, seen, issues));
  if (issues.length > 0) throw new TaxonomyError("invalid_import", issues);
  return { ...settings, nodes: tree.build() };
}

/** The rows of the CSV, cells unescaped (when asked) and trimmed; `invalid_import` for malformed CSV or none at all. */
function parseCsv(csv: string, formulaEscape: boolean): [ReadonlyArray<string>, ...Array<ReadonlyArray<string>>] {
  const parsed = Papa.parse<string[]>(csv, { header: false, delimiter: ",", skipEmptyLines: "greedy" });
  if (parsed.errors.length > 0) {
    throw new TaxonomyError(
      "invalid_import",
      parsed.errors.map((e) => ({
        code: "malformed_csv",
        path: e.row === undefined ? [] : ["rows", e.row],
        message: `CSV ${e.row === undefined ? "" : `row ${e.row + 1}: `}${e.message}`,
      })),
    );
  }
  const [header, ...rows] = parsed.data.map((row) => row.map((cell) => (formulaEscape ? unescapeFormula(cell) : cell).trim()));
  if (header === undefined) throw new TaxonomyError("invalid_import", [{ code: "malformed_csv", path: [], message: "the CSV is empty; it needs a header row" }]);
  return [header, ...rows];
}

/** Where each column is: the level columns in order, and the optional extra columns (-1 when absent). */
interface Columns {
  readonly levels: ReadonlyArray<number>;
  readonly code: number;
  readonly aliases: number;
  readonly other: number;
  readonly replacedBy: number;
  readonly reason: number;
  readonly description: number;
  readonly requires: number;
  readonly allowInternal: number;
}

/** Finds the columns by header name (normalised like labels); `invalid_import` for missing level columns or too many. */
function findColumns(header: ReadonlyArray<string>, levelColumns: ReadonlyArray<string> | undefined): Columns {
  // Each header is normalised once; the first of equal headers wins.
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeLabel(h);
    if (!byName.has(key)) byName.set(key, i);
  });
  const find = (name: string): number => byName.get(normalizeLabel(name)) ?? -1;
  const levels = levelColumns === undefined ? header.flatMap((h, i) => (/^level[\s_-]*\d+$/iu.test(h) ? [i] : [])) : levelColumns.map(find);
  const refuse = (code: "malformed_csv" | "too_deep", message: string): never => {
    throw new TaxonomyError("invalid_import", [{ code, path: ["header"], message }]);
  };
  if (levels.length > MAX_TAXONOMY_DEPTH) {
    refuse("too_deep", `the CSV has ${levels.length} level columns; a taxonomy has at most ${MAX_TAXONOMY_DEPTH} levels, so remove the empty ones`);
  }
  const missing = (levelColumns ?? []).filter((_, i) => levels[i] === -1);
  if (missing.length > 0) {
    const shown = header.slice(0, 20).map((h) => JSON.stringify(h)).join(", ") + (header.length > 20 ? ", …" : "");
    refuse("malformed_csv", `level column(s) ${missing.map((m) => JSON.stringify(m)).join(", ")} are not in the header (${shown})`);
  }
  if (levels.length === 0) refuse("malformed_csv", "no level columns in the header; name them level_1, level_2, … or pass levelColumns");
  return {
    levels,
    code: find("code"),
    aliases: find("aliases"),
    other: find("other"),
    replacedBy: find("replaced_by"),
    reason: find("deprecated_reason"),
    description: find("description"),
    requires: find("requires"),
    allowInternal: find("allow_internal"),
  };
}

const YES = /^(?:true|yes|1)$/iu;
const NO = /^(?:false|no|0)$/iu;

/** Reads data row `r` into the tree, or adds an `invalid_row` issue. */
function readRow(row: ReadonlyArray<string>, r: number, columns: Columns, tree: TreeBuilder, seen: Set<string>, issues: Issue<TaxonomyIssueCode>[]): void {
  const at = ["rows", r + 1];
  const cell = (i: number): string => (i === -1 ? "" : (row[i] ?? ""));
  const lines = (value: string): string[] => value.split(/\r?\n/u).map((s) => s.trim()).filter((s) => s !== "");
  const cells = columns.levels.map(cell);
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
  const code = cell(columns.code);
  if (code !== "") node.code = code;
  const aliases = lines(cell(columns.aliases));
  if (aliases.length > 0) node.extra.aliases = aliases;
  if (YES.test(cell(columns.other))) node.extra.other = true;
  const requires = lines(cell(columns.requires));
  if (requires.length > 0) node.extra.requires = requires;
  const allowInternal = cell(columns.allowInternal);
  if (YES.test(allowInternal)) node.extra.allowInternal = true;
  else if (NO.test(allowInternal)) node.extra.allowInternal = false;
  const description = cell(columns.description);
  if (description !== "") node.extra.description = description;
  const replacedBy = lines(cell(columns.replacedBy));
  const reason = cell(columns.reason);
  if (replacedBy.length > 0 || reason !== "") {
    node.extra.deprecated = { ...(replacedBy.length > 0 ? { replacedBy } : {}), ...(reason !== "" ? { reason } : {}) };
  }
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
