import { describeValue, rethrowAs, toEpochMs, type TimeInput } from "@supportops/core";
import { SlaError } from "./SlaError.js";
import type { SlaEvaluation, SlaMetricState } from "./SlaEngine.js";

/**
 * One ticket on the worklist: its evaluation and the cycle that puts it there.
 *
 * @example
 * const entry: SlaRiskEntry = { evaluation: result, state: result.metrics[0]!, breached: false, remainingBusinessMs: 600_000 };
 */
export interface SlaRiskEntry {
  readonly evaluation: SlaEvaluation;
  /** The ticket's most urgent open cycle (breached, else least remaining business time). */
  readonly state: SlaMetricState;
  /** Whether that cycle is breached at `at`. */
  readonly breached: boolean;
  readonly remainingBusinessMs: number;
}

/**
 * Options of {@link rankBySlaRisk}.
 *
 * @example
 * const options: RankBySlaRiskOptions = { at: "2026-03-09T12:00:00Z" };
 */
export interface RankBySlaRiskOptions {
  /** The instant the worklist is for: a cycle whose breach instant has come by then counts as breached. */
  readonly at: TimeInput;
}

const OPEN: ReadonlySet<SlaMetricState["status"]> = new Set(["active", "paused", "breached"]);

function isOpen(state: SlaMetricState): boolean {
  return OPEN.has(state.status) && state.stoppedAt === null;
}

/** Orders two open cycles: breached first (earliest breach first), then running before paused, then least remaining. */
function compare(a: { state: SlaMetricState; breached: boolean }, b: { state: SlaMetricState; breached: boolean }): number {
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  if (a.breached) return (a.state.breachedAt ?? 0) - (b.state.breachedAt ?? 0);
  const aPaused = a.state.status === "paused";
  const bPaused = b.state.status === "paused";
  if (aPaused !== bPaused) return aPaused ? 1 : -1;
  return a.state.remainingBusinessMs - b.state.remainingBusinessMs || (a.state.dueAt ?? Infinity) - (b.state.dueAt ?? Infinity);
}

const NULLABLE_NUMBERS = ["breachedAt", "dueAt", "stoppedAt"] as const;

/**
 * Checks the fields of an evaluation that the ranking reads: an item that is not an evaluation from
 * `engine.evaluate` / `evaluateMany` (a number, an object without `metrics`, a state with a text
 * `breachedAt`) is an `invalid_argument` error with its place, never a `TypeError` or a wrong order.
 */
function checkEvaluation(evaluation: unknown, index: number): asserts evaluation is SlaEvaluation {
  const fail = (path: ReadonlyArray<string | number>, what: unknown): never => {
    throw new SlaError("invalid_argument", [
      { code: "invalid_argument", path: [index, ...path], message: `expected an SLA evaluation from engine.evaluate or evaluateMany, got ${describeValue(what)} here` },
    ]);
  };
  if (typeof evaluation !== "object" || evaluation === null) fail([], evaluation);
  const metrics: unknown = (evaluation as { metrics?: unknown }).metrics;
  if (!Array.isArray(metrics)) fail(["metrics"], metrics);
  (metrics as ReadonlyArray<unknown>).forEach((state, i) => {
    if (typeof state !== "object" || state === null) fail(["metrics", i], state);
    const fields = state as Record<string, unknown>;
    if (typeof fields["status"] !== "string") fail(["metrics", i, "status"], fields["status"]);
    if (typeof fields["remainingBusinessMs"] !== "number") fail(["metrics", i, "remainingBusinessMs"], fields["remainingBusinessMs"]);
    for (const key of NULLABLE_NUMBERS) {
      if (fields[key] !== null && typeof fields[key] !== "number") fail(["metrics", i, key], fields[key]);
    }
  });
}

/**
 * Orders tickets into a worklist by SLA risk: tickets with a breached open cycle first (earliest breach
 * first), then those whose running cycle has the least remaining business time, then paused ones.
 * Tickets with no open cycle (all achieved or cancelled) are left out. Each ticket appears once, for
 * its most urgent cycle; ties keep the input order.
 *
 * @param results - evaluations from `engine.evaluate` / `evaluateMany`
 * @param options - `at`: a cycle whose `breachedAt` is at or before it counts as breached
 * @returns the worklist, most urgent first
 * @throws {@link SlaError} `invalid_argument` for a non-iterable input, an item that is not an evaluation
 *   (path `[index, …]`) or missing options, `invalid_time` for a bad `at`
 * @example
 * const worklist = rankBySlaRisk(engine.evaluateMany(tickets, { at }), { at });
 * worklist[0]?.evaluation.ticketId; // the ticket to work on first
 */
export function rankBySlaRisk(results: Iterable<SlaEvaluation>, options: RankBySlaRiskOptions): SlaRiskEntry[] {
  if (typeof options !== "object" || options === null) {
    throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected { at }, got ${describeValue(options)}` }]);
  }
  const at = rethrowAs(SlaError, () => toEpochMs(options.at, ["at"]), [], "invalid_argument");
  if (typeof results !== "object" || results === null || typeof (results as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an iterable of SLA evaluations, got ${describeValue(results)}` }]);
  }
  const entries: SlaRiskEntry[] = [];
  let index = 0;
  for (const evaluation of results) {
    checkEvaluation(evaluation, index++);
    let best: { state: SlaMetricState; breached: boolean } | undefined;
    for (const state of evaluation.metrics) {
      if (!isOpen(state)) continue;
      const candidate = { state, breached: state.status === "breached" || (state.breachedAt !== null && state.breachedAt <= at) };
      if (best === undefined || compare(candidate, best) < 0) best = candidate;
    }
    if (best !== undefined) entries.push({ evaluation, state: best.state, breached: best.breached, remainingBusinessMs: best.state.remainingBusinessMs });
  }
  return entries.sort((a, b) => compare(a, b));
}
