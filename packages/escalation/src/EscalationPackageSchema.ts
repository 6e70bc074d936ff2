import { InstantSchema } from "@supportops/core";
import { z } from "zod";
import type { DefaultEscalationPriority, DefaultEscalationSeverity, EscalationVocabulary } from "./EscalationVocabulary.js";
import { isIsoInstant, isPseudonymToken } from "./internal/formats.js";
import { frozen } from "./internal/frozen.js";
import { VOCABULARY_OPTIONS, checkOptions, noConflictingPriorities, notALabel, resolveVocabulary, type ResolvedVocabulary } from "./internal/options.js";
import { packageRuleIssues } from "./internal/packageRules.js";

/**
 * The largest inline evidence excerpt a package may carry, in characters; link larger files by `uri`.
 *
 * @example
 * MAX_INLINE_EVIDENCE_CHARS; // => 65536
 * // pkg: a valid package input; evidence: a sanitised evidence item
 * const result = safeCreateEscalationPackage({ ...pkg, evidence: [{ ...evidence, inline: "x".repeat(MAX_INLINE_EVIDENCE_CHARS + 1) }] }, { now });
 * if (!result.success) result.error.issues[0].path; // => ["evidence", 0, "inline"] (code "too_big")
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
 * The longest a free-text field may be; longer material belongs in evidence.
 *
 * @example
 * MAX_TEXT_CHARS; // => 10000
 * // pkg: a valid package input
 * const result = safeCreateEscalationPackage({ ...pkg, ask: "x ".repeat(MAX_TEXT_CHARS) }, { now });
 * if (!result.success) result.error.issues[0].path; // => ["ask"] (code "too_big")
 */
export const MAX_TEXT_CHARS = 10_000;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(MAX_TEXT_CHARS, { message: `${what} must be at most ${MAX_TEXT_CHARS} characters; attach longer material as evidence` });

// `businessUrgency.needBy`, the one time field not named `…At`, stays an ISO-8601 string.
const isoTimestamp = z
  .string()
  .refine(isIsoInstant, {
    message: 'expected an ISO-8601 instant with an offset or Z, such as "2026-03-10T09:00:00Z"',
    params: { code: "invalid_time" },
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

const ReproStepSchema = frozen(z.strictObject({ n: z.int().min(1), action: text("a step's action") }));

const CorrelationSchema = frozen(
  z.object({
    traceIds: frozen(z.array(z.string())).optional(),
    spanIds: frozen(z.array(z.string())).optional(),
    requestIds: frozen(z.array(text("a request id"))).optional(),
    eventIds: frozen(z.array(text("an event id"))).optional(),
  }),
);

/**
 * The redaction report that travels with each piece of evidence: entity counts by type and the
 * engine (with its version) that produced them. Extra fields are kept.
 */
const RedactionReportSchema = frozen(
  z.looseObject({
    counts: frozen(z.record(z.string(), z.int().min(0))),
    engine: text("the redaction engine (name@version)"),
  }),
);

const EvidenceSchema = frozen(
  z.object({
    kind: z.enum(["log", "trace", "screenshot", "har", "stacktrace", "other"]),
    title: text("an evidence title").optional(),
    uri: z.url({ protocol: /^https?$/, message: "evidence links are http(s) URLs" }).optional(),
    inline: z.string().max(MAX_INLINE_EVIDENCE_CHARS).optional(),
    capturedAt: InstantSchema,
    sanitized: z.boolean(),
    redactionReport: RedactionReportSchema.optional(),
    redactedRegionsReviewed: z.boolean().optional(),
  }),
);

const ImpactSchema = frozen(
  z.object({
    customersAffected: z.int().min(0).optional(),
    usersAffected: z.int().min(0).optional(),
    accounts: frozen(
      z.array(
        z.string().refine(isPseudonymToken, {
          message: "account ids must be pseudonymised with redact({ mode: \"pseudonymize\" }) before they are attached",
          params: { code: "accounts_not_pseudonymized" },
        }),
      ),
    ).optional(),
    blocked: z.boolean(),
    workaroundAvailable: z.boolean(),
    revenueAtRisk: frozen(z.object({ amount: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR") })).optional(),
    trend: z.enum(["growing", "stable", "shrinking"]),
  }),
);

const BusinessUrgencySchema = frozen(
  z.object({
    needBy: isoTimestamp.optional(),
    reason: text("the urgency reason"),
    slaState: z.enum(["within", "at-risk", "breached"]),
  }),
);

const CustomerCommsSchema = frozen(
  z.object({
    lastUpdateAt: InstantSchema,
    summary: text("the last update's summary"),
    expectation: text("what the customer was told to expect"),
    escalationRisk: z.enum(["low", "med", "high"]),
  }),
);


// The fields before `severity` and `priority`, and after them (the order is the order of issues and
// of the JSON Schema's `required`).
const FIELDS_BEFORE_LEVELS = {
  schemaVersion: z.literal("1"),
  id: packageId,
  ticketId: text("ticketId"),
  relatedTicketIds: frozen(z.array(text("a related ticket id"))).optional(),
  dedupKey: printable.optional(),
  summary: z
    .string()
    .trim()
    .min(10, { message: "summary needs at least 10 characters: one line saying what is broken and for whom" })
    .max(200, { message: "summary must be at most 200 characters; move details to actual, evidence or the ask" }),
  kind: z.enum(ESCALATION_KINDS),
};

const FIELDS_AFTER_LEVELS = {
  priorityBasis: frozen(z.strictObject({ impact: text("the impact level"), urgency: text("the urgency level") })).optional(),
  priorityOverride: frozen(z.strictObject({ reason: text("the override reason"), by: text("who overrode").optional() })).optional(),
  target: z.enum(ESCALATION_TARGETS),
  service: text("service"),
  component: text("component").optional(),
  environment: text("environment"),
  release: text("release").optional(),
  buildId: text("buildId").optional(),
  platform: text("platform").optional(),
  configFlags: frozen(z.array(text("a config flag"))).optional(),
  reproducible: z.enum(["always", "intermittent", "once", "no"]),
  frequency: text("frequency").optional(),
  reproSteps: frozen(z.array(ReproStepSchema)).optional(),
  reproVerifiedBySupport: z.boolean().optional(),
  expected: text("expected").optional(),
  actual: text("actual").optional(),
  errorText: text("errorText").optional(),
  firstSeenAt: InstantSchema.optional(),
  lastSeenAt: InstantSchema.optional(),
  reportedAt: InstantSchema,
  correlation: CorrelationSchema.optional(),
  evidence: frozen(z.array(EvidenceSchema)).optional(),
  impact: ImpactSchema,
  businessUrgency: BusinessUrgencySchema,
  ask: text("ask"),
  attempts: frozen(z.array(frozen(z.strictObject({ action: text("an attempt's action"), result: text("an attempt's result") }))).min(1)),
  ruledOut: frozen(z.array(text("a ruled-out cause"))).optional(),
  workaround: text("workaround").optional(),
  customerComms: CustomerCommsSchema.optional(),
  taxonomy: frozen(z.strictObject({ code: text("taxonomy.code"), version: text("taxonomy.version") })),
};

/**
 * The fields of a package with any non-empty severity and priority label, without the cross-field
 * rules: what the functions that read a package check when it did not come from `createEscalationPackage`.
 */
export const OpenPackageShape = z.strictObject({
  ...FIELDS_BEFORE_LEVELS,
  severity: z.string().min(1),
  priority: z.string().min(1),
  ...FIELDS_AFTER_LEVELS,
});

/** The fields of a package for one vocabulary, before the cross-field rules. */
function packageShapeFor<S extends string, P extends string>(vocabulary: ResolvedVocabulary) {
  const severities = vocabulary.severities as readonly [S, ...S[]];
  const priorities = vocabulary.priorities as readonly [P, ...P[]];
  return z.strictObject({
    ...FIELDS_BEFORE_LEVELS,
    // Typed as plain `ZodType<S>`: zod's inferred enum type for a type parameter does not survive a
    // published .d.ts under `skipLibCheck: false` (TS2536), which the consumer test checks.
    severity: z.enum(severities, { error: (issue) => notALabel(issue.input, `a level of the ${vocabulary.ladderName} severity ladder`, severities) }) as unknown as z.ZodType<S, S>,
    priority: z.enum(priorities, { error: (issue) => notALabel(issue.input, `a priority ${vocabulary.prioritySource}`, priorities) }) as unknown as z.ZodType<P, P>,
    ...FIELDS_AFTER_LEVELS,
  });
}

/** The package schema for one vocabulary: its fields, then the cross-field rules. */
function packageSchemaFor<S extends string, P extends string>(vocabulary: ResolvedVocabulary) {
  return frozen(
    packageShapeFor<S, P>(vocabulary).superRefine(
      (value, ctx) => {
        for (const issue of packageRuleIssues(value, vocabulary.majorSeverities)) {
          ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, params: { code: issue.code }, input: value });
        }
      },
      // Run the cross-field rules even when a field is malformed, so the analyst sees everything to fix at once.
      { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) },
    ),
  );
}

/**
 * The zod schema of a package whose severities are `S` and priorities `P`; see
 * {@link createEscalationPackageSchema}.
 *
 * @example
 * const schema: EscalationPackageSchemaFor<"SEV1" | "SEV2" | "SEV3", "P1" | "P2"> = createEscalationPackageSchema({
 *   severityLadder: ATLASSIAN_SEVERITY_LADDER,
 *   priorities: ["P1", "P2"],
 * });
 */
export type EscalationPackageSchemaFor<S extends string, P extends string> = ReturnType<typeof packageSchemaFor<S, P>>;

const DEFAULT_VOCABULARY = resolveVocabulary(undefined);

/**
 * The escalation package with the default vocabulary (severities SEV1–SEV5 from core's
 * `PAGERDUTY_SEVERITY_LADDER`, priorities P1–P5): everything engineering needs to act on an
 * escalation, with its cross-field rules. For your own severity ladder or priority labels use
 * {@link createEscalationPackageSchema}. Unknown fields are rejected, so a misspelt `reproStep` cannot
 * silently vanish. Structural problems and rule violations are reported together, each at the path
 * of what to add or fix:
 *
 * - **E1** a major-incident severity (SEV1/SEV2 by default; the ladder's `majorIncident` levels) ⇒
 *   `impact.customersAffected`, `correlation` (with at least one id) and `firstSeenAt`.
 * - **E2** `kind: "bug"` ⇒ `reproSteps` (≥ 2, numbered 1, 2, …), `expected`, `actual` (different),
 *   `environment` and `release`.
 * - **E3** every `evidence[]` item has `sanitized: true` and a `redactionReport` (counts by type, engine).
 * - **E6** trace ids are 32 and span ids 16 lowercase hex digits, not all zeros (W3C Trace Context).
 * - **E7** `firstSeenAt ≤ lastSeenAt ≤ reportedAt` (and `≤ now`, checked by {@link createEscalationPackage}).
 *
 * Every `…At` field takes an ISO-8601 string with an offset or integer epoch milliseconds (core's
 * `InstantSchema`) and parses to epoch milliseconds; `businessUrgency.needBy` stays an ISO-8601 string.
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
export const EscalationPackageSchema: EscalationPackageSchemaFor<DefaultEscalationSeverity, DefaultEscalationPriority> = packageSchemaFor(DEFAULT_VOCABULARY);

const schemaCache = new Map<string, EscalationPackageSchemaFor<string, string>>([[DEFAULT_VOCABULARY.key, EscalationPackageSchema]]);
const MAX_CACHED_SCHEMAS = 64;

/** The (cached) package schema of a resolved vocabulary. */
export function packageSchemaOf(vocabulary: ResolvedVocabulary): EscalationPackageSchemaFor<string, string> {
  let schema = schemaCache.get(vocabulary.key);
  if (schema === undefined) {
    if (schemaCache.size >= MAX_CACHED_SCHEMAS) schemaCache.clear();
    schema = packageSchemaFor(vocabulary);
    schemaCache.set(vocabulary.key, schema);
  }
  return schema;
}

const VocabularyOptionsSchema = z.strictObject(VOCABULARY_OPTIONS).superRefine(noConflictingPriorities);

/** Validates vocabulary options (`undefined` means the defaults) and resolves them. */
function vocabularyFrom(options: unknown, usage: string): ResolvedVocabulary {
  if (options === undefined) return DEFAULT_VOCABULARY;
  return resolveVocabulary(checkOptions<EscalationVocabulary<string, string>>(VocabularyOptionsSchema, options, usage));
}

/**
 * The package schema for your severity ladder and priority labels (see {@link EscalationVocabulary}):
 * `severity` must be a level id of `severityLadder`, `priority` one of the matrix's `priorities` (or
 * of `priorities`), and rule E1 applies to the ladder's major-incident levels. Without options it is
 * {@link EscalationPackageSchema}. Schemas are cached per vocabulary.
 *
 * @param options - `severityLadder`, and `priorityMatrix` or `priorities`; all optional
 * @returns the zod schema; its issues name the labels it accepts
 * @throws {@link EscalationError} `invalid_argument` when the options are not a ladder, a matrix or a label list
 * @example
 * const schema = createEscalationPackageSchema({ priorityMatrix: SERVICENOW_PRIORITY_MATRIX });
 * schema.safeParse({ ...input, priority: "2 - High" }).success; // => true
 * const wrong = schema.safeParse({ ...input, priority: "P2" });
 * if (!wrong.success) wrong.error.issues[0].message;
 * // => '"P2" is not a priority of the priority matrix; use one of "1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"'
 */
export function createEscalationPackageSchema<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority>(
  options?: EscalationVocabulary<S, P>,
): EscalationPackageSchemaFor<S, P> {
  return packageSchemaOf(vocabularyFrom(options, "createEscalationPackageSchema({ severityLadder?, priorityMatrix?, priorities? })")) as unknown as EscalationPackageSchemaFor<S, P>;
}

/**
 * A valid escalation package (the parsed form; deeply read-only), with severities `S` and priorities
 * `P` (SEV1–SEV5 and P1–P5 by default).
 *
 * @example
 * const pkg: EscalationPackage = createEscalationPackage(input, { now: "2026-03-09T15:00:00Z" });
 * pkg.severity;   // => "SEV2"
 * pkg.reportedAt; // => 1773065100000 (every `…At` field is epoch milliseconds)
 * const snow: EscalationPackage<"SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5", "1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning"> =
 *   createEscalationPackage({ ...input, priority: "2 - High" }, { now: "2026-03-09T15:00:00Z", priorityMatrix: SERVICENOW_PRIORITY_MATRIX });
 */
export type EscalationPackage<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority> = z.output<EscalationPackageSchemaFor<S, P>>;

/**
 * What the package schema accepts: the JSON form of a package, with severities `S` and priorities `P`;
 * its `…At` fields are ISO-8601 strings with an offset or epoch milliseconds.
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
export type EscalationPackageInput<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority> = z.input<EscalationPackageSchemaFor<S, P>>;

/**
 * One piece of evidence in a parsed package: `capturedAt` in epoch milliseconds.
 *
 * @example
 * // pkg: a package whose evidence was captured at 2026-03-09T13:41:00Z
 * const evidence: EscalationEvidence | undefined = pkg.evidence?.[0];
 * evidence?.capturedAt; // => 1773063660000
 */
export type EscalationEvidence = NonNullable<EscalationPackage["evidence"]>[number];

/**
 * One piece of evidence in a package's JSON form (what {@link EscalationPackageInput} holds): the
 * report of {@link redact} fits `redactionReport` as it is; `capturedAt` is an ISO-8601 time with an
 * offset or epoch milliseconds.
 *
 * @example
 * const { value, report } = redact("ERROR saml: assertion expired for jane.doe@example.com");
 * const evidence: EscalationEvidenceInput = {
 *   kind: "log",
 *   title: "auth-api log excerpt",
 *   inline: value, // "ERROR saml: assertion expired for [EMAIL]"
 *   capturedAt: "2026-03-09T13:41:00Z",
 *   sanitized: true,
 *   redactionReport: report,
 * };
 */
export type EscalationEvidenceInput = NonNullable<EscalationPackageInput["evidence"]>[number];

/**
 * The JSON Schema (draft 2020-12) of a package's JSON form, for consumers outside TypeScript, with
 * the severity and priority labels of the given vocabulary (SEV1–SEV5 and P1–P5 by default). The
 * cross-field rules cannot be expressed in JSON Schema; validate with this package to apply them.
 *
 * @param options - `severityLadder`, and `priorityMatrix` or `priorities`; all optional
 * @returns a JSON Schema object
 * @throws {@link EscalationError} `invalid_argument` when the options are not a ladder, a matrix or a label list
 * @example
 * escalationPackageJsonSchema().required?.includes("summary"); // => true
 * escalationPackageJsonSchema({ severityLadder: ATLASSIAN_SEVERITY_LADDER }).properties?.severity;
 * // => { type: "string", enum: ["SEV1", "SEV2", "SEV3"] }
 */
export function escalationPackageJsonSchema<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority>(
  options?: EscalationVocabulary<S, P>,
): z.core.JSONSchema.JSONSchema {
  const vocabulary = vocabularyFrom(options, "escalationPackageJsonSchema({ severityLadder?, priorityMatrix?, priorities? })");
  return z.toJSONSchema(packageShapeFor(vocabulary), {
    io: "input",
    // Read-only is a TypeScript promise about parsed packages, not a property of the JSON (where
    // `readOnly` would tell API tools the field is server-managed).
    override: (ctx) => {
      delete ctx.jsonSchema.readOnly;
    },
  });
}
