import { IANAZone } from "luxon";

const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;

/**
 * `DateTime.fromMillis(at, { zone }).minus({ days }).toMillis()` — the same wall time `days` local
 * days earlier, a skipped wall time moved as luxon moves it — without building a DateTime per call:
 * luxon's own offset fix-up (`fixOffset`) over zone offsets cached per quarter hour of UTC. A quarter
 * hour whose two ends have different offsets (a transition inside it) is never cached: those instants
 * ask the zone directly, so the cache can only speed things up, never change an answer.
 */
export function localDaysBefore(zone: string): (at: number, days: number) => number {
  const tz = IANAZone.create(zone);
  const cache = new Map<number, number>();
  const offset = (ts: number): number => {
    const key = Math.floor(ts / QUARTER_HOUR);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const start = tz.offset(key * QUARTER_HOUR);
    if (tz.offset(key * QUARTER_HOUR + QUARTER_HOUR - 1) === start) {
      cache.set(key, start);
      return start;
    }
    return tz.offset(ts);
  };
  return (at, days) => {
    const o = offset(at);
    const localTs = at + o * 60_000 - days * DAY;
    let guess = localTs - o * 60_000;
    const o2 = offset(guess);
    if (o2 === o) return guess;
    guess -= (o2 - o) * 60_000;
    const o3 = offset(guess);
    if (o2 === o3) return guess;
    return localTs - Math.min(o2, o3) * 60_000;
  };
}
