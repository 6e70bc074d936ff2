import { issuesFromZod, safeToEpochMs, safely, type Issue, type SafeResult, type TimeInput } from "@supportops/core";
import { EscalationError } from "./EscalationError.js";
import { EscalationPackageSchema, type EscalationPackage } from "./EscalationPackageSchema.js";
import { instantMs, isRecord } from "./internal/formats.js";

/**
 * What E5 needs from a priority matrix: a lookup from impact and urgency labels to a priority label.
 * `createPriorityMatrix` from `@supportops/core` returns one; so does any object with this method.
 *
 * @example
 * const matrix: PriorityLookup = SERVICENOW_PRIORITY_MATRIX; // from @supportops/core
 * const custom: PriorityLookup = { lookup: (impact, urgency) => (impact === "high" && urgency === "high" ? "P1" : "P3") };
 */
export interface PriorityLookup {
  /**
   * The priority label for an impact and an urgency label; may throw for an unknown label.
   *
   * @example
   * SERVICENOW_PRIORITY_MATRIX.lookup("2 - Medium", "1 - High"); // => "2 - High"
   */
  lookup(impact: string, urgency: string): string;
}

/**
 * Options of {@link createEscalationPackage}.
 *
 * @example
 * const options: CreateEscalationPackageOptions = { now: "2026-03-09T15:00:00Z", environments: ["production", "staging"] };
 * const result = safeCreateEscalationPackage({ ...input, environment: "qa" }, options);
 * if (!result.success) result.error.issues[0].code; // => "unknown_environment"
 */
export interface CreateEscalationPackageOptions {
  /** The current instant: no time in the package may be after it (E7). */
  readonly now: TimeInput;
  /** When given, and the package carries `priorityBasis`, its priority must match the matrix or carry an override reason (E5). */
  readonly matrix?: PriorityLookup;
  /** The environments your organisation accepts (`["production", "staging"]`); any non-empty name when omitted. */
  readonly environments?: ReadonlyArray<string>;
}

function timeChecks(pkg: Record<string, unknown>, nowMs: number): Issue[] {
  const issues: Issue[] = [];
  const late = (value: unknown, path: ReadonlyArray<string | number>): void => {
    const ms = instantMs(value);
    if (ms !== undefined && ms > nowMs) {
      issues.push({
        code: "time_in_future",
        path,
        message: `${String(value)} is after now (${new Date(nowMs).toISOString()}); times in a package must not be in the future`,
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

function matrixChecks(pkg: Record<string, unknown>, matrix: PriorityLookup): Issue[] {
  const basis = pkg["priorityBasis"];
  if (!isRecord(basis) || typeof basis["impact"] !== "string" || typeof basis["urgency"] !== "string") return [];
  const { impact, urgency } = basis as { impact: string; urgency: string };
  let expected: string;
  try {
    expected = matrix.lookup(impact, urgency);
  } catch (error) {
    return [{
      code: "unknown_priority_basis",
      path: ["priorityBasis"],
      message: `the priority matrix has no cell for impact ${JSON.stringify(impact)} × urgency ${JSON.stringify(urgency)} (${error instanceof Error ? error.message : String(error)}); use the matrix's labels`,
    }];
  }
  const priority = pkg["priority"];
  const override = pkg["priorityOverride"];
  const reason = isRecord(override) ? override["reason"] : undefined;
  if (priority !== expected && (typeof reason !== "string" || reason.trim() === "")) {
    return [{
      code: "priority_mismatch",
      path: ["priorityOverride", "reason"],
      message: `priority ${String(priority)} disagrees with the priority matrix (impact ${JSON.stringify(impact)} × urgency ${JSON.stringify(urgency)} → ${expected}); set priority to ${expected}, or keep it and add priorityOverride.reason saying why`,
    }];
  }
  return [];
}

/**
 * Validates an escalation package against {@link EscalationPackageSchema} and the checks that need
 * context: no time after `now` (E7), the priority matrix (E5), your environments.
 *
 * @param input - the package in its JSON form
 * @param options - `now`, and optionally a priority `matrix` and the accepted `environments`
 * @returns the package, parsed (strings trimmed) and frozen
 * @throws {@link EscalationError} `invalid_package` listing every problem at the path of the field to
 *   add or fix; `invalid_create_options` when `now` is not an instant
 * @example
 * const pkg = createEscalationPackage(input, { now: "2026-03-09T15:00:00Z" });
 * pkg.severity; // => "SEV2"
 * createEscalationPackage({ ...input, kind: "bug", reproSteps: undefined }, { now });
 * // throws invalid_package: reproSteps: a bug needs reproduction steps; add reproSteps as [...]
 */
export function createEscalationPackage(input: unknown, options: CreateEscalationPackageOptions): EscalationPackage {
  const now = safeToEpochMs(options.now, ["now"]);
  if (!now.success) {
    throw new EscalationError("invalid_create_options", now.error.issues.map((issue) => ({ ...issue, code: "invalid_create_options" })));
  }
  const parsed = EscalationPackageSchema.safeParse(input);
  const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  if (isRecord(input)) {
    issues.push(...timeChecks(input, now.data));
    if (options.matrix !== undefined) issues.push(...matrixChecks(input, options.matrix));
    const environment = input["environment"];
    if (options.environments !== undefined && typeof environment === "string" && !options.environments.includes(environment.trim())) {
      issues.push({
        code: "unknown_environment",
        path: ["environment"],
        message: `${JSON.stringify(environment)} is not one of the configured environments (${options.environments.map((e) => JSON.stringify(e)).join(", ")})`,
      });
    }
  }
  if (issues.length > 0 || !parsed.success) {
    throw new EscalationError("invalid_package", issues.length > 0 ? issues : [{ code: "invalid_package", path: [], message: "the package is invalid" }]);
  }
  return parsed.data;
}

/**
 * {@link createEscalationPackage} without throwing.
 *
 * @param input - the package in its JSON form
 * @param options - as for {@link createEscalationPackage}
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * const result = safeCreateEscalationPackage({}, { now: "2026-03-09T15:00:00Z" });
 * result.success; // => false
 */
export function safeCreateEscalationPackage(
  input: unknown,
  options: CreateEscalationPackageOptions,
): SafeResult<EscalationPackage, EscalationError> {
  return safely(EscalationError, () => createEscalationPackage(input, options));
}
