/**
 * A helpdesk's SLA loop, end to end:
 * 1. the SLA policies live as JSON (src/sla.json) and are validated once, at start-up;
 * 2. each ticket event is applied to the ticket's clock as it arrives;
 * 3. after each event the helpdesk sets ONE timer, for `nextChangeAt`; when it fires, the clock is
 *    evaluated at that instant (a warning or a breach to act on) and the timer set again;
 * 4. the clock is saved as JSON with the ticket and restored for the next event.
 */
import { readFileSync } from "node:fs";
import { createSlaEngine, type SlaClockJson, type SlaEvaluation } from "@supportops/sla";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
const engine = createSlaEngine(read("./sla.json") as Parameters<typeof createSlaEngine>[0]);
const events = read("./ticket.json") as ReadonlyArray<{ readonly at: string; readonly type: string }>;

const time = (ms: number | null): string => (ms === null ? "—" : new Date(ms).toLocaleString("en-GB", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" }));
const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(2)} h`;

function show(result: SlaEvaluation): void {
  console.table(
    result.metrics.map((m) => ({
      metric: `${m.metric}#${m.cycle}`,
      status: m.status,
      target: hours(m.targetMs),
      elapsed: hours(m.elapsedBusinessMs),
      remaining: hours(m.remainingBusinessMs),
      due: time(m.dueAt),
      breach: time(m.breachedAt),
      warnings: m.warnings.map((w) => `${w.fraction * 100}% ${time(w.at)}`).join(", "),
    })),
  );
}

// The "database": one saved clock per ticket.
let saved: SlaClockJson | null = null;
let timer: number | null = null;

for (const event of events) {
  const now = Date.parse(event.at);
  // The timers due before this event fire first: the state at each says what happened then.
  while (saved !== null && timer !== null && timer <= now) {
    const fired = engine.restore(saved).stateAt(timer);
    const news = fired.metrics
      .filter((m) => m.breachedAt === timer || m.warnings.some((w) => w.at === timer))
      .map((m) => (m.breachedAt === timer ? `${m.metric} breached` : `${m.metric} warning ${m.warnings.filter((w) => w.at === timer).map((w) => `${w.fraction * 100}%`).join(", ")}`));
    console.log(`${time(timer)}  ⏰ timer fires   ${news.join("; ")}; next timer: ${time(fired.nextChangeAt)}`);
    timer = fired.nextChangeAt;
  }

  // Load the ticket's clock (or start one), apply the event, save it back.
  const clock = saved === null ? engine.start(event) : engine.restore(saved).apply(event);
  saved = JSON.parse(JSON.stringify(clock.toJSON())) as SlaClockJson;

  const state = clock.stateAt(now);
  timer = state.nextChangeAt;
  console.log(`${time(now)}  ${event.type.padEnd(16)} policy ${state.policyId ?? "none"}; next timer: ${time(timer)}`);
}

// Every cycle has stopped, so no timer is left; the states an hour later, for the record.
const finalClock = engine.restore(saved);
console.log("\nStates one hour after the last event:");
show(finalClock.stateAt(finalClock.lastEventAt + 3_600_000));

// The same answer from the whole log at once (what a nightly recompute or an SLA repair does).
const replayed = engine.evaluate(events, { at: finalClock.lastEventAt + 3_600_000 });
console.log(`evaluate() on the whole log agrees with the incremental clock: ${JSON.stringify(replayed) === JSON.stringify(finalClock.stateAt(finalClock.lastEventAt + 3_600_000))}`);
