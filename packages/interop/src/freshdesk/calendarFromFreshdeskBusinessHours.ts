import type { IssuePath } from "@supportops/core";
import type { CalendarDefinition } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { ianaFromRailsTimeZone } from "../ianaFromRailsTimeZone.js";
import { InteropError } from "../InteropError.js";
import { compileImported, weeklyFromDays, type MsInterval } from "../internal/calendar.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEKDAY_NAMES } from "../internal/clock.js";
import { parsePayload, payloadError } from "../internal/payload.js";

/**
 * A Freshdesk business-hours record (`GET /api/v2/business_hours/{id}`), as far as the importer reads
 * it. The documentation names the weekly hours `business_hours`; real records name them
 * `working_hours`; both are read. Times are 12-hour clock strings (`"9:00 am"`, `"08:00:00 am"`).
 *
 * @example
 * const hours: FreshdeskBusinessHours = {
 *   id: 1, name: "General working hours", time_zone: "Eastern Time (US & Canada)",
 *   business_hours: { monday: { start_time: "8:00 am", end_time: "5:00 pm" } },
 * };
 */
export interface FreshdeskBusinessHours {
  readonly id?: number | string;
  readonly name?: string;
  readonly time_zone: string;
  readonly is_default?: boolean;
  readonly business_hours?: Readonly<Record<string, { readonly start_time: string; readonly end_time: string }>>;
  readonly working_hours?: Readonly<Record<string, { readonly start_time: string; readonly end_time: string }>>;
}

/**
 * What {@link calendarFromFreshdeskBusinessHours} keeps of the vendor's data.
 *
 * @example
 * const source: FreshdeskBusinessHoursSource = { vendor: "freshdesk", id: 1, name: "General", timeZoneName: "Magadan", isDefault: true, hoursKey: "working_hours" };
 */
export interface FreshdeskBusinessHoursSource {
  readonly vendor: "freshdesk";
  readonly id: number | string | null;
  readonly name: string | null;
  readonly timeZoneName: string;
  readonly isDefault: boolean | null;
  /** Which key held the weekly hours. */
  readonly hoursKey: "business_hours" | "working_hours";
}

const DaySchema = z.object({ start_time: z.string(), end_time: z.string() });
const Schema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string().optional(),
  time_zone: z.string().min(1),
  is_default: z.boolean().optional(),
  business_hours: z.record(z.string(), DaySchema).optional(),
  working_hours: z.record(z.string(), DaySchema).optional(),
});

const CLOCK_12 = /^(\d{1,2}):(\d\d)(?::(\d\d))?\s*([ap])\.?m\.?$/i;

/** ms since midnight of a 12-hour clock reading (`12:00 am` is midnight, `12:00 pm` noon). */
function readTwelveHourClock(text: string, path: IssuePath): number {
  const match = CLOCK_12.exec(text.trim());
  const hour = match === null ? Number.NaN : Number(match[1]);
  const minute = match === null ? Number.NaN : Number(match[2]);
  const second = match?.[3] === undefined ? 0 : Number(match[3]);
  if (match === null || hour < 1 || hour > 12 || minute > 59 || second > 59) {
    payloadError(path, `${JSON.stringify(text)} is not a 12-hour clock time such as "9:00 am" or "05:00:00 pm"`);
  }
  const pm = (match[4] as string).toLowerCase() === "p";
  const h24 = (hour % 12) + (pm ? 12 : 0);
  return h24 * HOUR_MS + minute * MINUTE_MS + second * 1000;
}

/**
 * A calendar definition from Freshdesk business hours.
 *
 * - Weekly hours come from `business_hours` (the documented key) or `working_hours` (the key real
 *   records use); each weekday has one interval; a weekday that is missing is closed.
 * - Times are 12-hour clock strings with or without seconds. An end of `"11:59:59 pm"` — how Freshdesk
 *   writes "until midnight" — is read as `24:00`, so a day does not lose its last second; an end of
 *   `"12:00 am"` is midnight at the end of the day too. Intervals never run past midnight.
 * - `time_zone` is a Rails display name (the full table, `RAILS_TIME_ZONES` of `@supportops/interop`); an unknown name is an
 *   error, never UTC.
 * - Freshdesk's API has no holidays: the calendar has none, and the issue `holidays_not_available`
 *   says so. Add them to `definition.holidays` yourself.
 *
 * @param hours - the business-hours record (or `{ "business_hours": … }` is *not* a wrapper here:
 *   pass the record itself)
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (an unreadable clock time, an unknown weekday,
 * an end before the start, both keys with different hours), `invalid_time_zone`, `invalid_calendar`
 * @example
 * const { definition, issues } = calendarFromFreshdeskBusinessHours({
 *   id: 7, name: "EU", time_zone: "London",
 *   working_hours: { monday: { start_time: "8:00 am", end_time: "5:00 pm" }, tuesday: { start_time: "12:00 am", end_time: "11:59:59 pm" } },
 * });
 * definition; // => { timeZone: "Europe/London", weekly: { mon: [["08:00", "17:00"]], tue: [["00:00", "24:00"]] }, name: "EU" }
 * issues[0].code; // => "holidays_not_available"
 */
export function calendarFromFreshdeskBusinessHours(hours: FreshdeskBusinessHours): ImportResult<CalendarDefinition, FreshdeskBusinessHoursSource> {
  const parsed = parsePayload(Schema, hours, [], "Freshdesk business hours");
  let timeZone: string;
  try {
    timeZone = ianaFromRailsTimeZone(parsed.time_zone);
  } catch (error) {
    if (!(error instanceof InteropError)) throw error;
    throw new InteropError("invalid_time_zone", error.issues.map((issue) => ({ ...issue, path: ["time_zone"] })), { cause: error });
  }
  const hoursKey = parsed.business_hours !== undefined ? "business_hours" : "working_hours";
  const table = parsed.business_hours ?? parsed.working_hours;
  if (table === undefined) payloadError([], "the record has neither business_hours nor working_hours");
  if (parsed.business_hours !== undefined && parsed.working_hours !== undefined && JSON.stringify(parsed.business_hours) !== JSON.stringify(parsed.working_hours)) {
    payloadError(["working_hours"], "business_hours and working_hours disagree; send one of them");
  }
  const days: MsInterval[][] = [[], [], [], [], [], [], []];
  for (const [dayName, { start_time, end_time }] of Object.entries(table)) {
    const path = [hoursKey, dayName];
    const index = WEEKDAY_NAMES.indexOf(dayName.toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    if (index < 0) payloadError(path, `"${dayName}" is not a weekday; use monday … sunday`);
    const start = readTwelveHourClock(start_time, [...path, "start_time"]);
    let end = readTwelveHourClock(end_time, [...path, "end_time"]);
    // "11:59:59 pm" is Freshdesk's "until midnight"; "12:00 am" as an end is midnight too.
    if (end === DAY_MS - 1000 || end === 0) end = DAY_MS;
    if (end <= start) payloadError([...path, "end_time"], `the day ends (${end_time}) before it starts (${start_time}); Freshdesk hours do not run past midnight`);
    days[index]?.push([start, end]);
  }
  const definition: CalendarDefinition = { timeZone, weekly: weeklyFromDays(days), ...(parsed.name !== undefined && parsed.name !== "" ? { name: parsed.name } : {}) };
  compileImported(definition, []);
  const issues: InteropIssue[] = [
    {
      code: "holidays_not_available",
      path: [],
      message: "Freshdesk's business-hours API carries no holidays: the calendar has none; add them to definition.holidays",
    },
  ];
  return {
    definition,
    source: { vendor: "freshdesk", id: parsed.id ?? null, name: parsed.name ?? null, timeZoneName: parsed.time_zone, isDefault: parsed.is_default ?? null, hoursKey },
    issues,
  };
}
