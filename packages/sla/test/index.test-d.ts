import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { BusinessCalendarLike, CoreIssueCode, SafeResult, SupportOpsError, ZodIssueCode } from "@supportops/core";
import {
  CALENDAR_ISSUE_CODES,
  CALENDAR_LIMITS,
  CalendarDefinitionSchema,
  HOLIDAY_ISSUE_CODES,
  HOLIDAY_LIMITS,
  SLA_ERROR_CODES,
  SlaError,
  calendar24x7,
  createCalendar,
  safeCreateCalendar,
  safeHolidaysFromDateHolidays,
  safeParseICalendarHolidays,
  type BusinessCalendar,
  type CalendarDefinition,
  type CalendarIssueCode,
  type DateHolidaysHolidays,
  type HolidayIssueCode,
  type ICalendarHolidays,
  type ICalendarSkipCode,
  type SlaErrorCode,
  type SlaIssueCode,
} from "@supportops/sla";
import type { calendarDefinitionSchema } from "../src/internal/calendarDefinitionSchema.js";

/** Readonly all the way down, the way the hand-written definition types are written. */
type DeepReadonly<T> = T extends ReadonlyArray<unknown> ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** Optional keys without the `| undefined` zod adds to them (the hand-written types use exactOptionalPropertyTypes). */
type Exact<T> = T extends ReadonlyArray<unknown> ? { [K in keyof T]: Exact<T[K]> } : T extends object ? { [K in keyof T]: Exact<Exclude<T[K], undefined>> } : T;
/** Type identity (expect-type's toEqualTypeOf trips over optional keys under exactOptionalPropertyTypes). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe("sla types", () => {
  it("SlaError narrows its code and issue codes", () => {
    expectTypeOf<SlaError["code"]>().toEqualTypeOf<SlaErrorCode>();
    expectTypeOf<SlaErrorCode>().toEqualTypeOf<(typeof SLA_ERROR_CODES)[number]>();
    expectTypeOf<SlaError>().toMatchTypeOf<SupportOpsError<SlaErrorCode, SlaIssueCode>>();
    expectTypeOf<SlaError["issues"][number]["code"]>().toEqualTypeOf<SlaIssueCode>();
    expectTypeOf<SlaErrorCode | CalendarIssueCode | HolidayIssueCode | ZodIssueCode | CoreIssueCode>().toMatchTypeOf<SlaIssueCode>();
    expectTypeOf<CalendarIssueCode>().toEqualTypeOf<(typeof CALENDAR_ISSUE_CODES)[number]>();
    expectTypeOf<HolidayIssueCode>().toEqualTypeOf<(typeof HOLIDAY_ISSUE_CODES)[number]>();
    expectTypeOf<"overlapping_intervals" | "invalid_year_range" | "timed_event" | "unrecognized_keys">().toMatchTypeOf<SlaIssueCode>();
    expectTypeOf<"weak_key">().not.toMatchTypeOf<SlaIssueCode>();
  });

  it("safe functions take unknown and return SafeResult<…, SlaError>", () => {
    expectTypeOf(safeCreateCalendar).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeCreateCalendar).returns.toEqualTypeOf<SafeResult<BusinessCalendar, SlaError>>();
    expectTypeOf(safeParseICalendarHolidays).parameters.toEqualTypeOf<[text: unknown, options: unknown]>();
    expectTypeOf(safeParseICalendarHolidays).returns.toEqualTypeOf<SafeResult<ICalendarHolidays, SlaError>>();
    expectTypeOf(safeHolidaysFromDateHolidays).parameters.toEqualTypeOf<[source: unknown, options: unknown]>();
    expectTypeOf(safeHolidaysFromDateHolidays).returns.toEqualTypeOf<SafeResult<DateHolidaysHolidays, SlaError>>();
  });

  it("createCalendar takes a typed definition (mistakes are compile errors) and gives a BusinessCalendarLike", () => {
    expectTypeOf(createCalendar).parameter(0).toEqualTypeOf<CalendarDefinition>();
    expectTypeOf(createCalendar).returns.toEqualTypeOf<BusinessCalendar>();
    expectTypeOf<BusinessCalendar>().toMatchTypeOf<BusinessCalendarLike>();
    expectTypeOf(calendar24x7).returns.toEqualTypeOf<BusinessCalendar>();
    // @ts-expect-error -- "saturday" is not a weekday key
    createCalendar({ timeZone: "UTC", weekly: { saturday: [["09:00", "13:00"]] } });
  });

  it("the schema behind CalendarDefinitionSchema agrees with the hand-written CalendarDefinition", () => {
    // Equal up to readonly (the parsed copy is deep-frozen) and the `| undefined` zod puts on optional keys.
    type Parsed = Exact<DeepReadonly<z.output<typeof calendarDefinitionSchema>>>;
    expectTypeOf<Equal<Parsed, Exact<DeepReadonly<CalendarDefinition>>>>().toEqualTypeOf<true>();
    expectTypeOf<Equal<Parsed, Exact<DeepReadonly<Omit<CalendarDefinition, "name">>>>>().toEqualTypeOf<false>();
    expectTypeOf<z.output<typeof CalendarDefinitionSchema>>().toEqualTypeOf<CalendarDefinition>();
  });

  it("the limits are literal, read-only figures; their issue and skip codes are listed", () => {
    expectTypeOf(CALENDAR_LIMITS).toEqualTypeOf<{
      readonly maxIntervalsPerDay: 100;
      readonly maxCombinedIntervalsPerDay: 250;
      readonly maxNesting: 64;
      readonly chunkCacheBytes: 16_777_216;
    }>();
    expectTypeOf(HOLIDAY_LIMITS).toEqualTypeOf<{ readonly maxRruleListValues: 64; readonly maxNamesPerDate: 8; readonly maxNameLength: 200 }>();
    expectTypeOf<"too_many_intervals" | "too_deep" | "invalid_return_value">().toMatchTypeOf<CalendarIssueCode>();
    expectTypeOf<"empty_rrule">().toMatchTypeOf<ICalendarSkipCode>();
    expectTypeOf<"empty_rrule">().toMatchTypeOf<HolidayIssueCode>();
  });
});
