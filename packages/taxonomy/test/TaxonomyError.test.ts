import { describe, expect, it } from "vitest";
import { COMMON_ERROR_CODES, SupportOpsError } from "@supportops/core";
import type { Issue } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import {
  TAXONOMY_ERROR_CODES,
  TAXONOMY_ISSUE_CODES,
  TaxonomyError,
  auditAccuracy,
  checkTaxonomyHealth,
  createTaxonomy,
  diffTaxonomies,
  parseTaxonomyJson,
  reviseTaxonomy,
  safeCreateTaxonomy,
  taxonomyFromCsv,
  taxonomyFromZendeskOptions,
  taxonomyToZendeskOptions,
} from "@supportops/taxonomy";
import { failure as refused } from "./support/failure.js";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);
const base = { id: "t", version: "1" };
const settings = { id: "t", version: "1" };
const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

// One way to provoke each error code, from the public API.
const errorCases: Record<(typeof TAXONOMY_ERROR_CODES)[number], () => TaxonomyError> = {
  invalid_taxonomy: () => thrown(() => createTaxonomy({ ...base, nodes: [] })),
  invalid_classification: () => refused(tax.validate({ code: "billing" })),
  invalid_migration: () => thrown(() => tax.migrate({ code: "other", version: "1" }, { fromVersion: "1", toVersion: "2" })),
  invalid_import: () => thrown(() => taxonomyFromCsv("", settings)),
  invalid_export: () => thrown(() => taxonomyToZendeskOptions(createTaxonomy({ ...base, separator: "/", nodes: [{ code: "a", label: "a::b" }] }))),
  invalid_revision: () => thrown(() => reviseTaxonomy(tax, "2", [{ op: "deprecate", code: "nope", reason: "x" }])),
  invalid_argument: () => thrown(() => auditAccuracy([{ assigned: "x", audited: "y" }], { taxonomy: tax })),
  not_found: () => thrown(() => tax.path("missing")),
};

// One way to provoke each issue code; health warnings come back as data, not as errors.
const issueCases: Record<(typeof TAXONOMY_ISSUE_CODES)[number], () => ReadonlyArray<Issue>> = {
  duplicate_code: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A" }, { code: "a", label: "B" }] })).issues,
  unknown_parent: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A", parent: "p" }] })).issues,
  conflicting_parent: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "p", label: "P" }, { code: "q", label: "Q", children: [{ code: "a", label: "A", parent: "p" }] }] })).issues,
  cycle: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A", parent: "a" }] })).issues,
  too_deep: () => refused(safeCreateTaxonomy({ ...base, maxDepth: 1, nodes: [{ code: "a", label: "A", children: [{ code: "b", label: "B" }] }] })).issues,
  invalid_limits: () => refused(safeCreateTaxonomy({ ...base, maxDepth: 1, minDepth: 2, nodes: [{ code: "a", label: "A" }] })).issues,
  separator_in_label: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A::B" }] })).issues,
  label_too_long: () => refused(safeCreateTaxonomy({ ...base, maxLabelLength: 1, nodes: [{ code: "a", label: "AB" }] })).issues,
  duplicate_label: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A" }, { code: "b", label: "a" }] })).issues,
  missing_replacement: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A", deprecated: {} }] })).issues,
  unknown_replacement: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A", deprecated: { replacedBy: ["z"] } }] })).issues,
  too_many_options: () => refused(safeCreateTaxonomy({ ...base, optionLimit: { max: 1 }, nodes: [{ code: "a", label: "A" }, { code: "b", label: "B" }] })).issues,
  too_many_fields: () => refused(safeCreateTaxonomy({ ...base, nodes: [{ code: "a", label: "A", requires: Array.from({ length: 101 }, (_, i) => `f${i}`) }] })).issues,
  too_many_replacements: () =>
    refused(
      safeCreateTaxonomy({
        ...base,
        nodes: [{ code: "old", label: "Old", deprecated: { replacedBy: Array.from({ length: 101 }, (_, i) => `n${i}`) } }, ...Array.from({ length: 101 }, (_, i) => ({ code: `n${i}`, label: `N${i}` }))],
      }),
    ).issues,
  unknown_closure_code: () => refused(tax.validate({ code: "other", closureCode: "nope" })).issues,
  unknown_code: () => refused(tax.validate({ code: "nope" })).issues,
  missing_version: () => refused(tax.validate({ code: "other" }, { mode: "historical" })).issues,
  version_mismatch: () => refused(tax.validate({ code: "other", version: "0" })).issues,
  inconsistent_path: () => refused(tax.validate({ code: "other", path: ["billing", "other"] })).issues,
  deprecated_code: () => refused(tax.validate({ code: "access.legacy" })).issues,
  internal_node: () => refused(tax.validate({ code: "access" })).issues,
  missing_field: () => refused(tax.validate({ code: "other" }, { status: "closed" })).issues,
  empty_path: () => refused(tax.resolve("")).issues,
  no_match: () => refused(tax.resolve("Billing::Nope")).issues,
  ambiguous: () => refused(createTaxonomy({ ...base, nodes: [{ code: "a", label: "A", children: [{ code: "a1", label: "X" }] }, { code: "b", label: "B", children: [{ code: "b1", label: "X" }] }] }).resolve("X")).issues,
  malformed_csv: () => thrown(() => taxonomyFromCsv("name\nA", settings)).issues,
  malformed_json: () => thrown(() => parseTaxonomyJson("nope")).issues,
  invalid_row: () => thrown(() => taxonomyFromZendeskOptions(["A::"], settings)).issues,
  label_not_exportable: () => errorCases.invalid_export().issues,
  invalid_option: () => thrown(() => auditAccuracy([], { matchLevel: -1 })).issues,
  not_deletable: () => thrown(() => reviseTaxonomy(tax, "2", [{ op: "delete", code: "other" }])).issues,
  too_many_classes: () => thrown(() => auditAccuracy(Array.from({ length: 2001 }, (_, i) => ({ assigned: `c${i}`, audited: `c${i}` })))).issues,
  other_share: () => checkTaxonomyHealth(tax, ["other"]).warnings,
  unused_category: () => checkTaxonomyHealth(tax, ["other"]).warnings,
  too_many_leaves: () => checkTaxonomyHealth(tax, [], { maxLeaves: 1 }).warnings,
  near_duplicate_labels: () => checkTaxonomyHealth(createTaxonomy({ ...base, nodes: [{ code: "a", label: "Log-in" }, { code: "b", label: "Login" }] }), []).warnings,
};

describe("TaxonomyError", () => {
  it.each(TAXONOMY_ERROR_CODES)("error code %s is thrown (or returned) by the public API", (code) => {
    const error = errorCases[code]();
    expect(error).toBeInstanceOf(TaxonomyError);
    expect(error).toBeInstanceOf(SupportOpsError);
    expect(error.name).toBe("TaxonomyError");
    expect(error.code).toBe(code);
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it.each(TAXONOMY_ISSUE_CODES)("issue code %s is produced, with a message", (code) => {
    const issue = issueCases[code]().find((i) => i.code === code);
    expect(issue?.code).toBe(code);
    expect(issue!.message.length).toBeGreaterThan(10);
  });

  it("lists every common code it throws, and no other code another package could use", () => {
    const common: ReadonlyArray<string> = COMMON_ERROR_CODES;
    expect(TAXONOMY_ERROR_CODES.filter((code) => common.includes(code))).toStrictEqual(["invalid_argument", "not_found"]);
    expect(TAXONOMY_ERROR_CODES.filter((code) => !common.includes(code)).every((code) => code.startsWith("invalid_"))).toBe(true);
  });

  it("TSDoc examples: the code lists, and the error a safe function returns", () => {
    expect(TAXONOMY_ERROR_CODES.includes("invalid_taxonomy")).toBe(true);
    expect(TAXONOMY_ERROR_CODES.includes("not_found")).toBe(true);
    expect(TAXONOMY_ISSUE_CODES.includes("deprecated_code")).toBe(true);
    const error = refused(safeCreateTaxonomy({ id: "t", version: "1", nodes: [] }));
    expect([error instanceof TaxonomyError, error.code, error.message]).toStrictEqual([true, "invalid_taxonomy", "nodes: a taxonomy needs at least one node"]);
  });

  it("formats issues with their paths in the message", () => {
    const error = thrown(() => createTaxonomy({ ...base, nodes: [{ code: "a", label: "A", children: [{ code: "a", label: "B" }] }] }));
    expect(error.message).toBe('nodes[0].children[0].code: code "a" is already used by the node at nodes[0]; codes must be unique across the taxonomy');
  });

  it("safeCreateTaxonomy returns the taxonomy on success", () => {
    const result = safeCreateTaxonomy(SUPPORT);
    expect(result.success && result.data.version).toBe("2026.1");
    expect(diffTaxonomies(tax, tax).added).toStrictEqual([]);
  });
});
