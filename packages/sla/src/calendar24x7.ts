import { assertTimeZone, rethrowAs } from "@supportops/core";
import type { BusinessCalendar } from "./BusinessCalendar.js";
import { createCalendar } from "./createCalendar.js";
import { SlaError } from "./SlaError.js";

const FULL_DAY = [["00:00", "24:00"]] as const;

/**
 * A calendar that is always open: business time equals elapsed time, `addBusinessMs(t, d)` is `t + d`.
 * The zone only matters for {@link BusinessCalendar.addBusinessDays} (every date is a business day).
 *
 * @param timeZone - the IANA zone for day-based operations (default `"UTC"`)
 * @returns the 24×7 calendar
 * @throws {@link SlaError} `invalid_time_zone` (path `["timeZone"]`) when `timeZone` is not an IANA zone
 *   name, such as `"Mars/Olympus"`, a fixed offset (`"+02:00"`) or a legacy name (`"EST"`)
 * @example
 * calendar24x7().businessMsBetween(0, 3_600_000); // => 3600000
 * calendar24x7("Europe/Dublin").timeZone;         // => "Europe/Dublin"
 */
export function calendar24x7(timeZone: string = "UTC"): BusinessCalendar {
  const zone = rethrowAs(SlaError, () => assertTimeZone(timeZone), ["timeZone"], "invalid_time_zone");
  return createCalendar({
    timeZone: zone,
    name: "24x7",
    weekly: { mon: FULL_DAY, tue: FULL_DAY, wed: FULL_DAY, thu: FULL_DAY, fri: FULL_DAY, sat: FULL_DAY, sun: FULL_DAY },
  });
}
