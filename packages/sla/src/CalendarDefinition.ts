import { z } from "zod";
import { calendarDefinitionSchema } from "./internal/calendarDefinitionSchema.js";

/**
 * A local time interval `[start, end]` on one date, each end `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm`.
 * The interval is half-open (the end instant is closed). `24:00` is a valid end; an end before the start
 * (`["22:00", "06:00"]`) runs overnight into the next date and still belongs to the date it starts on.
 *
 * @example
 * const day: TimeInterval = ["09:00", "17:30"];
 * const overnight: TimeInterval = ["22:00", "06:00"]; // runs into the next date
 */
export type TimeInterval = readonly [start: string, end: string];

/**
 * Business hours per weekday; a missing or empty day is closed.
 *
 * @example
 * const weekly: WeeklyHours = { mon: [["09:00", "12:00"], ["13:00", "17:00"]], sat: [] }; // lunch break; Saturday closed
 */
export interface WeeklyHours {
  /** Monday's intervals. */
  readonly mon?: ReadonlyArray<TimeInterval>;
  /** Tuesday's intervals. */
  readonly tue?: ReadonlyArray<TimeInterval>;
  /** Wednesday's intervals. */
  readonly wed?: ReadonlyArray<TimeInterval>;
  /** Thursday's intervals. */
  readonly thu?: ReadonlyArray<TimeInterval>;
  /** Friday's intervals. */
  readonly fri?: ReadonlyArray<TimeInterval>;
  /** Saturday's intervals. */
  readonly sat?: ReadonlyArray<TimeInterval>;
  /** Sunday's intervals. */
  readonly sun?: ReadonlyArray<TimeInterval>;
}

/**
 * Hours that replace the weekly hours of one local date (an early close, extra hours, or `[]` to close).
 *
 * @example
 * const earlyClose: DateOverride = { date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" };
 */
export interface DateOverride {
  /** The local date, `YYYY-MM-DD`, in the calendar's zone. */
  readonly date: string;
  /** The date's intervals, replacing its weekly ones. */
  readonly hours: ReadonlyArray<TimeInterval>;
  /** A label for people (e.g. "Christmas Eve"). */
  readonly name?: string;
}

/**
 * A local date on which the calendar is closed all day, with an optional label.
 *
 * @example
 * const holiday: Holiday = { date: "2026-12-25", name: "Christmas Day" };
 */
export interface Holiday {
  /** The local date, `YYYY-MM-DD`, in the calendar's zone. */
  readonly date: string;
  /** A label for people (e.g. "New Year"). */
  readonly name?: string;
}

/**
 * A business calendar as plain JSON: an IANA zone, weekly hours, date overrides and holidays.
 * Validate it with {@link CalendarDefinitionSchema}; compile it with {@link createCalendar}.
 *
 * @example
 * const def: CalendarDefinition = {
 *   timeZone: "Europe/Berlin",
 *   weekly: { mon: [["09:00", "17:00"]], sat: [["22:00", "06:00"]] }, // Saturday night runs into Sunday
 *   overrides: [{ date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" }],
 *   holidays: ["2026-12-25", { date: "2026-12-26", name: "Boxing Day" }],
 * };
 * createCalendar(def).isOpen("2026-12-24T13:00:00+01:00"); // => false
 */
export interface CalendarDefinition {
  /** The IANA zone the hours are read in, e.g. `"America/New_York"`. */
  readonly timeZone: string;
  /** Business hours per weekday. */
  readonly weekly: WeeklyHours;
  /** Dates whose hours replace the weekly ones. */
  readonly overrides?: ReadonlyArray<DateOverride>;
  /** Dates closed all day: `"YYYY-MM-DD"` or `{ date, name }`. */
  readonly holidays?: ReadonlyArray<string | Holiday>;
  /** A label for people. */
  readonly name?: string;
}

/**
 * The zod schema of a {@link CalendarDefinition}: the structure, plus every rule a calendar must meet
 * (a known IANA zone, well-formed times, no empty or overlapping intervals — also across midnight —,
 * some open time in the week, real and unrepeated dates, no date both a holiday and an override).
 * Custom issues carry their {@link CALENDAR_ISSUE_CODES} code in `params.code`. `createCalendar`
 * parses with it through core's `parseWithSchema`, which gives supportops' wording for zod's own
 * issues (an unknown key such as `weekly.saturday` is answered with 'use "sat"'); do the same to get
 * the same messages.
 *
 * @example
 * CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } }).success; // => true
 * CalendarDefinitionSchema.safeParse({ timeZone: "UTC", weekly: { mon: [["17:00", "17:00"]] } }).success; // => false
 * parseWithSchema(CalendarDefinitionSchema, { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]], saturday: [] } });
 * // => { success: false, issues: [{ code: "unrecognized_keys", path: ["weekly", "saturday"], message: 'unknown key "saturday"; use "sat" (allowed: mon, tue, wed, thu, fri, sat, sun)' }] }
 */
export const CalendarDefinitionSchema: z.ZodType<CalendarDefinition> = calendarDefinitionSchema as unknown as z.ZodType<CalendarDefinition>;

/**
 * The JSON Schema (draft 2020-12) of a calendar definition's structure, for storing calendars as JSON
 * and validating them outside TypeScript. Rules that JSON Schema cannot express (overlaps, unknown
 * zones, impossible dates) are checked by {@link createCalendar}.
 *
 * @returns a fresh JSON Schema object
 * @example
 * calendarDefinitionJsonSchema().required; // => ["timeZone", "weekly"]
 */
export function calendarDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(calendarDefinitionSchema, { io: "input" }) as Record<string, unknown>;
}
