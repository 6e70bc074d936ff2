import { daysFromCivil, daysInMonth, isLeapYear, weekdayOf } from "./civilDays.js";

/** A `BYDAY` entry: a weekday (0 = Monday … 6 = Sunday) and an optional ordinal (`4TH` → 4, `-1MO` → -1). */
export interface ByDay {
  readonly weekday: number;
  readonly ordinal?: number;
}

/** The subset of RFC 5545 recurrence rules that public-holiday feeds use: `FREQ=YEARLY` with day-level parts. */
export interface YearlyRule {
  readonly interval: number;
  readonly byMonth?: ReadonlyArray<number>;
  readonly byMonthDay?: ReadonlyArray<number>;
  readonly byDay?: ReadonlyArray<ByDay>;
  readonly count?: number;
  /** Day number of the last date allowed (UNTIL is inclusive; a DATE-TIME UNTIL counts by its date). */
  readonly untilDay?: number;
}

/** Why an RRULE could not be used. */
export interface RuleProblem {
  readonly code: "unsupported_rrule" | "invalid_rrule";
  readonly message: string;
}

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const UNSUPPORTED_PARTS = new Set(["BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "BYEASTER", "RSCALE", "SKIP"]);

function intList(raw: string, min: number, max: number, allowNegative: boolean): number[] | undefined {
  const out: number[] = [];
  for (const part of raw.split(",")) {
    if (!/^[+-]?\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (n < 0 && !allowNegative)) return undefined;
    out.push(n);
  }
  return out;
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
    if (eq <= 0) return { code: "invalid_rrule", message: `"${piece}" is not a NAME=VALUE rule part` };
    const key = piece.slice(0, eq).toUpperCase();
    if (parts.has(key)) return { code: "invalid_rrule", message: `rule part ${key} appears twice` };
    parts.set(key, piece.slice(eq + 1));
  }
  const freq = parts.get("FREQ")?.toUpperCase();
  if (freq === undefined) return { code: "invalid_rrule", message: "the rule has no FREQ; public-holiday feeds use FREQ=YEARLY" };
  if (freq !== "YEARLY") {
    return { code: "unsupported_rrule", message: `FREQ=${freq} is not supported; only FREQ=YEARLY rules are expanded (list the dates as separate all-day events instead)` };
  }
  const rule: {
    interval: number;
    byMonth?: number[];
    byMonthDay?: number[];
    byDay?: ByDay[];
    count?: number;
    untilDay?: number;
  } = { interval: 1 };
  for (const [key, raw] of parts) {
    switch (key) {
      case "FREQ":
      case "WKST": // only matters with BYWEEKNO (unsupported) or FREQ=WEEKLY
        break;
      case "INTERVAL": {
        if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1) return { code: "invalid_rrule", message: `INTERVAL=${raw} is not a positive whole number` };
        rule.interval = Number(raw);
        break;
      }
      case "COUNT": {
        if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { code: "invalid_rrule", message: `COUNT=${raw} is not a positive whole number` };
        rule.count = Number(raw);
        break;
      }
      case "UNTIL": {
        const until = parseUntil(raw);
        if (until === undefined) return { code: "invalid_rrule", message: `UNTIL=${raw} is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])` };
        rule.untilDay = until;
        break;
      }
      case "BYMONTH": {
        const list = intList(raw, 1, 12, false);
        if (list === undefined) return { code: "invalid_rrule", message: `BYMONTH=${raw} must list months 1–12` };
        rule.byMonth = list;
        break;
      }
      case "BYMONTHDAY": {
        const list = intList(raw, 1, 31, true);
        if (list === undefined) return { code: "invalid_rrule", message: `BYMONTHDAY=${raw} must list days 1–31 or -31–-1` };
        rule.byMonthDay = list;
        break;
      }
      case "BYDAY": {
        const list: ByDay[] = [];
        for (const entry of raw.split(",")) {
          const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(entry);
          const ordinal = match?.[1] === undefined ? undefined : Number(match[1]);
          if (match === null || ordinal === 0 || (ordinal !== undefined && Math.abs(ordinal) > 53)) {
            return { code: "invalid_rrule", message: `BYDAY entry "${entry}" must be a weekday (MO…SU) with an optional ordinal 1–53 or -53–-1, such as 4TH or -1MO` };
          }
          const weekday = WEEKDAYS.indexOf((match[2] ?? "").toUpperCase() as (typeof WEEKDAYS)[number]);
          list.push(ordinal === undefined ? { weekday } : { weekday, ordinal });
        }
        rule.byDay = list;
        break;
      }
      default:
        return UNSUPPORTED_PARTS.has(key)
          ? { code: "unsupported_rrule", message: `rule part ${key} is not supported; only BYMONTH, BYMONTHDAY, BYDAY, INTERVAL, COUNT, UNTIL and WKST are` }
          : { code: "invalid_rrule", message: `unknown rule part ${key}` };
    }
  }
  if (rule.count !== undefined && rule.untilDay !== undefined) {
    return { code: "invalid_rrule", message: "the rule has both COUNT and UNTIL, which RFC 5545 forbids; keep one" };
  }
  return rule;
}

/** Is `day` (inside the scope [scopeStart, scopeEnd]) the weekday and ordinal `by` asks for? */
function matchesByDay(day: number, by: ByDay, scopeStart: number, scopeEnd: number): boolean {
  if (weekdayOf(day) !== by.weekday) return false;
  if (by.ordinal === undefined) return true;
  return by.ordinal > 0
    ? Math.floor((day - scopeStart) / 7) + 1 === by.ordinal
    : Math.floor((scopeEnd - day) / 7) + 1 === -by.ordinal;
}

/** Pushes the days in [scopeStart, scopeEnd] that a BYDAY entry selects. */
function expandByDay(by: ByDay, scopeStart: number, scopeEnd: number, out: number[]): void {
  if (by.ordinal === undefined) {
    for (let d = scopeStart + ((by.weekday - weekdayOf(scopeStart) + 7) % 7); d <= scopeEnd; d += 7) out.push(d);
  } else if (by.ordinal > 0) {
    const d = scopeStart + ((by.weekday - weekdayOf(scopeStart) + 7) % 7) + 7 * (by.ordinal - 1);
    if (d <= scopeEnd) out.push(d);
  } else {
    const d = scopeEnd - ((weekdayOf(scopeEnd) - by.weekday + 7) % 7) - 7 * (-by.ordinal - 1);
    if (d >= scopeStart) out.push(d);
  }
}

/**
 * The day numbers the rule selects in one year, sorted and distinct (DTSTART, COUNT and UNTIL are
 * applied by the caller). Month and day default to DTSTART's when the rule does not give them (RFC 5545 §3.3.10):
 * - BYDAY without BYMONTH/BYMONTHDAY: weekdays of the whole year, ordinals count within the year;
 * - otherwise the months are BYMONTH, else every month when BYMONTHDAY is given, else DTSTART's month;
 *   the days are BYMONTHDAY (negative counts from the month's end), else BYDAY expanded within the month,
 *   else DTSTART's day (skipped in months too short for it); BYDAY limits BYMONTHDAY, its ordinals
 *   counting within the month when BYMONTH is given and within the year otherwise.
 */
function expandYear(rule: YearlyRule, year: number, startMonth: number, startDay: number): number[] {
  const yearStart = daysFromCivil(year, 1, 1);
  const yearEnd = yearStart + (isLeapYear(year) ? 365 : 364);
  const out: number[] = [];
  const { byMonth, byMonthDay, byDay } = rule;
  if (byDay !== undefined && byMonth === undefined && byMonthDay === undefined) {
    for (const by of byDay) expandByDay(by, yearStart, yearEnd, out);
  } else {
    const months = byMonth ?? (byMonthDay !== undefined ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [startMonth]);
    for (const month of months) {
      const length = daysInMonth(year, month);
      const monthStart = daysFromCivil(year, month, 1);
      const monthEnd = monthStart + length - 1;
      if (byMonthDay !== undefined) {
        for (const md of byMonthDay) {
          const dom = md > 0 ? md : length + md + 1;
          if (dom < 1 || dom > length) continue;
          const day = monthStart + dom - 1;
          if (byDay === undefined) out.push(day);
          else if (byDay.some((by) => (byMonth === undefined ? matchesByDay(day, by, yearStart, yearEnd) : matchesByDay(day, by, monthStart, monthEnd)))) out.push(day);
        }
      } else if (byDay !== undefined) {
        for (const by of byDay) expandByDay(by, monthStart, monthEnd, out);
      } else if (startDay <= length) {
        out.push(monthStart + startDay - 1);
      }
    }
  }
  out.sort((a, b) => a - b);
  return out.filter((d, i) => i === 0 || out[i - 1] !== d);
}

/**
 * The start days of the recurrence set up to `lastDay` (inclusive): DTSTART first (RFC 5545 counts it as
 * the first instance), then every selected day after it in years `start year + k·INTERVAL`, bounded by
 * COUNT and UNTIL. `firstUsefulDay` lets the walk skip whole years when no COUNT needs them counted.
 */
export function expandRule(rule: YearlyRule, startDay: number, startYear: number, startMonth: number, startDom: number, firstUsefulDay: number, lastDay: number): number[] {
  const limit = Math.min(lastDay, rule.untilDay ?? Number.POSITIVE_INFINITY);
  const out: number[] = [];
  if (startDay > limit) return out;
  out.push(startDay);
  const count = rule.count ?? Number.POSITIVE_INFINITY;
  let year = startYear;
  if (rule.count === undefined) {
    // Years that end before firstUsefulDay contribute nothing; jump over them, staying on the INTERVAL grid.
    const usefulYear = Math.max(startYear, yearOfDay(firstUsefulDay) - 1);
    year = startYear + Math.floor((usefulYear - startYear) / rule.interval) * rule.interval;
  }
  for (; year <= 9999 && out.length < count; year += rule.interval) {
    if (daysFromCivil(year, 1, 1) > limit) break;
    for (const day of expandYear(rule, year, startMonth, startDom)) {
      if (day <= startDay) continue;
      if (day > limit || out.length >= count) break;
      out.push(day);
    }
  }
  return out;
}

function yearOfDay(day: number): number {
  // Good to within a year, which is all the skip-ahead needs (it steps back one year to be safe).
  return 1970 + Math.floor(day / 365.2425);
}
