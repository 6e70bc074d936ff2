import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyChangeSchema, TaxonomyError, createTaxonomy, diffTaxonomies, reviseTaxonomy } from "@supportops/taxonomy";
import type { TaxonomyChange } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";
import { nestedNode } from "./support/nestedNode.js";

const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

const v1 = createTaxonomy(SUPPORT);

describe("reviseTaxonomy", () => {
  it("applies renames, moves, additions, merges, splits, deprecations and deletions in order", () => {
    const def = reviseTaxonomy(v1, "2026.2", [
      { op: "rename", code: "billing.refund", label: "Refunds and credits" },
      { op: "add", parent: "billing", node: { code: "billing.copy", label: "Invoice copy" } },
      { op: "add", parent: "billing", node: { code: "billing.error", label: "Invoice error" } },
      { op: "split", code: "billing.invoices", into: ["billing.copy", "billing.error"] },
      { op: "move", code: "access.sso", parent: null },
      { op: "add", parent: "access", node: { code: "access.account", label: "Account access" } },
      { op: "merge", from: ["access.password"], into: "access.account" },
      { op: "delete", code: "access.legacy" },
      { op: "deprecate", code: "other", reason: "too vague" },
    ]);
    expect(def.version).toBe("2026.2");
    const v2 = createTaxonomy(def);
    expect(v2.node("billing.refund")!.aliases).toStrictEqual(["Refunds", "Refund"]);
    expect(v2.children().map((n) => n.code)).toStrictEqual(["billing", "access", "other", "access.sso"]);
    expect(v2.children("access").map((n) => n.code)).toStrictEqual(["access.password", "access.account"]);
    expect(v2.node("other")!.deprecated).toStrictEqual({ replacedBy: [], reason: "too vague", since: "2026.2" });
    expect(diffTaxonomies(v1, v2)).toStrictEqual({
      fromVersion: "2026.1",
      toVersion: "2026.2",
      added: ["billing.copy", "billing.error", "access.account"],
      removed: ["access.legacy"],
      renamed: [{ code: "billing.refund", from: "Refund", to: "Refunds and credits" }],
      moved: [{ code: "access.sso", fromParent: "access", toParent: null }],
      deprecated: [
        { code: "billing.invoices", replacedBy: ["billing.copy", "billing.error"] },
        { code: "access.password", replacedBy: ["access.account"] },
        { code: "other", replacedBy: [], reason: "too vague" },
      ],
      merged: [{ into: "access.account", from: ["access.password"] }],
      split: [{ from: "billing.invoices", into: ["billing.copy", "billing.error"] }],
      reactivated: [],
    });
    // The old label still resolves; history re-maps.
    expect(v2.resolve("Billing::Refund")).toStrictEqual({ success: true, data: { code: "billing.refund", path: ["billing", "billing.refund"] } });
    expect(v2.migrate({ code: "access.password", version: "2026.1" }, diffTaxonomies(v1, v2)).kind).toBe("remapped");
  });

  it("can drop the old label on rename, and leaves the current taxonomy untouched", () => {
    const def = reviseTaxonomy(v1, "2", [{ op: "rename", code: "billing", label: "Payments", keepOldLabel: false }]);
    expect(createTaxonomy(def).node("billing")!.aliases).toStrictEqual([]);
    expect(v1.node("billing")!.label).toBe("Billing");
    // The returned definition is a fresh, writable object.
    expect(Object.isFrozen(def.nodes)).toBe(false);
  });

  it("refuses changes that do not fit, listing each", () => {
    const error = thrown(() =>
      reviseTaxonomy(v1, "2", [
        { op: "rename", code: "nope", label: "X" },
        { op: "move", code: "billing", parent: "billing.refund" },
        { op: "add", parent: null, node: { code: "billing.refund", label: "Again" } },
        { op: "merge", from: ["billing.refund"], into: "gone" },
        { op: "split", code: "billing.invoices", into: ["billing.refund", "gone"] },
        { op: "delete", code: "billing" },
        { op: "delete", code: "billing.refund" },
      ]),
    );
    expect(error.code).toBe("invalid_revision");
    expect(error.issues).toStrictEqual([
      { code: "unknown_code", path: [0, "code"], message: '"nope" is not a code in the taxonomy at this point' },
      { code: "cycle", path: [1, "parent"], message: 'cannot move "billing" under its own subtree ("billing.refund")' },
      { code: "duplicate_code", path: [2, "node"], message: 'code "billing.refund" already exists; codes are never reused' },
      { code: "unknown_code", path: [3, "into"], message: '"gone" is not a code in the taxonomy at this point' },
      { code: "unknown_code", path: [4, "into", 1], message: '"gone" is not a code in the taxonomy at this point' },
      { code: "not_deletable", path: [5, "code"], message: '"billing" has children; deprecate it (and empty it) first, and delete it only once no ticket or rule refers to it' },
      { code: "not_deletable", path: [6, "code"], message: '"billing.refund" is active; deprecate it (and empty it) first, and delete it only once no ticket or rule refers to it' },
    ]);
  });

  it("refuses an added node nested 700 levels deep with a typed too_deep before the schema sees it", () => {
    const error = thrown(() => reviseTaxonomy(v1, "2", [{ op: "rename", code: "billing", label: "B" }, { op: "add", parent: "billing", node: nestedNode(700) }]));
    expect([error.code, error.issues.map((i) => [i.code, i.path.slice(0, 3)])]).toStrictEqual(["invalid_revision", [["too_deep", [1, "node", "children"]]]]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(thrown(() => reviseTaxonomy(v1, "2", [{ op: "split", code: "billing", into: cyclic }] as never)).issues.map((i) => i.code)).toStrictEqual(["too_deep"]);
  });

  it("refuses moves and additions that nest nodes deeper than MAX_TAXONOMY_DEPTH (32) levels, at the change that did it", () => {
    const flat = createTaxonomy({ id: "t", version: "1", maxDepth: 32, nodes: Array.from({ length: 40 }, (_, i) => ({ code: `n${i}`, label: `N${i}` })) });
    // A chain of moves: n1 under n0, n2 under n1, … n32 would be at level 33.
    const chain = Array.from({ length: 39 }, (_, i): TaxonomyChange => ({ op: "move", code: `n${i + 1}`, parent: `n${i}` }));
    expect(thrown(() => reviseTaxonomy(flat, "2", chain)).issues[0]).toStrictEqual({
      code: "too_deep",
      path: [31, "parent"],
      message: '"n31" is at level 32 or deeper; a node under it would be deeper than any taxonomy can be (32 levels)',
    });
    expect(reviseTaxonomy(flat, "2", chain.slice(0, 31)).nodes[0]?.code).toBe("n0");
    // Two chains of 20 levels each, the second moved under the first: no single move is too deep, the result is.
    const twenty = (from: number): TaxonomyChange[] => Array.from({ length: 19 }, (_, i) => ({ op: "move", code: `n${from + i + 1}`, parent: `n${from + i}` }));
    const joined = [...twenty(0), ...twenty(20), { op: "move", code: "n20", parent: "n19" } as const];
    expect(thrown(() => reviseTaxonomy(flat, "2", joined)).issues).toStrictEqual([
      { code: "too_deep", path: [38], message: 'the changes put "n32" at level 33; no taxonomy is deeper than 32 levels, so place it (or an ancestor) higher' },
    ]);
    // An added subtree counts too.
    expect(thrown(() => reviseTaxonomy(flat, "2", [...twenty(0), { op: "add", parent: "n19", node: nestedNode(20, "added") }])).issues.map((i) => [i.code, i.path])).toStrictEqual([["too_deep", [19]]]);
  });

  it("refuses an added node whose subtree repeats a code", () => {
    const error = thrown(() => reviseTaxonomy(v1, "2", [{ op: "add", parent: null, node: { code: "x", label: "X", children: [{ code: "y", label: "Y" }, { code: "y", label: "Y2" }] } }]));
    expect(error.issues).toStrictEqual([{ code: "duplicate_code", path: [0, "node"], message: 'code "y" already exists; codes are never reused' }]);
  });

  it("refuses malformed changes (invalid_revision) with the change's index, before applying any", () => {
    const error = thrown(() => reviseTaxonomy(v1, "2", [{ op: "renam", code: "billing", label: "X" }, { op: "rename", code: "billing" }] as never));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_revision",
      [
        { code: "invalid_union", path: [0, "op"], message: 'expected op to be one of "rename", "move", "add", "merge", "split", "deprecate", "delete", got "renam"' },
        { code: "invalid_type", path: [1, "label"], message: "expected a string, got undefined" },
      ],
    ]);
    expect(thrown(() => reviseTaxonomy(v1, "2", [{ op: "delete", cod: "billing" }] as never)).issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_type", [0, "code"]],
      ["unrecognized_keys", [0, "cod"]],
    ]);
  });

  it("throws invalid_argument, never a TypeError, for a taxonomy, version or change list of the wrong type", () => {
    const cases = [
      thrown(() => reviseTaxonomy(null as never, "2", [])),
      thrown(() => reviseTaxonomy(v1, 2 as never, [])),
      thrown(() => reviseTaxonomy(v1, "2", { op: "delete", code: "other" } as never)),
    ];
    expect(cases.map((e) => [e.code, e.issues[0].code, e.issues[0].path])).toStrictEqual([
      ["invalid_argument", "invalid_type", ["taxonomy"]],
      ["invalid_argument", "invalid_type", ["version"]],
      ["invalid_argument", "invalid_type", ["changes"]],
    ]);
  });

  it("TSDoc examples", () => {
    const a = createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "Acess" }, { code: "b", label: "B" }] });
    const b = createTaxonomy(
      reviseTaxonomy(a, "2", [
        { op: "rename", code: "a", label: "Access" },
        { op: "merge", from: ["b"], into: "a" },
      ]),
    );
    expect(b.node("a")?.aliases).toStrictEqual(["Acess"]);
    expect(b.migrate({ code: "b", version: "1" }, diffTaxonomies(a, b)).kind).toBe("remapped");
    const changes: TaxonomyChange[] = [
      { op: "rename", code: "billing", label: "Billing & payments" },
      { op: "merge", from: ["billing.other"], into: "billing.refund" },
    ];
    expect(changes.every((change) => TaxonomyChangeSchema.safeParse(change).success)).toBe(true);
    expect(TaxonomyChangeSchema.safeParse({ op: "rename", code: "billing" }).success).toBe(false);
  });
});
