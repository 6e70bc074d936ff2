import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, diffTaxonomies } from "@supportops/taxonomy";
import type { Taxonomy, TaxonomyNodeDefinition } from "@supportops/taxonomy";
import { forestArb, toNodes } from "./support/arbitraries.js";

// A flat model of a taxonomy that random edits are applied to; the next version is built from it in
// the flat `parent` form, so both definition forms are exercised.
interface ModelNode {
  label: string;
  parent: string | null;
  deprecated?: { replacedBy?: string[]; reason?: string };
}
type Model = Map<string, ModelNode>;

type Edit =
  | { kind: "rename"; i: number; stem: string }
  | { kind: "move"; i: number; j: number }
  | { kind: "deprecate"; i: number; into: number[] }
  | { kind: "remove"; i: number }
  | { kind: "add"; i: number; stem: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("rename" as const), i: fc.nat(), stem: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,6}$/) }),
  fc.record({ kind: fc.constant("move" as const), i: fc.nat(), j: fc.integer({ min: -1, max: 1000 }) }),
  fc.record({ kind: fc.constant("deprecate" as const), i: fc.nat(), into: fc.array(fc.nat(), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant("remove" as const), i: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), i: fc.integer({ min: -1, max: 1000 }), stem: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,6}$/) }),
);

function modelOf(tax: Taxonomy): Model {
  return new Map(
    tax.nodes.map((n) => [
      n.code,
      { label: n.label, parent: n.parent, ...(n.deprecated ? { deprecated: { replacedBy: [...n.deprecated.replacedBy] } } : {}) },
    ]),
  );
}

function apply(model: Model, edit: Edit, fresh: () => number): void {
  const codes = [...model.keys()];
  const active = codes.filter((c) => model.get(c)!.deprecated === undefined);
  const pick = (i: number): string => codes[i % codes.length]!;
  const isUnder = (c: string, ancestor: string): boolean => {
    for (let x: string | null = c; x !== null; x = model.get(x)!.parent) if (x === ancestor) return true;
    return false;
  };
  switch (edit.kind) {
    case "rename": {
      const node = model.get(pick(edit.i))!;
      node.label = `${edit.stem}~${fresh()}`;
      return;
    }
    case "move": {
      const code = pick(edit.i);
      const parent = edit.j < 0 ? null : pick(edit.j);
      if (parent !== null && isUnder(parent, code)) return;
      model.get(code)!.parent = parent;
      return;
    }
    case "deprecate": {
      const code = pick(edit.i);
      if (model.get(code)!.deprecated !== undefined) return;
      const into = [...new Set(edit.into.map((k) => active[k % active.length]!).filter((c) => c !== code))];
      model.get(code)!.deprecated = into.length > 0 ? { replacedBy: into } : { reason: "retired" };
      return;
    }
    case "remove": {
      const code = pick(edit.i);
      const referenced = codes.some((c) => model.get(c)!.parent === code || (model.get(c)!.deprecated?.replacedBy ?? []).includes(code));
      if (!referenced && model.size > 1) model.delete(code);
      return;
    }
    case "add": {
      const n = fresh();
      model.set(`new${n}`, { label: `${edit.stem}~${n}`, parent: edit.i < 0 ? null : pick(edit.i) });
      return;
    }
  }
}

/** Active codes a deprecated node ends up replaced by, following chains (the oracle for migrate). */
function finalReplacements(model: Model, code: string): string[] {
  const node = model.get(code)!;
  if (node.deprecated === undefined) return [code];
  const out: string[] = [];
  for (const c of node.deprecated.replacedBy ?? []) for (const r of finalReplacements(model, c)) if (!out.includes(r)) out.push(r);
  return out;
}

describe("diff then migrate (random trees and random edits)", () => {
  test.prop([forestArb, fc.array(editArb, { maxLength: 8 })], { numRuns: numRuns(150) })(
    "maps every old leaf to a valid new one or reports it, as the model predicts; the diff lists exactly what changed",
    (forest, edits) => {
      const oldTax = createTaxonomy({ id: "t", version: "v1", maxDepth: 32, nodes: toNodes(forest) });
      const model = modelOf(oldTax);
      let counter = 10_000;
      for (const edit of edits) apply(model, edit, () => counter++);
      const nodes: TaxonomyNodeDefinition[] = [...model].map(([code, n]) => ({
        code,
        label: n.label,
        ...(n.parent !== null ? { parent: n.parent } : {}),
        ...(n.deprecated !== undefined ? { deprecated: n.deprecated } : {}),
      }));
      const newTax = createTaxonomy({ id: "t", version: "v2", maxDepth: 32, nodes });
      const diff = diffTaxonomies(oldTax, newTax);

      const oldCodes = oldTax.nodes.map((n) => n.code);
      const newCodes = newTax.nodes.map((n) => n.code);
      expect(new Set(diff.added)).toStrictEqual(new Set(newCodes.filter((c) => !oldTax.has(c))));
      expect(new Set(diff.removed)).toStrictEqual(new Set(oldCodes.filter((c) => !newTax.has(c))));
      const common = oldCodes.filter((c) => newTax.has(c));
      expect(new Set(diff.renamed.map((r) => r.code))).toStrictEqual(new Set(common.filter((c) => oldTax.node(c)!.label !== model.get(c)!.label)));
      expect(new Set(diff.moved.map((r) => r.code))).toStrictEqual(new Set(common.filter((c) => oldTax.node(c)!.parent !== model.get(c)!.parent)));
      expect(new Set(diff.deprecated.map((r) => r.code))).toStrictEqual(new Set(common.filter((c) => model.get(c)!.deprecated !== undefined)));

      for (const leaf of oldTax.leaves({ includeDeprecated: true })) {
        const result = newTax.migrate({ code: leaf.code, version: "v1", fields: { note: "x" } }, diff);
        const expected = !model.has(leaf.code) ? [] : finalReplacements(model, leaf.code);
        if (result.kind === "review") {
          expect(expected.length === 1).toBe(false);
          expect(result.candidates).toStrictEqual(expected);
          continue;
        }
        expect(expected).toStrictEqual([result.classification.code]);
        expect(result.kind).toBe(expected[0] === leaf.code ? "kept" : "remapped");
        expect(result.classification.version).toBe("v2");
        expect(result.classification.fields).toStrictEqual({ note: "x" });
        expect(newTax.node(result.classification.code)!.deprecated).toBeNull();
        expect(newTax.validate(result.classification, { mode: "historical" }).success).toBe(true);
      }
    },
  );
});
