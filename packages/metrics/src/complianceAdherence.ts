import type { KpiOptions } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { bad, fieldAt, rateStats, resolveOptions, resolvedWork } from "./internal/extraKpi.js";

/**
 * One compliance rule: the fields a resolved ticket must carry, for the tickets it applies to.
 *
 * @example
 * const rule: ComplianceRule = { name: "refunds", when: { category: ["billing"] }, requiredFields: ["refund_approval", "order_id"] };
 */
export interface ComplianceRule {
  /** Names the rule in `stats.byRule`. */
  readonly name: string;
  /** Applies only to tickets whose category / priority at the resolution is one of these. Default: every ticket. */
  readonly when?: { readonly category?: ReadonlyArray<string>; readonly priority?: ReadonlyArray<string> };
  /** Field names: any `field_changed` field, or `category`, `priority`, `severity`. */
  readonly requiredFields: ReadonlyArray<string>;
}

/**
 * Options of {@link complianceAdherence}.
 *
 * @example
 * const options: ComplianceAdherenceOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, rules: [{ name: "all", requiredFields: ["category", "resolution_code"] }] };
 */
export interface ComplianceAdherenceOptions extends KpiOptions {
  readonly rules: ReadonlyArray<ComplianceRule>;
}

/**
 * Stats of `compliance_adherence`.
 *
 * @example
 * const stats: ComplianceAdherenceStats = {
 *   successes: 8, ci: { low: 0.5, high: 0.95 },
 *   byField: { resolution_code: { required: 10, present: 8 } },
 *   byRule: { all: { n: 10, successes: 8 } },
 * };
 */
export interface ComplianceAdherenceStats extends RateStats {
  /** Per field: how many tickets required it, and how many had it at their resolution. */
  readonly byField: Readonly<Record<string, { readonly required: number; readonly present: number }>>;
  /** Per rule: the tickets it applied to, and how many had every field it requires. */
  readonly byRule: Readonly<Record<string, { readonly n: number; readonly successes: number }>>;
}

const present = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "") && !(Array.isArray(value) && value.length === 0);

/**
 * Compliance adherence: of the tickets `ticketsResolved` counts that some rule applies to, the share
 * with **every** required field present at their latest resolution (a field is present when its value
 * then is not null, not blank, not an empty list). Rules apply by category and priority at the
 * resolution; a ticket under several rules must satisfy all. Tickets no rule applies to are
 * `excluded.noRule`. Per-field and per-rule rates are in the stats. Reads event logs only. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options and `rules`
 * @returns the `compliance_adherence` result, a share with a Wilson interval
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument` for bad rules, a row or bad options
 * @example
 * const tickets = [{ id: "T-1", events: [
 *   { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", category: "billing" },
 *   { id: "f", at: "2026-03-09T09:50:00Z", type: "field_changed", field: "resolution_code", to: "refunded" },
 *   { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 * ] }];
 * const rules = [{ name: "billing", when: { category: ["billing"] }, requiredFields: ["resolution_code", "order_id"] }];
 * complianceAdherence(tickets, { period: { from: "2026-03-01", to: "2026-04-01" }, rules }).value; // => 0
 */
export function complianceAdherence(tickets: Iterable<TicketInput>, options: ComplianceAdherenceOptions): GenericKpiResult<"compliance_adherence", ComplianceAdherenceStats> {
  const o = resolveOptions(options, "complianceAdherence(tickets, { period: { from, to }, rules })");
  const rules = readRules(options.rules);
  let n = 0;
  let successes = 0;
  const excluded = { merged: 0, reopenedBeforeEnd: 0, noRule: 0 };
  const byField: Record<string, { required: number; present: number }> = {};
  const byRule: Record<string, { n: number; successes: number }> = {};
  for (const { work, latest: at } of resolvedWork(tickets, o, "complianceAdherence", excluded)) {
    const category = fieldAt(work.fields.get("category"), at);
    const priority = fieldAt(work.fields.get("priority"), at);
    const applying = rules.filter(
      (rule) =>
        (rule.when?.category === undefined || (typeof category === "string" && rule.when.category.includes(category))) &&
        (rule.when?.priority === undefined || (typeof priority === "string" && rule.when.priority.includes(priority))),
    );
    if (applying.length === 0) {
      excluded.noRule += 1;
      continue;
    }
    n += 1;
    const has = new Map<string, boolean>();
    const check = (field: string): boolean => {
      let result = has.get(field);
      if (result === undefined) {
        result = present(fieldAt(work.fields.get(field), at));
        has.set(field, result);
        const entry = (byField[field] ??= { required: 0, present: 0 });
        entry.required += 1;
        if (result) entry.present += 1;
      }
      return result;
    };
    let all = true;
    for (const rule of applying) {
      let ok = true;
      for (const field of rule.requiredFields) if (!check(field)) ok = false;
      const entry = (byRule[rule.name] ??= { n: 0, successes: 0 });
      entry.n += 1;
      if (ok) entry.successes += 1;
      else all = false;
    }
    if (all) successes += 1;
  }
  return {
    kpi: "compliance_adherence",
    value: n === 0 ? null : successes / n,
    n,
    excluded,
    population: "tickets counted by tickets_resolved that at least one rule applies to (by category and priority at the latest resolution)",
    timeAnchor: "latest resolution",
    timeZone: o.timeZone,
    method: "share with every field required by every applying rule present (not null, blank or empty) at the latest resolution; Wilson 95 % interval",
    stats: { ...rateStats(successes, n), byField, byRule },
  };
}

function readRules(value: unknown): ReadonlyArray<ComplianceRule> {
  if (!Array.isArray(value) || value.length === 0) throw bad(["rules"], "expected a non-empty list of rules { name, when?, requiredFields }");
  const names = new Set<string>();
  value.forEach((rule: Partial<ComplianceRule> | null, i) => {
    if (typeof rule !== "object" || rule === null) throw bad(["rules", i], "expected a rule { name, when?, requiredFields }");
    if (typeof rule.name !== "string" || rule.name === "" || names.has(rule.name)) throw bad(["rules", i, "name"], "expected a non-empty name used by no other rule");
    names.add(rule.name);
    if (!Array.isArray(rule.requiredFields) || rule.requiredFields.length === 0 || !rule.requiredFields.every((f) => typeof f === "string" && f !== "")) {
      throw bad(["rules", i, "requiredFields"], "expected a non-empty list of field names");
    }
    const when = rule.when;
    if (when !== undefined) {
      if (typeof when !== "object" || when === null) throw bad(["rules", i, "when"], "expected { category?, priority? }");
      for (const key of ["category", "priority"] as const) {
        const list = when[key];
        if (list !== undefined && (!Array.isArray(list) || !list.every((v) => typeof v === "string"))) throw bad(["rules", i, "when", key], "expected a list of values");
      }
    }
  });
  return value as ReadonlyArray<ComplianceRule>;
}
