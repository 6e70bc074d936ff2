import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Holidays from "date-holidays";
import { describe, expect, test } from "vitest";
import { CoreError, toEpochMs } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import {
  DATE_HOLIDAYS_SKIP_CODES,
  HOLIDAY_ISSUE_CODES,
  SlaError,
  createCalendar,
  holidaysFromDateHolidays,
  parseICalendarHolidays,
  safeHolidaysFromDateHolidays,
  type DateHolidaysEntry,
  type DateHolidaysLike,
  type DateHolidaysOptions,
} from "@supportops/sla";

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/holidays/${name}`, import.meta.url)), "utf8");

/** A stand-in source with hand-written entries, keyed by the year `getHolidays` is asked for. */
function fakeSource(byYear: Record<number, DateHolidaysEntry[]>): DateHolidaysLike {
  return { getHolidays: (year: number) => byYear[year] ?? [] };
}

/** An entry as date-holidays writes it: local `date`, and start/end in a zone `offsetHours` east of UTC. */
function entry(date: string, hours: number, name: string, extra: Partial<DateHolidaysEntry> = {}, offsetHours = 0): DateHolidaysEntry {
  const [day = "", time = "00:00:00"] = date.split(" ");
  const start = new Date(Date.parse(`${day}T${time}Z`) - offsetHours * 3_600_000);
  return { date, start, end: new Date(start.getTime() + hours * 3_600_000), name, type: "public", ...extra };
}

describe("holidaysFromDateHolidays with real date-holidays data", () => {
  test('new Holidays("US"): public holidays of 2026–2027, substitute (observed) days included', () => {
    expect(holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2027 })).toStrictEqual({
      holidays: [
        { date: "2026-01-01", name: "New Year's Day" },
        { date: "2026-01-19", name: "Martin Luther King Jr. Day" },
        { date: "2026-02-16", name: "Washington's Birthday" },
        { date: "2026-05-25", name: "Memorial Day" },
        { date: "2026-06-19", name: "Juneteenth" },
        { date: "2026-07-03", name: "Independence Day (substitute day)" },
        { date: "2026-07-04", name: "Independence Day" },
        { date: "2026-09-07", name: "Labor Day" },
        { date: "2026-10-12", name: "Columbus Day" },
        { date: "2026-11-11", name: "Veterans Day" },
        { date: "2026-11-26", name: "Thanksgiving Day" },
        { date: "2026-12-25", name: "Christmas Day" },
        { date: "2027-01-01", name: "New Year's Day" },
        { date: "2027-01-18", name: "Martin Luther King Jr. Day" },
        { date: "2027-02-15", name: "Washington's Birthday" },
        { date: "2027-05-31", name: "Memorial Day" },
        { date: "2027-06-18", name: "Juneteenth (substitute day)" },
        { date: "2027-06-19", name: "Juneteenth" },
        { date: "2027-07-04", name: "Independence Day" },
        { date: "2027-07-05", name: "Independence Day (substitute day)" },
        { date: "2027-09-06", name: "Labor Day" },
        { date: "2027-10-11", name: "Columbus Day" },
        { date: "2027-11-11", name: "Veterans Day" },
        { date: "2027-11-25", name: "Thanksgiving Day" },
        { date: "2027-12-24", name: "Christmas Day (substitute day)" },
        { date: "2027-12-25", name: "Christmas Day" },
        { date: "2027-12-31", name: "New Year's Day (substitute day)" },
      ],
      skipped: [],
    });
  });

  test('new Holidays("GB", "eng"): England bank holidays of 2026–2027 (Christmas 2027 on a weekend has two substitute days)', () => {
    expect(holidaysFromDateHolidays(new Holidays("GB", "eng"), { fromYear: 2026, toYear: 2027 })).toStrictEqual({
      holidays: [
        { date: "2026-01-01", name: "New Year's Day" },
        { date: "2026-04-03", name: "Good Friday" },
        { date: "2026-04-06", name: "Easter Monday" },
        { date: "2026-05-04", name: "Early May bank holiday" },
        { date: "2026-05-25", name: "Spring bank holiday" },
        { date: "2026-08-31", name: "Summer bank holiday" },
        { date: "2026-12-25", name: "Christmas Day" },
        { date: "2026-12-26", name: "Boxing Day" },
        { date: "2026-12-28", name: "Boxing Day (substitute day)" },
        { date: "2027-01-01", name: "New Year's Day" },
        { date: "2027-03-26", name: "Good Friday" },
        { date: "2027-03-29", name: "Easter Monday" },
        { date: "2027-05-03", name: "Early May bank holiday" },
        { date: "2027-05-31", name: "Spring bank holiday" },
        { date: "2027-08-30", name: "Summer bank holiday" },
        { date: "2027-12-25", name: "Christmas Day" },
        { date: "2027-12-26", name: "Boxing Day" },
        { date: "2027-12-27", name: "Christmas Day (substitute day)" },
        { date: "2027-12-28", name: "Boxing Day (substitute day)" },
      ],
      skipped: [],
    });
  });

  test("agrees with the US federal iCalendar fixture for 2026–2027, date for date", () => {
    const fromFeed = parseICalendarHolidays(fixture("us-federal.ics"), { fromYear: 2026, toYear: 2027 }).holidays.map((h) => h.date);
    const fromLibrary = holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2027 }).holidays.map((h) => h.date);
    expect(fromLibrary).toStrictEqual(fromFeed);
  });

  test("agrees with the gov.uk-style feed, which lists only the observed days: the library's extra dates are all weekends", () => {
    const fromFeed = parseICalendarHolidays(fixture("uk-england-and-wales.ics"), { fromYear: 2026, toYear: 2027 }).holidays.map((h) => h.date);
    const fromLibrary = holidaysFromDateHolidays(new Holidays("GB", "eng"), { fromYear: 2026, toYear: 2027 }).holidays.map((h) => h.date);
    expect(fromFeed.filter((d) => !fromLibrary.includes(d))).toStrictEqual([]);
    const extra = fromLibrary.filter((d) => !fromFeed.includes(d));
    expect(extra).toStrictEqual(["2026-12-26", "2027-12-25", "2027-12-26"]);
    expect(extra.map((d) => new Date(`${d}T00:00:00Z`).getUTCDay())).toStrictEqual([6, 6, 0]);
  });

  test("substitutes: false drops the observed days and keeps the holidays themselves", () => {
    const { holidays } = holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2026, substitutes: false });
    expect(holidays.filter((h) => h.date.startsWith("2026-07"))).toStrictEqual([{ date: "2026-07-04", name: "Independence Day" }]);
    expect(holidays).toHaveLength(11);
  });

  test("a substitute day that falls in the previous year belongs to that year (New Year 2028 observed on 2027-12-31)", () => {
    expect(holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2028, toYear: 2028 }).holidays[0]).toStrictEqual({ date: "2028-01-01", name: "New Year's Day" });
    expect(holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2027, toYear: 2027 }).holidays.at(-1)).toStrictEqual({ date: "2027-12-31", name: "New Year's Day (substitute day)" });
  });

  test("types chooses which holidays close the calendar; entries that are not whole days are reported, not used", () => {
    const result = holidaysFromDateHolidays(new Holidays("AT"), { fromYear: 2026, toYear: 2026, types: ["public", "bank"] });
    expect(result.holidays.map((h) => h.date)).toStrictEqual([
      "2026-01-01", "2026-01-06", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-06-04",
      "2026-08-15", "2026-10-26", "2026-11-01", "2026-12-08", "2026-12-25", "2026-12-26",
    ]);
    expect(result.skipped).toStrictEqual([
      {
        date: "2026-12-24 14:00:00",
        name: "Heiliger Abend",
        code: "partial_day",
        message: '"Heiliger Abend" starts 2026-12-24 14:00:00 and lasts 10 h, not whole days; a holiday closes whole days, so give that date an override with the remaining hours',
      },
      {
        date: "2026-12-31 14:00:00",
        name: "Silvester",
        code: "partial_day",
        message: '"Silvester" starts 2026-12-31 14:00:00 and lasts 10 h, not whole days; a holiday closes whole days, so give that date an override with the remaining hours',
      },
    ]);
  });

  test("multi-day entries give each date: Armenia's two-day New Year and three-day Christmas holidays", () => {
    const { holidays } = holidaysFromDateHolidays(new Holidays("AM"), { fromYear: 2026, toYear: 2026 });
    expect(holidays.slice(0, 6).map((h) => h.date)).toStrictEqual(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06"]);
  });

  test("holidays that begin at the previous sunset (date \"… -0600\") count for the date written, P3D for three dates", () => {
    const { holidays, skipped } = holidaysFromDateHolidays(new Holidays("AE"), { fromYear: 2026, toYear: 2026, language: "en" });
    expect(skipped).toStrictEqual([]);
    expect(holidays.filter((h) => h.name?.includes("Eid al-Fitr") === true)).toStrictEqual([
      { date: "2026-03-20", name: "End of Ramadan (Eid al-Fitr)" },
      { date: "2026-03-21", name: "End of Ramadan (Eid al-Fitr)" },
      { date: "2026-03-22", name: "End of Ramadan (Eid al-Fitr)" },
    ]);
    expect(holidays[0]).toStrictEqual({ date: "2026-01-01", name: "New Year's Day" });
  });

  test("a holiday ending where DST skips midnight is still a whole day (Brazil, 2002-11-02; found by the property test)", () => {
    const { holidays, skipped } = holidaysFromDateHolidays(new Holidays("BR"), { fromYear: 2002, toYear: 2002 });
    expect(skipped).toStrictEqual([]);
    expect(holidays.filter((h) => h.date.startsWith("2002-11"))).toStrictEqual([
      { date: "2002-11-02", name: "Dia de Finados" },
      { date: "2002-11-15", name: "Proclamação da República" },
    ]);
  });

  test("the instance's time zone does not change the dates (they are read from the local date string)", () => {
    const options: DateHolidaysOptions = { fromYear: 2026, toYear: 2027 };
    const home = holidaysFromDateHolidays(new Holidays("US"), options);
    expect(holidaysFromDateHolidays(new Holidays("US", { timezone: "Asia/Tokyo" }), options)).toStrictEqual(home);
    expect(holidaysFromDateHolidays(new Holidays("US", { timezone: "Pacific/Honolulu" }), options)).toStrictEqual(home);
  });

  test("the result is usable as a calendar definition's holidays", () => {
    const { holidays } = holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2026 });
    const calendar = createCalendar({
      timeZone: "America/New_York",
      weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
      holidays,
    });
    expect(calendar.isOpen("2026-07-03T12:00:00-04:00")).toBe(false);
    expect(calendar.isOpen("2026-07-02T12:00:00-04:00")).toBe(true);
    const feed = parseICalendarHolidays(fixture("uk-england-and-wales.ics"), { fromYear: 2026, toYear: 2027 }).holidays;
    const london = createCalendar({ timeZone: "Europe/London", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] }, holidays: feed });
    expect(london.isOpen("2026-12-28T10:00:00Z")).toBe(false);
  });
});

describe("holidaysFromDateHolidays with hand-written entries", () => {
  test("a multi-day holiday that starts in the year before the range is clipped to the range", () => {
    const source = fakeSource({ 2025: [entry("2025-12-31 00:00:00", 72, "Year-end")] });
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 })).toStrictEqual({
      holidays: [{ date: "2026-01-01", name: "Year-end" }, { date: "2026-01-02", name: "Year-end" }],
      skipped: [],
    });
  });

  test("a day shortened or lengthened by DST (23 h, 25 h) is still one whole day; 10 h is not", () => {
    const source = fakeSource({
      2026: [entry("2026-03-29 00:00:00", 23, "Spring-forward day"), entry("2026-10-25 00:00:00", 25, "Fall-back day"), entry("2026-11-02 00:00:00", 47, "Two days over a DST change"), entry("2026-12-24 00:00:00", 10, "Morning only")],
    });
    const result = holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 });
    expect(result.holidays).toStrictEqual([
      { date: "2026-03-29", name: "Spring-forward day" },
      { date: "2026-10-25", name: "Fall-back day" },
      { date: "2026-11-02", name: "Two days over a DST change" },
      { date: "2026-11-03", name: "Two days over a DST change" },
    ]);
    expect(result.skipped.map((s) => [s.date, s.code])).toStrictEqual([["2026-12-24 00:00:00", "partial_day"]]);
  });

  test("two holidays on one date give one entry with both names; the same entry twice gives it once", () => {
    const source = fakeSource({ 2026: [entry("2026-05-01 00:00:00", 24, "Labour Day"), entry("2026-05-01 00:00:00", 24, "May Day"), entry("2026-05-01 00:00:00", 24, "Labour Day")] });
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 }).holidays).toStrictEqual([{ date: "2026-05-01", name: "Labour Day / May Day" }]);
  });

  test("invalid_entry: an entry whose date, start or end is not what date-holidays produces is reported", () => {
    const bad: DateHolidaysEntry = { date: "soon", start: new Date(Number.NaN), end: new Date(Number.NaN), name: "Broken", type: "public" };
    const backwards = entry("2026-06-01 00:00:00", -24, "Backwards");
    const result = holidaysFromDateHolidays(fakeSource({ 2026: [bad, backwards] }), { fromYear: 2026, toYear: 2026 });
    expect(result.holidays).toStrictEqual([]);
    expect(result.skipped.map((s) => [s.name, s.code])).toStrictEqual([
      ["Broken", "invalid_entry"],
      ["Backwards", "invalid_entry"],
    ]);
  });

  test("entries of other types, and skipped entries outside the range, are left out without a report", () => {
    const source = fakeSource({
      2025: [entry("2025-12-24 14:00:00", 10, "Out of range partial")],
      2026: [entry("2026-02-14 00:00:00", 24, "Valentine's Day", { type: "observance" }), entry("2026-03-01 00:00:00", 24, "Day")],
    });
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 })).toStrictEqual({ holidays: [{ date: "2026-03-01", name: "Day" }], skipped: [] });
  });

  test("thousands of overlapping whole-year entries are merged without comparing them with one another (issue 9)", () => {
    const source = fakeSource({ 2026: Array.from({ length: 4000 }, (_, i) => entry("2026-01-01 00:00:00", 365 * 24, `Shutdown ${i}`)) });
    const startedMs = performance.now();
    const result = holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 });
    const elapsedMs = performance.now() - startedMs;
    expect(result.holidays).toHaveLength(365);
    expect(result.holidays[0]).toStrictEqual({ date: "2026-01-01", name: "Shutdown 0 / Shutdown 1 / Shutdown 2 / Shutdown 3 / Shutdown 4 / Shutdown 5 / Shutdown 6 / Shutdown 7 / …" });
    // Catastrophic-slowness guard, not a benchmark: about 0.1 s (270 s before, when each date compared
    // every name with the others already on it), so 30 s is over 100×.
    expect(elapsedMs).toBeLessThan(30_000);
  }, 120_000);

  test("language is passed to getHolidays", () => {
    const asked: Array<[number, string | undefined]> = [];
    const source: DateHolidaysLike = {
      getHolidays: (year: number, language?: string) => {
        asked.push([year, language]);
        return [entry(`${year}-01-01 00:00:00`, 24, "New Year")];
      },
    };
    holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2027, language: "fr" });
    expect(asked).toStrictEqual([[2025, "fr"], [2026, "fr"], [2027, "fr"]]);
  });
});

describe("holidaysFromDateHolidays: errors", () => {
  test("invalid_argument (issue invalid_year_range)", () => {
    const error = thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2030, toYear: 2029 }));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_year_range", ["toYear"]]]]);
  });

  test("invalid_argument: missing or non-object options, never a TypeError", () => {
    for (const options of [undefined, null, "US"]) {
      const error = thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays("US"), options as unknown as DateHolidaysOptions));
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_argument", []]]]);
    }
  });

  test("invalid_argument (issue invalid_provider): something without getHolidays", () => {
    for (const source of [null, {}, { getHolidays: 1 }, "US"]) {
      const error = thrownBy(SlaError, () => holidaysFromDateHolidays(source as unknown as DateHolidaysLike, { fromYear: 2026, toYear: 2026 }));
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_provider", ["source"]]]]);
    }
    expect(thrownBy(SlaError, () => holidaysFromDateHolidays("US" as unknown as DateHolidaysLike, { fromYear: 2026, toYear: 2026 })).message).toBe(
      'source: expected a date-holidays instance (an object with getHolidays(year)), such as new Holidays("US"); got "US"',
    );
  });

  test("invalid_argument (issue invalid_provider): an instance without a (known) country answers [] for every year, which is not taken as \"no holidays\"", () => {
    for (const source of [new Holidays(), new Holidays("XX")]) {
      const error = thrownBy(SlaError, () => holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 }));
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_provider", ["source"]]]]);
    }
    expect(thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays(), { fromYear: 2026, toYear: 2027 })).message).toBe(
      'source: the source has no holidays of any type in 2025–2027; create it for a country, such as new Holidays("US") or new Holidays("GB", "eng")',
    );
    const notAList = { getHolidays: () => undefined } as unknown as DateHolidaysLike;
    expect(thrownBy(SlaError, () => holidaysFromDateHolidays(notAList, { fromYear: 2026, toYear: 2026 })).issues).toStrictEqual([
      { code: "invalid_provider", path: ["source"], message: "getHolidays(2025) returned undefined, not a list of holidays" },
    ]);
  });

  test("a hand-written source whose list holds something other than entries: those are passed over (they have no selected type), never a TypeError", () => {
    const source = { getHolidays: (year: number) => (year === 2026 ? [null, 5, entry("2026-03-01 00:00:00", 24, "Day")] : []) } as unknown as DateHolidaysLike;
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 })).toStrictEqual({ holidays: [{ date: "2026-03-01", name: "Day" }], skipped: [] });
  });

  test("an unreadable entry of a hand-written source is reported as invalid_entry, whatever its fields hold (a bigint date made a TypeError before)", () => {
    const source = { getHolidays: () => [{ type: "public", date: 5n, name: [Symbol("n")], start: new Date(0), end: "soon" }] } as unknown as DateHolidaysLike;
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 }).skipped).toStrictEqual([
      {
        date: "bigint 5n",
        name: "an array",
        code: "invalid_entry",
        message: 'entry "an array" has date bigint 5n, start 1970-01-01T00:00:00.000Z, end "soon"; expected a "YYYY-MM-DD hh:mm:ss" date and a start before the end',
      },
    ]);
  });

  test("a supportops error thrown by a hand-written getHolidays leaves as an SlaError", () => {
    const source: DateHolidaysLike = { getHolidays: () => [{ ...entry("2026-03-01 00:00:00", 24, "Day"), start: new Date(toEpochMs("soon")) }] };
    const error = thrownBy(SlaError, () => holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 }));
    expect([error.code, error.issues.map((i) => [i.code, i.path]), error.cause instanceof CoreError]).toStrictEqual(["invalid_time", [["invalid_time", ["source"]]], true]);
  });

  test("a source with holidays, none of the chosen types, gives an empty list (not an error)", () => {
    const source = fakeSource({ 2026: [entry("2026-02-14 00:00:00", 24, "Valentine's Day", { type: "observance" })] });
    expect(holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 })).toStrictEqual({ holidays: [], skipped: [] });
  });

  test("invalid_argument (issue invalid_option): empty or unknown types, a non-boolean substitutes or strict, a non-string language", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ types: [] }, "types"],
      [{ types: ["holiday"] }, "types"],
      [{ types: "public" }, "types"],
      [{ substitutes: "yes" }, "substitutes"],
      [{ language: 5 }, "language"],
      [{ strict: 1 }, "strict"],
    ];
    for (const [extra, key] of cases) {
      const options = { fromYear: 2026, toYear: 2026, ...extra } as unknown as DateHolidaysOptions;
      const error = thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays("US"), options));
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_option", [key]]]]);
    }
    expect(thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2026, types: [] })).message).toBe(
      "types: types must be a non-empty list of public, bank, optional, school, observance; got []",
    );
  });

  test("strict: skipped entries throw, one issue per entry", () => {
    const error = thrownBy(SlaError, () => holidaysFromDateHolidays(new Holidays("AT"), { fromYear: 2026, toYear: 2026, types: ["public", "bank"], strict: true }));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual([
      "invalid_holiday_source",
      [
        ["partial_day", ["date", "2026-12-24 14:00:00"]],
        ["partial_day", ["date", "2026-12-31 14:00:00"]],
      ],
    ]);
    expect(holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2026, strict: true }).holidays).toHaveLength(12);
  });

  test("safeHolidaysFromDateHolidays takes unknown values and returns the result or the error", () => {
    expect(safeHolidaysFromDateHolidays(fakeSource({ 2026: [entry("2026-03-01 00:00:00", 24, "Day")] }), { fromYear: 2026, toYear: 2026 })).toStrictEqual({
      success: true,
      data: { holidays: [{ date: "2026-03-01", name: "Day" }], skipped: [] },
    });
    const failed = safeHolidaysFromDateHolidays({}, JSON.parse('{ "fromYear": 2026, "toYear": 2026 }'));
    expect(failed.success ? [] : [failed.error.code, failed.error.issues[0].code]).toStrictEqual(["invalid_argument", "invalid_provider"]);
  });

  test("every skip code is one of the holiday issue codes", () => {
    expect([...DATE_HOLIDAYS_SKIP_CODES].every((code) => (HOLIDAY_ISSUE_CODES as ReadonlyArray<string>).includes(code))).toBe(true);
  });
});

test("the package source never imports date-holidays (it is an optional peer dependency)", () => {
  const dir = fileURLToPath(new URL("../src/", import.meta.url));
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  // Comments (the TSDoc examples show `import Holidays from "date-holidays"`) are not code.
  const code = (f: string): string => readFileSync(`${dir}${f}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const importing = files.filter((f) => /(?:from|import|require)\s*\(?\s*["']date-holidays["']/.test(code(f)));
  expect(files).toContain("holidays/holidaysFromDateHolidays.ts");
  expect(importing).toStrictEqual([]);
});
