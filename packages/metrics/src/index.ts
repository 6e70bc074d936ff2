/**
 * `@supportops/metrics`: support KPIs an analyst can defend — tickets resolved, first response time,
 * resolution time, first contact resolution, reopen rate, CSAT, backlog and Kaplan–Meier resolution
 * survival — over ticket event logs, with reports by group and local week or month, and mergeable,
 * serialisable accumulators. Definitions: docs/kpis.md.
 *
 * @packageDocumentation
 */

// --- errors ---
export { METRICS_ERROR_CODES, METRICS_ISSUE_CODES, MetricsError } from "./MetricsError.js";
export type { MetricsErrorCode, MetricsIssueCode } from "./MetricsError.js";

// --- per-ticket facts ---
export { computeTicketFacts } from "./TicketFacts.js";
export type { ComputeTicketFactsOptions, Rating, Resolution, TicketFacts, TicketInput, TimelineEntry } from "./TicketFacts.js";

// --- KPIs ---
export { KPI_IDS } from "./KpiOptions.js";
export type { BacklogOptions, KpiId, KpiInstant, KpiOptions, KpiPeriod, PercentileMethod } from "./KpiOptions.js";
export type {
  BacklogAgeBucket,
  BacklogStats,
  ConfidenceInterval,
  CsatStats,
  DurationStats,
  FirstContactResolutionStats,
  FirstResponseStats,
  KpiResult,
  KpiStatsMap,
  KpiStatsOf,
  RateStats,
  ReopenRateStats,
  ResolutionSurvivalStats,
  ResolutionTimeStats,
  SlaAttainmentStats,
} from "./KpiResult.js";
export { ticketsResolved } from "./ticketsResolved.js";
export { firstResponseTime } from "./firstResponseTime.js";
export { resolutionTime } from "./resolutionTime.js";
export { firstContactResolution } from "./firstContactResolution.js";
export { reopenRate } from "./reopenRate.js";
export { csat } from "./csat.js";
export { backlog } from "./backlog.js";
export { resolutionSurvival } from "./resolutionSurvival.js";

// --- reports and accumulators ---
export { kpiReport } from "./kpiReport.js";
export type { KpiReport, KpiReportRow } from "./kpiReport.js";
export { accumulatorFromJSON, createAccumulator } from "./createAccumulator.js";
export type { AccumulatorExtras, KpiAccumulator, KpiAccumulatorJson, ReportBucketOption, ReportOptions } from "./createAccumulator.js";
export { toCsv } from "./toCsv.js";
export { toMarkdown } from "./toMarkdown.js";

// --- flat rows ---
export { TICKET_ROW_COLUMNS, parseTicketRows, readTicketRows, ticketRowsFromLogs } from "./TicketRow.js";
export type { ReadTicketRowsResult, TicketRow, TicketRowProblem } from "./TicketRow.js";

// --- the warehouse: the same KPIs as SQL (DuckDB, PostgreSQL) ---
export { SQL_KPI_IDS, kpiSql } from "./kpiSql.js";
export type { KpiSqlOptions, KpiSqlTarget, SqlKpi, SqlReportKpi } from "./kpiSql.js";
export { kpiRowsFromSql } from "./kpiRowsFromSql.js";
export type { KpiSqlRow } from "./kpiRowsFromSql.js";
export { ticketsTableSql } from "./ticketsTableSql.js";
export type { TicketsTableTarget } from "./ticketsTableSql.js";
export { ticketRowsToCsv } from "./ticketRowsToCsv.js";

// --- SLA attainment (states from @supportops/sla) ---
export { slaAttainment } from "./slaAttainment.js";
export type { SlaAttainmentOptions, SlaAttainmentResult, SlaEngineLike } from "./slaAttainment.js";

// --- findings: drivers, repeat contacts, real changes, incident timelines ---
export { FINDING_TESTS } from "./Finding.js";
export type { FindingEffect, FindingTest, TestedChange } from "./Finding.js";
export { detectChanges } from "./detectChanges.js";
export type { ChangeCell, ChangeReport, ChangeSide, DetectChangesOptions, SkippedCell } from "./detectChanges.js";
export { DRIVER_MEASURES, topDrivers } from "./topDrivers.js";
export type { DriverChange, DriverMeasure, DriverRow, TopDriversOptions, TopDriversResult } from "./topDrivers.js";
export { repeatContactRate } from "./repeatContactRate.js";
export type { RepeatContactRateOptions, RepeatContactRateResult } from "./repeatContactRate.js";
export { incidentTimeline } from "./incidentTimeline.js";
export type { IncidentEntry, IncidentSlaCycle, IncidentSlaEngine, IncidentTimeline, IncidentTimelineOptions, StatusSpan } from "./incidentTimeline.js";
// --- rendering for terminals, REPLs and notebooks ---
export { humanizeDuration } from "./humanizeDuration.js";
export { humanizeShare } from "./humanizeShare.js";
export { toTableRows } from "./toTableRows.js";
export type { KpiTableRow } from "./toTableRows.js";
export { toInspectable } from "./toInspectable.js";
export type { Inspectable } from "./toInspectable.js";
export { toHtml } from "./toHtml.js";
export type { ToHtmlOptions } from "./toHtml.js";
