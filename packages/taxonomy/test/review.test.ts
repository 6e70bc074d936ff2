import { describe, expect, it } from "vitest";
import { createTaxonomy, safeCreateTaxonomy } from "@supportops/taxonomy";

// Counterexamples found by reading the code once more; each failed before its fix.
describe("review counterexamples", () => {
  it("rejects a long chain of flat nodes in linear time (it took 44 s for 4,000 nodes)", () => {
    const nodes = Array.from({ length: 4000 }, (_, i) => ({ code: `n${i}`, label: `N ${i}`, ...(i > 0 ? { parent: `n${i - 1}` } : {}) }));
    const started = performance.now();
    const result = safeCreateTaxonomy({ id: "t", version: "1", maxDepth: 32, nodes });
    const elapsedMs = performance.now() - started;
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.every((issue) => issue.code === "too_deep")).toBe(true);
    // A guard against the old cubic walk, not a benchmark: linear work takes tens of ms here.
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it("resolves a Greek label ending in sigma inside a path without spaces", () => {
    const tax = createTaxonomy({ id: "t", version: "1", nodes: [{ code: "odos", label: "ΟΔΟΣ", children: [{ code: "odos.x", label: "Χ" }] }] });
    expect(tax.resolve("ΟΔΟΣ::Χ")).toStrictEqual({ success: true, data: { code: "odos.x", path: ["odos", "odos.x"] } });
    expect(tax.resolve("οδος :: χ")).toStrictEqual({ success: true, data: { code: "odos.x", path: ["odos", "odos.x"] } });
  });

  it("follows a deprecated map target on to its replacement, so the result validates", () => {
    const v2 = createTaxonomy({
      id: "t",
      version: "2",
      nodes: [
        { code: "a", label: "A" },
        { code: "b", label: "B", deprecated: { replacedBy: ["a"] } },
      ],
    });
    const result = v2.migrate({ code: "gone", version: "1" }, { fromVersion: "1", toVersion: "2", map: { gone: "b" } });
    expect(result).toStrictEqual({ kind: "remapped", classification: { code: "a", version: "2" }, from: "gone" });
    if (result.kind === "remapped") expect(v2.validate(result.classification, { mode: "create" }).success).toBe(true);
  });
});
