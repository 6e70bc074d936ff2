import { MAX_INPUT_DEPTH, checkDepth, parseWithSchema, rethrowAs, safely, toEpochMs, type Issue, type IssuePath, type PriorityMatrix, type SafeResult, type TimeInput } from "@supportops/core";
import { z } from "zod";
import { EscalationError, type EscalationIssueCode } from "./EscalationError.js";
import { packageSchemaOf, type EscalationPackage } from "./EscalationPackageSchema.js";
import type { DefaultEscalationPriority, DefaultEscalationSeverity, EscalationVocabulary } from "./EscalationVocabulary.js";
import { instantMs, isRecord, isoOf, listLabels } from "./internal/formats.js";
import { VOCABULARY_OPTIONS, checkOptions, noConflictingPriorities, resolveVocabulary } from "./internal/options.js";
import { rememberPackage } from "./internal/packageArgument.js";

/**
 * Options of {@link createEscalationPackage}: `now`, the accepted `environments`, and the severity
 * and priority vocabulary ({@link EscalationVocabulary}: `severityLadder`, and `priorityMatrix` or
 * `priorities`).
 *
 * @example
 * const options: CreateEscalationPackageOptions = { now: "2026-03-09T15:00:00Z", environments: ["production", "staging"] };
 * const result = safeCreateEscalationPackage({ ...input, environment: "qa" }, options);
 * if (!result.success) result.error.issues[0].code; // => "unknown_environment"
 */
export interface CreateEscalationPackageOptions<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority>
  extends EscalationVocabulary<S, P> {
  /** The current instant: no time in the package may be after it (E7). */
  readonly now: TimeInput;
  /** The environments your organisation accepts (`["production", "staging"]`); any non-empty name when omitted. */
  readonly environments?: ReadonlyArray<string>;
}

const CreateOptionsSchema = z
  .strictObject({
    now: z.custom((value) => value !== undefined, {
      message: "now is required: the current instant (a Date, an ISO-8601 string or epoch ms); the library never reads the clock",
      params: { code: "invalid_type" },
    }),
    environments: z.array(z.string().min(1)).optional(),
    ...VOCABULARY_OPTIONS,
  })
  .superRefine(noConflictingPriorities);

const USAGE = "createEscalationPackage(input, { now, severityLadder?, priorityMatrix?, priorities?, environments? })";

type Input = Record<string, unknown>;

/** E7 against `now`: no time in the package after it. */
function timeChecks(pkg: Input, nowMs: number): Issue<EscalationIssueCode>[] {
  const issues: Issue<EscalationIssueCode>[] = [];
  const late = (value: unknown, path: IssuePath): void => {
    const ms = instantMs(value);
    if (ms !== undefined && ms > nowMs) {
      issues.push({
        code: "time_in_future",
        path,
        message: `${isoOf(ms)} is after now (${isoOf(nowMs)}); times in a package must not be in the future`,
      });
    }
  };
  for (const field of ["firstSeenAt", "lastSeenAt", "reportedAt"]) late(pkg[field], [field]);
  const evidence = pkg["evidence"];
  if (Array.isArray(evidence)) {
    evidence.forEach((item: unknown, index) => {
      if (isRecord(item)) late(item["capturedAt"], ["evidence", index, "capturedAt"]);
    });
  }
  const comms = pkg["customerComms"];
  if (isRecord(comms)) late(comms["lastUpdateAt"], ["customerComms", "lastUpdateAt"]);
  return issues;
}

/** E5: with a `priorityBasis`, the priority is the matrix's, or an override says why not. */
function priorityMatrixChecks(pkg: Input, matrix: PriorityMatrix): Issue<EscalationIssueCode>[] {
  const basis = pkg["priorityBasis"];
  if (!isRecord(basis) || typeof basis["impact"] !== "string" || typeof basis["urgency"] !== "string") return [];
  const impact = basis["impact"].trim();
  const urgency = basis["urgency"].trim();
  const issues: Issue<EscalationIssueCode>[] = [];
  if (!matrix.impact.includes(impact)) {
    issues.push({ code: "unknown_priority_basis", path: ["priorityBasis", "impact"], message: `${JSON.stringify(impact)} is not an impact level of the priority matrix; use one of ${listLabels(matrix.impact)}` });
  }
  if (!matrix.urgency.includes(urgency)) {
    issues.push({ code: "unknown_priority_basis", path: ["priorityBasis", "urgency"], message: `${JSON.stringify(urgency)} is not an urgency level of the priority matrix; use one of ${listLabels(matrix.urgency)}` });
  }
  if (issues.length > 0) return issues;
  const expected = rethrowAs(EscalationError, () => matrix.lookup(impact, urgency), ["priorityMatrix"], "invalid_argument");
  const priority = pkg["priority"];
  const override = pkg["priorityOverride"];
  const reason = isRecord(override) ? override["reason"] : undefined;
  if (priority === expected || (typeof reason === "string" && reason.trim() !== "")) return [];
  return [{
    code: "priority_mismatch",
    path: ["priorityOverride", "reason"],
    message: `priority ${JSON.stringify(priority)} disagrees with the priority matrix (impact ${JSON.stringify(impact)} × urgency ${JSON.stringify(urgency)} → ${JSON.stringify(expected)}); set priority to ${JSON.stringify(expected)}, or keep it and add priorityOverride.reason saying why`,
  }];
}

/** The environment is one of the configured ones. */
function environmentChecks(pkg: Input, environments: ReadonlyArray<string>): Issue<EscalationIssueCode>[] {
  const environment = pkg["environment"];
  if (typeof environment !== "string" || environments.includes(environment.trim())) return [];
  return [{
    code: "unknown_environment",
    path: ["environment"],
    message: `${JSON.stringify(environment)} is not one of the configured environments (${listLabels(environments)})`,
  }];
}

/**
 * Validates an escalation package against the package schema of your vocabulary (see
 * {@link createEscalationPackageSchema}) and the checks that need context: no time after `now` (E7),
 * the priority matrix (E5: with a `priorityMatrix` and a `priorityBasis`, `priority` must be
 * `priorityMatrix.lookup(impact, urgency)` unless `priorityOverride.reason` says why), your
 * environments. Severities are the level ids of `severityLadder` (SEV1–SEV5 by default), priorities
 * the matrix's labels (P1–P5 by default); every issue names the labels that are accepted.
 *
 * @param input - the package in its JSON form
 * @param options - `now`; optionally `severityLadder`, `priorityMatrix` or `priorities`, and `environments`
 * @returns the package, parsed (strings trimmed) and frozen
 * @throws {@link EscalationError} `invalid_package` listing every problem at the path of the field to
 *   add or fix (`too_deep` when the input nests deeper than core's `MAX_INPUT_DEPTH` or refers back to
 *   itself); `invalid_time` when `now` is not an instant; `invalid_argument` when the options are
 *   missing or malformed
 * @example
 * const pkg = createEscalationPackage(input, { now: "2026-03-09T15:00:00Z" });
 * pkg.severity; // => "SEV2"
 * const snow = createEscalationPackage(
 *   { ...input, priority: "2 - High", priorityBasis: { impact: "2 - Medium", urgency: "1 - High" } },
 *   { now: "2026-03-09T15:00:00Z", priorityMatrix: SERVICENOW_PRIORITY_MATRIX },
 * );
 * snow.priority; // => "2 - High"
 * createEscalationPackage({ ...input, kind: "bug", reproSteps: undefined }, { now });
 * // throws invalid_package: reproSteps: a bug needs reproduction steps; add reproSteps as [...]
 */
export function createEscalationPackage<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority>(
  input: unknown,
  options: CreateEscalationPackageOptions<S, P>,
): EscalationPackage<S, P> {
  const valid = checkOptions<CreateEscalationPackageOptions<string, string>>(CreateOptionsSchema, options, USAGE);
  const nowMs = rethrowAs(EscalationError, () => toEpochMs(valid.now), ["now"], "invalid_argument");
  // Extra keys of a redaction report are kept as they are: refuse a value nested without end first.
  const tooDeep = checkDepth(input, MAX_INPUT_DEPTH);
  if (tooDeep !== undefined) throw new EscalationError("invalid_package", [tooDeep]);
  const vocabulary = resolveVocabulary(valid);
  const parsed = parseWithSchema<ReturnType<typeof packageSchemaOf>, EscalationIssueCode>(packageSchemaOf(vocabulary), input);
  const issues: Issue<EscalationIssueCode>[] = parsed.success ? [] : [...parsed.issues];
  if (isRecord(input)) {
    issues.push(...timeChecks(input, nowMs));
    if (vocabulary.matrix !== undefined) issues.push(...priorityMatrixChecks(input, vocabulary.matrix));
    if (valid.environments !== undefined) issues.push(...environmentChecks(input, valid.environments));
  }
  if (!parsed.success || issues.length > 0) throw new EscalationError("invalid_package", issues);
  return rememberPackage(parsed.data) as EscalationPackage<S, P>;
}

/**
 * {@link createEscalationPackage} without throwing. Takes anything (customer JSON is `unknown`);
 * with typed options the package keeps the vocabulary's label types.
 *
 * @param input - the package in its JSON form
 * @param options - as for {@link createEscalationPackage}
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * const result = safeCreateEscalationPackage({}, { now: "2026-03-09T15:00:00Z" });
 * result.success; // => false
 * if (!result.success) result.error.code; // => "invalid_package"
 */
export function safeCreateEscalationPackage<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority>(
  input: unknown,
  options: CreateEscalationPackageOptions<S, P>,
): SafeResult<EscalationPackage<S, P>, EscalationError>;
export function safeCreateEscalationPackage(input: unknown, options: unknown): SafeResult<EscalationPackage<string, string>, EscalationError>;
export function safeCreateEscalationPackage(input: unknown, options: unknown): SafeResult<EscalationPackage<string, string>, EscalationError> {
  return safely(EscalationError, () => createEscalationPackage<string, string>(input, options as CreateEscalationPackageOptions<string, string>));
}
