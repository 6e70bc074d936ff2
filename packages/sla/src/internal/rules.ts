import type { CalendarDefinition } from "../CalendarDefinition.js";
import { DAY_MS } from "./constants.js";
import { WEEKDAYS, parseIsoDate, weekdayIndex } from "./localDate.js";
import { intervalBounds } from "./timeOfDay.js";
import { piecesForChunk } from "./zoneOffsets.js";

/** A validated definition in numbers: per date, its intervals as flat `[start, end, …]` ms on its wall-clock line. */
export interface Rules {
  readonly zone: string;
  readonly weekly: ReadonlyArray<ReadonlyArray<number>>;
  readonly overrides: ReadonlyMap<number, ReadonlyArray<number>>;
  readonly holidays: ReadonlySet<number>;
  /** Every weekday is 00:00–24:00 and nothing overrides it: every instant is open, whatever the zone. */
  readonly alwaysOpen: boolean;
  /** The most intervals any date has (after adjacent ones are joined), at least 1: what bounds a chunk's runs. */
  readonly intervalsPerDay: number;
}

function flatten(intervals: ReadonlyArray<readonly [string, string]>): number[] {
  const pairs = intervals.map((i) => intervalBounds(i)).filter((b): b is readonly [number, number] => b !== null);
  pairs.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [s, e] of pairs) {
    // Adjacent intervals (12:00–13:00, 13:00–17:00) become one.
    if (flat.length > 0 && flat[flat.length - 1] === s) flat[flat.length - 1] = e;
    else flat.push(s, e);
  }
  return flat;
}

/** Turns a definition (already validated) into {@link Rules}. */
export function toRules(def: CalendarDefinition): Rules {
  const weekly = WEEKDAYS.map((day) => flatten(def.weekly[day] ?? []));
  const overrides = new Map<number, number[]>();
  for (const o of def.overrides ?? []) {
    const day = parseIsoDate(o.date);
    if (day !== null) overrides.set(day, flatten(o.hours));
  }
  const holidays = new Set<number>();
  for (const h of def.holidays ?? []) {
    const day = parseIsoDate(typeof h === "string" ? h : h.date);
    if (day !== null) holidays.add(day);
  }
  const alwaysOpen =
    overrides.size === 0 && holidays.size === 0 && weekly.every((d) => d.length === 2 && d[0] === 0 && d[1] === DAY_MS);
  let intervalsPerDay = 1;
  for (const flat of [...weekly, ...overrides.values()]) intervalsPerDay = Math.max(intervalsPerDay, flat.length / 2);
  return { zone: def.timeZone, weekly, overrides, holidays, alwaysOpen, intervalsPerDay };
}

/** The intervals a local date owns after holidays and overrides (flat pairs on its own wall-clock line). */
export function intervalsOf(rules: Rules, day: number): ReadonlyArray<number> {
  if (rules.holidays.has(day)) return [];
  return rules.overrides.get(day) ?? rules.weekly[weekdayIndex(day)] ?? [];
}

/** Sorted, disjoint, maximal open runs of one chunk, clipped to it. */
export interface RawChunk {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** `runs` in arrays of their own exact length (a view of a larger buffer would keep all of it alive). */
export function exactRuns(runs: RawChunk): RawChunk {
  const exact = (a: Float64Array): Float64Array => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice());
  return { starts: exact(runs.starts), ends: exact(runs.ends) };
}

/** `[start, end)` pairs collected in typed arrays that grow as needed (pushing into plain arrays cost most of a compile). */
export class RunBuffer {
  starts: Float64Array;
  ends: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.starts = new Float64Array(Math.max(16, capacity));
    this.ends = new Float64Array(Math.max(16, capacity));
  }

  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const starts = new Float64Array(2 * this.length);
      const ends = new Float64Array(2 * this.length);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /**
   * The pairs as a chunk's runs, for pairs already sorted and maximal: views of the buffer, not copies
   * (a set operation's runs are read once by the next); a chunk that is kept is copied to its exact
   * length by `exactRuns`.
   */
  toRuns(): RawChunk {
    return { starts: this.starts.subarray(0, this.length), ends: this.ends.subarray(0, this.length) };
  }

  /**
   * Sorts the pairs by start and merges overlapping or touching ones into maximal runs. The pairs
   * arrive almost sorted (only the pieces of a repeated fall-back hour are out of order), so an
   * insertion sort does it in one pass plus the few out-of-order pairs.
   */
  normalise(): RawChunk {
    const { starts, ends } = this;
    const n = this.length;
    for (let i = 1; i < n; i++) {
      const s = starts[i] as number;
      if ((starts[i - 1] as number) <= s) continue;
      const e = ends[i] as number;
      let j = i - 1;
      while (j >= 0 && (starts[j] as number) > s) {
        starts[j + 1] = starts[j] as number;
        ends[j + 1] = ends[j] as number;
        j--;
      }
      starts[j + 1] = s;
      ends[j + 1] = e;
    }
    let m = 0;
    for (let i = 0; i < n; i++) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      if (m > 0 && s <= (ends[m - 1] as number)) {
        if (e > (ends[m - 1] as number)) ends[m - 1] = e;
      } else {
        starts[m] = s;
        ends[m] = e;
        m++;
      }
    }
    this.length = m;
    return this.toRuns();
  }
}

/**
 * The open runs of one chunk [chunkStart, chunkEnd) of absolute time. Each date's intervals are
 * intervals on the wall-clock line; an instant `t` is open when `t + offset(t)` lies in one. Within a
 * stretch of constant offset `o` that is the absolute interval shifted by `−o`, so each wall interval
 * maps to one piece per offset stretch it meets: the spring-forward gap contributes nothing and the
 * repeated fall-back hour contributes twice, exactly as rule 2 of docs/calendars.md asks.
 */
export function compileRulesChunk(rules: Rules, k: number, chunkStart: number, chunkEnd: number): RawChunk {
  if (rules.alwaysOpen) return { starts: Float64Array.of(chunkStart), ends: Float64Array.of(chunkEnd) };
  const { starts: pieceStarts, offsets } = piecesForChunk(rules.zone, k);
  const pieceCount = pieceStarts.length;
  let maxOffset = Number.NEGATIVE_INFINITY;
  let minOffset = Number.POSITIVE_INFINITY;
  for (const o of offsets) {
    maxOffset = Math.max(maxOffset, o);
    minOffset = Math.min(minOffset, o);
  }
  const firstDay = Math.floor(chunkStart / DAY_MS) - 3;
  const lastDay = Math.floor(chunkEnd / DAY_MS) + 1;
  const out = new RunBuffer(rules.intervalsPerDay * (lastDay - firstDay + 1));
  // Walls only grow from one interval to the next, so the first piece that can matter only moves on.
  let first = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const flat = intervalsOf(rules, day);
    const base = day * DAY_MS;
    for (let j = 0; j < flat.length; j += 2) {
      const wallStart = base + (flat[j] as number);
      const wallEnd = base + (flat[j + 1] as number);
      while (first + 1 < pieceCount && (pieceStarts[first + 1] as number) <= wallStart - maxOffset) first++;
      for (let p = first; p < pieceCount; p++) {
        const pieceStart = pieceStarts[p] as number;
        const offset = offsets[p] as number;
        if (pieceStart >= wallEnd - minOffset) break; // later pieces start after any image of this interval
        const lo = Math.max(pieceStart, wallStart - offset, chunkStart);
        const hi = Math.min(pieceStarts[p + 1] ?? Number.POSITIVE_INFINITY, wallEnd - offset, chunkEnd);
        if (lo < hi) out.push(lo, hi);
      }
    }
  }
  return out.normalise();
}
