/**
 * `@supportops/cli`: the `supportops` command (KPI reports in the terminal and as one offline HTML
 * file, SLA worklists, calendar arithmetic, validation of configuration files) and, for programs,
 * the HTML report renderer it uses. See docs/cli.md.
 *
 * @packageDocumentation
 */

export { CLI_ERROR_CODES, CliError } from "./CliError.js";
export type { CliErrorCode } from "./CliError.js";
export { renderHtmlReport } from "./renderHtmlReport.js";
export type { HtmlReportInput, ReportPanel } from "./renderHtmlReport.js";
