import { Duration } from "luxon";
import { describeValue } from "./describeValue.js";
import { multiplyExact } from "./internal/exactDecimal.js";
import { CoreError } from "./CoreError.js";
import { safely, type IssuePath, type SafeResult } from "./SupportOpsError.js";

/**
 * A duration given as fixed-length units. Every field is optional but at least one must be present;
 * fractions are allowed when the total is a whole number of milliseconds.
 *
 * @example
 * const d: DurationObject = { hours: 1, minutes: 30 };
 * toDurationMs(d); // => 5400000
 */
export interface DurationObject {
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

/**
 * What the friendly API accepts as a duration: milliseconds, an ISO-8601 duration string
 * (`PT4H30M`, `P1DT2H`, `-PT1H`), a {@link DurationObject}, or a luxon `Duration`.
 *
 * @example
 * const target: DurationInput = "PT15M";
 * toDurationMs(target); // => 900000
 */
export type DurationInput = number | string | DurationObject | Duration;

const UNIT_MS = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
} as const;

type FixedUnit = keyof typeof UNIT_MS;

const ISO_DURATION =
  /^([+-])?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

function fail(path: IssuePath, message: string): never {
  throw new CoreError("invalid_duration", [{ code: "invalid_duration", path, message }]);
}

/**
 * Turns a {@link DurationInput} into a whole number of milliseconds.
 *
 * Every unit has a fixed length: `P1D` is exactly 86 400 000 ms and a week is 7 such days — never "one
 * business day". Years and months have no fixed length and are rejected, as is anything that is not a
 * whole number of milliseconds. Negative durations are allowed; callers decide whether they make sense.
 *
 * @param input - the duration
 * @param path - where the value sits in a larger input, for the error's issue path
 * @returns integer milliseconds (possibly negative)
 * @throws {@link CoreError} with code `invalid_duration`
 * @example
 * toDurationMs("PT4H30M");            // => 16200000
 * toDurationMs("-PT1H");              // => -3600000
 * toDurationMs({ hours: 1.5 });       // => 5400000
 * toDurationMs("P1M");                // throws invalid_duration: months have no fixed length
 */
export function toDurationMs(input: DurationInput, path: IssuePath = []): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail(path, `${input} is not a finite number of milliseconds`);
    if (!Number.isInteger(input)) fail(path, `${input} is not a whole number of milliseconds`);
    if (!Number.isSafeInteger(input)) fail(path, `${input} is too large to count in milliseconds exactly`);
    return input === 0 ? 0 : input;
  }
  if (typeof input === "string") return parseIsoDuration(input, path);
  if (Duration.isDuration(input)) return fromLuxon(input, path);
  if (input instanceof Date) fail(path, "got a Date, which is an instant, not a duration; pass milliseconds, an ISO-8601 duration or { hours, minutes, … }");
  if (typeof input === "object" && input !== null && !Array.isArray(input)) return fromObject(input, path, "");
  return fail(path, `expected milliseconds, an ISO-8601 duration such as "PT4H", an object such as { hours: 4 }, or a luxon Duration; got ${describeValue(input)}`);
}

/**
 * {@link toDurationMs} without throwing.
 *
 * @example
 * safeToDurationMs("PT1H"); // => { success: true, data: 3600000 }
 * safeToDurationMs("P1Y").success; // => false
 */
export function safeToDurationMs(input: unknown, path: IssuePath = []): SafeResult<number, CoreError> {
  return safely(CoreError, () => toDurationMs(input as DurationInput, path));
}

function parseIsoDuration(text: string, path: IssuePath): number {
  const match = ISO_DURATION.exec(text);
  if (match === null || text.endsWith("T") || /^[+-]?P$/i.test(text)) {
    fail(path, `"${text}" is not an ISO-8601 duration; write e.g. "PT4H30M", "P1DT2H" or "-PT15M"`);
  }
  const [, sign, years, months, weeks, days, hours, minutes, seconds] = match;
  if (years !== undefined || months !== undefined) {
    fail(path, `"${text}" uses years or months, which have no fixed length; write the time in weeks, days, hours, minutes or seconds`);
  }
  const parts: Array<[FixedUnit, string | undefined]> = [
    ["weeks", weeks],
    ["days", days],
    ["hours", hours],
    ["minutes", minutes],
    ["seconds", seconds],
  ];
  const given = parts.filter((part): part is [FixedUnit, string] => part[1] !== undefined);
  // ISO 8601 allows a fraction only on the smallest unit given.
  given.slice(0, -1).forEach(([unit, value]) => {
    if (/[.,]/.test(value)) fail(path, `"${text}" has a fraction on ${unit}, which is not its smallest unit`);
  });
  let total = 0;
  for (const [unit, value] of given) {
    const ms = multiplyExact(value, UNIT_MS[unit]);
    if (ms === "too_large") fail(path, `"${text}" is too large to count in milliseconds exactly`);
    if (typeof ms !== "number") fail(path, `"${text}" is not a whole number of milliseconds`);
    total += ms;
  }
  if (!Number.isSafeInteger(total)) fail(path, `"${text}" is too large to count in milliseconds exactly`);
  return sign === "-" && total !== 0 ? -total : total;
}

function fromObject(input: object, path: IssuePath, source: string): number {
  const entries = Object.entries(input);
  if (entries.length === 0) fail(path, `${source}duration object is empty; give at least one of ${Object.keys(UNIT_MS).join(", ")}`);
  let total = 0;
  for (const [key, value] of entries) {
    if (key === "years" || key === "months" || key === "quarters") {
      fail([...path, key], `${key} have no fixed length; write the time in weeks, days, hours, minutes or seconds`);
    }
    if (!Object.hasOwn(UNIT_MS, key)) fail([...path, key], `unknown duration unit "${key}"; use ${Object.keys(UNIT_MS).join(", ")}`);
    if (typeof value !== "number" || !Number.isFinite(value)) fail([...path, key], `expected a finite number, got ${describeValue(value)}`);
    const ms = multiplyExact(value, UNIT_MS[key as FixedUnit]);
    if (ms === "too_large") fail([...path, key], `${value} ${key} is too large to count in milliseconds exactly`);
    if (typeof ms !== "number") fail([...path, key], `${value} ${key} is not a whole number of milliseconds`);
    total += ms;
  }
  if (!Number.isSafeInteger(total)) fail(path, "the duration is too large to count in milliseconds exactly");
  return total === 0 ? 0 : total;
}

function fromLuxon(input: Duration, path: IssuePath): number {
  if (!input.isValid) fail(path, "the luxon Duration is invalid (Duration#isValid is false); check how it was built");
  const units = input.toObject();
  const nonZero = Object.fromEntries(Object.entries(units).filter(([, value]) => value !== 0));
  if (Object.keys(nonZero).length === 0) return 0;
  return fromObject(nonZero, path, "luxon ");
}
