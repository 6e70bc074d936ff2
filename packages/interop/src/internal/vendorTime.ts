import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, type IssuePath } from "@supportops/core";
import { InteropError } from "../InteropError.js";
import { dayOfYmd, DAY_MS } from "./clock.js";

function timeError(path: IssuePath, text: unknown, expected: string): never {
  throw new InteropError("invalid_time", [
    { code: "invalid_time", path: [...path], message: `${JSON.stringify(text)} is not a time stamp of the form ${expected}` },
  ]);
}

function checked(ms: number, path: IssuePath, text: string): number {
  if (ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) {
    throw new InteropError("out_of_range", [{ code: "out_of_range", path: [...path], message: `${JSON.stringify(text)} lies outside 1970-01-01 – 2200-01-01 UTC` }]);
  }
  return ms;
}

/** Epoch ms of date and clock fields read as UTC, or `null` when they name no real time. */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  const day = dayOfYmd(y, mo, d);
  if (day === null || h > 23 || mi > 59 || s > 59) return null;
  return day * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** ±HHMM or ±HH:MM or Z as minutes east of UTC, or `null`. */
function offsetMinutes(text: string): number | null {
  if (text === "Z") return 0;
  const match = /^([+-])(\d\d):?(\d\d)$/.exec(text);
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?(Z|[+-]\d\d:?\d\d)$/;

/**
 * An ISO-8601 instant with an offset, as Zendesk, Freshdesk and Jira send them: `Z`, `+09:00` or
 * `+0900` (Jira writes no colon), with optional milliseconds. A time without an offset is refused.
 */
export function parseVendorIso(text: unknown, path: IssuePath): number {
  if (typeof text !== "string") return timeError(path, text, "2026-03-09T14:05:00Z");
  const match = ISO.exec(text);
  if (match === null) return timeError(path, text, "2026-03-09T14:05:00Z (or with an offset such as +0900)");
  const offset = offsetMinutes(match[8] as string);
  const frac = match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));
  const ms = utcMs(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), frac);
  if (ms === null || offset === null) return timeError(path, text, "a real date and time with an offset");
  return checked(ms - offset * 60_000, path, text);
}

/**
 * ServiceNow's Table API date-time, `YYYY-MM-DD HH:MM:SS`, which is UTC when read with
 * `sysparm_display_value=false` (`Date.parse` would read it as local time).
 */
export function parseServiceNowDateTime(text: unknown, path: IssuePath): number {
  const match = typeof text === "string" ? /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text) : null;
  if (match === null) return timeError(path, text, "2026-03-09 14:05:00 (UTC, as the Table API sends it with sysparm_display_value=false)");
  const ms = utcMs(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), 0);
  if (ms === null) return timeError(path, text, "a real date and time");
  return checked(ms, path, text as string);
}

/**
 * A ServiceNow glide_duration, an epoch-offset date-time: `"1970-01-01 04:00:00"` is 4 hours and
 * `"1970-01-16 00:00:00"` 15 days. Returns milliseconds.
 */
export function parseGlideDuration(text: unknown, path: IssuePath): number {
  const match = typeof text === "string" ? /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text) : null;
  const ms = match === null ? null : utcMs(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), 0);
  if (ms === null || ms < 0) {
    throw new InteropError("invalid_duration", [
      { code: "invalid_duration", path: [...path], message: `${JSON.stringify(text)} is not a glide_duration such as "1970-01-01 04:00:00" (4 hours) or "1970-01-16 00:00:00" (15 days)` },
    ]);
  }
  return ms;
}

/**
 * Freshdesk's ticket-activity time, `DD-MM-YYYY HH:MM:SS +0000` (day first: `Date.parse` reads it as
 * month first).
 */
export function parseFreshdeskActivityTime(text: unknown, path: IssuePath): number {
  const match = typeof text === "string" ? /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-]\d\d:?\d\d)$/.exec(text) : null;
  if (match === null) return timeError(path, text, "01-02-2022 09:33:38 +0000 (day-month-year)");
  const offset = offsetMinutes(match[7] as string);
  const ms = utcMs(Number(match[3]), Number(match[2]), Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]), 0);
  if (ms === null || offset === null) return timeError(path, text, "a real day-month-year date and time");
  return checked(ms - offset * 60_000, path, text as string);
}

/** Local wall-clock fields of ServiceNow's compact schedule date-time `yyyyMMddTHHmmss` (no zone). */
export interface CompactDateTime {
  readonly day: number;
  readonly ms: number;
}

/** Reads `20260309T090000` as a local date (days since 1970) and ms since its midnight. */
export function parseCompactDateTime(text: unknown, path: IssuePath): CompactDateTime {
  const match = typeof text === "string" ? /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/.exec(text) : null;
  const day = match === null ? null : dayOfYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  if (match === null || day === null || Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) {
    return timeError(path, text, "20260309T090000 (yyyyMMddTHHmmss, local wall time of the schedule)");
  }
  return { day, ms: ((Number(match[4]) * 60 + Number(match[5])) * 60 + Number(match[6])) * 1000 };
}
