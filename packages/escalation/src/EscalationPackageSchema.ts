import { z } from "zod";
import { checkPackageRules } from "./internal/packageRules.js";
import { isIsoInstant, isPseudonymToken } from "./internal/formats.js";

/**
 * The largest inline evidence excerpt a package may carry, in characters; link larger files by `uri`.
 *
 * @example
 * MAX_INLINE_EVIDENCE_CHARS; // => 65536
 * // pkg: a valid package input; evidence: a sanitised evidence item
 * const result = safeCreateEscalationPackage({ ...pkg, evidence: [{ ...evidence, inline: "x".repeat(MAX_INLINE_EVIDENCE_CHARS + 1) }] }, { now });
 * if (!result.success) result.error.issues[0]; // => { code: "too_big", path: ["evidence", 0, "inline"], … }
 */
export const MAX_INLINE_EVIDENCE_CHARS = 65_536;

/**
 * The kinds of escalation a package can be.
 *
 * @example
 * ESCALATION_KINDS[0]; // => "bug"
 */
export const ESCALATION_KINDS = ["bug", "outage", "performance", "data", "security", "feature-gap", "question"] as const;

/**
 * Where an escalation can go.
 *
 * @example
 * ESCALATION_TARGETS.includes("engineering"); // => true
 */
export const ESCALATION_TARGETS = ["L2", "engineering", "product", "security", "leadership"] as const;

/**
 * The severity ladder of a package (SEV1 is the most severe).
 *
 * @example
 * ESCALATION_SEVERITIES.length; // => 5
 */
export const ESCALATION_SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"] as const;

/**
 * The priority labels a package can carry (P1 is worked first).
 *
 * @example
 * ESCALATION_PRIORITIES.at(-1); // => "P5"
 */
export const ESCALATION_PRIORITIES = ["P1", "P2", "P3", "P4", "P5"] as const;

/**
 * The longest a free-text field may be; longer material belongs in evidence.
 *
 * @example
 * MAX_TEXT_CHARS; // => 10000
 * // pkg: a valid package input
 * const result = safeCreateEscalationPackage({ ...pkg, ask: "x ".repeat(MAX_TEXT_CHARS) }, { now });
 * if (!result.success) result.error.issues[0]; // => { code: "too_big", path: ["ask"], … }
 */
export const MAX_TEXT_CHARS = 10_000;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(MAX_TEXT_CHARS, { message: `${what} must be at most ${MAX_TEXT_CHARS} characters; attach longer material as evidence` });

const timestamp = z
  .string()
  .refine(isIsoInstant, {
    message: 'expected an ISO-8601 instant with an offset or Z, such as "2026-03-09T14:05:00Z"',
    params: { code: "invalid_timestamp" },
  })
  .meta({ format: "date-time" });

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const packageId = z
  .string()
  .refine((s) => ULID.test(s) || UUID.test(s), {
    message: "expected a ULID (26 Crockford base-32 characters) or a UUID",
    params: { code: "invalid_id" },
  })
  .meta({ pattern: `${ULID.source}|${UUID.source.replace("$/", "$").replace("/i", "")}`.replace(/\[0-9a-f\]/g, "[0-9a-fA-F]") });

const printable = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(s), {
    message: "use printable ASCII without leading or trailing spaces (PagerDuty and Opsgenie keys)",
    params: { code: "not_printable" },
  })
  .meta({ pattern: "^[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?$" });

const ReproStepSchema = z.strictObject({ n: z.int().min(1), action: text("a step's action") }).readonly();

const CorrelationSchema = z
  .object({
    traceIds: z.array(z.string()).readonly().optional(),
    spanIds: z.array(z.string()).readonly().optional(),
    requestIds: z.array(text("a request id")).readonly().optional(),
    eventIds: z.array(text("an event id")).readonly().optional(),
  })
  .readonly();

/**
 * The redaction report that travels with each piece of evidence: entity counts by type and the
 * engine (with its version) that produced them. Extra fields are kept.
 */
const RedactionReportSchema = z
  .looseObject({
    counts: z.record(z.string(), z.int().min(0)).readonly(),
    engine: text("the redaction engine (name@version)"),
  })
  .readonly();

const EvidenceSchema = z
  .object({
    kind: z.enum(["log", "trace", "screenshot", "har", "stacktrace", "other"]),
    title: text("an evidence title").optional(),
    uri: z.url({ protocol: /^https?$/, message: "evidence links are http(s) URLs" }).optional(),
    inline: z.string().max(MAX_INLINE_EVIDENCE_CHARS).optional(),
    capturedAt: timestamp,
    sanitized: z.boolean(),
    redactionReport: RedactionReportSchema.optional(),
    redactedRegionsReviewed: z.boolean().optional(),
  })
  .readonly();

const ImpactSchema = z
  .object({
    customersAffected: z.int().min(0).optional(),
    usersAffected: z.int().min(0).optional(),
    accounts: z
      .array(
        z.string().refine(isPseudonymToken, {
          message: "account ids must be pseudonymised with redact({ mode: \"pseudonymize\" }) before they are attached",
          params: { code: "accounts_not_pseudonymized" },
        }),
      )
      .readonly()
      .optional(),
    blocked: z.boolean(),
    workaroundAvailable: z.boolean(),
    revenueAtRisk: z
      .object({ amount: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR") })
      .readonly()
      .optional(),
    trend: z.enum(["growing", "stable", "shrinking"]),
  })
  .readonly();

const BusinessUrgencySchema = z
  .object({
    needBy: timestamp.optional(),
    reason: text("the urgency reason"),
    slaState: z.enum(["within", "at-risk", "breached"]),
  })
  .readonly();

const CustomerCommsSchema = z
  .object({
    lastUpdateAt: timestamp,
    summary: text("the last update's summary"),
    expectation: text("what the customer was told to expect"),
    escalationRisk: z.enum(["low", "med", "high"]),
  })
  .readonly();

// The fields of a package, before the cross-field rules.
const EscalationPackageShape = z.strictObject({
  schemaVersion: z.literal("1"),
  id: packageId,
  ticketId: text("ticketId"),
  relatedTicketIds: z.array(text("a related ticket id")).readonly().optional(),
  dedupKey: printable.optional(),
  summary: z
    .string()
    .trim()
    .min(10, { message: "summary needs at least 10 characters: one line saying what is broken and for whom" })
    .max(200, { message: "summary must be at most 200 characters; move details to actual, evidence or the ask" }),
  kind: z.enum(ESCALATION_KINDS),
  severity: z.enum(ESCALATION_SEVERITIES),
  priority: z.enum(ESCALATION_PRIORITIES),
  priorityBasis: z.strictObject({ impact: text("the impact level"), urgency: text("the urgency level") }).readonly().optional(),
  priorityOverride: z.strictObject({ reason: text("the override reason"), by: text("who overrode").optional() }).readonly().optional(),
  target: z.enum(ESCALATION_TARGETS),
  service: text("service"),
  component: text("component").optional(),
  environment: text("environment"),
  release: text("release").optional(),
  buildId: text("buildId").optional(),
  platform: text("platform").optional(),
  configFlags: z.array(text("a config flag")).readonly().optional(),
  reproducible: z.enum(["always", "intermittent", "once", "no"]),
  frequency: text("frequency").optional(),
  reproSteps: z.array(ReproStepSchema).readonly().optional(),
  reproVerifiedBySupport: z.boolean().optional(),
  expected: text("expected").optional(),
  actual: text("actual").optional(),
  errorText: text("errorText").optional(),
  firstSeenAt: timestamp.optional(),
  lastSeenAt: timestamp.optional(),
  reportedAt: timestamp,
  correlation: CorrelationSchema.optional(),
  evidence: z.array(EvidenceSchema).readonly().optional(),
  impact: ImpactSchema,
  businessUrgency: BusinessUrgencySchema,
  ask: text("ask"),
  attempts: z.array(z.strictObject({ action: text("an attempt's action"), result: text("an attempt's result") }).readonly()).min(1).readonly(),
  ruledOut: z.array(text("a ruled-out cause")).readonly().optional(),
  workaround: text("workaround").optional(),
  customerComms: CustomerCommsSchema.optional(),
  taxonomy: z.strictObject({ code: text("taxonomy.code"), version: text("taxonomy.version") }).readonly(),
});

/**
 * The escalation package: everything engineering needs to act on an escalation (§3.4 of the
 * research anchors), with its cross-field rules. Unknown fields are rejected, so a misspelt
 * `reproStep` cannot silently vanish. Structural problems and rule violations are reported together,
 * each at the path of what to add or fix:
 *
 * - **E1** SEV1/SEV2 ⇒ `impact.customersAffected`, `correlation` (with at least one id) and `firstSeenAt`.
 * - **E2** `kind: "bug"` ⇒ `reproSteps` (≥ 2, numbered 1, 2, …), `expected`, `actual` (different),
 *   `environment` and `release`.
 * - **E3** every `evidence[]` item has `sanitized: true` and a `redactionReport` (counts by type, engine).
 * - **E6** trace ids are 32 and span ids 16 lowercase hex digits, not all zeros (W3C Trace Context).
 * - **E7** `firstSeenAt ≤ lastSeenAt ≤ reportedAt` (and `≤ now`, checked by {@link createEscalationPackage}).
 *
 * E4 (secrets scanned before PII) is a property of `redact`; E5 (priority agrees with the priority
 * matrix unless overridden with a reason) needs a matrix and is checked by {@link createEscalationPackage}.
 * Also: the summary holds no personal data or secret (it is shown everywhere, unredacted);
 * `reproducible: "intermittent"` ⇒ `frequency`; `businessUrgency.needBy > reportedAt`; a
 * screenshot needs `redactedRegionsReviewed: true`; evidence has a `uri` or `inline` text.
 *
 * @example
 * EscalationPackageSchema.safeParse({ schemaVersion: "1" }).success; // => false
 */
export const EscalationPackageSchema = EscalationPackageShape.superRefine(checkPackageRules, {
  // Run the cross-field rules even when a field is malformed, so the analyst sees everything to fix at once.
  when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
}).readonly();

/**
 * A valid escalation package (the parsed form; deeply read-only).
 *
 * @example
 * const pkg: EscalationPackage = createEscalationPackage(input, { now: "2026-03-09T15:00:00Z" });
 * pkg.severity; // => "SEV2"
 */
export type EscalationPackage = z.output<typeof EscalationPackageSchema>;

/**
 * What {@link EscalationPackageSchema} accepts: the JSON form of a package.
 *
 * @example
 * const input: EscalationPackageInput = {
 *   schemaVersion: "1",
 *   id: "01JQ3V8Z6M4K2T9P7R5X1C0B8N",
 *   ticketId: "ZD-48213",
 *   summary: "Checkout returns HTTP 500 for EU carts with discount code SPRING10",
 *   kind: "bug",
 *   severity: "SEV2",
 *   priority: "P2",
 *   target: "engineering",
 *   service: "checkout",
 *   environment: "production",
 *   release: "2026.03.2",
 *   platform: "Chrome 133 / macOS 15",
 *   reproducible: "always",
 *   reproSteps: [
 *     { n: 1, action: "Sign in as any EU customer" },
 *     { n: 2, action: "Apply code SPRING10 to any cart" },
 *     { n: 3, action: "Click Pay on the checkout page" },
 *   ],
 *   expected: "The order is placed and the confirmation shows the discounted total",
 *   actual: "The page says 'Something went wrong' and the API returns HTTP 500",
 *   firstSeenAt: "2026-03-09T08:12:00Z",
 *   reportedAt: "2026-03-09T14:05:00Z",
 *   correlation: { traceIds: ["4bf92f3577b34da6a3ce929d0e0e4736"] },
 *   impact: { customersAffected: 42, blocked: true, workaroundAvailable: false, trend: "growing" },
 *   businessUrgency: { reason: "Spring campaign emails go out tomorrow", slaState: "at-risk" },
 *   ask: "Fix the EUR currency mapping for discount rules",
 *   attempts: [{ action: "Tried SPRING10 with a USD account", result: "Works, so the problem is EUR-only" }],
 *   taxonomy: { code: "billing.checkout.discounts", version: "2026-02" },
 * };
 * EscalationPackageSchema.safeParse(input).success; // => true
 */
export type EscalationPackageInput = z.input<typeof EscalationPackageSchema>;

/**
 * One piece of evidence in a package.
 *
 * @example
 * const { value, report } = redact("ERROR saml: assertion expired for jane.doe@example.com");
 * const evidence: EscalationEvidence = {
 *   kind: "log",
 *   title: "auth-api log excerpt",
 *   inline: value, // "ERROR saml: assertion expired for [EMAIL]"
 *   capturedAt: "2026-03-09T13:41:00Z",
 *   sanitized: true,
 *   redactionReport: report,
 * };
 */
export type EscalationEvidence = NonNullable<EscalationPackage["evidence"]>[number];

/**
 * The JSON Schema (draft 2020-12) of a package's JSON form, for consumers outside TypeScript. The
 * cross-field rules cannot be expressed in JSON Schema; validate with this package to apply them.
 *
 * @returns a JSON Schema object
 * @example
 * escalationPackageJsonSchema().required?.includes("summary"); // => true
 */
export function escalationPackageJsonSchema(): z.core.JSONSchema.JSONSchema {
  return z.toJSONSchema(EscalationPackageShape, {
    io: "input",
    // Read-only is a TypeScript promise about parsed packages, not a property of the JSON (where
    // `readOnly` would tell API tools the field is server-managed).
    override: (ctx) => {
      delete ctx.jsonSchema.readOnly;
    },
  });
}
