import { CoreError, assertTimeZone, describeValue, safely } from "@supportops/core";
import { z } from "zod";
import { checkDefinition } from "./checkDefinition.js";
import { parseIsoDate } from "./localDate.js";
import { parseTimeOfDay } from "./timeOfDay.js";

/** Describes a value for a message; arrays with their length, since a wrong-length interval is a common slip. */
function describeInput(value: unknown): string {
  return Array.isArray(value) ? `an array of ${value.length} item${value.length === 1 ? "" : "s"}` : describeValue(value);
}

/** Core's message for a zone it refuses (unknown, a fixed offset, a legacy name such as "EST"), or `undefined`. */
function zoneProblem(zone: string): string | undefined {
  const checked = safely(CoreError, () => assertTimeZone(zone));
  return checked.success ? undefined : checked.error.issues[0].message;
}

const TimeOfDaySchema = z.string().superRefine((text, ctx) => {
  if (parseTimeOfDay(text) === null) {
    ctx.addIssue({
      code: "custom",
      params: { code: "invalid_time_of_day" },
      message: `${JSON.stringify(text)} is not a time of day; write HH:MM, HH:MM:SS or HH:MM:SS.mmm from 00:00 to 23:59:59.999 (24:00 only as an end)`,
    });
  }
});

// The tuple's own issues (not an array, too few or too many items) get one message that shows the form;
// the times inside it keep theirs.
const TimeIntervalSchema = z.tuple([TimeOfDaySchema, TimeOfDaySchema], {
  error: (issue) =>
    issue.code === "invalid_type" || issue.code === "too_small" || issue.code === "too_big"
      ? `expected an interval ["start", "end"] such as ["09:00", "17:00"], got ${describeInput(issue.input)}` +
        (typeof issue.input === "string" ? '; a day\'s hours are a list of intervals, e.g. [["09:00", "17:00"]]' : "")
      : undefined,
});

const IntervalsSchema = z.array(TimeIntervalSchema, {
  error: (issue) =>
    issue.code === "invalid_type"
      ? `expected a list of intervals such as [["09:00", "12:00"], ["13:00", "17:00"]] ([] for closed), got ${describeInput(issue.input)}`
      : undefined,
});

const LocalDateSchema = z.string().superRefine((text, ctx) => {
  if (parseIsoDate(text) === null) {
    ctx.addIssue({
      code: "custom",
      params: { code: "invalid_date" },
      message: `${JSON.stringify(text)} is not a date; write a real calendar date as YYYY-MM-DD, e.g. "2026-12-25"`,
    });
  }
});

// A value that is neither form (a number, an array) gets this message; a string or an object is
// checked against its own form by core's parseWithSchema, which narrows the union.
const HolidaySchema = z.union([LocalDateSchema, z.strictObject({ date: LocalDateSchema, name: z.string().optional() })], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? `expected a holiday as a date "YYYY-MM-DD" or as { date: "YYYY-MM-DD", name?: string }, got ${describeInput(issue.input)}`
      : undefined,
});

const day = IntervalsSchema.optional();

/**
 * The zod schema behind `CalendarDefinitionSchema`, with its inferred type (the exported constant is
 * typed by the hand-written `CalendarDefinition`; the type tests check that the two agree).
 */
export const calendarDefinitionSchema = z
  .strictObject(
    {
      timeZone: z.string().superRefine((zone, ctx) => {
        const problem = zoneProblem(zone);
        if (problem !== undefined) ctx.addIssue({ code: "custom", params: { code: "invalid_time_zone" }, message: problem });
      }),
      weekly: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
      overrides: z.array(z.strictObject({ date: LocalDateSchema, hours: IntervalsSchema, name: z.string().optional() })).optional(),
      holidays: z.array(HolidaySchema).optional(),
      name: z.string().optional(),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? `expected a calendar definition, an object { timeZone, weekly, overrides?, holidays?, name? }, got ${describeInput(issue.input)}`
          : undefined,
    },
  )
  .superRefine((def, ctx) => {
    checkDefinition(def, (code, path, message) => {
      ctx.addIssue({ code: "custom", params: { code }, path: [...path], message });
    });
  });
