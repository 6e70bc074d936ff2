import type { Issue } from "@supportops/core";
import type { Taxonomy } from "./Taxonomy.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { ZendeskOption } from "./taxonomyFromZendeskOptions.js";

/**
 * Writes the selectable nodes of a taxonomy as a Zendesk-style nested option list: `name` is the label
 * path joined by `::`, `value` is the code. Deprecated nodes are left out unless asked for (Zendesk
 * keeps deactivated options for old tickets).
 *
 * @param taxonomy - the taxonomy
 * @param options - `includeDeprecated` adds deprecated leaves
 * @returns options in depth-first order
 * @throws {@link TaxonomyError} `invalid_export` when a label contains `::` (possible when the taxonomy uses another separator)
 * @example
 * const tax = createTaxonomy({ id: "s", version: "1", nodes: [
 *   { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }] });
 * taxonomyToZendeskOptions(tax); // => [{ name: "Billing::Refund", value: "billing.refund" }]
 */
export function taxonomyToZendeskOptions(
  taxonomy: Taxonomy,
  options: { readonly includeDeprecated?: boolean } = {},
): ZendeskOption[] {
  const issues: Issue[] = [];
  const out: ZendeskOption[] = [];
  for (const node of taxonomy.nodes) {
    const wanted = node.selectable || (options.includeDeprecated === true && node.deprecated !== null && node.isLeaf);
    if (!wanted) continue;
    const labels = node.path.map((c) => taxonomy.node(c)!.label);
    const bad = labels.find((l) => l.includes("::"));
    if (bad !== undefined) {
      issues.push({ code: "label_not_exportable", path: [node.code], message: `label ${JSON.stringify(bad)} contains "::", which Zendesk reads as nesting; rename it before exporting` });
      continue;
    }
    out.push({ name: labels.join("::"), value: node.code });
  }
  if (issues.length > 0) throw new TaxonomyError("invalid_export", issues);
  return out;
}
