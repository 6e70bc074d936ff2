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
  return { zone: def.timeZone, weekly, overrides, holidays, alwaysOpen };
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

/** Sorts `[start, end]` pairs and merges touching ones into maximal runs. */
function normalise(starts: number[], ends: number[]): RawChunk {
  const n = starts.length;
  let sorted = true;
  for (let i = 1; i < n; i++) if ((starts[i] as number) < (starts[i - 1] as number)) sorted = false;
  const order = Array.from({ length: n }, (_, i) => i);
  if (!sorted) order.sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const outS: number[] = [];
  const outE: number[] = [];
  for (const i of order) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const last = outE.length - 1;
    if (last >= 0 && s <= (outE[last] as number)) {
      if (e > (outE[last] as number)) outE[last] = e;
    } else {
      outS.push(s);
      outE.push(e);
    }
  }
  return { starts: Float64Array.from(outS), ends: Float64Array.from(outE) };
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
  const outS: number[] = [];
  const outE: number[] = [];
  const firstDay = Math.floor(chunkStart / DAY_MS) - 3;
  const lastDay = Math.floor(chunkEnd / DAY_MS) + 1;
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
        if (lo < hi) {
          outS.push(lo);
          outE.push(hi);
        }
      }
    }
  }
  return normalise(outS, outE);
}
