import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, diffTaxonomies } from "@supportops/taxonomy";
import { SUPPORT, SUPPORT_V2 } from "./support/fixture.js";

const v1 = createTaxonomy(SUPPORT);
const v2 = createTaxonomy(SUPPORT_V2);

describe("diffTaxonomies", () => {
  it("lists added, removed, renamed, moved, deprecated, merged, split and reactivated nodes by code", () => {
    expect(diffTaxonomies(v1, v2)).toStrictEqual({
      fromVersion: "2026.1",
      toVersion: "2026.2",
      added: ["billing.invoice.copy", "billing.invoice.error", "access.account"],
      removed: ["other"],
      renamed: [
        { code: "billing.refund", from: "Refund", to: "Refunds and credits" },
        { code: "access.sso", from: "SSO", to: "Single sign-on" },
      ],
      moved: [{ code: "access.sso", fromParent: "access", toParent: null }],
      deprecated: [
        { code: "billing.invoices", replacedBy: ["billing.invoice.copy", "billing.invoice.error"] },
        { code: "access.password", replacedBy: ["access.account"] },
      ],
      merged: [{ into: "access.account", from: ["access.password"] }],
      split: [{ from: "billing.invoices", into: ["billing.invoice.copy", "billing.invoice.error"] }],
      reactivated: ["access.legacy"],
    });
  });

  it("is empty between a taxonomy and itself", () => {
    const same = diffTaxonomies(v1, v1);
    expect([same.added, same.removed, same.renamed, same.moved, same.deprecated, same.merged, same.split, same.reactivated]).toStrictEqual([[], [], [], [], [], [], [], []]);
  });

  it("throws invalid_argument, never a TypeError, when either argument is not a taxonomy", () => {
    const error = thrownBy(TaxonomyError, () => diffTaxonomies(v1, null as never));
    expect([error.code, error.issues]).toStrictEqual(["invalid_argument", [{ code: "invalid_type", path: ["newTaxonomy"], message: "expected a taxonomy made by createTaxonomy, got null" }]]);
    expect(thrownBy(TaxonomyError, () => diffTaxonomies(SUPPORT as never, v2)).issues[0].path).toStrictEqual(["oldTaxonomy"]);
  });

  it("TSDoc example", () => {
    const a = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }, { code: "b", label: "B" }] });
    const b = createTaxonomy({ id: "s", version: "2", nodes: [{ code: "a", label: "Accounts" }, { code: "b", label: "B", deprecated: { replacedBy: ["a"] } }] });
    expect(diffTaxonomies(a, b).renamed).toStrictEqual([{ code: "a", from: "A", to: "Accounts" }]);
    expect(diffTaxonomies(a, b).merged).toStrictEqual([{ into: "a", from: ["b"] }]);
  });
});
