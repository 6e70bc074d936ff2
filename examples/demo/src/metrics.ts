import { readFileSync } from "node:fs";
import {
  csat,
  firstContactResolution,
  firstResponseTime,
  reopenRate,
  resolutionSurvival,
  resolutionTime,
  ticketsResolved,
  type KpiResult,
} from "@supportops/metrics";

// The generated sample the analyst example ships (2 000 tickets, Europe/Berlin, January–February 2026).
const SAMPLE = new URL("../../analyst-report/data/tickets.jsonl", import.meta.url);

const hours = (ms: number | null): string => (ms === null ? "—" : `${(ms / 3_600_000).toFixed(1)} h`);
const percent = (share: number | null): string => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);
const excluded = (result: KpiResult): string =>
  Object.entries(result.excluded)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(", ") || "—";

/** A KPI table for February 2026 over the sample export: value, n, exclusions and the figure beside it. */
export function metricsDemo(): string[] {
  const tickets = readFileSync(SAMPLE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; events: unknown[] });
  const options = { period: { from: "2026-02-01", to: "2026-03-01" }, timeZone: "Europe/Berlin", asOf: "2026-03-05" } as const;

  const resolved = ticketsResolved(tickets, options);
  const frt = firstResponseTime(tickets, options);
  const mttr = resolutionTime(tickets, options);
  const fcr = firstContactResolution(tickets, options);
  const reopen = reopenRate(tickets, options);
  const sat = csat(tickets, options);
  const survival = resolutionSurvival(tickets, options);

  const table: Array<[string, string, number, string, string]> = [
    ["tickets resolved", String(resolved.value), resolved.n, excluded(resolved), "latest resolution in February, still resolved on 1 March"],
    ["first response time (median)", hours(frt.value), frt.n, excluded(frt), `p90 ${hours(frt.stats.p90)}; ${frt.stats.awaitingFirstReply} still waiting`],
    ["resolution time (median)", hours(mttr.value), mttr.n, excluded(mttr), `${mttr.stats.open} open, censored ${percent(mttr.stats.censoredFraction)}`],
    ["first contact resolution", percent(fcr.value), fcr.n, excluded(fcr), `95 % CI ${percent(fcr.stats.ci?.low ?? null)}–${percent(fcr.stats.ci?.high ?? null)}${fcr.provisional === true ? ", provisional" : ""}`],
    ["reopen rate", percent(reopen.value), reopen.n, excluded(reopen), `${reopen.stats.pendingWindow} windows still open${reopen.provisional === true ? ", provisional" : ""}`],
    ["CSAT (4–5 of 5)", percent(sat.value), sat.n, excluded(sat), `mean ${sat.stats.mean?.toFixed(2) ?? "—"}`],
    ["time to resolution (Kaplan–Meier)", hours(survival.value), survival.n, excluded(survival), `resolved-only median ${hours(survival.stats.naiveMedian)}`],
  ];
  const widths = [35, 10, 6, 34];
  const pad = (text: string, width: number): string => text.padEnd(width);
  return [
    `February 2026 in Europe/Berlin, as known on 5 March (${tickets.length} tickets in the sample):`,
    "",
    `${pad("KPI", widths[0]!)}${pad("value", widths[1]!)}${pad("n", widths[2]!)}${pad("excluded", widths[3]!)}note`,
    ...table.map(([name, value, n, ex, note]) => `${pad(name, widths[0]!)}${pad(value, widths[1]!)}${pad(String(n), widths[2]!)}${pad(ex, widths[3]!)}${note}`),
    "",
    "Reopen windows (7 days) end on 8 March, so the two rates are still provisional.",
  ];
}
