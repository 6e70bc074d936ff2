/**
 * SLA engine benchmark (docs/sla-clocks.md): how many tickets per second `evaluate` replays into SLA
 * states, and whether `evaluateMany` streams.
 *
 *   pnpm --filter @supportops/sla bench
 *
 * Workload: 100 000 generated ticket logs (about 10 events each: channels, priorities, business-hours
 * arrivals in Europe/Berlin, replies, notes, bots, pending spans, reopens, merges), one policy with four
 * metrics (first_response, next_response, requester_wait, resolution) on a Mon–Fri 09:00–17:00 calendar
 * with holidays, evaluated at one epoch-ms instant. No npm peer replays ticket logs into SLA states, so
 * this benchmark has no ratio; the calendar benchmark compares the arithmetic underneath with the peers.
 */
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
const raw = generateTicketLogs({ count: N, seed: 7 });
const events = raw.reduce((sum, log) => sum + log.events.length, 0);
const parsed: TicketLog[] = raw.map((log) => parseTicketLog(log.events));

function timeIt(label: string, rounds: number, run: () => number): void {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    sink += run();
    best = Math.min(best, performance.now() - started);
  }
  console.log(`${label.padEnd(44)} ${Math.round((N / best) * 1000).toLocaleString("en-US").padStart(10)} tickets/s  (best of ${rounds}; ${sink > 0 ? "" : "!"})`);
}

console.log(`${N.toLocaleString("en-US")} generated logs, ${(events / N).toFixed(1)} events each on average; ${engine.metrics.length} metrics\n`);
timeIt("evaluate, parsed logs (epoch-ms at)", 5, () => {
  let statuses = 0;
  for (const log of parsed) statuses += engine.evaluate(log, { at }).metrics.length;
  return statuses;
});
timeIt("evaluate, raw logs (epoch-ms times)", 3, () => {
  let statuses = 0;
  for (const log of raw) statuses += engine.evaluate(log.events, { at }).metrics.length;
  return statuses;
});
const iso = generateTicketLogs({ count: N, seed: 7, timeFormat: "iso" });
timeIt("evaluate, raw logs (ISO-8601 times)", 3, () => {
  let statuses = 0;
  for (const log of iso) statuses += engine.evaluate(log.events, { at }).metrics.length;
  return statuses;
});

// evaluateMany streams: 1 000 000 logs generated lazily, results consumed and dropped.
const MANY = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
let peak = before;
let breached = 0;
const started = performance.now();
let seen = 0;
for (const result of engine.evaluateMany(iterateTicketLogs({ count: MANY, seed: 11 }), { at })) {
  if (result.metrics.some((m) => m.status === "breached")) breached += 1;
  if (++seen % 100_000 === 0) {
    gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nevaluateMany over ${MANY.toLocaleString("en-US")} lazily generated raw logs: ${seconds.toFixed(1)} s ` +
    `(${Math.round(MANY / seconds).toLocaleString("en-US")} tickets/s, generation included), ${breached.toLocaleString("en-US")} with a breach; ` +
    `live heap after collection grew by at most ${((peak - before) / 1_048_576).toFixed(1)} MiB${gc === undefined ? " (run with --expose-gc to collect before each sample)" : ""}`,
);
