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
export type { BacklogOptions, KpiId, KpiInstant, KpiOptions, KpiPeriod, PercentileMethod, PercentilesOption } from "./KpiOptions.js";
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
// --- percentiles by DDSketch (bounded memory, relative-error guarantee, mergeable) ---
export { DDSketch } from "./DDSketch.js";
export type { DDSketchJson, DDSketchOptions } from "./DDSketch.js";

// --- more KPIs (docs/kpis.md, "More KPIs") ---
export type { GenericKpiResult } from "./GenericKpiResult.js";
export { firstLevelResolution } from "./firstLevelResolution.js";
export type { FirstLevelResolutionOptions, FirstLevelResolutionStats } from "./firstLevelResolution.js";
export { requesterWaitTime } from "./requesterWaitTime.js";
export type { StatusTimeOptions } from "./requesterWaitTime.js";
export { agentWorkTime } from "./agentWorkTime.js";
export { netIntake } from "./netIntake.js";
export type { NetIntakeStats } from "./netIntake.js";
export { nps } from "./nps.js";
export type { NpsResponse, NpsStats } from "./nps.js";
export { ces } from "./ces.js";
export type { CesOptions, CesResponse, CesStats } from "./ces.js";
export { collaborationResponsiveness } from "./collaborationResponsiveness.js";
export type { CollaborationResponsivenessOptions, CollaborationResponsivenessStats } from "./collaborationResponsiveness.js";
export { complianceAdherence } from "./complianceAdherence.js";
export type { ComplianceAdherenceOptions, ComplianceAdherenceStats, ComplianceRule } from "./complianceAdherence.js";
export { stakeholderSatisfaction } from "./stakeholderSatisfaction.js";
export type { StakeholderResponse, StakeholderSatisfactionStats } from "./stakeholderSatisfaction.js";
export { escalationQuality } from "./escalationQuality.js";
export type { EscalationQualityOptions, EscalationQualityStats, ScoredEscalation } from "./escalationQuality.js";
export { taxonomyAccuracy } from "./taxonomyAccuracy.js";
export type { AuditRecord, TaxonomyAccuracyOptions, TaxonomyAccuracyStats } from "./taxonomyAccuracy.js";
export { knowledgeOutput } from "./knowledgeOutput.js";
export type { ArticleEvent, KnowledgeOutputStats } from "./knowledgeOutput.js";
export { knowledgeDeflection } from "./knowledgeDeflection.js";
export type { HelpCenterSession, KnowledgeDeflectionOptions, KnowledgeDeflectionStats, SupportContact } from "./knowledgeDeflection.js";

// --- mix-standardised rates (Simpson's paradox) ---
export { standardizeRate } from "./standardizeRate.js";
export type { RateCell, StandardizeRateOptions, StandardizedGroup, StandardizedRates } from "./standardizeRate.js";
