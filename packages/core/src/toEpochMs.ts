import { DateTime } from "luxon";
import { describeValue } from "./describeValue.js";
import { CoreError } from "./CoreError.js";
import { readIsoInstant } from "./internal/readIsoInstant.js";
import { safely, type IssuePath, type SafeResult } from "./SupportOpsError.js";

/**
 * What the friendly API accepts as an instant: a `Date`, an integer number of epoch milliseconds,
 * an ISO-8601 string with an offset or `Z`, or a luxon `DateTime`.
 *
 * @example
 * const at: TimeInput = "2026-03-09T09:00:00+01:00";
 * toEpochMs(at); // => 1773043200000
 */
export type TimeInput = Date | number | string | DateTime;

// Date, optional time with optional fraction, then a mandatory `Z` or numeric offset.
const ISO_INSTANT =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** The largest absolute epoch-millisecond value a JavaScript `Date` can hold. */
const DATE_LIMIT_MS = 8_640_000_000_000_000;

/**
 * Numbers in [1e9, 1e10) are refused: as epoch seconds they are every instant from 2001-09-09 to
 * 2286-11-20 (any real ticket timestamp), as milliseconds only 1970-01-12 to 1970-04-26. Taking
 * them as milliseconds would put a whole export in early 1970 without a word.
 */
const SECONDS_LIKE_MIN = 1e9;
const SECONDS_LIKE_MAX = 1e10;

function fail(path: IssuePath, message: string): never {
  throw new CoreError("invalid_time", [{ code: "invalid_time", path, message }]);
}

/**
 * Turns a {@link TimeInput} into epoch milliseconds (UTC).
 *
 * A string must carry its offset (`Z`, `+02:00`): a wall-clock time without one names no instant, and
 * guessing the zone would be a silent wrong answer. Sub-millisecond digits are accepted only when they
 * are zero, since supportops counts whole milliseconds. A number from 1e9 to 1e10 is refused as
 * epoch seconds by mistake (see docs/time-and-errors.md).
 *
 * @param input - the instant
 * @param path - where the value sits in a larger input, for the error's issue path
 * @returns integer epoch milliseconds
 * @throws {@link CoreError} with code `invalid_time` when the input names no instant
 * @example
 * toEpochMs("2026-03-09T09:00:00-04:00"); // => 1773061200000
 * toEpochMs(new Date(0));                 // => 0
 * toEpochMs("2026-03-09 09:00");          // throws invalid_time: no offset
 * toEpochMs(1773046800);                  // throws invalid_time: epoch seconds, multiply by 1000
 */
export function toEpochMs(input: TimeInput, path: IssuePath = []): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail(path, `${input} is not a finite number of epoch milliseconds`);
    if (!Number.isInteger(input)) fail(path, `${input} is not a whole number of milliseconds; round it first`);
    if (Math.abs(input) > DATE_LIMIT_MS) fail(path, `${input} is outside the range a Date can hold (±8.64e15 ms)`);
    if (input >= SECONDS_LIKE_MIN && input < SECONDS_LIKE_MAX) {
      fail(
        path,
        `${input} looks like epoch seconds (${new Date(input * 1000).toISOString()}); supportops takes epoch milliseconds, so multiply by 1000. ` +
          "(Numbers from 1e9 to 1e10 are refused as ambiguous; to mean an instant between 1970-01-12 and 1970-04-26, pass a Date or an ISO-8601 string.)",
      );
    }
    return input === 0 ? 0 : input;
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) fail(path, "the Date is invalid (its time is NaN)");
    return ms;
  }
  if (typeof input === "string") return parseIsoInstant(input, path);
  if (DateTime.isDateTime(input)) {
    if (!input.isValid) fail(path, "the luxon DateTime is invalid (DateTime#isValid is false); check how it was built");
    const ms = input.toMillis();
    if (!Number.isInteger(ms)) fail(path, `the luxon DateTime is at ${ms} ms, not a whole number of milliseconds; round it first`);
    return ms;
  }
  return fail(
    path,
    `expected a Date, epoch milliseconds, an ISO-8601 string with an offset, or a luxon DateTime; got ${describeValue(input)}`,
  );
}

/**
 * {@link toEpochMs} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * safeToEpochMs("2026-01-01T00:00:00Z"); // => { success: true, data: 1767225600000 }
 * safeToEpochMs("yesterday").success;   // => false
 */
export function safeToEpochMs(input: unknown, path: IssuePath = []): SafeResult<number, CoreError> {
  return safely(CoreError, () => toEpochMs(input as TimeInput, path));
}

function parseIsoInstant(text: string, path: IssuePath): number {
  // The common forms are read by hand; the rest (and every error) take the general path below.
  const fast = readIsoInstant(text);
  if (!Number.isNaN(fast)) return fast;
  const match = ISO_INSTANT.exec(text);
  if (match === null) {
    if (/^\s*([+-]\d{6}|\d{4})-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*$/.test(text)) {
      fail(path, `"${text}" has no offset; add "Z" or an offset such as "-05:00" so it names one instant`);
    }
    fail(path, `"${text}" is not an ISO-8601 date-time with an offset, e.g. "2026-03-09T09:00:00-04:00"`);
  }
  const offset = match[8] ?? "Z";
  if (!/^[Zz]$/.test(offset)) {
    const hours = Number(offset.slice(1, 3));
    const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
    if (hours > 23 || minutes > 59) fail(path, `"${text}" has the offset ${offset}, which is not a clock offset (at most ±23:59; real zones stay within ±14:00)`);
  }
  const fraction = match[7] ?? "";
  if (/[1-9]/.test(fraction.slice(3))) {
    fail(path, `"${text}" has sub-millisecond digits; supportops counts whole milliseconds`);
  }
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) fail(path, `"${text}" has month ${month}; months run from 01 to 12`);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (day < 1 || day > daysInMonth) fail(path, `"${text}" has day ${day}, but ${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")} has ${daysInMonth} days`);
  if (hour > 23 || minute > 59 || second > 59) fail(path, `"${text}" has the time ${match[4]}:${match[5]}:${match[6] ?? "00"}; hours run to 23, minutes and seconds to 59`);
  const normalised = text.replace(",", ".").replace(/[.]\d+/, (f) => f.slice(0, 4)).replace(" ", "T");
  const parsed = DateTime.fromISO(normalised, { setZone: true });
  if (!parsed.isValid) fail(path, `"${text}" is not a valid ISO-8601 date-time with an offset, e.g. "2026-03-09T09:00:00-04:00"`);
  return parsed.toMillis();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
