import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);

describe("tax.path, tax.children, tax.node, tax.has, tax.leaves", () => {
  it("path and children throw not_found (issue unknown_code) for a code the taxonomy lacks; node and has say no", () => {
    const expected = [{ code: "unknown_code", path: [], message: '"nope" is not a node code in taxonomy "support" version "2026.1"' }];
    for (const error of [thrownBy(TaxonomyError, () => tax.path("nope")), thrownBy(TaxonomyError, () => tax.children("nope"))]) {
      expect(error.code).toBe("not_found");
      expect(error.issues).toStrictEqual(expected);
    }
    expect(tax.node("nope")).toBeUndefined();
    expect(tax.has("billing")).toBe(true);
    expect(tax.has("nope")).toBe(false);
  });

  it("path throws invalid_argument, never a TypeError, for a code that is not a string", () => {
    const error = thrownBy(TaxonomyError, () => tax.path(42 as never));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "invalid_type", path: ["code"], message: "expected a node code (a string) for tax.path, got number 42" }],
    ]);
    expect(thrownBy(TaxonomyError, () => tax.path(undefined as never)).code).toBe("invalid_argument");
  });

  it("children throws invalid_argument for a code that is neither a string nor omitted", () => {
    const error = thrownBy(TaxonomyError, () => tax.children(null as never));
    expect([error.code, error.issues[0].path, error.issues[0].message]).toStrictEqual(["invalid_argument", ["code"], "expected a node code (a string) for tax.children, got null"]);
  });

  it("leaves throws invalid_argument for options that are not an object", () => {
    const error = thrownBy(TaxonomyError, () => tax.leaves("all" as never));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_argument", ["options"]]);
    expect(tax.leaves(undefined).length).toBe(5);
  });

  it("node and has answer undefined and false for a value that is not a string", () => {
    expect(tax.node(42 as never)).toBeUndefined();
    expect(tax.has(null as never)).toBe(false);
  });

  it("TSDoc examples", () => {
    const small = createTaxonomy({
      id: "support",
      version: "2026.1",
      nodes: [
        {
          code: "billing",
          label: "Billing",
          aliases: ["Payments"],
          requires: ["invoiceId"],
          children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }],
        },
      ],
    });
    expect([small.version, small.nodes.length]).toStrictEqual(["2026.1", 3]);
    expect(small.node("billing.refund")?.labelPath).toBe("Billing::Refund");
    expect(small.node("billing.refund")?.depth).toBe(2);
    expect(small.node("nope")).toBeUndefined();
    expect([small.has("billing.refund"), small.has("nope")]).toStrictEqual([true, false]);
    expect(small.path("billing.refund")).toStrictEqual(["billing", "billing.refund"]);
    expect(small.children("billing").map((n) => n.code)).toStrictEqual(["billing.refund", "billing.other"]);
    expect(small.children().map((n) => n.code)).toStrictEqual(["billing"]);
    expect(small.leaves().map((n) => n.code)).toStrictEqual(["billing.refund", "billing.other"]);
    expect(small.validate({ code: "billing.refund", fields: { invoiceId: "INV-7" } })).toStrictEqual({
      success: true,
      data: { code: "billing.refund", fields: { invoiceId: "INV-7" }, version: "2026.1" },
    });
    expect(small.validate({ code: "billing.refund" }).success).toBe(false);
  });
});
