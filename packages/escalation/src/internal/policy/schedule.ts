import { safeToEpochMs, type BusinessCalendarLike, type Issue, type TimeInput } from "@supportops/core";
import { EscalationError } from "../../EscalationError.js";
import type { EscalationLevel, EscalationScheduleInput, ScheduledEscalation } from "../../EscalationPolicy.js";

function instant(input: TimeInput | undefined, path: string, issues: Issue[], code: "invalid_schedule_input"): number | undefined {
  if (input === undefined) return undefined;
  const parsed = safeToEpochMs(input, [path]);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) issues.push({ ...issue, code });
  return undefined;
}

/** Parses the schedule's instants, throwing `code` with every problem. */
export function parseAnchors(
  levels: ReadonlyArray<EscalationLevel>,
  input: { readonly createdAt?: TimeInput; readonly slaDueAt?: TimeInput },
  code: "invalid_schedule_input",
  createdPath = "createdAt",
): { createdMs: number; slaDueMs: number | undefined } {
  const issues: Issue[] = [];
  const createdMs = instant(input.createdAt, createdPath, issues, code);
  if (input.createdAt === undefined) issues.push({ code, path: [createdPath], message: "createdAt is required: when the escalation started" });
  const slaDueMs = instant(input.slaDueAt, "slaDueAt", issues, code);
  if (input.slaDueAt === undefined) {
    const needs = levels.find((level) => level.relativeTo === "slaDue");
    if (needs !== undefined) {
      issues.push({ code, path: ["slaDueAt"], message: `level ${needs.level} is relative to the SLA due time; pass slaDueAt` });
    }
  }
  if (issues.length > 0 || createdMs === undefined) throw new EscalationError(code, issues);
  return { createdMs, slaDueMs };
}

/** The schedule from parsed anchors; throws when a repeat would fire every level at the same instant again. */
export function scheduleFromAnchors(
  levels: ReadonlyArray<EscalationLevel>,
  repeat: number,
  calendar: BusinessCalendarLike | undefined,
  createdMs: number,
  slaDueMs: number | undefined,
  code: "invalid_schedule_input",
): ScheduledEscalation[] {
  const add = (ms: number, durationMs: number): number => (calendar === undefined ? ms + durationMs : calendar.addBusinessMs(ms, durationMs));
  const first: number[] = [];
  let previous = createdMs;
  for (const level of levels) {
    const anchor = level.relativeTo === "created" ? createdMs : level.relativeTo === "slaDue" ? (slaDueMs as number) : previous;
    // A reminder due before the escalation started fires as soon as it starts.
    const at = Math.max(createdMs, add(anchor, level.afterMs));
    first.push(at);
    previous = at;
  }
  const latest = Math.max(...first);
  const periodMs = calendar === undefined ? latest - createdMs : calendar.businessMsBetween(createdMs, latest);
  if (repeat > 0 && periodMs <= 0) {
    throw new EscalationError(code, [{
      code,
      path: ["slaDueAt"],
      message: "every level falls at the escalation's start, so a repeat would fire them all again at the same instant; the SLA is already due — use repeat: 0 or levels relative to created",
    }]);
  }
  const entries: ScheduledEscalation[] = [];
  for (let cycle = 0; cycle <= repeat; cycle += 1) {
    levels.forEach((level, index) => {
      const base = first[index] as number;
      const atMs = cycle === 0 ? base : add(base, cycle * periodMs);
      entries.push(Object.freeze({ level: level.level, cycle, at: new Date(atMs), atMs, targets: level.targets }));
    });
  }
  entries.sort((a, b) => a.atMs - b.atMs || a.cycle - b.cycle || a.level - b.level);
  return entries;
}

/** {@link EscalationPolicy.schedule}. */
export function scheduleLevels(
  levels: ReadonlyArray<EscalationLevel>,
  repeat: number,
  calendar: BusinessCalendarLike | undefined,
  input: EscalationScheduleInput,
): ReadonlyArray<ScheduledEscalation> {
  const { createdMs, slaDueMs } = parseAnchors(levels, input, "invalid_schedule_input");
  return Object.freeze(scheduleFromAnchors(levels, repeat, calendar, createdMs, slaDueMs, "invalid_schedule_input"));
}
