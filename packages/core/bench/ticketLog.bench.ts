/**
 * Ticket-log benchmark: parseTicketLog on epoch-ms and on ISO-8601 logs, and summarizeTicket on
 * parsed logs, against validating the same events with the zod schema alone, in one process.
 *
 *   npx tsx --conditions=@supportops/source --expose-gc packages/core/bench/ticketLog.bench.ts
 *
 * Workload: 20 000 generated logs (about ten events each, Europe/Berlin, seed 20260309), once with
 * `at` as epoch milliseconds and once as ISO strings with offset (the same logs). Prints events/s and
 * logs/s, and the ratio to the zod-only peer, by wall time (tinybench) and by CPU time (best of a few
 * passes; steadier when other processes share the machine). `BENCH_TIME_MS` sets the time per task
 * (default 1500).
 */
import { Bench } from "tinybench";
import { TicketEventSchema, parseTicketLog, summarizeTicket, type TicketLog } from "@supportops/core";
import { generateTicketLogs } from "@supportops/test-utils";

const LOGS = 20_000;
const BATCH = 1_000;
const SEED = 20_260_309;

const epochLogs = generateTicketLogs({ count: LOGS, seed: SEED }).map((log) => log.events);
const isoLogs = generateTicketLogs({ count: LOGS, seed: SEED, timeFormat: "iso" }).map((log) => log.events);
const parsedLogs: TicketLog[] = epochLogs.map((events) => parseTicketLog(events));
const totalEvents = epochLogs.reduce((sum, events) => sum + events.length, 0);
const eventsPerLog = totalEvents / LOGS;
// One "now" after every event of every log, so each summary walks its whole log.
const asOf = Math.max(...parsedLogs.map((log) => (log[log.length - 1] as { at: number }).at)) + 86_400_000;

let sink = 0;
let cursor = 0;

/** A task that runs `op` over the next `BATCH` logs, resuming where the last call stopped. */
function overLogs<T>(logs: ReadonlyArray<T>, op: (log: T) => number): () => void {
  return () => {
    let acc = 0;
    let i = cursor;
    for (let k = 0; k < BATCH; k++) {
      acc += op(logs[i] as T);
      if (++i === LOGS) i = 0;
    }
    cursor = i;
    sink += acc;
  };
}

/** The peer a caller would otherwise write: each event through `TicketEventSchema`, no log rules. */
function zodOnly(events: ReadonlyArray<unknown>): number {
  let ok = 0;
  for (const event of events) if (TicketEventSchema.safeParse(event).success) ok += 1;
  return ok;
}

const TASKS = {
  parseEpoch: "parseTicketLog, at as epoch ms",
  parseIso: "parseTicketLog, at as ISO string",
  zodEpoch: "TicketEventSchema.safeParse per event, epoch ms",
  zodIso: "TicketEventSchema.safeParse per event, ISO string",
  summarize: "summarizeTicket, parsed log",
} as const;

const bench = new Bench({ name: "ticket logs", time: Number(process.env["BENCH_TIME_MS"] ?? 1500), warmupTime: 300 });
bench.add(TASKS.parseEpoch, overLogs(epochLogs, (events) => parseTicketLog(events).length));
bench.add(TASKS.parseIso, overLogs(isoLogs, (events) => parseTicketLog(events).length));
bench.add(TASKS.zodEpoch, overLogs(epochLogs, zodOnly));
bench.add(TASKS.zodIso, overLogs(isoLogs, zodOnly));
bench.add(TASKS.summarize, overLogs(parsedLogs, (log) => summarizeTicket(log, { at: asOf }).reopenCount));

await bench.run();

const logsPerSecond = new Map<string, number>();
const rows: Array<Record<string, string>> = [];
for (const task of bench.tasks) {
  const period = (task.result as { period?: number } | undefined)?.period;
  if (period === undefined) continue;
  const logs = (BATCH * 1000) / period;
  logsPerSecond.set(task.name, logs);
  rows.push({
    task: task.name,
    "logs/s": Math.round(logs).toLocaleString("en-US"),
    "events/s": Math.round(logs * eventsPerLog).toLocaleString("en-US"),
    "µs/log": ((period * 1000) / BATCH).toFixed(3),
  });
}
console.log(`\nThroughput (one core; ${LOGS.toLocaleString("en-US")} logs, ${eventsPerLog.toFixed(2)} events per log on average)`);
console.table(rows);

// ---- the same work timed in CPU time: on a shared machine, other processes inflate wall time ----
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
/** Logs per CPU-second of `op` over all the logs, best of `passes` passes. */
function cpuRate<T>(logs: ReadonlyArray<T>, op: (log: T) => number, passes = 5): number {
  let best = 0;
  for (let pass = 0; pass < passes; pass++) {
    const started = cpuMs();
    let acc = 0;
    for (const log of logs) acc += op(log);
    sink += acc;
    best = Math.max(best, (logs.length * 1000) / Math.max(cpuMs() - started, 1e-3));
  }
  return best;
}
const cpuLogsPerSecond = new Map<string, number>([
  [TASKS.parseEpoch, cpuRate(epochLogs, (events) => parseTicketLog(events).length)],
  [TASKS.parseIso, cpuRate(isoLogs, (events) => parseTicketLog(events).length)],
  [TASKS.zodEpoch, cpuRate(epochLogs, zodOnly, 2)],
  [TASKS.zodIso, cpuRate(isoLogs, zodOnly, 2)],
  [TASKS.summarize, cpuRate(parsedLogs, (log) => summarizeTicket(log, { at: asOf }).reopenCount)],
]);

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
for (const [label, rates] of [
  ["wall time (tinybench)", logsPerSecond],
  ["CPU time (best of 5 passes over all logs)", cpuLogsPerSecond],
] as const) {
  console.log(`\nAgainst the targets, by ${label}`);
  const eventsPerSecond = (name: string): number => (rates.get(name) ?? 0) * eventsPerLog;
  for (const [ours, peer, target] of [
    [TASKS.parseEpoch, TASKS.zodEpoch, 1_500_000],
    [TASKS.parseIso, TASKS.zodIso, 750_000],
  ] as const) {
    const mine = eventsPerSecond(ours);
    console.log(`${ours}: ${fmt(mine)} events/s; ${(mine / eventsPerSecond(peer)).toFixed(1)}× zod alone; target ${fmt(target)} (${mine >= target ? "met" : "missed"})`);
  }
  const summaries = rates.get(TASKS.summarize) ?? 0;
  console.log(`${TASKS.summarize}: ${fmt(summaries)} logs/s; target 1,000,000 (${summaries >= 1_000_000 ? "met" : "missed"})`);
}

// ---- allocation per parsed event ----
{
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    const keep: TicketLog[] = [];
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5_000; i++) keep.push(parseTicketLog(epochLogs[i] as ReadonlyArray<unknown>));
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    const events = keep.reduce((sum, log) => sum + log.length, 0);
    console.log(`memory: a parsed log holds ${(grown / keep.length).toFixed(0)} bytes (${(grown / events).toFixed(0)} bytes per event), measured over ${keep.length} logs`);
  }
}
if (sink === 42) console.log("");
