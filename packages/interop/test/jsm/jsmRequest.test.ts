// A JSM request end to end, rebuilt from the documented fields: a split-shift calendar (lunch break,
// Asia/Seoul), an issue created before opening (the clock is deferred), a changelog with Jira's
// colon-less offsets and milliseconds, an internal comment that is not a reply, and the request SLA
// endpoint's cycles, which supportops must recompute to the millisecond.
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError, compareSla } from "@supportops/interop";
import { calendarFromJsmCalendar, observedSlaFromJsm, ticketLogFromJsmChangelog } from "@supportops/interop/jsm";

const H = 3_600_000;
const kst = (day: number, h: number, m = 0, s = 0, ms = 0): number => Date.UTC(2026, 2, day, h - 9, m, s, ms);
const date = (t: number) => ({ iso8601: new Date(t + 9 * H).toISOString().replace(/\.\d{3}Z$/, "+0900"), jira: new Date(t + 9 * H).toISOString().replace("Z", "+0900"), friendly: "Today 2:30 PM", epochMillis: t });

const calendar = calendarFromJsmCalendar({
  id: 1, name: "Seoul support", timezoneId: "Asia/Seoul",
  workingTimes: ["monday", "tuesday", "wednesday", "thursday", "friday"].flatMap((weekday) => [
    { weekday, start: 9 * H, end: 12 * H },
    { weekday, start: 13 * H, end: 18 * H },
  ]),
  holidays: [],
});
const issue = { key: "SUP-7", fields: { created: "2026-03-09T08:30:00.000+0900", reporter: { accountId: "cust-1" }, status: { name: "Resolved" }, priority: { name: "High" } } };
const changelog = {
  startAt: 0, maxResults: 100, total: 2, isLast: true,
  values: [
    { id: "10001", author: { accountId: "agent-1" }, created: "2026-03-09T14:30:00.432+0900", items: [{ field: "status", fieldtype: "jira", fieldId: "status", from: "10001", fromString: "Waiting for support", to: "3", toString: "In Progress" }] },
    { id: "10002", author: { accountId: "agent-1" }, created: "2026-03-10T10:15:00.000+0900", items: [
      { field: "resolution", fieldtype: "jira", fieldId: "resolution", from: null, fromString: null, to: "10000", toString: "Done" },
      { field: "status", fieldtype: "jira", fieldId: "status", from: "3", fromString: "In Progress", to: "5", toString: "Resolved" },
    ] },
  ],
};
const comments = [
  { id: "20001", author: { accountId: "agent-1" }, created: "2026-03-09T10:00:00.000+0900", jsdPublic: false },
  { id: "20002", author: { accountId: "agent-1" }, created: "2026-03-09T14:30:00.432+0900", jsdPublic: true },
];
const slaResponse = {
  size: 2, start: 0, limit: 50, isLastPage: true,
  values: [
    { id: "1", name: "Time to first response", completedCycles: [
      { startTime: date(kst(9, 8, 30)), stopTime: date(kst(9, 14, 30, 0, 432)), breachTime: date(kst(9, 14)), breached: true, goalDuration: { millis: 4 * H, friendly: "4h" }, elapsedTime: { millis: 4.5 * H + 432, friendly: "4h 30m" }, remainingTime: { millis: -0.5 * H - 432, friendly: "-30m" } },
    ], _links: {} },
    { id: "2", name: "Time to resolution", completedCycles: [
      { startTime: date(kst(9, 8, 30)), stopTime: date(kst(10, 10, 15)), breachTime: date(kst(10, 10)), breached: true, goalDuration: { millis: 9 * H, friendly: "9h" }, elapsedTime: { millis: 9.25 * H, friendly: "9h 15m" }, remainingTime: { millis: -0.25 * H, friendly: "-15m" } },
    ], _links: {} },
  ],
};

describe("a JSM request, imported and replayed", () => {
  const ticket = ticketLogFromJsmChangelog(issue, changelog, { comments });
  const observed = observedSlaFromJsm(slaResponse as never);

  it("reads the changelog and comments into a core log (colon-less offsets, milliseconds, internal comments)", () => {
    expect(ticket.definition.map((e) => [e.type, e.at])).toStrictEqual([
      ["created", kst(9, 8, 30)],
      ["message", kst(9, 10)],
      // "Waiting for support" → "In Progress" is open → open: no status change in the log.
      ["message", kst(9, 14, 30, 0, 432)],
      ["field_changed", kst(10, 10, 15)],
      ["status_changed", kst(10, 10, 15)],
    ]);
    expect(ticket.definition[0]).toMatchObject({ by: "customer", status: "open", priority: "High", requester: "cust-1" });
    expect(ticket.definition[1]).toMatchObject({ role: "agent", public: false });
    expect(ticket.definition[4]).toMatchObject({ to: "solved", toLabel: "Resolved", fromLabel: "In Progress" });
  });

  it("recomputes both cycles to the millisecond: deferred start, the lunch hole, breach at the exact goal", () => {
    const engine = createSlaEngine({
      calendars: { seoul: calendar.definition },
      policies: [{ id: "jsm", calendar: "seoul", targets: { first_response: { High: 4 * H }, resolution: { High: 9 * H } } }],
    });
    const ours = engine.evaluate(ticket.definition, { at: kst(11, 0) });
    expect(compareSla(observed.definition, ours)).toStrictEqual({ compared: 2, agreed: 2, differences: [] });
    expect(observed.definition.map((o) => [o.metric, o.status, o.elapsedBusinessMs])).toStrictEqual([["first_response", "breached", 4.5 * H + 432], ["resolution", "breached", 9.25 * H]]);
  });

  it("prefers epochMillis, reads the jira form otherwise, and never the localized friendly form", () => {
    const noEpoch = structuredClone(slaResponse) as typeof slaResponse;
    const cycle = noEpoch.values[0]?.completedCycles[0] as unknown as Record<string, Record<string, unknown>>;
    delete cycle["stopTime"]?.["epochMillis"];
    expect(observedSlaFromJsm(noEpoch as never).definition[0]?.stoppedAt).toBe(kst(9, 14, 30, 0, 432));
    delete cycle["stopTime"]?.["jira"];
    // iso8601 drops the milliseconds.
    expect(observedSlaFromJsm(noEpoch as never).definition[0]?.stoppedAt).toBe(kst(9, 14, 30));
  });

  it("needs a mapping for an unknown workflow status, and reads ongoing cycles as running", () => {
    const custom = { ...changelog, values: [{ ...changelog.values[0]!, items: [{ field: "status", fromString: "Waiting for support", toString: "Triage" }] }] };
    const error = thrownBy(InteropError, () => ticketLogFromJsmChangelog(issue, custom));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["changelog", "values", 0, "items", 0, "toString"]]);
    expect(ticketLogFromJsmChangelog(issue, custom, { statusMap: { Triage: "new" } }).definition.at(-1)).toMatchObject({ to: "new", toLabel: "Triage" });
    const ongoing = observedSlaFromJsm({ values: [{ name: "Time to close", ongoingCycle: { startTime: { epochMillis: 0 }, breachTime: { epochMillis: 5 }, breached: false, paused: true, goalDuration: { millis: 5 } } }] });
    expect(ongoing.definition).toStrictEqual([{ metric: "Time to close", cycle: 0, status: "paused", targetMs: 5, startedAt: 0, stoppedAt: null, breachedAt: null, elapsedBusinessMs: null, source: { vendor: "jsm", metricId: null, name: "Time to close" } }]);
  });
});
