import { fc, test } from "@fast-check/vitest";
import Holidays, { type HolidaysTypes } from "date-holidays";
import { DateTime } from "luxon";
import { describe, expect } from "vitest";
import { holidaysFromDateHolidays, type DateHolidaysLike, type DateHolidaysType } from "@supportops/sla";
import { numRuns } from "@supportops/test-utils";

// The reference reads each entry's absolute start and end in the instance's own zone with luxon
// (ICU time-zone data, not the library's date-string parsing or rounding): an entry is whole days
// iff both ends are the first instants of their local dates, and then covers each local date in
// [start, end).
// Countries whose entries begin at the previous sunset ("… -0600") are left to the example tests.

const COUNTRIES: ReadonlyArray<readonly [string, string?]> = [["US"], ["GB", "eng"], ["GB", "sct"], ["DE", "by"], ["FR"], ["AT"], ["AU", "nsw"], ["JP"], ["CA", "qc"], ["AM"], ["BR"], ["NZ"], ["IE"], ["CH", "zh"]];

// date-holidays takes ~30 ms per getHolidays(year); each (country, year) is asked once and shared by
// the adapter and the reference. The adapter only needs `getHolidays`, so the memo is a valid source.
interface Source {
  readonly holidays: DateHolidaysLike & { getHolidays(year: number): HolidaysTypes.Holiday[] };
  readonly zone: string;
}
const instances = new Map<string, Source>();
function instance(country: readonly [string, string?]): Source {
  const key = country.join("-");
  let found = instances.get(key);
  if (found === undefined) {
    const real = country[1] === undefined ? new Holidays(country[0]) : new Holidays(country[0], country[1]);
    const byYear = new Map<number, HolidaysTypes.Holiday[]>();
    const getHolidays = (year: number): HolidaysTypes.Holiday[] => {
      let list = byYear.get(year);
      if (list === undefined) {
        list = real.getHolidays(year);
        byYear.set(year, list);
      }
      return list;
    };
    found = { holidays: { getHolidays }, zone: real.getTimezones()[0] ?? "UTC" };
    instances.set(key, found);
  }
  return found;
}

interface Reference {
  readonly holidays: Array<{ date: string; name: string }>;
  readonly partial: string[];
}

function reference(country: readonly [string, string?], fromYear: number, toYear: number, types: ReadonlyArray<string>, substitutes: boolean): Reference {
  const { holidays, zone } = instance(country);
  const names = new Map<string, string[]>();
  const partial: string[] = [];
  const first = `${fromYear}-01-01`;
  const last = `${toYear}-12-31`;
  for (let year = fromYear - 1; year <= toYear; year++) {
    for (const e of holidays.getHolidays(year)) {
      if (!types.includes(e.type) || (e.substitute === true && !substitutes)) continue;
      const start = DateTime.fromJSDate(e.start, { zone });
      const end = DateTime.fromJSDate(e.end, { zone });
      // The first instant of its local date (where DST skips midnight, as in Brazil until 2018, that is 01:00).
      const midnight = (t: DateTime): boolean => t.toMillis() === t.startOf("day").toMillis();
      if (!midnight(start) || !midnight(end)) {
        const d = start.toISODate() ?? "";
        if (d >= first && d <= last) partial.push(e.date);
        continue;
      }
      for (let t = start; t < end; t = t.plus({ days: 1 })) {
        const d = t.toISODate() ?? "";
        if (d < first || d > last) continue;
        const list = names.get(d) ?? [];
        if (!list.includes(e.name)) list.push(e.name);
        names.set(d, list);
      }
    }
  }
  return {
    holidays: [...names.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, list]) => ({ date, name: list.join(" / ") })),
    partial,
  };
}

const typesArb = fc.subarray<DateHolidaysType>(["public", "bank", "optional", "school", "observance"], { minLength: 1 });

describe("date-holidays adapter", () => {
  test.prop(
    [fc.constantFrom(...COUNTRIES), fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 0, max: 3 }), fc.oneof(fc.constant<DateHolidaysType[]>(["public"]), typesArb), fc.boolean()],
    { numRuns: numRuns(25) },
  )("agrees with a luxon reading of each entry's start and end in the country's zone", (country, fromYear, span, types, substitutes) => {
    const toYear = fromYear + span;
    const { holidays } = instance(country);
    const result = holidaysFromDateHolidays(holidays, { fromYear, toYear, types, substitutes });
    const expected = reference(country, fromYear, toYear, types, substitutes);
    expect(result.holidays).toStrictEqual(expected.holidays);
    expect(result.skipped.map((s) => s.date)).toStrictEqual(expected.partial);
  });
});
