import { describe, expect, it } from "vitest";
import {
  CSV_EXTRA_COLUMNS,
  createTaxonomy,
  parseTaxonomyJson,
  taxonomyFromCsv,
  taxonomyFromZendeskOptions,
  taxonomyToCsv,
  taxonomyToSkos,
  taxonomyToZendeskOptions,
} from "@supportops/taxonomy";
import { SUPPORT } from "./fixture.js";
import { thrown } from "./thrown.js";

const tax = createTaxonomy(SUPPORT);

describe("Zendesk option lists", () => {
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

  it("imports a::b::c titles; tags become codes and grouping levels get derived codes", () => {
    const def = taxonomyFromZendeskOptions(
      [
        { name: "Hardware::Laptop::Screen", value: "hw_screen" },
        { name: "Hardware :: Laptop :: Keyboard", value: "hw_keyboard" },
        "Hardware::Printer",
        { name: "Général", value: "general" },
      ],
      { id: "zd", version: "1" },
    );
    expect(def).toStrictEqual({
      separator: "::",
      id: "zd",
      version: "1",
      nodes: [
        {
          code: "hardware",
          label: "Hardware",
          children: [
            { code: "hardware__laptop", label: "Laptop", children: [{ code: "hw_screen", label: "Screen" }, { code: "hw_keyboard", label: "Keyboard" }] },
            { code: "hardware__printer", label: "Printer" },
          ],
        },
        { code: "general", label: "Général" },
      ],
    });
    expect(createTaxonomy(def).resolve("hardware::laptop::keyboard")).toStrictEqual({ success: true, data: { code: "hw_keyboard", path: ["hardware", "hardware__laptop", "hw_keyboard"] } });
  });

  it("refuses empty levels and repeated titles on import, and labels containing :: on export", () => {
    const importError = thrown(() => taxonomyFromZendeskOptions([{ name: "A::", value: "a" }, "B", "b"], { id: "z", version: "1" }));
    expect(importError.code).toBe("invalid_import");
    expect(importError.issues).toStrictEqual([
      { code: "invalid_row", path: [0, "name"], message: 'option 0 title "A::" has an empty level; write titles as "Parent::Child"' },
      { code: "invalid_row", path: [2], message: 'option 2 title "b" repeats an earlier option; titles must be unique' },
    ]);
    const arrows = createTaxonomy({ id: "t", version: "1", separator: ">", nodes: [{ code: "a", label: "C::D" }] });
    const exportError = thrown(() => taxonomyToZendeskOptions(arrows));
    expect(exportError.code).toBe("invalid_export");
    expect(exportError.issues).toStrictEqual([
      { code: "label_not_exportable", path: ["a"], message: 'label "C::D" contains "::", which Zendesk reads as nesting; rename it before exporting' },
    ]);
  });
});

describe("CSV, one column per level (RFC 4180)", () => {
  it("writes one row per node, quoting commas, quotes and line breaks", () => {
    const small = createTaxonomy({
      id: "t",
      version: "1",
      nodes: [{ code: "b", label: "Billing", children: [{ code: "b.r", label: 'Refund, "full"', aliases: ["Refunds", "Money back"], description: "line 1\nline 2", requires: ["ticketRef", "amount"] }] }, { code: "o", label: "Other", other: true, allowInternal: true, deprecated: { replacedBy: ["b.r"], reason: "too vague" } }],
    });
    expect(taxonomyToCsv(small)).toBe(
      [
        `level_1,level_2,${CSV_EXTRA_COLUMNS.join(",")}`,
        "Billing,,b,,,,,,,",
        'Billing,"Refund, ""full""",b.r,"Refunds\nMoney back",,,,"line 1\nline 2","ticketRef\namount",',
        "Other,,o,,true,b.r,too vague,,,true",
      ].join("\r\n"),
    );
    expect(createTaxonomy(taxonomyFromCsv(taxonomyToCsv(small), { id: "t", version: "1" })).nodes).toStrictEqual(small.nodes);
  });

  it("reads a spreadsheet with its own headers, quoted fields and embedded newlines, creating parents on first sight", () => {
    const csv = 'Category,Subcategory,Item,Code\n"Hardware","Laptop, 13""",Screen,hw.screen\nHardware,"Laptop, 13""","Key\nboard",\n\nSoftware,,,sw\n';
    const def = taxonomyFromCsv(csv, { id: "t", version: "1", levelColumns: ["Category", "Subcategory", "Item"] });
    expect(def).toStrictEqual({
      id: "t",
      version: "1",
      nodes: [
        {
          code: "hardware",
          label: "Hardware",
          children: [{ code: "hardware__laptop_13", label: 'Laptop, 13"', children: [{ code: "hw.screen", label: "Screen" }, { code: "hardware__laptop_13__key_board", label: "Key\nboard" }] }],
        },
        { code: "sw", label: "Software" },
      ],
    });
    // A label with a line break is not a valid label: the import reads it, createTaxonomy refuses it.
    expect(createTaxonomy.bind(null, def)).toThrow(/one line of text/u);
  });

  it("refuses malformed CSV, missing level columns, gaps between levels and repeated paths", () => {
    const cases = [
      thrown(() => taxonomyFromCsv('level_1\n"unterminated', { id: "t", version: "1" })),
      thrown(() => taxonomyFromCsv("name\nA", { id: "t", version: "1" })),
      thrown(() => taxonomyFromCsv("a\nA", { id: "t", version: "1", levelColumns: ["Category"] })),
      thrown(() => taxonomyFromCsv("level_1,level_2\n,B\nA,\na,", { id: "t", version: "1" })),
      thrown(() => taxonomyFromCsv("", { id: "t", version: "1" })),
    ];
    expect(cases.map((e) => e.code)).toStrictEqual(["invalid_import", "invalid_import", "invalid_import", "invalid_import", "invalid_import"]);
    expect(cases[0]!.issues.map((i) => [i.code, i.path])).toStrictEqual([["malformed_csv", ["rows", 1]]]);
    expect(cases[1]!.issues).toStrictEqual([{ code: "malformed_csv", path: ["header"], message: "no level columns in the header; name them level_1, level_2, … or pass levelColumns" }]);
    expect(cases[2]!.issues).toStrictEqual([{ code: "malformed_csv", path: ["header"], message: 'level column(s) "Category" are not in the header ("a")' }]);
    expect(cases[3]!.issues).toStrictEqual([
      { code: "invalid_row", path: ["rows", 1], message: "row 2 has no label in its first level column" },
      { code: "invalid_row", path: ["rows", 3], message: 'row 4 repeats the path "a"' },
    ]);
    expect(cases[4]!.issues).toStrictEqual([{ code: "malformed_csv", path: [], message: "the CSV is empty; it needs a header row" }]);
    const gap = thrown(() => taxonomyFromCsv("level_1,level_2,level_3\nA,,C", { id: "t", version: "1" }));
    expect(gap.issues).toStrictEqual([{ code: "invalid_row", path: ["rows", 1], message: "row 2 skips a level: a level is empty but a deeper one is filled" }]);
  });
});

describe("JSON", () => {
  it("JSON.stringify(tax) is the normalised definition, and parseTaxonomyJson reads it back", () => {
    const text = JSON.stringify(tax);
    expect(JSON.parse(text)).toStrictEqual(SUPPORT);
    expect(parseTaxonomyJson(text).nodes).toStrictEqual(tax.nodes);
  });

  it("refuses text that is not JSON (invalid_import) and a bad definition (invalid_taxonomy)", () => {
    const notJson = thrown(() => parseTaxonomyJson("{nodes:"));
    expect([notJson.code, notJson.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_import", [["malformed_json", []]]]);
    expect(thrown(() => parseTaxonomyJson("{}")).code).toBe("invalid_taxonomy");
  });
});

describe("SKOS (JSON-LD)", () => {
  it("writes a concept scheme with notations, labels, hierarchy and deprecations", () => {
    const skos = taxonomyToSkos(tax, { baseUri: "https://example.com/support/" });
    expect(skos["@context"]).toStrictEqual({
      skos: "http://www.w3.org/2004/02/skos/core#",
      owl: "http://www.w3.org/2002/07/owl#",
      dct: "http://purl.org/dc/terms/",
    });
    const graph = skos["@graph"];
    expect(graph.length).toBe(1 + tax.nodes.length);
    expect(graph[0]).toStrictEqual({
      "@id": "https://example.com/support",
      "@type": "skos:ConceptScheme",
      "skos:prefLabel": "support",
      "owl:versionInfo": "2026.1",
      "skos:hasTopConcept": [{ "@id": "https://example.com/support/billing" }, { "@id": "https://example.com/support/access" }, { "@id": "https://example.com/support/other" }],
    });
    expect(graph.find((c) => c["skos:notation"] === "billing.invoice")).toStrictEqual({
      "@id": "https://example.com/support/billing.invoice",
      "@type": "skos:Concept",
      "skos:inScheme": { "@id": "https://example.com/support" },
      "skos:notation": "billing.invoice",
      "skos:prefLabel": "Invoice (old)",
      "skos:broader": { "@id": "https://example.com/support/billing" },
      "owl:deprecated": true,
      "dct:isReplacedBy": [{ "@id": "https://example.com/support/billing.invoices" }],
    });
    expect(graph.find((c) => c["skos:notation"] === "access.legacy")!["skos:historyNote"]).toBe("login v1 was switched off");
    expect(graph.find((c) => c["skos:notation"] === "billing.refund")!["skos:altLabel"]).toStrictEqual(["Refunds"]);
  });

  it("encodes codes into IRIs and defaults to a urn base", () => {
    const odd = createTaxonomy({ id: "my tax", version: "1", nodes: [{ code: "a b/c", label: "A" }] });
    expect(taxonomyToSkos(odd)["@graph"][1]!["@id"]).toBe("urn:supportops:my%20tax:a%20b%2Fc");
  });
});
