/**
 * Measures `redact` on the adversarial inputs (the figures in docs/redaction.md and
 * docs/security-escalation.part.md). Not a test: run it by hand on a quiet machine,
 *
 *   npx tsx --conditions=@supportops/source packages/escalation/test/support/redactionTimings.ts
 *
 * or through vitest, `REDACT_TIMINGS=1 npx vitest run packages/escalation/test/redact.adversarial.test.ts`.
 *
 * It prints, per input, the best of 5 calls (the least disturbed by other work on a shared machine) in
 * `mask` and in `pseudonymize` mode; for the five slowest, the time at four times the length (about 4×
 * for a linear cost, 16× for a quadratic one); then the throughput on a realistic 1 MB log and on
 * 10 000 short strings.
 */
import { pathToFileURL } from "node:url";
import { redact, type RedactOptions } from "@supportops/escalation";
import { ADVERSARIAL } from "./adversarialInputs.js";

const MODES: ReadonlyArray<readonly [string, RedactOptions]> = [
  ["mask", {}],
  ["pseudonymize", { mode: "pseudonymize", key: "adversarial-key-0001", keyVersion: "k1" }],
];

function bestMs(run: () => unknown, times = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Prints the timings, one line each (to the console unless told otherwise). */
export function printRedactionTimings(print: (line: string) => void = console.log): void {
  redact("warm up jane@example.com +44 20 7946 0958 4111 1111 1111 1111");
  const rows = ADVERSARIAL.map(([name, input]) => {
    const [mask, pseudo] = MODES.map(([, options]) => bestMs(() => redact(input, options)));
    return [name, mask ?? Number.NaN, pseudo ?? Number.NaN] as const;
  });
  rows.sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
  print(`${"input (100 000 characters)".padEnd(50)} ${"mask ms".padStart(9)} ${"pseudo ms".padStart(9)}`);
  for (const [name, mask, pseudo] of rows) print(`${name.padEnd(50)} ${mask.toFixed(1).padStart(9)} ${pseudo.toFixed(1).padStart(9)}`);

  print(`\n${"the five slowest, at 4× the length".padEnd(50)} ${"mask ms".padStart(9)} ${"ratio".padStart(9)}`);
  for (const [name, mask] of rows.slice(0, 5)) {
    const input = ADVERSARIAL.find(([n]) => n === name)?.[1] ?? "";
    const ms = bestMs(() => redact(input.repeat(4)));
    print(`${name.padEnd(50)} ${ms.toFixed(1).padStart(9)} ${(ms / mask).toFixed(1).padStart(9)}`);
  }

  const line = "2026-03-09T13:40:11Z POST /api/checkout user=jane.doe@example.com ip=203.0.113.42 status=500 trace=4bf92f3577b34da6a3ce929d0e0e4736 took 1234 ms\n";
  const log = line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
  const logMs = bestMs(() => redact(log));
  print(`\n1 MB realistic log: ${logMs.toFixed(0)} ms (${(1_000 / logMs).toFixed(1)} MB/s)`);
  const short = Array.from({ length: 10_000 }, (_, i) => ({ note: `user${i}@example.com called +44 20 7946 ${String(i).padStart(4, "0")}` }));
  print(`10 000 short strings in one object: ${bestMs(() => redact(short)).toFixed(0)} ms`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) printRedactionTimings();
