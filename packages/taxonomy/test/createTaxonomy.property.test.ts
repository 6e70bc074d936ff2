import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, parseTaxonomyJson, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";
import { definitionArb, sloppyArb } from "./arbitraries.js";

describe("random trees (fast-check letrec)", () => {
  it("every path that path() returns validates, and resolve() finds its label path again, however it is typed", () => {
    fc.assert(
      fc.property(
        definitionArb.chain((def) => {
          const tax = createTaxonomy(def);
          const typed = tax.nodes.map((node) =>
            fc
              .tuple(
                fc.tuple(...node.path.map((c) => sloppyArb(tax.node(c)!.label))),
                fc.constantFrom("", " ", "  "),
              )
              .map(([labels, pad]) => ({ code: node.code, input: labels.join(`${pad}${tax.separator}${pad}`) })),
          );
          return fc.tuple(fc.constant(tax), fc.tuple(...typed));
        }),
        ([tax, typed]) => {
          for (const { code, input } of typed) {
            const path = tax.path(code);
            expect(path[path.length - 1]).toBe(code);
            expect(path.length).toBe(tax.node(code)!.depth);
            // The path is a parent → child chain.
            path.forEach((c, i) => expect(tax.node(c)!.parent).toBe(i === 0 ? null : path[i - 1]));
            const fields = Object.fromEntries(tax.node(code)!.requires.map((f) => [f, "filled"]));
            expect(tax.validate({ code, version: tax.version, path, fields }, { mode: "historical" }).success).toBe(true);
            expect(tax.validate({ code, path, fields }, { mode: "create" }).success).toBe(tax.node(code)!.selectable);
            expect(tax.validate({ code }, { mode: "create" }).success).toBe(tax.node(code)!.selectable && tax.node(code)!.requires.length === 0);
            expect(tax.resolve(input)).toStrictEqual({ success: true, data: { code, path } });
            expect(tax.resolve(tax.node(code)!.labelPath)).toStrictEqual({ success: true, data: { code, path } });
          }
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it("children() and leaves() agree with the parent links", () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const tax = createTaxonomy(def);
        const fromParents = (parent: string | null): string[] => tax.nodes.filter((n) => n.parent === parent).map((n) => n.code);
        expect(tax.children().map((n) => n.code)).toStrictEqual(fromParents(null));
        for (const node of tax.nodes) expect(tax.children(node.code).map((n) => n.code)).toStrictEqual(fromParents(node.code));
        expect(tax.leaves().map((n) => n.code)).toStrictEqual(tax.nodes.filter((n) => fromParents(n.code).length === 0).map((n) => n.code));
      }),
      { numRuns: numRuns(100) },
    );
  });

  it("JSON and CSV exports read back to the same nodes (inverse)", () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const tax = createTaxonomy(def);
        expect(parseTaxonomyJson(JSON.stringify(tax)).nodes).toStrictEqual(tax.nodes);
        const settings = { id: tax.id, version: tax.version, separator: tax.separator, maxDepth: tax.maxDepth };
        expect(createTaxonomy(taxonomyFromCsv(taxonomyToCsv(tax), settings)).nodes).toStrictEqual(tax.nodes);
      }),
      { numRuns: numRuns(100) },
    );
  });

  it("does not mutate the definition and freezes what it returns", () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const before = structuredClone(def);
        const tax = createTaxonomy(def);
        expect(def).toStrictEqual(before);
        // Freezing the compiled copy leaves the caller's objects writable.
        const walk = (value: unknown): boolean =>
          typeof value !== "object" || value === null || (!Object.isFrozen(value) && Object.values(value).every(walk));
        expect(walk(def)).toBe(true);
        expect(Object.isFrozen(tax)).toBe(true);
        expect(tax.nodes.every((n) => Object.isFrozen(n) && Object.isFrozen(n.path))).toBe(true);
        expect(Object.isFrozen(tax.definition.nodes[0])).toBe(true);
      }),
      { numRuns: numRuns(50) },
    );
  });
});
