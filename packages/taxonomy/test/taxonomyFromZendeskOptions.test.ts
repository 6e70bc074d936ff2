import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { MAX_TAXONOMY_DEPTH, TaxonomyError, createTaxonomy, safeTaxonomyFromZendeskOptions, taxonomyFromZendeskOptions } from "@supportops/taxonomy";
import { failure } from "./support/failure.js";

const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

describe("taxonomyFromZendeskOptions", () => {
  it("imports a::b::c titles; tags become codes and grouping levels get derived codes", () => {
    const def = taxonomyFromZendeskOptions(
      [
        { name: "Hardware::Laptop::Screen", value: "hw_screen" },
        { name: "Hardware :: Laptop :: Keyboard", value: "hw_keyboard" },
        "Hardware::Printer",
        { name: "Général", value: "general" },
      ],
      { id: "zd", version: "1" },
    );
    expect(def).toStrictEqual({
      separator: "::",
      id: "zd",
      version: "1",
      nodes: [
        {
          code: "hardware",
          label: "Hardware",
          children: [
            { code: "hardware__laptop", label: "Laptop", children: [{ code: "hw_screen", label: "Screen" }, { code: "hw_keyboard", label: "Keyboard" }] },
            { code: "hardware__printer", label: "Printer" },
          ],
        },
        { code: "general", label: "Général" },
      ],
    });
    expect(createTaxonomy(def).resolve("hardware::laptop::keyboard")).toStrictEqual({ success: true, data: { code: "hw_keyboard", path: ["hardware", "hardware__laptop", "hw_keyboard"] } });
  });

  it("refuses empty levels and repeated titles (invalid_import)", () => {
    const importError = thrown(() => taxonomyFromZendeskOptions([{ name: "A::", value: "a" }, "B", "b"], { id: "z", version: "1" }));
    expect(importError.code).toBe("invalid_import");
    expect(importError.issues).toStrictEqual([
      { code: "invalid_row", path: [0, "name"], message: 'option 0 title "A::" has an empty level; write titles as "Parent::Child"' },
      { code: "invalid_row", path: [2], message: 'option 2 title "b" repeats an earlier option; titles must be unique' },
    ]);
  });

  it("refuses a title nested more than MAX_TAXONOMY_DEPTH (32) levels with a typed too_deep, not a stack overflow (10 000 levels)", () => {
    const title = Array.from({ length: 10_000 }, (_, i) => `L${i}`).join("::");
    const error = thrown(() => taxonomyFromZendeskOptions(["Billing", { name: title, value: "deep" }], { id: "t", version: "1" }));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_import",
      [{ code: "too_deep", path: [1, "name"], message: "option 1 title nests 10000 levels; a taxonomy has at most 32 levels, so shorten it" }],
    ]);
    expect(failure(safeTaxonomyFromZendeskOptions([title], { id: "t", version: "1" })).issues[0].code).toBe("too_deep");
    const deepest = Array.from({ length: MAX_TAXONOMY_DEPTH }, (_, i) => `L${i}`).join("::");
    expect(createTaxonomy(taxonomyFromZendeskOptions([deepest], { id: "t", version: "1", maxDepth: MAX_TAXONOMY_DEPTH })).nodes.length).toBe(MAX_TAXONOMY_DEPTH);
  });

  it("reads option objects as Zendesk exports them, extra keys and all", () => {
    const options = [{ id: 360001, name: "Billing::Refund", raw_name: "Billing::Refund", value: "billing_refund", default: false }];
    expect(taxonomyFromZendeskOptions(options as never, { id: "z", version: "1" }).nodes).toStrictEqual([
      { code: "billing", label: "Billing", children: [{ code: "billing_refund", label: "Refund" }] },
    ]);
  });

  it("refuses an option that is neither a title nor { name, value } (invalid_import): an object gets the object form's issues", () => {
    const error = thrown(() => taxonomyFromZendeskOptions(["A", { title: "B" }, 7] as never, { id: "z", version: "1" }));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_import",
      [
        { code: "invalid_type", path: [1, "name"], message: "expected a string, got undefined" },
        { code: "invalid_type", path: [1, "value"], message: "expected a string, got undefined" },
        { code: "invalid_union", path: [2], message: 'expected a title ("Parent::Child") or an option { name, value }, got number 7' },
      ],
    ]);
  });

  it("throws invalid_argument, never a TypeError, for a list that is not an array or settings that are not valid", () => {
    expect(thrown(() => taxonomyFromZendeskOptions("Billing::Refund" as never, { id: "z", version: "1" })).issues).toStrictEqual([
      { code: "invalid_type", path: ["options"], message: 'expected an array of option titles or { name, value } options, got "Billing::Refund"' },
    ]);
    const settings = thrown(() => taxonomyFromZendeskOptions(["A"], { id: "z" } as never));
    expect([settings.code, settings.issues]).toStrictEqual(["invalid_argument", [{ code: "invalid_type", path: ["settings", "version"], message: "expected a string, got undefined" }]]);
  });

  it("safeTaxonomyFromZendeskOptions returns what taxonomyFromZendeskOptions would throw", () => {
    expect(safeTaxonomyFromZendeskOptions([{ name: "Billing", value: "billing" }], { id: "s", version: "1" })).toStrictEqual({
      success: true,
      data: { separator: "::", id: "s", version: "1", nodes: [{ code: "billing", label: "Billing" }] },
    });
    expect(failure(safeTaxonomyFromZendeskOptions([{ title: "Billing" }], { id: "s", version: "1" })).code).toBe("invalid_import");
    expect(failure(safeTaxonomyFromZendeskOptions(null, null)).code).toBe("invalid_argument");
  });

  it("TSDoc example", () => {
    const def = taxonomyFromZendeskOptions(
      [
        { name: "Billing::Refund", value: "billing_refund" },
        { name: "Billing::Invoices", value: "billing_invoices" },
      ],
      { id: "support", version: "1" },
    );
    expect(def.nodes[0]?.code).toBe("billing");
    expect(def.nodes[0]?.children?.map((c) => c.code)).toStrictEqual(["billing_refund", "billing_invoices"]);
    expect(createTaxonomy(def).nodes.length).toBe(3);
  });
});
