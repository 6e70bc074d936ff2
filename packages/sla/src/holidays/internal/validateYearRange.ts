import type { Issue } from "@supportops/core";
import type { HolidayYearRange } from "../HolidayYearRange.js";
import { holidayError } from "./holidayError.js";

/** The first and last year a holiday source accepts (the calendars' supported range is 1970–2200). */
export const MIN_HOLIDAY_YEAR = 1970;
export const MAX_HOLIDAY_YEAR = 2199;

/** Throws `invalid_year_range` unless `fromYear`/`toYear` are whole years in range and in order. */
export function validateYearRange(options: unknown): HolidayYearRange {
  if (typeof options !== "object" || options === null) {
    throw holidayError([
      { code: "invalid_year_range", path: [], message: `expected options { fromYear, toYear }, got ${options === null ? "null" : typeof options}` },
    ]);
  }
  const { fromYear, toYear } = options as { fromYear?: unknown; toYear?: unknown };
  const issues: Issue[] = [];
  for (const [key, value] of [["fromYear", fromYear], ["toYear", toYear]] as const) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_HOLIDAY_YEAR || value > MAX_HOLIDAY_YEAR) {
      issues.push({
        code: "invalid_year_range",
        path: [key],
        message: `${key} must be a whole year from ${MIN_HOLIDAY_YEAR} to ${MAX_HOLIDAY_YEAR}, got ${typeof value === "number" ? String(value) : typeof value}`,
      });
    }
  }
  if (issues.length === 0 && (fromYear as number) > (toYear as number)) {
    issues.push({
      code: "invalid_year_range",
      path: ["toYear"],
      message: `toYear (${String(toYear)}) is before fromYear (${String(fromYear)}); the range is inclusive, so use toYear: ${String(fromYear)} for one year`,
    });
  }
  if (issues.length > 0) throw holidayError(issues);
  return { fromYear: fromYear as number, toYear: toYear as number };
}
