import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { checkTaxonomyHealth, createTaxonomy, taxonomyFromZendeskOptions, taxonomyToSkos, taxonomyToZendeskOptions } from "@supportops/taxonomy";
import type { TaxonomyNodeDefinition } from "@supportops/taxonomy";
import { definitionArb } from "./arbitraries.js";

describe("Zendesk option lists (random trees)", () => {
  it("every exported option, read back, resolves by its title to its tag (inverse)", () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const tax = createTaxonomy(def);
        const options = taxonomyToZendeskOptions(tax);
        expect(options.map((o) => o.value)).toStrictEqual(tax.nodes.filter((n) => n.selectable).map((n) => n.code));
        const back = createTaxonomy(taxonomyFromZendeskOptions(options, { id: "z", version: "1", maxDepth: 10 }));
        for (const option of options) {
          const found = back.resolve(option.name);
          expect(found.success && found.data.code).toBe(option.value);
          expect(back.node(option.value)!.labelPath).toBe(option.name);
        }
      }),
      { numRuns: numRuns(100) },
    );
  });
});

describe("SKOS export (random trees)", () => {
  it("has one concept per node whose broader and narrower links mirror the tree", () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const tax = createTaxonomy(def);
        const [scheme, ...concepts] = taxonomyToSkos(tax, { baseUri: "x:" })["@graph"];
        expect(concepts.map((c) => c["skos:notation"])).toStrictEqual(tax.nodes.map((n) => n.code));
        const byIri = new Map(concepts.map((c) => [c["@id"] as string, c]));
        for (const concept of concepts) {
          const node = tax.node(concept["skos:notation"] as string)!;
          expect(concept["skos:prefLabel"]).toBe(node.label);
          const broader = concept["skos:broader"] as { "@id": string } | undefined;
          expect(broader === undefined ? null : byIri.get(broader["@id"])!["skos:notation"]).toBe(node.parent);
          const narrower = (concept["skos:narrower"] ?? []) as Array<{ "@id": string }>;
          expect(narrower.map((n) => byIri.get(n["@id"])!["skos:notation"])).toStrictEqual(node.children);
        }
        expect((scheme!["skos:hasTopConcept"] as unknown[]).length).toBe(tax.children().length);
      }),
      { numRuns: numRuns(50) },
    );
  });
});

describe("checkTaxonomyHealth (random trees and tickets)", () => {
  it("agrees with a naive count: other share, unused nodes, unknown codes", () => {
    fc.assert(
      fc.property(
        definitionArb.chain((def) => {
          const tax = createTaxonomy(def);
          const code = fc.oneof(fc.constantFrom(...tax.nodes.map((n) => n.code)), fc.constant("unknown"));
          return fc.tuple(fc.constant(tax), fc.array(code, { maxLength: 40 }), fc.subarray(tax.nodes.map((n) => n.code)));
        }),
        ([plain, tickets, otherCodes]) => {
          const tax = createTaxonomy({
            ...plain.definition,
            nodes: plain.nodes.filter((n) => n.parent === null).map(function mark(n): TaxonomyNodeDefinition {
              const children = n.children.map((c) => mark(plain.node(c)!));
              return { code: n.code, label: n.label, ...(otherCodes.includes(n.code) ? { other: true } : {}), ...(children.length > 0 ? { children } : {}) };
            }),
          });
          const health = checkTaxonomyHealth(tax, tickets);
          const known = tickets.filter((c) => tax.has(c));
          const inOther = known.filter((c) => tax.path(c).some((a) => otherCodes.includes(a)));
          expect(health.n).toBe(known.length);
          expect(health.other.count).toBe(inOther.length);
          expect(health.other.share).toBe(known.length === 0 ? null : inOther.length / known.length);
          expect(health.other.byNode.reduce((s, b) => s + b.count, 0)).toBe(inOther.length);
          expect(new Set(health.unused)).toStrictEqual(new Set(tax.nodes.filter((n) => !known.some((c) => tax.path(c).includes(n.code))).map((n) => n.code)));
          expect(health.unknownCodes.reduce((s, u) => s + u.count, 0)).toBe(tickets.length - known.length);
        },
      ),
      { numRuns: numRuns(100) },
    );
  });
});
