import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, diffTaxonomies, reviseTaxonomy } from "@supportops/taxonomy";
import type { TaxonomyChange } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

// A random taxonomy and random renames of its nodes. The change's index keeps new labels distinct from
// each other (and `#` from the old `~` labels).
const renamesArb = definitionArb.chain((def) => {
  const tax = createTaxonomy(def);
  const rename = fc.tuple(fc.constantFrom(...tax.nodes.map((n) => n.code)), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,5}[A-Za-z]$/));
  const changes = fc.array(rename, { maxLength: 6 }).map((list) => list.map(([code, stem], i): TaxonomyChange => ({ op: "rename", code, label: `${stem}#${i}` })));
  return fc.tuple(fc.constant(tax), changes);
});

describe("reviseTaxonomy (random trees)", () => {
  test.prop([renamesArb], { numRuns: numRuns(100) })(
    "after renames, every old label path still resolves to the same code, and the diff lists exactly the renamed codes",
    ([tax, changes]) => {
      const next = createTaxonomy(reviseTaxonomy(tax, "2", changes));
      for (const node of tax.nodes) {
        expect(next.resolve(node.labelPath)).toStrictEqual({ success: true, data: { code: node.code, path: node.path } });
      }
      const diff = diffTaxonomies(tax, next);
      expect(new Set(diff.renamed.map((r) => r.code))).toStrictEqual(new Set(tax.nodes.filter((n) => next.node(n.code)?.label !== n.label).map((n) => n.code)));
      expect([diff.added, diff.removed, diff.moved, diff.deprecated]).toStrictEqual([[], [], [], []]);
    },
  );
});
