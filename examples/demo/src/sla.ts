import { formatPath } from "@supportops/core";
import { createCalendar, safeCreateCalendar, type TimeInterval } from "@supportops/sla";

const ZONE = "America/New_York";
const localTime = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});
const local = (date: Date | number | null): string => (date === null ? "—" : localTime.format(date));
const hours = (ms: number): string => `${ms / 3_600_000} h`;

/**
 * An SLA due date computed across a weekend, a holiday and a daylight-saving change, explained step by
 * step; then what a broken calendar gets back.
 */
export function slaDemo(): string[] {
  const day: ReadonlyArray<TimeInterval> = [["09:00", "17:00"]];
  const support = createCalendar({
    timeZone: ZONE,
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays: [{ date: "2026-03-09", name: "Company day" }],
  });
  const created = "2026-03-06T14:00:00-05:00"; // a Friday afternoon
  const goal = { hours: 8 };
  const due = support.addBusinessTime(created, goal);
  const lines: string[] = [];
  lines.push(`Support hours: Mon–Fri 09:00–17:00 in ${ZONE}; Monday 2026-03-09 is a company holiday.`);
  lines.push(`A ticket created ${local(Date.parse(created))} with an 8-business-hour goal is due ${local(due)}:`);
  const friday = support.businessTimeBetween(created, "2026-03-07T00:00:00-05:00");
  const weekendAndHoliday = support.businessTimeBetween("2026-03-07T00:00:00-05:00", "2026-03-10T00:00:00-04:00");
  lines.push(`  Friday 14:00–17:00 counts ${hours(friday)}; Saturday, Sunday and the Monday holiday count ${hours(weekendAndHoliday)}`);
  lines.push(`  (the clocks spring forward from EST to EDT on Sunday, outside business hours);`);
  lines.push(`  Tuesday from 09:00 EDT counts the remaining ${hours(support.businessTimeBetween("2026-03-10T00:00:00-04:00", due))}.`);
  const wallHours = (due.getTime() - Date.parse(created)) / 3_600_000;
  lines.push(`  On the wall clock that is Fri 14:00 → Tue 14:00, yet only ${wallHours} real hours passed (not 96): the DST hour never existed.`);
  const at = "2026-03-10T11:30:00-04:00";
  const elapsed = support.businessTimeBetween(created, at);
  lines.push(`At ${local(Date.parse(at))} the clock shows ${hours(elapsed)} elapsed and ${hours(8 * 3_600_000 - elapsed)} remaining.`);
  lines.push(`A reply at ${local(Date.parse("2026-03-06T17:30:00-05:00"))} (after closing) costs nothing: the calendar next opens ${local(support.nextOpen("2026-03-06T17:30:00-05:00"))}.`);

  const broken = safeCreateCalendar({ timeZone: ZONE, weekly: { mon: [["22:00", "06:00"]], tue: [["05:00", "13:00"]] } });
  if (!broken.success) {
    lines.push("");
    lines.push("A calendar whose Monday night shift runs into Tuesday's hours is rejected at creation:");
    for (const issue of broken.error.issues) lines.push(`  ${issue.code} at ${formatPath(issue.path)}: ${issue.message}`);
  }
  return lines;
}
