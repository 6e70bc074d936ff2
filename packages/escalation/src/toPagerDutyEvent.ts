import { describeValue, type SeverityLadder } from "@supportops/core";
import { z } from "zod";
import type { EscalationPackage } from "./EscalationPackageSchema.js";
import type { DefaultEscalationSeverity } from "./EscalationVocabulary.js";
import { failWith } from "./internal/fail.js";
import { isoOf, listLabels } from "./internal/formats.js";
import { VOCABULARY_OPTIONS, checkOptions, resolveVocabulary } from "./internal/options.js";
import { packageArgument } from "./internal/packageArgument.js";
import { truncate } from "./internal/truncate.js";

/**
 * Options of {@link toPagerDutyEvent}.
 *
 * @typeParam S - the severity ids of the ladder the package was created with
 * @example
 * const options: PagerDutyEventOptions = {
 *   routingKey: "R0UT1NGKEY0000000000000000000000",
 *   client: "supportops",
 *   clientUrl: "https://help.example.com/tickets/48213",
 * };
 */
export interface PagerDutyEventOptions<S extends string = DefaultEscalationSeverity> {
  /** The integration's routing key (32 characters in PagerDuty). */
  readonly routingKey: string;
  /** `trigger` (default), `acknowledge` or `resolve`; the latter two need the package's `dedupKey`. */
  readonly action?: "trigger" | "acknowledge" | "resolve";
  /** The name of the sending tool, shown in PagerDuty. */
  readonly client?: string;
  /** A link back to the ticket in the sending tool: an `http:` or `https:` URL (PagerDuty shows it as a link). */
  readonly clientUrl?: string;
  /** The severity ladder the package was created with; core's `PAGERDUTY_SEVERITY_LADDER` (SEV1–SEV5) when omitted. */
  readonly severityLadder?: SeverityLadder<S>;
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
    /** When the problem was first seen (else reported), UTC ISO-8601. */
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

/** PagerDuty's severities, most severe first: the ladder's first three levels take the first three, the rest `info`. */
const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"] as const;

const OptionsSchema = z.strictObject({
  routingKey: z.string().refine((key) => key.trim() !== "", "a PagerDuty event needs the integration's routing key"),
  action: z.enum(["trigger", "acknowledge", "resolve"]).optional(),
  client: z.string().optional(),
  // PagerDuty shows it as a link: only http(s), never `javascript:` or `data:`.
  clientUrl: z.url({ protocol: /^https?$/, error: (issue) => `clientUrl must be an http(s) URL such as "https://help.example.com/tickets/48213", got ${describeValue(issue.input)}` }).optional(),
  severityLadder: VOCABULARY_OPTIONS.severityLadder,
});

/**
 * Maps a package to a PagerDuty Events API v2 event: `dedupKey` becomes `dedup_key` (so later events
 * acknowledge or resolve the same alert); the severity becomes PagerDuty's by its rank on the ladder —
 * the most severe level `critical`, the second `error`, the third `warning`, the rest `info` (SEV1→
 * `critical` … SEV4/SEV5→`info` on the default ladder); the service is the `source`, the environment
 * the `group`, evidence links become `links`, and the ticket, priority, impact, ask and correlation
 * ids go in `custom_details`.
 *
 * @param pkg - a package from {@link createEscalationPackage}
 * @param options - the routing key; optionally the action, client, client URL and the package's `severityLadder`
 * @returns the event, ready to be sent as JSON
 * @throws {@link EscalationError} `invalid_argument` when the options are missing or malformed (an
 *   empty routing key, a `clientUrl` that is not an http(s) URL, issue `invalid_format`), when an acknowledge or resolve is asked for a package without a `dedupKey`
 *   (issue `missing_dedup_key`), or when the package's severity is not on the ladder (issue
 *   `unknown_severity`); `invalid_package` when `pkg` is not a package
 * @example
 * toPagerDutyEvent(pkg, { routingKey: "R0UT1NGK3Y" }).payload?.severity; // => "error" (a SEV2)
 * toPagerDutyEvent(atlassianPkg, { routingKey: "R0UT1NGK3Y", severityLadder: ATLASSIAN_SEVERITY_LADDER }).payload?.severity;
 * // => "warning" (a SEV3, the third level of Atlassian's ladder)
 */
export function toPagerDutyEvent<S extends string = DefaultEscalationSeverity>(pkg: EscalationPackage<S, string>, options: PagerDutyEventOptions<S>): PagerDutyEvent {
  const checked = packageArgument(pkg);
  const valid = checkOptions<PagerDutyEventOptions<string>>(OptionsSchema, options, 'toPagerDutyEvent(pkg, { routingKey, action?, client?, clientUrl?, severityLadder? })');
  const action = valid.action ?? "trigger";
  if (action !== "trigger" && checked.dedupKey === undefined) {
    failWith("invalid_argument", "missing_dedup_key", ["action"], `to ${action} an alert PagerDuty needs its dedup key; give the package a dedupKey`);
  }
  const vocabulary = resolveVocabulary(valid);
  const rank = vocabulary.severities.indexOf(checked.severity);
  if (rank < 0) {
    failWith("invalid_argument", "unknown_severity", ["severity"],
      `the package's severity ${JSON.stringify(checked.severity)} is not a level of the ${vocabulary.ladderName} severity ladder (${listLabels(vocabulary.severities)}); pass the ladder the package was created with as severityLadder`);
  }
  const links = (checked.evidence ?? []).flatMap((e) => (e.uri === undefined ? [] : [{ href: e.uri, text: truncate(e.title ?? `${e.kind} evidence`, 256) }]));
  const event: PagerDutyEvent = {
    routing_key: valid.routingKey,
    event_action: action,
    ...(checked.dedupKey === undefined ? {} : { dedup_key: checked.dedupKey }),
    ...(valid.client === undefined ? {} : { client: valid.client }),
    ...(valid.clientUrl === undefined ? {} : { client_url: valid.clientUrl }),
    ...(action === "trigger" && links.length > 0 ? { links } : {}),
    ...(action === "trigger"
      ? {
          payload: {
            summary: truncate(`[${checked.severity}/${checked.priority}] ${checked.summary}`, 1024),
            source: checked.service,
            severity: PAGERDUTY_SEVERITIES[Math.min(rank, PAGERDUTY_SEVERITIES.length - 1)] ?? "info",
            timestamp: isoOf(checked.firstSeenAt ?? checked.reportedAt),
            ...(checked.component === undefined ? {} : { component: checked.component }),
            group: checked.environment,
            class: checked.kind,
            custom_details: {
              ticket: checked.ticketId,
              priority: checked.priority,
              target: checked.target,
              ask: checked.ask,
              impact: checked.impact,
              ...(checked.release === undefined ? {} : { release: checked.release }),
              ...(checked.correlation === undefined ? {} : { correlation: checked.correlation }),
              reported_at: isoOf(checked.reportedAt),
            },
          },
        }
      : {}),
  };
  return event;
}
