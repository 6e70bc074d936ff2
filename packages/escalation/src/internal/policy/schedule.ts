import { describeValue, rethrowAs, toEpochMs, type BusinessCalendarLike, type TimeInput } from "@supportops/core";
import { EscalationError } from "../../EscalationError.js";
import type { EscalationLevel, EscalationScheduleInput, ScheduledEscalation } from "../../EscalationPolicy.js";
import { isRecord } from "../formats.js";
import { policyClock } from "./calendar.js";

/** An instant given by the caller, as epoch ms; a bad one is an `invalid_time` EscalationError at `path`. */
export function instantArgument(input: TimeInput, path: string): number {
  return rethrowAs(EscalationError, () => toEpochMs(input), [path], "invalid_argument");
}

/** The `slaDueAt` the levels need (required when a level is relative to it), as epoch ms. */
export function slaDueArgument(levels: ReadonlyArray<EscalationLevel>, slaDueAt: TimeInput | undefined): number | undefined {
  if (slaDueAt !== undefined) return instantArgument(slaDueAt, "slaDueAt");
  const needs = levels.find((level) => level.relativeTo === "slaDue");
  if (needs !== undefined) {
    throw new EscalationError("invalid_argument", [
      { code: "sla_due_required", path: ["slaDueAt"], message: `level ${needs.level} is relative to the SLA due time; pass slaDueAt` },
    ]);
  }
  return undefined;
}

/** The cycle-0 instant of every level: its anchor plus its delay, never before the start. */
function firstCycle(levels: ReadonlyArray<EscalationLevel>, add: (ms: number, durationMs: number) => number, createdMs: number, slaDueMs: number | undefined): number[] {
  const first: number[] = [];
  let previous = createdMs;
  for (const level of levels) {
    const anchor = level.relativeTo === "created" ? createdMs : level.relativeTo === "slaDue" ? (slaDueMs ?? createdMs) : previous;
    // A reminder due before the escalation started fires as soon as it starts.
    const firesAt = Math.max(createdMs, add(anchor, level.afterMs));
    first.push(firesAt);
    previous = firesAt;
  }
  return first;
}

/** The schedule from parsed anchors; throws when a repeat would fire every level at the same instant again. */
export function scheduleFromAnchors(
  levels: ReadonlyArray<EscalationLevel>,
  repeat: number,
  calendar: BusinessCalendarLike | undefined,
  createdMs: number,
  slaDueMs: number | undefined,
): ScheduledEscalation[] {
  const clock = policyClock(calendar);
  const first = firstCycle(levels, clock.add, createdMs, slaDueMs);
  const periodMs = repeat === 0 ? 0 : clock.between(createdMs, Math.max(...first));
  if (repeat > 0 && periodMs <= 0) {
    throw new EscalationError("invalid_argument", [{
      code: "nothing_to_repeat",
      path: ["slaDueAt"],
      message: "every level falls at the escalation's start, so a repeat would fire them all again at the same instant; the SLA is already due — use repeat: 0 or levels relative to created",
    }]);
  }
  const entries: ScheduledEscalation[] = [];
  for (let cycle = 0; cycle <= repeat; cycle += 1) {
    levels.forEach((level, index) => {
      const base = first[index] ?? createdMs;
      const firesAt = cycle === 0 ? base : clock.add(base, cycle * periodMs);
      entries.push(Object.freeze({ level: level.level, cycle, firesAt, targets: level.targets }));
    });
  }
  entries.sort((a, b) => a.firesAt - b.firesAt || a.cycle - b.cycle || a.level - b.level);
  return entries;
}

/** {@link EscalationPolicy.schedule}. */
export function scheduleLevels(
  levels: ReadonlyArray<EscalationLevel>,
  repeat: number,
  calendar: BusinessCalendarLike | undefined,
  input: EscalationScheduleInput,
): ReadonlyArray<ScheduledEscalation> {
  const raw: unknown = input;
  if (!isRecord(raw)) {
    throw new EscalationError("invalid_argument", [
      { code: "invalid_type", path: [], message: `expected the schedule input { createdAt, slaDueAt? }, got ${describeValue(raw)}` },
    ]);
  }
  if (input.createdAt === undefined) {
    throw new EscalationError("invalid_argument", [
      { code: "invalid_type", path: ["createdAt"], message: "createdAt is required: when the escalation started (a Date, an ISO-8601 string or epoch ms)" },
    ]);
  }
  const createdMs = instantArgument(input.createdAt, "createdAt");
  const slaDueMs = slaDueArgument(levels, input.slaDueAt);
  return Object.freeze(scheduleFromAnchors(levels, repeat, calendar, createdMs, slaDueMs));
}
