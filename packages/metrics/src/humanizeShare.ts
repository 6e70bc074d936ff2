import type { ConfidenceInterval } from "./KpiResult.js";

/**
 * Writes a share in [0, 1] as a percentage with one decimal, followed by its confidence interval in
 * brackets when one is given (`"84.2 % [81.0–87.0]"`), and `"—"` for `null` (a rate with n = 0).
 *
 * @param share - the share, or `null`
 * @param ci - its interval, or `null`/absent
 * @returns the text
 * @example
 * humanizeShare(0.8421, { low: 0.81, high: 0.87 }); // => "84.2 % [81.0–87.0]"
 * humanizeShare(0.5); // => "50.0 %"
 * humanizeShare(null); // => "—"
 */
export function humanizeShare(share: number | null, ci?: ConfidenceInterval | null): string {
  if (share === null || !Number.isFinite(share)) return "—";
  const pct = (x: number): string => (x * 100).toFixed(1);
  return ci === undefined || ci === null ? `${pct(share)} %` : `${pct(share)} % [${pct(ci.low)}–${pct(ci.high)}]`;
}
