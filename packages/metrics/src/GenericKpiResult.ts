/**
 * The common shape of every KPI result beyond the core set (first level resolution, requester wait
 * time, NPS, …): the same fields as `KpiResult`, for a KPI id `K` and stats `S`. See docs/kpis.md.
 *
 * @example
 * const result: GenericKpiResult<"nps", { promoters: number }> = {
 *   kpi: "nps", value: 20, n: 10, excluded: {}, population: "survey responses given in the period",
 *   timeAnchor: "response", timeZone: "UTC", method: "% promoters − % detractors", stats: { promoters: 4 },
 * };
 */
export interface GenericKpiResult<K extends string, S> {
  readonly kpi: K;
  /** The headline number (a count, a duration in ms, a share in [0, 1], a score); `null` when it does not exist (n = 0). */
  readonly value: number | null;
  /** How many items the value is computed from. */
  readonly n: number;
  /** Items left out, by reason (every reason the KPI knows, 0 when none). */
  readonly excluded: Readonly<Record<string, number>>;
  readonly population: string;
  readonly timeAnchor: string;
  readonly timeZone: string;
  readonly method: string;
  readonly stats: S;
  /** `true` while a later event can still change the answer (a window that has not passed at `asOf`). */
  readonly provisional?: boolean;
}
