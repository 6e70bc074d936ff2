// The generator's kpiExtras (test-utils) write what the KPI tests read, in logs core accepts.
import { describe, expect, it } from "vitest";
import { parseTicketLog } from "@supportops/core";
import { generateTicketLogs } from "@supportops/test-utils";

describe("generateTicketLogs({ kpiExtras: true })", () => {
  const logs = generateTicketLogs({ count: 2_000, seed: 3, kpiExtras: true });
  const plain = generateTicketLogs({ count: 2_000, seed: 3 });

  it("writes valid logs, in both time formats, without changing the logs of the other options", () => {
    for (const log of logs) parseTicketLog(log.events);
    for (const log of generateTicketLogs({ count: 300, seed: 3, kpiExtras: true, timeFormat: "iso", timeZone: "America/New_York" })) parseTicketLog(log.events);
    expect(generateTicketLogs({ count: 2_000, seed: 3, kpiExtras: false })).toStrictEqual(plain);
    expect(logs.map((l) => l.id)).toStrictEqual(plain.map((l) => l.id));
  });

  it("has categories, reclassifications, re-ratings, merges into tickets of the run, and tickets nobody answered", () => {
    const ids = new Set(logs.map((l) => l.id));
    const categorised = logs.filter((l) => (l.events[0] as { category?: string }).category !== undefined).length;
    expect(categorised / logs.length).toBeGreaterThan(0.6);
    expect(logs.some((l) => l.events.some((e) => e.type === "category_changed"))).toBe(true);
    expect(logs.some((l) => l.events.filter((e) => e.type === "satisfaction_rated").length > 1)).toBe(true);
    const merges = logs.flatMap((l) => l.events.filter((e): e is Extract<typeof e, { type: "merged" }> => e.type === "merged"));
    expect(merges.filter((m) => ids.has(m.into)).length).toBeGreaterThan(merges.length / 2);
    const unanswered = logs.filter((l) => (l.events[0] as { by: string }).by !== "agent" && !l.events.some((e) => e.type === "message" && e.role === "agent" && e.public));
    expect(unanswered.length).toBeGreaterThan(50);
  });
});
