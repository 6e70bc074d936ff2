import type { IssuePath } from "@supportops/core";
import { CALENDAR_LIMITS } from "../CALENDAR_LIMITS.js";
import type { CalendarIssueCode } from "../SlaError.js";
import { DAY_MS } from "./constants.js";
import { WEEKDAYS, WEEKDAY_NAMES, formatIsoDate, parseIsoDate, weekdayIndex, type Weekday } from "./localDate.js";
import { formatTimeOfDay, intervalBounds, parseTimeOfDay } from "./timeOfDay.js";

/** The shape {@link checkDefinition} reads: what zod has already checked structurally. */
export interface RawDefinition {
  readonly weekly: { readonly [day in Weekday]?: ReadonlyArray<readonly [string, string]> | undefined };
  readonly overrides?: ReadonlyArray<{ readonly date: string; readonly hours: ReadonlyArray<readonly [string, string]> }> | undefined;
  readonly holidays?: ReadonlyArray<string | { readonly date: string }> | undefined;
}

/** Reports one problem. */
export type Report = (code: CalendarIssueCode, path: IssuePath, message: string) => void;

const MAX_INTERVALS_PER_DAY = CALENDAR_LIMITS.maxIntervalsPerDay;

interface Bound {
  readonly start: number;
  readonly end: number;
  readonly path: IssuePath;
}

const span = (b: { start: number; end: number }): string =>
  `${formatTimeOfDay(b.start)}–${formatTimeOfDay(b.end >= DAY_MS && b.end !== DAY_MS ? b.end - DAY_MS : b.end)}`;

/**
 * Checks one day's intervals: `24:00` used as a start, empty intervals and overlaps. Returns the usable
 * intervals (well-formed, non-empty), sorted by start.
 */
function checkDay(
  intervals: ReadonlyArray<readonly [string, string]>,
  basePath: IssuePath,
  where: string,
  report: Report,
): Bound[] {
  if (intervals.length > MAX_INTERVALS_PER_DAY) {
    report(
      "too_many_intervals",
      basePath,
      `${intervals.length} intervals${where}; a day may have at most ${MAX_INTERVALS_PER_DAY} (CALENDAR_LIMITS.maxIntervalsPerDay), since every query's cost grows with them — merge adjacent ones or model fewer, longer ones`,
    );
    return []; // its other problems would only repeat the point, one issue per interval
  }
  const bounds: Bound[] = [];
  intervals.forEach((interval, i) => {
    const path = [...basePath, i];
    if (parseTimeOfDay(interval[0]) === DAY_MS) {
      report("invalid_time_of_day", [...path, 0], "24:00 is only valid as an end; start the interval at 00:00 of the next day instead");
      return;
    }
    const b = intervalBounds(interval);
    if (b === null) return; // malformed times are reported by the schema itself
    if (b[0] === b[1]) {
      report(
        "zero_length_interval",
        path,
        `the interval ${interval[0]}–${interval[1]}${where} is empty; remove it, or write 00:00–24:00 for a whole day`,
      );
      return;
    }
    bounds.push({ start: b[0], end: b[1], path });
  });
  const sorted = [...bounds].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev !== undefined && cur !== undefined && cur.start < prev.end) {
      report(
        "overlapping_intervals",
        cur.path,
        `the interval ${span(cur)}${where} overlaps ${span(prev)}; intervals on one day must not overlap (adjacent is fine, e.g. 09:00–12:00 and 12:00–17:00)`,
      );
    }
  }
  return sorted;
}

/** Checks that `first`'s overnight parts (past 24:00) do not run into `second`, the next date's intervals. */
function checkNextDay(first: ReadonlyArray<Bound>, firstName: string, second: ReadonlyArray<Bound>, secondName: string, report: Report): void {
  for (const night of first) {
    if (night.end <= DAY_MS) continue;
    for (const next of second) {
      if (next.start + DAY_MS < night.end) {
        report(
          "overlapping_intervals",
          next.path,
          `the interval ${span(next)} on ${secondName} starts before the overnight interval ${span(night)} of ${firstName} has ended; ` +
            `end the overnight interval earlier or start this one at ${formatTimeOfDay(night.end - DAY_MS)} or later`,
        );
      }
    }
  }
}

/**
 * The checks on a calendar definition that its JSON shape cannot express: more intervals on a day
 * than `CALENDAR_LIMITS.maxIntervalsPerDay`, `24:00` as a start, empty and overlapping intervals (also
 * across midnight), a week with no open time, dates that are not dates, repeated dates, and a date
 * that is both a holiday and an override.
 */
export function checkDefinition(def: RawDefinition, report: Report): void {
  let weeklyIssues = 0;
  const reportWeekly: Report = (code, path, message) => {
    weeklyIssues++;
    report(code, path, message);
  };
  const weekly: Bound[][] = WEEKDAYS.map((day) =>
    checkDay(def.weekly[day] ?? [], ["weekly", day], ` on ${WEEKDAY_NAMES[day]}s`, reportWeekly),
  );
  // Malformed times are reported by the schema; an interval that is merely malformed is not "no open time".
  const malformed = WEEKDAYS.some((day) => (def.weekly[day] ?? []).some((interval) => intervalBounds(interval) === null));
  WEEKDAYS.forEach((day, i) => {
    const next = WEEKDAYS[(i + 1) % 7] as Weekday;
    checkNextDay(weekly[i] ?? [], `${WEEKDAY_NAMES[day]}s`, weekly[(i + 1) % 7] ?? [], `${WEEKDAY_NAMES[next]}s`, report);
  });
  if (weekly.every((day) => day.length === 0) && weeklyIssues === 0 && !malformed) {
    report(
      "no_open_time",
      ["weekly"],
      "the weekly hours have no open time, so no business time could ever pass; give at least one day an interval such as [\"09:00\", \"17:00\"]",
    );
  }

  const holidayDays = new Map<number, number>();
  (def.holidays ?? []).forEach((holiday, i) => {
    const text = typeof holiday === "string" ? holiday : holiday.date;
    const path = typeof holiday === "string" ? ["holidays", i] : ["holidays", i, "date"];
    const day = parseIsoDate(text);
    if (day === null) return; // reported by the schema
    const first = holidayDays.get(day);
    if (first !== undefined) {
      report("duplicate_date", path, `${text} is already a holiday (holidays[${first}]); list each date once`);
    } else holidayDays.set(day, i);
  });

  const overrideDays = new Map<number, { index: number; bounds: Bound[] }>();
  (def.overrides ?? []).forEach((override, i) => {
    const day = parseIsoDate(override.date);
    const bounds = checkDay(override.hours, ["overrides", i, "hours"], ` on ${override.date}`, report);
    if (day === null) return;
    const holiday = holidayDays.get(day);
    if (holiday !== undefined) {
      report(
        "holiday_override_conflict",
        ["overrides", i, "date"],
        `${override.date} is both a holiday (holidays[${holiday}]) and an override; keep one (an override with hours: [] also closes the day)`,
      );
    }
    const first = overrideDays.get(day);
    if (first !== undefined) {
      report("duplicate_date", ["overrides", i, "date"], `${override.date} already has an override (overrides[${first.index}]); merge their hours into one`);
    } else overrideDays.set(day, { index: i, bounds });
  });

  const effective = (day: number): Bound[] => {
    if (holidayDays.has(day)) return [];
    return overrideDays.get(day)?.bounds ?? weekly[weekdayIndex(day)] ?? [];
  };
  for (const [day] of overrideDays) {
    checkNextDay(effective(day - 1), formatIsoDate(day - 1), effective(day), formatIsoDate(day), report);
    if (!overrideDays.has(day + 1)) {
      checkNextDay(effective(day), formatIsoDate(day), effective(day + 1), formatIsoDate(day + 1), report);
    }
  }
}
