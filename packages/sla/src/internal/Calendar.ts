import { describeValue, rethrowAs, toDurationMs, toEpochMs, type DurationInput, type TimeInput } from "@supportops/core";
import type { BusinessCalendar, OpenInterval } from "../BusinessCalendar.js";
import type { CalendarDefinition } from "../CalendarDefinition.js";
import { CALENDAR_LIMITS } from "../CALENDAR_LIMITS.js";
import { SlaError } from "../SlaError.js";
import { CHUNK_COUNT, CHUNK_MS, DAY_MS, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from "./constants.js";
import { exactRuns, type RawChunk } from "./rules.js";
import { instantAtWall, wallAt } from "./zoneOffsets.js";

/** Each chunk is cut into 1024 buckets of 2^25 ms (about 9.3 h) for O(1) lookups by instant. */
const BUCKET_MS = 33_554_432;
const BUCKETS = CHUNK_MS / BUCKET_MS;
/** …and its business time into 1024 equal buckets for O(1) lookups by amount of business time. */
const CUM_BUCKETS = 1024;

/**
 * One compiled chunk of absolute time: its maximal open runs `[starts[i], ends[i])`, the business
 * time up to the end of each run (`cumEnd[i]`, counted from the chunk's start), and for each bucket
 * the index of the last run starting at or before the bucket's start (−1 if none), so that finding
 * the run at an instant is a table lookup plus a search among the few runs of one bucket. Likewise
 * `cumFirst[b]` is the first run whose cumulative end reaches `b · cumWidth`, for finding the run in
 * which a given amount of business time is reached.
 */
class Chunk {
  constructor(
    readonly start: number,
    readonly n: number,
    readonly starts: Float64Array,
    readonly ends: Float64Array,
    readonly cumEnd: Float64Array,
    readonly total: number,
    readonly bucketLast: Int32Array,
    readonly cumWidth: number,
    readonly cumFirst: Int32Array,
  ) {}
}

const NOT_COMPILED = new Chunk(0, -1, new Float64Array(0), new Float64Array(0), new Float64Array(0), 0, new Int32Array(BUCKETS + 1), 1, new Int32Array(CUM_BUCKETS + 2));

/** Bytes a compiled chunk of `n` runs holds: three Float64Arrays of n, and the two bucket tables. */
function chunkBytes(n: number): number {
  return 24 * n + 4 * (BUCKETS + 1) + 4 * (CUM_BUCKETS + 2);
}

/**
 * What a calendar is made of: how to compile a chunk, which local dates are business days, and what
 * bounds its cost (checked when it is created, so no query can run into a limit).
 */
export interface CalendarSource {
  readonly timeZone: string;
  readonly definition: CalendarDefinition | null;
  /** The open runs of chunk `k` ([k·CHUNK_MS, min((k+1)·CHUNK_MS, MAX))), sorted, maximal, clipped. */
  compile(k: number, chunkStart: number, chunkEnd: number): RawChunk;
  /** Whether a local date (day number in `timeZone`) is a business day; `null` to decide by open time. */
  isBusinessDay: ((day: number) => boolean) | null;
  /**
   * The most intervals the calendar can have on a day: its busiest date for a definition, the sum of
   * its parts' for a combined calendar. A chunk holds at most {@link RUNS_PER_DAILY_INTERVAL} times as many runs.
   */
  readonly intervalsPerDay: number;
  /** How many set operations are stacked in it: 0 for a definition, 1 + its deepest part's for a combination. */
  readonly nesting: number;
}

/**
 * A bound on a chunk's open runs per interval a day can have: the chunk meets at most 403 local dates
 * (its 398 days, plus the dates whose intervals can reach into it), and each offset change (at most
 * one a week, so 57 a chunk) can add a second piece to the intervals of two dates around it.
 */
export const RUNS_PER_DAILY_INTERVAL = 520;

/**
 * The bytes of compiled chunks one calendar keeps (`CALENDAR_LIMITS.chunkCacheBytes`, 16 MiB). An
 * ordinary calendar (a few intervals a day) compiles the whole 1970–2200 range in about 3 MiB and
 * never reaches it; a calendar at the limits keeps the chunks it compiled last (about 17 at 100
 * intervals a day) and compiles others again when they are needed. Every chunk's totals stay known once it has
 * been compiled, so spans longer than a chunk never need the chunks in between again.
 */
const CHUNK_CACHE_BYTES = CALENDAR_LIMITS.chunkCacheBytes;

function rangeError(name: string, value: number): never {
  // A Date holds ±8.64e15 ms; beyond that there is no ISO form to show.
  const what = Math.abs(value) <= 8.64e15 ? new Date(value).toISOString() : "beyond the dates JavaScript can represent";
  throw new SlaError("out_of_range", [
    {
      code: "out_of_range",
      path: [name],
      message: `${value} (${what}) is outside the supported range; give integer epoch milliseconds from 0 (1970-01-01T00:00:00Z) up to, not including, ${MAX_SUPPORTED_MS} (2200-01-01T00:00:00Z)`,
    },
  ]);
}

/**
 * The error of a `…Ms` method given an instant it cannot use: `out_of_range` for an integer outside the
 * supported range, else `invalid_argument` (core's `BusinessCalendarLike` allows only those two codes).
 */
function instantError(name: string, value: unknown): never {
  if (typeof value === "number" && Number.isInteger(value)) rangeError(name, value);
  throw new SlaError("invalid_argument", [
    { code: "invalid_argument", path: [name], message: `expected an integer number of epoch milliseconds, got ${describeValue(value)}` },
  ]);
}

/**
 * The error of `addBusinessMs` given a duration it cannot use: an integer beyond ±(2^53 − 1) would put
 * any answer far outside the supported range (`out_of_range`); anything else is `invalid_argument`.
 */
function durationError(name: string, value: unknown): never {
  if (typeof value === "number" && Number.isInteger(value)) {
    if (value > 0) resultError("adding that much business time", "after", [name]);
    resultError("subtracting that much business time", "before", [name]);
  }
  throw new SlaError("invalid_argument", [
    { code: "invalid_argument", path: [name], message: `expected a whole, finite number of milliseconds, got ${describeValue(value)}` },
  ]);
}

/** An `out_of_range` error for a result past the supported range; `path` names the argument that sends it there, if one alone does. */
function resultError(what: string, direction: "after" | "before", path: ReadonlyArray<string> = []): never {
  throw new SlaError("out_of_range", [
    {
      code: "out_of_range",
      path,
      message:
        direction === "after"
          ? `${what} would fall on or after 2200-01-01T00:00:00Z, the end of the supported range`
          : `${what} would fall before 1970-01-01T00:00:00Z, the start of the supported range`,
    },
  ]);
}

/** An instant of the friendly API as epoch ms: core parses it (its errors leave as SlaErrors), then the range is checked. */
function toMs(input: TimeInput, name: string): number {
  const ms = rethrowAs(SlaError, () => toEpochMs(input), [name], "invalid_time");
  if (!(ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS)) rangeError(name, ms);
  return ms;
}

/** A duration of the friendly API as ms, parsed by core (its errors leave as SlaErrors). */
function toDuration(input: DurationInput, name: string): number {
  return rethrowAs(SlaError, () => toDurationMs(input), [name], "invalid_duration");
}

/** Index of the last run of `c` starting at or before `t` (an instant of the chunk), or −1. */
function runAt(c: Chunk, t: number): number {
  const b = ((t - c.start) / BUCKET_MS) | 0;
  let lo = c.bucketLast[b] as number;
  let hi = c.bucketLast[b + 1] as number;
  // The answer is in [lo, hi]: usually lo === hi, or one run apart.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((c.starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Index of the first run whose cumulative end is ≥ `x` (> `x` when `strict`), for 0 ≤ x ≤ total
 * (x < total when strict): the bucket table brackets it, usually to a single run.
 */
function runReaching(c: Chunk, x: number, strict: boolean): number {
  const b = Math.floor(x / c.cumWidth);
  let lo = c.cumFirst[b] as number;
  let hi = c.cumFirst[b + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = c.cumEnd[mid] as number;
    if (v < x || (strict && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Business time from the chunk's start to `t`. */
function prefix(c: Chunk, t: number): number {
  const i = runAt(c, t);
  if (i < 0) return 0;
  const end = c.ends[i] as number;
  return (c.cumEnd[i] as number) - (end > t ? end - t : 0);
}

/**
 * The one implementation of {@link BusinessCalendar}: lazily compiled chunks of absolute open runs with
 * prefix sums. Everything in the number-in, number-out methods is a binary search in one or two chunks
 * (a loop over chunks only for spans longer than a chunk).
 */
export class Calendar implements BusinessCalendar {
  readonly timeZone: string;
  readonly definition: CalendarDefinition | null;
  /** @internal */
  readonly source: CalendarSource;
  /** The compiled chunks that are cached; `NOT_COMPILED` elsewhere. */
  private readonly chunks: Chunk[];
  /**
   * Four numbers per chunk, known once it has been compiled (even after it left the cache): its run
   * count (−1 while unknown), its business time, and its first run's start and end.
   */
  private readonly summary: Float64Array;
  /** When each cached chunk was compiled (a tick of `cache.tick`), to drop the oldest first. */
  private readonly compiledAt: Float64Array;
  /** The cache's counters, in an object of their own: the calendar itself is frozen and its fields never change. */
  private readonly cache: { tick: number; bytes: number } = { tick: 0, bytes: 0 };

  constructor(source: CalendarSource) {
    this.timeZone = source.timeZone;
    this.definition = source.definition;
    this.source = source;
    this.chunks = Array.from({ length: CHUNK_COUNT }, () => NOT_COMPILED);
    this.summary = new Float64Array(4 * CHUNK_COUNT);
    for (let k = 0; k < CHUNK_COUNT; k++) this.summary[4 * k] = -1;
    this.compiledAt = new Float64Array(CHUNK_COUNT);
    Object.freeze(this);
  }

  /** The compiled chunk `k` (compiling it on first use, or again after it left the cache). */
  chunk(k: number): Chunk {
    const c = this.chunks[k] as Chunk;
    return c.n >= 0 ? c : this.compileChunk(k);
  }

  /** Bytes held by the cached chunks' typed arrays (for the benchmark's memory figure and the tests). */
  compiledBytes(): number {
    return this.cache.bytes;
  }

  /**
   * How many runs chunk `k` has. A chunk never compiled is compiled for its summary alone, without
   * entering the cache: a span across many chunks neither keeps them nor pushes out the ones in use.
   */
  private countOf(k: number): number {
    const n = this.summary[4 * k] as number;
    return n >= 0 ? n : this.raw(k).starts.length;
  }

  /** The business time in chunk `k`. */
  private totalOf(k: number): number {
    this.countOf(k);
    return this.summary[4 * k + 1] as number;
  }

  /** The start of chunk `k`'s first run (only when it has one). */
  private firstStartOf(k: number): number {
    this.countOf(k);
    return this.summary[4 * k + 2] as number;
  }

  /** The end of chunk `k`'s first run (only when it has one). */
  private firstEndOf(k: number): number {
    this.countOf(k);
    return this.summary[4 * k + 3] as number;
  }

  /** Records what a chunk's runs add up to, for {@link countOf} and its siblings. */
  private summarise(k: number, starts: Float64Array, ends: Float64Array, total: number): void {
    this.summary[4 * k] = starts.length;
    this.summary[4 * k + 1] = total;
    this.summary[4 * k + 2] = starts[0] ?? Number.NaN;
    this.summary[4 * k + 3] = ends[0] ?? Number.NaN;
  }

  /**
   * The open runs of chunk `k` (for set operations and summaries): the cached chunk's, or computed
   * afresh without caching them, so that a combined calendar's parts do not each keep a copy of what
   * the combination keeps.
   */
  raw(k: number): RawChunk {
    const cached = this.chunks[k] as Chunk;
    if (cached.n >= 0) return { starts: cached.starts, ends: cached.ends };
    const chunkStart = k * CHUNK_MS;
    const fresh = this.source.compile(k, chunkStart, Math.min(chunkStart + CHUNK_MS, MAX_SUPPORTED_MS));
    if ((this.summary[4 * k] as number) < 0) {
      let total = 0;
      for (let i = 0; i < fresh.starts.length; i++) total += (fresh.ends[i] as number) - (fresh.starts[i] as number);
      this.summarise(k, fresh.starts, fresh.ends, total);
    }
    return fresh;
  }

  /**
   * Makes room for `bytes` more by dropping the cached chunks compiled longest ago. The oldest rather
   * than the least recently used: a hit then costs no bookkeeping at all, and a calendar that needs
   * more chunks than fit recompiles one of them at most once per as many compilations as fit.
   */
  private makeRoom(bytes: number): void {
    while (this.cache.bytes + bytes > CHUNK_CACHE_BYTES) {
      let oldest = -1;
      for (let k = 0; k < CHUNK_COUNT; k++) {
        if ((this.chunks[k] as Chunk).n >= 0 && (oldest < 0 || (this.compiledAt[k] as number) < (this.compiledAt[oldest] as number))) oldest = k;
      }
      if (oldest < 0) return;
      this.cache.bytes -= chunkBytes((this.chunks[oldest] as Chunk).n);
      this.chunks[oldest] = NOT_COMPILED;
    }
  }

  private compileChunk(k: number): Chunk {
    const chunkStart = k * CHUNK_MS;
    const chunkEnd = Math.min(chunkStart + CHUNK_MS, MAX_SUPPORTED_MS);
    const { starts, ends } = exactRuns(this.source.compile(k, chunkStart, chunkEnd));
    const n = starts.length;
    const cumEnd = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += (ends[i] as number) - (starts[i] as number);
      cumEnd[i] = sum;
    }
    const bucketLast = new Int32Array(BUCKETS + 1);
    let i = -1;
    for (let b = 0; b <= BUCKETS; b++) {
      const at = chunkStart + b * BUCKET_MS;
      while (i + 1 < n && (starts[i + 1] as number) <= at) i++;
      bucketLast[b] = i;
    }
    const cumWidth = Math.max(1, Math.ceil(sum / CUM_BUCKETS));
    const cumFirst = new Int32Array(CUM_BUCKETS + 2);
    let j = 0;
    for (let b = 0; b < CUM_BUCKETS + 2; b++) {
      const at = b * cumWidth;
      while (j < n - 1 && (cumEnd[j] as number) < at) j++;
      cumFirst[b] = j;
    }
    const c = new Chunk(chunkStart, n, starts, ends, cumEnd, sum, bucketLast, cumWidth, cumFirst);
    this.summarise(k, starts, ends, sum);
    this.makeRoom(chunkBytes(n));
    this.chunks[k] = c;
    this.cache.bytes += chunkBytes(n);
    this.compiledAt[k] = ++this.cache.tick;
    return c;
  }

  // ---- number-in, number-out ----

  isOpenMs(ms: number): boolean {
    if (!Number.isInteger(ms) || ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) instantError("ms", ms);
    const c = this.chunk(Math.floor(ms / CHUNK_MS));
    const i = runAt(c, ms);
    return i >= 0 && ms < (c.ends[i] as number);
  }

  businessMsBetween(aMs: number, bMs: number): number {
    if (!Number.isInteger(aMs) || aMs < MIN_SUPPORTED_MS || aMs >= MAX_SUPPORTED_MS) instantError("aMs", aMs);
    if (!Number.isInteger(bMs) || bMs < MIN_SUPPORTED_MS || bMs >= MAX_SUPPORTED_MS) instantError("bMs", bMs);
    return aMs <= bMs ? this.measure(aMs, bMs) : 0 - this.measure(bMs, aMs);
  }

  private measure(a: number, b: number): number {
    const ka = Math.floor(a / CHUNK_MS);
    const kb = Math.floor(b / CHUNK_MS);
    const ca = this.chunk(ka);
    if (ka === kb) return prefix(ca, b) - prefix(ca, a);
    let sum = ca.total - prefix(ca, a);
    for (let k = ka + 1; k < kb; k++) sum += this.totalOf(k);
    return sum + prefix(this.chunk(kb), b);
  }

  addBusinessMs(ms: number, durationMs: number): number {
    if (!Number.isInteger(ms) || ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) instantError("ms", ms);
    if (!Number.isSafeInteger(durationMs)) durationError("durationMs", durationMs);
    if (durationMs === 0) return ms;
    const k = Math.floor(ms / CHUNK_MS);
    const c = this.chunk(k);
    const i = runAt(c, ms);
    const target = (i < 0 ? 0 : (c.cumEnd[i] as number) - Math.max(0, (c.ends[i] as number) - ms)) + durationMs;
    if (durationMs > 0) {
      // Earliest u: the first run whose cumulative end reaches the target.
      if (target > c.total) return this.addAcross(k, target - c.total);
      const j = runReaching(c, target, false);
      const u = (c.ends[j] as number) - ((c.cumEnd[j] as number) - target);
      if (u >= MAX_SUPPORTED_MS) resultError("adding that much business time", "after");
      return u;
    }
    // Latest u: the first run whose cumulative end passes the target (a target that lands between two
    // runs gives the start of the later one).
    if (target < 0) return this.subtractAcross(k, target);
    const j = runReaching(c, target, true);
    return (c.ends[j] as number) - ((c.cumEnd[j] as number) - target);
  }

  /**
   * `addBusinessMs` past the end of chunk `k`, with `rest` business time still to add: chunks passed
   * over are read from their totals alone. (A method of its own keeps the common case small.)
   */
  private addAcross(k: number, rest: number): number {
    let target = rest;
    let total = 0;
    do {
      target -= total;
      if (++k >= CHUNK_COUNT) resultError("adding that much business time", "after");
      total = this.totalOf(k);
    } while (target > total);
    const c = this.chunk(k);
    const j = runReaching(c, target, false);
    const u = (c.ends[j] as number) - ((c.cumEnd[j] as number) - target);
    if (u >= MAX_SUPPORTED_MS) resultError("adding that much business time", "after");
    return u;
  }

  /** `addBusinessMs` back past the start of chunk `k`, where `target` (< 0) is counted from that start. */
  private subtractAcross(k: number, target: number): number {
    while (target < 0) {
      if (--k < 0) resultError("subtracting that much business time", "before");
      target += this.totalOf(k);
    }
    const c = this.chunk(k);
    const j = runReaching(c, target, true);
    return (c.ends[j] as number) - ((c.cumEnd[j] as number) - target);
  }

  nextOpenMs(ms: number): number | null {
    if (!Number.isInteger(ms) || ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) instantError("ms", ms);
    let k = Math.floor(ms / CHUNK_MS);
    const c = this.chunk(k);
    const i = runAt(c, ms);
    if (i >= 0 && ms < (c.ends[i] as number)) return ms;
    if (i + 1 < c.n) return c.starts[i + 1] as number;
    while (++k < CHUNK_COUNT) {
      if (this.countOf(k) > 0) return this.firstStartOf(k);
    }
    return null;
  }

  nextCloseMs(ms: number): number | null {
    if (!Number.isInteger(ms) || ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) instantError("ms", ms);
    let k = Math.floor(ms / CHUNK_MS);
    const c = this.chunk(k);
    const i = runAt(c, ms);
    // The run containing or following ms: its end, and whether it is its chunk's last run.
    let end: number;
    let last: boolean;
    if (i >= 0 && ms < (c.ends[i] as number)) {
      end = c.ends[i] as number;
      last = i === c.n - 1;
    } else if (i + 1 < c.n) {
      end = c.ends[i + 1] as number;
      last = i + 1 === c.n - 1;
    } else {
      do {
        if (++k >= CHUNK_COUNT) return null;
      } while (this.countOf(k) === 0);
      end = this.firstEndOf(k);
      last = this.countOf(k) === 1;
    }
    // A run that reaches the chunk's end may continue in the next chunk.
    while (last && end === Math.min((k + 1) * CHUNK_MS, MAX_SUPPORTED_MS) && k + 1 < CHUNK_COUNT) {
      if (this.countOf(k + 1) === 0 || this.firstStartOf(k + 1) !== end) break;
      k++;
      end = this.firstEndOf(k);
      last = this.countOf(k) === 1;
    }
    return end >= MAX_SUPPORTED_MS ? null : end;
  }

  /** Maximal open runs meeting [from, to), clipped, as flat `[start, end, …]` (merged across chunks). */
  openRunsMs(from: number, to: number): number[] {
    const out: number[] = [];
    if (from >= to) return out;
    const lastK = Math.floor((to - 1) / CHUNK_MS);
    for (let k = Math.floor(from / CHUNK_MS); k <= lastK; k++) {
      const c = this.chunk(k);
      let i = from > c.start ? Math.max(0, runAt(c, from)) : 0;
      for (; i < c.n; i++) {
        const s = c.starts[i] as number;
        const e = c.ends[i] as number;
        if (s >= to) break;
        if (e <= from) continue;
        const lo = Math.max(s, from);
        const hi = Math.min(e, to);
        if (out.length > 0 && out[out.length - 1] === lo) out[out.length - 1] = hi;
        else out.push(lo, hi);
      }
    }
    return out;
  }

  // ---- friendly API ----

  isOpen(at: TimeInput): boolean {
    return this.isOpenMs(toMs(at, "at"));
  }

  addBusinessTime(at: TimeInput, duration: DurationInput): Date {
    return new Date(this.addBusinessMs(toMs(at, "at"), toDuration(duration, "duration")));
  }

  businessTimeBetween(from: TimeInput, to: TimeInput): number {
    return this.businessMsBetween(toMs(from, "from"), toMs(to, "to"));
  }

  nextOpen(at: TimeInput): Date | null {
    const ms = this.nextOpenMs(toMs(at, "at"));
    return ms === null ? null : new Date(ms);
  }

  nextClose(at: TimeInput): Date | null {
    const ms = this.nextCloseMs(toMs(at, "at"));
    return ms === null ? null : new Date(ms);
  }

  openIntervals(from: TimeInput, to: TimeInput): ReadonlyArray<OpenInterval> {
    const a = toMs(from, "from");
    const b = toMs(to, "to");
    if (b < a) {
      throw new SlaError("invalid_argument", [
        { code: "invalid_argument", path: ["to"], message: `to (${new Date(b).toISOString()}) is before from (${new Date(a).toISOString()}); give from ≤ to` },
      ]);
    }
    const flat = this.openRunsMs(a, b);
    const out: OpenInterval[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      out.push(Object.freeze({ start: new Date(flat[i] as number), end: new Date(flat[i + 1] as number) }));
    }
    return Object.freeze(out);
  }

  addBusinessDays(at: TimeInput, days: number): Date {
    const ms = toMs(at, "at");
    if (!Number.isSafeInteger(days)) {
      throw new SlaError("invalid_argument", [
        { code: "invalid_argument", path: ["days"], message: `${typeof days === "number" ? String(days) : describeValue(days)} is not a whole number of business days` },
      ]);
    }
    // 0 days is nextOpen(t) itself: going through the wall clock would move an instant in the second
    // pass of a repeated (fall-back) hour back to the first pass, an hour before t.
    if (days === 0) {
      const open = this.nextOpenMs(ms);
      if (open === null) resultError(`the next open instant from ${new Date(ms).toISOString()}`, "after");
      return new Date(open);
    }
    const wall = wallAt(this.timeZone, ms);
    let day = Math.floor(wall / DAY_MS);
    const timeOfDay = wall - day * DAY_MS;
    const step = days < 0 ? -1 : 1;
    // The supported range holds about 84 000 local dates; beyond that no answer can exist.
    const firstDay = Math.floor(MIN_SUPPORTED_MS / DAY_MS) - 1;
    const lastDay = Math.ceil(MAX_SUPPORTED_MS / DAY_MS) + 1;
    for (let left = Math.abs(days); left > 0; ) {
      day += step;
      if (day < firstDay) resultError(`${days} business days from ${new Date(ms).toISOString()}`, "before");
      if (day > lastDay) resultError(`${days} business days from ${new Date(ms).toISOString()}`, "after");
      if (this.isBusinessDay(day)) left--;
    }
    const target = instantAtWall(this.timeZone, day * DAY_MS + timeOfDay);
    if (target < MIN_SUPPORTED_MS) resultError(`${days} business days from ${new Date(ms).toISOString()}`, "before");
    if (target >= MAX_SUPPORTED_MS) resultError(`${days} business days from ${new Date(ms).toISOString()}`, "after");
    const open = this.nextOpenMs(target);
    if (open === null) resultError(`the next open instant ${days} business days from ${new Date(ms).toISOString()}`, "after");
    return new Date(open);
  }

  /** Whether a local date is a business day: by the source's rule, or by having open time that day. */
  isBusinessDay(day: number): boolean {
    if (this.source.isBusinessDay !== null) return this.source.isBusinessDay(day);
    const start = Math.max(MIN_SUPPORTED_MS, instantAtWall(this.timeZone, day * DAY_MS));
    const end = Math.min(MAX_SUPPORTED_MS - 1, instantAtWall(this.timeZone, (day + 1) * DAY_MS));
    return start < end && this.measure(start, end) > 0;
  }
}
