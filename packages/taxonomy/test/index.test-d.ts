import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Issue, SafeResult, SupportOpsError, ZodIssueCode } from "@supportops/core";
import {
  ClassificationSchema,
  ClosureCodeSchema,
  DeprecationSchema,
  MAX_TAXONOMY_DEPTH,
  OptionLimitSchema,
  StatusRuleSchema,
  TaxonomyChangeSchema,
  TaxonomyDefinitionSchema,
  TaxonomyNodeSchema,
  createTaxonomy,
  parseTaxonomyJson,
  safeCreateTaxonomy,
  safeParseTaxonomyJson,
  safeTaxonomyFromCsv,
  safeTaxonomyFromZendeskOptions,
  taxonomyToCsv,
} from "@supportops/taxonomy";
import type {
  Classification,
  ClosureCodeDefinition,
  CsvExportOptions,
  CsvImportOptions,
  Deprecation,
  MigrationResult,
  OptionLimit,
  Resolved,
  StatusRule,
  Taxonomy,
  TaxonomyChange,
  TaxonomyDefinition,
  TaxonomyError,
  TaxonomyErrorCode,
  TaxonomyIssueCode,
  TaxonomyNode,
  TaxonomyNodeDefinition,
  ValidClassification,
} from "@supportops/taxonomy";

/** The hand-written types are readonly for callers; schemas produce mutable values. Compare them without that. */
type Mutable<T> = T extends ReadonlyArray<infer U> ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

describe("TaxonomyError", () => {
  it("narrows its code and issue codes", () => {
    expectTypeOf<TaxonomyError["code"]>().toEqualTypeOf<TaxonomyErrorCode>();
    expectTypeOf<TaxonomyErrorCode>().toEqualTypeOf<
      "invalid_taxonomy" | "invalid_classification" | "invalid_migration" | "invalid_import" | "invalid_export" | "invalid_revision" | "invalid_argument" | "not_found"
    >();
    expectTypeOf<TaxonomyError>().toMatchTypeOf<SupportOpsError>();
    expectTypeOf<TaxonomyError["issues"][number]>().toEqualTypeOf<Issue<TaxonomyIssueCode>>();
    expectTypeOf<"no_match" | "unknown_code" | "invalid_argument" | ZodIssueCode>().toMatchTypeOf<TaxonomyIssueCode>();
    expectTypeOf<"unresolved">().not.toMatchTypeOf<TaxonomyIssueCode>();
  });
});

describe("safe functions", () => {
  it("take unknown and return SafeResult<…, TaxonomyError>", () => {
    const json: unknown = JSON.parse("{}");
    expectTypeOf(safeCreateTaxonomy(json)).toEqualTypeOf<SafeResult<Taxonomy, TaxonomyError>>();
    expectTypeOf(safeParseTaxonomyJson).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeParseTaxonomyJson(json)).toEqualTypeOf<SafeResult<Taxonomy, TaxonomyError>>();
    expectTypeOf(safeTaxonomyFromCsv(json, json)).toEqualTypeOf<SafeResult<TaxonomyDefinition, TaxonomyError>>();
    expectTypeOf(safeTaxonomyFromZendeskOptions(json, json)).toEqualTypeOf<SafeResult<TaxonomyDefinition, TaxonomyError>>();
  });

  it("a literal definition keeps its codes through safeCreateTaxonomy too", () => {
    const result = safeCreateTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }] });
    expectTypeOf(result).toEqualTypeOf<SafeResult<Taxonomy<"a">, TaxonomyError>>();
  });
});

describe("createTaxonomy literal inference", () => {
  const tax = createTaxonomy({
    id: "support",
    version: "2026.1",
    nodes: [
      { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.old", label: "Old", deprecated: { replacedBy: ["billing.refund"] } }] },
      { code: "access", label: "Access" },
      { code: "access.sso", label: "SSO", parent: "access" },
    ],
    rules: [{ when: { codes: ["access"] }, require: ["identityProvider"] }],
  });
  type Code = "billing" | "billing.refund" | "billing.old" | "access" | "access.sso";

  it("an inline definition infers its codes", () => {
    expectTypeOf(tax).toEqualTypeOf<Taxonomy<Code>>();
    expectTypeOf(tax.path).parameter(0).toEqualTypeOf<Code>();
    expectTypeOf(tax.path("billing.refund")).toEqualTypeOf<ReadonlyArray<Code>>();
    expectTypeOf(tax.nodes[0]).toEqualTypeOf<TaxonomyNode<Code> | undefined>();
    expectTypeOf(tax.resolve("Billing::Refund")).toEqualTypeOf<SafeResult<Resolved<Code>, TaxonomyError>>();
    expectTypeOf(tax.validate({ code: "billing.refund" })).toEqualTypeOf<SafeResult<ValidClassification<Code>, TaxonomyError>>();
    expectTypeOf(tax.migrate({ code: "x", version: "0" }, { fromVersion: "0", toVersion: "2026.1" })).toEqualTypeOf<MigrationResult<Code>>();
    // @ts-expect-error: a typo in a code is a compile-time error
    tax.path("billing.refnd");
    // @ts-expect-error: so is a code of another taxonomy in children()
    tax.children("hardware");
  });

  it("an as-const definition infers its codes", () => {
    const definition = { id: "s", version: "1", nodes: [{ code: "a", label: "A", children: [{ code: "a.b", label: "B" }] }] } as const;
    expectTypeOf(createTaxonomy(definition)).toEqualTypeOf<Taxonomy<"a" | "a.b">>();
  });

  it("parent, replacedBy and rule codes must name one of the definition's codes", () => {
    // @ts-expect-error: "acess" is not a code of this definition
    createTaxonomy({ id: "s", version: "1", nodes: [{ code: "access", label: "Access" }, { code: "sso", label: "SSO", parent: "acess" }] });
    // @ts-expect-error: nor is "gone"
    createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A", deprecated: { replacedBy: ["gone"] } }] });
    // @ts-expect-error: an unknown key is a compile-time error, as with any object literal
    createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A", lable: "A" }] });
  });

  it("has() narrows a string to the taxonomy's codes", () => {
    const input: string = "billing";
    if (tax.has(input)) expectTypeOf(input).toEqualTypeOf<Code>();
  });

  it("a definition typed TaxonomyDefinition, or read from JSON, gives Taxonomy<string>", () => {
    const typed: TaxonomyDefinition = { id: "s", version: "1", nodes: [{ code: "a", label: "A" }] };
    expectTypeOf(createTaxonomy(typed)).toEqualTypeOf<Taxonomy>();
    expectTypeOf(parseTaxonomyJson("{}")).toEqualTypeOf<Taxonomy<string>>();
    expectTypeOf(tax).toMatchTypeOf<Taxonomy>();
  });
});

describe("CSV options", () => {
  it("taxonomyToCsv takes { formulaEscape? }, taxonomyFromCsv's options carry it too", () => {
    expectTypeOf(taxonomyToCsv).parameter(1).toEqualTypeOf<CsvExportOptions | undefined>();
    expectTypeOf<CsvExportOptions["formulaEscape"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CsvImportOptions["formulaEscape"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error: a misspelt option is a compile-time error
    taxonomyToCsv(createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }] }), { formulaEscapes: false });
  });

  it("the depth limit is a number, and the limits' issue codes are issue codes", () => {
    expectTypeOf(MAX_TAXONOMY_DEPTH).toEqualTypeOf<number>();
    expectTypeOf<"too_many_fields" | "too_many_replacements" | "too_many_classes" | "too_deep">().toMatchTypeOf<TaxonomyIssueCode>();
  });
});

describe("schemas agree with the hand-written types", () => {
  it("definitions", () => {
    expectTypeOf<Mutable<z.output<typeof TaxonomyDefinitionSchema>>>().toEqualTypeOf<Mutable<TaxonomyDefinition>>();
    expectTypeOf<Mutable<z.input<typeof TaxonomyDefinitionSchema>>>().toEqualTypeOf<Mutable<TaxonomyDefinition>>();
    expectTypeOf<z.output<typeof TaxonomyNodeSchema>>().toEqualTypeOf<TaxonomyNodeDefinition>();
    expectTypeOf<Mutable<z.output<typeof ClosureCodeSchema>>>().toEqualTypeOf<Mutable<ClosureCodeDefinition>>();
    expectTypeOf<Mutable<z.output<typeof StatusRuleSchema>>>().toEqualTypeOf<Mutable<StatusRule>>();
    expectTypeOf<Mutable<z.output<typeof DeprecationSchema>>>().toEqualTypeOf<Mutable<Deprecation>>();
    expectTypeOf<Mutable<z.output<typeof OptionLimitSchema>>>().toEqualTypeOf<Mutable<OptionLimit>>();
  });

  it("classifications and changes", () => {
    expectTypeOf<Mutable<z.output<typeof ClassificationSchema>>>().toEqualTypeOf<Mutable<Classification>>();
    expectTypeOf<Mutable<z.output<typeof TaxonomyChangeSchema>>>().toEqualTypeOf<Mutable<TaxonomyChange>>();
  });
});
