// The SLA engine and core's summarizeTicket read the same log the same way: the first_response cycle
// starts at the summary's responseStartAt and (unless the ticket was resolved first) stops at its firstReplyAt.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { parseTicketLog, summarizeTicket } from "@supportops/core";
import { generateTicketLogs, numRuns } from "@supportops/test-utils";
import { createSlaEngine } from "@supportops/sla";

const engine = createSlaEngine({
  policies: [{ id: "p", targets: { first_response: { urgent: "P30D", high: "P30D", normal: "P30D", low: "P30D" } } }],
});

describe("createSlaEngine agrees with summarizeTicket", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: numRuns(10) })("response start and first reply", (seed) => {
    for (const { events } of generateTicketLogs({ count: 50, seed })) {
      const log = parseTicketLog(events);
      const at = (log.at(-1)?.at ?? 0) + 1;
      const summary = summarizeTicket(log, { at });
      const state = engine.evaluate(log, { at }).metrics.find((m) => m.metric === "first_response");
      if (summary.responseStartAt === null) {
        expect(state).toBeUndefined();
        continue;
      }
      expect(state?.startedAt).toBe(summary.responseStartAt);
      if (summary.mergedAt !== null && (summary.firstReplyAt === null || summary.firstReplyAt > summary.mergedAt)) continue;
      const resolvedFirst = summary.firstResolvedAt !== null && summary.firstResolvedAt >= summary.responseStartAt && (summary.firstReplyAt === null || summary.firstResolvedAt < summary.firstReplyAt);
      if (!resolvedFirst) expect(state?.stoppedAt ?? null).toBe(summary.firstReplyAt);
    }
  });
});
