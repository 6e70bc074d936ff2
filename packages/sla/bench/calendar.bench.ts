/**
 * Business-calendar benchmark (docs/calendars.md, "Benchmark"): @supportops/sla against moment-business-time and
 * dayjs-business-time on the same workload, in one process.
 *
 *   pnpm --filter @supportops/sla bench
 *
 * Workload: Mon–Fri 09:00–17:00 America/New_York with 10 holidays a year; add 0–10 000 business
 * minutes to random instants in 2025–2027; business time between random pairs up to 60 days apart.
 * Prints ops/s and ratios, createCalendar time, memory of a calendar used across 10 years, and where
 * the peers' answers differ from ours.
 */
import "./setTimeZone.js";
import { Bench } from "tinybench";
import { createCalendar, type BusinessCalendar, type CalendarDefinition } from "@supportops/sla";
import type { Calendar } from "../src/internal/Calendar.js";
import { NINE_TO_FIVE, dayjsPeer, momentPeer, type Peer } from "./peers.js";
import { DAY, HOLIDAYS, MINUTE, ZONE, makeWorkload, usHolidays } from "./workload.js";

const nineToFive = [["09:00", "17:00"]] as const;
const definition: CalendarDefinition = {
  timeZone: ZONE,
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: HOLIDAYS,
};

const N = 100_000;
const { starts, durations, ends } = makeWorkload(N);

// ---- cold costs, measured once before anything is warm ----
let t0 = performance.now();
const cal = createCalendar(definition);
const firstCreateMs = performance.now() - t0;
t0 = performance.now();
cal.addBusinessMs(starts[0] as number, durations[0] as number);
const firstChunkMs = performance.now() - t0;
for (let i = 0; i < N; i++) cal.businessMsBetween(starts[i] as number, ends[i] as number); // compile 2025–2028

// ---- throughput ----
let sink = 0;
const OURS_BATCH = 10_000;
const PEER_BATCH = 20;
let cursor = 0;
const nextIndex = (): number => (cursor = (cursor + 1) % N);

/** A task running `batch` operations of a peer over the workload, resuming where the last call stopped. */
function task(batch: number, op: (i: number) => number): () => void {
  return () => {
    let acc = 0;
    let i = cursor;
    for (let k = 0; k < batch; k++) {
      acc += op(i);
      if (++i === N) i = 0;
    }
    cursor = i;
    sink += acc;
  };
}

// Our loops are written out (not passed through `task`) so that the call site stays monomorphic, as
// it would be in a caller's own bulk loop.
function ours(op: "add" | "between"): () => void {
  return op === "add"
    ? () => {
        let acc = 0;
        let i = cursor;
        for (let k = 0; k < OURS_BATCH; k++) {
          acc += cal.addBusinessMs(starts[i] as number, durations[i] as number);
          if (++i === N) i = 0;
        }
        cursor = i;
        sink += acc;
      }
    : () => {
        let acc = 0;
        let i = cursor;
        for (let k = 0; k < OURS_BATCH; k++) {
          acc += cal.businessMsBetween(starts[i] as number, ends[i] as number);
          if (++i === N) i = 0;
        }
        cursor = i;
        sink += acc;
      };
}

function peer(p: Peer, op: "add" | "between"): () => void {
  return op === "add"
    ? task(PEER_BATCH, (i) => p.add(starts[i] as number, durations[i] as number))
    : task(PEER_BATCH, (i) => p.between(starts[i] as number, ends[i] as number));
}

const bench = new Bench({ name: "business calendars", time: Number(process.env["BENCH_TIME_MS"] ?? 1500), warmupTime: 300 });
const batchOf = new Map<string, number>();
for (const op of ["add", "between"] as const) {
  const label = op === "add" ? "addBusinessMs" : "businessMsBetween";
  bench.add(`@supportops/sla ${label}`, ours(op));
  batchOf.set(`@supportops/sla ${label}`, OURS_BATCH);
  for (const p of [momentPeer, dayjsPeer]) {
    bench.add(`${p.name} ${op === "add" ? "add" : "diff"}`, peer(p, op));
    batchOf.set(`${p.name} ${op === "add" ? "add" : "diff"}`, PEER_BATCH);
  }
}
bench.add("createCalendar (30 holidays)", () => {
  sink += createCalendar(definition).timeZone.length;
});
batchOf.set("createCalendar (30 holidays)", 1);
bench.add("createCalendar + first use (compiles one chunk)", () => {
  sink += createCalendar(definition).addBusinessMs(starts[nextIndex()] as number, 60_000);
});
batchOf.set("createCalendar + first use (compiles one chunk)", 1);

await bench.run();

const opsPerSecond = new Map<string, number>();
const rows: Array<Record<string, string>> = [];
for (const task of bench.tasks) {
  const result = task.result as { period?: number } | undefined;
  const period = result?.period;
  if (period === undefined) continue;
  const ops = ((batchOf.get(task.name) ?? 1) * 1000) / period;
  opsPerSecond.set(task.name, ops);
  rows.push({ task: task.name, "ops/s": Math.round(ops).toLocaleString("en-US"), "µs/op": ((period * 1000) / (batchOf.get(task.name) ?? 1)).toFixed(3) });
}
console.log("\nThroughput (one core, same workload, same process)");
console.table(rows);

for (const [op, ourName] of [["add", "@supportops/sla addBusinessMs"], ["diff", "@supportops/sla businessMsBetween"]] as const) {
  const mine = opsPerSecond.get(ourName) ?? 0;
  const peers = [momentPeer, dayjsPeer].map((p) => ({ name: p.name, ops: opsPerSecond.get(`${p.name} ${op}`) ?? 0 }));
  const fastest = Math.max(...peers.map((p) => p.ops));
  console.log(
    `${ourName}: ${Math.round(mine).toLocaleString("en-US")} ops/s; ` +
      peers.map((p) => `${(mine / p.ops).toFixed(0)}× ${p.name}`).join(", ") +
      `; ${(mine / fastest).toFixed(0)}× the fastest peer`,
  );
}
console.log(`cold: first createCalendar ${firstCreateMs.toFixed(2)} ms (includes JIT warm-up); first chunk compile incl. the zone's offset scan ${firstChunkMs.toFixed(2)} ms`);

// ---- allocation in the hot path ----
{
  const gcNow = (globalThis as { gc?: () => void }).gc;
  gcNow?.();
  let local = 0;
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1_000_000; i++) {
    const j = i % N;
    local += cal.addBusinessMs(starts[j] as number, durations[j] as number) - cal.businessMsBetween(starts[j] as number, ends[j] as number);
  }
  const grown = process.memoryUsage().heapUsed - before;
  sink += local;
  // Epoch milliseconds do not fit V8's small integers, so a number returned from a call that is not
  // inlined may be boxed by the engine; the library itself creates no objects on this path.
  console.log(`allocation: heap grew by ${(grown / 1024).toFixed(1)} KiB (${(grown / 2_000_000).toFixed(2)} bytes/op) over 1 000 000 addBusinessMs + 1 000 000 businessMsBetween (no GC in between)`);
}

// ---- memory of a calendar used across 10 years ----
function useTenYears(): BusinessCalendar {
  const c = createCalendar({ ...definition, holidays: usHolidays([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]) });
  const from = Date.parse("2025-01-01T00:00:00Z");
  sink += c.businessMsBetween(from, from + 3652 * DAY);
  for (let i = 0; i < 1_000; i++) sink += c.addBusinessMs(from + Math.floor((i / 1_000) * 3600 * DAY), 600 * MINUTE);
  return c;
}
const probe = useTenYears();
console.log(`memory: a calendar used across 10 years (2025–2034, 100 holidays) holds ${((probe as unknown as Calendar).compiledBytes() / 1024).toFixed(1)} KiB of compiled typed arrays`);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc !== undefined) {
  const keep: BusinessCalendar[] = [];
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 20; i++) keep.push(useTenYears());
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  console.log(`memory: measured heap + array buffers per such calendar (average of ${keep.length}): ${((after - before) / keep.length / 1024).toFixed(1)} KiB`);
}

// ---- where the peers' answers differ from ours ----
const COMPARE = 1_000;
function classifyAdd(c: BusinessCalendar, t: number, d: number, mine: number, theirs: number): string {
  if (d === 0 && mine !== theirs) return "add 0 from a closed instant (ours: t itself, SEMANTICS §1.7)";
  if (Math.abs(theirs - mine) < MINUTE) return "sub-minute difference (minute truncation of ms-precise instants)";
  if (c.nextOpenMs(mine) === theirs) return "exact fill: ours is the closing instant, theirs the next opening";
  return "other";
}
function classifyBetween(mine: number, theirs: number): string {
  if (Math.abs(theirs - mine) < 2 * MINUTE) return "under 2 min (both ends truncated to whole minutes)";
  return "other";
}
const examples: string[] = [];
const diffRows: Array<Record<string, string | number>> = [];
for (const p of [momentPeer, dayjsPeer]) {
  const counts = new Map<string, number>();
  const bump = (key: string, t: number, x: number, mine: number, theirs: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (key.endsWith("other") && examples.length < 12) {
      examples.push(`${key}: from ${new Date(t).toISOString()} with ${x} → ours ${mine}, theirs ${theirs}`);
    }
  };
  for (let i = 0; i < COMPARE; i++) {
    const t = starts[i] as number;
    const d = durations[i] as number;
    const u = ends[i] as number;
    const mineAdd = cal.addBusinessMs(t, d);
    const theirAdd = p.add(t, d);
    if (mineAdd !== theirAdd) bump(`${p.name} add: ${classifyAdd(cal, t, d, mineAdd, theirAdd)}`, t, d, mineAdd, theirAdd);
    const mineBetween = cal.businessMsBetween(t, u);
    const theirBetween = p.between(t, u);
    if (mineBetween !== theirBetween) bump(`${p.name} diff: ${classifyBetween(mineBetween, theirBetween)}`, t, u, mineBetween, theirBetween);
  }
  for (const [key, count] of counts) diffRows.push({ difference: key, cases: count, "of": COMPARE });
}
console.log(`\nWhere the peers' answers differ from ours (first ${COMPARE} workload items)`);
console.table(diffRows);
if (examples.length > 0) console.log(examples.join("\n"));

// ---- known edge cases (see docs/calendars.md) ----
const H = 3_600_000;
const ms = (iso: string): number => Date.parse(iso);
interface Case {
  readonly name: string;
  readonly zone: string;
  readonly weekly: ReadonlyArray<ReadonlyArray<readonly [string, string]> | null>;
  readonly run: (x: { isOpen(t: number): boolean; add(t: number, d: number): number; between(a: number, b: number): number }) => string;
}
const every = (hours: ReadonlyArray<readonly [string, string]>) => [hours, hours, hours, hours, hours, hours, hours];
const sundays = (hours: ReadonlyArray<readonly [string, string]>) => [hours, null, null, null, null, null, null];
const at = (x: number): string => new Date(x).toISOString();
const cases: Case[] = [
  { name: "is Mon 17:00 open? (09–17)", zone: ZONE, weekly: NINE_TO_FIVE, run: (x) => String(x.isOpen(ms("2026-03-09T17:00:00-04:00"))) },
  { name: "+1 min at Mon 16:59:30 (09–17)", zone: ZONE, weekly: NINE_TO_FIVE, run: (x) => at(x.add(ms("2026-03-09T16:59:30-04:00"), MINUTE)) },
  { name: "between 10:00:00.400 and 10:00:01.900 (09–17)", zone: ZONE, weekly: NINE_TO_FIVE, run: (x) => `${x.between(ms("2026-03-09T10:00:00.400-04:00"), ms("2026-03-09T10:00:01.900-04:00"))} ms` },
  { name: "8 h after Mon 09:00 (09–17)", zone: ZONE, weekly: NINE_TO_FIVE, run: (x) => at(x.add(ms("2026-03-09T09:00:00-04:00"), 8 * H)) },
  { name: "Paris 00:00–24:00: the fall-back Sunday 2020-10-25", zone: "Europe/Paris", weekly: every([["00:00", "24:00"]]), run: (x) => `${x.between(ms("2020-10-25T00:00:00+02:00"), ms("2020-10-26T00:00:00+01:00")) / H} h` },
  { name: "New York Sun 01:00–03:00 on 2014-11-02 (fall-back)", zone: ZONE, weekly: sundays([["01:00", "03:00"]]), run: (x) => `${x.between(ms("2014-11-02T00:00:00-04:00"), ms("2014-11-03T00:00:00-05:00")) / H} h` },
  { name: "New York Sun 01:00–04:00 on 2014-03-09 (spring-forward)", zone: ZONE, weekly: sundays([["01:00", "04:00"]]), run: (x) => `${x.between(ms("2014-03-09T00:00:00-05:00"), ms("2014-03-10T00:00:00-04:00")) / H} h` },
  { name: "New York Sun 02:30–05:00 on 2014-03-09 (start in the gap)", zone: ZONE, weekly: sundays([["02:30", "05:00"]]), run: (x) => `${x.between(ms("2014-03-09T00:00:00-05:00"), ms("2014-03-10T00:00:00-04:00")) / H} h` },
  { name: "Amsterdam 00:00–10:00: +1 h at 2022-10-30 02:00+02:00", zone: "Europe/Amsterdam", weekly: every([["00:00", "10:00"]]), run: (x) => at(x.add(ms("2022-10-30T02:00:00+02:00"), H)) },
];
const caseRows: Array<Record<string, string>> = [];
for (const c of cases) {
  const mine = createCalendar({
    timeZone: c.zone,
    weekly: Object.fromEntries(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((k, i) => [k, c.weekly[i] ?? []])),
  });
  const row: Record<string, string> = { case: c.name, "@supportops/sla": c.run({ isOpen: (t) => mine.isOpenMs(t), add: (t, d) => mine.addBusinessMs(t, d), between: (a, b) => mine.businessMsBetween(a, b) }) };
  for (const p of [momentPeer, dayjsPeer]) {
    p.configure(c.weekly, [], c.zone);
    try {
      row[p.name] = c.run(p);
    } catch (error) {
      row[p.name] = `throws: ${(error as Error).message.slice(0, 40)}`;
    }
  }
  caseRows.push(row);
}
console.log("\nKnown edge cases");
console.table(caseRows);
if (sink === 42) console.log("");
