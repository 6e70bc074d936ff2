import type { ChangeReport, KpiId, KpiResult, ReportOptions, SlaAttainmentResult, TicketInput, TopDriversResult } from "@supportops/metrics";
import { backlog, computeTicketFacts, kpiReport, slaAttainment } from "@supportops/metrics";
import type { BusinessCalendar, SlaEngine } from "@supportops/sla";
import type { HtmlReportInput } from "../renderHtmlReport.js";
import { changesPanel, driversPanel, findChanges, findDrivers } from "./findings.js";
import type { TicketFile } from "./readTickets.js";

export interface BuildReportOptions {
  readonly file: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly timeZone: string;
  readonly asOf?: string;
  readonly groupBy: ReadonlyArray<string>;
  readonly bucket: "week" | "month" | null;
  readonly slaEngine: SlaEngine | null;
  /** Adds the business-hours variants of first response and resolution time to every report. */
  readonly calendar: BusinessCalendar | null;
}

/** The HTML report's input plus the findings' raw results (for --json). */
export interface BuiltReport extends HtmlReportInput {
  readonly drivers: TopDriversResult;
  readonly changes: ChangeReport | null;
}

/** Every number the terminal, JSON and HTML outputs show, computed once from the tickets read. */
export function buildReport(input: TicketFile, options: BuildReportOptions): BuiltReport {
  const base = {
    period: options.period,
    timeZone: options.timeZone,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.calendar === null ? {} : { calendar: options.calendar }),
  };
  const notes: string[] = [];
  const tickets = input.tickets;
  const report = kpiReport(tickets, {
    ...base,
    groupBy: options.groupBy as ReportOptions["groupBy"] & object,
    ...(options.bucket === null ? {} : { bucket: { unit: options.bucket } }),
  });
  const overall = kpiReport(tickets, base);
  const trendKpis: ReadonlyArray<Exclude<KpiId, "backlog">> = options.calendar === null
    ? ["first_response_time", "resolution_time"]
    : ["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"];
  const weekly = kpiReport(tickets, { ...base, kpis: trendKpis, bucket: { unit: "week" } });
  // Every period KPI by week with the durations' values: what "what changed" tests.
  const changes = findChanges(kpiReport(tickets, { ...base, bucket: { unit: "week" }, keepValues: true }), notes);
  const drivers = findDrivers(input, report, notes);
  let backlogResult: KpiResult<"backlog"> | null = null;
  let sla: HtmlReportInput["sla"] = null;
  if (input.kind === "logs") {
    const logs: ReadonlyArray<TicketInput> = input.tickets;
    backlogResult = backlog(logs, { at: report.period.to, asOf: report.asOf, timeZone: options.timeZone });
    if (options.slaEngine === null) {
      notes.push("SLA attainment: left out (no --sla engine.json given).");
    } else {
      const engine = options.slaEngine;
      const byPriority = new Map<string, TicketInput[]>();
      for (const ticket of logs) {
        const facts = computeTicketFacts(ticket, { asOf: report.asOf });
        if (facts === null) continue;
        const priority = facts.priorityTimeline[facts.priorityTimeline.length - 1]?.value ?? "(none)";
        let list = byPriority.get(priority);
        if (list === undefined) byPriority.set(priority, (list = []));
        list.push(ticket);
      }
      const attainment = (list: ReadonlyArray<TicketInput>): SlaAttainmentResult => slaAttainment(list, { ...base, slaEngine: engine });
      sla = {
        overall: attainment(logs),
        byPriority: [...byPriority.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([priority, list]) => ({ priority, result: attainment(list) })),
      };
    }
  } else {
    notes.push("SLA attainment: left out — CSV rows carry no events for the SLA engine to replay; give the JSONL logs.");
    notes.push("Backlog aging: left out — the backlog snapshot reads event logs; give the JSONL logs.");
  }
  return {
    title: "Support KPI report",
    source: { file: options.file, kind: input.kind, tickets: input.tickets.length, rejected: input.rejected },
    report,
    overall,
    weekly,
    backlog: backlogResult,
    sla,
    notes,
    topDrivers: driversPanel(drivers),
    ...(changes === null ? {} : { whatChanged: changesPanel(changes, report.timeZone) }),
    drivers,
    changes,
  };
}
