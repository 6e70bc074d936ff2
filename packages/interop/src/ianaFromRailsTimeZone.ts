import { InteropError } from "./InteropError.js";
import { RAILS_TO_IANA, isTimeZone, nearestRailsNames } from "./internal/zones.js";

/**
 * The IANA zone of a Rails time-zone display name, as Zendesk and Freshdesk send them: an exact name of
 * {@link RAILS_TIME_ZONES} (or the older spelling `"Kiev"`), else the name itself when it is already an
 * IANA name (Zendesk user records sometimes hold one). Anything else is an error, never UTC.
 *
 * @param name - the vendor's `time_zone` value, JSON-decoded (`&`, not `\u0026`)
 * @returns the IANA zone name
 * @throws {@link InteropError} `invalid_time_zone` for a name that is neither
 * @example
 * ianaFromRailsTimeZone("Eastern Time (US & Canada)"); // => "America/New_York"
 * ianaFromRailsTimeZone("New Caledonia");              // => "Pacific/Noumea"
 * ianaFromRailsTimeZone("Europe/Paris");               // => "Europe/Paris"
 */
export function ianaFromRailsTimeZone(name: string): string {
  if (typeof name !== "string") {
    throw new InteropError("invalid_time_zone", [{ code: "invalid_time_zone", path: [], message: `expected a time-zone name (a string), got ${typeof name}` }]);
  }
  const iana = RAILS_TO_IANA.get(name);
  if (iana !== undefined) return iana;
  if (name.includes("/") && isTimeZone(name)) return name;
  const near = nearestRailsNames(name);
  throw new InteropError("invalid_time_zone", [
    {
      code: "invalid_time_zone",
      path: [],
      message:
        `"${name}" is neither a Rails time-zone name nor an IANA zone; ` +
        (near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(", ")}? ` : "") +
        "the names are listed in RAILS_TIME_ZONES (an unknown zone is never read as UTC)",
    },
  ]);
}
