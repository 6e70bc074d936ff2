/**
 * Streaming benchmark: 10 000 000 generated ticket logs (about ten events each, epoch-ms `at`), made
 * one at a time and streamed through one accumulator with DDSketch percentiles (α = 0.01): every period
 * KPI but `resolution_survival` (its Kaplan–Meier median keeps every value), grouped by category ×
 * ISO week over 52 weeks. The input is never held, so the memory growth is the accumulator's.
 *
 *   pnpm --filter @supportops/metrics bench   (or: npx tsx --conditions=@supportops/source --expose-gc packages/metrics/bench/stream10m.bench.ts)
 *
 * Each stream runs in a child process of its own (a clean baseline). The DDSketch stream's child runs
 * with a heap cap, `--max-old-space-size=<BENCH_STREAM_BUDGET_MB>` (default 300, the target:
 * under 300 MB beyond the input): finishing at all shows that the live state — the accumulator, the
 * report and the serialised state (`JSON.stringify(acc.toJSON())`) — fits the budget, whatever garbage
 * an uncapped collector would let pile up. Each child prints wall and CPU time, the peak RSS growth over
 * the baseline taken before the stream (the process's `maxRSS` minus its RSS then, so a true peak, the
 * serialisation included), the live heap growth (V8 heap plus external memory such as typed arrays,
 * after a full GC, sampled every million tickets, at the
 * end, and while serialising: with the `toJSON()` object alive, then with its JSON string too), the
 * size of the state JSON, and the load average.
 *
 * `BENCH_STREAM_TICKETS` sets the count (default 10 000 000); `BENCH_STREAM_EXACT` the tickets of the
 * comparison runs (a sketch and exact percentiles, uncapped; default 1 000 000; 0 skips them). A
 * measurement, not a test.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { iterateTicketLogs } from "@supportops/test-utils";
import { createAccumulator, type ReportOptions } from "@supportops/metrics";

const MB = 1_048_576;

const base: ReportOptions = {
  kpis: ["tickets_resolved", "first_response_time", "resolution_time", "first_contact_resolution", "reopen_rate", "csat"],
  period: { from: "2026-01-05", to: "2027-01-04" },
  asOf: "2027-01-18",
  timeZone: "Europe/Berlin",
  groupBy: ["category"],
  bucket: { unit: "week" },
};

interface Job {
  readonly label: string;
  readonly count: number;
  readonly sketch: boolean;
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/** The live memory the accumulator can hold: the V8 heap and the typed arrays' backing stores outside it. */
function live(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** The child: one stream, its figures on stdout. */
function stream(job: Job): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  const options: ReportOptions = job.sketch ? { ...base, percentiles: { method: "ddsketch", relativeAccuracy: 0.01 } } : base;
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = live();
  let peakHeap = heap0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const acc = createAccumulator(options);
  let i = 0;
  for (const log of iterateTicketLogs({ count: job.count, seed: 20_260_105, kpiExtras: true, start: "2026-01-05", days: 364 })) {
    acc.add(log);
    i += 1;
    if (i % 1_000_000 === 0) {
      gc();
      peakHeap = Math.max(peakHeap, live());
      if (job.count > 1_000_000) {
        const grown = (live() - heap0) / MB;
        const peakRss = process.resourceUsage().maxRSS * 1024;
        console.log(`  … ${i} tickets, ${((performance.now() - start) / 1000).toFixed(0)} s wall, live heap +${grown.toFixed(0)} MB, peak RSS +${((peakRss - rss0) / MB).toFixed(0)} MB`);
      }
    }
  }
  const rows = acc.result().rows;
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  gc();
  const liveEnd = live();
  peakHeap = Math.max(peakHeap, liveEnd);
  // The serialisation's peak: the toJSON() object and its JSON string, both alive.
  const cpuJson0 = process.cpuUsage();
  const object = acc.toJSON();
  gc();
  const liveWithObject = live();
  const state = JSON.stringify(object);
  const jsonCpu = process.cpuUsage(cpuJson0);
  gc();
  const liveWithJson = live();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${job.label}: ${job.count} tickets in ${(wallMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU ` +
      `(${((job.count / wallMs) * 1000).toFixed(0)} tickets/s wall); ${rows.length} rows; ` +
      `peak RSS +${((peakRss - rss0) / MB).toFixed(0)} MB, live heap and external +${((peakHeap - heap0) / MB).toFixed(0)} MB ` +
      `(at the end +${((liveEnd - heap0) / MB).toFixed(0)} MB; serialising: with the toJSON() object +${((liveWithObject - heap0) / MB).toFixed(0)} MB, ` +
      `and its JSON string too +${((liveWithJson - heap0) / MB).toFixed(0)} MB); state JSON ${(state.length / MB).toFixed(1)} MB (${((jsonCpu.user + jsonCpu.system) / 1e6).toFixed(1)} s CPU)`,
  );
  const frt = rows.filter((r) => r.kpi === "first_response_time").reduce((s, r) => s + r.n, 0);
  console.log(`  first response times sketched: ${frt}; baseline RSS ${(rss0 / MB).toFixed(0)} MB, heap and external ${(heap0 / MB).toFixed(0)} MB; load average ${load()}`);
}

/** The parent: each job in a child process, with this process's loader flags (tsx) and `extra` flags. */
function runChild(job: Job, extra: ReadonlyArray<string>): void {
  const flags = [...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")), "--expose-gc", ...extra];
  console.log(`node ${extra.join(" ") || "(no heap cap)"} — ${job.label}, ${job.count} tickets; load average ${load()}`);
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_STREAM_JOB: JSON.stringify(job) },
    stdio: "inherit",
  });
  if (child.status !== 0) console.log(`  the child failed (exit ${String(child.status)}, signal ${String(child.signal)}): the run did not fit`);
}

const jobJson = process.env["BENCH_STREAM_JOB"];
if (jobJson !== undefined) stream(JSON.parse(jobJson) as Job);
else {
  const count = Number(process.env["BENCH_STREAM_TICKETS"] ?? 10_000_000);
  const exactCount = Math.min(count, Number(process.env["BENCH_STREAM_EXACT"] ?? 1_000_000));
  const budget = Number(process.env["BENCH_STREAM_BUDGET_MB"] ?? 300);
  console.log(`Node ${process.version}; generated lazily (iterateTicketLogs), nothing of the input kept`);
  runChild({ label: "DDSketch α = 0.01", count, sketch: true }, [`--max-old-space-size=${budget}`]);
  if (exactCount > 0) {
    if (count > exactCount) runChild({ label: "DDSketch α = 0.01", count: exactCount, sketch: true }, []);
    runChild({ label: "exact percentiles", count: exactCount, sketch: false }, []);
  }
}
