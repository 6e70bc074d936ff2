import { describe, expect, it } from "vitest";
import { TaxonomyError, createTaxonomy } from "@supportops/taxonomy";
import { SUPPORT } from "./fixture.js";
import { failure, thrown } from "./thrown.js";

const tax = createTaxonomy(SUPPORT);
const refund = { success: true, data: { code: "billing.refund", path: ["billing", "billing.refund"] } };

describe("tax.resolve", () => {
  it("finds labels and aliases, case- and space-insensitively", () => {
    expect(tax.resolve("Billing::Refunds")).toStrictEqual(refund);
    expect(tax.resolve("  billing ::   REFUND ")).toStrictEqual(refund);
    expect(tax.resolve("BILLING\t::\trefunds")).toStrictEqual(refund);
  });

  it("finds codes, exactly or as path segments, and a lone name that is unique in the tree", () => {
    expect(tax.resolve("billing.refund")).toStrictEqual(refund);
    expect(tax.resolve("billing::billing.refund")).toStrictEqual(refund);
    expect(tax.resolve("Refunds")).toStrictEqual(refund);
    expect(tax.resolve("Billing")).toStrictEqual({ success: true, data: { code: "billing", path: ["billing"] } });
  });

  it("finds deprecated nodes too (history and reports need them); validate decides whether they may be chosen", () => {
    expect(tax.resolve("Billing::Invoice (old)")).toStrictEqual({ success: true, data: { code: "billing.invoice", path: ["billing", "billing.invoice"] } });
  });

  it("says which segment failed and what would match", () => {
    const result = tax.resolve("Billing::Refundz");
    expect(result.success).toBe(false);
    expect(!result.success && result.error).toBeInstanceOf(TaxonomyError);
    expect(!result.success && result.error.code).toBe("unresolved");
    expect(!result.success && result.error.issues).toStrictEqual([
      { code: "no_match", path: [1], message: 'no node under "Billing" is called "refundz"; choose one of "Refund", "Invoices", "Invoice (old)"' },
    ]);
    expect(failure(tax.resolve("Other::More")).issues[0]!.message).toBe('no node under "Other" is called "more"; "Other" has no children');
  });

  it("refuses empty paths and empty segments", () => {
    const empty = tax.resolve("  ");
    expect(!empty.success && empty.error.issues).toStrictEqual([
      { code: "empty_path", path: [0], message: "the path is empty; give labels, aliases or codes joined by the separator" },
    ]);
    const trailing = tax.resolve("Billing::");
    expect(!trailing.success && trailing.error.issues).toStrictEqual([
      { code: "empty_path", path: [1], message: 'segment 2 of "Billing::" is empty; remove the doubled or trailing separator "::"' },
    ]);
  });

  it("reports a lone name shared by several nodes as ambiguous", () => {
    const twice = createTaxonomy({
      id: "t",
      version: "1",
      nodes: [{ code: "a", label: "A", children: [{ code: "a.o", label: "Other" }] }, { code: "b", label: "B", children: [{ code: "b.o", label: "Other" }] }],
    });
    const result = twice.resolve("other");
    expect(!result.success && result.error.issues).toStrictEqual([
      { code: "ambiguous", path: [0], message: '"other" names 2 nodes ("A::Other", "B::Other"); give the full path' },
    ]);
    // Two siblings whose codes differ only in case match a code segment ambiguously.
    const cased = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "X", label: "One" }, { code: "x", label: "Two" }] });
    const segment = cased.resolve("x::");
    expect(!segment.success && segment.error.issues[0]!.code).toBe("empty_path");
    const both = cased.resolve("X ");
    expect(!both.success && both.error.issues).toStrictEqual([
      { code: "ambiguous", path: [0], message: '"X " names 2 nodes ("One", "Two"); give the full path' },
    ]);
  });
});

describe("tax.path, tax.children, tax.node", () => {
  it("throw unknown_code for a code the taxonomy lacks", () => {
    const expected = [{ code: "unknown_code", path: [], message: '"nope" is not a node code in taxonomy "support" version "2026.1"' }];
    for (const error of [thrown(() => tax.path("nope")), thrown(() => tax.children("nope"))]) {
      expect(error.code).toBe("unknown_code");
      expect(error.issues).toStrictEqual(expected);
    }
    expect(tax.node("nope")).toBeUndefined();
    expect(tax.has("billing")).toBe(true);
  });
});
