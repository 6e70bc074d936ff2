import { assertTimeZone, rethrowAs, toDurationMs, toEpochMs, type BusinessCalendarLike, type IssuePath } from "@supportops/core";
import { DateTime } from "luxon";
import type { KpiInstant, KpiOptions, PercentileMethod } from "../KpiOptions.js";
import { DDSketch } from "../DDSketch.js";
import { MetricsError } from "../MetricsError.js";

/** The options of a period KPI, checked and in epoch ms. */
export interface ResolvedOptions {
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  readonly timeZone: string;
  readonly windowMs: number;
  readonly percentile: PercentileMethod;
  readonly minN: number;
  readonly mergedInFails: boolean;
  /** Duration percentiles by DDSketch (`null`: exact). */
  readonly sketch?: { readonly relativeAccuracy: number; readonly maxBins: number } | null;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function invalidArgument(path: IssuePath, message: string, code: "invalid_argument" | "empty_period" | "as_of_before_end" | "unknown_kpi" | "invalid_bucket" | "invalid_group" | "options_mismatch" = "invalid_argument"): MetricsError {
  return new MetricsError("invalid_argument", [{ code, path, message }]);
}

export function requireObject(value: unknown, usage: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidArgument([], `expected an options object; call it as ${usage}`);
  }
  return value as Record<string, unknown>;
}

export function readZone(value: unknown, path: IssuePath): string {
  if (value === undefined) return "UTC";
  return rethrowAs(MetricsError, () => assertTimeZone(value, path), [], "invalid_argument");
}

/** An instant, or a local date read as its first instant in `zone`. */
export function readInstant(value: unknown, zone: string, path: IssuePath): number {
  if (typeof value === "string") {
    const match = LOCAL_DATE.exec(value);
    if (match !== null) {
      const local = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone });
      if (!local.isValid) throw new MetricsError("invalid_time", [{ code: "invalid_time", path, message: `${value} is not a calendar date` }]);
      // luxon moves a midnight that a DST gap skips forward: the first instant of that local date.
      return local.toMillis();
    }
  }
  return rethrowAs(MetricsError, () => toEpochMs(value as KpiInstant & Parameters<typeof toEpochMs>[0], path), [], "invalid_argument");
}

export function readPercentile(value: unknown, path: IssuePath): PercentileMethod {
  if (value === undefined) return "nearestRank";
  if (value === "nearestRank" || value === "linear") return value;
  throw invalidArgument(path, `expected "nearestRank" or "linear", got ${JSON.stringify(value)}`);
}

export function resolveOptions(input: unknown, usage: string): ResolvedOptions {
  const options = requireObject(input, usage) as Partial<Record<keyof KpiOptions, unknown>>;
  const timeZone = readZone(options.timeZone, ["timeZone"]);
  const period = options.period;
  if (typeof period !== "object" || period === null) throw invalidArgument(["period"], "expected a period { from, to }");
  const { from: fromInput, to: toInput } = period as { from?: unknown; to?: unknown };
  const from = readInstant(fromInput, timeZone, ["period", "from"]);
  const to = readInstant(toInput, timeZone, ["period", "to"]);
  if (to <= from) throw invalidArgument(["period", "to"], "the period ends at or before it starts; the period is [from, to), so give a `to` after `from`", "empty_period");
  const asOf = options.asOf === undefined ? to : readInstant(options.asOf, timeZone, ["asOf"]);
  if (asOf < to) throw invalidArgument(["asOf"], "asOf is before the period's end; a KPI is only known once its period is over (asOf ≥ period.to)", "as_of_before_end");
  const windowMs = options.reopenWindow === undefined ? 7 * 86_400_000 : rethrowAs(MetricsError, () => toDurationMs(options.reopenWindow as never, ["reopenWindow"]), [], "invalid_argument");
  if (windowMs < 0) throw new MetricsError("invalid_duration", [{ code: "invalid_duration", path: ["reopenWindow"], message: "a reopen window is a duration ≥ 0" }]);
  const minN = options.minN === undefined ? 5 : options.minN;
  if (typeof minN !== "number" || !Number.isSafeInteger(minN) || minN < 0) throw invalidArgument(["minN"], "expected a whole number ≥ 0");
  const mergedInFails = options.mergedInFails === undefined ? true : options.mergedInFails;
  if (typeof mergedInFails !== "boolean") throw invalidArgument(["mergedInFails"], "expected true or false");
  const percentile = readPercentile(options.percentile, ["percentile"]);
  const sketch = readSketch(options.percentiles, percentile);
  return { from, to, asOf, timeZone, windowMs, percentile, minN, mergedInFails, ...(sketch === null ? {} : { sketch }) };
}

function readSketch(value: unknown, percentile: PercentileMethod): { relativeAccuracy: number; maxBins: number } | null {
  if (value === undefined) return null;
  const p = value as { method?: unknown; relativeAccuracy?: unknown; maxBins?: unknown } | null;
  if (typeof p !== "object" || p === null || (p.method !== "exact" && p.method !== "ddsketch")) {
    throw invalidArgument(["percentiles"], 'expected { method: "exact" } or { method: "ddsketch", relativeAccuracy?, maxBins? }');
  }
  if (p.method === "exact") return null;
  if (percentile === "linear") throw invalidArgument(["percentile"], 'a DDSketch answers by nearest rank; drop percentile: "linear" or use exact percentiles');
  // DDSketch checks α and the bins (and says how to fix them); its paths go under `percentiles`.
  let sketch: DDSketch;
  try {
    sketch = new DDSketch({ ...(p.relativeAccuracy === undefined ? {} : { relativeAccuracy: p.relativeAccuracy as number }), ...(p.maxBins === undefined ? {} : { maxBins: p.maxBins as number }) });
  } catch (error) {
    if (!(error instanceof MetricsError)) throw error;
    throw new MetricsError(error.code, error.issues.map((issue) => ({ ...issue, path: ["percentiles", ...issue.path] })) as unknown as typeof error.issues);
  }
  return { relativeAccuracy: sketch.relativeAccuracy, maxBins: sketch.maxBins };
}

/** The `calendar` option: `null` when absent; anything without `businessMsBetween` is refused. */
export function readCalendar(value: unknown, path: IssuePath): BusinessCalendarLike | null {
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null || typeof (value as Partial<BusinessCalendarLike>).businessMsBetween !== "function") {
    throw invalidArgument(path, "expected a business calendar (createCalendar from @supportops/sla, or any BusinessCalendarLike with businessMsBetween)");
  }
  return value as BusinessCalendarLike;
}
