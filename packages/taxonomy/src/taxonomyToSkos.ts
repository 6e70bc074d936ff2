import { z } from "zod";
import type { Taxonomy } from "./Taxonomy.js";
import { assertTaxonomy, parseArgument } from "./internal/arguments.js";

const SkosOptionsSchema = z.strictObject({ baseUri: z.string().min(1).optional() });

/**
 * Options of {@link taxonomyToSkos}.
 *
 * @example
 * // tax: a taxonomy with a top-level node "billing"
 * const doc = taxonomyToSkos(tax, { baseUri: "https://example.com/taxonomy/" });
 * doc["@graph"][1]["@id"]; // => "https://example.com/taxonomy/billing"
 */
export interface SkosOptions {
  /** Base IRI of the scheme; concepts are `base + encodeURIComponent(code)`. Default `urn:supportops:<id>:`. */
  readonly baseUri?: string | undefined;
}

/**
 * A JSON-LD document: `@context` plus a `@graph` of the scheme and its concepts.
 *
 * @example
 * // tax: a taxonomy with a top-level node "billing"
 * const doc: SkosDocument = taxonomyToSkos(tax);
 * Object.keys(doc["@context"]); // => ["skos", "owl", "dct"]
 * doc["@graph"].length;         // => 2 (the scheme, then one concept)
 */
export interface SkosDocument {
  /** Prefixes for SKOS, OWL and Dublin Core terms. */
  readonly "@context": Readonly<Record<string, string>>;
  /** The concept scheme first, then one concept per node, depth-first. */
  readonly "@graph": ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/**
 * Writes a taxonomy as a W3C SKOS concept scheme in JSON-LD: each node is a `skos:Concept` whose
 * `skos:notation` is its code, with `skos:prefLabel`, `skos:altLabel` (aliases), `skos:broader` /
 * `skos:narrower`, `skos:scopeNote` (description) and, for deprecated nodes, `owl:deprecated`,
 * `dct:isReplacedBy` and `skos:historyNote` (the reason). Concept IRIs come from codes, so they stay
 * the same across versions; the scheme carries `owl:versionInfo`.
 *
 * @param taxonomy - the taxonomy
 * @param options - the base IRI
 * @returns a JSON-LD document (serialise with `JSON.stringify`)
 * @throws {@link TaxonomyError} `invalid_argument` when `taxonomy` is not one or `options` is not `{ baseUri? }`
 * @example
 * const tax = createTaxonomy({ id: "support", version: "1", nodes: [{ code: "billing", label: "Billing" }] });
 * taxonomyToSkos(tax)["@graph"][1];
 * // => { "@id": "urn:supportops:support:billing", "@type": "skos:Concept", "skos:inScheme": { "@id": "urn:supportops:support" },
 * //      "skos:notation": "billing", "skos:prefLabel": "Billing", "skos:topConceptOf": { "@id": "urn:supportops:support" } }
 */
export function taxonomyToSkos(taxonomy: Taxonomy, options?: SkosOptions): SkosDocument {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  const { baseUri } = options === undefined ? {} : parseArgument(SkosOptionsSchema, options, ["options"]);
  const base = baseUri ?? `urn:supportops:${encodeURIComponent(taxonomy.id)}:`;
  const scheme = { "@id": base.replace(/[:/#]$/u, "") };
  const iri = (code: string): { "@id": string } => ({ "@id": `${base}${encodeURIComponent(code)}` });
  const concepts = taxonomy.nodes.map((node) => ({
    ...iri(node.code),
    "@type": "skos:Concept",
    "skos:inScheme": scheme,
    "skos:notation": node.code,
    "skos:prefLabel": node.label,
    ...(node.aliases.length > 0 ? { "skos:altLabel": node.aliases } : {}),
    ...(node.description !== undefined ? { "skos:scopeNote": node.description } : {}),
    ...(node.parent === null ? { "skos:topConceptOf": scheme } : { "skos:broader": iri(node.parent) }),
    ...(node.children.length > 0 ? { "skos:narrower": node.children.map(iri) } : {}),
    ...(node.deprecated === null
      ? {}
      : {
          "owl:deprecated": true,
          ...(node.deprecated.replacedBy.length > 0 ? { "dct:isReplacedBy": node.deprecated.replacedBy.map(iri) } : {}),
          ...(node.deprecated.reason !== undefined ? { "skos:historyNote": node.deprecated.reason } : {}),
        }),
  }));
  return {
    "@context": {
      skos: "http://www.w3.org/2004/02/skos/core#",
      owl: "http://www.w3.org/2002/07/owl#",
      dct: "http://purl.org/dc/terms/",
    },
    "@graph": [
      {
        ...scheme,
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": taxonomy.id,
        "owl:versionInfo": taxonomy.version,
        "skos:hasTopConcept": taxonomy.children().map((n) => iri(n.code)),
      },
      ...concepts,
    ],
  };
}
