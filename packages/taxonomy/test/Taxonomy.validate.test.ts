import { describe, expect, it } from "vitest";
import { createTaxonomy } from "@supportops/taxonomy";
import type { Issue } from "@supportops/core";
import type { Classification, ValidateOptions } from "@supportops/taxonomy";
import { failure } from "./support/failure.js";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);

function issuesOf(classification: Classification, options?: ValidateOptions): ReadonlyArray<Issue> {
  const result = tax.validate(classification, options);
  if (result.success) throw new Error("expected the classification to be refused");
  expect(result.error.code).toBe("invalid_classification");
  return result.error.issues;
}

describe("tax.validate", () => {
  it("TSDoc examples: a Classification, and a ValidClassification carries the version", () => {
    const classification: Classification = { code: "billing.refund", version: "2026.1", fields: { invoiceId: "INV-7" } };
    const result = tax.validate(classification);
    expect(result.success && result.data.version).toBe("2026.1");
  });

  it("T12: accepts a leaf and stamps the taxonomy version on the data", () => {
    expect(tax.validate({ code: "billing.refund" })).toStrictEqual({ success: true, data: { code: "billing.refund", version: "2026.1" } });
    expect(tax.validate({ code: "billing.refund", version: "2026.1" }, { mode: "update" })).toStrictEqual({
      success: true,
      data: { code: "billing.refund", version: "2026.1" },
    });
  });

  it("T12: refuses a classification made against another version, and a historical one without a version", () => {
    expect(issuesOf({ code: "billing.refund", version: "2025.4" })).toStrictEqual([
      { code: "version_mismatch", path: ["version"], message: 'the classification was made against version "2025.4", this taxonomy is "2026.1"; migrate it first (tax.migrate)' },
    ]);
    expect(issuesOf({ code: "billing.refund" }, { mode: "historical" })).toStrictEqual([
      { code: "missing_version", path: ["version"], message: 'a historical classification must say which taxonomy version it was made against; this taxonomy is "2026.1"' },
    ]);
  });

  it("T1: refuses a label where a code belongs, and points to resolve", () => {
    expect(issuesOf({ code: "Refund" })).toStrictEqual([
      { code: "unknown_code", path: ["code"], message: '"Refund" is not a node code in taxonomy version "2026.1"; store codes, not labels (use tax.resolve to turn a label path into a code)' },
    ]);
  });

  it("T6: refuses a deprecated node on create and names the replacement", () => {
    expect(issuesOf({ code: "billing.invoice" })).toStrictEqual([
      { code: "deprecated_code", path: ["code"], message: '"billing.invoice" (Billing::Invoice (old)) is deprecated and cannot be chosen on a new classification; use "billing.invoices" (Billing::Invoices) instead' },
    ]);
    expect(issuesOf({ code: "access.legacy" })).toStrictEqual([
      { code: "deprecated_code", path: ["code"], message: '"access.legacy" (Access::Legacy login) is deprecated and cannot be chosen on a new classification; no replacement (login v1 was switched off); choose another category' },
    ]);
  });

  it("T6: on update, refuses a change to a deprecated node but keeps an unchanged one; history accepts it", () => {
    expect(issuesOf({ code: "billing.invoice" }, { mode: "update", previous: { code: "billing.refund" } }).map((i) => i.code)).toStrictEqual(["deprecated_code"]);
    expect(issuesOf({ code: "billing.invoice" }, { mode: "update" }).map((i) => i.code)).toStrictEqual(["deprecated_code"]);
    expect(tax.validate({ code: "billing.invoice" }, { mode: "update", previous: { code: "billing.invoice" } }).success).toBe(true);
    expect(tax.validate({ code: "billing.invoice", version: "2026.1" }, { mode: "historical" })).toStrictEqual({
      success: true,
      data: { code: "billing.invoice", version: "2026.1" },
    });
  });

  it("T4: refuses a node with active children unless internal choices are allowed", () => {
    expect(issuesOf({ code: "billing" })).toStrictEqual([
      { code: "internal_node", path: ["code"], message: '"billing" (Billing) has subcategories; choose one of "Refund", "Invoices"' },
    ]);
    expect(tax.validate({ code: "billing", version: "2026.1" }, { mode: "historical" }).success).toBe(true);
    const open = createTaxonomy({ ...SUPPORT, allowInternal: true });
    expect(open.validate({ code: "billing" }).success).toBe(true);
    const perNode = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A", allowInternal: true, children: [{ code: "a1", label: "A1" }] }] });
    expect(perNode.validate({ code: "a" }).success).toBe(true);
    // A node whose children are all deprecated is a leaf of the active tree.
    const retired = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A", children: [{ code: "a1", label: "A1", deprecated: { reason: "gone" } }] }] });
    expect(retired.validate({ code: "a" }).success).toBe(true);
  });

  it("T4: names at most ten subcategories (a node may have thousands; the message is built per classification)", () => {
    const wide = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A", children: Array.from({ length: 5_000 }, (_, i) => ({ code: `a${i}`, label: `C${i}` })) }] });
    expect(failure(wide.validate({ code: "a" })).issues[0]!.message).toBe(
      `"a" (A) has subcategories; choose one of ${Array.from({ length: 10 }, (_, i) => `"C${i}"`).join(", ")}, …`,
    );
  });

  it("T4: with minDepth, any node at or below that level may be chosen", () => {
    const three = createTaxonomy({
      id: "t",
      version: "1",
      minDepth: 2,
      nodes: [{ code: "a", label: "A", children: [{ code: "b", label: "B", children: [{ code: "c", label: "C" }] }] }],
    });
    expect(three.validate({ code: "b" }).success).toBe(true);
    expect(failure(three.validate({ code: "a" })).issues[0]!.message).toBe(
      '"a" (A) has subcategories; choose one of "B" or any node at level 2 or deeper',
    );
  });

  it("T5: level values stored separately must form a parent → child chain", () => {
    expect(tax.validate({ code: "billing.refund", path: ["billing", "billing.refund"] }).success).toBe(true);
    expect(issuesOf({ code: "billing.refund", path: ["access", "billing.refund"] })).toStrictEqual([
      { code: "inconsistent_path", path: ["path"], message: 'levels ["access", "billing.refund"] do not lead to "billing.refund"; each level must be a child of the previous one: ["billing", "billing.refund"]' },
    ]);
  });

  it("T5: a category can make a field required (child field required when parent = X)", () => {
    expect(issuesOf({ code: "access.sso" })).toStrictEqual([
      { code: "missing_field", path: ["fields", "identityProvider"], message: "identityProvider is missing: category Access::SSO requires it" },
    ]);
    expect(tax.validate({ code: "access.sso", fields: { identityProvider: "okta" } }).success).toBe(true);
    // Inherited by descendants, and rules can name codes.
    const ruled = createTaxonomy({
      id: "t",
      version: "1",
      nodes: [{ code: "hw", label: "Hardware", requires: ["assetTag"], children: [{ code: "hw.laptop", label: "Laptop" }] }, { code: "sw", label: "Software" }],
      rules: [{ when: { codes: ["sw"] }, require: ["application"] }],
    });
    expect(ruled.node("hw.laptop")!.requires).toStrictEqual(["assetTag"]);
    expect(ruled.validate({ code: "hw.laptop" }).success).toBe(false);
    expect(failure(ruled.validate({ code: "sw" })).issues).toStrictEqual([
      { code: "missing_field", path: ["fields", "application"], message: "application is missing: a rule requires it" },
    ]);
  });

  it("T8: closure code and resolution notes are required when solved or closed, not before", () => {
    expect(tax.validate({ code: "billing.refund" }, { status: "open" }).success).toBe(true);
    expect(issuesOf({ code: "billing.refund", fields: { resolutionNotes: "   " } }, { status: "solved" })).toStrictEqual([
      { code: "missing_field", path: ["closureCode"], message: 'closureCode is missing: status "solved" requires it' },
      { code: "missing_field", path: ["fields", "resolutionNotes"], message: 'resolutionNotes is missing: status "solved" requires it' },
    ]);
    expect(tax.validate({ code: "billing.refund", closureCode: "fixed", fields: { resolutionNotes: "refunded" } }, { status: "closed" }).success).toBe(true);
  });

  it("T9: duplicate needs duplicateOf, known error needs knownErrorRef; unknown closure codes are refused", () => {
    const solved = { code: "billing.refund", fields: { resolutionNotes: "done" } };
    expect(issuesOf({ ...solved, closureCode: "duplicate" }, { status: "solved" })).toStrictEqual([
      { code: "missing_field", path: ["fields", "duplicateOf"], message: 'duplicateOf is missing: closure code "duplicate" requires it' },
    ]);
    expect(issuesOf({ ...solved, closureCode: "known_error" }, { status: "solved" }).map((i) => i.path)).toStrictEqual([["fields", "knownErrorRef"]]);
    expect(tax.validate({ ...solved, closureCode: "duplicate", fields: { ...solved.fields, duplicateOf: "T-1" } }, { status: "solved" }).success).toBe(true);
    expect(issuesOf({ code: "billing.refund", closureCode: "wontfix" })).toStrictEqual([
      { code: "unknown_closure_code", path: ["closureCode"], message: '"wontfix" is not a closure code; use one of "fixed", "duplicate", "known_error"' },
    ]);
    // A closure-code rule condition.
    const ruled = createTaxonomy({ ...SUPPORT, rules: [{ when: { closureCodes: ["fixed"] }, require: ["fixVersion"] }] });
    expect(failure(ruled.validate({ code: "other", closureCode: "fixed" })).issues.map((i) => i.path)).toStrictEqual([["fields", "fixVersion"]]);
  });

  it("refuses an unknown mode (invalid_argument) instead of skipping rules, and names the mode that was meant", () => {
    const error = failure(tax.validate({ code: "billing.invoice" }, { mode: "created" as never }));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "invalid_value", path: ["options", "mode"], message: 'expected one of "create", "update", "historical", got "created"; did you mean "create"?' }],
    ]);
  });

  it("refuses options that are not { mode?, status?, previous? } with invalid_argument, never a TypeError", () => {
    const notAnObject = failure(tax.validate({ code: "billing.refund" }, null as never));
    expect([notAnObject.code, notAnObject.issues]).toStrictEqual(["invalid_argument", [{ code: "invalid_type", path: ["options"], message: "expected an object, got null" }]]);
    const misspelt = failure(tax.validate({ code: "billing.refund" }, { stauts: "solved" } as never));
    expect(misspelt.issues.map((i) => [i.code, i.path])).toStrictEqual([["unrecognized_keys", ["options", "stauts"]]]);
    expect(misspelt.issues[0].message).toMatch(/^unknown key "stauts"; use "status" \(allowed: /u);
    expect(failure(tax.validate({ code: "billing.refund" }, { status: 7 } as never)).issues[0].path).toStrictEqual(["options", "status"]);
  });

  it("returns invalid_classification, never throws, for a classification that is not an object", () => {
    for (const value of [undefined, null, "billing.refund", 42]) {
      const error = failure(tax.validate(value as never));
      expect([error.code, error.issues[0].code, error.issues[0].path]).toStrictEqual(["invalid_classification", "invalid_type", []]);
    }
    expect(failure(tax.validate(undefined as never)).message).toBe("expected an object, got undefined");
  });

  it("reports every problem at once, and malformed input with zod paths", () => {
    expect(issuesOf({ code: "billing", version: "x", closureCode: "nope" }).map((i) => i.code)).toStrictEqual(["version_mismatch", "internal_node", "unknown_closure_code"]);
    expect(issuesOf({ code: 7 } as unknown as Classification)).toStrictEqual([{ code: "invalid_type", path: ["code"], message: "expected a string, got number 7" }]);
  });
});
