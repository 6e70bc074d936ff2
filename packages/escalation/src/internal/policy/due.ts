import { RESOLVED_STATUSES, safeToEpochMs, type BusinessCalendarLike, type Issue, type TicketEventType } from "@supportops/core";
import { EscalationError } from "../../EscalationError.js";
import type {
  EscalationDue,
  EscalationDueOptions,
  EscalationEvent,
  EscalationLevel,
  EscalationStopCondition,
  ScheduledEscalation,
} from "../../EscalationPolicy.js";
import { parseAnchors, scheduleFromAnchors } from "./schedule.js";

interface CompiledPolicy {
  readonly levels: ReadonlyArray<EscalationLevel>;
  readonly repeat: number;
  readonly calendar: BusinessCalendarLike | undefined;
  readonly stopOn: ReadonlyArray<EscalationStopCondition>;
  readonly startOn: ReadonlyArray<TicketEventType>;
}

function stopConditionOf(event: EscalationEvent, stopOn: ReadonlyArray<EscalationStopCondition>): EscalationStopCondition | null {
  if (stopOn.includes(event.type)) return event.type;
  if (stopOn.includes("resolved") && event.type === "status_changed" && (RESOLVED_STATUSES as ReadonlyArray<unknown>).includes(event.to)) {
    return "resolved";
  }
  return null;
}

/** {@link EscalationPolicy.due}. */
export function dueFromEvents(policy: CompiledPolicy, events: ReadonlyArray<EscalationEvent>, options: EscalationDueOptions): EscalationDue {
  const issues: Issue[] = [];
  const asOf = safeToEpochMs(options.at, ["at"]);
  if (!asOf.success) throw new EscalationError("invalid_schedule_input", asOf.error.issues.map((issue) => ({ ...issue, code: "invalid_schedule_input" })));
  if (!Array.isArray(events)) throw new EscalationError("invalid_events", [{ code: "invalid_events", path: [], message: "expected an array of ticket events" }]);
  let lastAt = -Infinity;
  events.forEach((event, index) => {
    if (typeof event !== "object" || event === null || typeof event.type !== "string" || !Number.isInteger(event.at)) {
      issues.push({ code: "invalid_events", path: [index], message: "expected a parsed ticket event { type, at: epoch ms } (parseTicketLog from @supportops/core makes them)" });
      return;
    }
    if (event.at < lastAt) {
      issues.push({ code: "invalid_events", path: [index, "at"], message: `event ${index} is earlier than the event before it; events must be in time order` });
    }
    lastAt = Math.max(lastAt, event.at);
  });
  if (issues.length > 0) throw new EscalationError("invalid_events", issues);

  let startedAt: number | null = null;
  let stoppedAt: number | null = null;
  let stoppedBy: EscalationStopCondition | null = null;
  for (const event of events) {
    if (event.at > asOf.data) break;
    const running = startedAt !== null && stoppedAt === null;
    if (!running && policy.startOn.includes(event.type)) {
      startedAt = event.at;
      stoppedAt = null;
      stoppedBy = null;
    } else if (running) {
      const stop = stopConditionOf(event, policy.stopOn);
      if (stop !== null) {
        stoppedAt = event.at;
        stoppedBy = stop;
      }
    }
  }
  if (startedAt === null) {
    return Object.freeze({ state: "idle", startedAt: null, stoppedAt: null, stoppedBy: null, fired: Object.freeze([]), next: null });
  }
  const { slaDueMs } = parseAnchors(policy.levels, { createdAt: startedAt, ...(options.slaDueAt === undefined ? {} : { slaDueAt: options.slaDueAt }) }, "invalid_schedule_input");
  const schedule = scheduleFromAnchors(policy.levels, policy.repeat, policy.calendar, startedAt, slaDueMs, "invalid_schedule_input");
  const fired: ScheduledEscalation[] = [];
  let next: ScheduledEscalation | null = null;
  for (const entry of schedule) {
    const happened = stoppedAt === null ? entry.atMs <= asOf.data : entry.atMs <= stoppedAt;
    if (happened) fired.push(entry);
    else if (stoppedAt === null && next === null) next = entry;
  }
  const state = stoppedAt !== null ? "stopped" : next === null ? "exhausted" : "escalating";
  return Object.freeze({ state, startedAt, stoppedAt, stoppedBy, fired: Object.freeze(fired), next });
}
