import { rethrowAs, type IssuePath } from "@supportops/core";
import { createCalendar, type BusinessCalendar, type CalendarDefinition, type Holiday, type TimeInterval, type WeeklyHours } from "@supportops/sla";
import { InteropError } from "../InteropError.js";
import { formatTimeOfDay, WEEKDAY_KEYS } from "./clock.js";

/** Intervals in ms since local midnight, `[start, end)`, end up to 86 400 000 (24:00). */
export type MsInterval = readonly [start: number, end: number];

/** Weekly hours from seven lists of same-day intervals indexed Sunday = 0 (empty days left out). */
export function weeklyFromDays(days: ReadonlyArray<ReadonlyArray<MsInterval>>): WeeklyHours {
  const weekly: Partial<Record<(typeof WEEKDAY_KEYS)[number], TimeInterval[]>> = {};
  // Monday first, as calendar definitions are usually written.
  for (const index of [1, 2, 3, 4, 5, 6, 0]) {
    const list = [...(days[index] ?? [])].sort((a, b) => a[0] - b[0]);
    if (list.length > 0) weekly[WEEKDAY_KEYS[index] as (typeof WEEKDAY_KEYS)[number]] = list.map(toTimeInterval);
  }
  return weekly;
}

export function toTimeInterval([start, end]: MsInterval): TimeInterval {
  return [formatTimeOfDay(start), formatTimeOfDay(end)];
}

/** Compiles an imported definition with sla; a rejection is an `invalid_calendar` InteropError. */
export function compileImported(definition: CalendarDefinition, path: IssuePath): BusinessCalendar {
  return rethrowAs(InteropError, () => createCalendar(definition), path, "invalid_calendar");
}

/** Holidays as `{ date, name }` (or the bare date when unnamed), sorted by date. */
export function sortedHolidays(byDate: ReadonlyMap<string, string | undefined>): Array<string | Holiday> {
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, name]) => (name === undefined || name === "" ? date : { date, name }));
}
