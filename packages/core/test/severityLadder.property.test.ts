import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { safeCreateSeverityLadder } from "@supportops/core";

const ladderArb = fc
  .record({ severities: fc.integer({ min: 1, max: 6 }), priorities: fc.integer({ min: 1, max: 6 }) })
  .chain(({ severities, priorities }) =>
    fc.record({
      ids: fc.constant(Array.from({ length: severities }, (_, index) => `SEV${index + 1}`)),
      priorities: fc.constant(Array.from({ length: priorities }, (_, index) => `P${index + 1}`)),
      mapping: fc.array(fc.nat({ max: priorities - 1 }), { minLength: severities, maxLength: severities }),
    }),
  );

describe("severity ladder mapping", () => {
  test.prop([ladderArb], { numRuns: numRuns(300) })("a mapping is accepted exactly when it never maps a less severe level to a more urgent priority", ({ ids, priorities, mapping }) => {
    const result = safeCreateSeverityLadder({
      name: "generated",
      levels: ids.map((id) => ({ id, description: `level ${id}` })),
      priorities,
      toPriority: Object.fromEntries(ids.map((id, index) => [id, priorities[mapping[index]!]!])),
    });
    const monotone = mapping.every((rank, index) => index === 0 || rank >= mapping[index - 1]!);
    expect(result.success).toBe(monotone);
    if (result.success) {
      expect(ids.map((id) => result.data.priorityFor(id))).toStrictEqual(mapping.map((rank) => priorities[rank]));
    } else {
      // One issue per level that is more urgent than the level just above it, at that level.
      const expected = ids.filter((_, index) => index > 0 && mapping[index]! < mapping[index - 1]!).map((id) => ["non_monotone", ["toPriority", id]]);
      expect(result.error.issues.map((issue) => [issue.code, issue.path])).toStrictEqual(expected);
    }
  });
});
