import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, checkTaxonomyHealth, createTaxonomy } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy(SUPPORT);

describe("checkTaxonomyHealth", () => {
  it("T11: budgets the share of tickets in other buckets, and lists unused categories and unknown codes", () => {
    const health = checkTaxonomyHealth(tax, ["other", "other", { code: "billing.refund" }, "billing.refund", "access.sso", "retired.code"], { otherShareThreshold: 0.25 });
    expect(health).toStrictEqual({
      n: 5,
      unknownCodes: [{ code: "retired.code", count: 1 }],
      other: { count: 2, share: 0.4, threshold: 0.25, exceeded: true, byNode: [{ code: "other", count: 2 }] },
      unused: ["billing.invoices", "access.password"],
      leaves: { count: 5, threshold: 50, exceeded: false },
      nearDuplicates: [],
      warnings: [
        { code: "other_share", path: [], message: '40.0% of tickets (2 of 5) are in "other" buckets, over the 25.0% budget; add categories for what they hold' },
        { code: "unused_category", path: ["billing.invoices"], message: 'Billing::Invoices ("billing.invoices") has no tickets; merge or retire it if that persists' },
        { code: "unused_category", path: ["access.password"], message: 'Access::Password reset ("access.password") has no tickets; merge or retire it if that persists' },
        { code: "unknown_code", path: ["retired.code"], message: '1 classification(s) use "retired.code", which is not in version "2026.1"' },
      ],
    });
  });

  it("T11: a ticket below an other bucket counts in the innermost one; the default budget is 10%", () => {
    const nested = createTaxonomy({
      id: "t",
      version: "1",
      nodes: [{ code: "misc", label: "Misc", other: true, children: [{ code: "misc.other", label: "Other", other: true }, { code: "misc.spam", label: "Spam" }] }, { code: "a", label: "A" }],
    });
    const health = checkTaxonomyHealth(nested, ["misc.other", "misc.spam", ...Array.from({ length: 18 }, () => "a")]);
    expect(health.other).toStrictEqual({
      count: 2,
      share: 0.1,
      threshold: 0.1,
      exceeded: false,
      byNode: [
        { code: "misc.other", count: 1 },
        { code: "misc", count: 1 },
      ],
    });
  });

  it("T13: warns when active leaves exceed the threshold", () => {
    const wide = createTaxonomy({ id: "t", version: "1", nodes: Array.from({ length: 4 }, (_, i) => ({ code: `c${i}`, label: `C${i}` })) });
    const health = checkTaxonomyHealth(wide, ["c0", "c1", "c2", "c3"], { maxLeaves: 3 });
    expect(health.leaves).toStrictEqual({ count: 4, threshold: 3, exceeded: true });
    expect(health.warnings).toStrictEqual([
      { code: "too_many_leaves", path: [], message: "4 active leaves, over the threshold of 3; agents choose less reliably from long lists" },
    ]);
  });

  it("T2 (loose): flags sibling labels that differ only in accents, punctuation, spacing or a plural", () => {
    const near = createTaxonomy({
      id: "t",
      version: "1",
      nodes: [{ code: "acc", label: "Account", children: [{ code: "l1", label: "Log-in" }, { code: "l2", label: "Logins" }, { code: "c1", label: "Café" }, { code: "c2", label: "cafe!" }, { code: "x", label: "Access" }] }],
    });
    const health = checkTaxonomyHealth(near, ["l1", "l2", "c1", "c2", "x"]);
    expect(health.nearDuplicates).toStrictEqual([
      { parent: "acc", codes: ["l1", "l2"] },
      { parent: "acc", codes: ["c1", "c2"] },
    ]);
    expect(health.warnings.map((w) => [w.code, w.path])).toStrictEqual([
      ["near_duplicate_labels", ["acc"]],
      ["near_duplicate_labels", ["acc"]],
    ]);
    expect(health.warnings[0]!.message).toBe('siblings "Log-in", "Logins" differ only in accents, punctuation, spacing or a plural; merge them or make the labels distinct');
  });

  it("has a null share with no tickets, and every active node unused", () => {
    const health = checkTaxonomyHealth(tax, []);
    expect([health.n, health.other.share, health.other.exceeded, health.unused.length]).toStrictEqual([0, null, false, 7]);
  });

  it("throws invalid_argument, never a TypeError, for arguments of the wrong type", () => {
    const cases = [
      thrownBy(TaxonomyError, () => checkTaxonomyHealth(null as never, [])),
      thrownBy(TaxonomyError, () => checkTaxonomyHealth(tax, "other" as never)),
      thrownBy(TaxonomyError, () => checkTaxonomyHealth(tax, ["other", null] as never)),
      thrownBy(TaxonomyError, () => checkTaxonomyHealth(tax, [], { otherShareThreshold: 10 })),
      thrownBy(TaxonomyError, () => checkTaxonomyHealth(tax, [], { maxleaves: 3 } as never)),
    ];
    expect(cases.map((e) => [e.code, e.issues[0].code, e.issues[0].path])).toStrictEqual([
      ["invalid_argument", "invalid_type", ["taxonomy"]],
      ["invalid_argument", "invalid_type", ["classifications"]],
      ["invalid_argument", "invalid_type", ["classifications", 1]],
      ["invalid_argument", "too_big", ["options", "otherShareThreshold"]],
      ["invalid_argument", "unrecognized_keys", ["options", "maxleaves"]],
    ]);
  });

  it("TSDoc examples", () => {
    const small = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "Access" }, { code: "o", label: "Other", other: true }] });
    expect(checkTaxonomyHealth(small, ["o", "o", "a"]).other.share).toBe(0.6666666666666666);
    const billing = createTaxonomy({
      id: "s",
      version: "1",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }] }],
    });
    const health = checkTaxonomyHealth(billing, ["billing.refund", "billing.other"], { otherShareThreshold: 0.2 });
    expect([health.other.share, health.other.exceeded, health.warnings.map((w) => w.code)]).toStrictEqual([0.5, true, ["other_share"]]);
  });
});
