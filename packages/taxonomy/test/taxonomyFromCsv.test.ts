import { describe, expect, it, vi } from "vitest";
import Papa from "papaparse";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, safeTaxonomyFromCsv, taxonomyFromCsv } from "@supportops/taxonomy";
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

  it("safeTaxonomyFromCsv returns what taxonomyFromCsv would throw", () => {
    expect(safeTaxonomyFromCsv("level_1\r\nBilling\r\n", { id: "s", version: "1" })).toStrictEqual({
      success: true,
      data: { id: "s", version: "1", nodes: [{ code: "billing", label: "Billing" }] },
    });
    expect(failure(safeTaxonomyFromCsv({ rows: [] }, { id: "s", version: "1" })).code).toBe("invalid_argument");
    expect(failure(safeTaxonomyFromCsv("level_1\n\"open", { id: "s", version: "1" })).code).toBe("invalid_import");
  });

  it("TSDoc example", () => {
    const def = taxonomyFromCsv('Category,Subcategory\r\nBilling,"Refund, full"\r\n', { id: "s", version: "1", levelColumns: ["Category", "Subcategory"] });
    expect(def.nodes).toStrictEqual([{ code: "billing", label: "Billing", children: [{ code: "billing__refund_full", label: "Refund, full" }] }]);
    expect(createTaxonomy(def).path("billing__refund_full")).toStrictEqual(["billing", "billing__refund_full"]);
  });
});
