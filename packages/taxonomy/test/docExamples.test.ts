// The `@example` blocks of the TSDoc, run: each `// =>` claim in the source is asserted here.
import { describe, expect, it } from "vitest";
import {
  ClosureCodeSchema,
  DeprecationSchema,
  FieldNameSchema,
  LabelSchema,
  NodeCodeSchema,
  OptionLimitSchema,
  StatusRuleSchema,
  TAXONOMY_ERROR_CODES,
  TAXONOMY_ISSUE_CODES,
  ClassificationSchema,
  TaxonomyDefinitionSchema,
  TaxonomyNodeSchema,
  auditAccuracy,
  checkTaxonomyHealth,
  createTaxonomy,
  diffTaxonomies,
  parseTaxonomyJson,
  reviseTaxonomy,
  safeCreateTaxonomy,
  taxonomyDefinitionJsonSchema,
  taxonomyFromCsv,
  taxonomyFromZendeskOptions,
  taxonomyToCsv,
  taxonomyToSkos,
  taxonomyToZendeskOptions,
} from "@supportops/taxonomy";
import { failure } from "./thrown.js";

describe("TSDoc examples", () => {
  it("schemas and code lists", () => {
    expect(TAXONOMY_ERROR_CODES.includes("invalid_taxonomy")).toBe(true);
    expect(TAXONOMY_ISSUE_CODES.includes("deprecated_code")).toBe(true);
    expect(NodeCodeSchema.safeParse("billing.refund").success).toBe(true);
    expect(NodeCodeSchema.safeParse(" billing").success).toBe(false);
    expect(LabelSchema.safeParse("Refund").success).toBe(true);
    expect(FieldNameSchema.parse("resolutionNotes")).toBe("resolutionNotes");
    expect(DeprecationSchema.parse({ replacedBy: ["billing.invoices"] })).toStrictEqual({ replacedBy: ["billing.invoices"] });
    expect(TaxonomyNodeSchema.safeParse({ code: "billing", label: "Billing" }).success).toBe(true);
    expect(ClosureCodeSchema.parse({ code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] })).toStrictEqual({
      code: "duplicate",
      label: "Duplicate",
      requires: ["duplicateOf"],
    });
    expect(StatusRuleSchema.parse({ when: { status: ["solved"] }, require: ["closureCode"] })).toStrictEqual({
      when: { status: ["solved"] },
      require: ["closureCode"],
    });
    expect(OptionLimitSchema.parse("zendesk")).toBe("zendesk");
    expect(TaxonomyDefinitionSchema.safeParse({ id: "support", version: "1", nodes: [{ code: "a", label: "A" }] }).success).toBe(true);
    expect(taxonomyDefinitionJsonSchema()["type"]).toBe("object");
    expect(ClassificationSchema.safeParse({ code: "billing.refund", version: "2026.1" }).success).toBe(true);
  });

  it("createTaxonomy, safeCreateTaxonomy, TaxonomyError", () => {
    const tax = createTaxonomy({
      id: "support",
      version: "2026.1",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }],
    });
    expect(tax.path("billing.refund")).toStrictEqual(["billing", "billing.refund"]);
    const bad = safeCreateTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A::B" }] });
    expect(bad.success).toBe(false);
    expect(failure(bad).issues[0].code).toBe("separator_in_label");
    expect(failure(safeCreateTaxonomy({ id: "t", version: "1", nodes: [] })).code).toBe("invalid_taxonomy");
  });

  it("diffTaxonomies", () => {
    const v1 = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }, { code: "b", label: "B" }] });
    const v2 = createTaxonomy({ id: "s", version: "2", nodes: [{ code: "a", label: "Accounts" }, { code: "b", label: "B", deprecated: { replacedBy: ["a"] } }] });
    expect(diffTaxonomies(v1, v2).renamed).toStrictEqual([{ code: "a", from: "A", to: "Accounts" }]);
    expect(diffTaxonomies(v1, v2).merged).toStrictEqual([{ into: "a", from: ["b"] }]);
    const r1 = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "Acess" }, { code: "b", label: "B" }] });
    const r2 = createTaxonomy(
      reviseTaxonomy(r1, "2", [
        { op: "rename", code: "a", label: "Access" },
        { op: "merge", from: ["b"], into: "a" },
      ]),
    );
    expect(r2.node("a")?.aliases).toStrictEqual(["Acess"]);
    expect(r2.migrate({ code: "b", version: "1" }, diffTaxonomies(r1, r2)).kind).toBe("remapped");
  });

  it("auditAccuracy and checkTaxonomyHealth", () => {
    const audit = auditAccuracy([
      { assigned: "billing.refund", audited: "billing.refund" },
      { assigned: "billing.refund", audited: "billing.invoices" },
    ]);
    expect(audit.accuracy).toBe(0.5);
    expect(audit.classes).toStrictEqual(["billing.invoices", "billing.refund"]);
    expect(audit.confusion).toStrictEqual([
      [0, 1],
      [0, 1],
    ]);
    const tax = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "Access" }, { code: "o", label: "Other", other: true }] });
    expect(checkTaxonomyHealth(tax, ["o", "o", "a"]).other.share).toBe(0.6666666666666666);
  });

  it("import and export", () => {
    const def = taxonomyFromZendeskOptions(
      [
        { name: "Billing::Refund", value: "billing_refund" },
        { name: "Billing::Invoices", value: "billing_invoices" },
      ],
      { id: "support", version: "1" },
    );
    expect(def.nodes[0]!.code).toBe("billing");
    expect(def.nodes[0]!.children?.map((c) => c.code)).toStrictEqual(["billing_refund", "billing_invoices"]);
    const tax = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }] });
    expect(taxonomyToZendeskOptions(tax)).toStrictEqual([{ name: "Billing::Refund", value: "billing.refund" }]);
    const comma = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund, full" }] }] });
    expect(taxonomyToCsv(comma).split("\r\n")[2]).toBe('Billing,"Refund, full",billing.refund,,,,,,,');
    expect(taxonomyFromCsv('Category,Subcategory\r\nBilling,"Refund, full"\r\n', { id: "s", version: "1", levelColumns: ["Category", "Subcategory"] }).nodes).toStrictEqual([
      { code: "billing", label: "Billing", children: [{ code: "billing__refund_full", label: "Refund, full" }] },
    ]);
    const one = createTaxonomy({ id: "support", version: "1", nodes: [{ code: "billing", label: "Billing" }] });
    expect(taxonomyToSkos(one)["@graph"][1]).toStrictEqual({
      "@id": "urn:supportops:support:billing",
      "@type": "skos:Concept",
      "skos:inScheme": { "@id": "urn:supportops:support" },
      "skos:notation": "billing",
      "skos:prefLabel": "Billing",
      "skos:topConceptOf": { "@id": "urn:supportops:support" },
    });
    expect(parseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}').version).toBe("1");
  });
});
