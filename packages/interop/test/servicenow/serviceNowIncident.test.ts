// One ServiceNow incident end to end, rebuilt from the documented Table-API fields (all strings,
// UTC date-times, references as { link, value }): schedule + SLA definitions + sys_audit + journal,
// replayed by supportops and held against the incident's task_sla rows.
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError, compareSla } from "@supportops/interop";
import {
  calendarFromServiceNowSchedule,
  isCanceledInServiceNow,
  observedSlaFromServiceNowTaskSla,
  slaDefinitionsFromServiceNow,
  ticketLogFromServiceNowAudit,
  type ServiceNowAuditRow,
} from "@supportops/interop/servicenow";

const schedule = calendarFromServiceNowSchedule(
  { sys_id: "sch85", name: "8-5 weekdays", time_zone: "US/Pacific" },
  [{ schedule: { value: "sch85" }, name: "Weekdays", type: "", all_day: "false", start_date_time: "20180222T080000", end_date_time: "20180222T170000", repeat_type: "weekdays" }],
  { from: "2026-01-01", to: "2026-12-31" },
);
const definitions = [
  {
    sys_id: "p1res", name: "P1 resolution (4h)", active: "true", type: "SLA", target: "resolution", collection: "incident",
    duration: "1970-01-01 04:00:00", duration_type: "", schedule_source: "sla_definition",
    schedule: { link: "https://x.service-now.com/api/now/table/cmn_schedule/sch85", value: "sch85" },
    timezone_source: "task.caller_id.time_zone", timezone: "",
    start_condition: "priority=1^EQ", pause_condition: "state=3^EQ", stop_condition: "state=6^ORstate=7^EQ",
    cancel_condition: "priority!=1^EQ", when_to_cancel: "on_condition", when_to_resume: "no_match", reset_action: "cancel",
    retroactive: "false", set_start_to: "", retroactive_pause: "false",
  },
  { sys_id: "vip", name: "VIP response", active: "true", duration: "1970-01-01 00:30:00", duration_type: "", schedule_source: "no_schedule", start_condition: "caller_id.vip=true^EQ", stop_condition: "state=2^EQ" },
  { sys_id: "next", name: "End of next business day", active: "true", duration: "", duration_type: "d2fa2b6e0a0a0b8b0015ed4d6b2c1ed7", start_condition: "priority=2^EQ", stop_condition: "state=6^EQ" },
];
const incident = {
  sys_id: "inc1", number: "INC0010042", opened_at: "2026-03-09 15:00:00", state: "6", incident_state: "6", priority: "1", impact: "1", urgency: "1",
  contact_type: "email", caller_id: { link: "…", value: "usr-abel" }, assignment_group: { link: "…", value: "grp-net" },
  calendar_stc: "25200", business_stc: "14400",
};
const audit: ServiceNowAuditRow[] = [
  { tablename: "incident", documentkey: "inc1", fieldname: "state", oldvalue: "3", newvalue: "2", user: "beth.anglin", record_checkpoint: "4", sys_created_on: "2026-03-09 20:00:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "state", oldvalue: "1", newvalue: "2", user: "beth.anglin", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "assignment_group", oldvalue: "", newvalue: "grp-net", user: "beth.anglin", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "state", oldvalue: "2", newvalue: "3", user: "beth.anglin", record_checkpoint: "3", sys_created_on: "2026-03-09 17:00:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "hold_reason", oldvalue: "", newvalue: "1", user: "beth.anglin", record_checkpoint: "3", sys_created_on: "2026-03-09 17:00:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "state", oldvalue: "2", newvalue: "6", user: "beth.anglin", record_checkpoint: "5", sys_created_on: "2026-03-09 22:00:00" },
  { tablename: "incident", documentkey: "inc1", fieldname: "sys_mod_count", oldvalue: "4", newvalue: "5", user: "beth.anglin", record_checkpoint: "5", sys_created_on: "2026-03-09 22:00:00" },
];
const journal = [
  { sys_id: "j1", element: "comments", element_id: "inc1", value: "Still down.", sys_created_on: "2026-03-09 15:10:00", sys_created_by: "abel.tuter" },
  { sys_id: "j2", element: "work_notes", element_id: "inc1", value: "Router reboot.", sys_created_on: "2026-03-09 15:20:00", sys_created_by: "beth.anglin" },
  { sys_id: "j3", element: "comments", element_id: "inc1", value: "Fixed.", sys_created_on: "2026-03-09 22:00:00", sys_created_by: "beth.anglin" },
];

describe("a ServiceNow incident, imported and replayed", () => {
  const slas = slaDefinitionsFromServiceNow(definitions, { schedules: { sch85: schedule.definition } });
  const ticket = ticketLogFromServiceNowAudit(incident, audit, { journal, customers: ["abel.tuter"] });

  it("imports the expressible definitions as custom metrics with exact glide durations, and reports the rest", () => {
    expect(Object.keys(slas.definition.metrics ?? {})).toStrictEqual(["P1 resolution (4h)"]);
    expect(slas.definition.policies).toStrictEqual([{ id: "servicenow", targets: { "P1 resolution (4h)": Object.fromEntries(["1", "2", "3", "4", "5"].map((p) => [p, { duration: 14_400_000, calendar: "servicenow:sch85" }])) } }]);
    expect(slas.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["unsupported_setting", [0, "cancel_condition"]],
      ["unsupported_condition", [1, "start_condition"]],
      ["unsupported_condition", [1]],
      ["unsupported_setting", [2, "duration_type"]],
    ]);
    expect(slas.source.definitions.map((d) => [d.sysId, d.metric])).toStrictEqual([["p1res", "P1 resolution (4h)"], ["vip", null], ["next", null]]);
  });

  it("replays sys_audit in checkpoint order, with the raw state beside the canonical status, and journal entries as messages", () => {
    const at = (t: string): number => Date.parse(`${t.replace(" ", "T")}Z`);
    expect(ticket.definition.map((e) => [e.type, e.at, "to" in e ? e.to : "role" in e ? `${e.role}${e.public ? "" : " (internal)"}` : "group" in e ? e.group : "by" in e ? e.by : null])).toStrictEqual([
      ["created", at("2026-03-09 15:00:00"), "customer"],
      ["field_changed", at("2026-03-09 15:00:00"), "1"],
      ["message", at("2026-03-09 15:10:00"), "customer"],
      ["message", at("2026-03-09 15:20:00"), "agent (internal)"],
      ["field_changed", at("2026-03-09 15:30:00"), "2"],
      ["status_changed", at("2026-03-09 15:30:00"), "open"],
      ["assigned", at("2026-03-09 15:30:00"), "grp-net"],
      ["field_changed", at("2026-03-09 17:00:00"), "3"],
      ["status_changed", at("2026-03-09 17:00:00"), "on_hold"],
      ["field_changed", at("2026-03-09 17:00:00"), "1"],
      ["field_changed", at("2026-03-09 20:00:00"), "2"],
      ["status_changed", at("2026-03-09 20:00:00"), "open"],
      ["field_changed", at("2026-03-09 22:00:00"), "6"],
      ["status_changed", at("2026-03-09 22:00:00"), "solved"],
      ["message", at("2026-03-09 22:00:00"), "agent"],
    ]);
    expect(ticket.definition[0]).toMatchObject({ priority: "1", channel: "email", requester: "usr-abel", status: "new" });
    expect(ticket.definition.find((e) => e.type === "status_changed" && e.to === "solved")).toMatchObject({ from: "open", fromLabel: "In Progress", toLabel: "Resolved" });
    expect(isCanceledInServiceNow(ticket.definition)).toBe(false);
  });

  it("recomputes the task SLA exactly: 2 h before the hold and 2 h after it, 4 h of schedule time, achieved", () => {
    const observed = observedSlaFromServiceNowTaskSla(
      [{ sys_id: "tsla1", task: { value: "inc1" }, sla: { value: "p1res" }, stage: "completed", has_breached: "false", start_time: "2026-03-09 15:00:00", end_time: "2026-03-09 22:00:00", planned_end_time: "2026-03-09 22:00:00", duration: "1970-01-01 04:00:00", business_duration: "1970-01-01 04:00:00", percentage: "100", business_percentage: "100" } as never],
      { definitions: slas.source, targets: { p1res: 14_400_000 } },
    );
    const ours = createSlaEngine(slas.definition).evaluate(ticket.definition, { at: "2026-03-10T00:00:00Z" });
    expect(ours.metrics.map((m) => [m.metric, m.status, m.elapsedBusinessMs])).toStrictEqual([["P1 resolution (4h)", "achieved", 14_400_000]]);
    expect(compareSla(observed.definition, ours)).toStrictEqual({ compared: 1, agreed: 1, differences: [] });
  });

  it("reads a glide_duration day as 24 hours of the schedule: on 8-5 weekdays (9 h a day) it ends on the third day", () => {
    const day = slaDefinitionsFromServiceNow([{ ...definitions[0]!, name: "P1 one day", duration: "1970-01-02 00:00:00", cancel_condition: "", when_to_cancel: "" }], { schedules: { sch85: schedule.definition }, priorities: ["1"] });
    expect(day.issues).toStrictEqual([]);
    const open = ticketLogFromServiceNowAudit({ ...incident, state: "2" }, [{ fieldname: "state", oldvalue: "1", newvalue: "2", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" }]);
    const [state] = createSlaEngine(day.definition).evaluate(open.definition, { at: "2026-03-09T16:00:00Z" }).metrics;
    // Monday 08:00–17:00 (9 h) + Tuesday (9 h) + Wednesday 08:00–14:00 (6 h) = 24 h: due Wednesday 14:00 PDT.
    expect(state?.dueAt).toBe(Date.parse("2026-03-11T14:00:00-07:00"));
  });

  it("keeps Canceled apart: closed with the label Canceled", () => {
    const canceled = ticketLogFromServiceNowAudit({ ...incident, state: "8" }, [
      { fieldname: "state", oldvalue: "1", newvalue: "8", user: "beth.anglin", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" },
    ]);
    expect(canceled.definition.at(-1)).toMatchObject({ type: "status_changed", to: "closed", toLabel: "Canceled" });
    expect(isCanceledInServiceNow(canceled.definition)).toBe(true);
  });

  it("never reads ServiceNow date-times with Date.parse, needs the customers for comments, and refuses unmapped states", () => {
    const local = thrownBy(InteropError, () => ticketLogFromServiceNowAudit({ ...incident, opened_at: "2026-03-09T15:00:00" }, []));
    expect([local.code, local.issues[0].path]).toStrictEqual(["invalid_time", ["incident", "opened_at"]]);
    expect(thrownBy(InteropError, () => ticketLogFromServiceNowAudit(incident, audit, { journal })).issues[0].path).toStrictEqual(["customers"]);
    const unmapped = thrownBy(InteropError, () => ticketLogFromServiceNowAudit(incident, [{ fieldname: "state", oldvalue: "1", newvalue: "-5", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" }]));
    expect([unmapped.code, unmapped.issues[0].path]).toStrictEqual(["invalid_vendor_payload", ["audit", 0, "newvalue"]]);
    expect(ticketLogFromServiceNowAudit(incident, [{ fieldname: "state", oldvalue: "1", newvalue: "-5", record_checkpoint: "1", sys_created_on: "2026-03-09 15:30:00" }], { statusMap: { "-5": "pending" } }).definition.at(-1)).toMatchObject({ to: "pending", toLabel: "-5" });
  });
});
