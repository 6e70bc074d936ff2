// One Zendesk ticket end to end: its schedule, SLA policies, audits and metric events (fixtures rebuilt
// from the documented fields, with the traps: a JSON-escaped "&" in the zone name, an event-level via of a
// trigger, object-valued SLA fields, notifications, a private note, a later CommentPrivacyChange, a
// deleted metric event). Zendesk's own metric events must agree with supportops' replay.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError, compareSla } from "@supportops/interop";
import {
  calendarFromZendeskSchedule,
  observedSlaFromZendeskMetricEvents,
  slaPoliciesFromZendesk,
  ticketLogFromZendeskAudits,
} from "@supportops/interop/zendesk";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/zendesk/${name}.json`, import.meta.url), "utf8"));
const users = [{ id: 9001, role: "agent" }, { id: 7001, role: "end-user" }];
const Z = (iso: string): number => Date.parse(iso);

describe("a Zendesk ticket, imported and replayed", () => {
  const schedule = calendarFromZendeskSchedule(fixture("schedule") as never, fixture("holidays") as never);
  const policies = slaPoliciesFromZendesk(fixture("sla_policies") as never, { calendar: { name: "support", definition: schedule.definition } });
  const ticket = ticketLogFromZendeskAudits(fixture("audits") as never, { users });
  const observed = observedSlaFromZendeskMetricEvents(fixture("ticket_metric_events") as never);

  it("reads the audits into a core event log", () => {
    expect(ticket.definition.map(({ id, type, ...rest }) => ({ id, type, ...rest }))).toStrictEqual([
      { id: "9000001:created", type: "created", at: Z("2026-03-09T20:00:00Z"), by: "customer", status: "new", priority: "normal", channel: "email", requester: "7001", actor: "7001" },
      { id: "9000001:9100001", type: "message", at: Z("2026-03-09T20:00:00Z"), role: "customer", public: true, author: "7001" },
      { id: "9000001:9100005", type: "field_changed", at: Z("2026-03-09T20:00:00Z"), field: "type", to: "question", actor: "7001" },
      { id: "9000001:9100006", type: "field_changed", at: Z("2026-03-09T20:00:00Z"), field: "tags", to: ["billing"], actor: "7001" },
      { id: "9000001:9100007", type: "assigned", at: Z("2026-03-09T20:00:00Z"), group: "360001", actor: "trigger:42" },
      { id: "9000002:9200001", type: "message", at: Z("2026-03-10T14:30:00Z"), role: "agent", public: true, author: "9001" },
      { id: "9000002:9200002", type: "status_changed", at: Z("2026-03-10T14:30:00Z"), to: "pending", toLabel: "pending", from: "new", fromLabel: "new", actor: "9001" },
      { id: "9000002:9200003", type: "assigned", at: Z("2026-03-10T14:30:00Z"), agent: "9001", actor: "9001" },
      { id: "9000003:9300001", type: "message", at: Z("2026-03-11T13:00:00Z"), role: "customer", public: true, author: "7001" },
      { id: "9000003:9300002", type: "status_changed", at: Z("2026-03-11T13:00:00Z"), to: "open", toLabel: "open", from: "pending", fromLabel: "pending", actor: "trigger:43" },
      { id: "9000004:9400001", type: "message", at: Z("2026-03-11T15:00:00Z"), role: "agent", public: true, author: "9001" },
      { id: "9000004:9400002", type: "message", at: Z("2026-03-11T15:00:00Z"), role: "agent", public: false, author: "9001" },
      { id: "9000004:9400003", type: "status_changed", at: Z("2026-03-11T15:00:00Z"), to: "solved", toLabel: "solved", from: "open", fromLabel: "open", actor: "9001" },
    ]);
    expect(ticket.source).toStrictEqual({ vendor: "zendesk", ticketId: 4321, auditIds: [9000001, 9000002, 9000003, 9000004, 9000005], requesterId: "7001" });
    expect(ticket.issues.map((i) => [i.code, i.path])).toStrictEqual([["ignored_event", ["audits", 4, "events", 0]]]);
  });

  it("reads the metric events into Zendesk's own cycles, dropping deleted events and metrics with no SLA", () => {
    expect(observed.definition.map(({ source, ...rest }) => rest)).toStrictEqual([
      { metric: "first_response", cycle: 0, status: "breached", targetMs: 7_200_000, startedAt: Z("2026-03-09T20:00:00Z"), stoppedAt: Z("2026-03-10T14:30:00Z"), breachedAt: Z("2026-03-10T14:00:00Z"), elapsedBusinessMs: 150 * 60_000 },
      { metric: "requester_wait", cycle: 0, status: "achieved", targetMs: 28_800_000, startedAt: Z("2026-03-09T20:00:00Z"), stoppedAt: Z("2026-03-11T15:00:00Z"), breachedAt: null, elapsedBusinessMs: 270 * 60_000 },
      { metric: "resolution", cycle: 0, status: "breached", targetMs: 86_400_000, startedAt: Z("2026-03-09T20:00:00Z"), stoppedAt: Z("2026-03-11T15:00:00Z"), breachedAt: Z("2026-03-10T20:00:00Z"), elapsedBusinessMs: 2580 * 60_000 },
    ]);
    expect(observed.issues.map((i) => [i.code, i.path])).toStrictEqual([["deleted_event", ["ticket_metric_events", 22]]]);
  });

  it("agrees with Zendesk on every cycle: statuses, targets, starts, stops, breaches and elapsed business minutes", () => {
    expect(schedule.definition.timeZone).toBe("America/New_York");
    const engine = createSlaEngine(policies.definition);
    const ours = engine.evaluate(ticket.definition, { at: "2026-03-12T00:00:00Z" });
    expect(ours.policyId).toBe("360000777001");
    expect(compareSla(observed.definition, ours)).toStrictEqual({ compared: 3, agreed: 3, differences: [] });
  });

  it("reports where they disagree and by how much", () => {
    const engine = createSlaEngine(policies.definition);
    // A vendor report that looks wrong: the requester wait measured 300 business minutes, the reply breach 10 minutes late.
    const doubtful = observed.definition.map((cycle) =>
      cycle.metric === "requester_wait" ? { ...cycle, elapsedBusinessMs: 300 * 60_000 } : cycle.metric === "first_response" ? { ...cycle, breachedAt: Z("2026-03-10T14:10:00Z") } : cycle,
    );
    const report = compareSla(doubtful, engine.evaluate(ticket.definition, { at: "2026-03-12T00:00:00Z" }), { toleranceMs: 60_000 });
    expect(report).toStrictEqual({
      compared: 3,
      agreed: 1,
      differences: [
        { metric: "first_response", cycle: 0, field: "breachedAt", vendor: Z("2026-03-10T14:10:00Z"), ours: Z("2026-03-10T14:00:00Z"), deltaMs: -10 * 60_000 },
        { metric: "requester_wait", cycle: 0, field: "elapsedBusinessMs", vendor: 300 * 60_000, ours: 270 * 60_000, deltaMs: -30 * 60_000 },
      ],
    });
    // A cycle only one side has is a difference too.
    const missing = compareSla([...observed.definition, { ...observed.definition[0]!, metric: "next_response" }], engine.evaluate(ticket.definition, { at: "2026-03-12T00:00:00Z" }));
    expect(missing.differences).toStrictEqual([{ metric: "next_response", cycle: 0, field: "cycle", vendor: "breached", ours: null, deltaMs: null }]);
  });

  it("takes the target of the last apply_sla (Zendesk re-applies the SLA when the priority changes), and numbers next replies from instance 2", () => {
    const events = [
      { id: 1, metric: "reply_time", instance_id: 1, type: "activate", time: "2026-03-09T20:00:00Z" },
      { id: 2, metric: "reply_time", instance_id: 1, type: "apply_sla", time: "2026-03-09T20:00:00Z", sla: { target: 480, business_hours: true } },
      { id: 3, metric: "reply_time", instance_id: 1, type: "apply_sla", time: "2026-03-09T21:00:00Z", sla: { target: 30, target_in_seconds: 1800, business_hours: false } },
      { id: 4, metric: "reply_time", instance_id: 1, type: "breach", time: "2026-03-09T21:00:00Z" },
      { id: 5, metric: "reply_time", instance_id: 3, type: "activate", time: "2026-03-10T10:00:00Z" },
      { id: 6, metric: "reply_time", instance_id: 3, type: "apply_sla", time: "2026-03-10T10:00:00Z", sla: { target: 60, business_hours: false } },
      { id: 7, metric: "reply_time", instance_id: 3, type: "pause", time: "2026-03-10T10:30:00Z" },
    ];
    expect(observedSlaFromZendeskMetricEvents(events).definition.map(({ metric, cycle, status, targetMs, breachedAt }) => [metric, cycle, status, targetMs, breachedAt])).toStrictEqual([
      ["first_response", 0, "breached", 1_800_000, Z("2026-03-09T21:00:00Z")],
      ["next_response", 1, "paused", 3_600_000, null],
    ]);
  });

  it("needs the role of every comment author, and a status map entry for custom statuses", () => {
    const error = thrownBy(InteropError, () => ticketLogFromZendeskAudits(fixture("audits") as never));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_argument", ["users"]]);
    const custom = structuredClone(fixture("audits")) as { audits: Array<{ events: Array<Record<string, unknown>> }> };
    (custom.audits[1]?.events[1] as Record<string, unknown>)["value"] = "waiting_on_vendor";
    const unmapped = thrownBy(InteropError, () => ticketLogFromZendeskAudits(custom as never, { users }));
    expect([unmapped.code, unmapped.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["audits", 1, "events", 1, "value"]]);
    const mapped = ticketLogFromZendeskAudits(custom as never, { users, statusMap: { waiting_on_vendor: "on_hold" } });
    expect(mapped.definition.find((e) => e.id === "9000002:9200002")).toMatchObject({ to: "on_hold", toLabel: "waiting_on_vendor" });
  });
});
