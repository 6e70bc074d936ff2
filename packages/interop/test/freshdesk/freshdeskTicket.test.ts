// Freshdesk policies and a ticket rebuilt from the documented fields, with the traps: seconds,
// per-priority business hours, the DD-MM-YYYY activity dates, overlapping export files, "Closed" that
// is not terminal.
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromFreshdeskBusinessHours, slaPoliciesFromFreshdesk, ticketLogFromFreshdeskConversations } from "@supportops/interop/freshdesk";

const hours = calendarFromFreshdeskBusinessHours({
  id: 3, name: "EU", time_zone: "Dublin",
  working_hours: Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [d, { start_time: "9:00 am", end_time: "5:00 pm" }])),
});
const defaultPolicy = {
  id: 1, name: "Default SLA Policy", description: "default policy", active: true, is_default: true, position: 1,
  sla_target: {
    priority_4: { respond_within: 3600, resolve_within: 14400, business_hours: false, escalation_enabled: true },
    priority_3: { respond_within: 7200, resolve_within: 28800, business_hours: true, escalation_enabled: true },
    priority_2: { respond_within: 28800, resolve_within: 86400, business_hours: true, escalation_enabled: true },
    priority_1: { respond_within: 86400, resolve_within: 259200, business_hours: false, escalation_enabled: true },
  },
  applicable_to: { company_ids: [], group_ids: [], sources: [], ticket_types: [], product_ids: [] },
  escalation: { response: { escalation_time: 0, agent_ids: [-1] }, resolution: { level_1: { escalation_time: 0, agent_ids: [-1] } } },
};
const chat = { ...defaultPolicy, id: 2, name: "Chat VIP", is_default: false, position: 2, sla_target: { priority_2: { respond_within: 600, next_respond_within: 900, business_hours: false } }, applicable_to: { sources: [7], group_ids: [41, 42], company_ids: [] } };

describe("Freshdesk SLA policies", () => {
  it("orders policies with the default last, converts seconds exactly and keeps business hours per priority", () => {
    const result = slaPoliciesFromFreshdesk([defaultPolicy, chat], { calendar: { name: "eu", definition: hours.definition } });
    expect(result.definition.policies).toStrictEqual([
      {
        id: "2",
        when: { all: [{ field: "channel", in: ["chat"] }, { field: "group", in: ["41", "42"] }] },
        targets: { first_response: { medium: { duration: 600_000, calendar: "24x7" } }, next_response: { medium: { duration: 900_000, calendar: "24x7" } } },
      },
      {
        id: "1",
        calendar: "eu",
        targets: {
          first_response: { urgent: { duration: 3_600_000, calendar: "24x7" }, high: 7_200_000, medium: 28_800_000, low: { duration: 86_400_000, calendar: "24x7" } },
          requester_wait: { urgent: { duration: 14_400_000, calendar: "24x7" }, high: 28_800_000, medium: 86_400_000, low: { duration: 259_200_000, calendar: "24x7" } },
        },
      },
    ]);
    expect(() => createSlaEngine(result.definition)).not.toThrow();
  });

  it("leaves out inactive policies and unknown filters, reporting them", () => {
    const result = slaPoliciesFromFreshdesk([{ ...chat, active: false }, { ...chat, id: 5, applicable_to: { tags: ["vip"] } }, { ...defaultPolicy, sla_target: { priority_4: { respond_within: 60 } } }]);
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([["unsupported_setting", [0, "active"]], ["unsupported_condition", [1, "applicable_to", "tags"]]]);
    expect(result.definition.policies.map((p) => p.id)).toStrictEqual(["1"]);
    const bad = thrownBy(InteropError, () => slaPoliciesFromFreshdesk([{ ...defaultPolicy, sla_target: { priority_5: { respond_within: 60 } } }]));
    expect([bad.code, bad.issues[0].path]).toStrictEqual(["invalid_vendor_payload", [0, "sla_target", "priority_5"]]);
  });
});

describe("ticketLogFromFreshdeskConversations", () => {
  const ticket = { id: 12, created_at: "2026-03-02T09:00:00Z", requester_id: 5, source: 7, priority: 3, status: 2, type: "Question", group_id: 41, company_id: 900, stats: { resolved_at: "2026-03-02T11:00:00Z" } };
  const conversations = [
    { id: 1, user_id: 9, incoming: false, private: true, created_at: "2026-03-02T09:10:00Z" },
    { id: 2, user_id: 9, incoming: false, private: false, created_at: "2026-03-02T09:20:00Z" },
    { id: 3, user_id: 5, incoming: true, private: false, created_at: "2026-03-02T12:00:00Z" },
  ];
  const row = (performed_at: string, activity: Record<string, unknown>) => ({ performed_at, ticket_id: 12, performer_type: "agent", performer_id: 9, activity });

  it("reads DD-MM-YYYY activity dates day first, drops repeated rows, and lets a ticket leave Closed", () => {
    const activities = [
      row("02-03-2026 10:00:00 +0000", { status: "Pending" }),
      row("02-03-2026 11:00:00 +0000", { status: "Closed" }),
      row("02-03-2026 11:00:00 +0000", { status: "Closed" }),
      row("02-03-2026 12:00:00 +0000", { status: "Open", priority: 4 }),
      row("13-03-2026 09:00:00 +0000", { status: "Resolved" }),
    ];
    const result = ticketLogFromFreshdeskConversations(ticket, conversations, { activities });
    expect(result.definition.map((e) => [e.type, new Date(e.at).toISOString(), "to" in e ? e.to : "role" in e ? `${e.role}${e.public ? "" : " (internal)"}` : "group" in e ? e.group : null])).toStrictEqual([
      ["created", "2026-03-02T09:00:00.000Z", null],
      ["field_changed", "2026-03-02T09:00:00.000Z", "Question"],
      ["field_changed", "2026-03-02T09:00:00.000Z", "900"],
      ["assigned", "2026-03-02T09:00:00.000Z", "41"],
      ["message", "2026-03-02T09:10:00.000Z", "agent (internal)"],
      ["message", "2026-03-02T09:20:00.000Z", "agent"],
      ["status_changed", "2026-03-02T10:00:00.000Z", "pending"],
      ["status_changed", "2026-03-02T11:00:00.000Z", "solved"],
      ["status_changed", "2026-03-02T12:00:00.000Z", "open"],
      ["priority_changed", "2026-03-02T12:00:00.000Z", "urgent"],
      ["message", "2026-03-02T12:00:00.000Z", "customer"],
      ["status_changed", "2026-03-13T09:00:00.000Z", "solved"],
    ]);
    expect(result.definition[0]).toMatchObject({ by: "customer", channel: "chat", status: "open", requester: "5" });
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([["duplicate_row", ["activities", 2]]]);
  });

  it("without activity rows, resolves at stats.resolved_at and says the rest is unknown", () => {
    const result = ticketLogFromFreshdeskConversations(ticket, conversations.slice(0, 2));
    expect(result.definition.at(-1)).toMatchObject({ type: "status_changed", to: "solved", at: Date.parse("2026-03-02T11:00:00Z") });
    expect(result.definition[0]).toMatchObject({ priority: "high" });
    expect(result.issues.map((i) => i.code)).toStrictEqual(["ignored_event"]);
  });

  it("refuses month-first or offset-less activity dates", () => {
    for (const performed_at of ["2026-03-02 10:00:00 +0000", "02-13-2026 10:00:00 +0000", "02-03-2026 10:00:00"]) {
      const error = thrownBy(InteropError, () => ticketLogFromFreshdeskConversations(ticket, [], { activities: [row(performed_at, { status: "Pending" })] }));
      expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_time", ["activities", 0, "performed_at"]]);
    }
  });
});
