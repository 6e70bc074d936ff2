import type { Issue } from "@supportops/core";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
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
 * @throws {@link TaxonomyError} `invalid_import` for an empty title, an empty level or a repeated title
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
  const issues: Issue[] = [];
  const tree = new TreeBuilder();
  const seen = new Set<string>();
  options.forEach((option, i) => {
    const name = typeof option === "string" ? option : option.name;
    const where = typeof option === "string" ? [i] : [i, "name"];
    const labels = name.split(ZENDESK_SEPARATOR).map((s) => s.trim());
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
  return { separator: ZENDESK_SEPARATOR, ...settings, nodes: tree.build() };
}
