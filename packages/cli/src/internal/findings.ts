// The "top drivers" and "what changed" findings of `supportops report`: computed with metrics'
// `topDrivers` and `detectChanges`, and written as captioned tables (the HTML panels and the terminal
// section share them).
import type { ChangeCell, ChangeReport, FindingEffect, KpiId, KpiReport, TicketInput, TicketRow, TopDriversResult } from "@supportops/metrics";
import { computeTicketFacts, detectChanges, humanizeDuration, humanizeShare, topDrivers } from "@supportops/metrics";
import type { ReportPanel } from "../renderHtmlReport.js";
import type { TicketFile } from "./readTickets.js";
import { localTime } from "./localTime.js";

/** Business time is written in hours at most: a "day" of 24 business hours would mislead. */
export const BUSINESS = { largestUnit: "h" } as const;

/** Weeks before the last one that "what changed" pools as its baseline, when the period has them. */
const TRAILING_WEEKS = 4;

/** The earliest creation instant of the tickets (ms), or `null` when none has one. */
function earliestCreation(input: TicketFile, asOf: number): number | null {
  let earliest: number | null = null;
  const see = (ms: number): void => {
    if (Number.isFinite(ms) && (earliest === null || ms < earliest)) earliest = ms;
  };
  if (input.kind === "logs") {
    for (const ticket of input.tickets) {
      const facts = computeTicketFacts(ticket, { asOf });
      if (facts !== null) see(facts.createdAt);
    }
  } else {
    for (const row of input.tickets) see(Date.parse(row.created_at));
  }
  return earliest;
}

/** A day of slack: an export covers the previous period when its first ticket came within a day of that period's start. */
const COVERAGE_SLACK_MS = 86_400_000;

/**
 * Top drivers by category of tickets created in the period; against the previous period of equal
 * length (in ms, right before it) when the file covers it: its earliest ticket was created at most a
 * day after that period's start.
 */
export function findDrivers(input: TicketFile, report: KpiReport, notes: string[]): TopDriversResult {
  const { from, to } = report.period;
  const previous = { from: from - (to - from), to: from };
  const earliest = earliestCreation(input, report.asOf);
  const covered = earliest !== null && earliest <= previous.from + COVERAGE_SLACK_MS;
  if (!covered) {
    notes.push(
      `Top drivers: not compared with the previous period (${localTime(previous.from, report.timeZone)} .. ${localTime(previous.to, report.timeZone)}): the file's earliest ticket was created ${earliest === null ? "never" : localTime(earliest, report.timeZone)}, after its start.`,
    );
  }
  const tickets: Iterable<TicketInput | TicketRow> = input.tickets;
  return topDrivers(tickets, {
    period: { from, to },
    timeZone: report.timeZone,
    asOf: report.asOf,
    by: "category",
    measure: "created",
    ...(covered ? { compareTo: previous } : {}),
  });
}

/**
 * What changed: the last week of a weekly report (made with `keepValues`) against the 4 weeks before
 * it pooled, or against the week before when there are fewer; `null` (with a note) with one week.
 */
export function findChanges(weeklyAll: KpiReport, notes: string[]): ChangeReport | null {
  const weeks = new Set(weeklyAll.rows.map((r) => r.bucket.start)).size;
  if (weeks < 2) {
    notes.push("What changed: left out — the period holds fewer than two weeks with data to compare.");
    return null;
  }
  return detectChanges(weeklyAll, { baseline: weeks > TRAILING_WEEKS ? { trailingBuckets: TRAILING_WEEKS } : "previousBucket" });
}

const keyText = (key: string | null): string => key ?? "(none)";
const share = (x: number | null | undefined): string => (x === null || x === undefined ? "—" : humanizeShare(x));

/** The Pareto table as a panel: one row per category. */
export function driversPanel(result: TopDriversResult): ReportPanel {
  const compared = result.compareTo !== undefined;
  const columns = ["category", "tickets", "share", "cumulative", ...(compared ? ["previous period", "previous share", "change", "rate test"] : [])];
  const rows = result.rows.map((r) => {
    const base: Array<string | number> = [keyText(r.key), r.value, share(r.share), share(r.cumulativeShare)];
    if (!compared || r.change === undefined) return base;
    const c = r.change;
    const dir = c.test?.direction === "up" ? "rise" : c.test?.direction === "down" ? "fall" : "change";
    const test = c.test === null ? "not tested (few tickets)" : `${c.significant ? `significant ${dir}` : "no"} (adj. p ${pText(c.test.adjustedPValue)})`;
    return [...base, c.previous, share(c.previousShare), `${c.difference > 0 ? "+" : c.difference < 0 ? "−" : "±"}${Math.abs(c.difference)}`, test];
  });
  const period = `${localTime(result.period.from, result.timeZone)} .. ${localTime(result.period.to, result.timeZone)}`;
  const against = result.compareTo === undefined ? "" : ` against ${localTime(result.compareTo.from, result.timeZone)} .. ${localTime(result.compareTo.to, result.timeZone)} (${result.previousTotal ?? 0} tickets)`;
  return {
    caption: `Tickets created by category, ${period}${against}`,
    columns,
    rows,
    note:
      `${result.total} tickets created in the period (${result.excluded.merged} merged away, left out); sorted by count, cumulative share running down.` +
      (compared ? " Rate test: conditional Poisson test over the two periods' lengths, Benjamini–Hochberg across categories at FDR 5 %; categories with fewer than 20 tickets in both periods together are not tested. A rise of every category with the volume flags them all: compare the shares for a change of mix." : ""),
  };
}

const DURATIONS: ReadonlySet<KpiId> = new Set(["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"]);
const isBusiness = (kpi: KpiId): boolean => kpi.endsWith("_business");
const duration = (kpi: KpiId, ms: number | null): string => humanizeDuration(ms, isBusiness(kpi) ? BUSINESS : {});

function sideText(kpi: KpiId, side: { n: number; value: number | null }): string {
  if (kpi === "tickets_resolved") return String(side.n);
  return `${valueText(kpi, side.value)} (n ${side.n})`;
}

function valueText(kpi: KpiId, value: number | null): string {
  return DURATIONS.has(kpi) ? duration(kpi, value) : humanizeShare(value);
}

function pText(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

const signed = (x: number, text: (v: number) => string): string => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${text(Math.abs(x))}`;

function effectText(kpi: KpiId, e: FindingEffect): string {
  switch (e.kind) {
    case "proportion_difference": {
      const pp = (v: number): string => `${(v * 100).toFixed(1)} pp`;
      return `${e.estimate === null ? "—" : signed(e.estimate, pp)} [${signed(e.low, pp)} … ${e.high === null ? "∞" : signed(e.high, pp)}]`;
    }
    case "rate_ratio": {
      const x = (v: number): string => v.toFixed(2);
      return `× ${e.estimate === null ? "∞" : x(e.estimate)} [${x(e.low)} … ${e.high === null ? "∞" : x(e.high)}]`;
    }
    case "median_difference": {
      const d = (v: number): string => duration(kpi, v);
      return `${e.estimate === null ? "—" : signed(e.estimate, d)} [${signed(e.low, d)} … ${e.high === null ? "∞" : signed(e.high, d)}]`;
    }
  }
}

function verdict(c: ChangeCell): string {
  if (!c.significant) return "no";
  return c.direction === "up" ? "yes, up" : c.direction === "down" ? "yes, down" : "yes";
}

/** The changes as a panel: one row per KPI tested, most significant first. */
export function changesPanel(changes: ChangeReport, timeZone: string): ReportPanel {
  const span = (s: { from: number; to: number }): string => `${localTime(s.from, timeZone)} .. ${localTime(s.to, timeZone)}`;
  const level = `${Math.round((1 - changes.alpha) * 1000) / 10} %`;
  const rows = changes.cells.map((c) => [
    `${c.kpi}${c.provisional === true ? " (provisional)" : ""}`,
    sideText(c.kpi, c.current),
    sideText(c.kpi, c.baseline),
    effectText(c.kpi, c.effect),
    pText(c.adjustedPValue),
    verdict(c),
  ]);
  const skipped = changes.skipped.map((s) => `${s.kpi} (${s.reason.replaceAll("_", " ")})`);
  return {
    caption: `Last week ${span(changes.current)} against ${span(changes.baseline)}`,
    columns: ["kpi", "last week", "baseline", `change [${level} interval]`, "adj. p", "significant"],
    rows,
    note:
      `${changes.tested} KPIs tested, ${changes.significant} significant at FDR ${changes.alpha} (Benjamini–Hochberg). Rates: two-proportion z or Fisher's test, change in percentage points; tickets resolved: Poisson rate test, rate ratio per unit of time; durations: Mann–Whitney U, change of the median (bootstrap interval). Tickets are assumed independent: a burst of related tickets looks like more evidence than it is.` +
      (skipped.length === 0 ? "" : ` Not tested: ${skipped.join(", ")}.`),
  };
}
