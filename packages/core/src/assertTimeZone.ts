import { IANAZone } from "luxon";
import { describeValue } from "./describeValue.js";
import { CoreError } from "./CoreError.js";
import { type IssuePath } from "./SupportOpsError.js";

/**
 * Whether `zone` is an IANA time-zone name this runtime knows (`"Europe/Berlin"`, `"UTC"`, `"Etc/GMT+5"`).
 * Fixed offsets such as `"+02:00"` are not zones: they have no DST rules. Nor are the tz database's
 * legacy names `EST`, `MST`, `HST`, `EST5EDT`, `CST6CDT`, `MST7MDT`, `PST8PDT`, `CET`, `MET`, `EET`
 * and `WET`: use a location such as `"America/New_York"`. `UTC` and the `Etc/*` zones stay valid.
 *
 * @example
 * isTimeZone("America/New_York"); // => true
 * isTimeZone("Mars/Olympus");     // => false
 * isTimeZone("EST5EDT");          // => false (use "America/New_York")
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone === "" || /^[+-]\d/.test(zone) || legacyZoneHint(zone) !== undefined) return false;
  // luxon builds an Intl.DateTimeFormat per check (hundreds of µs); zone data does not change while
  // a process runs, so each name's answer is kept.
  let known = zoneValidity.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (zoneValidity.size < MAX_CACHED_ZONES) zoneValidity.set(zone, known);
  }
  return known;
}

/**
 * The tz database's legacy zones: abbreviations and POSIX-style rule names kept for compatibility.
 * `EST`, `MST` and `HST` are fixed offsets that never observe DST, and `EST5EDT` and friends follow
 * US rules from 1967 whatever a region really did, so a calendar on one of them is wrong for part of the
 * year or part of history. Each maps to the location people usually mean.
 */
const LEGACY_ZONES: ReadonlyMap<string, string> = new Map([
  ["est", "America/New_York"],
  ["est5edt", "America/New_York"],
  ["cst6cdt", "America/Chicago"],
  ["mst", "America/Phoenix"],
  ["mst7mdt", "America/Denver"],
  ["pst8pdt", "America/Los_Angeles"],
  ["hst", "Pacific/Honolulu"],
  ["cet", "Europe/Paris"],
  ["met", "Europe/Paris"],
  ["eet", "Europe/Athens"],
  ["wet", "Europe/Lisbon"],
]);

/** The location to use instead of a legacy zone name, or `undefined` when `zone` is not one. */
function legacyZoneHint(zone: string): string | undefined {
  return LEGACY_ZONES.get(zone.toLowerCase());
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
 * @throws {@link CoreError} with code `invalid_time_zone`
 * @example
 * assertTimeZone("Europe/Dublin"); // => "Europe/Dublin"
 * assertTimeZone("EST5");          // throws invalid_time_zone
 */
export function assertTimeZone(zone: unknown, path: IssuePath = []): string {
  if (!isTimeZone(zone)) {
    const hint = typeof zone === "string" ? legacyZoneHint(zone) : undefined;
    const message =
      typeof zone !== "string"
        ? `expected an IANA time-zone name, got ${describeValue(zone)}`
        : hint !== undefined
          ? `"${zone}" is a legacy zone name that does not follow any region's real rules; use a location such as "${hint}" (or "UTC", "Etc/GMT+5" for a fixed offset)`
          : /^[+-]\d/.test(zone)
            ? `"${zone}" is a fixed offset, not a time zone (it has no DST rules); use a location such as "America/New_York", or "UTC"`
            : `"${zone}" is not an IANA time-zone name this runtime knows; use a name such as "America/New_York" or "UTC"`;
    throw new CoreError("invalid_time_zone", [{ code: "invalid_time_zone", path, message }]);
  }
  return zone;
}
