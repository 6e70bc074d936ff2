import type { EscalationPackage } from "./EscalationPackageSchema.js";
import { failWith } from "./internal/fail.js";
import { truncate } from "./internal/truncate.js";

/**
 * Options of {@link toPagerDutyEvent}.
 *
 * @example
 * const options: PagerDutyEventOptions = {
 *   routingKey: "R0UT1NGKEY0000000000000000000000",
 *   client: "supportops",
 *   clientUrl: "https://help.example.com/tickets/48213",
 * };
 */
export interface PagerDutyEventOptions {
  /** The integration's routing key (32 characters in PagerDuty). */
  readonly routingKey: string;
  /** `trigger` (default), `acknowledge` or `resolve`; the latter two need the package's `dedupKey`. */
  readonly action?: "trigger" | "acknowledge" | "resolve";
  /** The name of the sending tool, shown in PagerDuty. */
  readonly client?: string;
  /** A link back to the ticket in the sending tool. */
  readonly clientUrl?: string;
}

/**
 * A PagerDuty Events API v2 event (the body of `POST /v2/enqueue`).
 *
 * @example
 * // pkg: the SEV2 bug package from the EscalationPackageInput example
 * const event: PagerDutyEvent = toPagerDutyEvent(pkg, { routingKey: "R0UT1NGKEY0000000000000000000000" });
 * event.event_action;      // => "trigger"
 * event.payload?.severity; // => "error"
 * event.payload?.summary;  // => "[SEV2/P2] Checkout returns HTTP 500 for EU carts with discount code SPRING10"
 */
export interface PagerDutyEvent {
  /** The integration's routing key. */
  readonly routing_key: string;
  /** What the event does. */
  readonly event_action: "trigger" | "acknowledge" | "resolve";
  /** The deduplication key (≤ 255 characters), when the package has one. */
  readonly dedup_key?: string;
  /** The sending tool. */
  readonly client?: string;
  /** A link back to the ticket. */
  readonly client_url?: string;
  /** Links to evidence. */
  readonly links?: ReadonlyArray<{ readonly href: string; readonly text: string }>;
  /** The alert itself (trigger events only). */
  readonly payload?: {
    /** A one-line summary, ≤ 1024 characters. */
    readonly summary: string;
    /** The affected system. */
    readonly source: string;
    /** PagerDuty's severity. */
    readonly severity: "critical" | "error" | "warning" | "info";
    /** When the problem was first seen (ISO-8601). */
    readonly timestamp: string;
    /** The affected component, if known. */
    readonly component?: string;
    /** The environment. */
    readonly group: string;
    /** The kind of escalation. */
    readonly class: string;
    /** The rest of the package that on-call needs. */
    readonly custom_details: Readonly<Record<string, unknown>>;
  };
}

const SEVERITY = { SEV1: "critical", SEV2: "error", SEV3: "warning", SEV4: "info", SEV5: "info" } as const;

/**
 * Maps a package to a PagerDuty Events API v2 event: `dedupKey` becomes `dedup_key` (so later events
 * acknowledge or resolve the same alert), SEV1→`critical`, SEV2→`error`, SEV3→`warning`, SEV4/5→`info`,
 * the service is the `source`, the environment the `group`, evidence links become `links`, and the
 * ticket, priority, impact, ask and correlation ids go in `custom_details`.
 *
 * @param pkg - a package from {@link createEscalationPackage}
 * @param options - the routing key, and optionally the action, client and client URL
 * @returns the event, ready to be sent as JSON
 * @throws {@link EscalationError} `invalid_export_options` when the routing key is empty, or when an
 *   acknowledge or resolve is asked for a package without a `dedupKey`
 * @example
 * toPagerDutyEvent(pkg, { routingKey: "R0UT1NGK3Y" }).payload?.severity; // => "error" (a SEV2)
 */
export function toPagerDutyEvent(pkg: EscalationPackage, options: PagerDutyEventOptions): PagerDutyEvent {
  const action = options.action ?? "trigger";
  if (typeof options.routingKey !== "string" || options.routingKey.trim() === "") {
    failWith("invalid_export_options", ["routingKey"], "a PagerDuty event needs the integration's routing key");
  }
  if (action !== "trigger" && pkg.dedupKey === undefined) {
    failWith("invalid_export_options", ["action"], `to ${action} an alert PagerDuty needs its dedup key; give the package a dedupKey`);
  }
  const links = (pkg.evidence ?? [])
    .filter((e) => e.uri !== undefined)
    .map((e) => ({ href: e.uri as string, text: truncate(e.title ?? `${e.kind} evidence`, 256) }));
  const event: PagerDutyEvent = {
    routing_key: options.routingKey,
    event_action: action,
    ...(pkg.dedupKey === undefined ? {} : { dedup_key: pkg.dedupKey }),
    ...(options.client === undefined ? {} : { client: options.client }),
    ...(options.clientUrl === undefined ? {} : { client_url: options.clientUrl }),
    ...(action === "trigger" && links.length > 0 ? { links } : {}),
    ...(action === "trigger"
      ? {
          payload: {
            summary: truncate(`[${pkg.severity}/${pkg.priority}] ${pkg.summary}`, 1024),
            source: pkg.service,
            severity: SEVERITY[pkg.severity],
            timestamp: pkg.firstSeenAt ?? pkg.reportedAt,
            ...(pkg.component === undefined ? {} : { component: pkg.component }),
            group: pkg.environment,
            class: pkg.kind,
            custom_details: {
              ticket: pkg.ticketId,
              priority: pkg.priority,
              target: pkg.target,
              ask: pkg.ask,
              impact: pkg.impact,
              ...(pkg.release === undefined ? {} : { release: pkg.release }),
              ...(pkg.correlation === undefined ? {} : { correlation: pkg.correlation }),
              reported_at: pkg.reportedAt,
            },
          },
        }
      : {}),
  };
  return event;
}
