import { HOLIDAY_LIMITS } from "../HOLIDAY_LIMITS.js";
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, weekdayOf } from "./civilDays.js";

/** A `BYDAY` entry: a weekday (0 = Monday … 6 = Sunday) and an optional ordinal (`4TH` → 4, `-1MO` → -1). */
interface ByDay {
  readonly weekday: number;
  readonly ordinal?: number;
}

/**
 * The subset of RFC 5545 recurrence rules that public-holiday feeds use: `FREQ=YEARLY` with day-level
 * parts. Every list is sorted and free of repeats, so expanding a year costs at most
 * 12 × {@link MAX_RRULE_LIST_VALUES} steps however long the rule's text is.
 */
export interface YearlyRule {
  readonly interval: number;
  readonly byMonth?: ReadonlyArray<number>;
  readonly byMonthDay?: ReadonlyArray<number>;
  readonly byDay?: ReadonlyArray<ByDay>;
  /** `byDay` as a lookup table: entry `weekday · 108 + ordinal + 54` is 1 when listed (ordinal 0: every such weekday). */
  readonly byDayTable?: Uint8Array;
  readonly count?: number;
  /** Day number of the last date allowed (UNTIL is inclusive; a DATE-TIME UNTIL counts by its date). */
  readonly untilDay?: number;
}

/** Why an RRULE could not be used. */
export interface RuleProblem {
  readonly code: "unsupported_rrule" | "invalid_rrule";
  readonly message: string;
}

/** The most distinct values one BYMONTH, BYMONTHDAY or BYDAY list may hold (see `HOLIDAY_LIMITS`). */
const MAX_RRULE_LIST_VALUES = HOLIDAY_LIMITS.maxRruleListValues;

/** One row of a BYDAY table per weekday: ordinals −53…53 at offsets 1…107 (0 for "every such weekday" at 54). */
const BYDAY_ROW = 108;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const UNSUPPORTED_PARTS = new Set(["BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "BYEASTER", "RSCALE", "SKIP"]);

/** A value echoed in a message, cut to 40 characters: a feed can hold a line of any length. */
function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

function tooMany(part: string, distinct: number): RuleProblem {
  return {
    code: "invalid_rrule",
    message: `${part} lists ${distinct} distinct values; at most ${MAX_RRULE_LIST_VALUES} are read (repeats are ignored) — split the event into several`,
  };
}

/** A comma list of whole numbers in ±[min, max], sorted and without repeats; `undefined` when a part is not one. */
function intList(raw: string, min: number, max: number, allowNegative: boolean): number[] | undefined {
  const seen = new Set<number>();
  for (const part of raw.split(",")) {
    if (!/^[+-]?\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (n < 0 && !allowNegative)) return undefined;
    seen.add(n);
  }
  return [...seen].sort((a, b) => a - b);
}

/** A BYDAY list without repeats (`+1MO` and `1MO` are one entry), or the entry that is malformed. */
function byDayList(raw: string): ByDay[] | { readonly bad: string } {
  const seen = new Map<number, ByDay>();
  for (const entry of raw.split(",")) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(entry);
    const ordinal = match?.[1] === undefined ? undefined : Number(match[1]);
    if (match === null || ordinal === 0 || (ordinal !== undefined && Math.abs(ordinal) > 53)) return { bad: entry };
    const weekday = WEEKDAYS.indexOf((match[2] ?? "").toUpperCase() as (typeof WEEKDAYS)[number]);
    seen.set(weekday * 128 + (ordinal ?? 0), ordinal === undefined ? { weekday } : { weekday, ordinal });
  }
  return [...seen.values()];
}

/**
 * Parses an RRULE value. `parseUntil` turns the UNTIL value into a day number (or `undefined` when it
 * is not a date). Anything outside the supported subset is a {@link RuleProblem}, never ignored.
 */
export function parseYearlyRule(value: string, parseUntil: (raw: string) => number | undefined): YearlyRule | RuleProblem {
  const parts = new Map<string, string>();
  for (const piece of value.split(";")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    if (eq <= 0) return { code: "invalid_rrule", message: `"${shorten(piece)}" is not a NAME=VALUE rule part` };
    const key = piece.slice(0, eq).toUpperCase();
    if (parts.has(key)) return { code: "invalid_rrule", message: `rule part ${shorten(key)} appears twice` };
    parts.set(key, piece.slice(eq + 1));
  }
  const freq = parts.get("FREQ")?.toUpperCase();
  if (freq === undefined) return { code: "invalid_rrule", message: "the rule has no FREQ; public-holiday feeds use FREQ=YEARLY" };
  if (freq !== "YEARLY") {
    return { code: "unsupported_rrule", message: `FREQ=${shorten(freq)} is not supported; only FREQ=YEARLY rules are expanded (list the dates as separate all-day events instead)` };
  }
  const rule: {
    interval: number;
    byMonth?: number[];
    byMonthDay?: number[];
    byDay?: ByDay[];
    byDayTable?: Uint8Array;
    count?: number;
    untilDay?: number;
  } = { interval: 1 };
  for (const [key, raw] of parts) {
    switch (key) {
      case "FREQ":
      case "WKST": // only matters with BYWEEKNO (unsupported) or FREQ=WEEKLY
        break;
      case "INTERVAL": {
        if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1) return { code: "invalid_rrule", message: `INTERVAL=${shorten(raw)} is not a positive whole number` };
        rule.interval = Number(raw);
        break;
      }
      case "COUNT": {
        if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { code: "invalid_rrule", message: `COUNT=${shorten(raw)} is not a positive whole number` };
        rule.count = Number(raw);
        break;
      }
      case "UNTIL": {
        const until = parseUntil(raw);
        if (until === undefined) return { code: "invalid_rrule", message: `UNTIL=${shorten(raw)} is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])` };
        rule.untilDay = until;
        break;
      }
      case "BYMONTH": {
        const list = intList(raw, 1, 12, false);
        if (list === undefined) return { code: "invalid_rrule", message: `BYMONTH=${shorten(raw)} must list months 1–12` };
        rule.byMonth = list;
        break;
      }
      case "BYMONTHDAY": {
        const list = intList(raw, 1, 31, true);
        if (list === undefined) return { code: "invalid_rrule", message: `BYMONTHDAY=${shorten(raw)} must list days 1–31 or -31–-1` };
        rule.byMonthDay = list;
        break;
      }
      case "BYDAY": {
        const list = byDayList(raw);
        if ("bad" in list) {
          return { code: "invalid_rrule", message: `BYDAY entry "${shorten(list.bad)}" must be a weekday (MO…SU) with an optional ordinal 1–53 or -53–-1, such as 4TH or -1MO` };
        }
        if (list.length > MAX_RRULE_LIST_VALUES) return tooMany("BYDAY", list.length);
        rule.byDay = list;
        break;
      }
      default:
        return UNSUPPORTED_PARTS.has(key)
          ? { code: "unsupported_rrule", message: `rule part ${shorten(key)} is not supported; only BYMONTH, BYMONTHDAY, BYDAY, INTERVAL, COUNT, UNTIL and WKST are` }
          : { code: "invalid_rrule", message: `unknown rule part ${shorten(key)}` };
    }
  }
  if (rule.count !== undefined && rule.untilDay !== undefined) {
    return { code: "invalid_rrule", message: "the rule has both COUNT and UNTIL, which RFC 5545 forbids; keep one" };
  }
  if (rule.byDay !== undefined) {
    // Inside BYMONTH, ordinals count within a month, which never has a sixth weekday: such entries
    // select nothing, and leaving them out makes a rule of nothing else visibly empty.
    if (rule.byMonth !== undefined) rule.byDay = rule.byDay.filter((by) => by.ordinal === undefined || Math.abs(by.ordinal) <= 5);
    const table = new Uint8Array(7 * BYDAY_ROW);
    for (const by of rule.byDay) table[by.weekday * BYDAY_ROW + (by.ordinal ?? 0) + 54] = 1;
    rule.byDayTable = table;
  }
  return rule;
}

/** Is `day` (inside the scope [scopeStart, scopeEnd]) one of the weekdays and ordinals of the rule's BYDAY table? Three lookups. */
function matchesByDay(day: number, table: Uint8Array, scopeStart: number, scopeEnd: number): boolean {
  const row = weekdayOf(day) * BYDAY_ROW + 54;
  const fromStart = Math.floor((day - scopeStart) / 7) + 1;
  const fromEnd = -(Math.floor((scopeEnd - day) / 7) + 1);
  return table[row] === 1 || table[row + fromStart] === 1 || table[row + fromEnd] === 1;
}

/** Adds to `out` (from `n` on) the days in [scopeStart, scopeEnd] that a BYDAY entry selects; returns the new count. */
function expandByDay(by: ByDay, scopeStart: number, scopeEnd: number, out: Int32Array, n: number): number {
  if (by.ordinal === undefined) {
    for (let d = scopeStart + ((by.weekday - weekdayOf(scopeStart) + 7) % 7); d <= scopeEnd; d += 7) out[n++] = d;
  } else if (by.ordinal > 0) {
    const d = scopeStart + ((by.weekday - weekdayOf(scopeStart) + 7) % 7) + 7 * (by.ordinal - 1);
    if (d <= scopeEnd) out[n++] = d;
  } else {
    const d = scopeEnd - ((weekdayOf(scopeEnd) - by.weekday + 7) % 7) - 7 * (-by.ordinal - 1);
    if (d >= scopeStart) out[n++] = d;
  }
  return n;
}

const ALL_MONTHS: ReadonlyArray<number> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const EMPTY_TABLE = new Uint8Array(7 * BYDAY_ROW);

/**
 * The most days one year's expansion lists before sorting: 12 months of 7 plain weekdays (5 each) and
 * 64 ordinals (1 each), or 12 months of 62 month days.
 */
const MAX_CANDIDATES = 12 * (7 * 5 + MAX_RRULE_LIST_VALUES);
const candidates = new Int32Array(MAX_CANDIDATES);
/** Scratch marks for one year's days (a year has at most 366). */
const marks = new Uint8Array(366);

/**
 * Writes the day numbers the rule selects in one year into `out`, sorted and distinct, and returns
 * how many (DTSTART, COUNT and UNTIL are applied by the caller). Month and day default to DTSTART's
 * when the rule does not give them (RFC 5545 §3.3.10):
 * - BYDAY without BYMONTH/BYMONTHDAY: weekdays of the whole year, ordinals count within the year;
 * - otherwise the months are BYMONTH, else every month when BYMONTHDAY is given, else DTSTART's month;
 *   the days are BYMONTHDAY (negative counts from the month's end), else BYDAY expanded within the month,
 *   else DTSTART's day (skipped in months too short for it); BYDAY limits BYMONTHDAY, its ordinals
 *   counting within the month when BYMONTH is given and within the year otherwise.
 * Nothing is allocated: the days go through fixed scratch tables (one year at a time, never re-entered).
 */
function expandYear(rule: YearlyRule, year: number, startMonth: number, startDay: number, out: Int32Array): number {
  const yearStart = daysFromCivil(year, 1, 1);
  const yearEnd = yearStart + (isLeapYear(year) ? 365 : 364);
  let n = 0;
  const { byMonth, byMonthDay, byDay, byDayTable = EMPTY_TABLE } = rule;
  if (byDay !== undefined && byMonth === undefined && byMonthDay === undefined) {
    for (const by of byDay) n = expandByDay(by, yearStart, yearEnd, candidates, n);
  } else {
    for (const month of byMonth ?? (byMonthDay !== undefined ? ALL_MONTHS : [startMonth])) {
      const length = daysInMonth(year, month);
      const monthStart = daysFromCivil(year, month, 1);
      const monthEnd = monthStart + length - 1;
      if (byMonthDay !== undefined) {
        for (const md of byMonthDay) {
          const dom = md > 0 ? md : length + md + 1;
          if (dom < 1 || dom > length) continue;
          const day = monthStart + dom - 1;
          if (byDay === undefined) candidates[n++] = day;
          else if (byMonth === undefined ? matchesByDay(day, byDayTable, yearStart, yearEnd) : matchesByDay(day, byDayTable, monthStart, monthEnd)) candidates[n++] = day;
        }
      } else if (byDay !== undefined) {
        for (const by of byDay) n = expandByDay(by, monthStart, monthEnd, candidates, n);
      } else if (startDay <= length) {
        candidates[n++] = monthStart + startDay - 1;
      }
    }
  }
  // Sorted and distinct by marking the year's days: one pass over the year, no comparison sort.
  for (let i = 0; i < n; i++) marks[(candidates[i] as number) - yearStart] = 1;
  let count = 0;
  for (let i = 0; i <= yearEnd - yearStart; i++) {
    if (marks[i] === 1) {
      out[count++] = yearStart + i;
      marks[i] = 0;
    }
  }
  return count;
}

/** Where the start days of a recurrence go, one at a time and in order. */
export interface StartSink {
  visit(day: number): void;
}

/**
 * Gives `sink` each start day of the recurrence set up to `lastDay` (inclusive), in order: DTSTART
 * first (RFC 5545 counts it as the first instance), then every selected day after it in years
 * `start year + k·INTERVAL`, bounded by COUNT and UNTIL. `firstUsefulDay` lets the walk skip whole
 * years when no COUNT needs them counted. Nothing is collected, so the memory stays that of one year.
 * (The sink is an object rather than a callback: one class of sink keeps the call monomorphic, which
 * an every-day rule over 230 years, 84 000 calls, notices.)
 */
export function forEachStart(rule: YearlyRule, startDay: number, firstUsefulDay: number, lastDay: number, sink: StartSink): void {
  const limit = Math.min(lastDay, rule.untilDay ?? Number.POSITIVE_INFINITY);
  if (startDay > limit) return;
  sink.visit(startDay);
  let emitted = 1;
  const count = rule.count ?? Number.POSITIVE_INFINITY;
  const { year: startYear, month: startMonth, day: startDom } = civilFromDays(startDay);
  let year = startYear;
  if (rule.count === undefined) {
    // Years that end before firstUsefulDay contribute nothing; jump over them, staying on the INTERVAL grid.
    const usefulYear = Math.max(startYear, yearOfDay(firstUsefulDay) - 1);
    year = startYear + Math.floor((usefulYear - startYear) / rule.interval) * rule.interval;
  }
  const days = new Int32Array(366);
  for (; year <= 9999 && emitted < count; year += rule.interval) {
    if (daysFromCivil(year, 1, 1) > limit) break;
    const n = expandYear(rule, year, startMonth, startDom, days);
    for (let i = 0; i < n; i++) {
      const day = days[i] as number;
      if (day <= startDay) continue;
      if (day > limit || emitted >= count) return;
      sink.visit(day);
      emitted++;
    }
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Why the rule can select no date after DTSTART, or `undefined` when it can. "Never" is decided
 * exactly: UNTIL before DTSTART, or parts that no year of the rule has (`BYMONTH=2;BYMONTHDAY=30`,
 * `BYMONTH=4;BYDAY=5FR` in years whose April has four Fridays, `BYMONTHDAY=29` of February with an
 * INTERVAL that only lands on common years). The Gregorian calendar repeats every 400 years, so the
 * years `start + k·INTERVAL` repeat their shapes after at most 400 steps: looking at those (with COUNT
 * and UNTIL set aside) answers for all of them. A rule that selects something stops the search at the
 * first year that has a date, usually the first or second.
 */
export function whyNever(rule: YearlyRule, startDay: number): string | undefined {
  if (rule.untilDay !== undefined && rule.untilDay < startDay) return "its UNTIL is before DTSTART, so the rule selects no date; correct UNTIL or DTSTART";
  if (rule.byDay?.length === 0) return "its BYDAY names only sixth or later weekdays of a month, which no month has, so it never recurs; correct the rule";
  const { year: startYear, month, day } = civilFromDays(startDay);
  const steps = 400 / gcd(rule.interval, 400);
  const days = new Int32Array(366);
  for (let k = 0; k <= steps; k++) {
    const year = startYear + k * rule.interval;
    if (year > 9999) break;
    const n = expandYear(rule, year, month, day, days);
    // Sorted: the year's last day is after DTSTART if any is.
    if (n > 0 && (k > 0 || (days[n - 1] as number) > startDay)) return undefined;
  }
  return "no year of the rule has a date its parts select (such as BYMONTH=2;BYMONTHDAY=30, or a fifth weekday in months that never have one), so it never recurs; correct the rule";
}

function yearOfDay(day: number): number {
  // Good to within a year, which is all the skip-ahead needs (it steps back one year to be safe).
  return 1970 + Math.floor(day / 365.2425);
}
