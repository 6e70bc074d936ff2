import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";
import type { TaxonomyNodeDefinition } from "@supportops/taxonomy";
import { definitionArb, forestArb } from "./support/arbitraries.js";
import type { TreeSpec } from "./support/arbitraries.js";

describe("taxonomyToCsv (random trees)", () => {
  test.prop([definitionArb], { numRuns: numRuns(100) })("taxonomyFromCsv reads the CSV back to the same nodes (inverse)", (def) => {
    const tax = createTaxonomy(def);
    const settings = { id: tax.id, version: tax.version, separator: tax.separator, maxDepth: tax.maxDepth };
    expect(createTaxonomy(taxonomyFromCsv(taxonomyToCsv(tax), settings)).nodes).toStrictEqual(tax.nodes);
  });
});

// Formula triggers (= + - @), quotes, CSV's own specials (, "), invisible characters and a letter: what a
// hostile tenant writes into a label. Line breaks, tabs and CRs go only where the schema allows them
// (descriptions, reasons); ":" is left out (the separator), and text never has whitespace at its ends,
// which the import trims.
const LINE = ["=", "+", "-", "@", "'", '"', ",", " ", "a", "é", "\u200b", "\u00ad", "\u202e"];
const TEXT = [...LINE, "\t", "\r", "\n", "\r\n"];
const textArb = (alphabet: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(""))
    .filter((text) => text === text.trim() && text !== "");

interface HostileTexts {
  readonly labels: ReadonlyArray<string>;
  readonly texts: ReadonlyArray<string>;
}

/** Nodes of a random shape whose every written field starts with hostile text (a unique suffix keeps labels and codes valid). */
function hostileNodes(forest: ReadonlyArray<TreeSpec>, { labels, texts }: HostileTexts): TaxonomyNodeDefinition[] {
  let counter = 0;
  const label = (i: number): string => labels[i % labels.length] ?? "a";
  const text = (i: number): string => texts[i % texts.length] ?? "a";
  const build = (spec: TreeSpec): TaxonomyNodeDefinition => {
    const i = counter++;
    const children = spec.children.map(build);
    return {
      code: `${label(i + 1)}#${i}`,
      label: `${label(i)}~${i}`,
      ...(spec.aliases > 0 ? { aliases: Array.from({ length: spec.aliases }, (_, k) => `${label(i + k + 2)}~${i}.${k}`) } : {}),
      ...((spec.extras & 1) !== 0 ? { requires: [label(i + 3), `${label(i + 4)}!`] } : {}),
      ...((spec.extras & 2) !== 0 ? { description: text(i) } : {}),
      ...(spec.extras === 3 && children.length === 0 ? { deprecated: { reason: text(i + 1) } } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return forest.map(build);
}

const hostileDefinitionArb = fc
  .record({
    forest: forestArb,
    labels: fc.array(textArb(LINE), { minLength: 1, maxLength: 20 }),
    texts: fc.array(textArb(TEXT), { minLength: 1, maxLength: 20 }),
  })
  .map(({ forest, labels, texts }) => ({ id: "t", version: "1", maxDepth: 10, nodes: hostileNodes(forest, { labels, texts }) }));

describe("taxonomyToCsv (labels, codes and texts from a hostile alphabet)", () => {
  test.prop([hostileDefinitionArb, fc.boolean()], { numRuns: numRuns(150) })(
    "the round trip through taxonomyFromCsv is exact, with formula escaping on or off on both sides",
    (def, formulaEscape) => {
      const tax = createTaxonomy(def);
      const csv = taxonomyToCsv(tax, { formulaEscape });
      expect(createTaxonomy(taxonomyFromCsv(csv, { id: "t", version: "1", maxDepth: 10, formulaEscape })).nodes).toStrictEqual(tax.nodes);
    },
  );

  test.prop([hostileDefinitionArb], { numRuns: numRuns(150) })("no escaped cell starts with a formula trigger", (def) => {
    const tax = createTaxonomy(def);
    // Every field, as papaparse reads it back without undoing the escape.
    const cells = rawCells(taxonomyToCsv(tax));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/u.test(cell))).toStrictEqual([]);
  });
});

/** The raw cells of a CSV, unquoted but not unescaped. */
function rawCells(csv: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || (ch === "\r" && csv[i + 1] === "\n")) {
      cells.push(cell);
      cell = "";
      if (ch === "\r") i++;
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
