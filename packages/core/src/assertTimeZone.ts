import { IANAZone } from "luxon";
import { describe } from "./internal/describe.js";
import { SupportOpsError, type IssuePath } from "./SupportOpsError.js";

/**
 * Whether `zone` is an IANA time-zone name this runtime knows (`"Europe/Berlin"`, `"UTC"`).
 * Fixed offsets such as `"+02:00"` are not zones: they have no DST rules.
 *
 * @example
 * isTimeZone("America/New_York"); // => true
 * isTimeZone("Mars/Olympus");     // => false
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone === "" || /^[+-]\d/.test(zone)) return false;
  // luxon builds an Intl.DateTimeFormat per check (hundreds of µs); zone data does not change while
  // a process runs, so each name's answer is kept.
  let known = zoneValidity.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (zoneValidity.size < MAX_CACHED_ZONES) zoneValidity.set(zone, known);
  }
  return known;
}

/** IANA lists about 600 names; the cap only guards against a caller feeding endless garbage. */
const MAX_CACHED_ZONES = 4096;
const zoneValidity = new Map<string, boolean>();

/**
 * Checks that `zone` is an IANA time-zone name and returns it unchanged.
 *
 * @param zone - the zone name
 * @param path - where the value sits in a larger input, for the error's issue path
 * @returns the same zone name
 * @throws {@link SupportOpsError} with code `invalid_time_zone`
 * @example
 * assertTimeZone("Europe/Dublin"); // => "Europe/Dublin"
 * assertTimeZone("EST5");          // throws invalid_time_zone
 */
export function assertTimeZone(zone: unknown, path: IssuePath = []): string {
  if (!isTimeZone(zone)) {
    const message =
      typeof zone === "string"
        ? `"${zone}" is not an IANA time-zone name this runtime knows; use a name such as "America/New_York" or "UTC"`
        : `expected an IANA time-zone name, got ${describe(zone)}`;
    throw new SupportOpsError("invalid_time_zone", [{ code: "invalid_time_zone", path, message }]);
  }
  return zone;
}
