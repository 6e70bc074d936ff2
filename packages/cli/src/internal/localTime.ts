const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a local date-time in a zone, e.g. "2026-01-05 00:00" (`"—"` for `null`). */
export function localTime(ms: number | null, timeZone: string): string {
  if (ms === null) return "—";
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  return format.format(ms);
}
