// The bucket lookup of the report's hot path (a guess from the average width, then steps) against a
// plain scan of the buckets, in zones with DST (one with a half-hour shift), for weeks from any day
// and months, over periods of a day to five years, at every bucket edge and at random instants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { BucketLookup, bucketsOf, type Bucket } from "../../src/internal/buckets.js";

const DAY = 86_400_000;
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Auckland", "Asia/Kolkata"];

const scan = (buckets: ReadonlyArray<Bucket>, t: number): number => buckets.findIndex((b) => t >= b.start && t < b.end);

describe("BucketLookup", () => {
  it("finds the bucket a plain scan finds, at every edge and anywhere", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 5 * 366 * DAY }),
        fc.constantFrom(...ZONES),
        fc.constantFrom<{ unit: "week" | "month"; weekStart: number } | null>(null, { unit: "month", weekStart: 1 }, ...[1, 2, 3, 4, 5, 6, 7].map((weekStart) => ({ unit: "week" as const, weekStart }))),
        fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { maxLength: 40 }),
        (from, length, zone, spec, fractions) => {
          const to = from + length;
          const buckets = bucketsOf(from, to, zone, spec);
          const lookup = new BucketLookup(buckets);
          const instants = [from - 1, to, to - 1, ...fractions.map((f) => Math.floor(from + f * length))];
          for (const b of buckets) instants.push(b.start - 1, b.start, b.start + 1, b.end - 1, b.end);
          for (const t of instants) {
            const expected = scan(buckets, t);
            expect(lookup.indexOf(t), `${zone} ${JSON.stringify(spec)} t=${t}`).toBe(expected);
          }
        },
      ),
      { numRuns: numRuns(60) },
    );
  });
});
