import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, diffTaxonomies } from "@supportops/taxonomy";
import { SUPPORT, SUPPORT_V2 } from "./support/fixture.js";

const v1 = createTaxonomy(SUPPORT);
const v2 = createTaxonomy(SUPPORT_V2);
const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

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
      [{ code: "version_mismatch", path: ["migration", "toVersion"], message: 'the migration goes to version "2026.2" but this taxonomy is "2026.1"; migrate with the target taxonomy' }],
      [{ code: "version_mismatch", path: ["classification", "version"], message: 'the classification was made against "2025.9" but the migration starts at "2026.1"; apply the migrations in between first' }],
      [{ code: "missing_version", path: ["classification", "version"], message: 'the classification carries no version; it cannot be told apart from one made against "2026.2"' }],
      [{ code: "unknown_code", path: ["migration", "map", "other"], message: 'map sends "other" to "nowhere", which is not a code in version "2026.2"' }],
    ]);
  });

  it("follows a deprecated map target on to its replacement, so the result validates", () => {
    const next = createTaxonomy({
      id: "t",
      version: "2",
      nodes: [
        { code: "a", label: "A" },
        { code: "b", label: "B", deprecated: { replacedBy: ["a"] } },
      ],
    });
    const result = next.migrate({ code: "gone", version: "1" }, { fromVersion: "1", toVersion: "2", map: { gone: "b" } });
    expect(result).toStrictEqual({ kind: "remapped", classification: { code: "a", version: "2" }, from: "gone" });
    if (result.kind === "remapped") expect(next.validate(result.classification, { mode: "create" }).success).toBe(true);
  });

  it("carries the classification's other keys over", () => {
    const own = { code: "access.password", version: "2026.1", closureCode: "fixed", fields: { note: "x" }, ticketId: "T-1" };
    expect(v2.migrate(own, diff)).toStrictEqual({
      kind: "remapped",
      classification: { code: "access.account", version: "2026.2", closureCode: "fixed", fields: { note: "x" }, ticketId: "T-1" },
      from: "access.password",
    });
  });

  it("throws invalid_argument, never a TypeError, without a migration or with a classification that is not one", () => {
    const missing = thrown(() => v2.migrate({ code: "other", version: "2026.1" }, undefined as never));
    expect([missing.code, missing.issues]).toStrictEqual([
      "invalid_argument",
      [
        {
          code: "invalid_type",
          path: ["migration"],
          message: "expected a migration { fromVersion, toVersion, map? } (what diffTaxonomies(old, new) returns) as the second argument, got undefined",
        },
      ],
    ]);
    expect(thrown(() => v2.migrate(null as never, diff)).issues[0].path).toStrictEqual(["classification"]);
    const badCode = thrown(() => v2.migrate({ code: 7, version: "2026.1" } as never, diff));
    expect([badCode.code, badCode.issues[0].path]).toStrictEqual(["invalid_argument", ["classification", "code"]]);
  });

  it("throws invalid_migration for a migration object of the wrong shape", () => {
    const error = thrown(() => v2.migrate({ code: "other", version: "2026.1" }, { fromVersion: "2026.1" } as never));
    expect([error.code, error.issues]).toStrictEqual(["invalid_migration", [{ code: "invalid_type", path: ["migration", "toVersion"], message: "expected a string, got undefined" }]]);
  });

  it("TSDoc example", () => {
    const tax = createTaxonomy({
      id: "support",
      version: "2026.1",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }] }],
    });
    const next = createTaxonomy({
      id: "support",
      version: "2026.2",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true, deprecated: { replacedBy: ["billing.refund"] } }] }],
    });
    expect(next.migrate({ code: "billing.other", version: "2026.1" }, diffTaxonomies(tax, next))).toStrictEqual({
      kind: "remapped",
      classification: { code: "billing.refund", version: "2026.2" },
      from: "billing.other",
    });
    expect(next.migrate({ code: "billing.refund", version: "2026.1" }, diffTaxonomies(tax, next)).kind).toBe("kept");
  });
});
