// incidentTimeline (docs/kpis.md, "Findings"): the post-incident timeline of one ticket.
import { describe, expect, it } from "vitest";
import { createCalendar, createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { MetricsError, incidentTimeline } from "../src/index.js";

const HOUR = 3_600_000;
const weekdays = [["09:00", "17:00"]] as Array<[string, string]>;
const definition = { timeZone: "Europe/Berlin", weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays } };
const calendar = createCalendar(definition);
const slaEngine = createSlaEngine({
  calendars: { support: definition },
  policies: [{ id: "all", calendar: "support", targets: { first_response: { normal: "PT2H" } } }],
});

// Created Friday 2026-03-27 16:00 CET; Europe/Berlin springs forward on Sunday the 29th.
const log = {
  id: "T-42",
  events: [
    { id: "c", at: "2026-03-27T16:00:00+01:00", type: "created", by: "customer", channel: "email", priority: "normal" },
    { id: "a", at: "2026-03-27T16:05:00+01:00", type: "assigned", group: "tier1" },
    { id: "e", at: "2026-03-30T09:45:00+02:00", type: "escalated", to: "payments-oncall", tier: 2, reason: "card payments failing" },
    { id: "r", at: "2026-03-30T11:30:00+02:00", type: "message", role: "agent", public: true, body: "secret body" },
    { id: "p", at: "2026-03-30T11:30:00+02:00", type: "status_changed", from: "new", to: "pending" },
    { id: "s", at: "2026-03-31T10:00:00+02:00", type: "status_changed", from: "pending", to: "solved" },
  ],
};

describe("incidentTimeline", () => {
  const timeline = incidentTimeline(log, { timeZone: "Europe/Berlin", slaEngine, calendar });

  it("places every event and the SLA warning and breach, with wall time across DST and elapsed calendar and business time", () => {
    expect(timeline.entries.map((e) => [e.wallTime, e.type, e.elapsedMs / HOUR, (e.elapsedBusinessMs as number) / HOUR, e.summary])).toStrictEqual([
      ["2026-03-27 16:00:00 +01:00", "created", 0, 0, "Created by customer via email, priority normal"],
      ["2026-03-27 16:05:00 +01:00", "assigned", 1 / 12, 1 / 12, "Assigned to group tier1"],
      // 75 % of 2 business hours: Friday 16–17 and Monday 09:00–09:30 (Monday is CEST: 64.5 calendar hours, not 65.5).
      ["2026-03-30 09:30:00 +02:00", "sla_warning", 64.5, 1.5, "SLA first_response (cycle 0) warning: 75 % of the target used"],
      ["2026-03-30 09:45:00 +02:00", "escalated", 64.75, 1.75, "Escalated to payments-oncall (tier 2): card payments failing"],
      ["2026-03-30 10:00:00 +02:00", "sla_breach", 65, 2, "SLA first_response (cycle 0) breached"],
      ["2026-03-30 11:30:00 +02:00", "message", 66.5, 3.5, "Public message from agent"],
      ["2026-03-30 11:30:00 +02:00", "status_changed", 66.5, 3.5, "Status new → pending"],
      ["2026-03-31 10:00:00 +02:00", "status_changed", 89, 10, "Status pending → solved"],
    ]);
    expect(timeline.escalations.map((e) => e.at)).toStrictEqual([Date.parse("2026-03-30T07:45:00Z")]);
    expect(timeline.sla).toStrictEqual([
      {
        metric: "first_response",
        cycle: 0,
        status: "breached",
        startedAt: Date.parse("2026-03-27T15:00:00Z"),
        dueAt: Date.parse("2026-03-30T08:00:00Z"),
        breachedAt: Date.parse("2026-03-30T08:00:00Z"),
        stoppedAt: Date.parse("2026-03-30T09:30:00Z"),
        warnings: [{ fraction: 0.75, at: Date.parse("2026-03-30T07:30:00Z") }],
      },
    ]);
  });

  it("spans each status in calendar and business time, the last one ongoing at `at`", () => {
    expect(timeline.statusSpans.map((s) => [s.status, s.durationMs / HOUR, (s.businessMs as number) / HOUR, s.ongoing])).toStrictEqual([
      ["new", 66.5, 3.5, false],
      ["pending", 22.5, 6.5, false],
      ["solved", 0, 0, true],
    ]);
    const later = incidentTimeline(log, { timeZone: "Europe/Berlin", at: "2026-03-30T12:00:00+02:00" });
    expect(later.entries.map((e) => e.type)).toStrictEqual(["created", "assigned", "escalated", "message", "status_changed"]);
    expect(later.statusSpans.at(-1)).toStrictEqual({ status: "pending", from: Date.parse("2026-03-30T09:30:00Z"), to: Date.parse("2026-03-30T10:00:00Z"), durationMs: HOUR / 2, businessMs: null, ongoing: true });
    expect(later.entries.every((e) => e.elapsedBusinessMs === null)).toBe(true);
  });

  it("drops a status that held for no time", () => {
    const quick = incidentTimeline(
      [
        { id: "c", at: 0, type: "created", by: "customer" },
        { id: "o", at: HOUR, type: "status_changed", to: "open" },
        { id: "p", at: HOUR, type: "status_changed", to: "pending" },
        { id: "n", at: HOUR, type: "status_changed", to: "new" },
      ],
      { timeZone: "UTC" },
    );
    expect(quick.statusSpans.map((s) => [s.status, s.from, s.to])).toStrictEqual([["new", 0, HOUR]]);
    expect(quick.ticketId).toBeNull();
  });

  it("renders Markdown and text, never a message body", () => {
    expect(timeline.markdown).toContain("# Incident timeline `T-42`");
    expect(timeline.markdown).toContain("- **2026-03-30 10:00:00 +02:00** (+2d 17:00:00, business +02:00:00) SLA `first_response` (cycle 0) breached");
    expect(timeline.markdown).toContain("- `pending`: 2026-03-30 11:30:00 +02:00 → 2026-03-31 10:00:00 +02:00 (22:30:00, business 06:30:00)");
    expect(timeline.text).toContain("  2026-03-30 09:45:00 +02:00  +2d 16:45:00, business +01:45:00  Escalated to payments-oncall (tier 2): card payments failing");
    expect(timeline.markdown + timeline.text).not.toContain("secret body");
  });

  it("escapes untrusted values as escalation's renderers do: markup, links, mentions, control and bidi characters, backticks", () => {
    const hostile = incidentTimeline(
      {
        id: "T`1",
        events: [
          { id: "c", at: 0, type: "created", by: "customer", category: "a``b" },
          { id: "e", at: 1000, type: "escalated", to: "x|y", reason: "<script>*hi*</script> [c](javascript:x) https://evil.example www.evil.example ops@example.org #12 \u001b[31mred\u202Eevil\nnext" },
        ],
      },
      { timeZone: "UTC" },
    );
    const md = hostile.markdown;
    expect(md).toContain("# Incident timeline ``T`1``");
    expect(md).toContain("category ```a``b```");
    expect(md).toContain(
      "Escalated to `x|y`: \\<script\\>\\*hi\\*\\</script\\> \\[c\\](javascript:x) https\\://evil.example www\\.evil.example ops\\@example.org \\#12 ␛\\[31mred\uFFFDevil next",
    );
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(hostile.text).toContain("Escalated to x|y: <script>*hi*</script> [c](javascript:x) https://evil.example www.evil.example ops@example.org #12 ␛[31mred\uFFFDevil next");
    expect(hostile.text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it("rejects what it cannot use, with a path", () => {
    expect(thrownBy(MetricsError, () => incidentTimeline(log, { timeZone: "Mars/Base" })).code).toBe("invalid_time_zone");
    expect(thrownBy(MetricsError, () => incidentTimeline({ id: "x", events: [] }, { timeZone: "UTC" })).code).toBe("invalid_ticket_log");
    expect(thrownBy(MetricsError, () => incidentTimeline(log, { timeZone: "UTC", at: "2026-01-01" })).issues[0].path).toStrictEqual(["at"]);
    expect(thrownBy(MetricsError, () => incidentTimeline(log, { timeZone: "UTC", slaEngine: {} as never })).issues[0].path).toStrictEqual(["slaEngine"]);
  });
});
