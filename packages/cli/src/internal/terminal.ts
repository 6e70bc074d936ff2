import Table from "cli-table3";
import pc from "picocolors";
import { humanizeDuration, humanizeShare, toTableRows, type KpiTableRow } from "@supportops/metrics";
import type { HtmlReportInput, ReportPanel } from "../renderHtmlReport.js";
import { localTime } from "./localTime.js";

/** An aligned terminal table (cli-table3) of rows; numbers right-aligned. */
export function terminalTable(rows: ReadonlyArray<KpiTableRow>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const numeric = new Set(columns.filter((c) => rows.every((row) => row[c] === undefined || typeof row[c] === "number")));
  const table = new Table({
    head: columns,
    style: { head: [], border: [], compact: true },
    colAligns: columns.map((c) => (numeric.has(c) ? "right" : "left")),
  });
  for (const row of rows) table.push(columns.map((c) => String(row[c] ?? "")));
  return table.toString();
}

const heading = (text: string): string => pc.bold(text);

/** A findings panel as a caption, its table and its note. */
function panelText(title: string, panel: ReportPanel): string[] {
  const rows = panel.rows.map((r) => Object.fromEntries(panel.columns.map((c, i) => [c, r[i] ?? ""])) as KpiTableRow);
  return ["", heading(`${title}: ${panel.caption}`), rows.length === 0 ? "(nothing to show)" : terminalTable(rows), ...(panel.note === undefined ? [] : [pc.dim(panel.note)])];
}

/** The report as the terminal shows it: the tiles, SLA by priority, backlog, then every row. */
export function terminalReport(input: HtmlReportInput): string {
  const r = input.report;
  const out: string[] = [];
  out.push(heading(`${input.title} — ${input.source.file}`));
  out.push(`Period ${localTime(r.period.from, r.timeZone)} .. ${localTime(r.period.to, r.timeZone)} ${r.timeZone} (half-open: the end is excluded), facts as of ${localTime(r.asOf, r.timeZone)}`);
  out.push(`${input.source.tickets} tickets read, ${input.source.rejected} lines rejected`);
  for (const note of input.notes) out.push(pc.yellow(`note: ${note}`));
  out.push("", heading("KPIs over the whole period"), terminalTable(toTableRows(input.overall).map(({ bucket: _bucket, ...rest }) => rest)));
  if (input.sla !== null) {
    const rows: KpiTableRow[] = [
      ...input.sla.byPriority.map(({ priority, result }) => ({ priority, attainment: humanizeShare(result.value, result.stats.ci), n: result.n, breached: result.stats.breached, undetermined: result.stats.undetermined })),
      { priority: "all", attainment: humanizeShare(input.sla.overall.value, input.sla.overall.stats.ci), n: input.sla.overall.n, breached: input.sla.overall.stats.breached, undetermined: input.sla.overall.stats.undetermined },
    ];
    out.push("", heading("SLA attainment by priority (priority as at asOf)"), terminalTable(rows));
  }
  if (input.backlog !== null) {
    const b = input.backlog;
    const label = (x: (typeof b.stats.buckets)[number]): string => (x.to === null ? `≥ ${humanizeDuration(x.from)}` : `${x.from === 0 ? "0" : humanizeDuration(x.from)}–${humanizeDuration(x.to)}`);
    out.push("", heading(`Backlog at ${localTime(r.period.to, r.timeZone)}: ${b.value ?? 0} open, median age ${humanizeDuration(b.stats.medianAge)}`));
    out.push(terminalTable(b.stats.buckets.map((x) => ({ age: label(x), open: x.count }))));
  }
  if (r.rows.length > 0) out.push("", heading("KPIs by group and bucket"), terminalTable(toTableRows(r)));
  if (input.topDrivers !== undefined) out.push(...panelText("Top drivers", input.topDrivers));
  if (input.whatChanged !== undefined) out.push(...panelText("What changed", input.whatChanged));
  return out.join("\n") + "\n";
}
