import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import { TaxonomyChangeSchema } from "./TaxonomyChange.js";
import type { TaxonomyChange } from "./TaxonomyChange.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { Revision } from "./internal/Revision.js";
import { assertTaxonomy, isRecord, parseArgument, requireString, wrongType } from "./internal/arguments.js";
import { checkNesting } from "./internal/checkNesting.js";

/**
 * Applies lifecycle changes to a taxonomy and returns the next version's definition, for
 * `createTaxonomy` (which checks every rule) and then `diffTaxonomies` / `migrate`. Changes apply in
 * order; deprecations record `since: version`.
 *
 * @param taxonomy - the current version
 * @param version - the new version's name
 * @param changes - renames, moves, additions, merges, splits, deprecations and deletions
 * @returns the new definition (nested form)
 * @throws {@link TaxonomyError} `invalid_revision` for a malformed change, or one that names an unknown
 *   code, adds an existing code, moves a node under itself, deletes an active node or one with
 *   children, or nests nodes deeper than `MAX_TAXONOMY_DEPTH` (32) levels (issue `too_deep`; issue
 *   paths start at the change's index); `invalid_argument` when `taxonomy`, `version` or `changes`
 *   has the wrong type (the path names it)
 * @example
 * const v1 = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "Acess" }, { code: "b", label: "B" }] });
 * const v2 = createTaxonomy(reviseTaxonomy(v1, "2", [
 *   { op: "rename", code: "a", label: "Access" },
 *   { op: "merge", from: ["b"], into: "a" },
 * ]));
 * v2.node("a")?.aliases; // => ["Acess"]
 * v2.migrate({ code: "b", version: "1" }, diffTaxonomies(v1, v2)).kind; // => "remapped"
 */
export function reviseTaxonomy(taxonomy: Taxonomy, version: string, changes: ReadonlyArray<TaxonomyChange>): TaxonomyDefinition {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  const nextVersion = requireString(version, ["version"], "the new version's name (a string)");
  if (!Array.isArray(changes)) throw wrongType(["changes"], "an array of changes", changes);
  // Before the recursive node schema sees the nodes that `add` changes carry.
  const added = changes.flatMap((change: unknown, i) => (isRecord(change) && change["op"] === "add" ? [{ node: change["node"], path: [i, "node"] }] : []));
  const tooDeep = checkNesting(changes, added);
  if (tooDeep !== undefined) throw new TaxonomyError("invalid_revision", [tooDeep]);
  const parsed = parseArgument(z.array(TaxonomyChangeSchema), changes, [], "invalid_revision");

  const revision = new Revision(taxonomy.definition, nextVersion);
  parsed.forEach((change, i) => revision.apply(change, i));
  if (revision.issues.length === 0) revision.checkLevels();
  if (revision.issues.length > 0) throw new TaxonomyError("invalid_revision", revision.issues);
  return revision.build();
}
