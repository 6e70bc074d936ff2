import { describeValue, rethrowAs, safely, type SafeResult } from "@supportops/core";
import { SlaError } from "../SlaError.js";
import type { Holiday } from "../CalendarDefinition.js";
import type { HolidayYearRange } from "./HolidayYearRange.js";
import { daysFromCivil, toDayNumber } from "./internal/civilDays.js";
import { HolidayCollector } from "./internal/HolidayCollector.js";
import { parseContentLine, unescapeText, unfoldBytes, unfoldLines, type ContentLine } from "./internal/contentLines.js";
import type { ICalendarSkipCode } from "./ICALENDAR_SKIP_CODES.js";
import type { HOLIDAY_LIMITS } from "./HOLIDAY_LIMITS.js";
import { holidayArgumentError, holidayError } from "./internal/holidayError.js";
import { validateYearRange } from "./internal/validateYearRange.js";
import { forEachStart, parseYearlyRule, whyNever, type StartSink, type YearlyRule } from "./internal/yearlyRule.js";

/**
 * Something in an iCalendar feed that {@link parseICalendarHolidays} did not turn into holidays, with
 * the (1-based, physical) line it starts on.
 *
 * @example
 * const skipped: SkippedICalendarEntry = {
 *   line: 14,
 *   code: "timed_event",
 *   message: "DTSTART 20261224T120000 has a time of day; only all-day events (DTSTART;VALUE=DATE:YYYYMMDD) are holidays",
 * };
 */
export interface SkippedICalendarEntry {
  /** The physical line (1-based) where the skipped property, component or event starts. */
  readonly line: number;
  /** Why it was skipped. */
  readonly code: ICalendarSkipCode;
  /** What was found and what would have been accepted. */
  readonly message: string;
}

/**
 * Options of {@link parseICalendarHolidays}: the years to expand and whether anything unusable in the feed is an error.
 *
 * @example
 * const options: ICalendarHolidaysOptions = { fromYear: 2026, toYear: 2027, strict: true };
 */
export interface ICalendarHolidaysOptions extends HolidayYearRange {
  /** When true, throw (one issue per skipped entry) instead of returning a non-empty `skipped`. Default false. */
  readonly strict?: boolean;
  /**
   * Chooses which events are holidays, for feeds that mix days off with observances (Google's public
   * holiday calendars say "Public holiday" or "Observance" in `DESCRIPTION`). Called once per `VEVENT`,
   * before it is read; an event it rejects is left out without a report. Default: every event.
   *
   * @example
   * // a Google feed with "Christmas Day" (Public holiday) and "Halloween" (Observance) in 2026
   * parseICalendarHolidays(ics, { fromYear: 2026, toYear: 2026, include: (event) => event.description === "Public holiday" });
   * // => { holidays: [{ date: "2026-12-25", name: "Christmas Day" }], skipped: [] }
   */
  readonly include?: (event: ICalendarEventInfo) => boolean;
}

/**
 * What {@link ICalendarHolidaysOptions.include} sees of a `VEVENT`: its texts, unescaped.
 *
 * @example
 * const publicOnly = (event: ICalendarEventInfo) => event.description !== "Observance";
 */
export interface ICalendarEventInfo {
  /** The physical line of the event's `BEGIN:VEVENT`. */
  readonly line: number;
  /** `UID`, when present. */
  readonly uid?: string;
  /** `SUMMARY`, when present. */
  readonly name?: string;
  /** `DESCRIPTION`, when present. */
  readonly description?: string;
  /** The values of every `CATEGORIES` property, in order. */
  readonly categories: ReadonlyArray<string>;
}

/**
 * What {@link parseICalendarHolidays} returns.
 *
 * @example
 * const result: ICalendarHolidays = { holidays: [{ date: "2026-12-25", name: "Christmas Day" }], skipped: [] };
 */
export interface ICalendarHolidays {
  /**
   * The holidays dated inside the year range, sorted by date, one per date (names of events on the
   * same date joined with " / "). A fresh array: pass it as a calendar definition's `holidays`.
   */
  readonly holidays: Holiday[];
  /** Everything in the feed that was not used, in line order; empty when the whole feed was understood. */
  readonly skipped: SkippedICalendarEntry[];
}

interface RawEvent {
  readonly line: number;
  readonly props: ContentLine[];
}

type DateValue =
  | { readonly kind: "date"; readonly day: number }
  | { readonly kind: "timed"; readonly day: number | undefined; readonly localMidnight: boolean }
  | { readonly kind: "invalid" };

/**
 * A usable event, not yet expanded: expansion happens date by date while collecting, so an event
 * that covers every date of 1970–2199 never exists as a list of 84 000 numbers.
 */
interface EventPlan {
  readonly uid: string | undefined;
  /** Set on an override instance: the start date of the master's instance it replaces. */
  readonly recurrenceDay: number | undefined;
  /** A cancelled override: it only removes the master's instance. */
  readonly cancelled: boolean;
  readonly startDay: number;
  readonly rule: YearlyRule | undefined;
  readonly excluded: ReadonlySet<number>;
  readonly durationDays: number;
  readonly name: string | undefined;
}

class Skip extends Error {
  constructor(
    readonly line: number,
    readonly code: ICalendarSkipCode,
    override readonly message: string,
  ) {
    super(message);
  }
}

function structural(line: number | undefined, message: string): SlaError {
  return holidayError([{ code: "invalid_icalendar", path: line === undefined ? [] : ["line", line], message }]);
}

/** Splits the text into VEVENTs, reporting components that are not VEVENTs and lines that do not parse. */
function readEvents(text: string | Uint8Array, skipped: SkippedICalendarEntry[]): RawEvent[] {
  const stack: string[] = [];
  const events: RawEvent[] = [];
  let current: RawEvent | undefined;
  let sawCalendar = false;
  for (const logical of typeof text === "string" ? unfoldLines(text) : unfoldBytes(text)) {
    const parsed = parseContentLine(logical);
    if (parsed === undefined) {
      if (stack.length === 0) throw structural(logical.line, `"${logical.text.slice(0, 40)}" is not an iCalendar content line; an iCalendar object starts with BEGIN:VCALENDAR`);
      skipped.push({ line: logical.line, code: "invalid_line", message: `"${logical.text.slice(0, 60)}" is not a content line of the form NAME[;PARAM=value]:value` });
      continue;
    }
    if (parsed.name === "BEGIN") {
      const component = parsed.value.trim().toUpperCase();
      if (stack.length === 0 && component !== "VCALENDAR") throw structural(parsed.line, `expected BEGIN:VCALENDAR, found BEGIN:${component}`);
      stack.push(component);
      if (component === "VCALENDAR") sawCalendar = true;
      if (stack.length === 2) {
        if (component === "VEVENT") current = { line: parsed.line, props: [] };
        else if (component !== "VTIMEZONE") {
          skipped.push({ line: parsed.line, code: "unsupported_component", message: `a ${component} component is not a holiday; only all-day VEVENTs are read` });
        }
      }
      continue;
    }
    if (parsed.name === "END") {
      const component = parsed.value.trim().toUpperCase();
      const open = stack[stack.length - 1];
      if (open !== component) {
        throw structural(parsed.line, open === undefined ? `END:${component} without a matching BEGIN` : `END:${component} closes BEGIN:${open}; expected END:${open}`);
      }
      stack.pop();
      if (stack.length === 1 && component === "VEVENT" && current !== undefined) {
        events.push(current);
        current = undefined;
      }
      continue;
    }
    if (stack.length === 0) throw structural(parsed.line, `${parsed.name} appears outside BEGIN:VCALENDAR … END:VCALENDAR`);
    if (stack.length === 2 && current !== undefined) current.props.push(parsed);
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) throw structural(undefined, `the text ends inside BEGIN:${open}; expected END:${open} (is the feed truncated?)`);
  if (!sawCalendar) throw structural(undefined, "the text has no BEGIN:VCALENDAR; it is not an iCalendar object");
  return events;
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{6})(Z?)$/;

function dayOf(match: RegExpExecArray): number | undefined {
  return toDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads one DATE or DATE-TIME value (a DATE without `VALUE=DATE` is accepted: it cannot be anything else). */
function readDateValue(raw: string, valueParam: string | undefined): DateValue {
  const value = raw.trim();
  const dateMatch = DATE.exec(value);
  if (dateMatch !== null && valueParam !== "DATE-TIME") {
    const day = dayOf(dateMatch);
    return day === undefined ? { kind: "invalid" } : { kind: "date", day };
  }
  const timeMatch = DATE_TIME.exec(value);
  if (timeMatch !== null && valueParam !== "DATE") return { kind: "timed", day: dayOf(timeMatch), localMidnight: timeMatch[4] === "000000" && timeMatch[5] === "" };
  return { kind: "invalid" };
}

function valueParam(prop: ContentLine): string | undefined {
  return prop.params.get("VALUE")?.[0]?.toUpperCase();
}

/** The date of an EXDATE / RECURRENCE-ID / UNTIL value; a DATE-TIME counts by the date written in it. */
function dayOfDateOrDateTime(raw: string, param: string | undefined): number | undefined {
  const value = readDateValue(raw, param);
  return value.kind === "invalid" ? undefined : value.day;
}

const DURATION = /^\+?P(?:(\d+)W|(\d+)D(?:T(?:0+H)?(?:0+M)?(?:0+S)?)?)$/;

/** Splits a TEXT list on the commas that are not escaped, then unescapes each value. */
function splitTextList(value: string): string[] {
  return (value.match(/(?:\\.|[^,\\])+|(?<=^|,)(?=,|$)/gs) ?? []).map(unescapeText);
}

function describeEvent(event: RawEvent): ICalendarEventInfo {
  const value = (name: string): string | undefined => {
    const prop = event.props.find((p) => p.name === name);
    return prop === undefined ? undefined : unescapeText(prop.value);
  };
  const uid = event.props.find((p) => p.name === "UID")?.value.trim();
  const name = value("SUMMARY");
  const description = value("DESCRIPTION");
  return {
    line: event.line,
    ...(uid !== undefined ? { uid } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(description !== undefined ? { description } : {}),
    categories: event.props.filter((p) => p.name === "CATEGORIES").flatMap((p) => splitTextList(p.value)),
  };
}

function evaluateEvent(event: RawEvent, skipped: SkippedICalendarEntry[]): EventPlan {
  const byName = new Map<string, ContentLine[]>();
  for (const prop of event.props) {
    const list = byName.get(prop.name);
    if (list === undefined) byName.set(prop.name, [prop]);
    else list.push(prop);
  }
  const first = (name: string): ContentLine | undefined => byName.get(name)?.[0];
  const uid = first("UID")?.value.trim();
  const summary = first("SUMMARY");
  const name = summary === undefined ? undefined : unescapeText(summary.value);

  const recurrenceId = first("RECURRENCE-ID");
  let recurrenceDay: number | undefined;
  if (recurrenceId !== undefined) {
    if (recurrenceId.params.get("RANGE")?.[0]?.toUpperCase() === "THISANDFUTURE") {
      throw new Skip(recurrenceId.line, "unsupported_property", "RECURRENCE-ID;RANGE=THISANDFUTURE is not supported; only single-instance overrides are");
    }
    recurrenceDay = dayOfDateOrDateTime(recurrenceId.value, valueParam(recurrenceId));
    if (recurrenceDay === undefined) throw new Skip(recurrenceId.line, "invalid_date", `RECURRENCE-ID ${recurrenceId.value} is not a date (YYYYMMDD)`);
  }

  const status = first("STATUS");
  if (status !== undefined && status.value.trim().toUpperCase() === "CANCELLED") {
    // A cancelled override removes its instance from the master: that is supported, not skipped.
    if (recurrenceDay !== undefined) return { uid, recurrenceDay, cancelled: true, startDay: recurrenceDay, rule: undefined, excluded: new Set(), durationDays: 1, name };
    throw new Skip(status.line, "cancelled_event", `the event${name === undefined ? "" : ` "${name}"`} has STATUS:CANCELLED, so it is not a holiday`);
  }

  const dtstarts = byName.get("DTSTART") ?? [];
  const dtstart = dtstarts[0];
  if (dtstart === undefined) throw new Skip(event.line, "missing_dtstart", "the VEVENT has no DTSTART; an all-day holiday needs DTSTART;VALUE=DATE:YYYYMMDD");
  if (dtstarts.length > 1) throw new Skip(dtstarts[1]?.line ?? dtstart.line, "invalid_event", "the VEVENT has more than one DTSTART");
  // Outlook/Exchange publish all-day events as local midnight-to-midnight date-times with this flag.
  const outlookAllDay = first("X-MICROSOFT-CDO-ALLDAYEVENT")?.value.trim().toUpperCase() === "TRUE";
  const asDate = (value: DateValue): DateValue =>
    outlookAllDay && value.kind === "timed" && value.localMidnight && value.day !== undefined ? { kind: "date", day: value.day } : value;
  const start = asDate(readDateValue(dtstart.value, valueParam(dtstart)));
  if (start.kind === "timed") {
    throw new Skip(dtstart.line, "timed_event", `DTSTART ${dtstart.value.trim()} has a time of day; only all-day events (DTSTART;VALUE=DATE:YYYYMMDD) are holidays`);
  }
  if (start.kind === "invalid") throw new Skip(dtstart.line, "invalid_date", `DTSTART ${dtstart.value.trim()} is not a date (YYYYMMDD)`);
  const startDay = start.day;

  let durationDays = 1;
  const dtend = first("DTEND");
  const duration = first("DURATION");
  if (dtend !== undefined && duration !== undefined) throw new Skip(duration.line, "invalid_event", "the VEVENT has both DTEND and DURATION; RFC 5545 allows one");
  if (dtend !== undefined) {
    const end = asDate(readDateValue(dtend.value, valueParam(dtend)));
    if (end.kind === "timed") throw new Skip(dtend.line, "invalid_event", `DTEND ${dtend.value.trim()} has a time of day but DTSTART is a date; write DTEND;VALUE=DATE:YYYYMMDD (the day after the last holiday)`);
    if (end.kind === "invalid") throw new Skip(dtend.line, "invalid_date", `DTEND ${dtend.value.trim()} is not a date (YYYYMMDD)`);
    if (end.day <= startDay) throw new Skip(dtend.line, "invalid_event", `DTEND ${dtend.value.trim()} is not after DTSTART ${dtstart.value.trim()}; DTEND is exclusive, so a one-day holiday ends the next day`);
    durationDays = end.day - startDay;
  } else if (duration !== undefined) {
    const match = DURATION.exec(duration.value.trim());
    const days = match === null ? 0 : match[1] !== undefined ? Number(match[1]) * 7 : Number(match[2]);
    if (days < 1) throw new Skip(duration.line, "invalid_event", `DURATION ${duration.value.trim()} is not a positive whole number of days or weeks (P1D, P2W) as an all-day event needs`);
    durationDays = days;
  }

  const exrule = first("EXRULE");
  if (exrule !== undefined) throw new Skip(exrule.line, "unsupported_property", "EXRULE is not supported (RFC 5545 deprecated it); list the excluded dates in EXDATE");

  const excluded = new Set<number>();
  for (const exdate of byName.get("EXDATE") ?? []) {
    for (const raw of exdate.value.split(",")) {
      const day = dayOfDateOrDateTime(raw, valueParam(exdate));
      if (day === undefined) throw new Skip(exdate.line, "invalid_date", `EXDATE value ${raw.trim()} is not a date (YYYYMMDD)`);
      excluded.add(day);
    }
  }

  const rrules = byName.get("RRULE") ?? [];
  if (rrules.length > 1) throw new Skip(rrules[1]?.line ?? event.line, "unsupported_rrule", "the VEVENT has more than one RRULE; split it into one event per rule");
  const rrule = rrules[0];
  let rule: YearlyRule | undefined;
  if (rrule !== undefined) {
    const parsed = parseYearlyRule(rrule.value.trim(), (raw) => dayOfDateOrDateTime(raw, undefined));
    if ("code" in parsed) throw new Skip(rrule.line, parsed.code, parsed.message);
    const never = whyNever(parsed, startDay);
    if (never !== undefined) throw new Skip(rrule.line, "empty_rrule", `the RRULE of the event${name === undefined ? "" : ` "${shorten(name)}"`} can never recur: ${never}`);
    rule = parsed;
  }

  for (const rdate of byName.get("RDATE") ?? []) {
    skipped.push({ line: rdate.line, code: "unsupported_property", message: `RDATE is not supported; its dates (${shorten(rdate.value.trim())}) are not added — list them as separate all-day events` });
  }

  return { uid, recurrenceDay, cancelled: false, startDay, rule, excluded, durationDays, name };
}

/** A value echoed in a message, cut to 60 characters: a feed can hold a line of any length. */
function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 60)}…`;
}

/**
 * Covers one plan's dates: instances arrive in date order, and consecutive or overlapping ones are
 * gathered into one run of dates, so each date is covered once (a 400-day event repeating yearly
 * covers its dates once, not instances × length) and an every-day rule costs one call per stretch.
 */
class PlanCoverage implements StartSink {
  #runFrom = Number.NaN;
  #runTo = Number.NEGATIVE_INFINITY;
  /** The instances left out (EXDATE, and those replaced by RECURRENCE-ID overrides); `null` when none are. */
  readonly #left: ReadonlySet<number> | null;
  readonly #length: number;

  constructor(
    private readonly collector: HolidayCollector,
    plan: EventPlan,
    gone: ReadonlySet<number> | undefined,
    private readonly nameId: number,
    private readonly firstDay: number,
    private readonly lastDay: number,
  ) {
    this.#left = gone === undefined || gone.size === 0 ? (plan.excluded.size === 0 ? null : plan.excluded) : new Set([...gone, ...plan.excluded]);
    this.#length = plan.durationDays;
  }

  visit(startDay: number): void {
    if (this.#left !== null && this.#left.has(startDay)) return;
    const from = Math.max(startDay, this.firstDay);
    const to = Math.min(startDay + this.#length - 1, this.lastDay);
    if (from > to) return;
    if (from <= this.#runTo + 1) {
      this.#runTo = Math.max(this.#runTo, to);
      return;
    }
    this.flush();
    this.#runFrom = from;
    this.#runTo = to;
  }

  flush(): void {
    if (this.#runTo >= this.#runFrom) this.collector.cover(this.#runFrom, this.#runTo, this.nameId);
    this.#runFrom = Number.NaN;
    this.#runTo = Number.NEGATIVE_INFINITY;
  }
}

/** The holidays of every plan, in feed order: the work is the dates covered, never events × events. */
function collect(plans: ReadonlyArray<EventPlan>, firstDay: number, lastDay: number): Holiday[] {
  // An override (RECURRENCE-ID) replaces the master instance that starts on its RECURRENCE-ID date.
  const replaced = new Map<string, Set<number>>();
  for (const plan of plans) {
    if (plan.recurrenceDay === undefined || plan.uid === undefined) continue;
    const set = replaced.get(plan.uid) ?? new Set<number>();
    set.add(plan.recurrenceDay);
    replaced.set(plan.uid, set);
  }
  const collector = new HolidayCollector(firstDay, lastDay);
  for (const plan of plans) {
    if (plan.cancelled) continue;
    const gone = plan.recurrenceDay === undefined && plan.uid !== undefined ? replaced.get(plan.uid) : undefined;
    const coverage = new PlanCoverage(collector, plan, gone, collector.name(plan.name), firstDay, lastDay);
    if (plan.rule === undefined) coverage.visit(plan.startDay);
    else forEachStart(plan.rule, plan.startDay, firstDay - (plan.durationDays - 1), lastDay, coverage);
    coverage.flush();
  }
  return collector.toHolidays();
}

function parseICalendar(text: unknown, options: unknown): ICalendarHolidays {
  const { fromYear, toYear } = validateYearRange(options);
  if (typeof text !== "string" && !(text instanceof Uint8Array)) {
    throw holidayArgumentError([
      { code: "invalid_argument", path: [], message: `expected iCalendar text (a string, or its UTF-8 octets as a Uint8Array), got ${describeValue(text)}` },
    ]);
  }
  const firstDay = daysFromCivil(fromYear, 1, 1);
  const lastDay = daysFromCivil(toYear, 12, 31);
  const skipped: SkippedICalendarEntry[] = [];
  const plans: EventPlan[] = [];
  const { include, strict } = options as { include?: unknown; strict?: unknown };
  if (include !== undefined && typeof include !== "function") {
    throw holidayArgumentError([{ code: "invalid_option", path: ["include"], message: `include must be a function (event) => boolean, got ${describeValue(include)}` }]);
  }
  if (strict !== undefined && typeof strict !== "boolean") {
    throw holidayArgumentError([{ code: "invalid_option", path: ["strict"], message: `strict must be true or false, got ${describeValue(strict)}` }]);
  }
  for (const event of readEvents(text, skipped)) {
    if (include !== undefined) {
      const chooser = include as (event: ICalendarEventInfo) => unknown;
      // A supportops error thrown by the caller's function leaves as an SlaError, like every other.
      if (!rethrowAs(SlaError, () => chooser(describeEvent(event)), ["include"], "invalid_argument")) continue;
    }
    try {
      plans.push(evaluateEvent(event, skipped));
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      skipped.push({ line: error.line, code: error.code, message: error.message });
    }
  }
  const holidays = collect(plans, firstDay, lastDay);

  skipped.sort((a, b) => a.line - b.line);
  if (strict === true && skipped.length > 0) {
    throw holidayError(
      skipped.map((s) => ({ code: s.code, path: ["line", s.line], message: s.message })),
    );
  }
  return { holidays, skipped };
}

/**
 * Reads the holidays of an iCalendar (RFC 5545) feed for a range of years: every all-day `VEVENT`
 * becomes one holiday per date it covers.
 *
 * Supported, as public-holiday feeds write them: `DTSTART;VALUE=DATE` with `DTEND;VALUE=DATE`
 * (exclusive; a multi-day event gives each date) or `DURATION:P<n>D`/`P<n>W`; folded lines (CRLF, LF
 * or CR followed by a space or tab); `RRULE` with `FREQ=YEARLY`, `INTERVAL`, `BYMONTH`, `BYMONTHDAY`
 * (negative from the month's end), `BYDAY` (`MO`, `4TH`, `-1MO`), `COUNT` and `UNTIL` (inclusive);
 * `EXDATE` (comma lists, several lines); `RECURRENCE-ID` overrides of single instances (matched by
 * `UID`); `SUMMARY` (unescaped) as the name; Outlook's local-midnight date-times marked
 * `X-MICROSOFT-CDO-ALLDAYEVENT:TRUE`. DTSTART is the first instance and counts toward COUNT,
 * as RFC 5545 says. Everything else (timed events, other frequencies, `BYSETPOS`, `RDATE`, …) is
 * listed in `skipped` with its line number, never dropped silently; so is a rule that can never recur
 * (`empty_rrule`: `UNTIL` before `DTSTART`, `BYMONTH=2;BYMONTHDAY=30`).
 *
 * Reading costs time in proportion to the feed's size and the years asked for, whoever wrote the
 * feed: repeated values in a `BYMONTH`/`BYMONTHDAY`/`BYDAY` list are read once, and at most 64
 * distinct ones are (see {@link HOLIDAY_LIMITS}); overlapping events are merged date by date without
 * comparing events with one another; a date lists at most 8 names and 200 characters of them.
 *
 * @param text - the iCalendar text (a string), or its raw UTF-8 octets (a `Uint8Array`, such as
 *   `readFileSync(path)` or `new Uint8Array(await response.arrayBuffer())`): octets let a fold that split a
 *   multi-octet character be unfolded correctly, as RFC 5545 §3.1 asks. Typed `unknown` because it is
 *   usually fetched; anything else is an `invalid_argument` error.
 * @param options - `fromYear`/`toYear` (inclusive, 1970–2199), `strict`, and `include` to choose events
 * @returns the holidays in the range, sorted and one per date, and what was skipped
 * @throws {@link SlaError} with code `invalid_argument` for unusable arguments: options that are not an
 *   object (issue code `invalid_argument`), a bad year range (`invalid_year_range`), an `include` that is not
 *   a function or a `strict` that is not a boolean (`invalid_option`), `text` that is neither a string nor
 *   a `Uint8Array` (`invalid_argument`). With code `invalid_holiday_source` for the feed itself: issue
 *   `invalid_icalendar` when the text is not an iCalendar object (no `BEGIN:VCALENDAR`, unbalanced
 *   `BEGIN`/`END`) or, with `strict: true`, one issue per skipped entry with its {@link ICalendarSkipCode}
 *   and path `["line", n]`
 * @example
 * const ics = [
 *   "BEGIN:VCALENDAR",
 *   "BEGIN:VEVENT",
 *   "DTSTART;VALUE=DATE:20261126",
 *   "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
 *   "SUMMARY:Thanksgiving Day",
 *   "END:VEVENT",
 *   "END:VCALENDAR",
 * ].join("\r\n");
 * parseICalendarHolidays(ics, { fromYear: 2026, toYear: 2027 });
 * // => { holidays: [{ date: "2026-11-26", name: "Thanksgiving Day" }, { date: "2027-11-25", name: "Thanksgiving Day" }], skipped: [] }
 */
export function parseICalendarHolidays(text: unknown, options: ICalendarHolidaysOptions): ICalendarHolidays {
  return parseICalendar(text, options);
}

/**
 * {@link parseICalendarHolidays} without throwing: the result, or the error it would have thrown.
 *
 * @param text - the iCalendar text, or its raw UTF-8 octets (any value: it is checked)
 * @param options - `fromYear`/`toYear` (inclusive), `strict` and `include` (any value: they are checked)
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link SlaError}
 * @example
 * safeParseICalendarHolidays("not a calendar", { fromYear: 2026, toYear: 2026 });
 * // => { success: false, error: SlaError { code: "invalid_holiday_source", issues: [{ code: "invalid_icalendar", … }] } }
 */
export function safeParseICalendarHolidays(text: unknown, options: unknown): SafeResult<ICalendarHolidays, SlaError> {
  return safely(SlaError, () => parseICalendar(text, options));
}
