import type { KpiReport } from "./kpiReport.js";
import type { KpiResult } from "./KpiResult.js";
import { toTableRows } from "./toTableRows.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Options of {@link toHtml}.
 *
 * @example
 * const options: ToHtmlOptions = { caption: "Weekly KPIs by category" };
 */
export interface ToHtmlOptions {
  /** The table's `<caption>`; default a line naming the period and zone (or "KPI results"). */
  readonly caption?: string;
}

/**
 * Renders a report (or KPI results) as one self-contained HTML `<table>` — the rows of
 * {@link toTableRows}, a `<caption>`, `<th scope="col">` headers, numbers right-aligned, every text
 * escaped — for a notebook to display (e.g. tslab's `display.html`) or a page to embed.
 *
 * @param input - a `kpiReport` result, or KPI results
 * @param options - `caption`
 * @returns the HTML text of one `<table>` element
 * @example
 * const html = toHtml(kpiReport([], { kpis: ["csat"], period: { from: "2026-01-01", to: "2026-02-01" } }), { caption: "CSAT" });
 * html.startsWith('<table class="supportops-kpis"><caption>CSAT</caption>'); // => true
 */
export function toHtml(input: KpiReport | ReadonlyArray<KpiResult>, options: ToHtmlOptions = {}): string {
  const rows = toTableRows(input);
  const caption =
    options.caption ??
    (Array.isArray(input)
      ? "KPI results"
      : `KPIs ${new Date((input as KpiReport).period.from).toISOString()} to ${new Date((input as KpiReport).period.to).toISOString()} (${(input as KpiReport).timeZone})`);
  const columns = rows.length === 0 ? ["kpi", "bucket", "value", "n", "detail"] : [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${columns.map((c) => {
      const value = row[c];
      return typeof value === "number" ? `<td style="text-align:right">${value}</td>` : `<td>${escapeHtml(value ?? "")}</td>`;
    }).join("")}</tr>`)
    .join("");
  return `<table class="supportops-kpis"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
