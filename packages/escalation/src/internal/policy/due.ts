import { RESOLVED_STATUSES, describeValue, type BusinessCalendarLike, type Issue, type TicketEventType } from "@supportops/core";
import { EscalationError, type EscalationIssueCode } from "../../EscalationError.js";
import type {
  EscalationDue,
  EscalationDueOptions,
  EscalationEvent,
  EscalationLevel,
  EscalationStopCondition,
  ScheduledEscalation,
} from "../../EscalationPolicy.js";
import { isRecord } from "../formats.js";
import { instantArgument, scheduleFromAnchors, slaDueArgument } from "./schedule.js";

interface CompiledPolicy {
  readonly levels: ReadonlyArray<EscalationLevel>;
  readonly repeat: number;
  readonly calendar: BusinessCalendarLike | undefined;
  readonly stopOn: ReadonlyArray<EscalationStopCondition>;
  readonly startOn: ReadonlyArray<TicketEventType>;
}

/** The latest escalation in the events up to `asOfMs`: when it started and, if it did, when and why it stopped. */
interface Run {
  readonly startedAt: number;
  readonly stoppedAt: number | null;
  readonly stoppedBy: EscalationStopCondition | null;
}

const IDLE: EscalationDue = Object.freeze({ state: "idle", startedAt: null, stoppedAt: null, stoppedBy: null, fired: Object.freeze([]), next: null });

function stopConditionOf(event: EscalationEvent, stopOn: ReadonlyArray<EscalationStopCondition>): EscalationStopCondition | null {
  if (stopOn.includes(event.type)) return event.type;
  if (stopOn.includes("resolved") && event.type === "status_changed" && (RESOLVED_STATUSES as ReadonlyArray<unknown>).includes(event.to)) {
    return "resolved";
  }
  return null;
}

/** The events as a ticket log: an array of `{ type, at }` in time order, else `invalid_ticket_log`. */
function checkEvents(events: unknown): ReadonlyArray<EscalationEvent> {
  if (!Array.isArray(events)) {
    throw new EscalationError("invalid_ticket_log", [
      { code: "invalid_type", path: [], message: `expected an array of ticket events, got ${describeValue(events)}` },
    ]);
  }
  const issues: Issue<EscalationIssueCode>[] = [];
  let lastAt = -Infinity;
  events.forEach((event: unknown, index) => {
    if (!isRecord(event) || typeof event["type"] !== "string" || typeof event["at"] !== "number" || !Number.isInteger(event["at"])) {
      issues.push({ code: "invalid_type", path: [index], message: "expected a parsed ticket event { type, at: epoch ms } (parseTicketLog from @supportops/core makes them)" });
      return;
    }
    if (event["at"] < lastAt) {
      issues.push({ code: "out_of_order", path: [index, "at"], message: `event ${index} is earlier than the event before it; events must be in time order` });
    }
    lastAt = Math.max(lastAt, event["at"]);
  });
  if (issues.length > 0) throw new EscalationError("invalid_ticket_log", issues);
  return events as ReadonlyArray<EscalationEvent>;
}

/** Replays the events up to `asOfMs` into the latest escalation, or `null` when none started. */
function latestRun(policy: CompiledPolicy, events: ReadonlyArray<EscalationEvent>, asOfMs: number): Run | null {
  let run: Run | null = null;
  for (const event of events) {
    if (event.at > asOfMs) break;
    if (run === null || run.stoppedAt !== null) {
      if (policy.startOn.includes(event.type)) run = { startedAt: event.at, stoppedAt: null, stoppedBy: null };
    } else {
      const stop = stopConditionOf(event, policy.stopOn);
      if (stop !== null) run = { startedAt: run.startedAt, stoppedAt: event.at, stoppedBy: stop };
    }
  }
  return run;
}

/** {@link EscalationPolicy.due}. */
export function dueFromEvents(policy: CompiledPolicy, events: ReadonlyArray<EscalationEvent>, options: EscalationDueOptions): EscalationDue {
  const raw: unknown = options;
  if (!isRecord(raw)) {
    throw new EscalationError("invalid_argument", [
      { code: "invalid_type", path: [], message: `expected an options object, got ${describeValue(raw)}; call it as policy.due(events, { at, slaDueAt? })` },
    ]);
  }
  if (options.at === undefined) {
    throw new EscalationError("invalid_argument", [{ code: "invalid_type", path: ["at"], message: "at is required: the instant to evaluate the escalation at (a Date, an ISO-8601 string or epoch ms)" }]);
  }
  const asOfMs = instantArgument(options.at, "at");
  const run = latestRun(policy, checkEvents(events), asOfMs);
  if (run === null) return IDLE;
  const slaDueMs = slaDueArgument(policy.levels, options.slaDueAt);
  const schedule = scheduleFromAnchors(policy.levels, policy.repeat, policy.calendar, run.startedAt, slaDueMs);
  const fired: ScheduledEscalation[] = [];
  let next: ScheduledEscalation | null = null;
  for (const entry of schedule) {
    const happened = entry.firesAt <= (run.stoppedAt ?? asOfMs);
    if (happened) fired.push(entry);
    else if (run.stoppedAt === null && next === null) next = entry;
  }
  const state = run.stoppedAt !== null ? "stopped" : next === null ? "exhausted" : "escalating";
  return Object.freeze({ state, ...run, fired: Object.freeze(fired), next });
}
