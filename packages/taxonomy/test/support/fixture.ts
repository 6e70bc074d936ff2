import type { TaxonomyDefinition } from "@supportops/taxonomy";

/** A support taxonomy with deprecations, closure codes, status rules and a conditional field. */
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

// 2026.2: Refund renamed, SSO moved to the top level, Password reset merged into Account access,
// Invoices split, Other removed outright (discouraged, but it happens), Legacy login reactivated.
export const SUPPORT_V2: TaxonomyDefinition = {
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
