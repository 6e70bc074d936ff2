/**
 * Streaming benchmark: 10 000 000 generated ticket logs (about ten events each, epoch-ms `at`), made
 * one at a time and streamed through one accumulator with DDSketch percentiles (α = 0.01): every period
 * KPI but `resolution_survival` (its Kaplan–Meier median keeps every value), grouped by category ×
 * ISO week over 52 weeks. The input is never held, so the memory growth is the accumulator's.
 *
 *   pnpm --filter @supportops/metrics bench   (or: npx tsx --conditions=@supportops/source --expose-gc packages/metrics/bench/stream10m.bench.ts)
 *
 * `BENCH_STREAM_TICKETS` sets the count (default 10 000 000). Prints wall and CPU time, the peak RSS
 * growth and the live heap growth (after a full GC, sampled every million tickets) over the baseline
 * taken before the stream, the load average, and then the same numbers for a sketch and for exact
 * percentiles on the first `BENCH_STREAM_EXACT` tickets (default 1 000 000; 0 skips them), for
 * comparison (their RSS growth is understated: the process already grew). Peak RSS also counts the
 * garbage of the lazily generated input that the collector has not handed back yet; to check that the
 * live state fits a budget, add `--max-old-space-size=<MB>`. The target: under 300 MB beyond
 * the input. A measurement, not a test.
 */
import { loadavg } from "node:os";
import { iterateTicketLogs } from "@supportops/test-utils";
import { createAccumulator, type ReportOptions } from "@supportops/metrics";

const COUNT = Number(process.env["BENCH_STREAM_TICKETS"] ?? 10_000_000);
const EXACT_COUNT = Math.min(COUNT, Number(process.env["BENCH_STREAM_EXACT"] ?? 1_000_000));
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) console.log("(run with --expose-gc for live-heap figures)");
const MB = 1_048_576;

const base: ReportOptions = {
  kpis: ["tickets_resolved", "first_response_time", "resolution_time", "first_contact_resolution", "reopen_rate", "csat"],
  period: { from: "2026-01-05", to: "2027-01-04" },
  asOf: "2027-01-18",
  timeZone: "Europe/Berlin",
  groupBy: ["category"],
  bucket: { unit: "week" },
};

function stream(label: string, count: number, options: ReportOptions): void {
  gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const acc = createAccumulator(options);
  let i = 0;
  for (const log of iterateTicketLogs({ count, seed: 20_260_105, kpiExtras: true, start: "2026-01-05", days: 364 })) {
    acc.add(log);
    i += 1;
    if (i % 100_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (i % 1_000_000 === 0) {
      gc?.();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (count > 1_000_000) {
        const live = (process.memoryUsage().heapUsed - heap0) / MB;
        console.log(`  … ${i} tickets, ${((performance.now() - start) / 1000).toFixed(0)} s wall, live heap +${live.toFixed(0)} MB, peak RSS +${((peakRss - rss0) / MB).toFixed(0)} MB`);
      }
    }
  }
  const rows = acc.result().rows;
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  gc?.();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  // Measured after the memory figures: the JSON string itself is large.
  const stateMB = JSON.stringify(acc.toJSON()).length / MB;
  console.log(
    `${label}: ${count} tickets in ${(wallMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU ` +
      `(${((count / wallMs) * 1000).toFixed(0)} tickets/s wall); ${rows.length} rows; ` +
      `peak RSS +${((peakRss - rss0) / MB).toFixed(0)} MB, live heap +${((peakHeap - heap0) / MB).toFixed(0)} MB, state JSON ${stateMB.toFixed(1)} MB`,
  );
  const frt = rows.filter((r) => r.kpi === "first_response_time").reduce((s, r) => s + r.n, 0);
  console.log(`  first response times sketched: ${frt}; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
}

console.log(`Node ${process.version}; generated lazily (iterateTicketLogs), nothing of the input kept`);
// The big stream first, from a clean baseline (a process's RSS rarely shrinks after a run).
stream("DDSketch α = 0.01", COUNT, { ...base, percentiles: { method: "ddsketch", relativeAccuracy: 0.01 } });
if (EXACT_COUNT > 0) {
  if (COUNT > EXACT_COUNT) stream("DDSketch α = 0.01", EXACT_COUNT, { ...base, percentiles: { method: "ddsketch", relativeAccuracy: 0.01 } });
  stream("exact percentiles", EXACT_COUNT, base);
}
