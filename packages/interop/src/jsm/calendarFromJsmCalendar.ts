import type { CalendarDefinition } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { InteropError } from "../InteropError.js";
import { compileImported, sortedHolidays, weeklyFromDays, type MsInterval } from "../internal/calendar.js";
import { DAY_MS, dayOfIsoDate, dayOfYmd, isoDateOfDay, WEEKDAY_NAMES } from "../internal/clock.js";
import { argumentError, parseOptions, parsePayload, payloadError } from "../internal/payload.js";
import { isTimeZone } from "../internal/zones.js";

/**
 * A Jira Service Management calendar (working hours), as the internal working-hours routes return it:
 * an IANA `timezoneId`, working times in **milliseconds since local midnight** per weekday, and
 * holidays with an ISO date and a `recurring` flag (every year on that month and day).
 *
 * @example
 * const calendar: JsmCalendar = {
 *   id: 1, name: "Support hours", timezoneId: "Asia/Seoul",
 *   workingTimes: [{ weekday: "monday", start: 32400000, end: 61200000 }],
 *   holidays: [{ name: "New Year", iso8601Date: "2027-01-01", recurring: true }],
 * };
 */
export interface JsmCalendar {
  readonly id?: number | string;
  readonly name?: string;
  readonly timezoneId: string;
  readonly workingTimes: ReadonlyArray<{ readonly weekday: string; readonly start: number; readonly end: number }>;
  readonly holidays?: ReadonlyArray<{ readonly name?: string; readonly iso8601Date: string; readonly recurring?: boolean }>;
}

/**
 * Options of {@link calendarFromJsmCalendar}: the years a recurring holiday is written out for.
 *
 * @example
 * const options: JsmCalendarOptions = { fromYear: 2026, toYear: 2030 };
 */
export interface JsmCalendarOptions {
  /** The first year (inclusive) recurring holidays are expanded for; default each holiday's own year. */
  readonly fromYear?: number;
  /** The last year (inclusive); default `fromYear` + 10. */
  readonly toYear?: number;
}

/**
 * What {@link calendarFromJsmCalendar} keeps of the vendor's data.
 *
 * @example
 * const source: JsmCalendarSource = { vendor: "jsm", id: 1, name: "Support hours", holidays: [] };
 */
export interface JsmCalendarSource {
  readonly vendor: "jsm";
  readonly id: number | string | null;
  readonly name: string | null;
  readonly holidays: ReadonlyArray<{ readonly name: string | null; readonly iso8601Date: string; readonly recurring: boolean }>;
}

const OptionsSchema = z.object({ fromYear: z.number().int().min(1970).max(2199).optional(), toYear: z.number().int().min(1970).max(2199).optional() });

const Schema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string().optional(),
  timezoneId: z.string().min(1),
  workingTimes: z.array(z.object({ weekday: z.string(), start: z.number().int(), end: z.number().int() })).max(700),
  holidays: z.array(z.object({ name: z.string().optional(), iso8601Date: z.string(), recurring: z.boolean().optional() })).max(10_000).optional(),
});

/**
 * A calendar definition from a JSM calendar. Working times are milliseconds since local midnight
 * (`32400000` is 09:00; `86400000` is 24:00), several per weekday allowed (a lunch break); an entry
 * whose end is not after its start is refused (JSM does not document entries past midnight). A
 * `recurring` holiday closes its month and day every year from `fromYear` to `toYear`; a 29 February
 * recurs only in leap years.
 *
 * @param calendar - the JSM calendar object
 * @param options - the years recurring holidays are written out for
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload`, `invalid_time_zone`, `invalid_argument` (a
 * year range that is not whole years, or more than 200), `invalid_calendar`
 * @example
 * const { definition } = calendarFromJsmCalendar({
 *   name: "Support hours", timezoneId: "Asia/Seoul",
 *   workingTimes: [{ weekday: "monday", start: 32400000, end: 43200000 }, { weekday: "monday", start: 46800000, end: 64800000 }],
 *   holidays: [{ name: "Christmas", iso8601Date: "2026-12-25", recurring: true }],
 * }, { toYear: 2027 });
 * definition.weekly;   // => { mon: [["09:00", "12:00"], ["13:00", "18:00"]] }
 * definition.holidays; // => [{ date: "2026-12-25", name: "Christmas" }, { date: "2027-12-25", name: "Christmas" }]
 */
export function calendarFromJsmCalendar(calendar: JsmCalendar, options: JsmCalendarOptions = {}): ImportResult<CalendarDefinition, JsmCalendarSource> {
  const parsed = parsePayload(Schema, calendar, [], "a JSM calendar");
  const opts = parseOptions(OptionsSchema, options);
  if (!isTimeZone(parsed.timezoneId)) {
    throw new InteropError("invalid_time_zone", [{ code: "invalid_time_zone", path: ["timezoneId"], message: `"${parsed.timezoneId}" is not an IANA time-zone name` }]);
  }
  const days: MsInterval[][] = [[], [], [], [], [], [], []];
  parsed.workingTimes.forEach(({ weekday, start, end }, index) => {
    const path = ["workingTimes", index];
    const day = WEEKDAY_NAMES.indexOf(weekday.toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    if (day < 0) payloadError([...path, "weekday"], `"${weekday}" is not a weekday; JSM writes "monday" … "sunday"`);
    if (start < 0 || end > DAY_MS || end <= start) {
      payloadError(path, `${start}–${end} is not a working time inside one day: 0 ≤ start < end ≤ 86400000 (ms since local midnight)`);
    }
    days[day]?.push([start, end]);
  });
  const holidays = new Map<string, string | undefined>();
  for (const [index, holiday] of (parsed.holidays ?? []).entries()) {
    const day = dayOfIsoDate(holiday.iso8601Date);
    if (day === null) payloadError(["holidays", index, "iso8601Date"], `${JSON.stringify(holiday.iso8601Date)} is not a date; write "YYYY-MM-DD"`);
    const date = isoDateOfDay(day);
    if (holiday.recurring !== true) {
      if (!holidays.has(date)) holidays.set(date, holiday.name);
      continue;
    }
    const ownYear = Number(date.slice(0, 4));
    const fromYear = opts.fromYear ?? ownYear;
    const toYear = opts.toYear ?? fromYear + 10;
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > 200) {
      argumentError(["toYear"], `the years ${fromYear}–${toYear} are not a range of at most 200 whole years`);
    }
    for (let year = fromYear; year <= toYear; year++) {
      const recurring = dayOfYmd(year, Number(date.slice(5, 7)), Number(date.slice(8, 10)));
      if (recurring === null) continue;
      const text = isoDateOfDay(recurring);
      if (!holidays.has(text)) holidays.set(text, holiday.name);
    }
  }
  const definition: CalendarDefinition = {
    timeZone: parsed.timezoneId,
    weekly: weeklyFromDays(days),
    ...(holidays.size > 0 ? { holidays: sortedHolidays(holidays) } : {}),
    ...(parsed.name !== undefined && parsed.name !== "" ? { name: parsed.name } : {}),
  };
  compileImported(definition, []);
  const issues: InteropIssue[] = [];
  return {
    definition,
    source: {
      vendor: "jsm",
      id: parsed.id ?? null,
      name: parsed.name ?? null,
      holidays: (parsed.holidays ?? []).map((h) => ({ name: h.name ?? null, iso8601Date: h.iso8601Date, recurring: h.recurring ?? false })),
    },
    issues,
  };
}
