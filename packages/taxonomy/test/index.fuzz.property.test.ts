// Every public entry point of taxonomy, fed hostile values: it returns or throws a TaxonomyError with
// one of TAXONOMY_ERROR_CODES, never a raw exception (no RangeError from deep nesting, no TypeError
// from a wrong type); it never mutates its arguments, never pollutes a prototype and never runs away
// (expectContained from @supportops/test-utils). `pnpm test` runs it lightly; FC_RUNS_MULTIPLIER=10
// runs it ten times harder.
import { fc, test } from "@fast-check/vitest";
import { describe } from "vitest";
import {
  TAXONOMY_ERROR_CODES,
  TaxonomyError,
  auditAccuracy,
  checkTaxonomyHealth,
  createTaxonomy,
  diffTaxonomies,
  parseTaxonomyJson,
  reviseTaxonomy,
  safeCreateTaxonomy,
  safeParseTaxonomyJson,
  safeTaxonomyFromCsv,
  safeTaxonomyFromZendeskOptions,
  taxonomyFromCsv,
  taxonomyFromZendeskOptions,
  taxonomyToCsv,
  taxonomyToSkos,
  taxonomyToZendeskOptions,
} from "@supportops/taxonomy";
import { INVISIBLE_CHARACTERS, expectContained, hostileValueArb, numRuns } from "@supportops/test-utils";
import { SUPPORT, SUPPORT_V2 } from "./support/fixture.js";
import { nestedDefinitionJson, nestedNode } from "./support/nestedNode.js";

const tax = createTaxonomy(SUPPORT);
const v2 = createTaxonomy(SUPPORT_V2);
const settings = { id: "t", version: "1" };
const csv = taxonomyToCsv(tax);

/** JSON text of a hostile value (or a broken text when it has none: cycles, bigints, symbols). */
const jsonTextArb: fc.Arbitrary<string> = hostileValueArb.map((value) => {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch {
    return "{";
  }
});

/** The characters hostile CSV and labels are made of: formula triggers, quotes, separators, invisible characters, line breaks. */
const HOSTILE_ALPHABET = ["a", "B", " ", ",", '"', "'", "=", "+", "-", "@", "\t", "\r", "\n", ":", "é", ...INVISIBLE_CHARACTERS];
const hostileTextArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...HOSTILE_ALPHABET), { maxLength: 12 }).map((chars) => chars.join(""));
/** Mostly one-line text a label may hold (formula triggers, quotes, invisible characters), sometimes anything. */
const cellArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom("a", "B", " ", ",", '"', "'", "=", "+", "-", "@", "é", "\u200b", "\u00ad"), { minLength: 1, maxLength: 8 }).map((chars) => `x${chars.join("")}`) },
  { weight: 1, arbitrary: hostileTextArb },
);

/** CSV-like text: a `level_N` header (sometimes), then rows of hostile cells. */
const csvTextArb: fc.Arbitrary<string> = fc
  .record({
    header: fc.constantFrom(
      "level_1,level_2,level_3",
      "level_1,level_2,aliases,description",
      "level_1,aliases,other,replaced_by,deprecated_reason,description,requires,allow_internal",
      "level_1,level_2,code",
      "x",
    ),
    rows: fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 6 }),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
  })
  .map(({ header, rows, newline }) => [header, ...rows.map((cells) => cells.join(","))].join(newline));

type EntryPoint = readonly [string, (a: never, b: never) => unknown];

const ENTRY_POINTS: ReadonlyArray<EntryPoint> = [
  // definitions
  ["createTaxonomy", (a) => createTaxonomy(a)],
  ["createTaxonomy({ nodes: hostile })", (a) => createTaxonomy({ ...settings, nodes: a })],
  ["createTaxonomy({ nodes: [hostile, hostile] })", (a, b) => createTaxonomy({ ...settings, nodes: [a, b] })],
  ["createTaxonomy({ nodes: [{ code: hostile, label: hostile }] })", (a, b) => createTaxonomy({ ...settings, nodes: [{ code: a, label: b }] })],
  ["createTaxonomy(node with hostile children)", (a) => createTaxonomy({ ...settings, nodes: [{ code: "x", label: "X", children: a }] })],
  ["createTaxonomy(node with hostile aliases, deprecation)", (a, b) => createTaxonomy({ ...settings, nodes: [{ code: "x", label: "X", aliases: a, deprecated: b }] })],
  ["createTaxonomy(hostile settings)", (a, b) => createTaxonomy({ ...settings, maxDepth: a, separator: b, nodes: [{ code: "x", label: "X" }] })],
  ["createTaxonomy(hostile closure codes and rules)", (a, b) => createTaxonomy({ ...settings, closureCodes: a, rules: b, nodes: [{ code: "x", label: "X" }] })],
  ["safeCreateTaxonomy", (a) => safeCreateTaxonomy(a)],
  ["safeCreateTaxonomy({ nodes: hostile })", (a) => safeCreateTaxonomy({ ...settings, nodes: a })],
  ["parseTaxonomyJson", (a) => parseTaxonomyJson(a)],
  ["safeParseTaxonomyJson", (a) => safeParseTaxonomyJson(a)],
  // a compiled taxonomy
  ["tax.node", (a) => tax.node(a)],
  ["tax.has", (a) => tax.has(a)],
  ["tax.path", (a) => tax.path(a)],
  ["tax.children", (a) => tax.children(a)],
  ["tax.leaves", (a) => tax.leaves(a)],
  ["tax.resolve", (a) => tax.resolve(a)],
  ["tax.validate", (a, b) => tax.validate(a, b)],
  ["tax.validate(valid, hostile options)", (_a, b) => tax.validate({ code: "billing.refund" }, b)],
  ["tax.validate({ code, fields: hostile, closureCode: hostile })", (a, b) => tax.validate({ code: "access.sso", fields: a, closureCode: b }, { status: "solved" })],
  ["tax.migrate", (a, b) => tax.migrate(a, b)],
  ["tax.migrate(classification, hostile)", (_a, b) => v2.migrate({ code: "billing.invoices", version: "2026.1" }, b)],
  ["tax.migrate(hostile, diff)", (a) => v2.migrate(a, diffTaxonomies(tax, v2))],
  ["tax.toJSON", () => tax.toJSON()],
  // versions
  ["diffTaxonomies", (a, b) => diffTaxonomies(a, b)],
  ["diffTaxonomies(tax, hostile)", (_a, b) => diffTaxonomies(tax, b)],
  ["reviseTaxonomy", (a, b) => reviseTaxonomy(a, b, [] as never)],
  ["reviseTaxonomy(tax, hostile, hostile)", (a, b) => reviseTaxonomy(tax, a, b)],
  ["reviseTaxonomy(tax, version, hostile)", (a) => reviseTaxonomy(tax, "2026.2", a)],
  ["reviseTaxonomy(tax, version, [hostile, hostile])", (a, b) => reviseTaxonomy(tax, "2026.2", [a, b])],
  ["reviseTaxonomy(add a hostile node)", (a, b) => reviseTaxonomy(tax, "2026.2", [{ op: "add", parent: "billing", node: a }, { op: "add", parent: null, node: { code: "z", label: "Z", children: b } }] as never)],
  ["reviseTaxonomy(hostile codes)", (a, b) => reviseTaxonomy(tax, "2026.2", [{ op: "move", code: a, parent: b }, { op: "merge", from: [a], into: b }] as never)],
  // quality
  ["checkTaxonomyHealth", (a, b) => checkTaxonomyHealth(a, b)],
  ["checkTaxonomyHealth(tax, hostile, hostile)", (a, b) => checkTaxonomyHealth(tax, a, b)],
  ["checkTaxonomyHealth(tax, [hostile, hostile])", (a, b) => checkTaxonomyHealth(tax, [a, b])],
  ["auditAccuracy", (a, b) => auditAccuracy(a, b)],
  ["auditAccuracy([hostile], hostile)", (a, b) => auditAccuracy([a], b)],
  ["auditAccuracy([{ assigned: hostile, audited: hostile }], { taxonomy })", (a, b) => auditAccuracy([{ assigned: a, audited: b }], { taxonomy: tax })],
  ["auditAccuracy([{ assigned: hostile, audited: hostile }])", (a, b) => auditAccuracy([{ assigned: a, audited: b }])],
  // import and export
  ["taxonomyFromCsv", (a, b) => taxonomyFromCsv(a, b)],
  ["taxonomyFromCsv(hostile, settings)", (a) => taxonomyFromCsv(a, settings)],
  ["taxonomyFromCsv(csv, hostile)", (_a, b) => taxonomyFromCsv(csv, b)],
  ["taxonomyFromCsv(csv, { levelColumns: hostile, formulaEscape: hostile })", (a, b) => taxonomyFromCsv(csv, { ...settings, levelColumns: a, formulaEscape: b } as never)],
  ["safeTaxonomyFromCsv", (a, b) => safeTaxonomyFromCsv(a, b)],
  ["taxonomyToCsv", (a, b) => taxonomyToCsv(a, b)],
  ["taxonomyToCsv(tax, hostile)", (_a, b) => taxonomyToCsv(tax, b)],
  ["taxonomyFromZendeskOptions", (a, b) => taxonomyFromZendeskOptions(a, b)],
  ["taxonomyFromZendeskOptions(hostile, settings)", (a) => taxonomyFromZendeskOptions(a, settings)],
  ["taxonomyFromZendeskOptions([hostile, { name: hostile, value: hostile }], settings)", (a, b) => taxonomyFromZendeskOptions([a, { name: b, value: a }], settings)],
  ["safeTaxonomyFromZendeskOptions", (a, b) => safeTaxonomyFromZendeskOptions(a, b)],
  ["taxonomyToZendeskOptions", (a, b) => taxonomyToZendeskOptions(a, b)],
  ["taxonomyToZendeskOptions(tax, hostile)", (_a, b) => taxonomyToZendeskOptions(tax, b)],
  ["taxonomyToSkos", (a, b) => taxonomyToSkos(a, b)],
  ["taxonomyToSkos(tax, hostile)", (_a, b) => taxonomyToSkos(tax, b)],
];

describe("taxonomy public API with hostile input", () => {
  for (const [name, fn] of ENTRY_POINTS) {
    test.prop([hostileValueArb, hostileValueArb], { numRuns: numRuns(100) })(`${name} contains hostile input`, (a, b) => {
      expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, fn, [a, b]);
    });
  }
});

describe("hostile text where text belongs", () => {
  test.prop([jsonTextArb], { numRuns: numRuns(200) })("parseTaxonomyJson of the JSON of a hostile value", (text) => {
    expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, parseTaxonomyJson as (a: never) => unknown, [text]);
  });

  test.prop([csvTextArb, fc.boolean()], { numRuns: numRuns(300) })("taxonomyFromCsv of hostile CSV, then createTaxonomy and every export", (text, formulaEscape) => {
    const run = (input: string): void => {
      const definition = taxonomyFromCsv(input, { ...settings, maxDepth: 5, formulaEscape });
      const imported = createTaxonomy(definition);
      taxonomyToCsv(imported, { formulaEscape });
      taxonomyToSkos(imported);
      checkTaxonomyHealth(imported, imported.nodes.map((node) => node.code));
      for (const node of imported.nodes) imported.resolve(node.labelPath);
    };
    expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, run as (a: never) => unknown, [text]);
  });

  test.prop([fc.array(fc.oneof(cellArb, fc.record({ name: cellArb, value: cellArb })), { maxLength: 8 })], { numRuns: numRuns(300) })(
    "taxonomyFromZendeskOptions of hostile titles, then createTaxonomy and every export",
    (options) => {
      const run = (input: ReadonlyArray<unknown>): void => {
        const imported = createTaxonomy(taxonomyFromZendeskOptions(input as never, { ...settings, maxDepth: 8 }));
        taxonomyToZendeskOptions(imported, { includeDeprecated: true });
        taxonomyToCsv(imported);
        reviseTaxonomy(imported, "2", []);
      };
      expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, run as (a: never) => unknown, [options]);
    },
  );

  test.prop([fc.constantFrom(200, 700, 5_000), fc.constantFrom("children", "parent")], { numRuns: numRuns(6) })(
    "a tree nested hundreds of levels deep, through children or parent links",
    (depth, form) => {
      const nodes = form === "children" ? [nestedNode(depth)] : Array.from({ length: depth }, (_, i) => ({ code: `n${i}`, label: `N${i}`, ...(i > 0 ? { parent: `n${i - 1}` } : {}) }));
      const definition = { ...settings, maxDepth: 32, nodes };
      expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, createTaxonomy as (a: never) => unknown, [definition]);
      expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, safeCreateTaxonomy as (a: never) => unknown, [definition]);
      if (form === "children") expectContained(TaxonomyError, TAXONOMY_ERROR_CODES, parseTaxonomyJson as (a: never) => unknown, [nestedDefinitionJson(depth)]);
    },
  );
});
