import { describeValue, type Issue } from "@supportops/core";
import type { HolidayYearRange } from "../HolidayYearRange.js";
import type { SlaIssueCode } from "../../SlaError.js";
import { holidayArgumentError } from "./holidayError.js";

/** The first and last year a holiday source accepts (the calendars' supported range is 1970–2200). */
const MIN_HOLIDAY_YEAR = 1970;
const MAX_HOLIDAY_YEAR = 2199;

/**
 * Checks the options object of a holiday source and its year range: an `invalid_argument` error with
 * issue code `invalid_argument` when `options` is not an object, `invalid_year_range` unless
 * `fromYear`/`toYear` are whole years in range and in order.
 */
export function validateYearRange(options: unknown): HolidayYearRange {
  if (typeof options !== "object" || options === null) {
    throw holidayArgumentError([
      { code: "invalid_argument", path: [], message: `expected an options object { fromYear, toYear }, got ${describeValue(options)}` },
    ]);
  }
  const { fromYear, toYear } = options as { fromYear?: unknown; toYear?: unknown };
  const issues: Issue<SlaIssueCode>[] = [];
  for (const [key, value] of [["fromYear", fromYear], ["toYear", toYear]] as const) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_HOLIDAY_YEAR || value > MAX_HOLIDAY_YEAR) {
      issues.push({
        code: "invalid_year_range",
        path: [key],
        message: `${key} must be a whole year from ${MIN_HOLIDAY_YEAR} to ${MAX_HOLIDAY_YEAR}, got ${typeof value === "number" ? String(value) : describeValue(value)}`,
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
  if (issues.length > 0) throw holidayArgumentError(issues);
  return { fromYear: fromYear as number, toYear: toYear as number };
}
