import { CHUNK_COUNT, CHUNK_MS, DAY_MS } from "./constants.js";

/**
 * The UTC offsets of a zone over a stretch of absolute time: offset `offsets[i]` (ms, local − UTC)
 * holds on `[starts[i], starts[i + 1])`; `starts[0]` is `-Infinity` and the last piece runs on.
 */
export interface OffsetPieces {
  readonly starts: ReadonlyArray<number>;
  readonly offsets: ReadonlyArray<number>;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_TEXT = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset at an instant, in ms (seconds-precise: historical offsets such as −00:44:30 are kept). */
function offsetAt(zone: string, ms: number): number {
  // `format` is about three times faster than `formatToParts`; the offset is the last word ("1/2/2026, GMT-05:00").
  const text = formatterFor(zone).format(ms);
  const name = text.slice(text.lastIndexOf(" ") + 1);
  const match = OFFSET_TEXT.exec(name);
  if (match === null) throw new Error(`unexpected offset text ${JSON.stringify(name)} for ${zone}`);
  if (match[1] === undefined) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return (match[1] === "-" ? -seconds : seconds) * 1000;
}

/** The first instant in (lo, hi] whose offset differs from `loOffset` (the caller knows one exists). */
function firstChange(zone: string, lo: number, hi: number, loOffset: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * How often offsets are read. Consecutive offset changes in the time-zone database are at least about
 * 7 days apart from 1970 on (the closest: Brazil in October 2000 and Gaza/Hebron's projected Ramadan
 * rules, found by scanning every zone Intl knows every 6 hours), so reading every 3 days cannot miss a
 * change that is undone before the next reading.
 */
const SAMPLE_MS = 3 * DAY_MS;

/**
 * Finds every offset change in [from, to] by reading the offset every {@link SAMPLE_MS} and, where two
 * readings differ, searching for the exact millisecond (repeatedly, so two changes between two
 * readings are both found).
 */
function scanPieces(zone: string, from: number, to: number): OffsetPieces {
  const starts = [Number.NEGATIVE_INFINITY];
  const first = offsetAt(zone, from);
  const offsets = [first];
  let prevTime = from;
  let prevOffset = first;
  for (let t = from + SAMPLE_MS; ; t += SAMPLE_MS) {
    const at = Math.min(t, to);
    const offset = offsetAt(zone, at);
    while (offset !== prevOffset) {
      const change = firstChange(zone, prevTime, at, prevOffset);
      prevOffset = offsetAt(zone, change);
      prevTime = change;
      starts.push(change);
      offsets.push(prevOffset);
    }
    prevTime = at;
    if (at === to) break;
  }
  return { starts, offsets };
}

const UTC_PIECES: OffsetPieces = { starts: [Number.NEGATIVE_INFINITY], offsets: [0] };
const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "Etc/UCT", "UCT"]);
const piecesCache = new Map<string, Array<OffsetPieces | undefined>>();

/**
 * The offset pieces covering chunk `k` plus three days on each side (enough for any local date whose
 * intervals can reach into the chunk). Cached per zone and chunk: zones never change at run time.
 */
export function piecesForChunk(zone: string, k: number): OffsetPieces {
  if (UTC_NAMES.has(zone)) return UTC_PIECES;
  const chunk = Math.min(Math.max(k, 0), CHUNK_COUNT - 1);
  let perZone = piecesCache.get(zone);
  if (perZone === undefined) {
    perZone = [];
    piecesCache.set(zone, perZone);
  }
  let pieces = perZone[chunk];
  if (pieces === undefined) {
    pieces = scanPieces(zone, chunk * CHUNK_MS - 3 * DAY_MS, (chunk + 1) * CHUNK_MS + 3 * DAY_MS);
    perZone[chunk] = pieces;
  }
  return pieces;
}

/** The wall-clock reading (as ms on a UTC-like line) of an instant: `ms + offset`. */
export function wallAt(zone: string, ms: number): number {
  return ms + offsetAt(zone, ms);
}

/**
 * The earliest instant at which the zone's wall clock reads `wall` or later: a time in a spring-forward
 * gap maps to the end of the gap, a repeated time to its first pass.
 */
export function instantAtWall(zone: string, wall: number): number {
  const { starts, offsets } = piecesForChunk(zone, Math.floor(wall / CHUNK_MS));
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const candidate = Math.max(start, wall - (offsets[i] as number));
    if (candidate < end) return candidate;
  }
  /* c8 ignore next */
  throw new Error("unreachable: the last offset piece is unbounded");
}
