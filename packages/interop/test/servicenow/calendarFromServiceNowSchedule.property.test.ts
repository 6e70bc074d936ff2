// ServiceNow schedules against a naive reference written here with plain loops: per local date of the
// window, a 1440-minute array is opened by every working entry that occurs on the date and closed by
// every exclude entry; the imported calendar must hold exactly that much business time on each date.
// (UTC keeps the reference free of zone arithmetic; the calendar's own DST handling is held to the
// brute-force oracle in packages/sla.)
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createCalendar } from "@supportops/sla";
import { calendarFromServiceNowSchedule, type ServiceNowScheduleSpan } from "@supportops/interop/servicenow";

const DAY = 86_400_000;
const FIRST = Date.UTC(2026, 0, 5) / DAY; // a Monday
const WINDOW = 42;
const KINDS = ["weekdays", "weekends", "weekMWF", "weekTT", "daily", "weekly"] as const;
const KIND_DAYS: Record<(typeof KINDS)[number], number[]> = { weekdays: [1, 2, 3, 4, 5], weekends: [0, 6], weekMWF: [1, 3, 5], weekTT: [2, 4], daily: [0, 1, 2, 3, 4, 5, 6], weekly: [] };

const compact = (day: number, minute: number): string => {
  const d = new Date(day * DAY).toISOString();
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${hh}${mm}00`;
};
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

const windowArb = fc.tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 1439 })).filter(([a, b]) => a < b);
const workArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  every: fc.constantFrom(1, 1, 2),
  startOffset: fc.integer({ min: -14, max: 20 }),
  window: windowArb,
});
const excludeArb = fc.record({ offset: fc.integer({ min: -2, max: WINDOW + 1 }), allDay: fc.boolean(), window: windowArb, yearly: fc.boolean() });

describe("calendarFromServiceNowSchedule", () => {
  // At least one entry repeats every week (else the weekly hours are empty and sla refuses the calendar).
  const worksArb = fc.array(workArb, { minLength: 1, maxLength: 4 }).filter((ws) => ws.some((w) => w.every === 1 || !["daily", "weekly"].includes(w.kind)));
  test.prop([worksArb, fc.array(excludeArb, { maxLength: 5 })], { numRuns: numRuns(60) })(
    "holds on every date of the window exactly the open minutes of a plain per-date reference",
    (works, excludes) => {
      const spans: ServiceNowScheduleSpan[] = [];
      const open: boolean[][] = Array.from({ length: WINDOW }, () => new Array<boolean>(1440).fill(false));
      for (const w of works) {
        const startDay = FIRST + w.startOffset;
        const [a, b] = w.window;
        spans.push({
          schedule: { value: "s" }, name: "work", type: "", all_day: "false", start_date_time: compact(startDay, a), end_date_time: compact(startDay, b),
          repeat_type: w.kind, repeat_count: String(w.every), days_of_week: w.kind === "weekly" ? w.days.join("") : "",
        });
        const monday = startDay - ((weekday(startDay) + 6) % 7);
        for (let i = 0; i < WINDOW; i++) {
          const day = FIRST + i;
          if (day < startDay) continue;
          let occurs: boolean;
          if (w.kind === "daily") occurs = (day - startDay) % w.every === 0;
          else if (w.kind === "weekly") occurs = w.days.map((d) => d % 7).includes(weekday(day)) && Math.floor((day - monday) / 7) % w.every === 0;
          else occurs = KIND_DAYS[w.kind].includes(weekday(day));
          if (occurs) for (let m = a; m < b; m++) (open[i] as boolean[])[m] = true;
        }
      }
      for (const x of excludes) {
        const day = FIRST + x.offset;
        const [a, b] = x.allDay ? [0, 1440] : x.window;
        spans.push({
          schedule: { value: "holidays" }, name: "closed", type: "exclude", all_day: x.allDay ? "true" : "false",
          start_date_time: compact(x.yearly ? day - 365 : day, x.allDay ? 0 : a), end_date_time: compact(x.yearly ? day - 365 : day, x.allDay ? 0 : b),
          repeat_type: x.yearly ? "yearly" : "", yearly_type: x.yearly ? "doy" : "",
        });
        // A yearly entry from a year earlier recurs on the same month and day (2025 → 2026 has no 29 February).
        const i = day - FIRST;
        if (i >= 0 && i < WINDOW) for (let m = a; m < b; m++) (open[i] as boolean[])[m] = false;
      }
      const result = calendarFromServiceNowSchedule({ sys_id: "s", name: "gen", time_zone: "UTC" }, spans, {
        from: new Date(FIRST * DAY).toISOString().slice(0, 10),
        to: new Date((FIRST + WINDOW - 1) * DAY).toISOString().slice(0, 10),
      });
      const cal = createCalendar(result.definition);
      for (let i = 0; i < WINDOW; i++) {
        const minutesOpen = (open[i] as boolean[]).filter(Boolean).length;
        expect(cal.businessMsBetween((FIRST + i) * DAY, (FIRST + i + 1) * DAY), new Date((FIRST + i) * DAY).toISOString().slice(0, 10)).toBe(minutesOpen * 60_000);
      }
    },
  );
});
