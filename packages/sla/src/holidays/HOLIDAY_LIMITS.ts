/**
 * The limits that keep reading a holiday source proportional to its size, whoever wrote it
 * (docs/holidays.md, "Limits"):
 * - `maxRruleListValues`: distinct values one `BYMONTH`, `BYMONTHDAY` or `BYDAY` list of an iCalendar
 *   RRULE may hold; repeats are ignored (a list written out a thousand times costs what it costs
 *   once), and more distinct values skip the event with `invalid_rrule`. Only `BYDAY` (749 possible
 *   entries) can exceed it; `BYMONTH` has 12 values and `BYMONTHDAY` 62;
 * - `maxNamesPerDate`: names one holiday date lists; a date that more events name gets the first
 *   ones and " / …";
 * - `maxNameLength`: the length (UTF-16 units) of a holiday's name; a longer one is cut and ends in "…".
 * The year range (`fromYear`/`toYear` within 1970–2199) bounds the dates one source can give (84 006).
 *
 * @example
 * HOLIDAY_LIMITS.maxRruleListValues; // => 64
 */
export const HOLIDAY_LIMITS: {
  readonly maxRruleListValues: 64;
  readonly maxNamesPerDate: 8;
  readonly maxNameLength: 200;
} = Object.freeze({
  maxRruleListValues: 64,
  maxNamesPerDate: 8,
  maxNameLength: 200,
});
