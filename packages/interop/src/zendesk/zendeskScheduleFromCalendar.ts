import type { IssuePath } from "@supportops/core";
import type { CalendarDefinition, TimeInterval } from "@supportops/sla";
import { z } from "zod";
import { ianaFromRailsTimeZone } from "../ianaFromRailsTimeZone.js";
import { InteropError } from "../InteropError.js";
import { railsTimeZoneFromIana } from "../railsTimeZoneFromIana.js";
import { compileImported } from "../internal/calendar.js";
import { DAY_MS, dayOfIsoDate, isoDateOfDay, MINUTE_MS, readTimeOfDay, weekdayOfDay, WEEKDAY_KEYS } from "../internal/clock.js";
import { argumentError, exportError, parseOptions } from "../internal/payload.js";
import { RAILS_TO_IANA, canonicalZone } from "../internal/zones.js";

/**
 * Options of {@link zendeskScheduleFromCalendar}.
 *
 * @example
 * const options: ZendeskExportOptions = { name: "Support", timeZoneName: "London" };
 */
export interface ZendeskExportOptions {
  /** The schedule's name; default the definition's `name` (one of the two is required). */
  readonly name?: string;
  /**
   * The Rails zone name to send; it must name the definition's zone. Default: the first Rails name of
   * that zone (pass the imported `source.timeZoneName` to keep, say, `"London"` rather than `"Edinburgh"`).
   */
  readonly timeZoneName?: string;
}

/**
 * What {@link zendeskScheduleFromCalendar} produces: the body of `POST /api/v2/business_hours/schedules`
 * (with `intervals` for `PUT …/{id}/workweek`), and one body per holiday range for
 * `POST …/{id}/holidays`.
 *
 * @example
 * const out: ZendeskScheduleExport = {
 *   schedule: { name: "Support", time_zone: "London", intervals: [{ start_time: 1980, end_time: 2460 }] },
 *   holidays: [{ name: "Christmas", start_date: "2026-12-25", end_date: "2026-12-26" }],
 * };
 */
export interface ZendeskScheduleExport {
  readonly schedule: {
    readonly name: string;
    readonly time_zone: string;
    readonly intervals: ReadonlyArray<{ readonly start_time: number; readonly end_time: number }>;
  };
  readonly holidays: ReadonlyArray<{ readonly name: string; readonly start_date: string; readonly end_date: string }>;
}

const OptionsSchema = z.object({ name: z.string().min(1).optional(), timeZoneName: z.string().min(1).optional() });

interface Refusal {
  readonly path: IssuePath;
  readonly message: string;
}

/**
 * A Zendesk schedule and its holidays from a calendar definition, for everything Zendesk can hold.
 * Intervals are emitted as Zendesk stores them today: split at midnight (an overnight `22:00–06:00` on
 * Friday becomes `8520–8640` and `8640–9000`), in minutes from Sunday 00:00, sorted. Consecutive holiday
 * dates with the same name become one range. An override with no hours is a holiday.
 *
 * Refused, with one `invalid_vendor_export` issue per problem (path into the definition):
 * - a time that is not a whole minute (Zendesk counts minutes);
 * - an override with hours (Zendesk holidays close whole dates; it has no replacement hours);
 * - an overnight interval with a holiday on either of its dates: Zendesk removes whole dates from
 *   intervals split at midnight, so the part on the other date would wrongly stay or go;
 * - a zone with no Rails name (`invalid_time_zone`), or a `timeZoneName` that names another zone.
 *
 * @param definition - the calendar definition (validated with sla's `createCalendar` first)
 * @param options - the schedule's name and Rails zone name
 * @returns the schedule and holiday bodies
 * @throws {@link InteropError} `invalid_vendor_export`, `invalid_time_zone`, `invalid_calendar`, `invalid_argument` (no name)
 * @example
 * const out = zendeskScheduleFromCalendar({
 *   name: "Night desk", timeZone: "Europe/London",
 *   weekly: { mon: [["09:00", "17:00"]], fri: [["22:00", "06:00"]] },
 *   holidays: ["2026-12-23"],
 * }, { timeZoneName: "London" });
 * out.schedule.intervals; // => [{ start_time: 1980, end_time: 2460 }, { start_time: 8520, end_time: 8640 }, { start_time: 8640, end_time: 9000 }]
 * out.holidays;           // => [{ name: "Holiday", start_date: "2026-12-23", end_date: "2026-12-23" }]
 */
export function zendeskScheduleFromCalendar(definition: CalendarDefinition, options: ZendeskExportOptions = {}): ZendeskScheduleExport {
  compileImported(definition, []);
  const opts = parseOptions(OptionsSchema, options);
  const name = opts.name ?? definition.name;
  if (name === undefined || name === "") argumentError(["name"], "a Zendesk schedule needs a name: give the definition a `name` or pass `{ name }`");
  const timeZoneName = exportZoneName(definition.timeZone, opts.timeZoneName);

  const refusals: Refusal[] = [];
  const intervals: Array<{ start_time: number; end_time: number }> = [];
  /** Weekdays (0 = Sunday) that start an overnight interval, with its path. */
  const overnight = new Map<number, IssuePath>();
  WEEKDAY_KEYS.forEach((key, day) => {
    (definition.weekly[key] ?? []).forEach((interval: TimeInterval, index) => {
      const path = ["weekly", key, index];
      const start = readTimeOfDay(interval[0]);
      let end = readTimeOfDay(interval[1]);
      if (start % MINUTE_MS !== 0 || end % MINUTE_MS !== 0) {
        refusals.push({ path, message: `${interval[0]}–${interval[1]} is not in whole minutes; Zendesk schedules count minutes` });
        return;
      }
      if (end <= start) {
        end += DAY_MS;
        overnight.set(day, path);
      }
      const base = day * 1440;
      const startMinute = base + start / MINUTE_MS;
      const endMinute = base + end / MINUTE_MS;
      if (endMinute <= (day + 1) * 1440) {
        intervals.push({ start_time: startMinute, end_time: endMinute });
      } else {
        intervals.push({ start_time: startMinute, end_time: (day + 1) * 1440 });
        // Saturday's night runs into Sunday, the start of Zendesk's week.
        const spill = endMinute - (day + 1) * 1440;
        const next = ((day + 1) % 7) * 1440;
        intervals.push({ start_time: next, end_time: next + spill });
      }
    });
  });
  intervals.sort((a, b) => a.start_time - b.start_time);

  // Holidays, and overrides that close a whole date.
  const closed = new Map<number, { name: string | undefined; path: IssuePath }>();
  (definition.holidays ?? []).forEach((holiday, index) => {
    const date = typeof holiday === "string" ? holiday : holiday.date;
    closed.set(dayOfIsoDate(date) as number, { name: typeof holiday === "string" ? undefined : holiday.name, path: ["holidays", index] });
  });
  (definition.overrides ?? []).forEach((override, index) => {
    if (override.hours.length === 0) {
      closed.set(dayOfIsoDate(override.date) as number, { name: override.name, path: ["overrides", index] });
    } else {
      refusals.push({
        path: ["overrides", index],
        message: `${override.date} has replacement hours; Zendesk holidays close whole dates and a schedule has no per-date hours (use a second schedule for that date, or close it)`,
      });
    }
  });
  for (const [day, { path }] of closed) {
    const own = overnight.get(weekdayOfDay(day));
    const previous = overnight.get(weekdayOfDay(day - 1));
    if (own !== undefined) {
      refusals.push({ path, message: `${isoDateOfDay(day)} starts the overnight interval ${formatPathShort(own)}; Zendesk would close only its part before midnight` });
    }
    if (previous !== undefined) {
      refusals.push({ path, message: `${isoDateOfDay(day)} holds the end of the overnight interval ${formatPathShort(previous)} started the day before; Zendesk would close that part too` });
    }
  }
  if (refusals.length > 0) exportError(refusals);

  const holidays: Array<{ name: string; start_date: string; end_date: string }> = [];
  const days = [...closed.keys()].sort((a, b) => a - b);
  for (let i = 0; i < days.length; ) {
    const first = days[i] as number;
    const label = closed.get(first)?.name;
    let last = first;
    while (i + 1 < days.length && days[i + 1] === last + 1 && closed.get(last + 1)?.name === label) {
      last += 1;
      i += 1;
    }
    i += 1;
    holidays.push({ name: label ?? "Holiday", start_date: isoDateOfDay(first), end_date: isoDateOfDay(last) });
  }
  return { schedule: { name, time_zone: timeZoneName, intervals }, holidays };
}

function formatPathShort(path: IssuePath): string {
  return `weekly.${String(path[1])}[${String(path[2])}]`;
}

function exportZoneName(zone: string, wanted: string | undefined): string {
  if (wanted !== undefined) {
    if (!RAILS_TO_IANA.has(wanted)) {
      throw new InteropError("invalid_time_zone", [
        { code: "invalid_time_zone", path: ["timeZoneName"], message: `"${wanted}" is not a Rails time-zone name (Zendesk takes those only; see RAILS_TIME_ZONES)` },
      ]);
    }
    let iana: string;
    try {
      iana = ianaFromRailsTimeZone(wanted);
    } catch (error) {
      if (!(error instanceof InteropError)) throw error;
      throw new InteropError("invalid_time_zone", error.issues.map((issue) => ({ ...issue, path: ["timeZoneName"] })), { cause: error });
    }
    if (canonicalZone(iana) !== canonicalZone(zone)) {
      throw new InteropError("invalid_time_zone", [
        { code: "invalid_time_zone", path: ["timeZoneName"], message: `"${wanted}" is ${iana}, not the calendar's zone ${zone}` },
      ]);
    }
    return wanted;
  }
  const rails = railsTimeZoneFromIana(zone);
  if (rails === null) {
    throw new InteropError("invalid_time_zone", [
      {
        code: "invalid_time_zone",
        path: ["timeZone"],
        message: `${zone} has no Rails time-zone name, and Zendesk schedules need one; pass { timeZoneName } with a Rails name of a zone that has the same rules, if there is one`,
      },
    ]);
  }
  return rails;
}
