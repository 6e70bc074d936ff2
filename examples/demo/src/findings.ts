import { readFileSync } from "node:fs";
import { detectChanges, kpiReport, repeatContactRate, topDrivers } from "@supportops/metrics";

// The generated sample the analyst example ships (2 000 tickets, Europe/Berlin, January–February 2026).
const SAMPLE = new URL("../../analyst-report/data/tickets.jsonl", import.meta.url);

const percent = (share: number | null): string => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * What changed and the top drivers: the four weeks from 2 February against the four before (equal
 * spans the sample covers in full: a partly covered month would look like a change), and the last
 * week against the four before it.
 */
export function findingsDemo(): string[] {
  const tickets = readFileSync(SAMPLE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; events: unknown[] });
  const zone = "Europe/Berlin";

  const drivers = topDrivers(tickets, {
    period: { from: "2026-02-02", to: "2026-03-02" },
    compareTo: { from: "2026-01-05", to: "2026-02-02" },
    timeZone: zone,
    asOf: "2026-03-05",
    by: "category",
    measure: "created",
  });
  const lines = [`Top drivers of new tickets, 2 February–1 March against the four weeks before (${drivers.total} vs ${drivers.previousTotal ?? 0}):`, ""];
  for (const row of drivers.rows.slice(0, 6)) {
    const change = row.change;
    const flag = change === undefined ? "" : change.test === null ? "  (too few to test)" : change.significant ? `  significant ${change.test.direction}` : "  no real change";
    lines.push(`  ${(row.key ?? "(none)").padEnd(12)}${String(row.value).padStart(5)}  ${percent(row.share).padStart(7)}  cum ${percent(row.cumulativeShare).padStart(7)}  ${signed(change?.difference ?? 0).padStart(5)}${flag}`);
  }

  const report = kpiReport(tickets, {
    kpis: ["tickets_resolved", "first_response_time", "resolution_time", "reopen_rate", "csat"],
    period: { from: "2026-01-05", to: "2026-03-02" },
    asOf: "2026-03-12",
    timeZone: zone,
    bucket: { unit: "week" },
    keepValues: true,
  });
  const changes = detectChanges(report, { baseline: { trailingBuckets: 4 } });
  lines.push("", `What changed in the week of 23 February against the four weeks before (${changes.tested} cells tested, FDR ${changes.alpha}):`, "");
  for (const cell of changes.cells) {
    const e = cell.effect;
    const effect =
      e.kind === "median_difference"
        ? `median ${signed(Math.round((e.estimate ?? 0) / 60_000))} min [${Math.round(e.low / 60_000)}, ${Math.round((e.high ?? 0) / 60_000)}]`
        : e.kind === "rate_ratio"
          ? `rate × ${e.estimate?.toFixed(2) ?? "∞"} [${e.low.toFixed(2)}, ${e.high?.toFixed(2) ?? "∞"}]`
          : `${signed(Math.round((e.estimate ?? 0) * 1000) / 10)} pts [${(e.low * 100).toFixed(1)}, ${((e.high ?? 0) * 100).toFixed(1)}]`;
    lines.push(`  ${cell.kpi.padEnd(22)}${cell.significant ? `CHANGED ${cell.direction}`.padEnd(14) : "no change".padEnd(14)}n ${cell.current.n} vs ${cell.baseline.n}; ${effect}; ${cell.test}, adjusted p ${cell.adjustedPValue.toFixed(3)}`);
  }

  const repeats = repeatContactRate(tickets, { period: { from: "2026-02-01", to: "2026-03-01" }, timeZone: zone, asOf: "2026-03-05", window: "P7D" });
  lines.push("", `Repeat contact rate in February (7 days): ${percent(repeats.value)} of ${repeats.n} tickets (${repeats.excluded.noRequester} without a requester, ${repeats.excluded.merged} merged away).`);
  return lines;
}
