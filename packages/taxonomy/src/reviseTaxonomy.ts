import { describeValue } from "@supportops/core";
import type { Issue } from "@supportops/core";
import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import { LabelSchema, NodeCodeSchema, TaxonomyNodeSchema } from "./TaxonomyDefinition.js";
import type { Deprecation, TaxonomyDefinition, TaxonomyNodeDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { assertTaxonomy, isRecord, parseArgument, requireString, wrongType } from "./internal/arguments.js";

/**
 * One lifecycle change to a taxonomy: codes never change; labels, parents and deprecations do.
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
      readonly keepOldLabel?: boolean | undefined;
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

const CHANGE_OPS = ["rename", "move", "add", "merge", "split", "deprecate", "delete"] as const;

/**
 * The zod schema of one {@link TaxonomyChange}, discriminated on `op`. `reviseTaxonomy` parses every
 * change with it before applying any.
 *
 * @example
 * TaxonomyChangeSchema.safeParse({ op: "merge", from: ["billing.other"], into: "billing.refund" }).success; // => true
 * TaxonomyChangeSchema.safeParse({ op: "rename", code: "billing" }).success; // => false (no label)
 */
export const TaxonomyChangeSchema = z.discriminatedUnion(
  "op",
  [
    z.strictObject({ op: z.literal("rename"), code: NodeCodeSchema, label: LabelSchema, keepOldLabel: z.boolean().optional() }),
    z.strictObject({ op: z.literal("move"), code: NodeCodeSchema, parent: NodeCodeSchema.nullable() }),
    z.strictObject({ op: z.literal("add"), parent: NodeCodeSchema.nullable(), node: TaxonomyNodeSchema }),
    z.strictObject({ op: z.literal("merge"), from: z.array(NodeCodeSchema), into: NodeCodeSchema }),
    z.strictObject({ op: z.literal("split"), code: NodeCodeSchema, into: z.array(NodeCodeSchema) }),
    z.strictObject({ op: z.literal("deprecate"), code: NodeCodeSchema, reason: z.string().min(1) }),
    z.strictObject({ op: z.literal("delete"), code: NodeCodeSchema }),
  ],
  {
    // An unknown `op`; any other issue (not an object at all) keeps the common wording.
    error: (issue) =>
      issue.code === "invalid_union"
        ? `expected op to be one of ${CHANGE_OPS.map((op) => JSON.stringify(op)).join(", ")}, got ${describeValue(isRecord(issue.input) ? issue.input["op"] : undefined)}`
        : undefined,
  },
);

/** A node of the next version while changes are applied; `parent` is a code, `null` at the top level. */
interface Draft {
  readonly code: string;
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
 * @throws {@link TaxonomyError} `invalid_revision` for a malformed change, or one that names an unknown
 *   code, adds an existing code, moves a node under itself, or deletes an active node or one with
 *   children (issue paths start at the change's index); `invalid_argument` when `taxonomy`, `version`
 *   or `changes` has the wrong type (the path names it)
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
  const parsed = parseArgument(z.array(TaxonomyChangeSchema), changes, [], "invalid_revision");

  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];
  const add = (node: TaxonomyNodeDefinition, parent: string | null): void => {
    const { children, parent: _parent, ...rest } = node;
    const draft: Draft = { code: node.code, node: rest, parent };
    drafts.set(node.code, draft);
    order.push(draft);
    for (const child of children ?? []) add(child, node.code);
  };
  for (const node of taxonomy.definition.nodes) add(node, null);

  const issues: Issue<TaxonomyIssueCode>[] = [];
  /** The draft of `code`, or an `unknown_code` issue at `at`. */
  const find = (at: ReadonlyArray<string | number>, code: string): Draft | undefined => {
    const draft = drafts.get(code);
    if (draft === undefined) issues.push({ code: "unknown_code", path: at, message: `${JSON.stringify(code)} is not a code in the taxonomy at this point` });
    return draft;
  };
  const deprecate = (draft: Draft, deprecated: Deprecation): void => {
    draft.node = { ...draft.node, deprecated: { ...deprecated, since: nextVersion } };
  };
  parsed.forEach((change, i) => {
    switch (change.op) {
      case "rename": {
        const draft = find([i, "code"], change.code);
        if (draft === undefined) return;
        const old = draft.node.label;
        const aliases = [...(draft.node.aliases ?? [])].filter((a) => a !== change.label);
        if (change.keepOldLabel !== false && old !== change.label && !aliases.includes(old)) aliases.push(old);
        const { aliases: _aliases, ...rest } = draft.node;
        draft.node = { ...rest, label: change.label, ...(aliases.length > 0 ? { aliases } : {}) };
        return;
      }
      case "move": {
        const draft = find([i, "code"], change.code);
        if (draft === undefined || (change.parent !== null && find([i, "parent"], change.parent) === undefined)) return;
        for (let c: string | null = change.parent; c !== null; c = drafts.get(c)?.parent ?? null) {
          if (c === change.code) {
            issues.push({ code: "cycle", path: [i, "parent"], message: `cannot move ${JSON.stringify(change.code)} under its own subtree (${JSON.stringify(change.parent)})` });
            return;
          }
        }
        draft.parent = change.parent;
        // Last among its new siblings, as a person moving it would expect.
        order.splice(order.indexOf(draft), 1);
        order.push(draft);
        return;
      }
      case "add": {
        if (change.parent !== null && find([i, "parent"], change.parent) === undefined) return;
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
        if (find([i, "into"], change.into) === undefined) return;
        change.from.forEach((code, j) => {
          const draft = find([i, "from", j], code);
          if (draft !== undefined) deprecate(draft, { replacedBy: [change.into] });
        });
        return;
      }
      case "split": {
        const draft = find([i, "code"], change.code);
        if (draft === undefined) return;
        if (change.into.some((code, j) => find([i, "into", j], code) === undefined)) return;
        deprecate(draft, { replacedBy: [...change.into] });
        return;
      }
      case "deprecate": {
        const draft = find([i, "code"], change.code);
        if (draft !== undefined) deprecate(draft, { reason: change.reason });
        return;
      }
      case "delete": {
        const draft = find([i, "code"], change.code);
        if (draft === undefined) return;
        const hasChildren = order.some((d) => d.parent === change.code);
        if (draft.node.deprecated === undefined || hasChildren) {
          issues.push({
            code: "not_deletable",
            path: [i, "code"],
            message: `${JSON.stringify(change.code)} ${hasChildren ? "has children" : "is active"}; deprecate it (and empty it) first, and delete it only once no ticket or rule refers to it`,
          });
          return;
        }
        drafts.delete(change.code);
        order.splice(order.indexOf(draft), 1);
        return;
      }
      default:
        change satisfies never;
    }
  });
  if (issues.length > 0) throw new TaxonomyError("invalid_revision", issues);

  const childrenOf = new Map<string | null, Draft[]>();
  for (const draft of order) childrenOf.set(draft.parent, [...(childrenOf.get(draft.parent) ?? []), draft]);
  const build = (draft: Draft): TaxonomyNodeDefinition => {
    const children = (childrenOf.get(draft.code) ?? []).map(build);
    return { ...draft.node, ...(children.length > 0 ? { children } : {}) };
  };
  const { nodes: _nodes, ...settings } = taxonomy.definition;
  // A fresh, writable copy: parts of it come from the frozen current definition.
  return structuredClone({ ...settings, version: nextVersion, nodes: (childrenOf.get(null) ?? []).map(build) });
}
