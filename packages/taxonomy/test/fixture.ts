import type { TaxonomyDefinition } from "@supportops/taxonomy";

/** The support taxonomy of the issue, with closure codes, status rules and a conditional field. */
export const SUPPORT: TaxonomyDefinition = {
  id: "support",
  version: "2026.1",
  maxDepth: 3,
  separator: "::",
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
    {
      code: "access",
      label: "Access",
      children: [
        { code: "access.sso", label: "SSO", requires: ["identityProvider"] },
        { code: "access.password", label: "Password reset" },
        { code: "access.legacy", label: "Legacy login", deprecated: { reason: "login v1 was switched off" } },
      ],
    },
    { code: "other", label: "Other", other: true },
  ],
  closureCodes: [
    { code: "fixed", label: "Solution provided" },
    { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] },
    { code: "known_error", label: "Known error", requires: ["knownErrorRef"] },
  ],
  rules: [{ when: { status: ["solved", "closed"] }, require: ["closureCode", "resolutionNotes"] }],
};
