import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { CSV_EXTRA_COLUMNS, TaxonomyError, createTaxonomy, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";

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

  it("throws invalid_argument, never a TypeError, for a taxonomy that is not one", () => {
    expect(thrownBy(TaxonomyError, () => taxonomyToCsv({ nodes: [] } as never)).issues[0].path).toStrictEqual(["taxonomy"]);
  });

  it("TSDoc examples", () => {
    const comma = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund, full" }] }] });
    expect(CSV_EXTRA_COLUMNS[0]).toBe("code");
    expect(taxonomyToCsv(comma).split("\r\n")[0]).toBe("level_1,level_2,code,aliases,other,replaced_by,deprecated_reason,description,requires,allow_internal");
    expect(taxonomyToCsv(comma).split("\r\n")[2]).toBe('Billing,"Refund, full",billing.refund,,,,,,,');
  });
});
