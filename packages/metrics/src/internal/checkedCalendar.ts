// Calls into a caller's business calendar, checked against core's BusinessCalendarLike contract: its
// own supportops errors leave as MetricsError (shared codes kept), and an answer that breaks the
// contract (NaN, a fraction, more business time than calendar time, a due instant before its start)
// is an `invalid_calendar` error with issue `invalid_return_value`, as in sla and escalation — never a
// wrong KPI.
import { describeValue, rethrowAs, type BusinessCalendarLike, type IssuePath } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";

/** The two business-time questions the KPIs ask, each checked. */
export interface CheckedCalendar {
  /** Business ms in `[a, b)` for `a ≤ b`: a whole number from 0 to `b − a`. */
  between(a: number, b: number): number;
  /** The instant `durationMs ≥ 0` business ms after `ms`: a whole number of ms, at least `ms + durationMs`. */
  add(ms: number, durationMs: number): number;
}

function broken(path: IssuePath, call: string, value: unknown, expected: string): never {
  throw new MetricsError("invalid_calendar", [
    {
      code: "invalid_return_value",
      path,
      message: `${call} returned ${describeValue(value)}; a calendar (BusinessCalendarLike) answers ${expected}`,
    },
  ]);
}

/** Wraps `calendar` so that every answer is checked; `path` locates the calendar in the caller's options. */
export function checkedCalendar(calendar: BusinessCalendarLike, path: IssuePath): CheckedCalendar {
  return {
    between(a, b) {
      const ms: unknown = rethrowAs(MetricsError, () => calendar.businessMsBetween(a, b), path, "invalid_argument");
      if (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0 || ms > b - a) {
        broken(path, `businessMsBetween(${a}, ${b})`, ms, `a whole number of ms from 0 to b − a (${b - a})`);
      }
      return ms;
    },
    add(ms, durationMs) {
      const at: unknown = rethrowAs(MetricsError, () => calendar.addBusinessMs(ms, durationMs), path, "invalid_argument");
      if (typeof at !== "number" || !Number.isSafeInteger(at) || at - ms < durationMs) {
        broken(path, `addBusinessMs(${ms}, ${durationMs})`, at, `a whole number of ms at least ms + durationMs (${ms + durationMs})`);
      }
      return at;
    },
  };
}
