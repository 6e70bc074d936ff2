import type { BusinessCalendar } from "./BusinessCalendar.js";
import { SlaError } from "./SlaError.js";
import { Calendar } from "./internal/Calendar.js";
import type { RawChunk } from "./internal/rules.js";

function own(calendars: ReadonlyArray<BusinessCalendar>, fn: string): Calendar[] {
  if (calendars.length === 0) {
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

function intersectRuns(a: RawChunk, b: RawChunk): RawChunk {
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

function unionRuns(a: RawChunk, b: RawChunk): RawChunk {
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

function combine(calendars: ReadonlyArray<BusinessCalendar>, fn: string, op: (a: RawChunk, b: RawChunk) => RawChunk): BusinessCalendar {
  const parts = own(calendars, fn);
  const first = parts[0] as Calendar;
  return new Calendar({
    timeZone: first.timeZone,
    definition: null,
    compile: (k) => parts.slice(1).reduce((acc, cal) => op(acc, cal.raw(k)), first.raw(k)),
    isBusinessDay: null,
  });
}

/**
 * The calendar open exactly when every given calendar is open (e.g. a team's hours ∩ a contract's
 * hours): a set operation on absolute open time, so calendars in different zones combine correctly.
 * Day-based operations (`addBusinessDays`) use the first calendar's zone, and a business day there is
 * a local date with some open time.
 *
 * @param first - the calendar whose zone the result takes
 * @param others - more calendars
 * @returns the intersection (its `definition` is `null`)
 * @throws {@link SlaError} `invalid_argument` when a calendar was not made by this package
 * @example
 * const team = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
 * const contract = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
 * const both = intersectCalendars(team, contract);
 * both.openIntervals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z").map((r) => [r.start.toISOString(), r.end.toISOString()]);
 * // => [["2026-03-02T14:00:00.000Z", "2026-03-02T16:00:00.000Z"]]
 */
export function intersectCalendars(first: BusinessCalendar, ...others: ReadonlyArray<BusinessCalendar>): BusinessCalendar {
  return combine([first, ...others], "intersectCalendars", intersectRuns);
}

/**
 * The calendar open whenever any given calendar is open (e.g. follow-the-sun coverage by several
 * regional teams). Day-based operations use the first calendar's zone, as for {@link intersectCalendars}.
 *
 * @param first - the calendar whose zone the result takes
 * @param others - more calendars
 * @returns the union (its `definition` is `null`)
 * @throws {@link SlaError} `invalid_argument` when a calendar was not made by this package
 * @example
 * const london = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["08:00", "16:00"]] } });
 * const newYork = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]] } });
 * unionCalendars(london, newYork).businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"); // => 50400000 (08:00–22:00 UTC)
 */
export function unionCalendars(first: BusinessCalendar, ...others: ReadonlyArray<BusinessCalendar>): BusinessCalendar {
  return combine([first, ...others], "unionCalendars", unionRuns);
}
