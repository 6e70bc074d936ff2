import { readFileSync } from "node:fs";
import { createSlaEngine, rankBySlaRisk, type SlaEngineDefinition } from "@supportops/sla";

const ZONE = "America/New_York";
const localTime = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const local = (ms: number | null): string => (ms === null ? "—" : localTime.format(ms));
const duration = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}` : `${minutes} min`;
};
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8"));

/** SLA states of the sample tickets at one instant, and the worklist ranked by SLA risk. */
export function slaClocksDemo(): string[] {
  const engine = createSlaEngine(read("sla-policies.json") as SlaEngineDefinition);
  const tickets = read("sla-tickets.json") as ReadonlyArray<{ readonly id: string; readonly events: ReadonlyArray<unknown> }>;
  const at = Date.parse("2026-03-10T11:00:00-04:00");
  const lines: string[] = [];
  lines.push(`Policies "enterprise" (tag enterprise) and "standard", on Mon–Fri 09:00–17:00 ${ZONE}; Monday 2026-03-09 is a holiday.`);
  lines.push(`States of ${tickets.length} tickets at ${local(at)} (Tuesday):`);
  const results = [...engine.evaluateMany(tickets, { at })];
  for (const result of results) {
    const states = result.metrics
      .filter((m) => m.stoppedAt === null || m.status === "breached")
      .map((m) => `${m.metric} ${m.status}${m.status === "active" ? ` (${duration(m.remainingBusinessMs)} left)` : ""}`);
    lines.push(`  ${result.ticketId} [${result.policyId}] ${states.join("; ") || "nothing running"}; next timer ${local(result.nextChangeAt)}`);
  }
  lines.push("");
  lines.push("Worklist, most at risk first (breached, then least remaining business time):");
  for (const [rank, entry] of rankBySlaRisk(results, { at }).entries()) {
    const why = entry.breached
      ? `breached ${entry.state.metric} at ${local(entry.state.breachedAt)}`
      : `${entry.state.metric} ${entry.state.status}, ${duration(entry.remainingBusinessMs)} left, breaches ${local(entry.state.breachedAt)}`;
    lines.push(`  ${rank + 1}. ${entry.evaluation.ticketId}: ${why}`);
  }
  return lines;
}
