// Properties of topDrivers and repeatContactRate on generated logs: the naive references (oracle) on
// random seeds, zones, windows and periods, and order independence.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { generateTicketLogs, numRuns, zoneArb } from "@supportops/test-utils";
import { repeatContactRate, topDrivers } from "../src/index.js";
import { naiveDrivers, naiveRepeatContacts } from "./support/naiveFindings.js";

const DAY = 86_400_000;
const caseArb = fc.record({
  seed: fc.integer(),
  zone: zoneArb,
  // Starts around the northern and southern DST changes of 2026 as well as ordinary weeks.
  start: fc.constantFrom("2026-03-20", "2026-03-25", "2026-04-01", "2026-10-20", "2026-06-10"),
  fromDay: fc.integer({ min: 0, max: 10 }),
  lengthDays: fc.integer({ min: 1, max: 14 }),
  windowDays: fc.integer({ min: 0, max: 10 }),
  sameCategory: fc.boolean(),
});

describe("findings on generated logs", () => {
  test.prop([caseArb], { numRuns: numRuns(12) })("repeatContactRate equals the naive pairwise reference", (c) => {
    const logs = generateTicketLogs({ count: 300, seed: c.seed, kpiExtras: true, repeatRequesters: true, timeZone: c.zone, start: c.start, days: 14 });
    const from = Date.parse(`${c.start}T00:00:00Z`) + c.fromDay * DAY;
    const to = from + c.lengthDays * DAY;
    const asOf = to + 30 * DAY;
    const result = repeatContactRate(logs, { period: { from, to }, asOf, timeZone: c.zone, window: `P${c.windowDays}D`, sameCategory: c.sameCategory });
    const naive = naiveRepeatContacts(logs, { from, to, asOf, zone: c.zone, windowDays: c.windowDays, sameCategory: c.sameCategory });
    expect([result.n, result.stats.successes, result.excluded.noRequester, result.excluded.merged]).toStrictEqual([naive.n, naive.successes, naive.noRequester, naive.merged]);
  });

  test.prop([caseArb, fc.constantFrom("created", "reopened", "negative_csat" as const), fc.constantFrom("category", "priority", "channel" as const), fc.integer()], { numRuns: numRuns(12) })(
    "topDrivers equals the naive reference, whatever the order of the tickets",
    (c, measure, by, shuffleSeed) => {
      const logs = generateTicketLogs({ count: 300, seed: c.seed, kpiExtras: true, timeZone: c.zone, start: c.start, days: 14 });
      const from = Date.parse(`${c.start}T00:00:00Z`) + c.fromDay * DAY;
      const to = from + c.lengthDays * DAY;
      const asOf = to + 30 * DAY;
      const options = { period: { from, to }, asOf, timeZone: c.zone, by, measure };
      const result = topDrivers(logs, options);
      expect(result.rows.map((r) => ({ key: r.key, value: r.value }))).toStrictEqual(naiveDrivers(logs, { from, to, asOf, by, measure }).rows);
      const shuffled = fc.sample(fc.shuffledSubarray(logs, { minLength: logs.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
      expect(topDrivers(shuffled, options)).toStrictEqual(result);
    },
  );
});
