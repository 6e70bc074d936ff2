import type { Issue } from "@supportops/core";
import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { assertTaxonomy, parseArgument } from "./internal/arguments.js";
import type { ZendeskOption } from "./taxonomyFromZendeskOptions.js";

const ZendeskExportOptionsSchema = z.strictObject({ includeDeprecated: z.boolean().optional() });

/**
 * Writes the selectable nodes of a taxonomy as a Zendesk-style nested option list: `name` is the label
 * path joined by `::`, `value` is the code. Deprecated nodes are left out unless asked for (Zendesk
 * keeps deactivated options for old tickets).
 *
 * @param taxonomy - the taxonomy
 * @param options - `includeDeprecated` adds deprecated leaves
 * @returns options in depth-first order
 * @throws {@link TaxonomyError} `invalid_export` when a label contains `::` (possible when the taxonomy
 *   uses another separator); `invalid_argument` when `taxonomy` is not one or `options` is not
 *   `{ includeDeprecated? }` (the path names the parameter)
 * @example
 * const tax = createTaxonomy({ id: "s", version: "1", nodes: [
 *   { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }] });
 * taxonomyToZendeskOptions(tax); // => [{ name: "Billing::Refund", value: "billing.refund" }]
 */
export function taxonomyToZendeskOptions(taxonomy: Taxonomy, options?: { readonly includeDeprecated?: boolean | undefined }): ZendeskOption[] {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  const { includeDeprecated = false } = options === undefined ? {} : parseArgument(ZendeskExportOptionsSchema, options, ["options"]);
  const issues: Issue<TaxonomyIssueCode>[] = [];
  const out: ZendeskOption[] = [];
  const labelsOf = new Map<string, ReadonlyArray<string>>();
  for (const node of taxonomy.nodes) {
    // Depth-first: the parent's labels are known before its children's.
    const labels = [...(node.parent === null ? [] : (labelsOf.get(node.parent) ?? [])), node.label];
    labelsOf.set(node.code, labels);
    const wanted = node.selectable || (includeDeprecated && node.deprecated !== null && node.isLeaf);
    if (!wanted) continue;
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
