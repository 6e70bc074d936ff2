import type { CalendarDefinition, DateOverride } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { InteropError } from "../InteropError.js";
import { compileImported, toTimeInterval, weeklyFromDays, type MsInterval } from "../internal/calendar.js";
import { DAY_MS, dayOfIsoDate, dayOfYmd, isoDateOfDay, weekdayOfDay } from "../internal/clock.js";
import { argumentError, parseOptions, parsePayload, payloadError } from "../internal/payload.js";
import { parseCompactDateTime } from "../internal/vendorTime.js";
import { isTimeZone } from "../internal/zones.js";
import { ReferenceSchema, referenceId, text, type ServiceNowReference } from "./ServiceNowRecords.js";

/**
 * A `cmn_schedule` row from the Table API (every value a string). `time_zone` is a Java/IANA id such as
 * `"US/Pacific"`, or empty (or `"floating"`) for a floating schedule, which takes its zone from
 * {@link ServiceNowScheduleOptions.timeZone}.
 *
 * @example
 * const schedule: ServiceNowSchedule = { sys_id: "sch1", name: "8-5 weekdays excluding holidays", time_zone: "US/Pacific" };
 */
export interface ServiceNowSchedule {
  readonly sys_id: string;
  readonly name?: string;
  readonly time_zone?: string;
  readonly type?: string;
}

/**
 * A `cmn_schedule_span` row ("schedule entry") from the Table API. `start_date_time` and
 * `end_date_time` are local wall times `yyyyMMddTHHmmss`; for a repeating entry the date only anchors the
 * recurrence and the times give the daily window.
 *
 * @example
 * const span: ServiceNowScheduleSpan = {
 *   schedule: { value: "sch1" }, name: "Weekdays", type: "", all_day: "false",
 *   start_date_time: "20180222T080000", end_date_time: "20180222T170000", repeat_type: "weekdays",
 * };
 */
export interface ServiceNowScheduleSpan {
  readonly sys_id?: string;
  readonly schedule: ServiceNowReference;
  readonly name?: string;
  readonly type?: string;
  readonly all_day?: string;
  readonly start_date_time: string;
  readonly end_date_time: string;
  readonly repeat_type?: string;
  readonly repeat_count?: string;
  readonly repeat_until?: string;
  readonly days_of_week?: string;
  readonly monthly_type?: string;
  readonly yearly_type?: string;
  readonly float_week?: string;
  readonly float_day?: string;
  readonly month?: string;
}

/**
 * Options of {@link calendarFromServiceNowSchedule}: the window of local dates (both inclusive) in
 * which entries are expanded, and the zone of a floating schedule.
 *
 * @example
 * const options: ServiceNowScheduleOptions = { from: "2026-01-01", to: "2027-12-31" };
 */
export interface ServiceNowScheduleOptions {
  /** The first local date, `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  /** The last local date, `YYYY-MM-DD`, inclusive; at most 20 years after `from`. */
  readonly to: string;
  /** The IANA zone for a floating schedule (one whose `time_zone` is empty); ignored otherwise. */
  readonly timeZone?: string;
}

/**
 * What {@link calendarFromServiceNowSchedule} keeps of the vendor's data.
 *
 * @example
 * const source: ServiceNowScheduleSource = { vendor: "servicenow", sysId: "sch1", name: "8-5 weekdays", timeZoneName: "US/Pacific", from: "2026-01-01", to: "2026-12-31", spanIds: [] };
 */
export interface ServiceNowScheduleSource {
  readonly vendor: "servicenow";
  readonly sysId: string;
  readonly name: string;
  /** The schedule's `time_zone` as written (`""` when floating). */
  readonly timeZoneName: string;
  readonly from: string;
  readonly to: string;
  /** The sys_ids of the entries read, in the order given. */
  readonly spanIds: ReadonlyArray<string>;
}

const ScheduleSchema = z.object({ sys_id: z.string().min(1), name: text, time_zone: text, type: text });
const SpanSchema = z.object({
  sys_id: text,
  schedule: ReferenceSchema,
  name: text,
  type: text,
  all_day: text,
  start_date_time: z.string(),
  end_date_time: z.string(),
  repeat_type: text,
  repeat_count: text,
  repeat_until: text,
  days_of_week: text,
  monthly_type: text,
  yearly_type: text,
  float_week: text,
  float_day: text,
  month: text,
});
type Span = z.output<typeof SpanSchema>;

const MAX_WINDOW_DAYS = 20 * 366;
const OptionsSchema = z.object({ from: z.string(), to: z.string(), timeZone: z.string().optional() });
const WEEKLY_KINDS: Readonly<Record<string, ReadonlyArray<number>>> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
  weekMWF: [1, 3, 5],
  weekTT: [2, 4],
};

interface Rule {
  readonly index: number;
  readonly exclude: boolean;
  readonly startDay: number;
  readonly startMs: number;
  /** Days from the start date to the end date of one occurrence. */
  readonly lengthDays: number;
  readonly endMs: number;
  readonly untilDay: number | null;
  readonly occursOn: (day: number) => boolean;
  /** The weekdays of an open-ended, every-week working rule: the schedule's base week. */
  readonly weeklyBase: ReadonlyArray<number> | null;
}

/**
 * A calendar definition from a ServiceNow schedule and its entries (`cmn_schedule_span` rows of the
 * schedule and of its child schedules, as attached through `cmn_other_schedule`).
 *
 * Effective time = the union of the schedule's own working entries − every `exclude` entry (its own and
 * its children's), expanded date by date in the window `[from, to]`. The weekly hours are the schedule's
 * open-ended weekly entries (`weekdays`, `weekends`, `weekMWF`, `weekTT`, `daily`, `weekly` repeating every
 * week, not ending before `to`); every date of the window whose hours differ from them becomes a holiday
 * (closed all day) or a date override. Outside the window the calendar has the weekly hours only.
 *
 * Read: one-off entries, `daily` (every N days), `weekdays`, `weekends`, `weekMWF`, `weekTT`, `weekly`
 * (`days_of_week` digits 1 = Monday … 7 = Sunday, reported as an `assumed_convention`), `yearly` with
 * `yearly_type` `doy` (the start date's month and day) or `float` (`month`, `float_week` 1–4 or `last`,
 * `float_day` 1 = Sunday … 7 = Saturday), `repeat_until`. An all-day entry (or one ending `T235959`)
 * runs to 24:00. Not read, reported as `unsupported_recurrence` and left out: `monthly` entries (their
 * `monthly_type` values are not documented) and any other `repeat_type`; a child schedule's working
 * entries (`unsupported_setting`: whether they add time is not documented).
 *
 * @param schedule - the `cmn_schedule` row
 * @param spans - the entries of the schedule and of its child schedules
 * @param options - the window `{ from, to }` and, for a floating schedule, `timeZone`
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload`, `invalid_time` (a date-time not in the compact
 * form), `invalid_time_zone`, `invalid_argument` (a bad window), `invalid_calendar`
 * @example
 * const { definition } = calendarFromServiceNowSchedule(
 *   { sys_id: "sch1", name: "8-5 weekdays excluding holidays", time_zone: "US/Eastern" },
 *   [
 *     { schedule: { value: "sch1" }, name: "Weekdays", type: "", start_date_time: "20180222T080000", end_date_time: "20180222T170000", repeat_type: "weekdays" },
 *     { schedule: { value: "hol" }, name: "Thanksgiving", type: "exclude", all_day: "true", start_date_time: "20181122T000000", end_date_time: "20181122T235959",
 *       repeat_type: "yearly", yearly_type: "float", month: "11", float_week: "4", float_day: "5" },
 *   ],
 *   { from: "2026-01-01", to: "2026-12-31" },
 * );
 * definition.weekly.mon; // => [["08:00", "17:00"]]
 * definition.holidays;   // => [{ date: "2026-11-26", name: "Thanksgiving" }]
 */
export function calendarFromServiceNowSchedule(
  schedule: ServiceNowSchedule,
  spans: ReadonlyArray<ServiceNowScheduleSpan>,
  options: ServiceNowScheduleOptions,
): ImportResult<CalendarDefinition, ServiceNowScheduleSource> {
  const parent = parsePayload(ScheduleSchema, schedule, [], "a ServiceNow cmn_schedule row");
  const rows = parsePayload(z.array(SpanSchema).max(10_000), spans, [], "ServiceNow cmn_schedule_span rows");
  if (options === undefined) argumentError([], "pass { from, to }: the local dates the entries are expanded in");
  const opts = parseOptions(OptionsSchema, options);
  const first = dayOfIsoDate(opts.from);
  const last = dayOfIsoDate(opts.to);
  if (first === null) argumentError(["from"], `${JSON.stringify(opts.from)} is not a date; write "YYYY-MM-DD"`);
  if (last === null) argumentError(["to"], `${JSON.stringify(opts.to)} is not a date; write "YYYY-MM-DD"`);
  if (last < first || last - first > MAX_WINDOW_DAYS) argumentError(["to"], `the window ${opts.from} – ${opts.to} must run forwards and span at most 20 years`);

  const floating = parent.time_zone === "" || parent.time_zone.toLowerCase() === "floating";
  const timeZone = floating ? opts.timeZone : parent.time_zone;
  if (timeZone === undefined || !isTimeZone(timeZone)) {
    throw new InteropError("invalid_time_zone", [
      floating
        ? { code: "invalid_time_zone", path: ["timeZone"], message: "the schedule is floating (no time_zone): pass { timeZone } with the IANA zone it is used in (the task SLA's resolved timezone)" }
        : { code: "invalid_time_zone", path: ["time_zone"], message: `"${parent.time_zone}" is not a time-zone id` },
    ]);
  }

  const issues: InteropIssue[] = [];
  const rules: Rule[] = [];
  rows.forEach((span, index) => {
    const rule = ruleOf(span, index, parent.sys_id, first, last, issues);
    if (rule !== null) rules.push(rule);
  });

  // The base week: open-ended weekly working entries that started by the window's first date.
  const base: MsInterval[][] = [[], [], [], [], [], [], []];
  for (const rule of rules) {
    if (rule.weeklyBase === null) continue;
    for (const weekday of rule.weeklyBase) base[weekday]?.push([rule.startMs, rule.endMs]);
  }
  const baseDays = base.map(normalize);

  const maxLength = Math.max(0, ...rules.map((rule) => rule.lengthDays));
  const holidays: Array<string | { date: string; name: string }> = [];
  const overrides: DateOverride[] = [];
  for (let day = first; day <= last; day++) {
    const open: MsInterval[] = [];
    const closed: MsInterval[] = [];
    const closers: string[] = [];
    for (const rule of rules) {
      for (let back = 0; back <= Math.min(maxLength, rule.lengthDays); back++) {
        const startDay = day - back;
        if (!rule.occursOn(startDay)) continue;
        const from = back === 0 ? rule.startMs : 0;
        const to = back === rule.lengthDays ? rule.endMs : DAY_MS;
        if (to <= from) continue;
        (rule.exclude ? closed : open).push([from, to]);
        if (rule.exclude) closers.push(rows[rule.index]?.name ?? "");
      }
    }
    const hours = subtract(normalize(open), normalize(closed));
    const weekly = baseDays[weekdayOfDay(day)] ?? [];
    if (sameIntervals(hours, weekly)) continue;
    const name = [...new Set(closers.filter((c) => c !== ""))].join(", ");
    if (hours.length === 0) holidays.push(name === "" ? isoDateOfDay(day) : { date: isoDateOfDay(day), name });
    else overrides.push({ date: isoDateOfDay(day), hours: hours.map(toTimeInterval), ...(name === "" ? {} : { name }) });
  }

  const definition: CalendarDefinition = {
    timeZone,
    weekly: weeklyFromDays(baseDays),
    ...(overrides.length > 0 ? { overrides } : {}),
    ...(holidays.length > 0 ? { holidays } : {}),
    ...(parent.name !== "" ? { name: parent.name } : {}),
  };
  compileImported(definition, []);
  return {
    definition,
    source: { vendor: "servicenow", sysId: parent.sys_id, name: parent.name, timeZoneName: parent.time_zone, from: isoDateOfDay(first), to: isoDateOfDay(last), spanIds: rows.map((r) => r.sys_id) },
    issues,
  };
}

function ruleOf(span: Span, index: number, parentId: string, first: number, last: number, issues: InteropIssue[]): Rule | null {
  const path = [index];
  const exclude = span.type === "exclude";
  if (!exclude && referenceId(span.schedule) !== parentId) {
    issues.push({
      code: "unsupported_setting",
      path: [...path, "type"],
      message: `"${span.name}" is a working entry of a child schedule; whether child working entries add time is not documented, so it is left out`,
    });
    return null;
  }
  const start = parseCompactDateTime(span.start_date_time, [...path, "start_date_time"]);
  const end = parseCompactDateTime(span.end_date_time, [...path, "end_date_time"]);
  const allDay = span.all_day === "true";
  const startMs = allDay ? 0 : start.ms;
  // All-day entries run T000000 → T235959: the last second belongs to the day.
  const endMs = allDay || end.ms === DAY_MS - 1000 ? DAY_MS : end.ms;
  const lengthDays = end.day - start.day;
  if (lengthDays < 0 || (lengthDays === 0 && endMs <= startMs)) {
    payloadError([...path, "end_date_time"], `the entry ends (${span.end_date_time}) before it starts (${span.start_date_time})`);
  }
  let untilDay: number | null = null;
  if (span.repeat_until !== "") {
    const m = /^(\d{4})-?(\d\d)-?(\d\d)(?:[T ].*)?$/.exec(span.repeat_until);
    untilDay = m === null ? null : dayOfYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (untilDay === null) payloadError([...path, "repeat_until"], `${JSON.stringify(span.repeat_until)} is not a date`);
  }
  const every = span.repeat_count === "" ? 1 : Number(span.repeat_count);
  if (!Number.isInteger(every) || every < 1) payloadError([...path, "repeat_count"], `${JSON.stringify(span.repeat_count)} is not a repeat interval (1, 2, …)`);
  const inRange = (day: number): boolean => day >= start.day && (untilDay === null || day <= untilDay);
  const openEnded = untilDay === null || untilDay >= last;
  const common = { index, exclude, startDay: start.day, startMs, lengthDays, endMs, untilDay };
  // `weekdays`, `weekends`, `weekMWF` and `weekTT` are weekly patterns whatever repeat_count says.
  const weeklyBase = (weekdays: ReadonlyArray<number>, repeats = every): ReadonlyArray<number> | null =>
    !exclude && repeats === 1 && lengthDays === 0 && openEnded ? weekdays : null;

  if (exclude && span.repeat_type !== "" && openEnded) {
    issues.push({ code: "outside_window", path: [...path, "repeat_type"], message: `"${span.name}" repeats after the window; the calendar closes it only up to ${isoDateOfDay(last)}` });
  }
  switch (span.repeat_type) {
    case "":
      return { ...common, occursOn: (day) => day === start.day, weeklyBase: null };
    case "daily":
      return { ...common, occursOn: (day) => inRange(day) && (day - start.day) % every === 0, weeklyBase: weeklyBase(WEEKLY_KINDS["daily"] as number[]) };
    case "weekdays":
    case "weekends":
    case "weekMWF":
    case "weekTT": {
      const days = WEEKLY_KINDS[span.repeat_type] as ReadonlyArray<number>;
      return { ...common, occursOn: (day) => inRange(day) && days.includes(weekdayOfDay(day)), weeklyBase: weeklyBase(days, 1) };
    }
    case "weekly": {
      let days: number[];
      if (span.days_of_week === "") days = [weekdayOfDay(start.day)];
      else {
        if (!/^[1-7]+$/.test(span.days_of_week)) payloadError([...path, "days_of_week"], `${JSON.stringify(span.days_of_week)} is not a list of weekday digits 1–7`);
        days = [...new Set([...span.days_of_week].map((digit) => Number(digit) % 7))];
        issues.push({ code: "assumed_convention", path: [...path, "days_of_week"], message: `days_of_week "${span.days_of_week}" read as 1 = Monday … 7 = Sunday (not documented by ServiceNow); check one entry against the instance` });
      }
      // Weeks counted from the Monday of the start date's week.
      const monday = start.day - ((weekdayOfDay(start.day) + 6) % 7);
      const occurs = (day: number): boolean => inRange(day) && days.includes(weekdayOfDay(day)) && Math.floor((day - monday) / 7) % every === 0;
      return { ...common, occursOn: occurs, weeklyBase: weeklyBase(days) };
    }
    case "yearly": {
      const startDate = isoDateOfDay(start.day);
      const startYear = Number(startDate.slice(0, 4));
      const yearOf = (day: number): number => Number(isoDateOfDay(day).slice(0, 4));
      if (span.yearly_type === "doy" || span.yearly_type === "") {
        const monthDay = startDate.slice(5);
        return { ...common, occursOn: (day) => inRange(day) && isoDateOfDay(day).slice(5) === monthDay && (yearOf(day) - startYear) % every === 0, weeklyBase: null };
      }
      if (span.yearly_type === "float") {
        const month = Number(span.month);
        const floatDay = Number(span.float_day);
        const week = span.float_week === "last" ? 0 : Number(span.float_week);
        if (!(month >= 1 && month <= 12)) payloadError([...path, "month"], `${JSON.stringify(span.month)} is not a month 1–12`);
        if (!(floatDay >= 1 && floatDay <= 7)) payloadError([...path, "float_day"], `${JSON.stringify(span.float_day)} is not a weekday 1 (Sunday) – 7 (Saturday)`);
        if (!(week >= 0 && week <= 5 && Number.isInteger(week))) payloadError([...path, "float_week"], `${JSON.stringify(span.float_week)} is not a week 1–4 or "last"`);
        issues.push({ code: "assumed_convention", path: [...path, "float_day"], message: `float_day ${span.float_day} read as 1 = Sunday … 7 = Saturday (as ServiceNow's shipped holidays imply: Thanksgiving is float_day 5)` });
        const occurs = (day: number): boolean => {
          if (!inRange(day) || (yearOf(day) - startYear) % every !== 0) return false;
          const date = isoDateOfDay(day);
          if (Number(date.slice(5, 7)) !== month || weekdayOfDay(day) !== floatDay - 1) return false;
          const dom = Number(date.slice(8, 10));
          if (week === 0) return isoDateOfDay(day + 7).slice(5, 7) !== date.slice(5, 7);
          return Math.ceil(dom / 7) === week;
        };
        return { ...common, occursOn: occurs, weeklyBase: null };
      }
      issues.push({ code: "unsupported_recurrence", path: [...path, "yearly_type"], message: `yearly_type "${span.yearly_type}" is not read ("doy" and "float" are); "${span.name}" is left out` });
      return null;
    }
    default:
      issues.push({
        code: "unsupported_recurrence",
        path: [...path, "repeat_type"],
        message: `repeat_type "${span.repeat_type}" is not read${span.repeat_type === "monthly" ? " (monthly_type values are not documented)" : ""}; "${span.name}" is left out — add its dates as overrides or holidays`,
      });
      return null;
  }
}

/** Sorted, merged intervals (touching ones joined). */
function normalize(list: ReadonlyArray<MsInterval>): MsInterval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const lastOne = out[out.length - 1];
    if (lastOne !== undefined && s <= lastOne[1]) lastOne[1] = Math.max(lastOne[1], e);
    else out.push([s, e]);
  }
  return out;
}

function subtract(open: ReadonlyArray<MsInterval>, closed: ReadonlyArray<MsInterval>): MsInterval[] {
  let pieces: MsInterval[] = [...open];
  for (const [cs, ce] of closed) {
    pieces = pieces.flatMap(([s, e]): MsInterval[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      const out: MsInterval[] = [];
      if (cs > s) out.push([s, cs]);
      if (ce < e) out.push([ce, e]);
      return out;
    });
  }
  return pieces;
}

function sameIntervals(a: ReadonlyArray<MsInterval>, b: ReadonlyArray<MsInterval>): boolean {
  return a.length === b.length && a.every(([s, e], i) => b[i]?.[0] === s && b[i]?.[1] === e);
}
