// The shared ticket-log generator (test-utils) writes logs core accepts, deterministically, with the
// mix of creators, channels and event kinds the SLA and KPI tests rely on.
import { DateTime } from "luxon";
import { describe, expect, expectTypeOf, it } from "vitest";
import { GENERATED_CHANNELS, GENERATED_PRIORITIES, generateTicketLogs, iterateTicketLogs, type GeneratedTicketEvent } from "@supportops/test-utils";
import { parseTicketLog, safeParseTicketLog, summarizeTicket, type TicketEventInput, type TicketLog } from "@supportops/core";

function parseAll(logs: ReadonlyArray<{ readonly events: ReadonlyArray<unknown> }>): TicketLog[] {
  return logs.map((log, i) => {
    const result = safeParseTicketLog(log.events);
    if (!result.success) throw new Error(`log ${i} was rejected: ${JSON.stringify(result.error.issues)}`);
    return result.data;
  });
}

describe("generateTicketLogs", () => {
  const logs = generateTicketLogs({ count: 3_000, seed: 42 });
  const parsed = parseAll(logs);

  it("writes core's stored form", () => {
    expectTypeOf<GeneratedTicketEvent>().toExtend<TicketEventInput>();
  });

  it("writes logs that all pass parseTicketLog, in epoch ms and in ISO form, in several zones", () => {
    expect(parsed).toHaveLength(3_000);
    for (const timeZone of ["America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]) {
      parseAll(generateTicketLogs({ count: 500, seed: 7, timeZone }));
      parseAll(generateTicketLogs({ count: 500, seed: 7, timeZone, timeFormat: "iso", start: "2026-03-01" }));
    }
  });

  it("is deterministic: the same seed gives the same logs, another seed others", () => {
    expect(generateTicketLogs({ count: 50, seed: 42 })).toStrictEqual(logs.slice(0, 50));
    expect(generateTicketLogs({ count: 50, seed: 43 })).not.toStrictEqual(logs.slice(0, 50));
  });

  it("yields the same logs lazily, and log i does not depend on count", () => {
    const lazy = iterateTicketLogs({ count: 1_000_000, seed: 42 });
    for (let i = 0; i < 100; i++) expect(lazy.next().value).toStrictEqual(logs[i]);
    lazy.return();
  });

  it("writes ISO strings with the zone's offset that name the same instants as the epoch-ms form", () => {
    const iso = generateTicketLogs({ count: 300, seed: 42, timeFormat: "iso" });
    for (const log of iso) for (const event of log.events) expect(event.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/);
    expect(parseAll(iso)).toStrictEqual(parsed.slice(0, 300));
    // Berlin is +01:00 in January and +02:00 from the last Sunday of March.
    const summer = generateTicketLogs({ count: 20, seed: 1, timeFormat: "iso", start: "2026-06-01" });
    expect(summer.every((log) => String(log.events[0]?.at).endsWith("+02:00"))).toBe(true);
  });

  it("has about ten events per log and every kind of event the brief asks for", () => {
    const events = logs.flatMap((log) => log.events);
    expect(events.length / logs.length).toBeGreaterThan(8);
    expect(events.length / logs.length).toBeLessThan(12);
    const count = (predicate: (event: GeneratedTicketEvent) => boolean): number => events.filter(predicate).length;
    expect(count((e) => e.type === "message" && e.role === "customer")).toBeGreaterThan(0);
    expect(count((e) => e.type === "message" && e.role === "agent" && e.public)).toBeGreaterThan(0);
    expect(count((e) => e.type === "message" && e.role === "agent" && !e.public)).toBeGreaterThan(0);
    expect(count((e) => e.type === "message" && e.role === "bot")).toBeGreaterThan(0);
    for (const to of ["pending", "open", "solved", "closed", "on_hold"] as const) {
      expect(count((e) => e.type === "status_changed" && e.to === to), to).toBeGreaterThan(0);
    }
    for (const type of ["assigned", "priority_changed", "satisfaction_rated", "merged"] as const) {
      expect(count((e) => e.type === type), type).toBeGreaterThan(0);
    }
    const summaries = parsed.map((log) => summarizeTicket(log, { at: (log[log.length - 1] as { at: number }).at }));
    expect(summaries.filter((s) => s.reopenCount > 0).length).toBeGreaterThan(0);
    expect(summaries.filter((s) => s.msInStatus.pending > 0).length).toBeGreaterThan(0);
  });

  it("mixes creators, channels and priorities: mostly customers, some agents (with a later customer message or none), some systems", () => {
    const created = logs.map((log) => log.events[0] as Extract<GeneratedTicketEvent, { type: "created" }>);
    const share = (by: string): number => created.filter((c) => c.by === by).length / created.length;
    expect(share("customer")).toBeGreaterThan(0.7);
    expect(share("agent")).toBeGreaterThan(0.05);
    expect(share("system")).toBeGreaterThan(0.03);
    expect(new Set(created.map((c) => c.channel))).toStrictEqual(new Set(GENERATED_CHANNELS));
    expect(new Set(created.map((c) => c.priority))).toStrictEqual(new Set(GENERATED_PRIORITIES));
    const agentLogs = logs.filter((log) => (log.events[0] as { by: string }).by === "agent");
    const customerWrote = (log: (typeof logs)[number]): boolean => log.events.some((e) => e.type === "message" && e.role === "customer");
    expect(agentLogs.some(customerWrote)).toBe(true);
    expect(agentLogs.some((log) => !customerWrote(log))).toBe(true);
  });

  it("puts a merge, when there is one, last", () => {
    for (const log of logs) {
      const mergeAt = log.events.findIndex((e) => e.type === "merged");
      if (mergeAt !== -1) expect(mergeAt).toBe(log.events.length - 1);
    }
  });

  it("weights arrivals to local working hours on weekdays", () => {
    const local = logs.map((log) => DateTime.fromMillis(log.events[0]?.at as number, { zone: "Europe/Berlin" }));
    const working = local.filter((t) => t.weekday <= 5 && t.hour >= 8 && t.hour < 18).length;
    expect(working / local.length).toBeGreaterThan(0.6);
    const starts = logs.map((log) => log.events[0]?.at as number);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(DateTime.fromISO("2026-01-05", { zone: "Europe/Berlin" }).toMillis());
    expect(Math.max(...starts)).toBeLessThan(DateTime.fromISO("2026-02-02", { zone: "Europe/Berlin" }).toMillis());
  });

  it("rejects options it cannot honour", () => {
    expect(() => generateTicketLogs({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateTicketLogs({ count: 1, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateTicketLogs({ count: 1, seed: 1, timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => generateTicketLogs({ count: 1, seed: 1, start: "someday" })).toThrow(RangeError);
  });

  it("parses a generated log the same however often it is parsed", () => {
    const first = logs[0]?.events as ReadonlyArray<unknown>;
    expect(parseTicketLog(first)).toStrictEqual(parseTicketLog(first));
  });
});
