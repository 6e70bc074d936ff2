import type { BusinessCalendar } from "../BusinessCalendar.js";
import { CALENDAR_LIMITS } from "../CALENDAR_LIMITS.js";
import { SlaError } from "../SlaError.js";
import { Calendar } from "./Calendar.js";
import { RunBuffer, type RawChunk } from "./rules.js";

const MAX_NESTING = CALENDAR_LIMITS.maxNesting;
const MAX_COMBINED = CALENDAR_LIMITS.maxCombinedIntervalsPerDay;

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

/** The open runs inside both `a` and `b` (at most |a| + |b| − 1 of them). */
export function intersectRuns(a: RawChunk, b: RawChunk): RawChunk {
  const out = new RunBuffer(a.starts.length + b.starts.length);
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const lo = Math.max(a.starts[i] as number, b.starts[j] as number);
    const hi = Math.min(a.ends[i] as number, b.ends[j] as number);
    if (lo < hi) out.push(lo, hi);
    if ((a.ends[i] as number) < (b.ends[j] as number)) i++;
    else j++;
  }
  return out.toRuns();
}

/** The open runs inside `a` or `b`, merged (at most |a| + |b| of them). */
export function unionRuns(a: RawChunk, b: RawChunk): RawChunk {
  const out = new RunBuffer(a.starts.length + b.starts.length);
  let i = 0;
  let j = 0;
  while (i < a.starts.length || j < b.starts.length) {
    const takeA = j >= b.starts.length || (i < a.starts.length && (a.starts[i] as number) <= (b.starts[j] as number));
    const start = takeA ? (a.starts[i] as number) : (b.starts[j] as number);
    const end = takeA ? (a.ends[i++] as number) : (b.ends[j++] as number);
    const last = out.length - 1;
    if (last >= 0 && start <= (out.ends[last] as number)) {
      if (end > (out.ends[last] as number)) out.ends[last] = end;
    } else {
      out.push(start, end);
    }
  }
  return out.toRuns();
}

/**
 * The `too_deep` and `too_many_intervals` checks of a combination, made before it exists: nesting
 * bounds the depth of compiling it (5 000 nested set operations overflowed the stack), and the summed
 * intervals a day bound its chunks' runs, so no query on it can run into a limit.
 */
function checkLimits(parts: ReadonlyArray<Calendar>, fn: string): { readonly nesting: number; readonly intervalsPerDay: number } {
  let nesting = 0;
  let deepest = 0;
  let intervalsPerDay = 0;
  parts.forEach((part, i) => {
    if (part.source.nesting > nesting) {
      nesting = part.source.nesting;
      deepest = i;
    }
    intervalsPerDay += part.source.intervalsPerDay;
  });
  nesting += 1;
  if (nesting > MAX_NESTING) {
    throw new SlaError("invalid_calendar", [
      {
        code: "too_deep",
        path: [deepest],
        message: `${fn} would stack ${nesting} set operations; at most ${MAX_NESTING} may nest (CALENDAR_LIMITS.maxNesting) — combine the calendars in one call, e.g. ${fn}(a, b, c) instead of ${fn}(${fn}(a, b), c)`,
      },
    ]);
  }
  if (intervalsPerDay > MAX_COMBINED) {
    throw new SlaError("invalid_calendar", [
      {
        code: "too_many_intervals",
        path: [],
        message: `${fn} would combine calendars with ${intervalsPerDay} intervals a day in all (each counted as often as it appears); at most ${MAX_COMBINED} may be combined (CALENDAR_LIMITS.maxCombinedIntervalsPerDay)`,
      },
    ]);
  }
  return { nesting, intervalsPerDay };
}

/** A calendar whose chunks are `op` applied to the chunks of `calendars` (made by this package), in the first one's zone. */
export function combineCalendars(calendars: ReadonlyArray<BusinessCalendar>, fn: string, op: (a: RawChunk, b: RawChunk) => RawChunk): BusinessCalendar {
  const parts = own(calendars, fn);
  const { nesting, intervalsPerDay } = checkLimits(parts, fn);
  const first = parts[0] as Calendar;
  const rest = parts.slice(1);
  return new Calendar({
    timeZone: first.timeZone,
    definition: null,
    intervalsPerDay,
    nesting,
    compile: (k) => rest.reduce((acc, cal) => op(acc, cal.raw(k)), first.raw(k)),
    isBusinessDay: null,
  });
}
