import type { Taxonomy, TaxonomyMigration } from "./Taxonomy.js";
import { assertTaxonomy } from "./internal/arguments.js";

/**
 * What changed between two versions of a taxonomy, matched by code (codes are stable, T1).
 *
 * @example
 * // v2 = v1 with billing.other merged into billing.refund
 * const diff: TaxonomyDiff = diffTaxonomies(v1, v2);
 * diff.merged;     // => [{ into: "billing.refund", from: ["billing.other"] }]
 * diff.deprecated; // => [{ code: "billing.other", replacedBy: ["billing.refund"] }]
 */
export interface TaxonomyDiff extends TaxonomyMigration {
  /** Codes only in the new version, depth-first. */
  readonly added: ReadonlyArray<string>;
  /** Codes only in the old version (deleted outright rather than deprecated). */
  readonly removed: ReadonlyArray<string>;
  /** Same code, new label. */
  readonly renamed: ReadonlyArray<{ readonly code: string; readonly from: string; readonly to: string }>;
  /** Same code, new parent (`null` = top level). */
  readonly moved: ReadonlyArray<{
    readonly code: string;
    readonly fromParent: string | null;
    readonly toParent: string | null;
  }>;
  /**
   * Active in the old version, deprecated in the new one (including merges and splits); `replacedBy`
   * holds the active codes the node ends up replaced by (chains through deprecated nodes followed).
   */
  readonly deprecated: ReadonlyArray<{
    readonly code: string;
    readonly replacedBy: ReadonlyArray<string>;
    readonly reason?: string;
  }>;
  /** Newly deprecated nodes grouped by their single replacement: `from` nodes were merged `into` one. */
  readonly merged: ReadonlyArray<{ readonly into: string; readonly from: ReadonlyArray<string> }>;
  /** Newly deprecated nodes with several replacements: they cannot be re-mapped automatically. */
  readonly split: ReadonlyArray<{ readonly from: string; readonly into: ReadonlyArray<string> }>;
  /** Deprecated in the old version, active again in the new one. */
  readonly reactivated: ReadonlyArray<string>;
}

/**
 * Compares two versions of a taxonomy by code and lists what was added, removed, renamed, moved,
 * deprecated, merged, split and reactivated. The result is also a {@link TaxonomyMigration} from the
 * old version to the new one, for `newTax.migrate(classification, diff)`.
 *
 * @param oldTaxonomy - the earlier version
 * @param newTaxonomy - the later version
 * @returns the differences, in each taxonomy's depth-first order
 * @throws {@link TaxonomyError} `invalid_argument` when either is not a taxonomy (path `oldTaxonomy` or `newTaxonomy`)
 * @example
 * const v1 = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }, { code: "b", label: "B" }] });
 * const v2 = createTaxonomy({ id: "s", version: "2", nodes: [
 *   { code: "a", label: "Accounts" }, { code: "b", label: "B", deprecated: { replacedBy: ["a"] } }] });
 * diffTaxonomies(v1, v2).renamed; // => [{ code: "a", from: "A", to: "Accounts" }]
 * diffTaxonomies(v1, v2).merged; // => [{ into: "a", from: ["b"] }]
 */
export function diffTaxonomies(oldTaxonomy: Taxonomy, newTaxonomy: Taxonomy): TaxonomyDiff {
  assertTaxonomy(oldTaxonomy, ["oldTaxonomy"]);
  assertTaxonomy(newTaxonomy, ["newTaxonomy"]);
  const added = newTaxonomy.nodes.filter((n) => !oldTaxonomy.has(n.code)).map((n) => n.code);
  const removed = oldTaxonomy.nodes.filter((n) => !newTaxonomy.has(n.code)).map((n) => n.code);
  const renamed: Array<TaxonomyDiff["renamed"][number]> = [];
  const moved: Array<TaxonomyDiff["moved"][number]> = [];
  const deprecated: Array<TaxonomyDiff["deprecated"][number]> = [];
  const reactivated: string[] = [];
  for (const after of newTaxonomy.nodes) {
    const before = oldTaxonomy.node(after.code);
    if (before === undefined) continue;
    if (before.label !== after.label) renamed.push({ code: after.code, from: before.label, to: after.label });
    if (before.parent !== after.parent) moved.push({ code: after.code, fromParent: before.parent, toParent: after.parent });
    if (before.deprecated === null && after.deprecated !== null) {
      deprecated.push({
        code: after.code,
        replacedBy: after.replacements,
        ...(after.deprecated.reason !== undefined ? { reason: after.deprecated.reason } : {}),
      });
    }
    if (before.deprecated !== null && after.deprecated === null) reactivated.push(after.code);
  }
  const mergedInto = new Map<string, string[]>();
  const split: Array<TaxonomyDiff["split"][number]> = [];
  for (const d of deprecated) {
    const [into, ...more] = d.replacedBy;
    if (into === undefined) continue;
    if (more.length > 0) split.push({ from: d.code, into: d.replacedBy });
    else {
      const from = mergedInto.get(into);
      if (from === undefined) mergedInto.set(into, [d.code]);
      else from.push(d.code);
    }
  }
  return {
    fromVersion: oldTaxonomy.version,
    toVersion: newTaxonomy.version,
    added,
    removed,
    renamed,
    moved,
    deprecated,
    merged: [...mergedInto].map(([into, from]) => ({ into, from })),
    split,
    reactivated,
  };
}
