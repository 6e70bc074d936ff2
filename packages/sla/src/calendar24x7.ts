import type { BusinessCalendar } from "./BusinessCalendar.js";
import { createCalendar } from "./createCalendar.js";

const FULL_DAY = [["00:00", "24:00"]] as const;

/**
 * A calendar that is always open: business time equals elapsed time, `addBusinessMs(t, d)` is `t + d`.
 * The zone only matters for {@link BusinessCalendar.addBusinessDays} (every date is a business day).
 *
 * @param timeZone - the IANA zone for day-based operations (default `"UTC"`)
 * @returns the 24×7 calendar
 * @throws {@link SlaError} `invalid_calendar` for an unknown zone
 * @example
 * calendar24x7().businessMsBetween(0, 3_600_000); // => 3600000
 */
export function calendar24x7(timeZone = "UTC"): BusinessCalendar {
  return createCalendar({
    timeZone,
    name: "24x7",
    weekly: { mon: FULL_DAY, tue: FULL_DAY, wed: FULL_DAY, thu: FULL_DAY, fri: FULL_DAY, sat: FULL_DAY, sun: FULL_DAY },
  });
}
