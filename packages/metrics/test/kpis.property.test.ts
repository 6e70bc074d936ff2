// Every KPI against the naive reference (test/support/naiveKpis.ts) on generated ticket logs, and the
// order-independence law. Definitions: docs/kpis.md.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import {
  backlog,
  csat,
  firstContactResolution,
  firstResponseTime,
  reopenRate,
  resolutionSurvival,
  resolutionTime,
  ticketsResolved,
  type KpiOptions,
} from "@supportops/metrics";
import {
  naiveBacklog,
  naiveCsat,
  naiveFirstResponse,
  naiveReopenRate,
  naiveResolved,
  naiveSurvival,
  type NaiveOptions,
} from "./support/naiveKpis.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);

/** A generated sample and a period over it: somewhere in (or around) the four generated weeks. */
const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  count: fc.integer({ min: 0, max: 250 }),
  fromHours: fc.integer({ min: -48, max: 24 * 30 }),
  lengthHours: fc.integer({ min: 1, max: 24 * 30 }),
  asOfExtraHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 24 * 40 })),
  windowHours: fc.oneof(fc.constant(168), fc.integer({ min: 0, max: 24 * 14 })),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function setUp(c: Case): { logs: ReturnType<typeof generateTicketLogs>; options: KpiOptions; naive: NaiveOptions } {
  const logs = generateTicketLogs({ count: c.count, seed: c.seed, kpiExtras: true, timeZone: "UTC" });
  const from = START + c.fromHours * HOUR;
  const to = from + c.lengthHours * HOUR;
  const asOf = to + c.asOfExtraHours * HOUR;
  const windowMs = c.windowHours * HOUR;
  return { logs, options: { period: { from, to }, asOf, reopenWindow: windowMs }, naive: { from, to, asOf, windowMs } };
}

describe("each KPI equals the naive reference on generated logs", () => {
  test.prop([caseArb], { numRuns: numRuns(40) })("tickets_resolved, resolution_time, first_contact_resolution", (c) => {
    const { logs, options, naive } = setUp(c);
    const resolved = naiveResolved(logs, naive, "tickets_resolved");
    expect(ticketsResolved(logs, options)).toMatchObject({ value: resolved.value, n: resolved.n, excluded: resolved.excluded });
    const time = naiveResolved(logs, naive, "resolution_time");
    const result = resolutionTime(logs, options);
    expect(result).toMatchObject({ value: time.value, n: time.n, excluded: time.excluded });
    expect(result.stats.min).toBe(time.values!.length === 0 ? null : Math.min(...time.values!));
    const fcr = naiveResolved(logs, naive, "first_contact_resolution");
    const got = firstContactResolution(logs, options);
    expect(got).toMatchObject({ value: fcr.value, n: fcr.n, excluded: fcr.excluded });
    expect(got.stats.successes).toBe(fcr.successes);
    expect(got.provisional).toBe(naive.asOf < naive.to + naive.windowMs);
  });

  test.prop([caseArb], { numRuns: numRuns(40) })("first_response_time, reopen_rate, csat, resolution_survival, backlog", (c) => {
    const { logs, options, naive } = setUp(c);
    const frt = naiveFirstResponse(logs, naive);
    const gotFrt = firstResponseTime(logs, options);
    expect(gotFrt).toMatchObject({ value: frt.value, n: frt.n, excluded: frt.excluded });
    expect(gotFrt.stats.awaitingFirstReply).toBe(frt.extra!["awaiting"]);
    const reopen = naiveReopenRate(logs, naive);
    const gotReopen = reopenRate(logs, options);
    expect(gotReopen).toMatchObject({ value: reopen.value, n: reopen.n, excluded: reopen.excluded });
    expect(gotReopen.stats.reopenEvents).toBe(reopen.extra!["reopenEvents"]);
    const sat = naiveCsat(logs, naive);
    const gotSat = csat(logs, options);
    expect(gotSat).toMatchObject({ value: sat.value, n: sat.n, excluded: sat.excluded });
    // The mean comes from the distribution (score/scale counts): the same double as the scores summed one by one.
    let sum = 0;
    for (const score of sat.values!) sum += score;
    expect(gotSat.stats.mean).toBe(sat.values!.length === 0 ? null : sum / sat.values!.length);
    const survival = naiveSurvival(logs, naive);
    const gotSurvival = resolutionSurvival(logs, options);
    expect(gotSurvival).toMatchObject({ value: survival.value, n: survival.n, excluded: survival.excluded });
    expect(gotSurvival.stats.events).toBe(survival.extra!["events"]);
    const snapshot = naiveBacklog(logs, naive.from, naive.asOf);
    expect(backlog(logs, { at: naive.from, asOf: naive.asOf })).toMatchObject({ value: snapshot.value, excluded: snapshot.excluded });
  });
});

describe("laws", () => {
  test.prop([caseArb, fc.integer()], { numRuns: numRuns(25) })("order independence: shuffling the tickets changes no result", (c, shuffleSeed) => {
    const { logs, options } = setUp(c);
    const shuffled = fc.sample(fc.shuffledSubarray(logs, { minLength: logs.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
    for (const kpi of [ticketsResolved, firstResponseTime, resolutionTime, firstContactResolution, reopenRate, csat, resolutionSurvival]) {
      expect(kpi(shuffled, options)).toStrictEqual(kpi(logs, options));
    }
  });
});
