import type { EscalationPackageInput } from "@supportops/escalation";

/** A complete, high-quality bug escalation (every rubric dimension at its top level). */
export const fullBug = {
  schemaVersion: "1",
  id: "01JQ3V8Z6M4K2T9P7R5X1C0B8N",
  ticketId: "ZD-48213",
  relatedTicketIds: ["ZD-48190", "ZD-48201"],
  dedupKey: "checkout-500-eu-west",
  summary: "Checkout returns HTTP 500 for carts with a discount code in eu-west",
  kind: "bug",
  severity: "SEV2",
  priority: "P2",
  priorityBasis: { impact: "medium", urgency: "high" },
  target: "engineering",
  service: "checkout",
  component: "pricing-api",
  environment: "production",
  release: "2026.03.2",
  buildId: "b7f3e21",
  platform: "web (Chrome 133, macOS 15)",
  configFlags: ["discounts_v2=on"],
  reproducible: "always",
  reproSteps: [
    { n: 1, action: "Sign in as any EU customer" },
    { n: 2, action: "Add any item to the cart and apply code SPRING10" },
    { n: 3, action: "Click Pay on the checkout page" },
  ],
  reproVerifiedBySupport: true,
  expected: "The order is placed and the confirmation page shows the discounted total",
  actual: "The page shows 'Something went wrong' and the API returns HTTP 500",
  errorText: "PricingError: discount rule 'SPRING10' has no currency for EUR",
  firstSeenAt: "2026-03-09T08:12:00Z",
  lastSeenAt: "2026-03-09T13:40:00Z",
  reportedAt: "2026-03-09T14:05:00Z",
  correlation: {
    traceIds: ["4bf92f3577b34da6a3ce929d0e0e4736"],
    spanIds: ["00f067aa0ba902b7"],
    requestIds: ["req_8c1f2a"],
  },
  evidence: [
    {
      kind: "stacktrace",
      title: "pricing-api stack trace",
      inline: "PricingError: discount rule 'SPRING10' has no currency for EUR\n    at applyDiscount (pricing.ts:88)",
      capturedAt: "2026-03-09T13:41:00Z",
      sanitized: true,
      redactionReport: { counts: { EMAIL: 1 }, engine: "@supportops/escalation@0.1.0" },
    },
  ],
  impact: {
    customersAffected: 42,
    usersAffected: 57,
    accounts: ["[EMAIL:k1:3f9a1c2b4d5e6f70]"],
    blocked: true,
    workaroundAvailable: false,
    revenueAtRisk: { amount: 12500, currency: "EUR" },
    trend: "growing",
  },
  businessUrgency: { needBy: "2026-03-10T09:00:00Z", reason: "Spring campaign emails go out at 10:00 CET", slaState: "at-risk" },
  ask: "Fix the EUR currency mapping for discount rules, or disable SPRING10 until it is fixed",
  attempts: [
    { action: "Cleared the cart and retried", result: "Same HTTP 500" },
    { action: "Tried code SPRING10 with a USD account", result: "Works: the problem is EUR-only" },
  ],
  ruledOut: ["browser cache", "payment provider outage"],
  workaround: "None: agents apply the discount manually as a refund after purchase",
  customerComms: {
    lastUpdateAt: "2026-03-09T14:00:00Z",
    summary: "Told affected customers we are investigating",
    expectation: "Update by 17:00 CET",
    escalationRisk: "high",
  },
  taxonomy: { code: "billing.checkout.discounts", version: "2026-02" },
} as const satisfies EscalationPackageInput;

/** The smallest valid package: a SEV4 question with one attempt. */
export const minimalQuestion = {
  schemaVersion: "1",
  id: "3f1c2a9e-4b7d-4e1a-9c2b-8d7e6f5a4b3c",
  ticketId: "ZD-1",
  summary: "Customer asks whether exports include archived projects",
  kind: "question",
  severity: "SEV4",
  priority: "P4",
  target: "product",
  service: "exports",
  environment: "production",
  reproducible: "no",
  reportedAt: "2026-03-09T10:00:00Z",
  impact: { blocked: false, workaroundAvailable: true, trend: "stable" },
  businessUrgency: { reason: "Customer is planning a migration", slaState: "within" },
  ask: "Confirm whether archived projects are exported",
  attempts: [{ action: "Searched the docs", result: "Not documented" }],
  taxonomy: { code: "product.exports", version: "2026-02" },
} as const satisfies EscalationPackageInput;

/** `now` for the fixtures. */
export const NOW = "2026-03-09T15:00:00Z";
