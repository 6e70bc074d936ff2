import { MAX_INPUT_DEPTH, checkDepth, describeValue } from "@supportops/core";
import type { Issue, IssuePath } from "@supportops/core";
import { MAX_TAXONOMY_DEPTH } from "../TaxonomyDefinition.js";
import { isRecord } from "./arguments.js";

/** Where a list of node definitions starts: the value (not yet checked) and its path. */
interface NodeRoot {
  readonly node: unknown;
  readonly path: IssuePath;
}

/**
 * The guard every entry point that takes node definitions runs before anything recursive (zod's
 * recursive node schema, the tree walks of `compile`) touches them: a `too_deep` issue where nodes
 * nest through `children` deeper than {@link MAX_TAXONOMY_DEPTH} levels, or, failing that, where
 * `value` as a whole nests deeper than core's `MAX_INPUT_DEPTH` objects and arrays or refers back to
 * itself; `undefined` when it is fine. Both walks use an explicit stack, so the guard cannot
 * overflow the call stack itself, and each costs time linear in the input.
 */
export function checkNesting(value: unknown, roots: ReadonlyArray<NodeRoot>): Issue<"too_deep"> | undefined {
  return checkNodeLevels(roots) ?? checkDepth(value, MAX_INPUT_DEPTH);
}

/**
 * The first node (in document order) nested through `children` below level {@link MAX_TAXONOMY_DEPTH},
 * counting each root as level 1. Anything that is not a node-shaped object is skipped: the schema
 * reports it. Each object is walked once, so a cycle or a shared child ends the walk there (the
 * generic depth check reports cycles).
 */
function checkNodeLevels(roots: ReadonlyArray<NodeRoot>): Issue<"too_deep"> | undefined {
  const walked = new Set<object>();
  const stack: Array<{ node: unknown; path: IssuePath; level: number }> = roots.map((root) => ({ ...root, level: 1 })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, path, level } = next;
    if (!isRecord(node) || walked.has(node)) continue;
    walked.add(node);
    if (level > MAX_TAXONOMY_DEPTH) {
      return {
        code: "too_deep",
        path,
        message: `node ${describeValue(node["code"])} is nested ${level} levels deep through children; no taxonomy is deeper than ${MAX_TAXONOMY_DEPTH} levels (the largest maxDepth), so move it up`,
      };
    }
    const children = node["children"];
    if (!Array.isArray(children)) continue;
    // Pushed last child first, so the walk visits (and reports) nodes in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: [...path, "children", i], level: level + 1 });
  }
  return undefined;
}
