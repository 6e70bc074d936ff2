import type { SlaEvaluation, SlaMetricState } from "@supportops/sla";
import { z } from "zod";
import { argumentError, parseOptions } from "./internal/payload.js";
import type { ObservedSla } from "./ObservedSla.js";

/**
 * One place where the vendor and supportops disagree about an SLA cycle.
 *
 * - `field` `"cycle"`: one side has the cycle and the other does not (`vendor` or `ours` is `null`);
 * - `"status"`: different statuses;
 * - `"targetMs"`, `"startedAt"`, `"stoppedAt"`, `"breachedAt"`, `"elapsedBusinessMs"`: values that
 *   differ by more than the tolerance, with `deltaMs` = ours − vendor (`null` when one side is `null`).
 *
 * @example
 * const difference: SlaDifference = { metric: "first_response", cycle: 0, field: "breachedAt", vendor: 1773068400000, ours: 1773072000000, deltaMs: 3_600_000 };
 */
export interface SlaDifference {
  readonly metric: string;
  readonly cycle: number;
  readonly field: "cycle" | "status" | "targetMs" | "startedAt" | "stoppedAt" | "breachedAt" | "elapsedBusinessMs";
  readonly vendor: string | number | null;
  readonly ours: string | number | null;
  readonly deltaMs: number | null;
}

/**
 * Options of {@link compareSla}.
 *
 * @example
 * const options: CompareSlaOptions = { toleranceMs: 60_000 };
 */
export interface CompareSlaOptions {
  /**
   * Differences of at most this many ms are agreement (default 0). Zendesk reports whole minutes and
   * ServiceNow whole seconds, so 60 000 or 1 000 suits their data.
   */
  readonly toleranceMs?: number;
}

/**
 * What {@link compareSla} returns: how many cycles were held against each other, and every difference.
 *
 * @example
 * const report: SlaComparison = { compared: 2, agreed: 1, differences: [] };
 */
export interface SlaComparison {
  /** Cycles present on both sides. */
  readonly compared: number;
  /** Cycles present on both sides with no difference. */
  readonly agreed: number;
  readonly differences: ReadonlyArray<SlaDifference>;
}

const TIMED = ["targetMs", "startedAt", "stoppedAt", "breachedAt", "elapsedBusinessMs"] as const;

const OptionsSchema = z.object({ toleranceMs: z.number().int().nonnegative().optional() });
const ms = z.number().int().nullable();
/** The fields compared, on both sides (a vendor's `null` is "not reported"). */
const CycleSchema = z.looseObject({
  metric: z.string(),
  cycle: z.number().int().nonnegative(),
  status: z.enum(["active", "paused", "achieved", "breached", "cancelled"]),
  targetMs: ms,
  startedAt: ms,
  stoppedAt: ms,
  breachedAt: ms,
  elapsedBusinessMs: ms,
});

/**
 * Holds a vendor's own SLA results (from `observedSlaFromZendeskMetricEvents`,
 * `observedSlaFromServiceNowTaskSla` or `observedSlaFromJsm`) against supportops' states for the same
 * ticket (`engine.evaluate(log, { at })`), cycle by cycle (matched on metric and cycle number), and
 * lists where they disagree and by how much: the audit an analyst runs when a vendor's report looks
 * wrong. A field the vendor does not report (`null`) is not compared. Only metrics the vendor reports
 * are compared; our cycles of other metrics are ignored.
 *
 * @param observed - the vendor's cycles
 * @param ours - supportops' evaluation of the ticket (or its `metrics`)
 * @param options - the tolerance
 * @returns the number of cycles compared and agreed, and the differences, in metric and cycle order
 * @throws {@link InteropError} `invalid_argument` for a negative or non-integer tolerance
 * @example
 * const ours = engine.evaluate(log, { at: "2026-03-10T00:00:00Z" });
 * const report = compareSla(observedSlaFromZendeskMetricEvents(metricEvents).definition, ours, { toleranceMs: 60_000 });
 * report.differences; // => [] when Zendesk and supportops agree to the minute
 */
export function compareSla(observed: ReadonlyArray<ObservedSla>, ours: SlaEvaluation | ReadonlyArray<SlaMetricState>, options: CompareSlaOptions = {}): SlaComparison {
  const tolerance = parseOptions(OptionsSchema, options).toleranceMs ?? 0;
  if (!Array.isArray(observed)) argumentError(["observed"], "pass the vendor's cycles (an array of ObservedSla)");
  const theirs = parseOptions(z.array(CycleSchema), observed, ["observed"]) as unknown as ReadonlyArray<ObservedSla>;
  const list: unknown = Array.isArray(ours) ? ours : ours !== null && typeof ours === "object" ? (ours as { metrics?: unknown }).metrics : undefined;
  if (!Array.isArray(list)) argumentError(["ours"], "pass supportops' evaluation of the ticket (engine.evaluate(…)) or its metrics");
  const states = parseOptions(z.array(CycleSchema), list, ["ours"]) as unknown as ReadonlyArray<SlaMetricState>;
  const key = (metric: string, cycle: number): string => `${metric}\u0000${cycle}`;
  const mine = new Map(states.map((s) => [key(s.metric, s.cycle), s]));
  const metrics = new Set(theirs.map((o) => o.metric));
  const differences: SlaDifference[] = [];
  let compared = 0;
  let agreed = 0;
  const seen = new Set<string>();
  for (const vendor of theirs) {
    const k = key(vendor.metric, vendor.cycle);
    seen.add(k);
    const state = mine.get(k);
    if (state === undefined) {
      differences.push({ metric: vendor.metric, cycle: vendor.cycle, field: "cycle", vendor: vendor.status, ours: null, deltaMs: null });
      continue;
    }
    compared += 1;
    const before = differences.length;
    if (vendor.status !== state.status) differences.push({ metric: vendor.metric, cycle: vendor.cycle, field: "status", vendor: vendor.status, ours: state.status, deltaMs: null });
    for (const field of TIMED) {
      const theirs = vendor[field];
      if (theirs === null) continue;
      const value = state[field];
      if (value !== null && Math.abs(value - theirs) <= tolerance) continue;
      differences.push({ metric: vendor.metric, cycle: vendor.cycle, field, vendor: theirs, ours: value, deltaMs: value === null ? null : value - theirs });
    }
    if (differences.length === before) agreed += 1;
  }
  for (const state of states) {
    if (metrics.has(state.metric) && !seen.has(key(state.metric, state.cycle))) {
      differences.push({ metric: state.metric, cycle: state.cycle, field: "cycle", vendor: null, ours: state.status, deltaMs: null });
    }
  }
  differences.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.cycle - b.cycle));
  return { compared, agreed, differences };
}
