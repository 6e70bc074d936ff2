import type { EscalationPackage } from "./EscalationPackageSchema.js";
import { renderEscalation } from "./renderEscalation.js";
import { truncate } from "./internal/truncate.js";

/**
 * Options of {@link toOpsgenieAlert}.
 *
 * @example
 * const options: OpsgenieAlertOptions = { responders: [{ type: "team", name: "payments" }] };
 */
export interface OpsgenieAlertOptions {
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
  /** The package's priority (Opsgenie uses the same P1–P5). */
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

/**
 * Maps a package to an Opsgenie "create alert" request within Opsgenie's limits: the message is the
 * summary (cut to 130 characters), the alias the `dedupKey` (cut to 250), the description the
 * package rendered as plain text (cut to 15 000), the priority the package's own.
 *
 * @param pkg - a package from {@link createEscalationPackage}
 * @param options - optionally, the responders
 * @returns the request body
 * @example
 * toOpsgenieAlert(pkg).priority; // => "P2"
 */
export function toOpsgenieAlert(pkg: EscalationPackage, options: OpsgenieAlertOptions = {}): OpsgenieAlert {
  const details: Record<string, string> = {
    ticket: pkg.ticketId,
    severity: pkg.severity,
    target: pkg.target,
    ask: truncate(pkg.ask, 1000),
    reported_at: pkg.reportedAt,
  };
  if (pkg.impact.customersAffected !== undefined) details["customers_affected"] = String(pkg.impact.customersAffected);
  if (pkg.release !== undefined) details["release"] = pkg.release;
  if (pkg.correlation?.traceIds?.length) details["trace_ids"] = pkg.correlation.traceIds.join(",");
  return {
    message: truncate(pkg.summary, 130),
    ...(pkg.dedupKey === undefined ? {} : { alias: truncate(pkg.dedupKey, 250) }),
    description: truncate(renderEscalation(pkg, "text"), 15_000),
    priority: pkg.priority,
    ...(options.responders === undefined ? {} : { responders: options.responders }),
    tags: [pkg.kind, pkg.severity, pkg.environment, pkg.service],
    details,
    entity: pkg.service,
  };
}
