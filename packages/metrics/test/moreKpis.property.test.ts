// The KPIs of docs/kpis.md "More KPIs" against the naive reference (test/support/naiveMoreKpis.ts)
// on generated logs with escalations, notes by the receiving group and compliance fields.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createCalendar } from "@supportops/sla";
import { GENERATED_GROUP_MEMBERS, generateTicketLogs, numRuns } from "@supportops/test-utils";
import {
  agentWorkTime,
  ces,
  collaborationResponsiveness,
  complianceAdherence,
  firstLevelResolution,
  netIntake,
  nps,
  requesterWaitTime,
  ticketRowsFromLogs,
  ticketsResolved,
} from "@supportops/metrics";
import { naiveCollaboration, naiveCompliance, naiveFirstLevel, naiveNetIntake, naiveStatusTime } from "./support/naiveMoreKpis.js";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5);

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 200 }),
  fromHours: fc.integer({ min: -48, max: 24 * 30 }),
  lengthHours: fc.integer({ min: 1, max: 24 * 30 }),
  asOfExtraHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 24 * 40 })),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function setUp(c: Case) {
  const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, workExtras: true, timeZone: "UTC" });
  const from = START + c.fromHours * HOUR;
  const to = from + c.lengthHours * HOUR;
  const asOf = to + c.asOfExtraHours * HOUR;
  return { logs, options: { period: { from, to }, asOf }, period: { from, to, asOf } };
}

const WEEKDAYS = [["08:00", "18:00"]] as Array<[string, string]>;
const OFFICE = createCalendar({ timeZone: "Europe/Berlin", weekly: { mon: WEEKDAYS, tue: WEEKDAYS, wed: WEEKDAYS, thu: WEEKDAYS, fri: WEEKDAYS } });

const RULES = [
  { name: "all", requiredFields: ["resolution_code"] },
  { name: "urgent", when: { priority: ["urgent", "high"] }, requiredFields: ["root_cause", "category"] },
  { name: "billing", when: { category: ["billing"] }, requiredFields: ["root_cause"] },
];

describe("more KPIs equal the naive reference on generated logs", () => {
  test.prop([caseArb], { numRuns: numRuns(30) })("first level resolution, requester wait, agent work, net intake", (c) => {
    const { logs, options, period } = setUp(c);
    const flr = naiveFirstLevel(logs, period);
    expect(firstLevelResolution(logs, options)).toMatchObject({ value: flr.value, n: flr.n, excluded: flr.excluded, stats: { successes: flr.successes } });
    for (const [fn, statuses] of [[requesterWaitTime, ["new", "open", "on_hold"]], [agentWorkTime, ["new", "open"]]] as const) {
      const naive = naiveStatusTime(logs, period, statuses);
      const result = fn(logs, options);
      expect(result).toMatchObject({ value: naive.value, n: naive.n, excluded: naive.excluded });
      expect(result.stats.max).toBe(naive.values!.length === 0 ? null : naive.values![naive.values!.length - 1]);
      // Business time never exceeds calendar time, ticket by ticket, so neither does any order statistic.
      const business = fn(logs, { ...options, calendar: OFFICE });
      expect(business.n).toBe(result.n);
      for (const key of ["median", "p90", "min", "max", "mean"] as const) expect(business.stats[key] ?? 0).toBeLessThanOrEqual(result.stats[key] ?? 0);
    }
    const intake = naiveNetIntake(logs, period);
    const result = netIntake(logs, options);
    expect(result).toMatchObject({ value: intake.value, n: intake.n, excluded: intake.excluded, stats: { created: intake.created, resolved: intake.resolved } });
    // The resolved side is tickets_resolved's count; rows made at the same asOf give the same answer.
    expect(result.stats.resolved).toBe(ticketsResolved(logs, options).value);
    const rows = ticketRowsFromLogs(logs, { asOf: options.asOf });
    expect(netIntake(rows, options)).toMatchObject({ value: result.value, n: result.n, excluded: result.excluded });
  });

  test.prop([caseArb, fc.integer({ min: 0, max: 72 })], { numRuns: numRuns(30) })("collaboration responsiveness and compliance adherence", (c, targetHours) => {
    const { logs, options, period } = setUp(c);
    const members = { tier2: [...GENERATED_GROUP_MEMBERS.tier2], engineering: [...GENERATED_GROUP_MEMBERS.engineering] };
    const naive = naiveCollaboration(logs, period, targetHours * HOUR, members);
    const result = collaborationResponsiveness(logs, { ...options, olaTarget: targetHours * HOUR, members });
    expect(result).toMatchObject({ value: naive.value, n: naive.n, excluded: naive.excluded, stats: { successes: naive.successes, undetermined: naive.undetermined } });
    expect(result.stats.responseTime.max).toBe(naive.responseTimes.length === 0 ? null : Math.max(...naive.responseTimes));
    const met = Object.values(result.stats.byGroup).reduce((s, g) => s + g.met, 0);
    expect(met).toBe(result.stats.successes);
    const compliance = naiveCompliance(logs, period, RULES);
    expect(complianceAdherence(logs, { ...options, rules: RULES })).toMatchObject({ value: compliance.value, n: compliance.n, excluded: compliance.excluded, stats: { successes: compliance.successes } });
  });

  test.prop([caseArb, fc.integer()], { numRuns: numRuns(15) })("order independence: shuffling the tickets changes no result", (c, shuffleSeed) => {
    const { logs, options } = setUp(c);
    const shuffled = fc.sample(fc.shuffledSubarray(logs, { minLength: logs.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
    const members = { tier2: [...GENERATED_GROUP_MEMBERS.tier2] };
    for (const run of [
      (t: typeof logs) => firstLevelResolution(t, options),
      (t: typeof logs) => requesterWaitTime(t, options),
      (t: typeof logs) => netIntake(t, options),
      (t: typeof logs) => collaborationResponsiveness(t, { ...options, members, includeReassignments: true }),
      (t: typeof logs) => complianceAdherence(t, { ...options, rules: RULES }),
    ]) {
      expect(run(shuffled)).toStrictEqual(run(logs));
    }
  });

  test.prop([fc.array(fc.record({ day: fc.integer({ min: -5, max: 40 }), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 300 })], { numRuns: numRuns(50) })(
    "NPS and CES over generated responses",
    (answers) => {
      const options = { period: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) } };
      const responses = answers.map((a) => ({ at: Date.UTC(2026, 2, 1) + a.day * 86_400_000, score: a.score }));
      let promoters = 0;
      let detractors = 0;
      let n = 0;
      for (const r of responses) {
        if (r.at < options.period.from || r.at >= options.period.to) continue;
        n++;
        if (r.score >= 9) promoters++;
        if (r.score <= 6) detractors++;
      }
      const result = nps(responses, options);
      expect(result.n).toBe(n);
      expect(result.value).toBe(n === 0 ? null : (100 * (promoters - detractors)) / n);
      if (n > 0) expect(result.stats.ci!.low).toBeLessThanOrEqual(result.stats.ci!.high);
      // CES on 1–7: scores 0 and 8–10 become 1 and 7.
      const effort = responses.map((r) => ({ at: r.at, score: Math.min(7, Math.max(1, r.score)) }));
      let agree = 0;
      for (const r of effort) if (r.at >= options.period.from && r.at < options.period.to && r.score >= 5) agree++;
      expect(ces(effort, options)).toMatchObject({ n, value: n === 0 ? null : agree / n, stats: { successes: agree } });
    },
  );
});
