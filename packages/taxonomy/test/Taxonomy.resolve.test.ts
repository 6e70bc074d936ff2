import { describe, expect, it } from "vitest";
import { TaxonomyError, createTaxonomy } from "@supportops/taxonomy";
import { failure } from "./support/failure.js";
import { SUPPORT } from "./support/fixture.js";

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
    expect(!result.success && result.error.code).toBe("not_found");
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

  it("ignores invisible characters in what people type, as in labels (T2)", () => {
    expect(tax.resolve("Bill\u200bing::\u2060Re\u00adfunds")).toStrictEqual(refund);
    expect(tax.resolve("\ufeffbilling \u202e:: refund")).toStrictEqual(refund);
  });

  it("names at most ten of the nodes an ambiguous name matches (the message stays short for a name used thousands of times)", () => {
    const many = createTaxonomy({ id: "t", version: "1", maxDepth: 2, nodes: Array.from({ length: 1_000 }, (_, i) => ({ code: `p${i}`, label: `P${i}`, children: [{ code: `o${i}`, label: "Other" }] })) });
    const result = many.resolve("Other");
    expect(!result.success && result.error.issues[0]!.message).toBe(
      `"Other" names 1000 nodes (${Array.from({ length: 10 }, (_, i) => `"P${i}::Other"`).join(", ")}, …); give the full path`,
    );
  });

  it("resolves a Greek label ending in sigma inside a path without spaces (final sigma folds like sigma)", () => {
    const greek = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "odos", label: "ΟΔΟΣ", children: [{ code: "odos.x", label: "Χ" }] }] });
    expect(greek.resolve("ΟΔΟΣ::Χ")).toStrictEqual({ success: true, data: { code: "odos.x", path: ["odos", "odos.x"] } });
    expect(greek.resolve("οδος :: χ")).toStrictEqual({ success: true, data: { code: "odos.x", path: ["odos", "odos.x"] } });
  });

  it("returns invalid_argument, never throws a TypeError, for a label path that is not a string", () => {
    for (const value of [null, undefined, 42, ["Billing"]]) {
      const error = failure(tax.resolve(value as never));
      expect(error).toBeInstanceOf(TaxonomyError);
      expect(error.code).toBe("invalid_argument");
      expect(error.issues[0]).toStrictEqual({
        code: "invalid_type",
        path: ["labelPath"],
        message: expect.stringMatching(/^expected a label path \(a string such as "Billing::Refund"\), got /u) as unknown as string,
      });
    }
    expect(failure(tax.resolve(null as never)).message).toBe('labelPath: expected a label path (a string such as "Billing::Refund"), got null');
  });

  it("TSDoc example", () => {
    const small = createTaxonomy({
      id: "support",
      version: "2026.1",
      nodes: [{ code: "billing", label: "Billing", aliases: ["Payments"], children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }] }],
    });
    expect(small.resolve("payments :: refund")).toStrictEqual({ success: true, data: { code: "billing.refund", path: ["billing", "billing.refund"] } });
    expect(failure(small.resolve("Billing::Refunds")).issues.map((i) => [i.code, i.path])).toStrictEqual([["no_match", [1]]]);
  });
});
