// The generator's repeatRequesters (test-utils): returning requesters in logs core accepts, and no
// change at all to the logs of the other options.
import { describe, expect, it } from "vitest";
import { parseTicketLog } from "@supportops/core";
import { generateTicketLogs } from "@supportops/test-utils";

describe("generateTicketLogs({ repeatRequesters: true })", () => {
  const logs = generateTicketLogs({ count: 2_000, seed: 9, repeatRequesters: true });
  const plain = generateTicketLogs({ count: 2_000, seed: 9 });

  it("writes valid logs in both time formats and leaves the default output exactly as it was", () => {
    for (const log of logs) parseTicketLog(log.events);
    for (const log of generateTicketLogs({ count: 400, seed: 9, repeatRequesters: true, kpiExtras: true, timeFormat: "iso", timeZone: "America/New_York", start: "2026-03-01" })) parseTicketLog(log.events);
    expect(JSON.stringify(generateTicketLogs({ count: 2_000, seed: 9, repeatRequesters: false }))).toBe(JSON.stringify(plain));
    expect(logs.map((l) => l.id)).toStrictEqual(plain.map((l) => l.id));
    // The first n logs do not depend on count.
    expect(generateTicketLogs({ count: 300, seed: 9, repeatRequesters: true })).toStrictEqual(logs.slice(0, 300));
  });

  it("has one-off customers, regulars, follow-ups within days, and double submits at the same instant", () => {
    const byRequester = new Map<string, number[]>();
    let sameInstant = 0;
    for (const log of logs) {
      const created = log.events[0] as { at: number; by: string; requester?: string };
      if (created.by === "system") {
        expect(created.requester).toBeUndefined();
        continue;
      }
      const list = byRequester.get(created.requester as string) ?? [];
      if (list.includes(created.at)) sameInstant += 1;
      list.push(created.at);
      byRequester.set(created.requester as string, list);
    }
    const sizes = [...byRequester.values()].map((l) => l.length);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(byRequester.size / 2);
    expect(Math.max(...sizes)).toBeGreaterThan(10);
    expect(sameInstant).toBeGreaterThan(5);
  });
});
