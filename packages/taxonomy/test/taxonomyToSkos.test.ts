import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, taxonomyToSkos } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);

describe("taxonomyToSkos", () => {
  it("writes a concept scheme with notations, labels, hierarchy and deprecations", () => {
    const skos = taxonomyToSkos(tax, { baseUri: "https://example.com/support/" });
    expect(skos["@context"]).toStrictEqual({
      skos: "http://www.w3.org/2004/02/skos/core#",
      owl: "http://www.w3.org/2002/07/owl#",
      dct: "http://purl.org/dc/terms/",
    });
    const graph = skos["@graph"];
    expect(graph.length).toBe(1 + tax.nodes.length);
    expect(graph[0]).toStrictEqual({
      "@id": "https://example.com/support",
      "@type": "skos:ConceptScheme",
      "skos:prefLabel": "support",
      "owl:versionInfo": "2026.1",
      "skos:hasTopConcept": [{ "@id": "https://example.com/support/billing" }, { "@id": "https://example.com/support/access" }, { "@id": "https://example.com/support/other" }],
    });
    expect(graph.find((c) => c["skos:notation"] === "billing.invoice")).toStrictEqual({
      "@id": "https://example.com/support/billing.invoice",
      "@type": "skos:Concept",
      "skos:inScheme": { "@id": "https://example.com/support" },
      "skos:notation": "billing.invoice",
      "skos:prefLabel": "Invoice (old)",
      "skos:broader": { "@id": "https://example.com/support/billing" },
      "owl:deprecated": true,
      "dct:isReplacedBy": [{ "@id": "https://example.com/support/billing.invoices" }],
    });
    expect(graph.find((c) => c["skos:notation"] === "access.legacy")!["skos:historyNote"]).toBe("login v1 was switched off");
    expect(graph.find((c) => c["skos:notation"] === "billing.refund")!["skos:altLabel"]).toStrictEqual(["Refunds"]);
  });

  it("encodes codes into IRIs and defaults to a urn base", () => {
    const odd = createTaxonomy({ id: "my tax", version: "1", nodes: [{ code: "a b/c", label: "A" }] });
    expect(taxonomyToSkos(odd)["@graph"][1]!["@id"]).toBe("urn:supportops:my%20tax:a%20b%2Fc");
  });

  it("throws invalid_argument, never a TypeError, for arguments of the wrong type", () => {
    expect(thrownBy(TaxonomyError, () => taxonomyToSkos(null as never)).issues[0].path).toStrictEqual(["taxonomy"]);
    expect(thrownBy(TaxonomyError, () => taxonomyToSkos(tax, { base: "x:" } as never)).issues[0].path).toStrictEqual(["options", "base"]);
  });

  it("TSDoc examples", () => {
    const one = createTaxonomy({ id: "support", version: "1", nodes: [{ code: "billing", label: "Billing" }] });
    expect(taxonomyToSkos(one)["@graph"][1]).toStrictEqual({
      "@id": "urn:supportops:support:billing",
      "@type": "skos:Concept",
      "skos:inScheme": { "@id": "urn:supportops:support" },
      "skos:notation": "billing",
      "skos:prefLabel": "Billing",
      "skos:topConceptOf": { "@id": "urn:supportops:support" },
    });
    expect(taxonomyToSkos(one, { baseUri: "https://example.com/taxonomy/" })["@graph"][1]?.["@id"]).toBe("https://example.com/taxonomy/billing");
    expect(Object.keys(taxonomyToSkos(one)["@context"])).toStrictEqual(["skos", "owl", "dct"]);
    expect(taxonomyToSkos(one)["@graph"].length).toBe(2);
  });
});
