// Every KPI that asks a caller's calendar for business time checks the answer against core's
// BusinessCalendarLike contract (docs/kpis.md, "Business hours"): NaN, a fraction, more business time
// than calendar time, or a due instant before its start is `invalid_calendar` with issue
// `invalid_return_value`, never a wrong figure; the calendar's own supportops errors pass on.
import { describe, expect, it } from "vitest";
import { SlaError } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import type { BusinessCalendarLike } from "@supportops/core";
import { MetricsError, agentWorkTime, collaborationResponsiveness, firstResponseTime, incidentTimeline, requesterWaitTime, resolutionTime } from "@supportops/metrics";
import { DAY, HOUR, T0, created, note, reply, status, ticket } from "./support/tickets.js";

const escalated = (to: string): Record<string, unknown> & { type: string } => ({ type: "escalated", to });

const options = { period: { from: T0, to: T0 + 7 * DAY } };
const honest: BusinessCalendarLike = {
  isOpenMs: () => true,
  addBusinessMs: (ms, durationMs) => ms + durationMs,
  businessMsBetween: (a, b) => b - a,
  nextOpenMs: (ms) => ms,
  nextCloseMs: () => null,
};
const broken: Record<string, BusinessCalendarLike> = {
  "a fraction": { ...honest, businessMsBetween: (a, b) => (b - a) / 7, addBusinessMs: (ms, d) => ms + d + 0.5 },
  NaN: { ...honest, businessMsBetween: () => Number.NaN, addBusinessMs: () => Number.NaN },
  "more than calendar time / a due instant too early": { ...honest, businessMsBetween: (a, b) => b - a + 1, addBusinessMs: (ms, d) => ms + d - 1 },
  "a string": { ...honest, businessMsBetween: () => "1" as unknown as number, addBusinessMs: () => "1" as unknown as number },
};

const statusTickets = [ticket("A", [0, created()], [1, status("pending")], [5, status("open")], [9, status("solved")])];
const handoffTickets = [ticket("A", [0, created()], [1, escalated("eng")], [5, note]), ticket("B", [0, created()], [1, escalated("eng")])];
const timelineLog = ticket("A", [0, created()], [1, status("pending")], [5, status("solved")]);

const failure = (fn: () => unknown): { code: string; issue: string; path: ReadonlyArray<string | number> } => {
  const error = thrownBy(MetricsError, fn);
  return { code: error.code, issue: error.issues[0]!.code, path: error.issues[0]!.path };
};

describe("a calendar that breaks its contract", () => {
  for (const [name, calendar] of Object.entries(broken)) {
    it(`is refused with invalid_calendar / invalid_return_value: ${name}`, () => {
      const expected = { code: "invalid_calendar", issue: "invalid_return_value", path: ["calendar"] };
      expect(failure(() => firstResponseTime([ticket("A", [0, created()], [1.5, reply])], { ...options, calendar }))).toStrictEqual(expected);
      expect(failure(() => resolutionTime(statusTickets, { ...options, calendar }))).toStrictEqual(expected);
      expect(failure(() => requesterWaitTime(statusTickets, { ...options, calendar }))).toStrictEqual(expected);
      expect(failure(() => agentWorkTime(statusTickets, { ...options, calendar }))).toStrictEqual(expected);
      expect(failure(() => incidentTimeline(timelineLog, { timeZone: "UTC", calendar }))).toStrictEqual(expected);
      expect(failure(() => collaborationResponsiveness(handoffTickets, { ...options, olaTarget: "PT4H", calendar }))).toStrictEqual(expected);
      expect(failure(() => collaborationResponsiveness(handoffTickets, { ...options, olaTarget: "PT4H", calendar: { default: honest, eng: calendar } }))).toStrictEqual({
        ...expected,
        path: ["calendar", "eng"],
      });
    });
  }

  it("an honest calendar object is used as it is, and its own errors pass on with their code", () => {
    expect(requesterWaitTime(statusTickets, { ...options, calendar: honest }).value).toBe(5 * HOUR);
    expect(collaborationResponsiveness(handoffTickets, { ...options, olaTarget: "PT4H", calendar: honest })).toMatchObject({ n: 2, stats: { successes: 1 } });
    const refusing: BusinessCalendarLike = {
      ...honest,
      businessMsBetween: () => {
        throw new SlaError("out_of_range", [{ code: "out_of_range", path: ["bMs"], message: "after the calendar's last year" }]);
      },
    };
    const error = thrownBy(MetricsError, () => agentWorkTime(statusTickets, { ...options, calendar: refusing }));
    expect({ code: error.code, path: error.issues[0]!.path }).toStrictEqual({ code: "out_of_range", path: ["calendar", "bMs"] });
  });
});
