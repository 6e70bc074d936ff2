/** Times of day and local dates as plain numbers: ms since local midnight, days since 1970-01-01. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` for ms since midnight; 86 400 000 is `24:00`. */
export function formatTimeOfDay(ms: number): string {
  const h = Math.floor(ms / HOUR_MS);
  const m = Math.floor(ms / MINUTE_MS) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const milli = ms % 1000;
  const hm = `${pad2(h)}:${pad2(m)}`;
  if (s === 0 && milli === 0) return hm;
  if (milli === 0) return `${hm}:${pad2(s)}`;
  return `${hm}:${pad2(s)}.${String(milli).padStart(3, "0")}`;
}

/** ms since midnight of a calendar definition's time of day (already validated by sla). */
export function readTimeOfDay(text: string): number {
  const match = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{3}))?)?$/.exec(text);
  if (match === null) return Number.NaN;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3] ?? 0)) * 1000 + Number(match[4] ?? 0);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date, or `null`. */
export function dayOfIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (match === null) return null;
  return dayOfYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days since 1970-01-01 of a real date, or `null` (30 February is not a date). */
export function dayOfYmd(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar definition's weekday keys, indexed Sunday = 0. */
export const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Full lowercase English weekday names, indexed Sunday = 0 (Freshdesk, JSM). */
export const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
