import type { SlaMetricStatus } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import type { ObservedSla } from "../ObservedSla.js";
import { parsePayload } from "../internal/payload.js";
import { parseVendorIso } from "../internal/vendorTime.js";

/**
 * A Zendesk ticket metric event (`GET /api/v2/incremental/ticket_metric_events` or the
 * `metric_events` side-load), as far as the importer reads it.
 *
 * @example
 * const event: ZendeskMetricEvent = {
 *   id: 5, ticket_id: 987, metric: "reply_time", instance_id: 1, type: "apply_sla", time: "2026-03-09T14:05:00Z",
 *   sla: { target: 60, target_in_seconds: 3600, business_hours: true, policy: { id: 25, title: "Silver Plan" } },
 * };
 */
export interface ZendeskMetricEvent {
  readonly id: number | string;
  readonly ticket_id?: number | string;
  readonly metric: string;
  readonly instance_id: number;
  readonly type: string;
  readonly time: string;
  readonly deleted?: boolean;
  readonly sla?: { readonly target?: number; readonly target_in_seconds?: number; readonly business_hours?: boolean; readonly policy?: { readonly id?: number | string; readonly title?: string } };
  readonly status?: { readonly calendar?: number; readonly business?: number };
}

const EventSchema = z.object({
  id: z.union([z.number(), z.string()]),
  ticket_id: z.union([z.number(), z.string()]).optional(),
  metric: z.string(),
  instance_id: z.number().int().min(0),
  type: z.string(),
  time: z.string(),
  deleted: z.boolean().optional(),
  sla: z
    .object({
      target: z.number().optional(),
      target_in_seconds: z.number().optional(),
      business_hours: z.boolean().optional(),
      policy: z.object({ id: z.union([z.number(), z.string()]).optional(), title: z.string().optional() }).optional(),
    })
    .optional(),
  status: z.object({ calendar: z.number().optional(), business: z.number().optional() }).optional(),
});

/** Zendesk metric-event metrics and the presets they measure (`reply_time` is split by instance). */
const METRICS: Readonly<Record<string, string>> = {
  requester_wait_time: "requester_wait",
  agent_work_time: "agent_work",
  periodic_update_time: "periodic_update",
  resolution_time: "resolution",
};

/**
 * A ticket's SLA cycles as Zendesk measured them, from its ticket metric events: the oracle to hold
 * supportops' replay against (`compareSla`).
 *
 * - Events are grouped by metric and `instance_id`; `reply_time` instance 1 is `first_response`
 *   (cycle 0) and instances 2, 3, … are `next_response` cycles 0, 1, …; `requester_wait_time`,
 *   `agent_work_time`, `periodic_update_time` and `resolution_time` map to their presets.
 *   `pausable_update_time` and `group_ownership_time` are reported (`unsupported_metric`).
 * - Only groups with an `apply_sla` are SLA cycles (Zendesk writes `activate` and `pause` whether or
 *   not a policy applies). The last `apply_sla` gives the target (`target_in_seconds`, else minutes).
 * - `activate` is the start, `fulfill` the stop, the first `breach` the breach instant; events marked
 *   `deleted` are dropped (reported as `deleted_event`). Status: fulfilled → `achieved` or `breached`
 *   (breached at or before the fulfil); running → `breached` once a breach was written, else `paused`
 *   after a `pause`, else `active`.
 * - `update_status` gives the final elapsed minutes, business or calendar as the target is.
 *
 * @param events - the ticket's metric events (one ticket), or `{ "ticket_metric_events": […] }`
 * @returns `{ definition, source, issues }`; `definition` lists the cycles in metric and cycle order
 * @throws {@link InteropError} `invalid_vendor_payload`, `invalid_time`
 * @example
 * const { definition } = observedSlaFromZendeskMetricEvents([
 *   { id: 1, metric: "reply_time", instance_id: 1, type: "activate", time: "2026-03-09T14:05:00Z" },
 *   { id: 2, metric: "reply_time", instance_id: 1, type: "apply_sla", time: "2026-03-09T14:05:00Z", sla: { target: 60, business_hours: false } },
 *   { id: 3, metric: "reply_time", instance_id: 1, type: "fulfill", time: "2026-03-09T14:35:00Z" },
 * ]);
 * definition[0]; // => { metric: "first_response", cycle: 0, status: "achieved", targetMs: 3600000, startedAt: 1773065100000, stoppedAt: 1773066900000, breachedAt: null, elapsedBusinessMs: null, source: { vendor: "zendesk", metric: "reply_time", instance: 1, policy: null } }
 */
export function observedSlaFromZendeskMetricEvents(
  events: ReadonlyArray<ZendeskMetricEvent> | { readonly ticket_metric_events: ReadonlyArray<ZendeskMetricEvent> },
): ImportResult<ReadonlyArray<ObservedSla>, { readonly vendor: "zendesk"; readonly ticketId: number | string | null }> {
  const wrapped = events !== null && typeof events === "object" && !Array.isArray(events) && "ticket_metric_events" in events;
  const base = wrapped ? ["ticket_metric_events"] : [];
  const list = parsePayload(z.array(EventSchema).max(1_000_000), wrapped ? (events as { ticket_metric_events: unknown }).ticket_metric_events : events, base, "Zendesk ticket metric events");
  const issues: InteropIssue[] = [];
  const groups = new Map<string, Array<{ event: z.output<typeof EventSchema>; at: number; index: number }>>();
  list.forEach((event, index) => {
    const at = parseVendorIso(event.time, [...base, index, "time"]);
    if (event.deleted === true) {
      issues.push({ code: "deleted_event", path: [...base, index], message: `a deleted ${event.type} event of ${event.metric} is dropped` });
      return;
    }
    const key = `${event.metric}#${event.instance_id}`;
    const group = groups.get(key) ?? [];
    group.push({ event, at, index });
    groups.set(key, group);
  });
  const out: ObservedSla[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.at - b.at || a.index - b.index);
    const head = group[0];
    if (head === undefined) continue;
    const { metric, instance_id: instance } = head.event;
    const applied = group.filter((g) => g.event.type === "apply_sla");
    const sla = applied[applied.length - 1]?.event.sla;
    if (sla === undefined) continue;
    let ours: string | undefined;
    let cycle = 0;
    if (metric === "reply_time") {
      if (instance === 0) continue;
      ours = instance === 1 ? "first_response" : "next_response";
      cycle = instance === 1 ? 0 : instance - 2;
    } else {
      ours = METRICS[metric];
      cycle = Math.max(0, instance - 1);
    }
    if (ours === undefined) {
      issues.push({ code: "unsupported_metric", path: [...base, head.index, "metric"], message: `${metric} has no supportops counterpart; its cycle is left out` });
      continue;
    }
    const targetSeconds = sla.target_in_seconds ?? (sla.target === undefined ? undefined : sla.target * 60);
    const startedAt = group.find((g) => g.event.type === "activate")?.at ?? null;
    const fulfilled = group.filter((g) => g.event.type === "fulfill").at(-1)?.at ?? null;
    const breachedAt = group.find((g) => g.event.type === "breach")?.at ?? null;
    const lastState = group.filter((g) => g.event.type === "activate" || g.event.type === "pause").at(-1)?.event.type;
    const final = group.filter((g) => g.event.type === "update_status").at(-1)?.event.status;
    const minutes = final === undefined ? undefined : sla.business_hours === true ? final.business : final.calendar;
    let status: SlaMetricStatus;
    if (fulfilled !== null) status = breachedAt !== null && breachedAt <= fulfilled ? "breached" : "achieved";
    else if (breachedAt !== null) status = "breached";
    else status = lastState === "pause" ? "paused" : "active";
    out.push({
      metric: ours,
      cycle,
      status,
      targetMs: targetSeconds === undefined ? null : targetSeconds * 1000,
      startedAt,
      stoppedAt: fulfilled,
      breachedAt: status === "achieved" ? null : breachedAt,
      elapsedBusinessMs: minutes === undefined ? null : minutes * 60_000,
      source: { vendor: "zendesk", metric, instance, policy: sla.policy === undefined ? null : { id: sla.policy.id ?? null, title: sla.policy.title ?? null } },
    });
  }
  out.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.cycle - b.cycle));
  const ticketId = list[0]?.ticket_id ?? null;
  return { definition: out, source: { vendor: "zendesk", ticketId }, issues };
}
