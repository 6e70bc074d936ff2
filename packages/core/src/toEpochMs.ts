import { DateTime } from "luxon";
import { describe } from "./internal/describe.js";
import { SupportOpsError, safely, type IssuePath, type SafeResult } from "./SupportOpsError.js";

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

function fail(path: IssuePath, message: string): never {
  throw new SupportOpsError("invalid_time", [{ code: "invalid_time", path, message }]);
}

/**
 * Turns a {@link TimeInput} into epoch milliseconds (UTC).
 *
 * A string must carry its offset (`Z`, `+02:00`): a wall-clock time without one names no instant, and
 * guessing the zone would be a silent wrong answer. Sub-millisecond digits are accepted only when they
 * are zero, since supportops counts whole milliseconds.
 *
 * @param input - the instant
 * @param path - where the value sits in a larger input, for the error's issue path
 * @returns integer epoch milliseconds
 * @throws {@link SupportOpsError} with code `invalid_time` when the input names no instant
 * @example
 * toEpochMs("2026-03-09T09:00:00-04:00"); // => 1773061200000
 * toEpochMs(new Date(0));                 // => 0
 * toEpochMs("2026-03-09 09:00");          // throws invalid_time: no offset
 */
export function toEpochMs(input: TimeInput, path: IssuePath = []): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail(path, `${input} is not a finite number of epoch milliseconds`);
    if (!Number.isInteger(input)) fail(path, `${input} is not a whole number of milliseconds; round it first`);
    if (Math.abs(input) > DATE_LIMIT_MS) fail(path, `${input} is outside the range a Date can hold (±8.64e15 ms)`);
    return input === 0 ? 0 : input;
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) fail(path, "the Date is invalid (its time is NaN)");
    return ms;
  }
  if (typeof input === "string") return parseIsoInstant(input, path);
  if (DateTime.isDateTime(input)) {
    if (!input.isValid) fail(path, `the luxon DateTime is invalid: ${input.invalidExplanation ?? input.invalidReason ?? "unknown reason"}`);
    const ms = input.toMillis();
    if (!Number.isInteger(ms)) fail(path, `the luxon DateTime is at ${ms} ms, not a whole number of milliseconds; round it first`);
    return ms;
  }
  return fail(
    path,
    `expected a Date, epoch milliseconds, an ISO-8601 string with an offset, or a luxon DateTime; got ${describe(input)}`,
  );
}

/**
 * {@link toEpochMs} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * safeToEpochMs("2026-01-01T00:00:00Z"); // => { success: true, data: 1767225600000 }
 * safeToEpochMs("yesterday").success;   // => false
 */
export function safeToEpochMs(input: TimeInput, path: IssuePath = []): SafeResult<number> {
  return safely(SupportOpsError, () => toEpochMs(input, path));
}

function parseIsoInstant(text: string, path: IssuePath): number {
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
  const normalised = text.replace(",", ".").replace(/[.]\d+/, (f) => f.slice(0, 4)).replace(" ", "T");
  const parsed = DateTime.fromISO(normalised, { setZone: true });
  if (!parsed.isValid) fail(path, `"${text}" is not a valid date-time: ${parsed.invalidExplanation ?? parsed.invalidReason}`);
  return parsed.toMillis();
}
