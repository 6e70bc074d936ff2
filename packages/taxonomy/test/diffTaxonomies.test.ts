import { describe, expect, it } from "vitest";
import { createTaxonomy, diffTaxonomies } from "@supportops/taxonomy";
import type { TaxonomyDefinition } from "@supportops/taxonomy";
import { SUPPORT } from "./fixture.js";
import { thrown } from "./thrown.js";

const v1 = createTaxonomy(SUPPORT);
// 2026.2: Refund renamed, SSO moved to the top level, Password reset merged into Account access,
// Invoices split, Other removed outright (discouraged, but it happens), Legacy login reactivated.
const V2: TaxonomyDefinition = {
  id: "support",
  version: "2026.2",
  nodes: [
    {
      code: "billing",
      label: "Billing",
      children: [
        { code: "billing.refund", label: "Refunds and credits", aliases: ["Refund"] },
        { code: "billing.invoices", label: "Invoices", deprecated: { replacedBy: ["billing.invoice.copy", "billing.invoice.error"] } },
        { code: "billing.invoice.copy", label: "Invoice copy" },
        { code: "billing.invoice.error", label: "Invoice error" },
        { code: "billing.invoice", label: "Invoice (old)", deprecated: { replacedBy: ["billing.invoices"] } },
      ],
    },
    {
      code: "access",
      label: "Access",
      children: [
        { code: "access.account", label: "Account access" },
        { code: "access.password", label: "Password reset", deprecated: { replacedBy: ["access.account"] } },
        { code: "access.legacy", label: "Legacy login" },
      ],
    },
    { code: "access.sso", label: "Single sign-on" },
  ],
};
const v2 = createTaxonomy(V2);

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
});

describe("tax.migrate", () => {
  const diff = diffTaxonomies(v1, v2);
  it("keeps renamed and moved nodes (codes are stable) and stamps the new version", () => {
    expect(v2.migrate({ code: "billing.refund", version: "2026.1", closureCode: "fixed" }, diff)).toStrictEqual({
      kind: "kept",
      classification: { code: "billing.refund", version: "2026.2", closureCode: "fixed" },
    });
    expect(v2.migrate({ code: "access.sso", version: "2026.1", path: ["access", "access.sso"] }, diff)).toStrictEqual({
      kind: "kept",
      classification: { code: "access.sso", version: "2026.2", path: ["access.sso"] },
    });
  });

  it("re-maps merged nodes, following replacement chains to an active node", () => {
    expect(v2.migrate({ code: "access.password", version: "2026.1" }, diff)).toStrictEqual({
      kind: "remapped",
      classification: { code: "access.account", version: "2026.2" },
      from: "access.password",
    });
  });

  it("sends splits and removed nodes to review, with the candidates", () => {
    expect(v2.migrate({ code: "billing.invoices", version: "2026.1" }, diff)).toStrictEqual({
      kind: "review",
      classification: { code: "billing.invoices", version: "2026.1" },
      candidates: ["billing.invoice.copy", "billing.invoice.error"],
      reason: '"billing.invoices" was split into "billing.invoice.copy", "billing.invoice.error"; a person must choose',
    });
    expect(v2.migrate({ code: "other", version: "2026.1" }, diff)).toStrictEqual({
      kind: "review",
      classification: { code: "other", version: "2026.1" },
      candidates: [],
      reason: '"other" no longer exists in version "2026.2" and the migration does not map it',
    });
    const noReplacement = createTaxonomy({ id: "s", version: "2", nodes: [{ code: "a", label: "A", deprecated: { reason: "product sunset" } }, { code: "b", label: "B" }] });
    expect(noReplacement.migrate({ code: "a", version: "1" }, { fromVersion: "1", toVersion: "2" })).toStrictEqual({
      kind: "review",
      classification: { code: "a", version: "1" },
      candidates: [],
      reason: '"a" was deprecated without replacement (product sunset)',
    });
  });

  it("applies explicit map entries first (a hand-written migration for removed nodes)", () => {
    const migration = { ...diff, map: { other: "access.account" } };
    expect(v2.migrate({ code: "other", version: "2026.1" }, migration)).toStrictEqual({
      kind: "remapped",
      classification: { code: "access.account", version: "2026.2" },
      from: "other",
    });
  });

  it("leaves a classification already at the new version alone", () => {
    expect(v2.migrate({ code: "access.account", version: "2026.2" }, diff)).toStrictEqual({
      kind: "kept",
      classification: { code: "access.account", version: "2026.2" },
    });
  });

  it("refuses migrations that do not fit: wrong target, wrong start, no version, map to an unknown code", () => {
    const cases = [
      thrown(() => v1.migrate({ code: "billing.refund", version: "2026.1" }, diff)),
      thrown(() => v2.migrate({ code: "billing.refund", version: "2025.9" }, diff)),
      thrown(() => v2.migrate({ code: "billing.refund" }, diff)),
      thrown(() => v2.migrate({ code: "other", version: "2026.1" }, { ...diff, map: { other: "nowhere" } })),
    ];
    expect(cases.map((e) => e.code)).toStrictEqual(["invalid_migration", "invalid_migration", "invalid_migration", "invalid_migration"]);
    expect(cases.map((e) => e.issues)).toStrictEqual([
      [{ code: "version_mismatch", path: ["toVersion"], message: 'the migration goes to version "2026.2" but this taxonomy is "2026.1"; migrate with the target taxonomy' }],
      [{ code: "version_mismatch", path: ["version"], message: 'the classification was made against "2025.9" but the migration starts at "2026.1"; apply the migrations in between first' }],
      [{ code: "missing_version", path: ["version"], message: 'the classification carries no version; it cannot be told apart from one made against "2026.2"' }],
      [{ code: "unknown_code", path: ["map", "other"], message: 'map sends "other" to "nowhere", which is not a code in version "2026.2"' }],
    ]);
  });
});
