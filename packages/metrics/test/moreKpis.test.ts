// Example tests of the KPIs in docs/kpis.md "More KPIs": the edges each definition names.
import { Duration } from "luxon";
import { describe, expect, it } from "vitest";
import { createCalendar } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import {
  MetricsError,
  agentWorkTime,
  ces,
  collaborationResponsiveness,
  complianceAdherence,
  escalationQuality,
  firstLevelResolution,
  knowledgeDeflection,
  knowledgeOutput,
  netIntake,
  nps,
  requesterWaitTime,
  stakeholderSatisfaction,
  taxonomyAccuracy,
} from "@supportops/metrics";
import { DAY, HOUR, T0, created, customer, merged, note, reply, status, ticket } from "./support/tickets.js";

const period = { from: T0, to: T0 + 7 * DAY };
const options = { period };
const escalated = (to: string): Record<string, unknown> & { type: string } => ({ type: "escalated", to });
const assigned = (group: string): Record<string, unknown> & { type: string } => ({ type: "assigned", group });
const field = (name: string, to: unknown): Record<string, unknown> & { type: string } => ({ type: "field_changed", field: name, to });

describe("firstLevelResolution", () => {
  const tickets = [
    ticket("A", [0, created()], [0.1, assigned("tier1")], [1, reply], [2, status("solved")]),
    ticket("B", [0, created()], [0.1, assigned("tier1")], [1, escalated("tier2")], [3, status("solved")]),
    ticket("C", [0, created()], [0.1, assigned("tier1")], [1, assigned("billing")], [3, status("solved")]),
    // Escalated only after its latest resolution: still resolved at the first level.
    ticket("D", [0, created()], [0.1, assigned("tier1")], [2, status("solved")], [3, escalated("tier2")]),
    ticket("E", [0, created()], [1, status("solved")], [2, merged("A")]),
  ];

  it("fails escalated tickets and those moved to another group; merged-away ones are excluded", () => {
    const result = firstLevelResolution(tickets, options);
    expect(result).toMatchObject({ kpi: "first_level_resolution", value: 2 / 4, n: 4, excluded: { merged: 1, reopenedBeforeEnd: 0 }, stats: { successes: 2, escalated: 1, leftFirstLevel: 1 } });
  });

  it("with firstLevelGroups, a move between first-level groups stays at the first level", () => {
    expect(firstLevelResolution(tickets, { ...options, firstLevelGroups: ["tier1", "billing"] }).value).toBe(3 / 4);
  });

  it("rejects a TicketRow: assignments are only in the log", () => {
    const row = { id: "R", created_at: "2026-03-02T00:00:00Z" };
    expect(thrownBy(MetricsError, () => firstLevelResolution([row as never], options)).code).toBe("invalid_argument");
  });
});

describe("requesterWaitTime and agentWorkTime", () => {
  it("sum the status spans up to the latest resolution (reopen cycles in, pending out)", () => {
    const tickets = [
      ticket("A", [0, created()], [1, status("pending")], [5, status("open")], [6, status("on_hold")], [8, status("open")], [9, status("solved")], [10, status("open")], [11, status("solved")]),
    ];
    // new 0–1, pending 1–5, open 5–6, on_hold 6–8, open 8–9, solved 9–10, open 10–11.
    expect(requesterWaitTime(tickets, options)).toMatchObject({ value: 6 * HOUR, n: 1 });
    expect(agentWorkTime(tickets, options)).toMatchObject({ value: 4 * HOUR, n: 1 });
  });

  it("is 0, not null, for a ticket resolved at creation, and null with nothing resolved", () => {
    expect(requesterWaitTime([ticket("A", [0, created("customer", { status: "solved" })])], options).value).toBe(0);
    expect(requesterWaitTime([ticket("A", [0, created()])], options)).toMatchObject({ value: null, n: 0 });
  });
});

describe("requesterWaitTime in business time", () => {
  it("measures each status span on the calendar", () => {
    const weekdays = [["09:00", "17:00"]] as Array<[string, string]>;
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays } });
    // Friday 16:00 → Monday 10:00: 66 h on the clock, 2 business hours.
    const tickets = [ticket("A", [4 * 24 + 16, created()], [7 * 24 + 10, status("solved")])];
    const twoWeeks = { period: { from: T0, to: T0 + 14 * DAY } };
    expect(requesterWaitTime(tickets, twoWeeks).value).toBe(66 * HOUR);
    const business = requesterWaitTime(tickets, { ...twoWeeks, calendar: cal });
    expect(business.value).toBe(2 * HOUR);
    expect(business.method).toMatch(/business ms/);
    expect(agentWorkTime(tickets, { ...twoWeeks, calendar: cal }).value).toBe(2 * HOUR);
  });
});

describe("netIntake", () => {
  it("is created − resolved in the period, and can be negative", () => {
    const tickets = [
      ticket("A", [-48, created()], [1, status("solved")]),
      ticket("B", [-48, created()], [2, status("solved")]),
      ticket("C", [3, created()]),
      ticket("D", [4, created()], [5, merged("C")]),
    ];
    expect(netIntake(tickets, options)).toMatchObject({ kpi: "net_intake", value: -1, n: 3, excluded: { merged: 2, reopenedBeforeEnd: 0 }, stats: { created: 1, resolved: 2 } });
  });
});

describe("nps", () => {
  it("is % promoters − % detractors with passives in the denominator", () => {
    const responses = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5].map((score, i) => ({ at: T0 + i * HOUR, score }));
    const result = nps(responses, options);
    expect(result).toMatchObject({ value: 20, n: 10, stats: { promoters: 5, passives: 2, detractors: 3, belowMinN: false } });
    // Adjusted Wald: p = 5.75/13, d = 3.75/13.
    const p = 5.75 / 13;
    const d = 3.75 / 13;
    const half = 1.959963984540054 * Math.sqrt((p + d - (p - d) ** 2) / 13);
    expect(result.stats.ci!.low).toBeCloseTo(100 * (p - d - half), 10);
    expect(result.stats.ci!.high).toBeCloseTo(100 * (p - d + half), 10);
  });

  it("all promoters: 100 with an interval below it; nothing: null", () => {
    const all = nps([{ at: T0, score: 10 }, { at: T0, score: 9 }], options);
    expect(all.value).toBe(100);
    expect(all.stats.ci!.high).toBe(100);
    expect(all.stats.ci!.low).toBeLessThan(100);
    expect(nps([], options)).toMatchObject({ value: null, n: 0, stats: { ci: null } });
  });

  it("rejects a score off 0–10 with its index", () => {
    const error = thrownBy(MetricsError, () => nps([{ at: T0, score: 9 }, { at: T0, score: 11 }], options));
    expect(error.issues[0]).toMatchObject({ code: "invalid_value", path: [1, "score"] });
  });
});

describe("ces", () => {
  it("is the share agreeing (5–7 of 7) with the mean", () => {
    const result = ces([7, 6, 5, 3, 2].map((score) => ({ at: T0, score })), options);
    expect(result).toMatchObject({ value: 0.6, n: 5, stats: { successes: 3, mean: 4.6, distribution: { "7": 1, "6": 1, "5": 1, "3": 1, "2": 1 } } });
  });

  it("takes another scale and agreement threshold", () => {
    expect(ces([{ at: T0, score: 4 }, { at: T0, score: 3 }], { ...options, scale: { min: 1, max: 5 }, agreeAtLeast: 4 }).value).toBe(0.5);
    expect(thrownBy(MetricsError, () => ces([{ at: T0, score: 7 }], { ...options, scale: { min: 1, max: 5 } })).issues[0].path).toStrictEqual([0, "score"]);
  });
});

describe("collaborationResponsiveness", () => {
  const target = { ...options, olaTarget: "PT4H" };

  it("a response exactly at the target is met; none by then is breached at handoff + target", () => {
    const tickets = [
      ticket("A", [0, created()], [1, escalated("eng")], [5, note]),
      ticket("B", [0, created()], [1, escalated("eng")], [5.5, note]),
      ticket("C", [0, created()], [1, escalated("eng")]),
    ];
    expect(collaborationResponsiveness(tickets, target)).toMatchObject({
      value: 1 / 3,
      n: 3,
      stats: { successes: 1, undetermined: 0, byGroup: { eng: { met: 1, breached: 2 } }, responseTime: { min: 4 * HOUR, max: 4.5 * HOUR } },
    });
  });

  it("an agent message logged before the handoff at the same instant is no response to it", () => {
    const tickets = [ticket("A", [0, created()], [1, reply], [1, escalated("eng")], [2, note])];
    expect(collaborationResponsiveness(tickets, target).stats.responseTime.min).toBe(HOUR);
  });

  it("counts only the receiving group's members when they are listed", () => {
    const tickets = [
      ticket("A", [0, created()], [1, escalated("eng")], [2, { ...note, author: "agent-1" }], [3, { ...note, author: "dev-1" }]),
    ];
    expect(collaborationResponsiveness(tickets, { ...target, members: { eng: ["dev-1"] } }).stats.responseTime.min).toBe(2 * HOUR);
    expect(collaborationResponsiveness(tickets, target).stats.responseTime.min).toBe(HOUR);
  });

  it("undetermined before the target passes; excluded when resolved unanswered before it", () => {
    const open = [ticket("A", [0, created()], [7 * 24 - 1, escalated("eng")])];
    expect(collaborationResponsiveness(open, target)).toMatchObject({ n: 0, value: null, stats: { undetermined: 1 } });
    const resolved = [ticket("A", [0, created()], [1, escalated("eng")], [2, status("solved")])];
    expect(collaborationResponsiveness(resolved, target)).toMatchObject({ n: 0, excluded: { resolvedWithoutResponse: 1, merged: 0 } });
  });

  it("counts a merged-away ticket's answered handoff once under excluded.merged, and leaves its response time out", () => {
    const tickets = [ticket("A", [0, created()], [1, escalated("eng")], [2, note], [3, merged("B")])];
    expect(collaborationResponsiveness(tickets, target)).toMatchObject({ n: 0, value: null, excluded: { merged: 1, resolvedWithoutResponse: 0 }, stats: { responseTime: { median: null } } });
  });

  it("takes per-group targets and luxon durations; an escalation and its assignment are one handoff", () => {
    const tickets = [ticket("A", [0, created()], [0, assigned("tier1")], [1, escalated("eng")], [1, assigned("eng")], [4, note])];
    const perGroup = collaborationResponsiveness(tickets, { ...options, olaTarget: { default: "PT1H", eng: "PT3H" }, includeReassignments: true });
    expect(perGroup).toMatchObject({ n: 1, value: 1 });
    expect(collaborationResponsiveness(tickets, { ...options, olaTarget: Duration.fromObject({ hours: 2 }) }).value).toBe(0);
  });
});

describe("collaborationResponsiveness in business time", () => {
  const weekdays = [["09:00", "17:00"]] as Array<[string, string]>;
  const cal = createCalendar({ timeZone: "UTC", weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays } });
  const twoWeeks = { period: { from: T0, to: T0 + 14 * DAY }, olaTarget: "PT4H" };
  // Friday 16:00 → the 4 business hours run out on Monday 12:00.
  const friday = 4 * 24 + 16;
  const monday = 7 * 24;

  it("measures the response in the group's business hours and breaches at the business deadline", () => {
    const answered = [ticket("A", [0, created()], [friday, escalated("eng")], [monday + 11, note])];
    const result = collaborationResponsiveness(answered, { ...twoWeeks, calendar: cal });
    expect(result).toMatchObject({ value: 1, n: 1, stats: { responseTime: { median: 3 * HOUR } } });
    expect(result.method).toMatch(/business time/);
    // In calendar time the same response is 67 h late.
    expect(collaborationResponsiveness(answered, twoWeeks).value).toBe(0);
    const late = [ticket("A", [0, created()], [friday, escalated("eng")], [monday + 12.5, note])];
    expect(collaborationResponsiveness(late, { ...twoWeeks, calendar: { default: cal } })).toMatchObject({ value: 0, stats: { byGroup: { eng: { met: 0, breached: 1 } } } });
  });

  it("rejects something that is no calendar", () => {
    expect(thrownBy(MetricsError, () => collaborationResponsiveness([], { ...twoWeeks, calendar: { eng: {} as never } })).issues[0].path).toStrictEqual(["calendar", "eng"]);
  });
});

describe("complianceAdherence", () => {
  const rules = [
    { name: "all", requiredFields: ["resolution_code"] },
    { name: "billing", when: { category: ["billing"] }, requiredFields: ["order_id"] },
  ];

  it("needs every required field of every applying rule present at the latest resolution", () => {
    const tickets = [
      ticket("A", [0, created("customer", { category: "billing" })], [1, field("resolution_code", "refunded")], [1, field("order_id", "O-1")], [2, status("solved")]),
      ticket("B", [0, created("customer", { category: "billing" })], [1, field("resolution_code", "refunded")], [2, status("solved")]),
      ticket("C", [0, created()], [1, field("resolution_code", "  ")], [2, status("solved")]),
      // Filled in only after the resolution: missing at it.
      ticket("D", [0, created()], [2, status("solved")], [3, field("resolution_code", "late")]),
      ticket("E", [0, created()], [1, field("resolution_code", "x")], [2, status("solved")]),
    ];
    expect(complianceAdherence(tickets, { ...options, rules })).toMatchObject({
      value: 2 / 5,
      n: 5,
      stats: { successes: 2, byField: { resolution_code: { required: 5, present: 3 }, order_id: { required: 2, present: 1 } }, byRule: { all: { n: 5, successes: 3 }, billing: { n: 2, successes: 1 } } },
    });
  });

  it("leaves tickets no rule applies to out, and rejects bad rules", () => {
    const tickets = [ticket("A", [0, created()], [2, status("solved")])];
    expect(complianceAdherence(tickets, { ...options, rules: [rules[1]!] })).toMatchObject({ n: 0, value: null, excluded: { noRule: 1 } });
    expect(thrownBy(MetricsError, () => complianceAdherence(tickets, { ...options, rules: [] })).issues[0].path).toStrictEqual(["rules"]);
    expect(thrownBy(MetricsError, () => complianceAdherence(tickets, { ...options, rules: [{ name: "x", requiredFields: [] }] })).issues[0].path).toStrictEqual(["rules", 0, "requiredFields"]);
  });
});

describe("survey and record KPIs", () => {
  it("stakeholderSatisfaction: top two of the scale, mean, small-sample flag", () => {
    const result = stakeholderSatisfaction(
      [
        { at: T0, score: 5, stakeholder: "engineering" },
        { at: T0, score: 3, stakeholder: "engineering" },
        { at: T0, score: 9, scaleMax: 10, stakeholder: "success" },
      ],
      options,
    );
    expect(result).toMatchObject({ value: 2 / 3, n: 3, stats: { successes: 2, belowMinN: true, byStakeholder: { engineering: { n: 2, successes: 1 }, success: { n: 1, successes: 1 } } } });
  });

  it("escalationQuality: the mean rubric score and the share at or above the threshold", () => {
    const records = [4.5, 3.25, 5, 4].map((score, i) => ({ at: T0 + i * HOUR, score: { score, gated: score < 3.5 } }));
    expect(escalationQuality(records, options)).toMatchObject({ value: 4.1875, n: 4, stats: { atOrAboveThreshold: 3, shareAtOrAbove: 0.75, gated: 1 } });
    expect(escalationQuality(records, { ...options, threshold: 4.5 }).stats.atOrAboveThreshold).toBe(2);
    expect(thrownBy(MetricsError, () => escalationQuality([{ at: T0, score: { score: 0, gated: false } }], options)).issues[0].path).toStrictEqual([0, "score", "score"]);
  });

  it("taxonomyAccuracy: the audit's accuracy over pairs audited in the period, errors pointing at the record", () => {
    const records = [
      { at: T0, assigned: "billing.refund", audited: "billing.refund" },
      { at: T0 + HOUR, assigned: "billing.refund", audited: "billing.invoices" },
      { at: T0 - HOUR, assigned: "x", audited: "y" },
    ];
    const result = taxonomyAccuracy(records, options);
    expect(result).toMatchObject({ kpi: "taxonomy_accuracy", value: 0.5, n: 2, stats: { successes: 1 } });
    expect(result.stats.audit.confusion).toStrictEqual([[0, 1], [0, 1]]);
    const error = thrownBy(MetricsError, () => taxonomyAccuracy([{ at: T0 - HOUR, assigned: "a", audited: "a" }, { at: T0, assigned: [], audited: "a" }], options));
    expect(error.issues[0]!.path[0]).toBe(1);
  });

  it("knowledgeOutput: distinct articles first published in the period; republishing and updates apart", () => {
    const events = [
      { article: "kb-1", at: T0 - DAY, action: "published" },
      { article: "kb-1", at: T0 + HOUR, action: "updated" },
      { article: "kb-1", at: T0 + 2 * HOUR, action: "published" },
      { article: "kb-2", at: T0 + HOUR, action: "published", author: "a-1" },
      { article: "kb-2", at: T0 + 3 * HOUR, action: "published" },
      { article: "kb-3", at: T0 + 2 * DAY, action: "updated" },
    ] as const;
    expect(knowledgeOutput(events, options)).toMatchObject({ value: 1, n: 1, excluded: { republished: 2 }, stats: { updatedArticles: 2, updateEvents: 2, byAuthor: { "a-1": 1 } } });
  });

  it("knowledgeDeflection: an estimate, provisional while the window is open", () => {
    const sessions = [
      { at: T0, user: "u1", articleViews: 2 },
      { at: T0, user: "u2", articleViews: 1 },
      { at: T0, articleViews: 3 },
      { at: T0, user: "u3", articleViews: 0 },
      { at: period.to - HOUR, user: "u4", articleViews: 1 },
    ];
    const contacts = [{ at: T0 + 24 * HOUR, user: "u2" }, { at: T0 + 25 * HOUR, user: "u1" }];
    const result = knowledgeDeflection({ sessions, contacts }, options);
    // u2's ticket came exactly at the window's end: within it. u1's came after: deflected.
    expect(result).toMatchObject({ value: 2 / 3, n: 3, excluded: { anonymous: 1, noArticleView: 1 }, provisional: true, stats: { successes: 2, pendingWindow: 1, selfServiceRatio: 5 / 2 } });
    expect(result.method).toMatch(/^ESTIMATE/);
    expect(knowledgeDeflection({ sessions, contacts }, { ...options, asOf: period.to + DAY }).provisional).toBe(false);
  });
});
