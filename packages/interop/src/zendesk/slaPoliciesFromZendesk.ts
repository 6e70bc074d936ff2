import type { IssuePath } from "@supportops/core";
import type { SlaCondition, SlaEngineDefinition, SlaPolicyDefinition, SlaTarget } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { InteropError } from "../InteropError.js";
import { parseOptions, parsePayload } from "../internal/payload.js";
import { engineDefinition, requireCalendar, targetOf, type SlaImportCalendar } from "../internal/sla.js";

/**
 * A Zendesk SLA policy (`GET /api/v2/slas/policies`), as far as the importer reads it.
 *
 * @example
 * const policy: ZendeskSlaPolicy = {
 *   id: 25, title: "Silver Plan", position: 3,
 *   filter: { all: [{ field: "type", operator: "is", value: "incident" }], any: [] },
 *   policy_metrics: [{ priority: "urgent", metric: "first_reply_time", target: 30, target_in_seconds: 1800, business_hours: false }],
 * };
 */
export interface ZendeskSlaPolicy {
  readonly id?: number | string;
  readonly title: string;
  readonly description?: string;
  readonly position?: number;
  readonly filter?: {
    readonly all?: ReadonlyArray<ZendeskCondition>;
    readonly any?: ReadonlyArray<ZendeskCondition>;
  };
  readonly policy_metrics: ReadonlyArray<{
    readonly priority: string;
    readonly metric: string;
    readonly target?: number;
    readonly target_in_seconds?: number;
    readonly business_hours: boolean;
  }>;
}

/**
 * One condition of a Zendesk filter: a field, an operator and a value (a string, a number or a list).
 *
 * @example
 * const condition: ZendeskCondition = { field: "priority", operator: "greater_than", value: "normal" };
 */
export interface ZendeskCondition {
  readonly field: string;
  readonly operator: string;
  readonly value?: unknown;
}

/**
 * Options of {@link slaPoliciesFromZendesk}.
 *
 * @example
 * const options: ZendeskSlaOptions = { calendar: { name: "support", definition: { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } } } };
 */
export interface ZendeskSlaOptions {
  /**
   * The schedule business-hours targets run on (Zendesk picks a schedule per ticket; import one engine
   * definition per schedule). Required when any target has `business_hours: true`.
   */
  readonly calendar?: SlaImportCalendar;
}

/**
 * What {@link slaPoliciesFromZendesk} keeps of the vendor's data: each imported policy's id, title,
 * position and filter, verbatim.
 *
 * @example
 * const source: ZendeskSlaSource = { vendor: "zendesk", policies: [{ id: 25, policyId: "25", title: "Silver Plan", position: 3, filter: { all: [], any: [] } }] };
 */
export interface ZendeskSlaSource {
  readonly vendor: "zendesk";
  readonly policies: ReadonlyArray<{ readonly id: number | string | null; readonly policyId: string; readonly title: string; readonly position: number | null; readonly filter: unknown }>;
}

const ConditionSchema = z.object({ field: z.string(), operator: z.string(), value: z.unknown().optional() });
const PolicySchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  title: z.string(),
  description: z.string().nullable().optional(),
  position: z.number().optional(),
  filter: z.object({ all: z.array(ConditionSchema).nullable().optional(), any: z.array(ConditionSchema).nullable().optional() }).nullable().optional(),
  policy_metrics: z.array(
    z.object({
      priority: z.string(),
      metric: z.string(),
      target: z.number().optional(),
      target_in_seconds: z.number().optional(),
      business_hours: z.boolean(),
    }),
  ),
});

/** Zendesk's SLA metrics and the supportops presets they measure (see docs/interop-zendesk.md). */
const METRICS: Readonly<Record<string, string>> = {
  first_reply_time: "first_response",
  next_reply_time: "next_response",
  periodic_update_time: "periodic_update",
  requester_wait_time: "requester_wait",
  agent_work_time: "agent_work",
  total_resolution_time: "resolution",
};

const PRIORITIES = ["low", "normal", "high", "urgent"] as const;

/** Zendesk condition fields read, and the supportops field each becomes. */
const FIELDS: Readonly<Record<string, string>> = {
  priority: "priority",
  type: "type",
  ticket_type_id: "type",
  group_id: "group",
  assignee_id: "agent",
  organization_id: "organization_id",
  brand_id: "brand_id",
  ticket_form_id: "ticket_form_id",
  requester_id: "requester",
};

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** A Zendesk condition as ours, or `null` when it is outside the whitelist. */
function conditionOf(condition: z.output<typeof ConditionSchema>): SlaCondition | null {
  const { field, operator, value } = condition;
  if (field === "current_tags" || field === "tags") {
    const tags = typeof value === "string" ? value.split(/\s+/).filter((t) => t !== "") : Array.isArray(value) && value.every((t) => typeof t === "string") ? (value as string[]) : null;
    if (tags === null || tags.length === 0) return null;
    const any: SlaCondition = { any: tags.map((tag) => ({ field: "tags", includes: tag })) };
    if (operator === "includes") return any;
    if (operator === "not_includes") return { not: any };
    return null;
  }
  const ours = FIELDS[field];
  const text = scalarText(value);
  if (ours === undefined || text === null) return null;
  if (field === "priority" && (operator === "less_than" || operator === "greater_than")) {
    const rank = PRIORITIES.indexOf(text as (typeof PRIORITIES)[number]);
    if (rank < 0) return null;
    const chosen = operator === "less_than" ? PRIORITIES.slice(0, rank) : PRIORITIES.slice(rank + 1);
    return chosen.length === 0 ? { any: [] } : { field: "priority", in: [...chosen] };
  }
  if (operator === "is") return { field: ours, equals: text };
  if (operator === "is_not") return { not: { field: ours, equals: text } };
  return null;
}

/**
 * SLA engine input (`createSlaEngine`) from Zendesk SLA policies.
 *
 * - Policies are ordered by `position` (the first match wins, as in Zendesk); each becomes a policy
 *   whose id is the Zendesk id.
 * - Metrics: `first_reply_time` → `first_response`, `next_reply_time` → `next_response`,
 *   `periodic_update_time` → `periodic_update`, `requester_wait_time` → `requester_wait`,
 *   `agent_work_time` → `agent_work`, `total_resolution_time` → `resolution`. `pausable_update_time` has
 *   no counterpart: it is left out and reported (`unsupported_metric`).
 * - Targets: `target_in_seconds` when present (sub-minute targets exist), else `target` minutes; exact
 *   milliseconds. `business_hours: true` runs on `options.calendar`, `false` on `24x7`.
 * - Filters: `all` and `any` of `priority` (`is`, `is_not`, `less_than`, `greater_than` in Zendesk's
 *   order low < normal < high < urgent), `type`/`ticket_type_id`, `group_id` (our `group`),
 *   `assignee_id` (`agent`), `organization_id`, `brand_id`, `ticket_form_id`, `requester_id`
 *   (`requester`) with `is`/`is_not`, and `current_tags` with `includes`/`not_includes`. A policy with
 *   any other condition cannot be evaluated faithfully: it is left out, its filter kept verbatim in
 *   `source`, and each such condition reported (`unsupported_condition`, with its path).
 *
 * @param policies - the policies, or the whole `{ "sla_policies": […] }` response
 * @param options - the calendar business-hours targets run on
 * @returns `{ definition, source, issues }`; pass `definition` to `createSlaEngine`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, a target that is not a positive whole
 * number), `invalid_argument` (business-hours targets and no calendar)
 * @example
 * const { definition } = slaPoliciesFromZendesk([
 *   { id: 25, title: "Silver Plan", position: 3, filter: { all: [{ field: "priority", operator: "greater_than", value: "normal" }], any: [] },
 *     policy_metrics: [{ priority: "urgent", metric: "first_reply_time", target: 30, target_in_seconds: 1800, business_hours: false }] },
 * ]);
 * definition.policies[0]; // => { id: "25", when: { all: [{ field: "priority", in: ["high", "urgent"] }] }, targets: { first_response: { urgent: { duration: 1800000, calendar: "24x7" } } } }
 */
export function slaPoliciesFromZendesk(
  policies: ReadonlyArray<ZendeskSlaPolicy> | { readonly sla_policies: ReadonlyArray<ZendeskSlaPolicy> },
  options: ZendeskSlaOptions = {},
): ImportResult<SlaEngineDefinition, ZendeskSlaSource> {
  const wrapped = policies !== null && typeof policies === "object" && !Array.isArray(policies) && "sla_policies" in policies;
  const base: IssuePath = wrapped ? ["sla_policies"] : [];
  const list = parsePayload(z.array(PolicySchema).max(10_000), wrapped ? (policies as { sla_policies: unknown }).sla_policies : policies, base, "Zendesk SLA policies");
  const issues: InteropIssue[] = [];
  const order = list.map((policy, index) => ({ policy, index })).sort((a, b) => (a.policy.position ?? a.index) - (b.policy.position ?? b.index) || a.index - b.index);
  const calendar = requireCalendar(parseOptions(z.object({ calendar: z.unknown().optional() }), options).calendar as SlaImportCalendar | undefined, list.some((p) => p.policy_metrics.some((m) => m.business_hours)), "Zendesk");

  const out: SlaPolicyDefinition[] = [];
  const kept: Array<ZendeskSlaSource["policies"][number]> = [];
  const seen = new Set<string>();
  for (const { policy, index } of order) {
    const path = [...base, index];
    const policyId = policy.id === undefined ? policy.title : String(policy.id);
    if (seen.has(policyId)) throw new InteropError("invalid_vendor_payload", [{ code: "invalid_vendor_payload", path: [...path, "id"], message: `a second policy with id ${policyId}` }]);
    seen.add(policyId);

    const parts: { all: SlaCondition[]; any: SlaCondition[] } = { all: [], any: [] };
    let expressible = true;
    for (const key of ["all", "any"] as const) {
      (policy.filter?.[key] ?? []).forEach((condition, i) => {
        const ours = conditionOf(condition);
        if (ours === null) {
          expressible = false;
          issues.push({
            code: "unsupported_condition",
            path: [...path, "filter", key, i],
            message: `${condition.field} ${condition.operator} ${JSON.stringify(condition.value)} cannot be evaluated on a ticket log; policy "${policy.title}" is left out (its filter is kept in source)`,
          });
        } else parts[key].push(ours);
      });
    }
    if (!expressible) continue;

    const targets: Record<string, Record<string, SlaTarget>> = {};
    policy.policy_metrics.forEach((metric, i) => {
      const metricPath = [...path, "policy_metrics", i];
      const ours = METRICS[metric.metric];
      if (ours === undefined) {
        issues.push({ code: "unsupported_metric", path: [...metricPath, "metric"], message: `${metric.metric} has no supportops counterpart; its ${metric.priority} target is left out` });
        return;
      }
      const ms = metric.target_in_seconds !== undefined ? metric.target_in_seconds * 1000 : metric.target !== undefined ? metric.target * 60_000 : Number.NaN;
      if (!Number.isSafeInteger(ms) || ms <= 0) {
        throw new InteropError("invalid_vendor_payload", [
          { code: "invalid_vendor_payload", path: [...metricPath, metric.target_in_seconds !== undefined ? "target_in_seconds" : "target"], message: "a target is a positive whole number of seconds (target_in_seconds) or minutes (target)" },
        ]);
      }
      (targets[ours] ??= {})[metric.priority] = targetOf(ms, metric.business_hours);
    });
    const when: SlaCondition | undefined =
      parts.all.length === 0 && parts.any.length === 0 ? undefined : parts.any.length === 0 ? { all: parts.all } : { all: [...parts.all, { any: parts.any }] };
    out.push({
      id: policyId,
      ...(when === undefined ? {} : { when }),
      ...(calendar === undefined || !policy.policy_metrics.some((m) => m.business_hours) ? {} : { calendar: calendar.name }),
      targets,
    });
    kept.push({ id: policy.id ?? null, policyId, title: policy.title, position: policy.position ?? null, filter: policy.filter ?? null });
  }
  return { definition: engineDefinition(calendar, out), source: { vendor: "zendesk", policies: kept }, issues };
}
