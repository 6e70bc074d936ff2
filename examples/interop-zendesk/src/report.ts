// A Zendesk account's schedule, SLA policies and one ticket's history, exported from the API as JSON
// (data/*.json), imported into supportops; the ticket is replayed and its SLA states are printed beside
// the ones Zendesk recorded in its ticket metric events.
import { readFileSync } from "node:fs";
import { createSlaEngine, type SlaMetricState } from "@supportops/sla";
import { compareSla, type InteropIssue, type ObservedSla } from "@supportops/interop";
import {
  calendarFromZendeskSchedule,
  observedSlaFromZendeskMetricEvents,
  slaPoliciesFromZendesk,
  ticketLogFromZendeskAudits,
  type ZendeskAudit,
  type ZendeskHoliday,
  type ZendeskMetricEvent,
  type ZendeskSchedule,
  type ZendeskSlaPolicy,
} from "@supportops/interop/zendesk";

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../data/${name}.json`, import.meta.url), "utf8")) as T;
}

/** Who is who in the ticket: the roles from `GET /api/v2/users/show_many`. */
const USERS = [
  { id: 7001, role: "end-user" },
  { id: 9001, role: "agent" },
];

const time = (ms: number | null): string => (ms === null ? "—" : new Date(ms).toISOString().slice(0, 16).replace("T", " "));
const minutes = (ms: number | null): string => (ms === null ? "—" : `${ms / 60_000} min`);

function row(label: string, state: Pick<SlaMetricState, "status" | "targetMs" | "startedAt" | "stoppedAt" | "breachedAt" | "elapsedBusinessMs"> | ObservedSla | undefined): string {
  if (state === undefined) return `    ${label.padEnd(9)} (none)`;
  return `    ${label.padEnd(9)} ${state.status.padEnd(9)} target ${minutes(state.targetMs).padEnd(9)} elapsed ${minutes(state.elapsedBusinessMs).padEnd(9)} breach ${time(state.breachedAt).padEnd(16)} stop ${time(state.stoppedAt)}`;
}

function issueLines(what: string, issues: ReadonlyArray<InteropIssue>): string[] {
  return issues.map((issue) => `  ${what}: ${issue.code} at ${issue.path.join(".")}: ${issue.message}`);
}

/** The report, one line per entry (the test reads it; main.ts prints it). */
export function runReport(): string[] {
  const schedule = calendarFromZendeskSchedule(load<{ schedule: ZendeskSchedule }>("schedule"), load<{ holidays: ZendeskHoliday[] }>("holidays"));
  const policies = slaPoliciesFromZendesk(load<{ sla_policies: ZendeskSlaPolicy[] }>("sla_policies"), { calendar: { name: "support", definition: schedule.definition } });
  const ticket = ticketLogFromZendeskAudits(load<{ audits: ZendeskAudit[] }>("audits"), { users: USERS });
  const zendesk = observedSlaFromZendeskMetricEvents(load<{ ticket_metric_events: ZendeskMetricEvent[] }>("ticket_metric_events"));

  const engine = createSlaEngine(policies.definition);
  const ours = engine.evaluate(ticket.definition, { at: "2026-03-12T00:00:00Z" });
  const lines = [
    `Schedule "${schedule.source.name}" (${schedule.source.timeZoneName} = ${schedule.definition.timeZone}): ${Object.keys(schedule.definition.weekly).join(", ")}, ${schedule.definition.holidays?.length ?? 0} holiday dates`,
    `Policies: ${policies.source.policies.map((p) => `${p.title} (#${p.policyId})`).join(", ")}`,
    `Ticket ${String(ticket.source.ticketId)}: ${ticket.definition.length} events from ${ticket.source.auditIds.length} audits; policy in force: ${ours.policyId ?? "none"}`,
    ...issueLines("audits", ticket.issues),
    ...issueLines("metric events", zendesk.issues),
    "SLA cycles (times UTC):",
  ];
  for (const observed of zendesk.definition) {
    const mine = ours.metrics.find((m) => m.metric === observed.metric && m.cycle === observed.cycle);
    lines.push(`  ${observed.metric} #${observed.cycle}`, row("zendesk", observed), row("ours", mine));
  }
  const report = compareSla(zendesk.definition, ours, { toleranceMs: 60_000 });
  lines.push(
    report.differences.length === 0
      ? `Zendesk and supportops agree on all ${report.compared} cycles`
      : `Differences: ${report.differences.map((d) => `${d.metric}#${d.cycle} ${d.field}: zendesk ${String(d.vendor)}, ours ${String(d.ours)}`).join("; ")}`,
  );
  return lines;
}
