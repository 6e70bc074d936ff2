import { describeValue, safely } from "@supportops/core";
import type { Issue, SafeResult } from "@supportops/core";
import { z } from "zod";
import { MAX_TAXONOMY_DEPTH, TaxonomyDefinitionSchema } from "./TaxonomyDefinition.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { parseArgument, wrongType } from "./internal/arguments.js";
import { normalizeLabel } from "./internal/normalize.js";
import { TreeBuilder } from "./internal/treeBuilder.js";

/**
 * A Zendesk drop-down option: `name` is the nested title (`"Billing::Refund"`), `value` its tag.
 *
 * @example
 * const option: ZendeskOption = { name: "Billing::Refund", value: "billing_refund" };
 */
export interface ZendeskOption {
  /** The title; `::` nests it (Zendesk's nested drop-down convention). */
  readonly name: string;
  /** The tag Zendesk stores on tickets and rules use; becomes the node's code. */
  readonly value: string;
}

/**
 * The definition settings an import cannot infer: everything but `nodes`.
 *
 * @example
 * const settings: ImportSettings = { id: "support", version: "1", maxDepth: 3 };
 */
export type ImportSettings = Omit<TaxonomyDefinition, "nodes">;

/** The schema of {@link ImportSettings}: the definition's schema without `nodes`. */
export const ImportSettingsSchema = TaxonomyDefinitionSchema.omit({ nodes: true });

// Not strict: option objects exported from Zendesk carry more keys (id, raw_name, default, …).
const ZendeskOptionsSchema = z.array(
  z.union([z.string(), z.object({ name: z.string(), value: z.string() })], {
    error: (issue) => `expected a title ("Parent::Child") or an option { name, value }, got ${describeValue(issue.input)}`,
  }),
);

const ZENDESK_SEPARATOR = "::";

/**
 * Reads a Zendesk-style nested option list into a taxonomy definition. Each option's `name` is split on
 * `::` into levels; its `value` (the tag) becomes the code of the deepest level. Levels that are only
 * menu groupings get a code derived from their label path (`"Billing"` → `billing`, `"Billing::Refund"`
 * → `billing__refund`). Bare strings are titles whose code is derived the same way.
 *
 * @param options - option objects or bare titles, in menu order
 * @param settings - `id`, `version` and any other definition settings (the separator defaults to `::`)
 * @returns a definition for `createTaxonomy`
 * @throws {@link TaxonomyError} `invalid_import` for an option that is neither a title nor `{ name, value }`,
 *   an empty level, more than `MAX_TAXONOMY_DEPTH` (32) levels (issue `too_deep`) or a repeated title; `invalid_argument` when `options` is not an array or `settings`
 *   are not valid (paths start with `settings`)
 * @example
 * const def = taxonomyFromZendeskOptions(
 *   [{ name: "Billing::Refund", value: "billing_refund" }, { name: "Billing::Invoices", value: "billing_invoices" }],
 *   { id: "support", version: "1" },
 * );
 * def.nodes[0].code; // => "billing"
 * def.nodes[0].children?.map((c) => c.code); // => ["billing_refund", "billing_invoices"]
 */
export function taxonomyFromZendeskOptions(
  options: ReadonlyArray<string | ZendeskOption>,
  settings: ImportSettings,
): TaxonomyDefinition {
  if (!Array.isArray(options)) throw wrongType(["options"], "an array of option titles or { name, value } options", options);
  const list = parseArgument(ZendeskOptionsSchema, options, [], "invalid_import");
  const checkedSettings = parseArgument(ImportSettingsSchema, settings, ["settings"]);
  const issues: Issue<TaxonomyIssueCode>[] = [];
  const tree = new TreeBuilder();
  const seen = new Set<string>();
  list.forEach((option, i) => {
    const name = typeof option === "string" ? option : option.name;
    const where = typeof option === "string" ? [i] : [i, "name"];
    const [first, ...rest] = name.split(ZENDESK_SEPARATOR).map((s) => s.trim());
    const labels = [first ?? "", ...rest] as const;
    if (labels.length > MAX_TAXONOMY_DEPTH) {
      issues.push({
        code: "too_deep",
        path: where,
        message: `option ${i} title nests ${labels.length} levels; a taxonomy has at most ${MAX_TAXONOMY_DEPTH} levels, so shorten it`,
      });
      return;
    }
    if (labels.some((l) => l === "")) {
      issues.push({ code: "invalid_row", path: where, message: `option ${i} title ${JSON.stringify(name)} has an empty level; write titles as "Parent::Child"` });
      return;
    }
    const key = labels.map(normalizeLabel).join("\u0000");
    if (seen.has(key)) {
      issues.push({ code: "invalid_row", path: where, message: `option ${i} title ${JSON.stringify(name)} repeats an earlier option; titles must be unique` });
      return;
    }
    seen.add(key);
    const node = tree.at(labels);
    if (typeof option !== "string") node.code = option.value;
  });
  if (issues.length > 0) throw new TaxonomyError("invalid_import", issues);
  return { separator: ZENDESK_SEPARATOR, ...checkedSettings, nodes: tree.build() };
}

/**
 * {@link taxonomyFromZendeskOptions} for values of any type (JSON from Zendesk's API, a request body):
 * returns `{ success, data }` or `{ success: false, error }` instead of throwing.
 *
 * @param options - the option list, of any type
 * @param settings - the settings, of any type
 * @returns the definition, or the {@link TaxonomyError} `taxonomyFromZendeskOptions` would throw
 * @example
 * safeTaxonomyFromZendeskOptions([{ name: "Billing", value: "billing" }], { id: "s", version: "1" }).success; // => true
 * const result = safeTaxonomyFromZendeskOptions([{ title: "Billing" }], { id: "s", version: "1" });
 * if (!result.success) result.error.code; // => "invalid_import"
 */
export function safeTaxonomyFromZendeskOptions(
  options: ReadonlyArray<string | ZendeskOption>,
  settings: ImportSettings,
): SafeResult<TaxonomyDefinition, TaxonomyError>;
export function safeTaxonomyFromZendeskOptions(options: unknown, settings: unknown): SafeResult<TaxonomyDefinition, TaxonomyError>;
export function safeTaxonomyFromZendeskOptions(options: unknown, settings: unknown): SafeResult<TaxonomyDefinition, TaxonomyError> {
  // Unchecked until here on purpose: taxonomyFromZendeskOptions checks both arguments before it trusts them.
  return safely(TaxonomyError, () => taxonomyFromZendeskOptions(options as ReadonlyArray<string | ZendeskOption>, settings as ImportSettings));
}
