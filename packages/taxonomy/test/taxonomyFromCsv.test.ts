import { describe, expect, it, vi } from "vitest";
import Papa from "papaparse";
import { thrownBy } from "@supportops/test-utils";
import { MAX_TAXONOMY_DEPTH, TaxonomyError, createTaxonomy, safeTaxonomyFromCsv, taxonomyFromCsv } from "@supportops/taxonomy";
import { failure } from "./support/failure.js";

const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

describe("taxonomyFromCsv", () => {
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

  it("refuses text that is not a string before papaparse sees it (papaparse would read it as a file)", () => {
    const parse = vi.spyOn(Papa, "parse");
    try {
      const error = thrown(() => taxonomyFromCsv({} as never, { id: "t", version: "1" }));
      expect([error.code, error.issues]).toStrictEqual(["invalid_argument", [{ code: "invalid_type", path: ["text"], message: "expected CSV text (a string), got an object" }]]);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it("refuses options that are not valid settings (invalid_argument), naming the key that was meant", () => {
    const missing = thrown(() => taxonomyFromCsv("level_1\nA", undefined as never));
    expect([missing.code, missing.issues]).toStrictEqual(["invalid_argument", [{ code: "invalid_type", path: ["options"], message: "expected an object, got undefined" }]]);
    const misspelt = thrown(() => taxonomyFromCsv("Category\nA", { id: "t", version: "1", levelColumn: ["Category"] } as never));
    expect(misspelt.issues.map((i) => i.path)).toStrictEqual([["options", "levelColumn"]]);
    expect(misspelt.message).toMatch(/^options\.levelColumn: unknown key "levelColumn"; use "levelColumns" \(allowed: /u);
  });

  it("undoes the formula escaping taxonomyToCsv writes: one quote off a cell of quotes and a trigger, nothing else", () => {
    const csv = ["level_1,description", `"'=SUM(A1)",'plain`, `"''+x","'"`, `"'-1",'@`, `"'@home","'\t=1"`].join("\r\n");
    const read = (formulaEscape?: boolean): unknown[] =>
      taxonomyFromCsv(csv, { id: "t", version: "1", ...(formulaEscape === undefined ? {} : { formulaEscape }) }).nodes.map((n) => [n.label, n.description]);
    expect(read()).toStrictEqual([
      ["=SUM(A1)", "'plain"],
      ["'+x", "'"],
      ["-1", "@"],
      ["@home", "=1"],
    ]);
    // formulaEscape: false reads every cell as it is (a CSV that did not come from taxonomyToCsv's escaping).
    expect(read(false)).toStrictEqual([
      ["'=SUM(A1)", "'plain"],
      ["''+x", "'"],
      ["'-1", "'@"],
      ["'@home", "'\t=1"],
    ]);
  });

  it("reads allow_internal false (and no, 0) as an explicit false", () => {
    const def = taxonomyFromCsv("level_1,allow_internal\nA,false\nB,No\nC,0\nD,\nE,yes", { id: "t", version: "1" });
    expect(def.nodes.map((n) => n.allowInternal)).toStrictEqual([false, false, false, undefined, true]);
  });

  it("refuses more than MAX_TAXONOMY_DEPTH (32) level columns with a typed too_deep, not a stack overflow (10 000 columns)", () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `level_${i + 1}`).join(",");
    const row = Array.from({ length: 10_000 }, (_, i) => `L${i}`).join(",");
    const error = thrown(() => taxonomyFromCsv(`${header}\n${row}\n`, { id: "t", version: "1" }));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_import",
      [{ code: "too_deep", path: ["header"], message: "the CSV has 10000 level columns; a taxonomy has at most 32 levels, so remove the empty ones" }],
    ]);
    expect(failure(safeTaxonomyFromCsv(`${header}\n${row}\n`, { id: "t", version: "1" })).issues[0].code).toBe("too_deep");
    const named = Array.from({ length: MAX_TAXONOMY_DEPTH + 1 }, (_, i) => `L${i}`);
    expect(thrown(() => taxonomyFromCsv(`${named.join(",")}\n${named.join(",")}\n`, { id: "t", version: "1", levelColumns: named })).issues[0].code).toBe("too_deep");
    // 32 levels are fine.
    const deepest = Array.from({ length: MAX_TAXONOMY_DEPTH }, (_, i) => `level_${i + 1}`);
    const def = taxonomyFromCsv(`${deepest.join(",")}\n${deepest.join(",")}\n`, { id: "t", version: "1", maxDepth: MAX_TAXONOMY_DEPTH });
    expect(createTaxonomy(def).nodes.at(-1)?.depth).toBe(MAX_TAXONOMY_DEPTH);
  });

  it("safeTaxonomyFromCsv returns what taxonomyFromCsv would throw", () => {
    expect(safeTaxonomyFromCsv("level_1\r\nBilling\r\n", { id: "s", version: "1" })).toStrictEqual({
      success: true,
      data: { id: "s", version: "1", nodes: [{ code: "billing", label: "Billing" }] },
    });
    expect(failure(safeTaxonomyFromCsv({ rows: [] }, { id: "s", version: "1" })).code).toBe("invalid_argument");
    expect(failure(safeTaxonomyFromCsv("level_1\n\"open", { id: "s", version: "1" })).code).toBe("invalid_import");
  });

  it("TSDoc example", () => {
    expect(taxonomyFromCsv("level_1\r\n\"'=Total\"\r\n", { id: "s", version: "1" }).nodes[0]?.label).toBe("=Total");
    const def = taxonomyFromCsv('Category,Subcategory\r\nBilling,"Refund, full"\r\n', { id: "s", version: "1", levelColumns: ["Category", "Subcategory"] });
    expect(def.nodes).toStrictEqual([{ code: "billing", label: "Billing", children: [{ code: "billing__refund_full", label: "Refund, full" }] }]);
    expect(createTaxonomy(def).path("billing__refund_full")).toStrictEqual(["billing", "billing__refund_full"]);
  });
});
