// Every public entry point of the calendars and holiday sources, fed hostile values: it returns or
// throws an SlaError with one of SLA_ERROR_CODES, never a raw exception (nor core's error), never
// mutates its input, never pollutes a prototype, never runs away.
import { test } from "@fast-check/vitest";
import { describe } from "vitest";
import {
  SLA_ERROR_CODES,
  SlaError,
  calendar24x7,
  createCalendar,
  holidaysFromDateHolidays,
  intersectCalendars,
  parseICalendarHolidays,
  safeCreateCalendar,
  safeHolidaysFromDateHolidays,
  safeParseICalendarHolidays,
  unionCalendars,
} from "@supportops/sla";
import { expectContained, hostileValueArb, numRuns } from "@supportops/test-utils";

const cal = createCalendar({ timeZone: "America/New_York", weekly: { mon: [["09:00", "17:00"]], sun: [["22:00", "06:00"]] } });
const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
const years = { fromYear: 2026, toYear: 2026 };

const ENTRY_POINTS: ReadonlyArray<readonly [string, (a: never, b: never) => unknown]> = [
  ["createCalendar", (a) => createCalendar(a)],
  ["safeCreateCalendar", (a) => safeCreateCalendar(a)],
  ["calendar24x7", (a) => calendar24x7(a)],
  ["intersectCalendars", (a, b) => intersectCalendars(a, b)],
  ["unionCalendars", (a, b) => unionCalendars(cal, a, b)],
  ["cal.isOpen", (a) => cal.isOpen(a)],
  ["cal.addBusinessTime", (a, b) => cal.addBusinessTime(a, b)],
  ["cal.addBusinessTime(valid, hostile)", (_a, b) => cal.addBusinessTime("2026-03-09T10:00:00Z", b)],
  ["cal.businessTimeBetween", (a, b) => cal.businessTimeBetween(a, b)],
  ["cal.nextOpen", (a) => cal.nextOpen(a)],
  ["cal.nextClose", (a) => cal.nextClose(a)],
  ["cal.openIntervals", (a, b) => cal.openIntervals(a, b)],
  ["cal.addBusinessDays", (a, b) => cal.addBusinessDays(a, b)],
  ["cal.addBusinessDays(valid, hostile)", (_a, b) => cal.addBusinessDays("2026-03-09T10:00:00Z", b)],
  ["cal.isOpenMs", (a) => cal.isOpenMs(a)],
  ["cal.addBusinessMs", (a, b) => cal.addBusinessMs(a, b)],
  ["cal.businessMsBetween", (a, b) => cal.businessMsBetween(a, b)],
  ["cal.nextOpenMs", (a) => cal.nextOpenMs(a)],
  ["cal.nextCloseMs", (a) => cal.nextCloseMs(a)],
  ["parseICalendarHolidays", (a, b) => parseICalendarHolidays(a, b)],
  ["parseICalendarHolidays(hostile, years)", (a) => parseICalendarHolidays(a, years)],
  ["parseICalendarHolidays(ics, hostile)", (_a, b) => parseICalendarHolidays(ics, b)],
  ["safeParseICalendarHolidays", (a, b) => safeParseICalendarHolidays(a, b)],
  ["holidaysFromDateHolidays", (a, b) => holidaysFromDateHolidays(a, b)],
  ["holidaysFromDateHolidays(hostile, years)", (a) => holidaysFromDateHolidays(a, years)],
  ["safeHolidaysFromDateHolidays", (a, b) => safeHolidaysFromDateHolidays(a, b)],
  ["holidaysFromDateHolidays(source of hostile entries)", (a, b) => holidaysFromDateHolidays({ getHolidays: () => [a, b] } as never, { ...years, strict: true })],
  [
    "holidaysFromDateHolidays(public entries with hostile fields)",
    (a, b) => holidaysFromDateHolidays({ getHolidays: () => [{ type: "public", date: a, name: b, start: a, end: b }] } as never, { ...years, strict: true }),
  ],
  ["holidaysFromDateHolidays(source of a hostile list)", (a) => holidaysFromDateHolidays({ getHolidays: () => a } as never, years)],
];

describe("sla calendars and holiday sources with hostile input", () => {
  for (const [name, fn] of ENTRY_POINTS) {
    test.prop([hostileValueArb, hostileValueArb], { numRuns: numRuns(40) })(`${name} contains hostile input`, (a, b) => {
      expectContained(SlaError, SLA_ERROR_CODES, fn, [a, b]);
    });
  }
});
