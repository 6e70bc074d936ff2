import { describe, expect, it } from "vitest";
import { runAudit } from "../src/audit.js";

describe("taxonomy-audit example", () => {
  it("migrates, validates, scores and checks the bundled tickets", () => {
    const report = runAudit();
    expect(report[0]).toBe("Taxonomy support 2026.1: 13 nodes, 8 selectable leaves");
    expect(report).toContain("  T-091: billing.invoice → billing.invoices");
    expect(report).toContain('  T-093: needs review: "misc" no longer exists in version "2026.1" and the migration does not map it');
    expect(report).toContain('  T-104: fields.duplicateOf: duplicateOf is missing: closure code "duplicate" requires it');
    expect(report).toContain("  16 of 22 classifications are valid");
    // 14 of 21 audited pairs agree on the leaf; 19 of 21 on the top level.
    expect(report.find((l) => l.startsWith("Accuracy"))).toMatch(/^Accuracy \(leaf\): 66\.7% of 21 \(95% CI 45\.4%–82\.8%\), Cohen's κ 0\.\d{3}$/u);
    expect(report).toContain("Per level: L1 90.5%, L2 66.7%");
    expect(report).toContain('  [other_share] 14.3% of tickets (3 of 21) are in "other" buckets, over the 10.0% budget; add categories for what they hold');
    expect(report.at(-1)).toBe("Export: 13 CSV rows; read back unchanged");
  });
});
