import type { Issue } from "@supportops/core";
import type { Taxonomy } from "./Taxonomy.js";
import type { TaxonomyDefinition, TaxonomyNodeDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";

/**
 * One lifecycle change to a taxonomy (research §2.3): codes never change; labels, parents and
 * deprecations do.
 *
 * @example
 * const changes: TaxonomyChange[] = [
 *   { op: "rename", code: "billing", label: "Billing & payments" },
 *   { op: "merge", from: ["billing.other"], into: "billing.refund" },
 * ];
 */
export type TaxonomyChange =
  | {
      /** New label; the old one is kept as an alias unless `keepOldLabel` is false (SKOS altLabel). */
      readonly op: "rename";
      readonly code: string;
      readonly label: string;
      readonly keepOldLabel?: boolean;
    }
  | {
      /** New parent (`null` = top level); the subtree moves with it. */
      readonly op: "move";
      readonly code: string;
      readonly parent: string | null;
    }
  | {
      /** A new node (with any children) under `parent` (`null` = top level), last among its siblings. */
      readonly op: "add";
      readonly parent: string | null;
      readonly node: TaxonomyNodeDefinition;
    }
  | {
      /** Deprecates every `from` node with `replacedBy: [into]`; tickets re-map automatically. */
      readonly op: "merge";
      readonly from: ReadonlyArray<string>;
      readonly into: string;
    }
  | {
      /** Deprecates `code` with several replacements; tickets need review. */
      readonly op: "split";
      readonly code: string;
      readonly into: ReadonlyArray<string>;
    }
  | {
      /** Deprecates `code` with no replacement, saying why. */
      readonly op: "deprecate";
      readonly code: string;
      readonly reason: string;
    }
  | {
      /** Removes a node that is already deprecated and has no children (deactivate first, delete later). */
      readonly op: "delete";
      readonly code: string;
    };

interface Draft {
  node: Omit<TaxonomyNodeDefinition, "children" | "parent">;
  parent: string | null;
}

/**
 * Applies lifecycle changes to a taxonomy and returns the next version's definition, for
 * `createTaxonomy` (which checks every rule) and then `diffTaxonomies` / `migrate`. Changes apply in
 * order; deprecations record `since: version`.
 *
 * @param taxonomy - the current version
 * @param version - the new version's name
 * @param changes - renames, moves, additions, merges, splits, deprecations and deletions
 * @returns the new definition (nested form)
 * @throws {@link TaxonomyError} `invalid_revision` for a change that names an unknown code, adds an
 *   existing code, moves a node under itself, or deletes an active node or one with children
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
  const drafts = new Map<string, Draft>();
  const order: string[] = [];
  const add = (node: TaxonomyNodeDefinition, parent: string | null): void => {
    const { children, parent: _parent, ...rest } = node;
    drafts.set(node.code, { node: rest, parent });
    order.push(node.code);
    for (const child of children ?? []) add(child, node.code);
  };
  const definitionNodes = taxonomy.definition.nodes;
  for (const node of definitionNodes) add(node, null);

  const issues: Issue[] = [];
  const missing = (at: ReadonlyArray<string | number>, code: string): boolean => {
    if (drafts.has(code)) return false;
    issues.push({ code: "unknown_code", path: at, message: `${JSON.stringify(code)} is not a code in the taxonomy at this point` });
    return true;
  };
  const deprecate = (code: string, deprecated: NonNullable<TaxonomyNodeDefinition["deprecated"]>): void => {
    const draft = drafts.get(code)!;
    draft.node = { ...draft.node, deprecated: { ...deprecated, since: version } };
  };
  changes.forEach((change, i) => {
    switch (change.op) {
      case "rename": {
        if (missing([i, "code"], change.code)) return;
        const draft = drafts.get(change.code)!;
        const old = draft.node.label;
        const aliases = [...(draft.node.aliases ?? [])].filter((a) => a !== change.label);
        if (change.keepOldLabel !== false && old !== change.label && !aliases.includes(old)) aliases.push(old);
        const { aliases: _aliases, ...rest } = draft.node;
        draft.node = { ...rest, label: change.label, ...(aliases.length > 0 ? { aliases } : {}) };
        return;
      }
      case "move": {
        if (missing([i, "code"], change.code) || (change.parent !== null && missing([i, "parent"], change.parent))) return;
        for (let c: string | null = change.parent; c !== null; c = drafts.get(c)!.parent) {
          if (c === change.code) {
            issues.push({ code: "cycle", path: [i, "parent"], message: `cannot move ${JSON.stringify(change.code)} under its own subtree (${JSON.stringify(change.parent)})` });
            return;
          }
        }
        drafts.get(change.code)!.parent = change.parent;
        // Last among its new siblings, as a person moving it would expect.
        order.splice(order.indexOf(change.code), 1);
        order.push(change.code);
        return;
      }
      case "add": {
        if (change.parent !== null && missing([i, "parent"], change.parent)) return;
        const codes: string[] = [];
        const collect = (n: TaxonomyNodeDefinition): void => {
          codes.push(n.code);
          (n.children ?? []).forEach(collect);
        };
        collect(change.node);
        const taken = codes.find((c) => drafts.has(c));
        if (taken !== undefined) {
          issues.push({ code: "duplicate_code", path: [i, "node"], message: `code ${JSON.stringify(taken)} already exists; codes are never reused` });
          return;
        }
        add(change.node, change.parent);
        return;
      }
      case "merge": {
        if (missing([i, "into"], change.into)) return;
        change.from.forEach((code, j) => {
          if (!missing([i, "from", j], code)) deprecate(code, { replacedBy: [change.into] });
        });
        return;
      }
      case "split": {
        if (missing([i, "code"], change.code)) return;
        if (change.into.some((code, j) => missing([i, "into", j], code))) return;
        deprecate(change.code, { replacedBy: [...change.into] });
        return;
      }
      case "deprecate": {
        if (missing([i, "code"], change.code)) return;
        deprecate(change.code, { reason: change.reason });
        return;
      }
      case "delete": {
        if (missing([i, "code"], change.code)) return;
        const draft = drafts.get(change.code)!;
        const hasChildren = [...drafts.values()].some((d) => d.parent === change.code);
        if (draft.node.deprecated === undefined || hasChildren) {
          issues.push({
            code: "not_deletable",
            path: [i, "code"],
            message: `${JSON.stringify(change.code)} ${hasChildren ? "has children" : "is active"}; deprecate it (and empty it) first, and delete it only once no ticket or rule refers to it`,
          });
          return;
        }
        drafts.delete(change.code);
        order.splice(order.indexOf(change.code), 1);
        return;
      }
    }
  });
  if (issues.length > 0) throw new TaxonomyError("invalid_revision", issues);

  const childrenOf = new Map<string | null, string[]>();
  for (const code of order) {
    const parent = drafts.get(code)!.parent;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const build = (code: string): TaxonomyNodeDefinition => {
    const children = (childrenOf.get(code) ?? []).map(build);
    return { ...drafts.get(code)!.node, ...(children.length > 0 ? { children } : {}) };
  };
  const { nodes: _nodes, ...settings } = taxonomy.definition;
  // A fresh, writable copy: parts of it come from the frozen current definition.
  return structuredClone({ ...settings, version, nodes: (childrenOf.get(null) ?? []).map(build) });
}
