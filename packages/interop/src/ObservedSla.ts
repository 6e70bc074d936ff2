import type { SlaMetricStatus } from "@supportops/sla";

/**
 * One cycle of one SLA metric as a vendor measured it, in supportops' terms, so that
 * {@link compareSla} can hold it against supportops' own `SlaMetricState`. Instants are epoch ms;
 * a field the vendor does not report is `null`.
 *
 * @example
 * const observed: ObservedSla = {
 *   metric: "first_response", cycle: 0, status: "achieved", targetMs: 3_600_000,
 *   startedAt: 1773065100000, stoppedAt: 1773066900000, breachedAt: null, elapsedBusinessMs: 1_800_000,
 *   source: { vendor: "zendesk", metric: "reply_time", instance: 1 },
 * };
 */
export interface ObservedSla {
  /** The supportops metric (`first_response`, …, or a custom metric's name). */
  readonly metric: string;
  /** The cycle's number within the metric, from 0. */
  readonly cycle: number;
  readonly status: SlaMetricStatus;
  readonly targetMs: number | null;
  readonly startedAt: number | null;
  readonly stoppedAt: number | null;
  /** The breach instant: past for a breached cycle, the predicted one for a running cycle, else `null`. */
  readonly breachedAt: number | null;
  /** Elapsed business time (calendar time for a calendar-time target), when the vendor reports it. */
  readonly elapsedBusinessMs: number | null;
  /** The vendor's own identifiers for the cycle. */
  readonly source: Readonly<Record<string, unknown>> & { readonly vendor: string };
}
