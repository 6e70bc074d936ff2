import fc from "fast-check";
import type { TaxonomyDefinition, TaxonomyNodeDefinition } from "@supportops/taxonomy";

/** A random tree shape: each node has a label stem and children. */
export interface TreeSpec {
  readonly stem: string;
  readonly aliases: number;
  /** 0: nothing; 1: the node requires a field; 2: it allows internal choices; 3: both. */
  readonly extras: number;
  readonly children: ReadonlyArray<TreeSpec>;
}

// Label stems: letters (some accented, ß), digits, spaces and punctuation that CSV must quote (`,` `"`),
// but none of the separators' characters (`:` `>` `|` `/`) and no `~` (used to make labels unique).
const stemArb = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿß0-9][A-Za-zÀ-ÖØ-öø-ÿß0-9 ,"'&().-]{0,8}$/);

/** Random forests of depth ≤ 4, 1–4 children per level (fast-check `letrec`). */
export const forestArb: fc.Arbitrary<ReadonlyArray<TreeSpec>> = fc.letrec<{
  forest: ReadonlyArray<TreeSpec>;
  node: TreeSpec;
}>((tie) => ({
  forest: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
  node: fc.record({
    stem: stemArb,
    aliases: fc.nat({ max: 2 }),
    extras: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    children: fc.oneof({ maxDepth: 3, depthIdentifier: "forest" }, fc.constant([]), tie("forest")),
  }),
})).forest;

/** The separators a random taxonomy uses. */
const separatorArb: fc.Arbitrary<string> = fc.constantFrom("::", " > ", "||", "/");

/**
 * Turns a forest into nested node definitions. Codes are opaque (`n0`, `n1`, … in depth-first order);
 * labels are `stem~index`, so they are unique across the whole tree even after moves and renames.
 */
export function toNodes(forest: ReadonlyArray<TreeSpec>): TaxonomyNodeDefinition[] {
  let counter = 0;
  const build = (spec: TreeSpec): TaxonomyNodeDefinition => {
    const i = counter++;
    const label = `${spec.stem}~${i}`;
    const children = spec.children.map(build);
    return {
      code: `n${i}`,
      label,
      ...(spec.aliases > 0 ? { aliases: Array.from({ length: spec.aliases }, (_, k) => `${label} alt${k}`) } : {}),
      ...((spec.extras & 1) !== 0 ? { requires: [`field${i}`] } : {}),
      ...((spec.extras & 2) !== 0 ? { allowInternal: true } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return forest.map(build);
}

/** A random definition over a random forest and separator. */
export const definitionArb: fc.Arbitrary<TaxonomyDefinition> = fc
  .record({ forest: forestArb, separator: separatorArb })
  .map(({ forest, separator }) => ({ id: "t", version: "1", maxDepth: 10, separator, nodes: toNodes(forest) }));

/** Re-cases ASCII letters at random and widens spaces: what a person might type for a label path. */
export function sloppyArb(text: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).chain((flips) =>
    fc.constantFrom(" ", "  ", "\t").map((space) =>
      [...text].map((ch, i) => (flips[i] === true ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join("").replace(/ /gu, space),
    ),
  );
}
