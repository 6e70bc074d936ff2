import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, taxonomyToSkos } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

describe("taxonomyToSkos (random trees)", () => {
  test.prop([definitionArb], { numRuns: numRuns(50) })("has one concept per node whose broader and narrower links mirror the tree", (def) => {
    const tax = createTaxonomy(def);
    const [scheme, ...concepts] = taxonomyToSkos(tax, { baseUri: "x:" })["@graph"];
    expect(concepts.map((c) => c["skos:notation"])).toStrictEqual(tax.nodes.map((n) => n.code));
    const notationOf = new Map(concepts.map((c) => [c["@id"], c["skos:notation"]]));
    for (const concept of concepts) {
      const node = tax.node(String(concept["skos:notation"]));
      expect(concept["skos:prefLabel"]).toBe(node?.label);
      const broader = concept["skos:broader"] as { "@id": string } | undefined;
      expect(broader === undefined ? null : notationOf.get(broader["@id"])).toBe(node?.parent);
      const narrower = (concept["skos:narrower"] ?? []) as Array<{ "@id": string }>;
      expect(narrower.map((n) => notationOf.get(n["@id"]))).toStrictEqual(node?.children);
    }
    expect((scheme?.["skos:hasTopConcept"] as unknown[]).length).toBe(tax.children().length);
  });
});
