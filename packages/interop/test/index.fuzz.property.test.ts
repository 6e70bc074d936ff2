// Hostile input at every entry point of every subpath: each call returns, or throws an InteropError
// with one of its codes — never a TypeError or RangeError, never a mutated argument, never a polluted
// prototype, never a catastrophic slowdown.
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe } from "vitest";
import { expectContained, hostileValueArb, numRuns } from "@supportops/test-utils";
import { INTEROP_ERROR_CODES, InteropError, compareSla, ianaFromRailsTimeZone, railsTimeZoneFromIana } from "@supportops/interop";
import * as freshdesk from "@supportops/interop/freshdesk";
import * as jsm from "@supportops/interop/jsm";
import * as servicenow from "@supportops/interop/servicenow";
import * as zendesk from "@supportops/interop/zendesk";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/zendesk/${name}.json`, import.meta.url), "utf8"));

/** Each entry point with a valid call; the fuzz replaces one argument, or one value inside it. */
const CALLS: ReadonlyArray<readonly [string, (...args: never[]) => unknown, ReadonlyArray<unknown>]> = [
  ["calendarFromZendeskSchedule", zendesk.calendarFromZendeskSchedule, [fixture("schedule"), fixture("holidays")]],
  ["zendeskScheduleFromCalendar", zendesk.zendeskScheduleFromCalendar, [{ name: "x", timeZone: "Europe/London", weekly: { mon: [["09:00", "17:00"]] } }, { timeZoneName: "London" }]],
  ["slaPoliciesFromZendesk", zendesk.slaPoliciesFromZendesk, [fixture("sla_policies"), { calendar: { name: "s", definition: { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } } } }]],
  ["ticketLogFromZendeskAudits", zendesk.ticketLogFromZendeskAudits, [fixture("audits"), { users: [{ id: 9001, role: "agent" }] }]],
  ["ticketLogFromZendeskTicketEvents", zendesk.ticketLogFromZendeskTicketEvents, [[{ id: 1, ticket_id: 5, timestamp: 1773065100, updater_id: 7, via: "Mail", event_type: "Audit", child_events: [{ id: 2, type: "Create", field_name: "status", value: "new" }] }], { ticketId: 5 }]],
  ["observedSlaFromZendeskMetricEvents", zendesk.observedSlaFromZendeskMetricEvents, [fixture("ticket_metric_events")]],
  ["calendarFromFreshdeskBusinessHours", freshdesk.calendarFromFreshdeskBusinessHours, [{ name: "x", time_zone: "London", working_hours: { monday: { start_time: "9:00 am", end_time: "5:00 pm" } } }]],
  ["slaPoliciesFromFreshdesk", freshdesk.slaPoliciesFromFreshdesk, [[{ id: 1, name: "d", sla_target: { priority_4: { respond_within: 60 } }, applicable_to: { sources: [7] } }]]],
  ["ticketLogFromFreshdeskConversations", freshdesk.ticketLogFromFreshdeskConversations, [{ id: 1, created_at: "2026-03-02T09:00:00Z", source: 7 }, [{ id: 1, user_id: 2, incoming: false, private: false, created_at: "2026-03-02T10:00:00Z" }], { activities: [{ performed_at: "02-03-2026 11:00:00 +0000", ticket_id: 1, activity: { status: "Resolved" } }] }]],
  ["calendarFromJsmCalendar", jsm.calendarFromJsmCalendar, [{ timezoneId: "Asia/Seoul", workingTimes: [{ weekday: "monday", start: 0, end: 3_600_000 }], holidays: [{ iso8601Date: "2026-01-01", recurring: true }] }, { toYear: 2027 }]],
  ["ticketLogFromJsmChangelog", jsm.ticketLogFromJsmChangelog, [{ key: "K-1", fields: { created: "2026-03-09T09:00:00.000+0900" } }, { values: [{ id: "1", created: "2026-03-09T10:00:00.000+0900", items: [{ field: "status", fromString: "Open", toString: "Resolved" }] }] }, { comments: [] }]],
  ["observedSlaFromJsm", jsm.observedSlaFromJsm, [{ values: [{ name: "Time to first response", completedCycles: [{ startTime: { jira: "2026-03-09T09:00:00.000+0900" }, breached: false }] }] }]],
  ["calendarFromServiceNowSchedule", servicenow.calendarFromServiceNowSchedule, [{ sys_id: "s", time_zone: "UTC" }, [{ schedule: "s", start_date_time: "20260101T090000", end_date_time: "20260101T170000", repeat_type: "weekdays" }], { from: "2026-01-01", to: "2026-02-01" }]],
  ["slaDefinitionsFromServiceNow", servicenow.slaDefinitionsFromServiceNow, [[{ name: "n", duration: "1970-01-01 04:00:00", start_condition: "priority=1", stop_condition: "state=6" }], { priorities: ["1"] }]],
  ["ticketLogFromServiceNowAudit", servicenow.ticketLogFromServiceNowAudit, [{ sys_id: "i", opened_at: "2026-03-09 15:00:00", state: "2" }, [{ fieldname: "state", oldvalue: "2", newvalue: "6", record_checkpoint: "1", sys_created_on: "2026-03-09 16:00:00" }], { customers: [] }]],
  ["observedSlaFromServiceNowTaskSla", servicenow.observedSlaFromServiceNowTaskSla, [[{ sla: "p", stage: "completed", start_time: "2026-03-09 15:00:00" }], { definitions: { vendor: "servicenow", definitions: [{ sysId: "p", name: "n", metric: "n", conditions: {} }] } }]],
  ["compareSla", compareSla, [[{ metric: "m", cycle: 0, status: "active", targetMs: 1, startedAt: 0, stoppedAt: null, breachedAt: null, elapsedBusinessMs: null, source: { vendor: "x" } }], [], { toleranceMs: 0 }]],
  ["ianaFromRailsTimeZone", ianaFromRailsTimeZone, ["London"]],
  ["railsTimeZoneFromIana", railsTimeZoneFromIana, ["Europe/London"]],
];

/** A deep copy of `value` with the value at a random path replaced (a nested place, not only the top). */
function inject(value: unknown, path: ReadonlyArray<number>, replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] as number) % keys.length] as string;
  (copy as Record<string, unknown>)[key] = inject((copy as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe("hostile input", () => {
  for (const [name, fn, args] of CALLS) {
    test.prop([fc.nat({ max: 10 }), fc.array(fc.nat(), { maxLength: 6 }), hostileValueArb], { numRuns: numRuns(40) })(`${name} contains it`, (position, path, hostile) => {
      const at = position % args.length;
      const next = args.map((arg, i) => (i === at ? inject(arg, path, hostile) : arg));
      expectContained(InteropError, INTEROP_ERROR_CODES, fn, next);
    });
  }
});
