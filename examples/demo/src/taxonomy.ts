/**
 * The taxonomy part of the demo: a small category tree, then a few classifications a newcomer would
 * try — good ones and bad ones — with what `validate` and `resolve` say about each.
 */
import { formatIssues } from "@supportops/core";
import { createTaxonomy } from "@supportops/taxonomy";
import type { Classification, ValidateOptions } from "@supportops/taxonomy";

/** Validates a few classifications, good and bad, and returns one line per result. */
export function taxonomyDemo(): string[] {
  const tax = createTaxonomy({
    id: "support",
    version: "2026.1",
    nodes: [
      {
        code: "billing",
        label: "Billing",
        children: [
          { code: "billing.refund", label: "Refund", aliases: ["Refunds"] },
          { code: "billing.invoices", label: "Invoices" },
          { code: "billing.invoice", label: "Invoice (old)", deprecated: { replacedBy: ["billing.invoices"] } },
        ],
      },
      { code: "other", label: "Other", other: true },
    ],
    closureCodes: [
      { code: "fixed", label: "Solution provided" },
      { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] },
    ],
    rules: [{ when: { status: ["solved", "closed"] }, require: ["closureCode", "resolutionNotes"] }],
  });

  const lines = [`taxonomy ${tax.id} ${tax.version}: ${tax.leaves().map((n) => n.labelPath).join(", ")}`];
  const resolved = tax.resolve("billing :: refunds");
  lines.push(`resolve "billing :: refunds" → ${resolved.success ? resolved.data.code : formatIssues(resolved.error.issues)}`);

  const tries: Array<[string, Classification, ValidateOptions]> = [
    ["a refund, new ticket", { code: "billing.refund" }, {}],
    ["the old invoice category", { code: "billing.invoice" }, {}],
    ["just 'Billing'", { code: "billing" }, {}],
    ["solved without notes", { code: "billing.refund", closureCode: "fixed" }, { status: "solved" }],
    ["solved as a duplicate of T-1", { code: "other", closureCode: "duplicate", fields: { resolutionNotes: "same as T-1", duplicateOf: "T-1" } }, { status: "solved" }],
    ["an old ticket, kept as history", { code: "billing.invoice", version: "2026.1" }, { mode: "historical" }],
  ];
  for (const [what, classification, options] of tries) {
    const result = tax.validate(classification, options);
    lines.push(
      result.success
        ? `✓ ${what}: ${result.data.code} @ ${result.data.version}`
        : `✗ ${what}: ${formatIssues(result.error.issues).replace(/\n/gu, "; ")}`,
    );
  }
  return lines;
}
