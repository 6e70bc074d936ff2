import type { SlaCondition, SlaEngineDefinition, SlaPolicyDefinition, SlaTarget } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { InteropError } from "../InteropError.js";
import { parseOptions, parsePayload } from "../internal/payload.js";
import { engineDefinition, requireCalendar, targetOf, type SlaImportCalendar } from "../internal/sla.js";
import { FRESHDESK_CODES } from "./FRESHDESK_CODES.js";

/**
 * A Freshdesk SLA policy (`GET /api/v2/sla_policies`), as far as the importer reads it: targets in
 * **seconds** per priority (`priority_1` Low … `priority_4` Urgent), a business-hours switch per
 * priority, and `applicable_to` filters.
 *
 * @example
 * const policy: FreshdeskSlaPolicy = {
 *   id: 1, name: "Default SLA Policy", is_default: true, position: 1, active: true,
 *   sla_target: { priority_4: { respond_within: 3600, resolve_within: 14400, business_hours: false } },
 *   applicable_to: {},
 * };
 */
export interface FreshdeskSlaPolicy {
  readonly id?: number | string;
  readonly name: string;
  readonly position?: number;
  readonly active?: boolean;
  readonly is_default?: boolean;
  readonly sla_target: Readonly<
    Record<string, { readonly respond_within?: number; readonly resolve_within?: number; readonly next_respond_within?: number; readonly business_hours?: boolean }>
  >;
  readonly applicable_to?: Readonly<Record<string, ReadonlyArray<number | string>>>;
}

/**
 * Options of {@link slaPoliciesFromFreshdesk}.
 *
 * @example
 * const options: FreshdeskSlaOptions = { calendar: { name: "eu", definition: { timeZone: "Europe/Dublin", weekly: { mon: [["09:00", "17:00"]] } } } };
 */
export interface FreshdeskSlaOptions {
  /** The business hours `business_hours: true` targets run on (Freshdesk takes them from the ticket's group). */
  readonly calendar?: SlaImportCalendar;
}

/**
 * What {@link slaPoliciesFromFreshdesk} keeps of the vendor's data.
 *
 * @example
 * const source: FreshdeskSlaSource = { vendor: "freshdesk", policies: [{ id: 1, name: "Default SLA Policy", position: 1, isDefault: true, applicableTo: {} }] };
 */
export interface FreshdeskSlaSource {
  readonly vendor: "freshdesk";
  readonly policies: ReadonlyArray<{ readonly id: number | string | null; readonly name: string; readonly position: number | null; readonly isDefault: boolean; readonly applicableTo: unknown }>;
}

const TargetSchema = z.object({
  respond_within: z.number().nullable().optional(),
  resolve_within: z.number().nullable().optional(),
  next_respond_within: z.number().nullable().optional(),
  business_hours: z.boolean().optional(),
});
const PolicySchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string(),
  position: z.number().optional(),
  active: z.boolean().optional(),
  is_default: z.boolean().optional(),
  sla_target: z.record(z.string(), TargetSchema),
  applicable_to: z.record(z.string(), z.array(z.union([z.number(), z.string()]))).nullable().optional(),
});

/** `applicable_to` keys read, and the supportops field each tests. */
const FILTERS: Readonly<Record<string, string>> = {
  group_ids: "group",
  company_ids: "company_id",
  ticket_types: "type",
  product_ids: "product_id",
  sources: "channel",
};

/** Freshdesk's targets and the supportops presets they measure. */
const TARGETS = [
  ["respond_within", "first_response"],
  ["next_respond_within", "next_response"],
  ["resolve_within", "requester_wait"],
] as const;

/**
 * SLA engine input (`createSlaEngine`) from Freshdesk SLA policies.
 *
 * - Policies in `position` order, the default policy (`is_default`) last; inactive ones are left out
 *   and reported (`unsupported_setting`).
 * - `priority_1` … `priority_4` become the priorities `low`, `medium`, `high`, `urgent` (the names
 *   `ticketLogFromFreshdeskConversations` gives ticket priorities).
 * - `respond_within` → `first_response`, `next_respond_within` → `next_response`, `resolve_within` →
 *   `requester_wait`: Freshdesk's resolution timer stops in statuses whose "SLA timer" is off (Pending by
 *   default), which is supportops' `requester_wait` (paused in `pending`, stopped at `solved`); map your
 *   other timer-off statuses to `pending` in the ticket import's status map. Seconds, exactly.
 * - `business_hours: true` targets run on `options.calendar`, the rest on `24x7`.
 * - `applicable_to`: `group_ids` (our `group`), `company_ids` (`company_id`), `ticket_types` (`type`),
 *   `product_ids` (`product_id`) and `sources` (our `channel`, named as in {@link FRESHDESK_CODES}); the
 *   lists are ANDed, the values inside one list ORed. Any other non-empty key leaves the policy out and
 *   is reported (`unsupported_condition`). Escalation settings are not SLA targets and are not read.
 *
 * @param policies - the policies, as the endpoint returns them (an array)
 * @param options - the calendar business-hours targets run on
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, an unknown priority key, a target that is
 * not a positive whole number of seconds), `invalid_argument` (business-hours targets and no calendar)
 * @example
 * const { definition } = slaPoliciesFromFreshdesk([{
 *   id: 1, name: "Default SLA Policy", is_default: true, position: 1, active: true,
 *   sla_target: { priority_4: { respond_within: 3600, resolve_within: 14400, business_hours: false } },
 *   applicable_to: { sources: [7] },
 * }]);
 * definition.policies[0]; // => { id: "1", when: { all: [{ field: "channel", in: ["chat"] }] }, targets: { first_response: { urgent: { duration: 3600000, calendar: "24x7" } }, requester_wait: { urgent: { duration: 14400000, calendar: "24x7" } } } }
 */
export function slaPoliciesFromFreshdesk(policies: ReadonlyArray<FreshdeskSlaPolicy>, options: FreshdeskSlaOptions = {}): ImportResult<SlaEngineDefinition, FreshdeskSlaSource> {
  const list = parsePayload(z.array(PolicySchema).max(10_000), policies, [], "Freshdesk SLA policies");
  const issues: InteropIssue[] = [];
  const calendar = requireCalendar(parseOptions(z.object({ calendar: z.unknown().optional() }), options).calendar as SlaImportCalendar | undefined, list.some((p) => p.active !== false && Object.values(p.sla_target).some((t) => t.business_hours === true)), "Freshdesk");
  const order = list
    .map((policy, index) => ({ policy, index }))
    .sort((a, b) => Number(a.policy.is_default === true) - Number(b.policy.is_default === true) || (a.policy.position ?? a.index) - (b.policy.position ?? b.index) || a.index - b.index);

  const out: SlaPolicyDefinition[] = [];
  const kept: Array<FreshdeskSlaSource["policies"][number]> = [];
  for (const { policy, index } of order) {
    const path = [index];
    if (policy.active === false) {
      issues.push({ code: "unsupported_setting", path: [...path, "active"], message: `policy "${policy.name}" is inactive and is left out` });
      continue;
    }
    const tests: SlaCondition[] = [];
    let expressible = true;
    for (const [key, values] of Object.entries(policy.applicable_to ?? {})) {
      if (values.length === 0) continue;
      const field = FILTERS[key];
      if (field === undefined) {
        expressible = false;
        issues.push({ code: "unsupported_condition", path: [...path, "applicable_to", key], message: `applicable_to.${key} is not read; policy "${policy.name}" is left out (kept in source)` });
        continue;
      }
      const named = key === "sources" ? values.map((v) => FRESHDESK_CODES.sources[Number(v)] ?? `source_${String(v)}`) : values.map(String);
      tests.push({ field, in: named });
    }
    if (!expressible) continue;
    const targets: Record<string, Record<string, SlaTarget>> = {};
    let usesCalendar = false;
    for (const [key, target] of Object.entries(policy.sla_target)) {
      const match = /^priority_([1-4])$/.exec(key);
      if (match === null) {
        throw new InteropError("invalid_vendor_payload", [{ code: "invalid_vendor_payload", path: [...path, "sla_target", key], message: `"${key}" is not a Freshdesk priority key; use priority_1 (Low) … priority_4 (Urgent)` }]);
      }
      const priority = FRESHDESK_CODES.priorities[Number(match[1])] as string;
      for (const [field, metric] of TARGETS) {
        const seconds = target[field];
        if (seconds === undefined || seconds === null) continue;
        if (!Number.isSafeInteger(seconds) || seconds <= 0) {
          throw new InteropError("invalid_vendor_payload", [{ code: "invalid_vendor_payload", path: [...path, "sla_target", key, field], message: `${String(seconds)} is not a positive whole number of seconds` }]);
        }
        usesCalendar ||= target.business_hours === true;
        (targets[metric] ??= {})[priority] = targetOf(seconds * 1000, target.business_hours === true);
      }
    }
    out.push({
      id: policy.id === undefined ? policy.name : String(policy.id),
      ...(tests.length === 0 ? {} : { when: { all: tests } }),
      ...(usesCalendar && calendar !== undefined ? { calendar: calendar.name } : {}),
      targets,
    });
    kept.push({ id: policy.id ?? null, name: policy.name, position: policy.position ?? null, isDefault: policy.is_default === true, applicableTo: policy.applicable_to ?? null });
  }
  return { definition: engineDefinition(calendar, out), source: { vendor: "freshdesk", policies: kept }, issues };
}
