import { MAX_INPUT_DEPTH, checkDepth, deepFreeze, parseWithSchema, safely, type SafeResult } from "@supportops/core";
import type { BusinessCalendar } from "./BusinessCalendar.js";
import { CalendarDefinitionSchema, type CalendarDefinition } from "./CalendarDefinition.js";
import { SlaError, type CalendarIssueCode } from "./SlaError.js";
import { Calendar } from "./internal/Calendar.js";
import { compileRulesChunk, intervalsOf, toRules } from "./internal/rules.js";
import { DAY_MS } from "./internal/constants.js";
import { instantAtWall } from "./internal/zoneOffsets.js";

/**
 * Validates a calendar definition and compiles it into a {@link BusinessCalendar}.
 *
 * Creation only validates and indexes the definition; absolute open intervals are computed lazily, a
 * chunk of about 13 months at a time, on first use. The input is not mutated; the calendar keeps a
 * frozen copy as `definition`.
 *
 * @param definition - the zone, weekly hours, overrides and holidays (plain JSON)
 * @returns the compiled, immutable calendar
 * @throws {@link SlaError} `invalid_calendar`, with one issue per problem and its path (e.g.
 *   `weekly.mon[1]`), when the definition is rejected by {@link CalendarDefinitionSchema}; an unknown
 *   zone, including the legacy names `EST`, `CET`, `EST5EDT`, …, is an issue `invalid_time_zone` at
 *   `timeZone` that names the location to use; a day with more intervals than
 *   `CALENDAR_LIMITS.maxIntervalsPerDay` is an issue `too_many_intervals`; input nested deeper
 *   than core's `MAX_INPUT_DEPTH` (or referring back to itself) is a single issue `too_deep`
 * @example
 * const cal = createCalendar({
 *   timeZone: "America/New_York",
 *   weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]],
 *             thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
 *   holidays: ["2026-12-25"],
 * });
 * cal.isOpen("2026-03-09T09:00:00-04:00");                                  // => true
 * cal.addBusinessTime("2026-03-06T16:00:00-05:00", { hours: 2 }).toISOString(); // => "2026-03-09T14:00:00.000Z"
 */
export function createCalendar(definition: CalendarDefinition): BusinessCalendar {
  // Before anything walks the input: a definition is five levels deep, so this only stops runaway
  // (or self-referencing) input, with a typed error instead of a stack overflow.
  const tooDeep = checkDepth(definition, MAX_INPUT_DEPTH);
  if (tooDeep !== undefined) throw new SlaError("invalid_calendar", [tooDeep]);
  const parsed = parseWithSchema<typeof CalendarDefinitionSchema, CalendarIssueCode>(CalendarDefinitionSchema, definition);
  if (!parsed.success) throw new SlaError("invalid_calendar", parsed.issues);
  const frozen = deepFreeze(parsed.data);
  const rules = toRules(frozen);
  return new Calendar({
    timeZone: frozen.timeZone,
    definition: frozen,
    intervalsPerDay: rules.intervalsPerDay,
    nesting: 0,
    compile: (k, chunkStart, chunkEnd) => compileRulesChunk(rules, k, chunkStart, chunkEnd),
    // A business day owns at least one interval after holidays and overrides (an overnight shift
    // counts for the date it starts on), and occurs on the zone's wall clock at all: a date the zone
    // skipped (Pacific/Apia's 2011-12-30) is no business day.
    isBusinessDay: (day) =>
      intervalsOf(rules, day).length > 0 && instantAtWall(frozen.timeZone, day * DAY_MS) < instantAtWall(frozen.timeZone, (day + 1) * DAY_MS),
  });
}

/**
 * {@link createCalendar} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 * It takes `unknown`, so JSON read from a database or a request goes in as it is.
 *
 * @param definition - the calendar definition (any value: it is validated)
 * @returns the calendar, or the {@link SlaError} `createCalendar` would have thrown
 * @example
 * const result = safeCreateCalendar(JSON.parse('{ "timeZone": "UTC", "weekly": { "saturday": [["09:00", "13:00"]] } }'));
 * if (!result.success) result.error.issues[0].message;
 * // => 'unknown key "saturday"; use "sat" (allowed: mon, tue, wed, thu, fri, sat, sun)'
 */
export function safeCreateCalendar(definition: unknown): SafeResult<BusinessCalendar, SlaError> {
  return safely(SlaError, () => createCalendar(definition as CalendarDefinition));
}
