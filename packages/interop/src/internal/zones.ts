import { isTimeZone } from "@supportops/core";
import { RAILS_TIME_ZONES } from "../RAILS_TIME_ZONES.js";

/** The zone ICU resolves a name to (links such as `Europe/Kyiv` and `Europe/Kiev` resolve alike). */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

export const RAILS_TO_IANA: ReadonlyMap<string, string> = new Map([
  ...RAILS_TIME_ZONES.map(([rails, iana]) => [rails, iana] as const),
  // Older Rails releases (and so older exports) spell Kyiv "Kiev".
  ["Kiev", "Europe/Kiev"] as const,
]);

/** The Rails names of the table, for "did you mean" messages. */
export function nearestRailsNames(name: string): string[] {
  const words = name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2);
  return RAILS_TIME_ZONES.map(([rails]) => rails)
    .filter((rails) => words.some((w) => rails.toLowerCase().includes(w)))
    .slice(0, 5);
}

export { isTimeZone };
