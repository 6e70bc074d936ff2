import { describeValue } from "@supportops/core";
import { InteropError } from "./InteropError.js";
import { RAILS_TIME_ZONES } from "./RAILS_TIME_ZONES.js";
import { canonicalZone, isTimeZone } from "./internal/zones.js";

/**
 * The first Rails display name (in Rails' order) whose zone is `zone`, compared as ICU resolves zones
 * (`Europe/Kyiv` finds `"Kyiv"`, whose table zone is the link `Europe/Kiev`), or `null` when no Rails
 * name has that zone (`America/Toronto`): a vendor that needs a Rails name cannot hold it, and no zone
 * with other rules is picked in its place.
 *
 * @param zone - an IANA zone name
 * @returns the Rails name, or `null`
 * @throws {@link InteropError} `invalid_time_zone` when `zone` is not an IANA zone
 * @example
 * railsTimeZoneFromIana("America/New_York"); // => "Eastern Time (US & Canada)"
 * railsTimeZoneFromIana("Europe/London");    // => "Edinburgh" (Rails lists it before "London")
 * railsTimeZoneFromIana("America/Toronto");  // => null
 */
export function railsTimeZoneFromIana(zone: string): string | null {
  if (typeof zone !== "string" || !isTimeZone(zone)) {
    throw new InteropError("invalid_time_zone", [{ code: "invalid_time_zone", path: [], message: `${describeValue(zone)} is not an IANA time-zone name` }]);
  }
  const wanted = canonicalZone(zone);
  for (const [rails, iana] of RAILS_TIME_ZONES) {
    if (iana === zone || canonicalZone(iana) === wanted) return rails;
  }
  return null;
}
