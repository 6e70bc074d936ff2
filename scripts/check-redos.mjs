// ReDoS check of every regular expression the redaction engine runs (packages/escalation,
// src/internal/redaction). Each pattern must be reported `safe` by recheck
// (https://makenowjust-labs.github.io/recheck/): the automaton checker proves linearity when the
// pattern has no look-around; otherwise the fuzz checker searches for an attack string and finds none.
// Runs offline: recheck's native binary (or its JVM jar, or its pure-JS build) is a local dependency.
// Run with `pnpm exec tsx scripts/check-redos.mjs` (it imports TypeScript source); see check-redos.sh.
import { check } from "recheck";
import { REDACTION_PATTERNS } from "../packages/escalation/src/internal/redaction/patterns.ts";

const started = performance.now();
const backend = process.env.RECHECK_BACKEND ?? "auto";
console.log(`recheck: ${REDACTION_PATTERNS.length} patterns, backend ${backend}`);

// One pattern at a time: the fuzz checker measures matching against time budgets, and running the
// checks concurrently on a small machine makes those budgets run out and report false "vulnerable"s.
const results = [];
for (const pattern of REDACTION_PATTERNS) {
  const t0 = performance.now();
  let diagnostics = await check(pattern.source, pattern.flags, { timeout: 60_000 });
  if (diagnostics.status !== "safe") {
    // A "vulnerable" verdict from a starved time budget is not reproducible; a real one is.
    console.log(`  ${pattern.id}: ${diagnostics.status}, checking again`);
    diagnostics = await check(pattern.source, pattern.flags, { timeout: 120_000 });
  }
  results.push({ pattern, diagnostics, ms: Math.round(performance.now() - t0) });
}

let failures = 0;
for (const { pattern, diagnostics, ms } of results) {
  const complexity = diagnostics.status === "safe" ? diagnostics.complexity.type : "";
  const line = `${diagnostics.status.padEnd(10)} ${diagnostics.checker.padEnd(9)} ${complexity.padEnd(6)} ${String(ms).padStart(6)} ms  ${pattern.id}`;
  console.log(line);
  if (diagnostics.status !== "safe") {
    failures++;
    console.error(`  /${pattern.source}/${pattern.flags}`);
    if (diagnostics.status === "vulnerable") {
      console.error(`  ${diagnostics.complexity.summary}; attack: ${JSON.stringify(diagnostics.attack.pattern)}`);
    } else {
      console.error(`  ${JSON.stringify(diagnostics.error)}`);
    }
  }
}
console.log(`recheck: ${results.length - failures}/${results.length} safe in ${Math.round(performance.now() - started)} ms`);
if (failures > 0) process.exit(1);
