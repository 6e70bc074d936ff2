const UNITS = [
  { label: "d", ms: 86_400_000 },
  { label: "h", ms: 3_600_000 },
  { label: "m", ms: 60_000 },
  { label: "s", ms: 1_000 },
] as const;

/**
 * Writes a duration in milliseconds for a reader: its two largest units, rounded to the smaller one
 * (`"2 h 15 m"`, `"3 d 4 h"`, `"45 s"`), whole milliseconds below a second, and `"—"` for `null`
 * (a KPI with no value). Days are 24 hours of elapsed time; for business time (where a "day" of 24
 * business hours would mislead) pass `{ largestUnit: "h" }`.
 *
 * @param ms - a duration in milliseconds, or `null`
 * @param options - `largestUnit`: the largest unit to write (`"d"` by default)
 * @returns the text
 * @example
 * humanizeDuration(8_100_000); // => "2 h 15 m"
 * humanizeDuration(273_600_000); // => "3 d 4 h"
 * humanizeDuration(450); // => "450 ms"
 * humanizeDuration(null); // => "—"
 * humanizeDuration(136_800_000, { largestUnit: "h" }); // => "38 h"
 */
export function humanizeDuration(ms: number | null, options: { readonly largestUnit?: "d" | "h" | "m" | "s" } = {}): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  if (ms < 0) return `−${humanizeDuration(-ms, options)}`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const largest = Math.max(0, UNITS.findIndex((unit) => unit.label === (options.largestUnit ?? "d")));
  const found = UNITS.findIndex((unit, i) => i >= largest && ms >= unit.ms);
  const first = found === -1 ? UNITS.length - 1 : Math.max(found, largest);
  const big = UNITS[first] as (typeof UNITS)[number];
  const small = UNITS[first + 1];
  if (small === undefined) return `${Math.round(ms / big.ms)} ${big.label}`;
  // Round once, in the smaller unit, so 1 h 59 m 40 s reads "2 h", never "1 h 60 m".
  const total = Math.round(ms / small.ms);
  const per = big.ms / small.ms;
  const whole = Math.floor(total / per);
  const rest = total - whole * per;
  return rest === 0 ? `${whole} ${big.label}` : `${whole} ${big.label} ${rest} ${small.label}`;
}
