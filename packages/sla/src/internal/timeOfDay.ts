import { DAY_MS } from "./constants.js";

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?$/;
const END_OF_DAY = /^24:00(?::00(?:\.000)?)?$/;

/**
 * Reads `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` as milliseconds since local midnight; `24:00` (also
 * `24:00:00`, `24:00:00.000`) is the end of the day (86 400 000) and only valid as an interval end.
 * Returns `null` for anything else.
 */
export function parseTimeOfDay(text: string): number | null {
  if (END_OF_DAY.test(text)) return DAY_MS;
  const match = TIME_OF_DAY.exec(text);
  if (match === null) return null;
  const [, h = "0", m = "0", s = "0", ms = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

/** Milliseconds since midnight as `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` (the shortest exact form); may exceed 24:00. */
export function formatTimeOfDay(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const milli = ms % 1000;
  const hhmm = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
  if (s === 0 && milli === 0) return hhmm;
  const ss = `${hhmm}:${String(s).padStart(2, "0")}`;
  return milli === 0 ? ss : `${ss}.${String(milli).padStart(3, "0")}`;
}

/**
 * An interval `[start, end]` as milliseconds on its own date's wall-clock line: an end at or before the
 * start (other than `24:00`) runs overnight, so its end is moved one day on. `null` when either end is
 * malformed or the start is `24:00`.
 */
export function intervalBounds(interval: readonly [string, string]): readonly [number, number] | null {
  const start = parseTimeOfDay(interval[0]);
  const end = parseTimeOfDay(interval[1]);
  if (start === null || end === null || start === DAY_MS) return null;
  return [start, end < start ? end + DAY_MS : end];
}
