import { DateTime } from "luxon";

/** One report bucket: half-open `[start, end)` in epoch ms, clipped to the period, with its label. */
export interface Bucket {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface BucketSpec {
  readonly unit: "week" | "month";
  /** 1 = Monday … 7 = Sunday (ISO weekday numbers). */
  readonly weekStart: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * The buckets that cover `[from, to)` in `zone`: local weeks from `weekStart` 00:00 or local months,
 * each starting at the first instant of its first local date, clipped to the period.
 */
export function bucketsOf(from: number, to: number, zone: string, spec: BucketSpec | null): Bucket[] {
  if (spec === null) {
    return [{ start: from, end: to, label: `${new Date(from).toISOString()}/${new Date(to).toISOString()}` }];
  }
  const first = DateTime.fromMillis(from, { zone });
  let date: { year: number; month: number; day: number };
  if (spec.unit === "month") date = { year: first.year, month: first.month, day: 1 };
  else {
    const back = (first.weekday - spec.weekStart + 7) % 7;
    const d = first.startOf("day").minus({ days: back });
    date = { year: d.year, month: d.month, day: d.day };
  }
  const out: Bucket[] = [];
  let start = startOfDate(date, zone);
  while (start < to) {
    const next = spec.unit === "month" ? addToDate(date, { months: 1 }) : addToDate(date, { days: 7 });
    const end = startOfDate(next, zone);
    out.push({ start: Math.max(start, from), end: Math.min(end, to), label: labelOf(date, spec) });
    date = next;
    start = end;
  }
  return out;
}

function addToDate(date: { year: number; month: number; day: number }, plus: { days?: number; months?: number }): { year: number; month: number; day: number } {
  const d = DateTime.fromObject(date, { zone: "UTC" }).plus(plus);
  return { year: d.year, month: d.month, day: d.day };
}

/** The first instant of a local date (a midnight skipped by DST moves forward to the first that exists). */
function startOfDate(date: { year: number; month: number; day: number }, zone: string): number {
  return DateTime.fromObject(date, { zone }).toMillis();
}

function labelOf(date: { year: number; month: number; day: number }, spec: BucketSpec): string {
  if (spec.unit === "month") return `${date.year}-${pad(date.month)}`;
  const d = DateTime.fromObject(date, { zone: "UTC" });
  if (spec.weekStart === 1) return `${d.weekYear}-W${pad(d.weekNumber)}`;
  return `week of ${d.toISODate() ?? ""}`;
}

/**
 * The bucket holding an instant (buckets are sorted and contiguous), from the bucket starts alone, in
 * the hot path of every report: a guess from the average width, then a step or two. Weeks differ by a DST
 * hour, months by a few days, and only the first and last bucket may be cut short by the period, so
 * the guess is never far, however many buckets there are.
 */
export class BucketLookup {
  private readonly starts: Float64Array;
  private readonly end: number;
  /** Buckets per ms of the whole span. */
  private readonly rate: number;

  constructor(buckets: ReadonlyArray<Bucket>) {
    this.starts = Float64Array.from(buckets, (b) => b.start);
    this.end = (buckets[buckets.length - 1] as Bucket).end;
    this.rate = buckets.length / (this.end - (this.starts[0] as number));
  }

  /** The index of the bucket holding `t`, or -1. */
  indexOf(t: number): number {
    const starts = this.starts;
    const first = starts[0] as number;
    if (!(t >= first && t < this.end)) return -1;
    const last = starts.length - 1;
    let i = Math.min(last, Math.floor((t - first) * this.rate));
    while (i > 0 && (starts[i] as number) > t) i -= 1;
    while (i < last && (starts[i + 1] as number) <= t) i += 1;
    return i;
  }
}
