/**
 * A condition tree: a leaf test, or `all` / `any` of conditions, or `not` of one. Each package keeps
 * its own leaf syntax (core's impact signals, the SLA engine's field tests); the combinators and their
 * meaning are shared. `{ all: [] }` holds for everything, `{ any: [] }` for nothing.
 *
 * @example
 * const when: ConditionTree<{ field: string; equals: string }> = {
 *   any: [{ field: "channel", equals: "phone" }, { not: { field: "priority", equals: "low" } }],
 * };
 */
export type ConditionTree<Leaf> =
  | Leaf
  | { readonly all: ReadonlyArray<ConditionTree<Leaf>> }
  | { readonly any: ReadonlyArray<ConditionTree<Leaf>> }
  | { readonly not: ConditionTree<Leaf> };

function combinatorOf(node: object): "all" | "any" | "not" | undefined {
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  return key === "all" || key === "any" || key === "not" ? key : undefined;
}

/**
 * Compiles a validated {@link ConditionTree} into a predicate, once, so evaluating it is a few function
 * calls with no interpretation of the tree. A node is a combinator when its only key is `all`, `any`
 * or `not`; anything else is a leaf, handed to `compileLeaf`. Validate the tree (including its depth,
 * with `checkDepth`) before compiling it.
 *
 * @param condition - the tree
 * @param compileLeaf - turns one leaf into a predicate
 * @returns the predicate
 * @example
 * const holds = compileCondition<{ field: string; equals: string }, Record<string, string>>(
 *   { all: [{ field: "channel", equals: "phone" }, { not: { field: "priority", equals: "low" } }] },
 *   (leaf) => (ticket) => ticket[leaf.field] === leaf.equals,
 * );
 * holds({ channel: "phone", priority: "high" }); // => true
 * holds({ channel: "phone", priority: "low" });  // => false
 */
export function compileCondition<Leaf extends object, Context>(
  condition: ConditionTree<Leaf>,
  compileLeaf: (leaf: Leaf) => (context: Context) => boolean,
): (context: Context) => boolean {
  const node = condition as object;
  const kind = combinatorOf(node);
  switch (kind) {
    case "all": {
      const parts = (node as { all: ReadonlyArray<ConditionTree<Leaf>> }).all.map((part) => compileCondition(part, compileLeaf));
      if (parts.length === 0) return () => true;
      if (parts.length === 1) return parts[0] as (context: Context) => boolean;
      return (context) => {
        for (const part of parts) if (!part(context)) return false;
        return true;
      };
    }
    case "any": {
      const parts = (node as { any: ReadonlyArray<ConditionTree<Leaf>> }).any.map((part) => compileCondition(part, compileLeaf));
      return (context) => {
        for (const part of parts) if (part(context)) return true;
        return false;
      };
    }
    case "not": {
      const inner = compileCondition((node as { not: ConditionTree<Leaf> }).not, compileLeaf);
      return (context) => !inner(context);
    }
    case undefined:
      return compileLeaf(condition as Leaf);
    default:
      kind satisfies never;
      throw new TypeError(`unknown combinator ${String(kind)}`);
  }
}
