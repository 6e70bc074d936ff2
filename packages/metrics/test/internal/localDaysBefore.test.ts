// localDaysBefore against luxon's DateTime.minus({ days }) (its definition), DST weeks over-sampled.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { DateTime } from "luxon";
import { numRuns, zoneArb } from "@supportops/test-utils";
import { localDaysBefore } from "../../src/internal/findings/localDaysBefore.js";

const transitions = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 5, 2), Date.UTC(2026, 8, 27, 2), Date.UTC(1972, 0, 7)];
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -12 * 86_400_000, max: 12 * 86_400_000 })).map(([t, d]) => t + d),
  fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: 0, max: 14 }), fc.integer({ min: -3_600_000, max: 3_600_000 })).map(([t, days, d]) => t + days * 86_400_000 + d),
);

describe("localDaysBefore", () => {
  test.prop([fc.oneof(zoneArb, fc.constant("Africa/Monrovia")), fc.array(instantArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 30 })], { numRuns: numRuns(200) })(
    "equals luxon's minus({ days }) for every zone, instant and day count, the cache warm or cold",
    (zone, instants, days) => {
      const before = localDaysBefore(zone);
      for (const at of [...instants, ...instants]) expect(before(at, days)).toBe(DateTime.fromMillis(at, { zone }).minus({ days }).toMillis());
    },
  );
});
