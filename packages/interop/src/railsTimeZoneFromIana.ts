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
  return railsByCanonicalZone().get(canonicalZone(zone)) ?? null;
}

/** The first Rails name of the table for each zone ICU resolves to; built once, on first use (about 150 zone look-ups). */
let byCanonical: ReadonlyMap<string, string> | undefined;
function railsByCanonicalZone(): ReadonlyMap<string, string> {
  if (byCanonical === undefined) {
    const table = new Map<string, string>();
    for (const [rails, iana] of RAILS_TIME_ZONES) {
      const canonical = canonicalZone(iana);
      if (!table.has(canonical)) table.set(canonical, rails);
    }
    byCanonical = table;
  }
  return byCanonical;
}
