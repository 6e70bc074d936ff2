import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, taxonomyToZendeskOptions } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);
const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

describe("taxonomyToZendeskOptions", () => {
  it("exports selectable nodes as a::b titles with codes as tags; deprecated ones on request", () => {
    expect(taxonomyToZendeskOptions(tax)).toStrictEqual([
      { name: "Billing::Refund", value: "billing.refund" },
      { name: "Billing::Invoices", value: "billing.invoices" },
      { name: "Access::SSO", value: "access.sso" },
      { name: "Access::Password reset", value: "access.password" },
      { name: "Other", value: "other" },
    ]);
    expect(taxonomyToZendeskOptions(tax, { includeDeprecated: true }).map((o) => o.value)).toStrictEqual([
      "billing.refund",
      "billing.invoices",
      "billing.invoice",
      "access.sso",
      "access.password",
      "access.legacy",
      "other",
    ]);
  });

  it("refuses labels containing :: (invalid_export)", () => {
    const arrows = createTaxonomy({ id: "t", version: "1", separator: ">", nodes: [{ code: "a", label: "C::D" }] });
    const exportError = thrown(() => taxonomyToZendeskOptions(arrows));
    expect(exportError.code).toBe("invalid_export");
    expect(exportError.issues).toStrictEqual([
      { code: "label_not_exportable", path: ["a"], message: 'label "C::D" contains "::", which Zendesk reads as nesting; rename it before exporting' },
    ]);
  });

  it("throws invalid_argument, never a TypeError, for arguments of the wrong type", () => {
    expect(thrown(() => taxonomyToZendeskOptions(undefined as never)).issues).toStrictEqual([
      { code: "invalid_type", path: ["taxonomy"], message: "expected a taxonomy made by createTaxonomy, got undefined" },
    ]);
    const misspelt = thrown(() => taxonomyToZendeskOptions(tax, { includeDeprecate: true } as never));
    expect([misspelt.code, misspelt.issues[0].path]).toStrictEqual(["invalid_argument", ["options", "includeDeprecate"]]);
  });

  it("TSDoc example", () => {
    const small = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }] });
    expect(taxonomyToZendeskOptions(small)).toStrictEqual([{ name: "Billing::Refund", value: "billing.refund" }]);
  });
});
