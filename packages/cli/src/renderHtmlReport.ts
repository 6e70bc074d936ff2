import type { CsatStats, KpiReport, KpiReportRow, KpiResult, SlaAttainmentResult } from "@supportops/metrics";
import { humanizeDuration, humanizeShare, toHtml, toTableRows } from "@supportops/metrics";
import { BUSINESS } from "./internal/findings.js";
import { localTime } from "./internal/localTime.js";
import { barChart, durationUnit, esc, lineChart } from "./internal/svg.js";

/**
 * A table panel of the HTML report that another computation fills: a caption, column names and
 * rows (cells already written for a reader), and an optional note under it.
 *
 * @example
 * const panel: ReportPanel = { caption: "Top drivers of resolution time", columns: ["category", "share"], rows: [["billing", "41.0 %"]] };
 */
export interface ReportPanel {
  readonly caption: string;
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  readonly note?: string;
}

/**
 * Everything the HTML report shows. The `supportops report` command fills it from a ticket file; a
 * program may fill it from its own `kpiReport` calls.
 *
 * @example
 * const period = { from: "2026-01-01", to: "2026-02-01" };
 * const input: HtmlReportInput = {
 *   title: "Support KPI report",
 *   source: { file: "tickets.jsonl", kind: "logs", tickets: 0, rejected: 0 },
 *   report: kpiReport([], { period }), overall: kpiReport([], { period }),
 *   weekly: kpiReport([], { period, kpis: ["first_response_time", "resolution_time"], bucket: { unit: "week" } }),
 *   backlog: null, sla: null, notes: [],
 * };
 */
export interface HtmlReportInput {
  readonly title: string;
  /** The file the tickets came from, its kind (JSONL logs or CSV rows), tickets read and lines rejected. */
  readonly source: { readonly file: string; readonly kind: "logs" | "rows"; readonly tickets: number; readonly rejected: number };
  /** The report as asked for (grouped and bucketed): the "all rows" table. */
  readonly report: KpiReport;
  /** Every period KPI over the whole period, ungrouped: the tiles (with tiles for the business-hours variants when it has their rows). */
  readonly overall: KpiReport;
  /**
   * First response and resolution time by week: the trend charts. Rows of
   * `first_response_time_business` and `resolution_time_business` (a report made with a `calendar`)
   * add a chart of each in business hours beside the elapsed-time one.
   */
  readonly weekly: KpiReport;
  /** The backlog snapshot at the period's end (logs only). */
  readonly backlog: KpiResult<"backlog"> | null;
  /** SLA attainment, overall and by priority at `asOf` (logs and an SLA engine only). */
  readonly sla: { readonly overall: SlaAttainmentResult; readonly byPriority: ReadonlyArray<{ readonly priority: string; readonly result: SlaAttainmentResult }> } | null;
  /** Why a section is missing, and other remarks, shown at the top. */
  readonly notes: ReadonlyArray<string>;
  /** Optional panel: what changed against the previous period (filled by the caller, e.g. from `detectChanges`). */
  readonly whatChanged?: ReportPanel;
  /** Optional panel: the top drivers of a KPI (filled by the caller, e.g. from `topDrivers`). */
  readonly topDrivers?: ReportPanel;
}

const STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --tile: #f6f8fa; --a: #0b5cad; --b: #b35900; --ok: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: .95rem; margin: 0; font-weight: 600; }
.meta, .notes { color: var(--muted); margin: 4px 0; } .notes li { margin: 2px 0; }
.tiles { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.tile { background: var(--tile); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.tile .value { font-size: 1.4rem; font-weight: 650; margin: 4px 0 0; } .tile .n, .tile .detail { color: var(--muted); margin: 2px 0 0; font-size: .85rem; }
.flag { display: inline-block; font-size: .75rem; font-weight: 600; color: var(--warn); border: 1px solid var(--warn); border-radius: 3px; padding: 0 4px; margin-left: 4px; }
figure { margin: 12px 0 20px; break-inside: avoid; } figcaption { color: var(--muted); font-size: .9rem; margin-top: 4px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 12px 24px; }
svg.chart { display: block; max-width: min(100%, 640px); height: auto; font-size: 11px; }
svg .grid { stroke: #eaeef2; } svg .baseline { stroke: var(--muted); } svg .tick, svg .note, svg .legend text { fill: var(--muted); }
svg .series { stroke-width: 2; } svg .series.a { stroke: var(--a); } svg .series.b { stroke: var(--b); stroke-dasharray: 5 3; }
svg .point.a { fill: var(--a); } svg .point.b { fill: var(--b); }
svg .bar { fill: var(--a); } svg .bar.alt { fill: var(--b); } svg .whisker { stroke: var(--ink); stroke-width: 1.5; }
table { border-collapse: collapse; font-size: .85rem; margin: 8px 0; } caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; } th { background: var(--tile); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.fallback { max-width: 100%; } .wide { overflow-x: auto; }
.panel-empty { color: var(--muted); font-style: italic; } summary { cursor: pointer; color: var(--a); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .tile { border-color: #999; background: none; } h2 { break-after: avoid; } section { break-inside: avoid-page; }
  .charts { display: block; } .wide { overflow: visible; } a { color: #000; }
}
`;

const num = (value: number): string => `<td class="num">${value}</td>`;
const cell = (value: string): string => `<td>${esc(value)}</td>`;

function table(caption: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const head = columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((v) => (typeof v === "number" ? num(v) : cell(v))).join("")}</tr>`).join("");
  return `<table class="fallback"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(id: string, caption: string, svg: string, data: string): string {
  return `<figure aria-labelledby="${id}-caption">${svg}<figcaption id="${id}-caption">${esc(caption)}</figcaption>${data}</figure>`;
}

const rowOf = (report: KpiReport, kpi: KpiReportRow["kpi"]): KpiReportRow | undefined => report.rows.find((r) => r.kpi === kpi);
const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");


function tile(title: string, value: string, n: number | null, detail: string, provisional = false): string {
  return (
    `<li class="tile"><h3>${esc(title)}${provisional ? ' <span class="flag" title="the reopen window is still open at asOf: this rate can still change">provisional</span>' : ""}</h3>` +
    `<p class="value">${esc(value)}</p>${n === null ? "" : `<p class="n">n = ${n}</p>`}${detail === "" ? "" : `<p class="detail">${esc(detail)}</p>`}</li>`
  );
}

/** The tile of a duration's business-hours variant (in hours at most), or "" when the report has no such row. */
function businessTile(overall: KpiReport, kpi: "first_response_time" | "resolution_time"): string {
  const row = rowOf(overall, `${kpi}_business`);
  if (row === undefined) return "";
  const title = kpi === "first_response_time" ? "First response time, business hours (median)" : "Resolution time, business hours (median)";
  const stats = row.stats as { p90: number | null; awaitingFirstReply?: number; open?: number };
  const waiting = stats.awaitingFirstReply ?? stats.open ?? 0;
  const detail = [`p90 ${humanizeDuration(stats.p90, BUSINESS)}`, waiting > 0 ? `${waiting} ${kpi === "first_response_time" ? "awaiting a reply" : "open"}` : ""].filter((x) => x !== "").join(" · ");
  return tile(title, humanizeDuration(row.value, BUSINESS), row.n, detail);
}

function tiles(input: HtmlReportInput): string {
  const rows = toTableRows(input.overall);
  const byKpi = new Map(rows.map((r) => [r["kpi"], r]));
  const titles: ReadonlyArray<readonly [KpiReportRow["kpi"], string]> = [
    ["tickets_resolved", "Tickets resolved"],
    ["first_response_time", "First response time (median)"],
    ["resolution_time", "Resolution time (median)"],
    ["resolution_survival", "Time to resolution, Kaplan–Meier median"],
    ["first_contact_resolution", "First contact resolution"],
    ["reopen_rate", "Reopen rate"],
    ["csat", "CSAT (share of 4–5 of 5)"],
  ];
  const out = titles.flatMap(([kpi, title]) => {
    const r = byKpi.get(kpi);
    const row = rowOf(input.overall, kpi);
    const shown = r === undefined || row === undefined ? tile(title, "—", 0, "no tickets") : tile(title, String(r["value"]), row.n, String(r["detail"]), row.provisional === true);
    const business = kpi === "first_response_time" || kpi === "resolution_time" ? businessTile(input.overall, kpi) : "";
    return business === "" ? [shown] : [shown, business];
  });
  if (input.sla !== null) {
    const s = input.sla.overall;
    out.push(tile("SLA attainment", humanizeShare(s.value, s.stats.ci), s.n, `${s.stats.breached} breached · ${s.stats.undetermined} undetermined`));
  }
  if (input.backlog !== null) {
    out.push(tile(`Backlog at ${localTime(input.report.period.to, input.report.timeZone)}`, String(input.backlog.value ?? 0), input.backlog.n, `median age ${humanizeDuration(input.backlog.stats.medianAge)}`));
  }
  return `<ul class="tiles">${out.join("")}</ul>`;
}

type TrendKpi = "first_response_time" | "resolution_time" | "first_response_time_business" | "resolution_time_business";

const TREND_NAMES: Readonly<Record<TrendKpi, string>> = {
  first_response_time: "First response time",
  resolution_time: "Resolution time",
  first_response_time_business: "First response time in business hours",
  resolution_time_business: "Resolution time in business hours",
};

function trendChart(input: HtmlReportInput, kpi: TrendKpi): string {
  const name = TREND_NAMES[kpi];
  const business = kpi.endsWith("_business");
  const rows = input.weekly.rows.filter((r) => r.kpi === kpi);
  const labels = rows.map((r) => r.bucket.label);
  const medians = rows.map((r) => r.value);
  const p90s = rows.map((r) => (r.stats as { p90: number | null }).p90);
  const unit = durationUnit(Math.max(0, ...p90s.filter((v): v is number => v !== null), ...medians.filter((v): v is number => v !== null)), business);
  const id = `chart-${kpi.replaceAll("_", "-")}`;
  const human = (ms: number | null): string => humanizeDuration(ms, business ? BUSINESS : {});
  const svg = lineChart(id, `${name} by week: median and p90`, `${name} per local week in ${input.weekly.timeZone}, median and 90th percentile, in ${business ? "business " : ""}${unit.label}; ${rows.length} weeks.`, labels, [
    { name: "median", className: "a", values: medians },
    { name: "p90", className: "b", values: p90s },
  ], { label: unit.label, value: (v) => v / unit.ms });
  const data = table(`${name} by week (data)`, ["week", "median", "p90", "n"], rows.map((r, i) => [r.bucket.label, human(medians[i] ?? null), human(p90s[i] ?? null), r.n]));
  return figure(id, `${name}, median (solid) and p90 (dashed), by week${business ? ", counting only the calendar's open hours" : ""}; n beside each week in the table.`, svg, data);
}

function trends(input: HtmlReportInput): string {
  const withBusiness = input.weekly.rows.some((r) => r.kpi === "first_response_time_business" || r.kpi === "resolution_time_business");
  const kpis: ReadonlyArray<TrendKpi> = withBusiness
    ? ["first_response_time", "first_response_time_business", "resolution_time", "resolution_time_business"]
    : ["first_response_time", "resolution_time"];
  return `<div class="charts">${kpis.map((kpi) => trendChart(input, kpi)).join("")}</div>`;
}

function slaSection(input: HtmlReportInput): string {
  if (input.sla === null) return `<p class="panel-empty">${esc(input.notes.find((n) => n.startsWith("SLA")) ?? "SLA attainment: not computed.")}</p>`;
  const bars = input.sla.byPriority.map(({ priority, result }) => ({
    label: priority,
    value: result.value,
    low: result.stats.ci?.low ?? null,
    high: result.stats.ci?.high ?? null,
    note: result.value === null ? "no data" : `${(result.value * 100).toFixed(1)} % · n ${result.n}`,
  }));
  const svg = barChart("chart-sla", "SLA attainment by priority", "Share of SLA target cycles met, by the ticket's priority at asOf, with 95 % Wilson intervals.", bars, { max: 1, tick: (v) => `${Math.round(v * 100)} %` });
  const data = table("SLA attainment by priority (data)", ["priority", "attainment [95 % CI]", "n", "met", "breached", "undetermined"], input.sla.byPriority.map(({ priority, result }) => [
    priority, humanizeShare(result.value, result.stats.ci), result.n, result.stats.successes, result.stats.breached, result.stats.undetermined,
  ]));
  return figure("chart-sla", "SLA attainment by priority (priority as at asOf); whiskers are 95 % intervals.", svg, data);
}

function ratesSection(input: HtmlReportInput): string {
  const rates = (["first_contact_resolution", "reopen_rate"] as const).map((kpi) => ({ kpi, row: rowOf(input.overall, kpi) }));
  const label = { first_contact_resolution: "FCR", reopen_rate: "Reopen rate" } as const;
  const bars = rates.map(({ kpi, row }, i) => {
    const ci = (row?.stats as { ci: { low: number; high: number } | null } | undefined)?.ci ?? null;
    return {
      label: label[kpi],
      value: row?.value ?? null,
      low: ci?.low ?? null,
      high: ci?.high ?? null,
      note: row === undefined || row.value === null ? "no data" : `${(row.value * 100).toFixed(1)} % · n ${row.n}${row.provisional === true ? " · provisional" : ""}`,
      className: i === 1 ? "alt" : "",
    };
  });
  const svg = barChart("chart-rates", "First contact resolution and reopen rate", "Shares over the whole period with 95 % Wilson intervals; a provisional rate can still change while reopen windows are open.", bars, { max: 1, tick: (v) => `${Math.round(v * 100)} %` });
  const data = table("Reopen and FCR rates (data)", ["rate", "value [95 % CI]", "n", "provisional"], rates.map(({ kpi, row }) => [
    label[kpi], row === undefined ? "—" : humanizeShare(row.value, (row.stats as { ci: { low: number; high: number } | null }).ci), row?.n ?? 0, row?.provisional === true ? "yes: reopen windows still open at asOf" : "no",
  ]));
  return figure("chart-rates", "FCR and reopen rate; whiskers are 95 % intervals; provisional rates are flagged.", svg, data);
}

function backlogSection(input: HtmlReportInput): string {
  if (input.backlog === null) return `<p class="panel-empty">${esc(input.notes.find((n) => n.startsWith("Backlog")) ?? "Backlog aging: not computed.")}</p>`;
  const buckets = input.backlog.stats.buckets;
  const label = (b: (typeof buckets)[number]): string => (b.to === null ? `≥ ${humanizeDuration(b.from)}` : `${b.from === 0 ? "0" : humanizeDuration(b.from)}–${humanizeDuration(b.to)}`);
  const svg = barChart("chart-backlog", "Backlog aging", `Open tickets at ${iso(input.report.period.to)} by age (half-open buckets).`, buckets.map((b) => ({ label: label(b), value: b.count, note: String(b.count) })), { tick: (v) => String(v) });
  const data = table("Backlog aging (data)", ["age", "open tickets"], buckets.map((b) => [label(b), b.count]));
  return figure("chart-backlog", `Open tickets at the period's end (${iso(input.report.period.to)}) by age; median age ${humanizeDuration(input.backlog.stats.medianAge)}.`, svg, data);
}

function csatSection(input: HtmlReportInput): string {
  const row = rowOf(input.overall, "csat");
  const distribution = (row?.stats as CsatStats | undefined)?.distribution ?? {};
  const entries = Object.entries(distribution).sort(([a], [b]) => {
    const [sa = 0, ma = 0] = a.split("/").map(Number);
    const [sb = 0, mb = 0] = b.split("/").map(Number);
    return ma - mb || sa - sb;
  });
  if (entries.length === 0) return `<p class="panel-empty">No ratings in the period.</p>`;
  const total = entries.reduce((sum, [, c]) => sum + c, 0);
  const svg = barChart("chart-csat", "CSAT distribution", `How many ratings gave each score, ${total} ratings in all.`, entries.map(([score, count]) => ({ label: score, value: count, note: String(count) })), { tick: (v) => String(v) });
  const data = table("CSAT distribution (data)", ["score", "ratings", "share"], entries.map(([score, count]) => [score, count, humanizeShare(count / total)]));
  return figure("chart-csat", `Ratings by score; the CSAT tile counts 4 and 5 of 5 as satisfied (n = ${total}).`, svg, data);
}

function panel(id: string, heading: string, p: ReportPanel | undefined): string {
  if (p === undefined) return "";
  return `<section id="${id}" class="optional-panel" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2><div class="wide">${table(p.caption, p.columns, p.rows)}</div>${p.note === undefined ? "" : `<p class="meta">${esc(p.note)}</p>`}</section>`;
}

/**
 * Renders the KPI report as one self-contained HTML file: no script, no network (a
 * `Content-Security-Policy` forbids every fetch), inline SVG charts each with a data table beside it,
 * headings and ARIA labels for screen readers, and print styles. Sections: KPI tiles (value, n,
 * interval, provisional flag), weekly trends of first response and resolution time (median and p90;
 * in business hours too when the reports were made with a calendar),
 * SLA attainment by priority, FCR and reopen rate, backlog aging, CSAT distribution, the optional
 * "what changed" and "top drivers" panels when given, and every row of the report.
 *
 * @param input - the numbers to show (see {@link HtmlReportInput})
 * @returns the HTML document
 * @example
 * const period = { from: "2026-01-01", to: "2026-02-01" };
 * const html = renderHtmlReport({
 *   title: "Support KPI report",
 *   source: { file: "tickets.jsonl", kind: "logs", tickets: 0, rejected: 0 },
 *   report: kpiReport([], { period }), overall: kpiReport([], { period }),
 *   weekly: kpiReport([], { period, kpis: ["first_response_time", "resolution_time"], bucket: { unit: "week" } }),
 *   backlog: null, sla: null, notes: [],
 * });
 * html.startsWith("<!doctype html>"); // => true
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const r = input.report;
  const meta =
    `Period ${localTime(r.period.from, r.timeZone)} to ${localTime(r.period.to, r.timeZone)} ${r.timeZone} (half-open: the end is excluded; ${iso(r.period.from)} to ${iso(r.period.to)}); facts as of ${localTime(r.asOf, r.timeZone)}. ` +
    `Source: ${input.source.file} (${input.source.kind === "logs" ? "event logs" : "flat ticket rows"}), ${input.source.tickets} tickets read, ${input.source.rejected} lines rejected.`;
  const notes = input.notes.length === 0 ? "" : `<ul class="notes">${input.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(input.title)}</h1><p class="meta">${esc(meta)}</p>${notes}</header>
<main>
<section id="kpis" aria-labelledby="kpis-h"><h2 id="kpis-h">Headline KPIs</h2>${tiles(input)}</section>
<section id="trends" aria-labelledby="trends-h"><h2 id="trends-h">Weekly trends</h2>${trends(input)}</section>
<section id="sla" aria-labelledby="sla-h"><h2 id="sla-h">SLA attainment by priority</h2>${slaSection(input)}</section>
<section id="rates" aria-labelledby="rates-h"><h2 id="rates-h">Reopen and first contact resolution</h2>${ratesSection(input)}</section>
<section id="backlog" aria-labelledby="backlog-h"><h2 id="backlog-h">Backlog aging</h2>${backlogSection(input)}</section>
<section id="csat" aria-labelledby="csat-h"><h2 id="csat-h">CSAT distribution</h2>${csatSection(input)}</section>
${panel("what-changed", "What changed", input.whatChanged)}
${panel("top-drivers", "Top drivers", input.topDrivers)}
<section id="rows" aria-labelledby="rows-h"><h2 id="rows-h">Every row of the report</h2><details><summary>${r.rows.length} rows: every KPI by ${[...new Set(r.rows.flatMap((x) => Object.keys(x.group)))].join(", ") || "period"} and bucket (the rows of --csv)</summary><div class="wide">${toHtml(r, { caption: `KPIs by ${[...new Set(r.rows.flatMap((x) => Object.keys(x.group)))].join(", ") || "period"} and bucket` })}</div></details></section>
</main>
<footer><p class="meta">Definitions: docs/kpis.md of supportops. Durations are elapsed time, except those marked business hours (the calendar's open time only); medians and p90 by nearest rank; intervals are 95 % Wilson intervals.</p></footer>
</body>
</html>
`;
}
