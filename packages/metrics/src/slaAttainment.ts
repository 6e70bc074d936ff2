import { rethrowAs } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { SlaAttainmentStats } from "./KpiResult.js";
import { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { factsOf } from "./internal/factsOf.js";
import { requireIterable } from "./internal/requireIterable.js";
import { invalidArgument, resolveOptions } from "./internal/resolveOptions.js";
import { wilsonInterval } from "./internal/statistics.js";

/**
 * What `slaAttainment` needs of an SLA engine: `@supportops/sla`'s `createSlaEngine(...)` result fits.
 *
 * @example
 * const engine: SlaEngineLike = { evaluate: () => ({ metrics: [] }) };
 */
export interface SlaEngineLike {
  evaluate(
    log: ReadonlyArray<unknown>,
    options: { readonly at: number },
  ): {
    readonly metrics: ReadonlyArray<{
      readonly metric: string;
      readonly status: string;
      readonly breachedAt: number | null;
      readonly stoppedAt: number | null;
    }>;
  };
}

/**
 * Options of {@link slaAttainment}: the period KPI options, the engine, and which metrics to count.
 *
 * @example
 * const options: SlaAttainmentOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, slaEngine: { evaluate: () => ({ metrics: [] }) } };
 */
export interface SlaAttainmentOptions extends KpiOptions {
  readonly slaEngine: SlaEngineLike;
  /** Only these SLA metrics (e.g. `["first_response"]`); default every metric the engine reports. */
  readonly metrics?: ReadonlyArray<string>;
}

/**
 * The result of {@link slaAttainment}.
 *
 * @example
 * const result: SlaAttainmentResult = slaAttainment([], { period: { from: "2026-03-01", to: "2026-04-01" }, slaEngine: { evaluate: () => ({ metrics: [] }) } });
 * result.value; // => null
 */
export interface SlaAttainmentResult {
  readonly kpi: "sla_attainment";
  readonly value: number | null;
  readonly n: number;
  readonly excluded: { readonly merged: number; readonly cancelled: number };
  readonly population: string;
  readonly timeAnchor: string;
  readonly timeZone: string;
  readonly method: string;
  readonly stats: SlaAttainmentStats;
}

/**
 * SLA attainment: met / (met + breached) over SLA target cycles (metric × ticket × cycle) whose
 * outcome was determined in the period — met when a cycle stopped within its target (anchored at the
 * stop), breached at the breach instant, **even if the ticket is still open**. Cycles still running
 * without a breach are undetermined (reported, not counted); cycles cancelled without a breach are
 * `excluded.cancelled`; the cycles of merged-away tickets are `excluded.merged`. States come from the
 * engine, evaluated at `asOf`. See docs/kpis.md.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - the period KPI options, `slaEngine` (from `@supportops/sla`'s `createSlaEngine`), `metrics?`
 * @returns the `sla_attainment` result
 * @throws {@link MetricsError} `invalid_ticket_log` with the ticket's index in the path; option errors
 * @example
 * const engine = { evaluate: () => ({ metrics: [
 *   { metric: "first_response", status: "achieved", breachedAt: null, stoppedAt: Date.parse("2026-03-09T09:30:00Z") },
 *   { metric: "resolution", status: "breached", breachedAt: Date.parse("2026-03-10T09:00:00Z"), stoppedAt: null },
 * ] }) };
 * const tickets = [{ id: "T-1", events: [{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }] }];
 * slaAttainment(tickets, { period: { from: "2026-03-01", to: "2026-04-01" }, slaEngine: engine }).value; // => 0.5
 */
export function slaAttainment(tickets: Iterable<TicketInput>, options: SlaAttainmentOptions): SlaAttainmentResult {
  const o = resolveOptions(options, "slaAttainment(tickets, { period: { from, to }, slaEngine })");
  const engine = options.slaEngine;
  if (typeof engine !== "object" || engine === null || typeof engine.evaluate !== "function") {
    throw invalidArgument(["slaEngine"], "expected an SLA engine (createSlaEngine from @supportops/sla)");
  }
  const listed: unknown = options.metrics;
  if (listed !== undefined && (!Array.isArray(listed) || !listed.every((metric) => typeof metric === "string" && metric !== ""))) {
    throw invalidArgument(["metrics"], 'expected a list of SLA metric names, e.g. ["first_response"]');
  }
  const only = listed === undefined ? null : new Set(listed as ReadonlyArray<string>);
  const inPeriod = (t: number): boolean => t >= o.from && t < o.to;
  let met = 0;
  let breached = 0;
  let undetermined = 0;
  const excluded = { merged: 0, cancelled: 0 };
  const byMetric: Record<string, { met: number; breached: number }> = {};
  let index = 0;
  for (const ticket of requireIterable(tickets)) {
    const facts = factsOf(ticket, o.asOf, [index]);
    const path = [index, "events"];
    index += 1;
    if (facts === null) continue;
    const evaluation = rethrowAs(MetricsError, () => engine.evaluate(ticket.events as ReadonlyArray<unknown>, { at: o.asOf }), path, "invalid_argument");
    for (const state of evaluation.metrics) {
      if (only !== null && !only.has(state.metric)) continue;
      let outcome: "met" | "breached" | null = null;
      let at: number | null = null;
      // An active cycle carries its *future* breach instant too: only a breach that happened counts.
      if (state.status === "breached" && state.breachedAt !== null && state.breachedAt <= o.asOf) {
        outcome = "breached";
        at = state.breachedAt;
      } else if (state.status === "achieved" && state.stoppedAt !== null) {
        outcome = "met";
        at = state.stoppedAt;
      } else if (state.status === "cancelled") {
        if (state.stoppedAt !== null && inPeriod(state.stoppedAt)) excluded[facts.merged === null ? "cancelled" : "merged"] += 1;
        continue;
      } else {
        undetermined += 1;
        continue;
      }
      if (!inPeriod(at)) continue;
      if (facts.merged !== null) {
        excluded.merged += 1;
        continue;
      }
      const entry = (byMetric[state.metric] ??= { met: 0, breached: 0 });
      if (outcome === "met") {
        met += 1;
        entry.met += 1;
      } else {
        breached += 1;
        entry.breached += 1;
      }
    }
  }
  const n = met + breached;
  return {
    kpi: "sla_attainment",
    value: n === 0 ? null : met / n,
    n,
    excluded,
    population: "SLA target cycles (metric × ticket × cycle) whose outcome was determined in the period: met at the stop, breached at the breach (even while open)",
    timeAnchor: "the instant the outcome was determined (stop or breach)",
    timeZone: o.timeZone,
    method: "Σ met / Σ (met + breached) over cycles, never an average of rates; SLA states from the engine evaluated at asOf; Wilson 95 % interval",
    stats: { successes: met, breached, ci: wilsonInterval(met, n), undetermined, byMetric },
  };
}
