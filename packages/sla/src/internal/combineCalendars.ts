import type { BusinessCalendar } from "../BusinessCalendar.js";
import { SlaError } from "../SlaError.js";
import { Calendar } from "./Calendar.js";
import type { RawChunk } from "./rules.js";

/** The calendars as this package's `Calendar`s; an `invalid_argument` error for anything else or for none. */
function own(calendars: ReadonlyArray<BusinessCalendar>, fn: string): Calendar[] {
  // `unionCalendars()` arrives here as [undefined]: the first calendar is a required parameter.
  if (calendars.length === 0 || (calendars.length === 1 && calendars[0] === undefined)) {
    throw new SlaError("invalid_argument", [{ code: "invalid_argument", path: [], message: `${fn} needs at least one calendar` }]);
  }
  return calendars.map((cal, i) => {
    if (!(cal instanceof Calendar)) {
      throw new SlaError("invalid_argument", [
        { code: "invalid_argument", path: [i], message: `${fn} combines calendars made by createCalendar (or calendar24x7, intersectCalendars, unionCalendars); argument ${i} is not one` },
      ]);
    }
    return cal;
  });
}

/** The open runs inside both `a` and `b`. */
export function intersectRuns(a: RawChunk, b: RawChunk): RawChunk {
  const s: number[] = [];
  const e: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const lo = Math.max(a.starts[i] as number, b.starts[j] as number);
    const hi = Math.min(a.ends[i] as number, b.ends[j] as number);
    if (lo < hi) {
      s.push(lo);
      e.push(hi);
    }
    if ((a.ends[i] as number) < (b.ends[j] as number)) i++;
    else j++;
  }
  return { starts: Float64Array.from(s), ends: Float64Array.from(e) };
}

/** The open runs inside `a` or `b`, merged. */
export function unionRuns(a: RawChunk, b: RawChunk): RawChunk {
  const s: number[] = [];
  const e: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.starts.length || j < b.starts.length) {
    const takeA = j >= b.starts.length || (i < a.starts.length && (a.starts[i] as number) <= (b.starts[j] as number));
    const start = takeA ? (a.starts[i] as number) : (b.starts[j] as number);
    const end = takeA ? (a.ends[i++] as number) : (b.ends[j++] as number);
    const last = e.length - 1;
    if (last >= 0 && start <= (e[last] as number)) {
      if (end > (e[last] as number)) e[last] = end;
    } else {
      s.push(start);
      e.push(end);
    }
  }
  return { starts: Float64Array.from(s), ends: Float64Array.from(e) };
}

/** A calendar whose chunks are `op` applied to the chunks of `calendars` (made by this package), in the first one's zone. */
export function combineCalendars(calendars: ReadonlyArray<BusinessCalendar>, fn: string, op: (a: RawChunk, b: RawChunk) => RawChunk): BusinessCalendar {
  const parts = own(calendars, fn);
  const first = parts[0] as Calendar;
  return new Calendar({
    timeZone: first.timeZone,
    definition: null,
    compile: (k) => parts.slice(1).reduce((acc, cal) => op(acc, cal.raw(k)), first.raw(k)),
    isBusinessDay: null,
  });
}

