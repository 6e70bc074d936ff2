import { z } from "zod";
import type { EscalationPackage } from "./EscalationPackageSchema.js";
import type { DefaultEscalationPriority, EscalationVocabulary } from "./EscalationVocabulary.js";
import { failWith } from "./internal/fail.js";
import { isoOf, listLabels } from "./internal/formats.js";
import { VOCABULARY_OPTIONS, checkOptions, noConflictingPriorities, resolveVocabulary } from "./internal/options.js";
import { packageArgument } from "./internal/packageArgument.js";
import { truncate } from "./internal/truncate.js";
import { renderEscalation } from "./renderEscalation.js";

/**
 * Options of {@link toOpsgenieAlert}: the responders, and the priority labels the package was created
 * with (`priorityMatrix` or `priorities`, as for {@link createEscalationPackage}).
 *
 * @typeParam P - the package's priority labels
 * @example
 * const options: OpsgenieAlertOptions = { responders: [{ type: "team", name: "payments" }] };
 * const snow: OpsgenieAlertOptions<"1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning"> = {
 *   priorityMatrix: SERVICENOW_PRIORITY_MATRIX,
 * };
 */
export interface OpsgenieAlertOptions<P extends string = DefaultEscalationPriority> extends Pick<EscalationVocabulary<string, P>, "priorityMatrix" | "priorities"> {
  /** Who is notified: Opsgenie responder references such as `{ type: "team", name: "payments" }`. */
  readonly responders?: ReadonlyArray<Readonly<Record<string, string>>>;
}

/**
 * An Opsgenie "create alert" request body.
 *
 * @example
 * // pkg: the SEV2 bug package from the EscalationPackageInput example
 * const alert: OpsgenieAlert = toOpsgenieAlert(pkg);
 * alert.tags;   // => ["bug", "SEV2", "production", "checkout"]
 * alert.entity; // => "checkout"
 */
export interface OpsgenieAlert {
  /** The alert's message, ≤ 130 characters. */
  readonly message: string;
  /** The deduplication alias, ≤ 250 characters, when the package has a `dedupKey`. */
  readonly alias?: string;
  /** The package as plain text, ≤ 15 000 characters. */
  readonly description: string;
  /** Opsgenie's priority: the package's priority by its rank (the most urgent label P1, the fifth and later P5). */
  readonly priority: "P1" | "P2" | "P3" | "P4" | "P5";
  /** Who is notified. */
  readonly responders?: ReadonlyArray<Readonly<Record<string, string>>>;
  /** Tags: kind, severity, environment, service. */
  readonly tags: ReadonlyArray<string>;
  /** Key facts as a string-to-string map. */
  readonly details: Readonly<Record<string, string>>;
  /** The affected service. */
  readonly entity: string;
}

/** Opsgenie's priorities, most urgent first. */
const OPSGENIE_PRIORITIES = ["P1", "P2", "P3", "P4", "P5"] as const;

const OptionsSchema = z
  .strictObject({
    responders: z.array(z.record(z.string(), z.string())).optional(),
    priorityMatrix: VOCABULARY_OPTIONS.priorityMatrix,
    priorities: VOCABULARY_OPTIONS.priorities,
  })
  .superRefine(noConflictingPriorities);

/**
 * Maps a package to an Opsgenie "create alert" request within Opsgenie's limits: the message is the
 * summary (cut to 130 characters), the alias the `dedupKey` (cut to 250), the description the
 * package rendered as plain text (cut to 15 000). Opsgenie knows only P1–P5, so the priority is mapped
 * by its rank among the package's priority labels: the most urgent is P1, the second P2, …, the fifth
 * and any later P5 (`"2 - High"` of ServiceNow's matrix is P2; P1–P5 map to themselves).
 *
 * @param pkg - a package from {@link createEscalationPackage}
 * @param options - optionally, the responders and the package's `priorityMatrix` or `priorities`
 * @returns the request body
 * @throws {@link EscalationError} `invalid_argument` when the options are malformed or the package's
 *   priority is not one of the labels (issue `unknown_priority`); `invalid_package` when `pkg` is not a package
 * @example
 * toOpsgenieAlert(pkg).priority; // => "P2"
 * toOpsgenieAlert(snowPkg, { priorityMatrix: SERVICENOW_PRIORITY_MATRIX }).priority; // => "P2" (for "2 - High")
 */
export function toOpsgenieAlert<P extends string = DefaultEscalationPriority>(pkg: EscalationPackage<string, P>, options: OpsgenieAlertOptions<P> = {}): OpsgenieAlert {
  const checked = packageArgument(pkg);
  const valid = checkOptions<OpsgenieAlertOptions<string>>(OptionsSchema, options, "toOpsgenieAlert(pkg, { responders?, priorityMatrix?, priorities? })");
  const vocabulary = resolveVocabulary(valid);
  const rank = vocabulary.priorities.indexOf(checked.priority);
  if (rank < 0) {
    failWith("invalid_argument", "unknown_priority", ["priority"],
      `the package's priority ${JSON.stringify(checked.priority)} is not one ${vocabulary.prioritySource} (${listLabels(vocabulary.priorities)}); pass the priorityMatrix or priorities the package was created with`);
  }
  const details: Record<string, string> = {
    ticket: checked.ticketId,
    severity: checked.severity,
    priority: checked.priority,
    target: checked.target,
    ask: truncate(checked.ask, 1000),
    reported_at: isoOf(checked.reportedAt),
  };
  if (checked.impact.customersAffected !== undefined) details["customers_affected"] = String(checked.impact.customersAffected);
  if (checked.release !== undefined) details["release"] = checked.release;
  if (checked.correlation?.traceIds?.length) details["trace_ids"] = checked.correlation.traceIds.join(",");
  return {
    message: truncate(checked.summary, 130),
    ...(checked.dedupKey === undefined ? {} : { alias: truncate(checked.dedupKey, 250) }),
    description: truncate(renderEscalation(checked, "text"), 15_000),
    priority: OPSGENIE_PRIORITIES[Math.min(rank, OPSGENIE_PRIORITIES.length - 1)] ?? "P5",
    ...(valid.responders === undefined ? {} : { responders: valid.responders }),
    tags: [checked.kind, checked.severity, checked.environment, checked.service],
    details,
    entity: checked.service,
  };
}
