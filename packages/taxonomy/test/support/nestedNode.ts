import type { TaxonomyNodeDefinition } from "@supportops/taxonomy";

/**
 * A node whose only child has an only child, and so on: `depth` levels through `children` (built
 * without recursion), coded `<prefix>0`, `<prefix>1`, … from the top.
 */
export function nestedNode(depth: number, prefix = "n"): TaxonomyNodeDefinition {
  let node: TaxonomyNodeDefinition = { code: `${prefix}${depth - 1}`, label: `N${depth - 1}` };
  for (let level = depth - 2; level >= 0; level--) node = { code: `${prefix}${level}`, label: `N${level}`, children: [node] };
  return node;
}

/** The JSON text of a definition whose one node nests `depth` levels through `children` (JSON.stringify would overflow on it). */
export function nestedDefinitionJson(depth: number): string {
  const open = Array.from({ length: depth }, (_, level) => `{"code":"n${level}","label":"N${level}"${level < depth - 1 ? ',"children":[' : ""}`).join("");
  return `{"id":"t","version":"1","maxDepth":32,"nodes":[${open}${"}]".repeat(depth - 1)}}]}`;
}
