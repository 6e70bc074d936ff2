import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createTaxonomy, taxonomyFromZendeskOptions, taxonomyToZendeskOptions } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

describe("taxonomyToZendeskOptions (random trees)", () => {
  test.prop([definitionArb], { numRuns: numRuns(100) })("every exported option, read back, resolves by its title to its tag (inverse)", (def) => {
    const tax = createTaxonomy(def);
    const options = taxonomyToZendeskOptions(tax);
    expect(options.map((o) => o.value)).toStrictEqual(tax.nodes.filter((n) => n.selectable).map((n) => n.code));
    const back = createTaxonomy(taxonomyFromZendeskOptions(options, { id: "z", version: "1", maxDepth: 10 }));
    for (const option of options) {
      const found = back.resolve(option.name);
      expect(found.success && found.data.code).toBe(option.value);
      expect(back.node(option.value)?.labelPath).toBe(option.name);
    }
  });
});
