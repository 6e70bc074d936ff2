import type { TimeInput } from "@supportops/core";
import { auditAccuracy, TaxonomyError, type AccuracyAudit, type AuditOptions, type AuditPair } from "@supportops/taxonomy";
import type { KpiOptions } from "./KpiOptions.js";
import type { ConfidenceInterval } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import { MetricsError } from "./MetricsError.js";
import { inPeriod, readAt, readObject, requireIterable, resolveOptions } from "./internal/extraKpi.js";
import { wilsonInterval } from "./internal/statistics.js";

/**
 * One audited ticket: `@supportops/taxonomy`'s audit pair with the instant it was audited.
 *
 * @example
 * const record: AuditRecord = { at: "2026-03-20T10:00:00Z", assigned: "billing.refund", audited: "billing.invoices" };
 */
export interface AuditRecord extends AuditPair {
  readonly at: TimeInput;
}

/**
 * Options of {@link taxonomyAccuracy}: the period options and the audit's (`taxonomy`, `matchLevel`).
 *
 * @example
 * const options: TaxonomyAccuracyOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, matchLevel: 1 };
 */
export interface TaxonomyAccuracyOptions extends KpiOptions {
  readonly taxonomy?: AuditOptions["taxonomy"];
  readonly matchLevel?: AuditOptions["matchLevel"];
}

/**
 * Stats of `taxonomy_accuracy`.
 *
 * @example
 * const stats = taxonomyAccuracy([], { period: { from: "2026-03-01", to: "2026-04-01" } }).stats;
 * stats.successes; // => 0
 */
export interface TaxonomyAccuracyStats {
  /** Audited tickets whose classification matched. */
  readonly successes: number;
  /** Wilson 95 % interval (z = 1.959963984540054, as every rate here). */
  readonly ci: ConfidenceInterval | null;
  /** The whole audit of `@supportops/taxonomy`'s `auditAccuracy`: per level, confusion matrix, per class, κ. */
  readonly audit: AccuracyAudit;
}

/**
 * Taxonomy accuracy: of the tickets audited in the period, the share whose category path matches the
 * auditor's (the whole path, or down to `matchLevel`). Computed by `@supportops/taxonomy`'s
 * `auditAccuracy`, whose full audit (confusion matrix, per-class precision and recall, Cohen's κ) is in
 * `stats.audit`. See docs/kpis.md.
 *
 * @param records - any iterable of `{ at, assigned, audited }`
 * @param options - `period`, `timeZone`, `asOf`, `taxonomy`, `matchLevel`
 * @returns the `taxonomy_accuracy` result
 * @throws {@link MetricsError} `invalid_argument` for a bad record (the audit's issue, path `[index, …]`), `invalid_time` for a bad `at`
 * @example
 * const records = [
 *   { at: "2026-03-20T10:00:00Z", assigned: "billing.refund", audited: "billing.refund" },
 *   { at: "2026-03-21T10:00:00Z", assigned: "billing.refund", audited: "billing.invoices" },
 * ];
 * taxonomyAccuracy(records, { period: { from: "2026-03-01", to: "2026-04-01" } }).value; // => 0.5
 */
export function taxonomyAccuracy(records: Iterable<AuditRecord>, options: TaxonomyAccuracyOptions): GenericKpiResult<"taxonomy_accuracy", TaxonomyAccuracyStats> {
  const o = resolveOptions(options, "taxonomyAccuracy(records, { period: { from, to }, taxonomy?, matchLevel? })");
  const pairs: AuditPair[] = [];
  const indexes: number[] = [];
  let index = 0;
  for (const record of requireIterable(records, "audit records { at, assigned, audited }")) {
    const r = readObject(record, [index], "an audit record { at, assigned, audited }");
    const at = readAt(r["at"], [index, "at"]);
    if (inPeriod(o, at) && at <= o.asOf) {
      pairs.push({ assigned: r["assigned"] as AuditPair["assigned"], audited: r["audited"] as AuditPair["audited"] });
      indexes.push(index);
    }
    index += 1;
  }
  let audit: AccuracyAudit;
  try {
    audit = auditAccuracy(pairs, {
      ...(options.taxonomy === undefined ? {} : { taxonomy: options.taxonomy }),
      ...(options.matchLevel === undefined ? {} : { matchLevel: options.matchLevel }),
    });
  } catch (error) {
    if (!(error instanceof TaxonomyError)) throw error;
    // The audit's paths start with "pairs", i (in the filtered list) or "options": point at the caller's record or option.
    throw new MetricsError(
      "invalid_argument",
      error.issues.map((issue) => {
        const [head, i, ...rest] = issue.path;
        const path = head === "pairs" && typeof i === "number" ? [indexes[i] ?? i, ...rest] : head === "options" && i !== undefined ? [i, ...rest] : issue.path;
        return { code: "invalid_value" as const, path, message: issue.message };
      }) as [{ code: "invalid_value"; path: Array<string | number>; message: string }],
    );
  }
  return {
    kpi: "taxonomy_accuracy",
    value: audit.accuracy,
    n: audit.n,
    excluded: {},
    population: "tickets audited in the period (assigned classification vs the auditor's)",
    timeAnchor: "audit",
    timeZone: o.timeZone,
    method: `share whose category path matches the auditor's ${audit.matchLevel === "leaf" ? "exactly" : `down to level ${audit.matchLevel}`} (@supportops/taxonomy auditAccuracy); Wilson 95 % interval`,
    stats: { successes: audit.correct, ci: wilsonInterval(audit.correct, audit.n), audit },
  };
}
