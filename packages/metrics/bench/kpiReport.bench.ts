/**
 * kpiReport benchmark: a full default report (every period KPI) grouped by category × ISO week over
 * 100 000 generated ticket logs (about ten events each, epoch-ms `at`, plain objects in memory), once
 * from raw logs (validated by core's parseTicketLog) and once from logs parsed beforehand.
 *
 *   npx tsx --conditions=@supportops/source --expose-gc packages/metrics/bench/kpiReport.bench.ts
 *
 * Prints the best of three wall times and tickets/s. `BENCH_TICKETS` sets the count (default 100 000).
 * The target is 1 000 000 logs in ≤ 5 s; this is the measurement to start from, not a test.
 */
import { parseTicketLog } from "@supportops/core";
import { generateTicketLogs } from "@supportops/test-utils";
import { kpiReport, type ReportOptions } from "@supportops/metrics";

const COUNT = Number(process.env["BENCH_TICKETS"] ?? 100_000);
const logs = generateTicketLogs({ count: COUNT, seed: 20_260_101, kpiExtras: true, start: "2026-01-05", days: 84 });
const events = logs.reduce((sum, log) => sum + log.events.length, 0);
const parsed = logs.map((log) => ({ id: log.id, events: parseTicketLog(log.events) }));
const options: ReportOptions = {
  period: { from: "2026-01-05", to: "2026-03-30" },
  asOf: "2026-04-13",
  timeZone: "Europe/Berlin",
  groupBy: ["category"],
  bucket: { unit: "week" },
};

function best(label: string, run: () => number): void {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    rows = run();
    times.push(performance.now() - start);
  }
  const ms = Math.min(...times);
  console.log(`${label}: ${ms.toFixed(0)} ms best of 3 (${((COUNT / ms) * 1000).toFixed(0)} tickets/s), ${rows} rows`);
}

console.log(`${COUNT} tickets, ${events} events (${(events / COUNT).toFixed(1)} per ticket); Node ${process.version}`);
best("kpiReport, raw logs (validated)", () => kpiReport(logs, options).rows.length);
best("kpiReport, parsed logs", () => kpiReport(parsed, options).rows.length);
const heap = process.memoryUsage().heapUsed;
console.log(`heap in use after the runs: ${(heap / 1_048_576).toFixed(0)} MB (input included)`);
