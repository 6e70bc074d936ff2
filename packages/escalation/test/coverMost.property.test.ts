// The overlap resolution of `redact` against every subset of a few random candidates: the cover it
// keeps is disjoint and worth as much as the best subset (characters, then checksum-confirmed
// characters, then characters weighted toward early types).
import { fc, test } from "@fast-check/vitest";
import { numRuns } from "@supportops/test-utils";
import { describe, expect } from "vitest";
import type { Candidate } from "../src/internal/redaction/detectors.js";
import { coverMost } from "../src/internal/redaction/redactText.js";

const DETECTORS = 6;

const candidateArb: fc.Arbitrary<Candidate> = fc
  .record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 12 }), rank: fc.nat(DETECTORS - 1) })
  .map(({ start, length, rank }) => ({ start, end: start + length, entity: "phone" as const, rank, tier: 0, verified: rank < 2 }));

/** [characters, confirmed characters, characters weighted by type] of a set, as plain loops. */
function worth(set: ReadonlyArray<Candidate>): [number, number, number] {
  let verified = 0;
  let covered = 0;
  let early = 0;
  for (const c of set) {
    const length = c.end - c.start;
    if (c.verified) verified += length;
    covered += length;
    early += (DETECTORS - c.rank) * length;
  }
  return [covered, verified, early];
}

const disjoint = (set: ReadonlyArray<Candidate>): boolean =>
  set.every((a, i) => set.every((b, j) => i === j || a.end <= b.start || b.end <= a.start));

const better = (a: [number, number, number], b: [number, number, number]): boolean =>
  a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];

describe("coverMost", () => {
  test.prop([fc.array(candidateArb, { maxLength: 10 })], { numRuns: numRuns(300) })(
    "keeps a disjoint set worth as much as the best of all subsets",
    (candidates) => {
      let best: [number, number, number] = [0, 0, 0];
      for (let mask = 0; mask < 1 << candidates.length; mask++) {
        const set = candidates.filter((_, i) => (mask >> i) & 1);
        if (disjoint(set) && better(worth(set), best)) best = worth(set);
      }
      const chosen = coverMost(candidates, DETECTORS);
      expect(disjoint(chosen)).toBe(true);
      for (const c of chosen) expect(candidates).toContain(c);
      expect(worth(chosen)).toStrictEqual(best);
    },
  );
});
