import { describe, expect, it } from "vitest";
import { MAX_TAXONOMY_DEPTH, TaxonomyDefinitionSchema, TaxonomyError, TaxonomyNodeSchema, createTaxonomy, safeCreateTaxonomy, taxonomyFromZendeskOptions } from "@supportops/taxonomy";
import type { Issue } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { failure } from "./support/failure.js";
import { SUPPORT } from "./support/fixture.js";
import { nestedNode } from "./support/nestedNode.js";

function issuesOf(definition: unknown): ReadonlyArray<Issue> {
  // Bad definitions on purpose: the runtime checks are what is under test.
  const result = safeCreateTaxonomy(definition);
  if (result.success) throw new Error("expected the definition to be rejected");
  expect(result.error).toBeInstanceOf(TaxonomyError);
  expect(result.error.code).toBe("invalid_taxonomy");
  return result.error.issues;
}
const base = { id: "t", version: "1" };
const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

describe("createTaxonomy", () => {
  it("compiles the support fixture into frozen nodes with paths", () => {
    const tax = createTaxonomy(SUPPORT);
    expect(tax.node("billing.invoice")).toStrictEqual({
      code: "billing.invoice",
      label: "Invoice (old)",
      aliases: [],
      parent: "billing",
      depth: 2,
      path: ["billing", "billing.invoice"],
      labelPath: "Billing::Invoice (old)",
      children: [],
      other: false,
      allowInternal: false,
      requires: [],
      deprecated: { replacedBy: ["billing.invoices"] },
      replacements: ["billing.invoices"],
      isLeaf: true,
      selectable: false,
    });
    expect(tax.path("access.sso")).toStrictEqual(["access", "access.sso"]);
    expect(tax.children().map((n) => n.code)).toStrictEqual(["billing", "access", "other"]);
    expect(tax.children("billing").map((n) => n.code)).toStrictEqual(["billing.refund", "billing.invoices", "billing.invoice"]);
    expect(tax.leaves().map((n) => n.code)).toStrictEqual(["billing.refund", "billing.invoices", "access.sso", "access.password", "other"]);
    expect(tax.leaves({ includeDeprecated: true }).length).toBe(7);
    expect(Object.isFrozen(tax)).toBe(true);
    expect(Object.isFrozen(tax.definition.rules![0]!.when.status)).toBe(true);
    // The caller's definition is neither changed nor frozen.
    expect([Object.isFrozen(SUPPORT.closureCodes), Object.isFrozen(SUPPORT.rules![0]!.when.status), Object.isFrozen(SUPPORT.nodes[0]!.children)]).toStrictEqual([false, false, false]);
    expect(tax.maxDepth).toBe(3);
  });

  it("accepts readonly (as const) definitions", () => {
    const literal = {
      id: "t",
      version: "1",
      nodes: [{ code: "a", label: "A", aliases: ["Alpha"], children: [{ code: "a1", label: "A1", requires: ["x"] }] }],
      closureCodes: [{ code: "fixed", label: "Fixed", requires: ["notes"] }],
      rules: [{ when: { status: ["solved"] }, require: ["closureCode"] }],
    } as const;
    expect(createTaxonomy(literal).path("a1")).toStrictEqual(["a", "a1"]);
  });

  it("accepts flat nodes with parent links, in any order, and exports them nested", () => {
    const tax = createTaxonomy({
      ...base,
      nodes: [
        { code: "b1", label: "Refund", parent: "b" },
        { code: "b", label: "Billing" },
      ],
    });
    expect(tax.path("b1")).toStrictEqual(["b", "b1"]);
    expect(tax.definition.nodes).toStrictEqual([{ code: "b", label: "Billing", children: [{ code: "b1", label: "Refund" }] }]);
  });

  it("T1: codes are opaque; a dotted look means nothing and any stable text works", () => {
    const tax = createTaxonomy({ ...base, nodes: [{ code: "Z-17/ä", label: "Billing", children: [{ code: "x.y.z", label: "Refund" }] }] });
    expect(tax.path("x.y.z")).toStrictEqual(["Z-17/ä", "x.y.z"]);
    expect(issuesOf({ ...base, nodes: [{ code: " a", label: "A" }] }).map((i) => [i.code, i.path])).toStrictEqual([["invalid_format", ["nodes", 0, "code"]]]);
  });

  it("rejects duplicate codes, with the path of the second and where the first is", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", children: [{ code: "a", label: "B" }] }] })).toStrictEqual([
      { code: "duplicate_code", path: ["nodes", 0, "children", 0, "code"], message: 'code "a" is already used by the node at nodes[0]; codes must be unique across the taxonomy' },
    ]);
  });

  it("rejects parent cycles and unknown or conflicting parents", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "r", label: "Root" }, { code: "a", label: "A", parent: "b" }, { code: "b", label: "B", parent: "a" }] })).toStrictEqual([
      { code: "cycle", path: ["nodes", 1, "parent"], message: 'parent links form a cycle ("a" → "b" → "a"); a node cannot be its own ancestor' },
    ]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", parent: "zz" }] })).toStrictEqual([
      { code: "unknown_parent", path: ["nodes", 0, "parent"], message: 'parent "zz" is not a code in this taxonomy; name an existing node or omit parent for a top-level node' },
    ]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A" }, { code: "b", label: "B", children: [{ code: "c", label: "C", parent: "a" }] }] })).toStrictEqual([
      { code: "conflicting_parent", path: ["nodes", 1, "children", 0, "parent"], message: 'parent "a" contradicts the enclosing node "b"; omit parent on nested nodes' },
    ]);
  });

  it("T3: rejects nodes deeper than maxDepth (default 3), and minDepth above maxDepth", () => {
    const deep = { code: "1", label: "L1", children: [{ code: "2", label: "L2", children: [{ code: "3", label: "L3", children: [{ code: "4", label: "L4" }] }] }] };
    expect(issuesOf({ ...base, nodes: [deep] })).toStrictEqual([
      { code: "too_deep", path: ["nodes", 0, "children", 0, "children", 0, "children", 0], message: 'node "4" is at level 4, deeper than maxDepth 3; move it up or raise maxDepth' },
    ]);
    expect(createTaxonomy({ ...base, maxDepth: 4, nodes: [deep] }).node("4")!.depth).toBe(4);
    expect(issuesOf({ ...base, maxDepth: 2, minDepth: 3, nodes: [{ code: "a", label: "A" }] })).toStrictEqual([
      { code: "invalid_limits", path: ["minDepth"], message: "minDepth 3 is deeper than maxDepth 2; choose minDepth ≤ maxDepth" },
    ]);
  });

  it("T7: rejects the separator inside a label or alias, or at its ends, and labels over the length limit", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "Billing::Refund", aliases: ["Money:"] }] })).toStrictEqual([
      { code: "separator_in_label", path: ["nodes", 0, "label"], message: '"Billing::Refund" contains the path separator "::" or starts or ends with one of its characters; remove it or choose another separator' },
      { code: "separator_in_label", path: ["nodes", 0, "aliases", 0], message: '"Money:" contains the path separator "::" or starts or ends with one of its characters; remove it or choose another separator' },
    ]);
    // With another separator, "::" is ordinary text.
    expect(createTaxonomy({ ...base, separator: " > ", nodes: [{ code: "a", label: "Billing::Refund" }] }).node("a")!.labelPath).toBe("Billing::Refund");
    expect(issuesOf({ ...base, separator: ">", nodes: [{ code: "a", label: "A > B" }] }).map((i) => i.code)).toStrictEqual(["separator_in_label"]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "x".repeat(256) }] })).toStrictEqual([
      { code: "label_too_long", path: ["nodes", 0, "label"], message: `"${"x".repeat(40)}…" is 256 characters long; labels and aliases are at most 255` },
    ]);
    expect(createTaxonomy({ ...base, nodes: [{ code: "a", label: "x".repeat(255) }] }).nodes.length).toBe(1);
    expect(issuesOf({ ...base, maxLabelLength: 5, nodes: [{ code: "a", label: "Refunds" }] })).toStrictEqual([
      { code: "label_too_long", path: ["nodes", 0, "label"], message: '"Refunds" is 7 characters long; labels and aliases are at most 5' },
    ]);
  });

  it("T7: rejects more options than the limit (a number or a vendor preset)", () => {
    const leaves = (n: number) => [{ code: "root", label: "Root", children: Array.from({ length: n }, (_, i) => ({ code: `c${i}`, label: `C${i}` })) }];
    expect(issuesOf({ ...base, optionLimit: { max: 2 }, nodes: leaves(3) })).toStrictEqual([
      { code: "too_many_options", path: ["optionLimit"], message: "the taxonomy has 3 active leaf values, over the limit of 2; merge or retire some" },
    ]);
    expect(createTaxonomy({ ...base, optionLimit: "zendesk", nodes: leaves(2000) }).leaves().length).toBe(2000);
    expect(issuesOf({ ...base, optionLimit: "zendesk", nodes: leaves(2001) }).map((i) => i.code)).toStrictEqual(["too_many_options"]);
    // Salesforce counts inactive values too.
    const withRetired = [{ code: "root", label: "Root", children: [...leaves(1000)[0]!.children, { code: "old", label: "Old", deprecated: { reason: "gone" } }] }];
    expect(issuesOf({ ...base, optionLimit: "salesforce", nodes: withRetired }).map((i) => i.code)).toStrictEqual(["too_many_options"]);
    expect(createTaxonomy({ ...base, optionLimit: "zendesk", nodes: withRetired }).nodes.length).toBe(1002);
  });

  it("T2: rejects sibling labels or aliases that collide after case and space normalisation; cousins may share labels", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "Refund" }, { code: "b", label: "  REFUND " }, { code: "c", label: "Money", aliases: ["refund"] }] })).toStrictEqual([
      { code: "duplicate_label", path: ["nodes", 1, "label"], message: '"  REFUND " collides with sibling "a" (Refund) after normalisation (case, spaces, invisible characters); sibling labels and aliases must be distinct' },
      { code: "duplicate_label", path: ["nodes", 2, "aliases", 0], message: '"refund" collides with sibling "a" (Refund) after normalisation (case, spaces, invisible characters); sibling labels and aliases must be distinct' },
    ]);
    const cousins = createTaxonomy({ ...base, nodes: [{ code: "a", label: "A", children: [{ code: "a.o", label: "Other" }] }, { code: "b", label: "B", children: [{ code: "b.o", label: "Other" }] }] });
    expect(cousins.resolve("B::Other")).toStrictEqual({ success: true, data: { code: "b.o", path: ["b", "b.o"] } });
  });

  it("T2: invisible characters (zero-width, soft hyphen, bidi controls, BOM) do not make two labels that look the same distinct", () => {
    const labels = ["Billing", "Bill\u200bing", "Bil\u00adling", "\u202eBilling", "\ufeffBilling", "Billing\u2060", "B\u200dilling"];
    const issues = issuesOf({ ...base, nodes: labels.map((label, i) => ({ code: `n${i}`, label })) });
    expect(issues.map((i) => [i.code, i.path])).toStrictEqual(labels.slice(1).map((_, i) => ["duplicate_label", ["nodes", i + 1, "label"]]));
    // An alias that only differs by a zero-width space collides too.
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "Refund" }, { code: "b", label: "Money", aliases: ["Re\u200bfund"] }] })[0]?.path).toStrictEqual(["nodes", 1, "aliases", 0]);
  });

  it("refuses a label, alias or separator made only of invisible characters and spaces (it would look blank)", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "\u200b \u00ad" }, { code: "b", label: "B", aliases: ["\u2060"] }] })).toStrictEqual([
      { code: "invalid_format", path: ["nodes", 0, "label"], message: "a label is one line of text with at least one visible character" },
      { code: "invalid_format", path: ["nodes", 1, "aliases", 0], message: "a label is one line of text with at least one visible character" },
    ]);
    expect(issuesOf({ ...base, separator: "\u200b", nodes: [{ code: "a", label: "A" }] })).toStrictEqual([
      { code: "invalid_format", path: ["separator"], message: "a separator has at least one visible character" },
    ]);
    // Invisible characters next to visible text are kept as written (they may matter to a script's rendering).
    expect(createTaxonomy({ ...base, nodes: [{ code: "a", label: "می\u200cخواهم" }] }).node("a")?.label).toBe("می\u200cخواهم");
  });

  it("refuses children nested deeper than MAX_TAXONOMY_DEPTH (700 levels) with a typed too_deep before anything recursive runs", () => {
    const deep = { ...base, maxDepth: 32, nodes: [nestedNode(700)] };
    const expected = {
      code: "too_deep",
      path: ["nodes", 0, ...Array.from({ length: MAX_TAXONOMY_DEPTH }, () => ["children", 0]).flat()],
      message: 'node "n32" is nested 33 levels deep through children; no taxonomy is deeper than 32 levels (the largest maxDepth), so move it up',
    };
    expect(thrown(() => createTaxonomy(deep)).issues).toStrictEqual([expected]);
    expect(issuesOf(deep)).toStrictEqual([expected]);
    expect(issuesOf({ ...base, nodes: [nestedNode(100_000)] })[0]?.code).toBe("too_deep");
    // 32 levels compile.
    expect(createTaxonomy({ ...base, maxDepth: 32, nodes: [nestedNode(32)] }).node("n31")?.depth).toBe(32);
  });

  it("the exported schemas, parsed directly, refuse hostile nesting with an issue instead of overflowing the stack", () => {
    for (const depth of [101, 100_000]) {
      const node = TaxonomyNodeSchema.safeParse(nestedNode(depth));
      expect(node.success).toBe(false);
      expect(node.error?.issues[0]?.message).toBe("nests deeper than 100 levels of objects and arrays; flatten it");
      const definition = TaxonomyDefinitionSchema.safeParse({ ...base, nodes: [nestedNode(depth)] });
      expect(definition.error?.issues.map((issue) => issue.path.slice(0, 2))).toStrictEqual([["nodes", 0]]);
    }
    // Nesting within the limit parses as before; the taxonomy's own 32-level limit is createTaxonomy's.
    expect(TaxonomyNodeSchema.safeParse(nestedNode(40)).success).toBe(true);
  });

  it("refuses children that contain their own parent (a cycle only JavaScript can build) with too_deep", () => {
    const node: { code: string; label: string; children: unknown[] } = { code: "a", label: "A", children: [] };
    node.children.push(node);
    expect(issuesOf({ ...base, nodes: [node] }).map((i) => i.code)).toStrictEqual(["too_deep"]);
    const aliases: unknown[] = ["x"];
    aliases.push(aliases);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", aliases }] })).toStrictEqual([
      { code: "too_deep", path: ["nodes", 0, "aliases", 1], message: "refers back to an object that contains it, so it nests without end; pass plain JSON data" },
    ]);
  });

  it("follows a chain of 20 000 deprecated nodes without recursion (it used to overflow the stack)", () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ code: `c${i}`, label: `C${i}`, ...(i < n - 1 ? { deprecated: { replacedBy: [`c${i + 1}`] } } : {}) }));
    const tax = createTaxonomy({ ...base, nodes });
    expect([tax.node("c0")?.replacements, tax.node(`c${n - 2}`)?.replacements]).toStrictEqual([[`c${n - 1}`], [`c${n - 1}`]]);
    // A chain closed into a cycle: every node on it is reported.
    const cyclic = nodes.slice(0, 2_000).map((node, i) => (i === 1_999 ? { ...node, deprecated: { replacedBy: ["c0"] } } : node));
    const issues = issuesOf({ ...base, nodes: cyclic });
    expect([issues.length, issues.every((i) => i.code === "cycle")]).toStrictEqual([2_000, true]);
  });

  it("T5, T6: refuses a node that requires more than 100 fields (ancestors' included), or leads to more than 100 replacements", () => {
    const fields = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    expect(issuesOf({ ...base, nodes: [{ code: "p", label: "P", requires: fields(60, "f"), children: [{ code: "c", label: "C", requires: fields(41, "g") }] }] })).toStrictEqual([
      { code: "too_many_fields", path: ["nodes", 0, "children", 0, "requires"], message: 'node "c" requires more than 100 fields, its ancestors\' included; keep the fields a category makes required to a few' },
    ]);
    // 100 distinct fields are fine, repeated ones count once.
    expect(createTaxonomy({ ...base, nodes: [{ code: "p", label: "P", requires: fields(60, "f"), children: [{ code: "c", label: "C", requires: [...fields(40, "g"), ...fields(60, "f")] }] }] }).node("c")?.requires.length).toBe(100);
    // A chain of splits: node k would be replaced by every active node after it (and a0): 51 of them reach more than 100.
    const chain = Array.from({ length: 150 }, (_, i) => ({ code: `d${i}`, label: `D${i}`, deprecated: { replacedBy: [i < 149 ? `d${i + 1}` : "a0", `a${i}`] } }));
    const active = Array.from({ length: 150 }, (_, i) => ({ code: `a${i}`, label: `A${i}` }));
    const issues = issuesOf({ ...base, nodes: [...chain, ...active] });
    expect([issues[0], issues.length, issues.every((i) => i.code === "too_many_replacements")]).toStrictEqual([
      { code: "too_many_replacements", path: ["nodes", 0, "deprecated", "replacedBy"], message: 'replacedBy links from "d0" lead to more than 100 active nodes; a split names a few replacements' },
      51,
      true,
    ]);
  });

  it("stops adversarial shapes early, before their computed lists grow with the square of the input", () => {
    // 1 000 children under a node with 99 required fields: 100 000 inherited entries.
    const children = Array.from({ length: 1_000 }, (_, i) => ({ code: `k${i}`, label: `K${i}`, requires: [`g${i}`] }));
    expect(createTaxonomy({ ...base, nodes: [{ code: "r", label: "R", requires: Array.from({ length: 99 }, (_, i) => `f${i}`), children }] }).nodes.length).toBe(1_001);
    // 20 000 fields on a node with 1 000 children: one issue, found after 101 fields (the old code copied 20 million).
    expect(issuesOf({ ...base, nodes: [{ code: "r", label: "R", requires: Array.from({ length: 20_000 }, (_, i) => `f${i}`), children }] }).length).toBe(1);
    // A chain of 1 000 splits (the old code collected half a million replacements).
    const chain = Array.from({ length: 1_000 }, (_, i) => ({ code: `d${i}`, label: `D${i}`, deprecated: { replacedBy: [i < 999 ? `d${i + 1}` : "a0", `a${i}`] } }));
    expect(issuesOf({ ...base, nodes: [...chain, ...Array.from({ length: 1_000 }, (_, i) => ({ code: `a${i}`, label: `A${i}` }))] }).length).toBe(901);
  });

  it("T6: rejects a deprecated node with neither replacement nor reason, unknown or self replacements, and replacement cycles", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", deprecated: {} }, { code: "b", label: "B", deprecated: { replacedBy: ["zz", "b"] } }] })).toStrictEqual([
      { code: "missing_replacement", path: ["nodes", 0, "deprecated"], message: 'deprecated node "a" names neither replacedBy nor a reason; give the codes that replace it or say why there is none' },
      { code: "unknown_replacement", path: ["nodes", 1, "deprecated", "replacedBy", 0], message: 'replacement "zz" of "b" is not a code in this taxonomy; name an existing node' },
      { code: "cycle", path: ["nodes", 1, "deprecated", "replacedBy", 1], message: 'node "b" is replaced by itself; name another node' },
    ]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", deprecated: { replacedBy: ["b"] } }, { code: "b", label: "B", deprecated: { replacedBy: ["a"] } }] }).map((i) => [i.code, i.path])).toStrictEqual([
      ["cycle", ["nodes", 0, "deprecated", "replacedBy"]],
      ["cycle", ["nodes", 1, "deprecated", "replacedBy"]],
    ]);
    // Chains through deprecated nodes end at the active node.
    const chain = createTaxonomy({ ...base, nodes: [{ code: "a", label: "A", deprecated: { replacedBy: ["b"] } }, { code: "b", label: "B", deprecated: { replacedBy: ["c"] } }, { code: "c", label: "C" }] });
    expect(chain.node("a")!.replacements).toStrictEqual(["c"]);
  });

  it("rejects closure-code duplicates and rules that name unknown codes", () => {
    expect(
      issuesOf({
        ...base,
        nodes: [{ code: "a", label: "A" }],
        closureCodes: [{ code: "fixed", label: "Fixed" }, { code: "fixed", label: "Again" }],
        rules: [{ when: { codes: ["zz"], closureCodes: ["nope"] }, require: ["x"] }],
      }),
    ).toStrictEqual([
      { code: "duplicate_code", path: ["closureCodes", 1, "code"], message: 'closure code "fixed" is listed twice; closure codes must be unique' },
      { code: "unknown_code", path: ["rules", 0, "when", "codes", 0], message: 'rule condition names "zz", which is not a node code in this taxonomy' },
      { code: "unknown_closure_code", path: ["rules", 0, "when", "closureCodes", 0], message: 'rule condition names closure code "nope", which is not in closureCodes' },
    ]);
  });

  it("reports schema errors with paths and supportops wording", () => {
    expect(issuesOf({ ...base, nodes: [] })).toStrictEqual([
      { code: "too_small", path: ["nodes"], message: "a taxonomy needs at least one node" },
    ]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", children: [{ code: "b", label: 3 }] }] })).toStrictEqual([
      { code: "invalid_type", path: ["nodes", 0, "children", 0, "label"], message: "expected a string, got number 3" },
    ]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: "A", replacedby: ["x"] }] }).map((i) => [i.code, i.path])).toStrictEqual([["unrecognized_keys", ["nodes", 0, "replacedby"]]]);
    expect(issuesOf(null)).toStrictEqual([{ code: "invalid_type", path: [], message: "expected an object, got null" }]);
    expect(thrownBy(TaxonomyError, () => createTaxonomy(null as never)).code).toBe("invalid_taxonomy");
  });

  it("names the key that was meant for a misspelt one", () => {
    expect(issuesOf({ ...base, nodes: [{ code: "a", lable: "A" }] })).toStrictEqual([
      { code: "invalid_type", path: ["nodes", 0, "label"], message: "expected a string, got undefined" },
      {
        code: "unrecognized_keys",
        path: ["nodes", 0, "lable"],
        message: 'unknown key "lable"; use "label" (allowed: code, label, aliases, description, parent, other, allowInternal, requires, deprecated, children)',
      },
    ]);
    const [misspelt, ...others] = issuesOf({ ...base, optionlimit: "zendesk", nodes: [{ code: "a", label: "A" }] });
    expect([misspelt?.path, others]).toStrictEqual([["optionlimit"], []]);
    expect(misspelt?.message).toMatch(/^unknown key "optionlimit"; use "optionLimit" \(allowed: /u);
  });

  it("says which forms optionLimit accepts, and narrows to the object form's own issue", () => {
    expect(issuesOf({ ...base, optionLimit: "zendsk", nodes: [{ code: "a", label: "A" }] })).toStrictEqual([
      { code: "invalid_union", path: ["optionLimit"], message: 'expected "zendesk", "salesforce" or { max, includeDeprecated? } with max a whole number ≥ 1, got "zendsk"' },
    ]);
    expect(issuesOf({ ...base, optionLimit: 500, nodes: [{ code: "a", label: "A" }] })[0]!.message).toBe(
      'expected "zendesk", "salesforce" or { max, includeDeprecated? } with max a whole number ≥ 1, got number 500',
    );
    expect(issuesOf({ ...base, optionLimit: { max: 0 }, nodes: [{ code: "a", label: "A" }] })).toStrictEqual([
      { code: "too_small", path: ["optionLimit", "max"], message: "expected greater than 0, got number 0" },
    ]);
  });

  it("rejects a long chain of flat nodes in linear time (catastrophic-slowness guard: the old cubic walk took 44 s)", () => {
    const nodes = Array.from({ length: 4000 }, (_, i) => ({ code: `n${i}`, label: `N ${i}`, ...(i > 0 ? { parent: `n${i - 1}` } : {}) }));
    const started = performance.now();
    const result = safeCreateTaxonomy({ id: "t", version: "1", maxDepth: 32, nodes });
    const elapsedMs = performance.now() - started;
    expect(failure(result).issues.every((issue) => issue.code === "too_deep")).toBe(true);
    // Linear work takes tens of milliseconds here: over 100× margin.
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it("checks hostile long labels and codes in linear time (catastrophic-slowness guard, >100× margin)", () => {
    // A quadratic pattern would take minutes on 200,000 characters; linear checks take milliseconds.
    const long = "a".repeat(200_000);
    const started = performance.now();
    expect(issuesOf({ ...base, nodes: [{ code: `${long}\u0000`, label: `${long}\u0000` }] }).map((i) => i.code)).toStrictEqual(["invalid_format", "invalid_format"]);
    expect(issuesOf({ ...base, nodes: [{ code: "a", label: `x${" ".repeat(200_000)}\u0001` }] }).map((i) => i.code)).toStrictEqual(["invalid_format"]);
    expect(taxonomyFromZendeskOptions([`a${"_".repeat(200_000)}!`], { id: "z", version: "1" }).nodes[0]!.code).toBe("a");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("TSDoc examples", () => {
    const tax = createTaxonomy({
      id: "support",
      version: "2026.1",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }],
    });
    expect(tax.path("billing.refund")).toStrictEqual(["billing", "billing.refund"]);
    expect(createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }] }).toJSON()).toStrictEqual({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }] });
  });
});

describe("safeCreateTaxonomy", () => {
  it("returns the taxonomy, or the error createTaxonomy would throw", () => {
    const good = safeCreateTaxonomy(SUPPORT);
    expect(good.success && good.data.nodes).toStrictEqual(createTaxonomy(SUPPORT).nodes);
    const bad = safeCreateTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A::B" }] });
    expect(bad.success).toBe(false);
    expect(failure(bad).issues[0].code).toBe("separator_in_label");
  });

  it("takes JSON of unknown shape and names the key that was meant", () => {
    const error = failure(safeCreateTaxonomy(JSON.parse('{"id":"t","version":"1","nodes":[{"code":"a","lable":"A"}]}')));
    expect(error.code).toBe("invalid_taxonomy");
    expect(error.issues.map((i) => i.path)).toStrictEqual([
      ["nodes", 0, "label"],
      ["nodes", 0, "lable"],
    ]);
    for (const value of [undefined, "{}", 42, []]) expect(failure(safeCreateTaxonomy(value)).issues[0].code).toBe("invalid_type");
  });
});
