import { describeValue, rethrowAs, safely, type IssuePath, type SafeResult } from "@supportops/core";
import { SlaError } from "../SlaError.js";
import type { Holiday } from "../CalendarDefinition.js";
import type { HolidayYearRange } from "./HolidayYearRange.js";
import { daysFromCivil, toDayNumber } from "./internal/civilDays.js";
import { HolidayCollector } from "./internal/HolidayCollector.js";
import type { DateHolidaysSkipCode } from "./DATE_HOLIDAYS_SKIP_CODES.js";
import { holidayArgumentError, holidayError } from "./internal/holidayError.js";
import { validateYearRange } from "./internal/validateYearRange.js";

/**
 * The holiday types `date-holidays` assigns: `public` (a day off by law), `bank` (banks and some
 * offices close), `optional` (employees may take it off), `school`, `observance` (marked, not a day off).
 *
 * @example
 * const types: DateHolidaysType[] = ["public", "bank"];
 */
export type DateHolidaysType = "public" | "bank" | "optional" | "school" | "observance";

const DATE_HOLIDAYS_TYPES: ReadonlyArray<DateHolidaysType> = ["public", "bank", "optional", "school", "observance"];

/**
 * One entry of `date-holidays`' `getHolidays(year)`, typed structurally so this package never imports
 * `date-holidays`: `date` is the local start as `"YYYY-MM-DD hh:mm:ss"` (sometimes followed by an
 * offset such as `" -0600"` for holidays that begin at the previous sunset), `start`/`end` the
 * absolute bounds.
 *
 * @example
 * const entry: DateHolidaysEntry = {
 *   date: "2026-07-03 00:00:00",
 *   start: new Date("2026-07-03T04:00:00Z"),
 *   end: new Date("2026-07-04T04:00:00Z"),
 *   name: "Independence Day (substitute day)",
 *   type: "public",
 *   substitute: true,
 * };
 */
export interface DateHolidaysEntry {
  /** Local start, `YYYY-MM-DD hh:mm:ss[ ±hhmm]`. */
  readonly date: string;
  /** The absolute start. */
  readonly start: Date;
  /** The absolute end (exclusive). */
  readonly end: Date;
  /** The name in the instance's (or the requested) language. */
  readonly name: string;
  /** One of {@link DateHolidaysType}. */
  readonly type: string;
  /** True on a substitute ("observed") day that replaces a holiday falling on a weekend or another holiday. */
  readonly substitute?: boolean | undefined;
}

/**
 * The part of a `date-holidays` instance (`new Holidays("US")`, `new Holidays("GB", "eng")`) the
 * adapter uses. Any object with this method works, so the package does not depend on `date-holidays`.
 *
 * @example
 * import Holidays from "date-holidays";
 * const source: DateHolidaysLike = new Holidays("US");
 */
export interface DateHolidaysLike {
  /**
   * The holidays dated in `year`, in the instance's language or `language`.
   *
   * @param year - the year
   * @param language - an ISO 639-1 language code
   *
   * @example
   * const source: DateHolidaysLike = {
   *   getHolidays: (year) => [
   *     { date: `${year}-12-25 00:00:00`, start: new Date(`${year}-12-25T00:00:00Z`), end: new Date(`${year}-12-26T00:00:00Z`), name: "Christmas Day", type: "public" },
   *   ],
   * };
   * holidaysFromDateHolidays(source, { fromYear: 2026, toYear: 2026 });
   * // => { holidays: [{ date: "2026-12-25", name: "Christmas Day" }], skipped: [] }
   */
  getHolidays(year: number, language?: string): ReadonlyArray<DateHolidaysEntry>;
}

/**
 * Options of {@link holidaysFromDateHolidays}.
 *
 * @example
 * const options: DateHolidaysOptions = { fromYear: 2026, toYear: 2027, types: ["public", "bank"], substitutes: true };
 */
export interface DateHolidaysOptions extends HolidayYearRange {
  /** Which holiday types close the calendar. Default `["public"]`. */
  readonly types?: ReadonlyArray<DateHolidaysType>;
  /** Whether substitute (observed) days count as holidays. Default true: they are the days people have off. */
  readonly substitutes?: boolean;
  /** Language of the names (ISO 639-1), passed to `getHolidays`. Default: the instance's. */
  readonly language?: string;
  /** When true, throw (one issue per skipped entry) instead of returning a non-empty `skipped`. Default false. */
  readonly strict?: boolean;
}

/**
 * A `date-holidays` entry that was not used.
 *
 * @example
 * const skipped: SkippedDateHolidaysEntry = {
 *   date: "2026-12-24 14:00:00",
 *   name: "Heiliger Abend",
 *   code: "partial_day",
 *   message: "…",
 * };
 */
export interface SkippedDateHolidaysEntry {
  /** The entry's `date` string as `date-holidays` gave it. */
  readonly date: string;
  /** The entry's name. */
  readonly name: string;
  /** Why it was skipped. */
  readonly code: DateHolidaysSkipCode;
  /** What was found and what to do instead. */
  readonly message: string;
}

/**
 * What {@link holidaysFromDateHolidays} returns.
 *
 * @example
 * const result: DateHolidaysHolidays = { holidays: [{ date: "2026-12-25", name: "Christmas Day" }], skipped: [] };
 */
export interface DateHolidaysHolidays {
  /** The holidays dated inside the year range, sorted, one per date. A fresh array: pass it as a calendar definition's `holidays`. */
  readonly holidays: Holiday[];
  /** Entries of a selected type that could not be used, in date order. */
  readonly skipped: SkippedDateHolidaysEntry[];
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s|$)/;
const DAY_MS = 86_400_000;
/** DST moves a whole-day span's length by at most 2 h (Antarctica/Troll); 3 h tells a day from a partial day safely. */
const DST_SLACK_MS = 3 * 3_600_000;

function argumentError(code: "invalid_provider" | "invalid_option", message: string, path: IssuePath): SlaError {
  return holidayArgumentError([{ code, path, message }]);
}

interface ValidOptions {
  readonly types: ReadonlySet<string>;
  readonly substitutes: boolean;
  readonly language: string | undefined;
  readonly strict: boolean;
}

function validateOptions(source: unknown, options: object): ValidOptions {
  if (typeof source !== "object" || source === null || typeof (source as { getHolidays?: unknown }).getHolidays !== "function") {
    throw argumentError("invalid_provider", `expected a date-holidays instance (an object with getHolidays(year)), such as new Holidays("US"); got ${describeValue(source)}`, ["source"]);
  }
  const { types = ["public"], substitutes = true, language, strict = false } = options as { types?: unknown; substitutes?: unknown; language?: unknown; strict?: unknown };
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => !(DATE_HOLIDAYS_TYPES as ReadonlyArray<unknown>).includes(t))) {
    throw argumentError("invalid_option", `types must be a non-empty list of ${DATE_HOLIDAYS_TYPES.join(", ")}; got ${JSON.stringify(types) ?? describeValue(types)}`, ["types"]);
  }
  if (typeof substitutes !== "boolean") throw argumentError("invalid_option", `substitutes must be true or false, got ${describeValue(substitutes)}`, ["substitutes"]);
  if (language !== undefined && typeof language !== "string") throw argumentError("invalid_option", `language must be an ISO 639-1 code such as "en", got ${describeValue(language)}`, ["language"]);
  if (typeof strict !== "boolean") throw argumentError("invalid_option", `strict must be true or false, got ${describeValue(strict)}`, ["strict"]);
  return { types: new Set(types as ReadonlyArray<string>), substitutes, language, strict };
}

type Skipped = SkippedDateHolidaysEntry & { readonly day: number };

/** A string as it is; anything else (from a hand-written source) described safely, never through its own `toString`. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : describeValue(value);
}

function instantText(value: unknown): string {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value.toISOString() : describeValue(value);
}

/** Asks the source for one year's entries; a supportops error from a hand-written source leaves as an SlaError. */
function entriesOf(source: DateHolidaysLike, year: number, language: string | undefined): ReadonlyArray<unknown> {
  const entries: unknown = rethrowAs(
    SlaError,
    () => (language === undefined ? source.getHolidays(year) : source.getHolidays(year, language)),
    ["source"],
    "invalid_argument",
  );
  if (!Array.isArray(entries)) throw argumentError("invalid_provider", `getHolidays(${year}) returned ${describeValue(entries)}, not a list of holidays`, ["source"]);
  return entries;
}

/**
 * Adds one entry's dates inside [firstDay, lastDay] to `spans`, or reports it in `skipped` when it
 * is unreadable or does not cover whole local days.
 */
function addEntry(raw: unknown, firstDay: number, lastDay: number, collector: HolidayCollector, skipped: Skipped[]): void {
  const entry = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<Record<keyof DateHolidaysEntry, unknown>>;
  const name = textOf(entry.name);
  const match = LOCAL.exec(typeof entry.date === "string" ? entry.date : "");
  const day = match === null ? undefined : toDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  const startMs = entry.start instanceof Date ? entry.start.getTime() : Number.NaN;
  const endMs = entry.end instanceof Date ? entry.end.getTime() : Number.NaN;
  if (match === null || day === undefined || !Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs) {
    if (day === undefined || (day >= firstDay && day <= lastDay)) {
      const message = `entry "${name}" has date ${describeValue(entry.date)}, start ${instantText(entry.start)}, end ${instantText(entry.end)}; expected a "YYYY-MM-DD hh:mm:ss" date and a start before the end`;
      skipped.push({ day: day ?? firstDay, date: textOf(entry.date), name, code: "invalid_entry", message });
    }
    return;
  }
  const date = textOf(entry.date);
  // The local start comes from `date` (wall clock); the length in whole local days from end − start,
  // which DST changes by at most a couple of hours.
  const midnight = (match[4] ?? "00") === "00" && (match[5] ?? "00") === "00" && (match[6] ?? "00") === "00";
  const days = Math.round((endMs - startMs) / DAY_MS);
  const wholeDays = midnight && days >= 1 && Math.abs(endMs - startMs - days * DAY_MS) <= DST_SLACK_MS;
  if (!wholeDays) {
    if (day + Math.max(days, 1) - 1 >= firstDay && day <= lastDay) {
      const hours = Math.round(((endMs - startMs) / 3_600_000) * 100) / 100;
      const message = `"${name}" starts ${date} and lasts ${hours} h, not whole days; a holiday closes whole days, so give that date an override with the remaining hours`;
      skipped.push({ day, date, name, code: "partial_day", message });
    }
    return;
  }
  collector.cover(day, day + days - 1, collector.name(typeof entry.name === "string" ? entry.name : undefined));
}

function convert(source: unknown, options: unknown): DateHolidaysHolidays {
  const { fromYear, toYear } = validateYearRange(options);
  const { types, substitutes, language, strict } = validateOptions(source, options as object);
  const provider = source as DateHolidaysLike;
  const firstDay = daysFromCivil(fromYear, 1, 1);
  const lastDay = daysFromCivil(toYear, 12, 31);
  const collector = new HolidayCollector(firstDay, lastDay);
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  // getHolidays(y) lists what starts in y; a multi-day holiday from the year before can reach into the range.
  let entriesSeen = 0;
  for (let year = fromYear - 1; year <= toYear; year++) {
    const entries = entriesOf(provider, year, language);
    entriesSeen += entries.length;
    for (const raw of entries) {
      const entry = (typeof raw === "object" && raw !== null ? raw : {}) as { type?: unknown; substitute?: unknown; date?: unknown; name?: unknown };
      if (typeof entry.type !== "string" || !types.has(entry.type)) continue;
      if (entry.substitute === true && !substitutes) continue;
      const key = `${textOf(entry.date)}\u0000${textOf(entry.name)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      addEntry(raw, firstDay, lastDay, collector, skipped);
    }
  }
  if (entriesSeen === 0) {
    // `new Holidays()` or `new Holidays("XX")` answers [] for every year instead of failing; an empty
    // list would silently mean "no holidays".
    throw argumentError(
      "invalid_provider",
      `the source has no holidays of any type in ${fromYear - 1}–${toYear}; create it for a country, such as new Holidays("US") or new Holidays("GB", "eng")`,
      ["source"],
    );
  }
  skipped.sort((a, b) => a.day - b.day);
  const list = skipped.map(({ day: _day, ...rest }) => rest);
  if (strict && list.length > 0) {
    throw holidayError(list.map((s) => ({ code: s.code, path: ["date", s.date], message: s.message })));
  }
  return { holidays: collector.toHolidays(), skipped: list };
}

/**
 * Turns a `date-holidays` instance into holidays for a range of years, in the same shape as
 * {@link parseICalendarHolidays}, ready for a calendar definition's `holidays`.
 *
 * `date-holidays` is an optional peer dependency: pass an instance you created (`new Holidays("US")`,
 * `new Holidays("GB", "eng")`); this package never imports it. Only the selected `types` count
 * (default `public`). Substitute ("observed") days are included by default, beside the date they
 * substitute for. A multi-day entry (`P3D`) gives each of its local dates; the local start date is
 * read from the entry's `date` string, the number of days from `end − start`. Entries that do not
 * cover whole days (Christmas Eve from 14:00) are listed in `skipped`, never silently dropped.
 *
 * @param source - a `date-holidays` instance (anything with `getHolidays(year, language?)`)
 * @param options - `fromYear`/`toYear` (inclusive, 1970–2199), `types`, `substitutes`, `language`, `strict`
 * @returns the holidays in the range, sorted and one per date (names on the same date joined with " / "), and what was skipped
 * @throws {@link SlaError} with code `invalid_argument` for unusable arguments: options that are not an
 *   object (issue code `invalid_argument`), a bad year range (`invalid_year_range`), bad `types`,
 *   `substitutes`, `language` or `strict` (`invalid_option`), a source without `getHolidays`, one whose
 *   `getHolidays` does not return a list, or one with no holidays of any type in the years asked — an
 *   instance created without a known country (`invalid_provider`). With code `invalid_holiday_source`
 *   when `strict: true` and entries were skipped: one issue per entry with its {@link DateHolidaysSkipCode}
 * @example
 * import Holidays from "date-holidays";
 * holidaysFromDateHolidays(new Holidays("US"), { fromYear: 2026, toYear: 2026 }).holidays.slice(0, 2);
 * // => [{ date: "2026-01-01", name: "New Year's Day" }, { date: "2026-01-19", name: "Martin Luther King Jr. Day" }]
 */
export function holidaysFromDateHolidays(source: DateHolidaysLike, options: DateHolidaysOptions): DateHolidaysHolidays {
  return convert(source, options);
}

/**
 * {@link holidaysFromDateHolidays} without throwing: the result, or the error it would have thrown.
 *
 * @param source - a `date-holidays` instance (any value: it is checked)
 * @param options - as for {@link holidaysFromDateHolidays} (any value: they are checked)
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link SlaError}
 * @example
 * safeHolidaysFromDateHolidays({}, { fromYear: 2026, toYear: 2026 }).success; // => false
 */
export function safeHolidaysFromDateHolidays(source: unknown, options: unknown): SafeResult<DateHolidaysHolidays, SlaError> {
  return safely(SlaError, () => convert(source, options));
}
