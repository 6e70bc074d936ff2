import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

describe("taxonomyToCsv (random trees)", () => {
  test.prop([definitionArb], { numRuns: numRuns(100) })("taxonomyFromCsv reads the CSV back to the same nodes (inverse)", (def) => {
    const tax = createTaxonomy(def);
    const settings = { id: tax.id, version: tax.version, separator: tax.separator, maxDepth: tax.maxDepth };
    expect(createTaxonomy(taxonomyFromCsv(taxonomyToCsv(tax), settings)).nodes).toStrictEqual(tax.nodes);
  });
});
