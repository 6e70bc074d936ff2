import type { CalendarDefinition } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult } from "../ImportResult.js";
import { ianaFromRailsTimeZone } from "../ianaFromRailsTimeZone.js";
import { InteropError } from "../InteropError.js";
import { compileImported, sortedHolidays, weeklyFromDays, type MsInterval } from "../internal/calendar.js";
import { dayOfIsoDate, isoDateOfDay, MINUTE_MS } from "../internal/clock.js";
import { parsePayload, payloadError } from "../internal/payload.js";
import { ZendeskHolidaySchema, ZendeskScheduleSchema, type ZendeskHoliday, type ZendeskSchedule } from "./ZendeskSchedule.js";

const WEEK_MINUTES = 7 * 1440;
/** A holiday longer than this many days is refused as a likely typo (ten years). */
const MAX_HOLIDAY_DAYS = 3660;

/**
 * What {@link calendarFromZendeskSchedule} keeps of the vendor's own data: the schedule's id and name,
 * its Rails zone name as written (`"Quito"` stays `"Quito"` though its zone is `America/Lima`), the
 * intervals as given, and each holiday's id, name and date range.
 *
 * @example
 * const source: ZendeskScheduleSource = {
 *   vendor: "zendesk", id: 1, name: "Support", timeZoneName: "London",
 *   intervals: [{ start_time: 1980, end_time: 2460 }], holidays: [],
 * };
 */
export interface ZendeskScheduleSource {
  readonly vendor: "zendesk";
  readonly id: number | string | null;
  readonly name: string;
  readonly timeZoneName: string;
  readonly intervals: ReadonlyArray<{ readonly start_time: number; readonly end_time: number }>;
  readonly holidays: ReadonlyArray<{ readonly id: number | string | null; readonly name: string | null; readonly startDate: string; readonly endDate: string }>;
}

function unwrap(input: unknown, key: string): { value: unknown; base: Array<string | number> } {
  if (input !== null && typeof input === "object" && !Array.isArray(input) && key in input) {
    return { value: (input as Record<string, unknown>)[key], base: [key] };
  }
  return { value: input, base: [] };
}

/**
 * A calendar definition from a Zendesk schedule and, optionally, its holidays.
 *
 * - Intervals are minutes from Sunday 00:00 in the schedule's zone (`day = floor(t / 1440)`, 0 =
 *   Sunday). Every `0 ≤ start_time < end_time ≤ 10080` is accepted, including the multi-day intervals
 *   old schedules hold (`1980–3900` is Monday 09:00 to **Tuesday** 17:00): they are split at each
 *   midnight. Intervals Zendesk already split at midnight (`…–4320`, `4320–…`) import as they are,
 *   one ending at `24:00` and the next starting at `00:00`.
 * - Overlapping intervals are refused (`invalid_vendor_payload`, naming both).
 * - `time_zone` is a Rails display name mapped with the full Rails table (`RAILS_TIME_ZONES`, exported by `@supportops/interop`);
 *   an IANA name is accepted as is; anything else is `invalid_time_zone`, never UTC.
 * - Holidays close every date from `start_date` to `end_date`, both inclusive (`start_time` /
 *   `end_time`, the keys of an old documentation example, are read too).
 *
 * @param schedule - the `schedule` object, or the whole `{ "schedule": … }` response
 * @param holidays - the holidays, as an array or the whole `{ "holidays": […] }` response
 * @returns `{ definition, source, issues }`; `definition` is checked with sla's `createCalendar`
 * @throws {@link InteropError} `invalid_vendor_payload` (shape, an interval outside the week, overlaps,
 * an impossible date), `invalid_time_zone`, or `invalid_calendar` (no open time)
 * @example
 * const { definition } = calendarFromZendeskSchedule(
 *   { id: 1, name: "Support", time_zone: "Eastern Time (US & Canada)", intervals: [{ start_time: 1980, end_time: 3900 }] },
 *   [{ name: "New Year", start_date: "2027-01-01", end_date: "2027-01-01" }],
 * );
 * definition.timeZone; // => "America/New_York"
 * definition.weekly;   // => { mon: [["09:00", "24:00"]], tue: [["00:00", "17:00"]] }
 * definition.holidays; // => [{ date: "2027-01-01", name: "New Year" }]
 */
export function calendarFromZendeskSchedule(
  schedule: ZendeskSchedule | { readonly schedule: ZendeskSchedule },
  holidays?: ReadonlyArray<ZendeskHoliday> | { readonly holidays: ReadonlyArray<ZendeskHoliday> },
): ImportResult<CalendarDefinition, ZendeskScheduleSource> {
  const { value: rawSchedule, base } = unwrap(schedule, "schedule");
  const parsed = parsePayload(ZendeskScheduleSchema, rawSchedule, base, "a Zendesk schedule");
  let timeZone: string;
  try {
    timeZone = ianaFromRailsTimeZone(parsed.time_zone);
  } catch (error) {
    if (!(error instanceof InteropError)) throw error;
    throw new InteropError("invalid_time_zone", error.issues.map((issue) => ({ ...issue, path: [...base, "time_zone"] })), { cause: error });
  }

  // Split every interval at each midnight; remember which vendor interval each piece came from.
  const pieces: Array<Array<{ interval: MsInterval; from: number }>> = [[], [], [], [], [], [], []];
  parsed.intervals.forEach(({ start_time: start, end_time: end }, index) => {
    const path = [...base, "intervals", index];
    if (start < 0 || end > WEEK_MINUTES || start >= end) {
      payloadError(
        path,
        `interval ${start}–${end} is not inside the week: write 0 ≤ start_time < end_time ≤ 10080 (minutes from Sunday 00:00; Monday 09:00–17:00 is 1980–2460)`,
      );
    }
    for (let day = Math.floor(start / 1440); day * 1440 < end; day++) {
      const from = Math.max(start, day * 1440) - day * 1440;
      const to = Math.min(end, (day + 1) * 1440) - day * 1440;
      if (to > from) pieces[day]?.push({ interval: [from * MINUTE_MS, to * MINUTE_MS], from: index });
    }
  });
  pieces.forEach((list, day) => {
    list.sort((a, b) => a.interval[0] - b.interval[0]);
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1];
      const current = list[i];
      if (previous !== undefined && current !== undefined && current.interval[0] < previous.interval[1]) {
        payloadError(
          [...base, "intervals", current.from],
          `interval ${current.from} overlaps interval ${previous.from} on ${["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][day]}; remove one or join them`,
        );
      }
    }
  });

  const holidayDates = new Map<string, string | undefined>();
  const holidaySource: Array<ZendeskScheduleSource["holidays"][number]> = [];
  if (holidays !== undefined) {
    const { value: rawHolidays, base: holidayBase } = unwrap(holidays, "holidays");
    const list = parsePayload(z.array(ZendeskHolidaySchema), rawHolidays, holidayBase, "Zendesk schedule holidays");
    list.forEach((holiday, index) => {
      const path = [...holidayBase, index];
      const startText = holiday.start_date ?? holiday.start_time;
      const endText = holiday.end_date ?? holiday.end_time ?? startText;
      const first = startText === undefined ? null : dayOfIsoDate(startText);
      const last = endText === undefined ? null : dayOfIsoDate(endText);
      if (first === null) payloadError([...path, "start_date"], `${JSON.stringify(startText)} is not a date; write "YYYY-MM-DD"`);
      if (last === null) payloadError([...path, "end_date"], `${JSON.stringify(endText)} is not a date; write "YYYY-MM-DD"`);
      if (last < first) payloadError([...path, "end_date"], `the holiday ends (${endText}) before it starts (${startText}); end_date is inclusive`);
      if (last - first >= MAX_HOLIDAY_DAYS) payloadError([...path, "end_date"], `a holiday of ${last - first + 1} days; at most ${MAX_HOLIDAY_DAYS} are read`);
      for (let day = first; day <= last; day++) {
        const date = isoDateOfDay(day);
        if (!holidayDates.has(date)) holidayDates.set(date, holiday.name);
      }
      holidaySource.push({ id: holiday.id ?? null, name: holiday.name ?? null, startDate: isoDateOfDay(first), endDate: isoDateOfDay(last) });
    });
  }

  const definition: CalendarDefinition = {
    timeZone,
    weekly: weeklyFromDays(pieces.map((list) => list.map((piece) => piece.interval))),
    ...(holidayDates.size > 0 ? { holidays: sortedHolidays(holidayDates) } : {}),
    ...(parsed.name !== "" ? { name: parsed.name } : {}),
  };
  compileImported(definition, base);
  return {
    definition,
    source: {
      vendor: "zendesk",
      id: parsed.id ?? null,
      name: parsed.name,
      timeZoneName: parsed.time_zone,
      intervals: parsed.intervals.map(({ start_time, end_time }) => ({ start_time, end_time })),
      holidays: holidaySource,
    },
    issues: [],
  };
}
