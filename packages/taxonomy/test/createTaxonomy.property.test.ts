import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy } from "@supportops/taxonomy";
import { definitionArb, sloppyArb } from "./support/arbitraries.js";

// A random taxonomy, and for each node its label path as a person might type it.
const typedPathsArb = definitionArb.chain((def) => {
  const tax = createTaxonomy(def);
  const typed = tax.nodes.map((node) =>
    fc
      .tuple(fc.tuple(...node.path.map((c) => sloppyArb(tax.node(c)?.label ?? ""))), fc.constantFrom("", " ", "  "))
      .map(([labels, pad]) => ({ code: node.code, input: labels.join(`${pad}${tax.separator}${pad}`) })),
  );
  return fc.tuple(fc.constant(tax), fc.tuple(...typed));
});

describe("createTaxonomy (random trees, fast-check letrec)", () => {
  test.prop([typedPathsArb], { numRuns: numRuns(100) })(
    "every path that path() returns validates, and resolve() finds its label path again, however it is typed",
    ([tax, typed]) => {
      for (const { code, input } of typed) {
        const node = tax.node(code);
        if (node === undefined) throw new Error(`no node ${code}`);
        const path = tax.path(code);
        expect(path[path.length - 1]).toBe(code);
        expect(path.length).toBe(node.depth);
        // The path is a parent → child chain.
        path.forEach((c, i) => expect(tax.node(c)?.parent).toBe(i === 0 ? null : path[i - 1]));
        const fields = Object.fromEntries(node.requires.map((f) => [f, "filled"]));
        expect(tax.validate({ code, version: tax.version, path, fields }, { mode: "historical" }).success).toBe(true);
        expect(tax.validate({ code, path, fields }, { mode: "create" }).success).toBe(node.selectable);
        expect(tax.validate({ code }, { mode: "create" }).success).toBe(node.selectable && node.requires.length === 0);
        expect(tax.resolve(input)).toStrictEqual({ success: true, data: { code, path } });
        expect(tax.resolve(node.labelPath)).toStrictEqual({ success: true, data: { code, path } });
      }
    },
  );

  test.prop([definitionArb], { numRuns: numRuns(100) })("children() and leaves() agree with the parent links", (def) => {
    const tax = createTaxonomy(def);
    const fromParents = (parent: string | null): string[] => tax.nodes.filter((n) => n.parent === parent).map((n) => n.code);
    expect(tax.children().map((n) => n.code)).toStrictEqual(fromParents(null));
    for (const node of tax.nodes) expect(tax.children(node.code).map((n) => n.code)).toStrictEqual(fromParents(node.code));
    expect(tax.leaves().map((n) => n.code)).toStrictEqual(tax.nodes.filter((n) => fromParents(n.code).length === 0).map((n) => n.code));
  });

  test.prop([definitionArb], { numRuns: numRuns(50) })("does not mutate the definition and freezes what it returns", (def) => {
    const before = structuredClone(def);
    const tax = createTaxonomy(def);
    expect(def).toStrictEqual(before);
    // Freezing the compiled copy leaves the caller's objects writable.
    const walk = (value: unknown): boolean => typeof value !== "object" || value === null || (!Object.isFrozen(value) && Object.values(value).every(walk));
    expect(walk(def)).toBe(true);
    expect(Object.isFrozen(tax)).toBe(true);
    expect(tax.nodes.every((n) => Object.isFrozen(n) && Object.isFrozen(n.path))).toBe(true);
    expect(Object.isFrozen(tax.definition.nodes[0])).toBe(true);
  });

  test.prop([definitionArb], { numRuns: numRuns(100) })("the definition it exports compiles back to the same nodes (inverse)", (def) => {
    const tax = createTaxonomy(def);
    expect(createTaxonomy(tax.definition).nodes).toStrictEqual(tax.nodes);
  });
});
