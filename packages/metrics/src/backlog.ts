import { rethrowAs, toDurationMs, type CanonicalStatus } from "@supportops/core";
import type { BacklogOptions } from "./KpiOptions.js";
import type { BacklogAgeBucket, KpiResult } from "./KpiResult.js";
import { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { factsOf, valueAt } from "./internal/factsOf.js";
import { requireIterable } from "./internal/requireIterable.js";
import { invalidArgument, readInstant, readPercentile, readZone, requireObject } from "./internal/resolveOptions.js";
import { mean, percentile } from "./internal/statistics.js";

const DAY = 86_400_000;
const DEFAULT_AGE_BUCKETS = [0, DAY, 3 * DAY, 7 * DAY, 30 * DAY];

function readAgeBuckets(value: unknown): number[] {
  if (value === undefined) return DEFAULT_AGE_BUCKETS;
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument(["ageBuckets"], "expected a non-empty list of bucket lower bounds, starting at 0");
  const bounds = value.map((v, i) => rethrowAs(MetricsError, () => toDurationMs(v as never, ["ageBuckets", i]), [], "invalid_argument"));
  if (bounds[0] !== 0) throw invalidArgument(["ageBuckets", 0], "the first age bucket starts at 0, so every ticket has a bucket");
  for (let i = 1; i < bounds.length; i++) {
    if ((bounds[i] as number) <= (bounds[i - 1] as number)) throw invalidArgument(["ageBuckets", i], "bucket bounds increase strictly (buckets are half-open and never overlap)");
  }
  return bounds;
}

/**
 * The backlog at one instant `at` (a stock, not a flow): tickets created at or before `at` whose
 * status at `at` is not solved or closed (pending and on-hold count as open), with their ages
 * (`at` − creation) in half-open buckets. Tickets merged away later than `at` (known at `asOf`) are
 * `excluded.merged`; one merged by `at` is closed.
 *
 * @param tickets - any iterable of `{ id, events }`
 * @param options - `at`, `asOf` (default `at`), `timeZone`, `ageBuckets` (lower bounds; default 0, 1 d, 3 d, 7 d, 30 d)
 * @returns the `backlog` result: value = the count
 * @throws {@link MetricsError} `invalid_ticket_log`, and option errors (`invalid_argument` when `asOf` is before `at`)
 * @example
 * const open = backlog(
 *   [{ id: "T-1", events: [{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }] }],
 *   { at: "2026-03-11T09:00:00Z" },
 * );
 * open.value;                  // => 1
 * open.stats.buckets[1];       // => { from: 86400000, to: 259200000, count: 1 }
 * open.stats.byStatus;         // => { new: 1 }
 */
export function backlog(tickets: Iterable<TicketInput>, options: BacklogOptions): KpiResult<"backlog"> {
  const raw = requireObject(options, "backlog(tickets, { at })") as Partial<Record<keyof BacklogOptions, unknown>>;
  const timeZone = readZone(raw.timeZone, ["timeZone"]);
  const at = readInstant(raw.at, timeZone, ["at"]);
  const asOf = raw.asOf === undefined ? at : readInstant(raw.asOf, timeZone, ["asOf"]);
  if (asOf < at) throw invalidArgument(["asOf"], "asOf is before the snapshot instant; give asOf ≥ at", "as_of_before_end");
  const bounds = readAgeBuckets(raw.ageBuckets);
  const method = readPercentile(raw.percentile, ["percentile"]);
  const ages: number[] = [];
  const byStatus: Partial<Record<CanonicalStatus, number>> = {};
  let merged = 0;
  let index = 0;
  for (const ticket of requireIterable(tickets)) {
    const f = factsOf(ticket, asOf, [index]);
    index += 1;
    if (f === null || f.createdAt > at) continue;
    const status = valueAt(f.statusTimeline, at);
    if (status === "solved" || status === "closed") continue;
    if (f.merged !== null) {
      merged += 1;
      continue;
    }
    ages.push(at - f.createdAt);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  ages.sort((a, b) => a - b);
  const buckets: BacklogAgeBucket[] = bounds.map((from, i) => {
    const to = bounds[i + 1] ?? null;
    return { from, to, count: ages.filter((age) => age >= from && (to === null || age < to)).length };
  });
  const m = mean(ages);
  return {
    kpi: "backlog",
    value: ages.length,
    n: ages.length,
    excluded: { merged },
    population: "tickets created at or before `at` whose status at `at` is not solved or closed; merged-away tickets excluded",
    timeAnchor: "snapshot instant `at`",
    timeZone,
    method: `count; ages = at − creation in calendar ms, half-open buckets; median ${method === "linear" ? "linear (type 7)" : "nearest-rank (type 1)"}`,
    stats: { buckets, medianAge: percentile(ages, 50, method), meanAge: m === null ? null : Math.round(m), byStatus },
  };
}
