import { describe, expect, it } from "vitest";
import {
  ClosureCodeSchema,
  DeprecationSchema,
  FieldNameSchema,
  LabelSchema,
  NodeCodeSchema,
  OptionLimitSchema,
  StatusRuleSchema,
  TaxonomyDefinitionSchema,
  TaxonomyNodeSchema,
  createTaxonomy,
  taxonomyDefinitionJsonSchema,
} from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

describe("definition schemas", () => {
  it("TSDoc examples", () => {
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
    expect(TaxonomyDefinitionSchema.safeParse(SUPPORT).success).toBe(true);
    expect(taxonomyDefinitionJsonSchema()["type"]).toBe("object");
  });

  it("exports the definition schema as JSON Schema, and round-trips through JSON", () => {
    const schema = taxonomyDefinitionJsonSchema();
    expect(schema["type"]).toBe("object");
    expect(schema["required"]).toStrictEqual(["id", "version", "nodes"]);
    expect((schema["properties"] as Record<string, unknown>)["nodes"]).toStrictEqual({
      minItems: 1,
      type: "array",
      items: { $ref: "#/$defs/TaxonomyNode" },
      description: "The tree: nested through children, or flat with parent codes.",
    });
    const node = (schema["$defs"] as Record<string, Record<string, unknown>>)["TaxonomyNode"]!;
    expect(node["required"]).toStrictEqual(["code", "label"]);
    expect(node["additionalProperties"]).toBe(false);
    const tax = createTaxonomy(SUPPORT);
    expect(TaxonomyDefinitionSchema.safeParse(JSON.parse(JSON.stringify(tax))).success).toBe(true);
    expect(createTaxonomy(JSON.parse(JSON.stringify(tax))).nodes).toStrictEqual(tax.nodes);
  });
});
