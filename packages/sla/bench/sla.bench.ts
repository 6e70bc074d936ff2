/**
 * SLA engine benchmark (docs/sla-clocks.md, "Speed"): how many tickets per second `evaluate` replays
 * into SLA states, and whether `evaluateMany` streams.
 *
 *   pnpm --filter @supportops/sla bench        (the calendar benchmark, then this one)
 *   pnpm --filter @supportops/sla bench:sla    (this one only)
 *
 * Workload: 100 000 generated ticket logs (about 10 events each: channels, priorities, business-hours
 * arrivals in Europe/Berlin, replies, notes, bots, pending spans, reopens, merges), one policy with four
 * metrics (first_response, next_response, requester_wait, resolution) on a Mon–Fri 09:00–17:00 calendar
 * with holidays, evaluated at one epoch-ms instant. Each figure is the best of several rounds, by wall
 * time and by the process's CPU time (`process.cpuUsage`), which a busy machine disturbs less.
 * `evaluateMany` then consumes 1 000 000 lazily generated raw logs (SLA_BENCH_MANY=n for another
 * count) while the live heap (after a collection) and the resident set size are sampled.
 * Last, the parsed-log figure once more in a child Node with a bigger young generation
 * (`--max-semi-space-size=64`), to show what garbage collection costs; the headline is Node's defaults.
 * No npm peer replays ticket logs into SLA states, so this benchmark has no ratio; the calendar
 * benchmark compares the arithmetic underneath with the peers.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { parseTicketLog, type TicketLog } from "@supportops/core";
import { generateTicketLogs, iterateTicketLogs } from "@supportops/test-utils";
import { createSlaEngine } from "@supportops/sla";

const week = [["09:00", "17:00"]] as const;
const engine = createSlaEngine({
  calendars: {
    support: {
      timeZone: "Europe/Berlin",
      weekly: { mon: week, tue: week, wed: week, thu: week, fri: week },
      holidays: ["2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-06-04", "2026-10-03", "2026-12-25"],
    },
  },
  policies: [
    {
      id: "standard",
      calendar: "support",
      targets: {
        first_response: { urgent: "PT30M", high: "PT1H", normal: "PT4H", low: "PT8H" },
        next_response: { urgent: "PT1H", high: "PT2H", normal: "PT8H", low: "PT16H" },
        requester_wait: { urgent: "PT4H", high: "PT8H", normal: "PT16H", low: "PT24H" },
        resolution: { urgent: { duration: "PT8H", calendar: "24x7" }, high: "PT16H", normal: "PT40H", low: "PT80H" },
      },
    },
  ],
});

const N = 100_000;
const at = Date.parse("2026-03-01T00:00:00Z");
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
const perSecond = (count: number, ms: number): string => Math.round((count / ms) * 1000).toLocaleString("en-US").padStart(10);
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

function timeIt(label: string, rounds: number, run: () => number): void {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    sink += run();
    bestWall = Math.min(bestWall, performance.now() - started);
    bestCpu = Math.min(bestCpu, cpuMs(cpu));
  }
  console.log(`${label.padEnd(40)} ${perSecond(N, bestCpu)} tickets/s by CPU time, ${perSecond(N, bestWall)} by wall time  (best of ${rounds}${sink > 0 ? "" : "; no states!"})`);
}

/** `evaluate` over the 100 000 logs, parsed and raw; the logs are garbage once it returns. */
function throughput(): void {
  const raw = generateTicketLogs({ count: N, seed: 7 });
  const events = raw.reduce((sum, log) => sum + log.events.length, 0);
  const parsed: TicketLog[] = raw.map((log) => parseTicketLog(log.events));
  console.log(`\nevaluate over ${N.toLocaleString("en-US")} generated logs, ${(events / N).toFixed(1)} events each on average; load average ${load()}`);
  timeIt("evaluate, parsed logs (epoch-ms at)", 7, () => {
    let statuses = 0;
    for (const log of parsed) statuses += engine.evaluate(log, { at }).metrics.length;
    return statuses;
  });
  timeIt("evaluate, raw logs (epoch-ms times)", 4, () => {
    let statuses = 0;
    for (const log of raw) statuses += engine.evaluate(log.events, { at }).metrics.length;
    return statuses;
  });
  const iso = generateTicketLogs({ count: N, seed: 7, timeFormat: "iso" });
  timeIt("evaluate, raw logs (ISO-8601 times)", 4, () => {
    let statuses = 0;
    for (const log of iso) statuses += engine.evaluate(log.events, { at }).metrics.length;
    return statuses;
  });
}

/** `evaluateMany` over lazily generated logs, with the heap and the resident set sampled. */
function streaming(): void {
  // evaluateMany streams: raw logs generated lazily, each result consumed and dropped. Were the results
  // (or the logs) kept, the heap would grow by hundreds of MiB over a million tickets.
  const MANY = Number(process.env["SLA_BENCH_MANY"] ?? 1_000_000);
  const SAMPLE_EVERY = 50_000;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let breached = 0;
  let seen = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const result of engine.evaluateMany(iterateTicketLogs({ count: MANY, seed: 11 }), { at })) {
    if (result.metrics.some((m) => m.status === "breached")) breached += 1;
    if (++seen % SAMPLE_EVERY === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      gc?.();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  }
  const wallMs = performance.now() - started;
  const usedCpuMs = cpuMs(cpu);
  const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MiB`;
  console.log(
    `\nevaluateMany over ${MANY.toLocaleString("en-US")} lazily generated raw logs (generation and parsing included): ` +
      `${(usedCpuMs / 1000).toFixed(1)} s CPU, ${(wallMs / 1000).toFixed(1)} s wall (${perSecond(MANY, usedCpuMs).trim()} tickets/s by CPU time); ` +
      `${breached.toLocaleString("en-US")} with a breach.\n` +
      `  live heap after collection: ${mib(before.heapUsed)} before, at most ${mib(peakHeap)} while streaming (+${mib(peakHeap - before.heapUsed)})` +
      `${gc === undefined ? " (run with --expose-gc to collect before each sample)" : ""}\n` +
      `  resident set size: ${mib(before.rss)} before, at most ${mib(peakRss)} while streaming (+${mib(peakRss - before.rss)}); ` +
      `sampled every ${SAMPLE_EVERY.toLocaleString("en-US")} tickets; load average ${load()}`,
  );
}

/**
 * The parsed-log figure again in a child Node with a 64 MiB young generation (`--max-semi-space-size=64`),
 * to show what the garbage collector costs; the headline figures above are Node's defaults.
 */
function biggerYoungGeneration(): void {
  const child = spawnSync(process.execPath, [...process.execArgv, "--max-semi-space-size=64", process.argv[1] as string], {
    env: { ...process.env, SLA_BENCH_CHILD: "parsed" },
    encoding: "utf8",
  });
  const line = child.stdout.trim();
  console.log(child.status === 0 && line !== "" ? `${line}  [child Node, --max-semi-space-size=64]` : `(the --max-semi-space-size=64 child failed: ${child.stderr.trim().split("\n")[0] ?? ""})`);
}

if (process.env["SLA_BENCH_CHILD"] === "parsed") {
  const parsed: TicketLog[] = generateTicketLogs({ count: N, seed: 7 }).map((log) => parseTicketLog(log.events));
  timeIt("evaluate, parsed logs (epoch-ms at)", 7, () => {
    let statuses = 0;
    for (const log of parsed) statuses += engine.evaluate(log, { at }).metrics.length;
    return statuses;
  });
} else {
  // The stream first, while the heap holds nothing else, so that what it adds shows.
  console.log(`SLA engine: ${engine.metrics.length} metrics (${engine.metrics.join(", ")})`);
  streaming();
  (globalThis as { gc?: () => void }).gc?.();
  throughput();
  biggerYoungGeneration();
}
