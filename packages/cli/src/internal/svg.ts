// Hand-written inline SVG charts: no script, no external resource, readable in print. Each chart is an
// <svg role="img"> with a <title> and <desc>; the page puts a data table beside it.

export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const W = 640;
const H = 260;
const M = { left: 64, right: 36, top: 28, bottom: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** A step of 1, 2 or 5 × 10^k giving about `count` ticks up to `max`. */
function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
}

/** A unit to write a duration axis in, chosen from its largest value; business time in hours at most. */
export function durationUnit(maxMs: number, business = false): { readonly label: string; readonly ms: number } {
  if (!business && maxMs >= 2 * 86_400_000) return { label: "d", ms: 86_400_000 };
  if (maxMs >= 2 * 3_600_000) return { label: "h", ms: 3_600_000 };
  return { label: "min", ms: 60_000 };
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function frame(id: string, title: string, desc: string, top: number, yTick: (v: number) => string, body: string, legend = ""): string {
  const step = niceStep(top);
  const grid: string[] = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    const y = M.top + PLOT_H - (v / top) * PLOT_H;
    grid.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/><text class="tick" x="${M.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${esc(yTick(v))}</text>`);
  }
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    `<g class="axis">${grid.join("")}<line class="baseline" x1="${M.left}" x2="${W - M.right}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}"/></g>` +
    body +
    legend +
    `</svg>`
  );
}

const yOf = (v: number, top: number): number => M.top + PLOT_H - (v / top) * PLOT_H;
const topOf = (yMax: number): number => {
  const step = niceStep(yMax);
  return Math.max(step, Math.ceil(yMax / step) * step);
};

function xLabels(labels: ReadonlyArray<string>, xOf: (i: number) => number): string {
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return labels
    .map((label, i) => (i % every === 0 ? `<text class="tick" x="${xOf(i).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(label)}</text>` : ""))
    .join("");
}

export interface LineSeries {
  readonly name: string;
  readonly className: string;
  readonly values: ReadonlyArray<number | null>;
}

/** A line chart of series over labelled x positions; `null` breaks a line. Marks: one polyline per run, one circle per value. */
export function lineChart(id: string, title: string, desc: string, labels: ReadonlyArray<string>, series: ReadonlyArray<LineSeries>, unit: { readonly label: string; readonly value: (v: number) => number }): string {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null).map(unit.value));
  const top = topOf(Math.max(0, ...values));
  const xOf = (i: number): number => M.left + (labels.length <= 1 ? PLOT_W / 2 : (i / (labels.length - 1)) * PLOT_W);
  const body = series
    .map((s) => {
      const runs: string[][] = [[]];
      const points: string[] = [];
      s.values.forEach((raw, i) => {
        if (raw === null) {
          runs.push([]);
          return;
        }
        const v = unit.value(raw);
        const x = xOf(i).toFixed(1);
        const y = yOf(v, top).toFixed(1);
        (runs[runs.length - 1] as string[]).push(`${x},${y}`);
        points.push(`<circle class="point ${s.className}" cx="${x}" cy="${y}" r="3"><title>${esc(`${s.name}, ${labels[i] ?? ""}: ${fmt(v)} ${unit.label}`)}</title></circle>`);
      });
      const lines = runs.filter((r) => r.length > 0).map((r) => `<polyline class="series ${s.className}" fill="none" points="${r.join(" ")}"/>`);
      return `<g class="line-series" data-series="${esc(s.name)}">${lines.join("")}${points.join("")}</g>`;
    })
    .join("");
  const legend = series
    .map((s, i) => `<g class="legend"><line class="series ${s.className}" x1="${M.left + i * 150}" x2="${M.left + i * 150 + 18}" y1="12" y2="12"/><text x="${M.left + i * 150 + 24}" y="16">${esc(s.name)}</text></g>`)
    .join("");
  return frame(id, title, desc, top, (v) => `${fmt(v)} ${unit.label}`, body + xLabels(labels, xOf), legend);
}

export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
  /** Text written above the bar (e.g. "84.2 % · n 120"). */
  readonly note: string;
  readonly className?: string;
}

/** A vertical bar chart; optional whiskers for intervals. Marks: one rect per bar with a value, one whisker per interval. */
export function barChart(id: string, title: string, desc: string, bars: ReadonlyArray<Bar>, axis: { readonly max?: number; readonly tick: (v: number) => string }): string {
  const top = axis.max ?? topOf(Math.max(0, ...bars.map((b) => Math.max(b.value ?? 0, b.high ?? 0))));
  const slot = PLOT_W / Math.max(1, bars.length);
  const width = Math.min(64, slot * 0.6);
  const xOf = (i: number): number => M.left + slot * (i + 0.5);
  const body = bars
    .map((b, i) => {
      const cx = xOf(i);
      if (b.value === null) return `<text class="note" x="${cx.toFixed(1)}" y="${M.top + PLOT_H - 6}" text-anchor="middle">no data</text>`;
      const y = yOf(b.value, top);
      const rect = `<rect class="bar ${b.className ?? ""}" x="${(cx - width / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${(M.top + PLOT_H - y).toFixed(1)}"><title>${esc(`${b.label}: ${b.note}`)}</title></rect>`;
      const whisker =
        b.low !== undefined && b.low !== null && b.high !== undefined && b.high !== null
          ? `<line class="whisker" x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${yOf(b.low, top).toFixed(1)}" y2="${yOf(b.high, top).toFixed(1)}"/>` +
            `<line class="whisker" x1="${(cx - 6).toFixed(1)}" x2="${(cx + 6).toFixed(1)}" y1="${yOf(b.low, top).toFixed(1)}" y2="${yOf(b.low, top).toFixed(1)}"/>` +
            `<line class="whisker" x1="${(cx - 6).toFixed(1)}" x2="${(cx + 6).toFixed(1)}" y1="${yOf(b.high, top).toFixed(1)}" y2="${yOf(b.high, top).toFixed(1)}"/>`
          : "";
      const noteY = Math.min(y, b.high === undefined || b.high === null ? y : yOf(b.high, top)) - 6;
      return rect + whisker + `<text class="note" x="${cx.toFixed(1)}" y="${Math.max(M.top - 4, noteY).toFixed(1)}" text-anchor="middle">${esc(b.note)}</text>`;
    })
    .join("");
  return frame(id, title, desc, top, axis.tick, body + xLabels(bars.map((b) => b.label), xOf));
}
