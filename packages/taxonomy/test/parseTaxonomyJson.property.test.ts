import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, parseTaxonomyJson } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

describe("parseTaxonomyJson (random trees)", () => {
  test.prop([definitionArb], { numRuns: numRuns(100) })("reads JSON.stringify(tax) back to the same nodes (inverse)", (def) => {
    const tax = createTaxonomy(def);
    expect(parseTaxonomyJson(JSON.stringify(tax)).nodes).toStrictEqual(tax.nodes);
  });
});
