import type { CanonicalStatus, TicketEvent } from "@supportops/core";
import type { SlaMetricDefinition, SlaMetricPreset, SlaTrigger } from "../../SlaPolicy.js";
import {
  FACT_CREATED,
  FACT_CREATED_BY_AGENT,
  FACT_CUSTOMER_MESSAGE,
  FACT_CUSTOMER_PUBLIC,
  FACT_REPLY,
  FACT_RESOLVES,
  FACT_STATUS_CHANGED,
  isResolved,
  compileSlaCondition,
  type ConditionContext,
  type TicketAttributes,
} from "./ticketState.js";

/** Where a metric's latest cycle stands. */
export type CycleMode = "none" | "running" | "paused" | "stopped";

/** What an event does to a metric's latest cycle, applied in this order: stop, resume, pause, start. */
export const STOP = 1;
export const PAUSE = 2;
export const RESUME = 4;
export const START = 8;

/**
 * A metric compiled to one decision per event. `repeat` metrics begin a new cycle on each start after
 * a stop; the others have one cycle, which a resume after its stop reopens.
 */
export interface MetricLogic {
  readonly name: string;
  readonly repeat: boolean;
  /**
   * The facts (`FACT_*` bits) without one of which `decide` returns 0 whatever the cycle's mode, so the
   * clock skips the call; 0 for a metric that must be asked at every event (a custom metric).
   */
  readonly onlyOn: number;
  /**
   * The actions (a bit set of STOP, RESUME, PAUSE, START) for this event; `facts` are the event's
   * `FACT_*` bits, `ticket` the attributes after the event.
   */
  decide(event: TicketEvent, facts: number, ticket: TicketAttributes, mode: CycleMode): number;
}

type StatusMode = "run" | "pause" | "stop";

/** A preset that runs, pauses and stops with the ticket's status; a reopen resumes its one cycle. */
function statusDriven(name: SlaMetricPreset, modeOf: (status: CanonicalStatus) => StatusMode): MetricLogic {
  const follow = (target: StatusMode, mode: CycleMode): number => {
    switch (target) {
      case "run":
        return mode === "paused" || mode === "stopped" ? RESUME : 0;
      case "pause":
        return mode === "running" ? PAUSE : mode === "stopped" ? RESUME | PAUSE : 0;
      case "stop":
        return mode === "running" || mode === "paused" ? STOP : 0;
      default:
        return target satisfies never;
    }
  };
  return {
    name,
    repeat: false,
    onlyOn: FACT_CREATED | FACT_STATUS_CHANGED,
    decide(_event, facts, ticket, mode) {
      if ((facts & FACT_CREATED) !== 0) return START | follow(modeOf(ticket.status), "running");
      if ((facts & FACT_STATUS_CHANGED) === 0 || mode === "none") return 0;
      return follow(modeOf(ticket.status), mode);
    },
  };
}

/** A reply, or a status change to solved or closed: what stops a response clock. */
const ANSWERS = FACT_REPLY | FACT_RESOLVES;

const PRESETS: Readonly<Record<SlaMetricPreset, MetricLogic>> = {
  first_response: {
    name: "first_response",
    repeat: false,
    onlyOn: FACT_CREATED | FACT_CUSTOMER_MESSAGE | ANSWERS,
    decide(_event, facts, ticket, mode) {
      if (mode === "running") return (facts & ANSWERS) !== 0 ? STOP : 0;
      if (mode !== "none") return 0;
      if ((facts & FACT_CREATED) !== 0) return (facts & FACT_CREATED_BY_AGENT) !== 0 ? 0 : START;
      return (facts & FACT_CUSTOMER_MESSAGE) !== 0 && ticket.createdBy === "agent" ? START : 0;
    },
  },
  next_response: {
    name: "next_response",
    repeat: true,
    onlyOn: FACT_CUSTOMER_PUBLIC | ANSWERS,
    decide(_event, facts, ticket, mode) {
      if (mode === "running") return (facts & ANSWERS) !== 0 ? STOP : 0;
      return (facts & FACT_CUSTOMER_PUBLIC) !== 0 && ticket.replies > 0 ? START : 0;
    },
  },
  periodic_update: {
    name: "periodic_update",
    repeat: true,
    onlyOn: ANSWERS,
    decide(_event, facts, ticket, mode) {
      const stop = mode === "running" && (facts & ANSWERS) !== 0 ? STOP : 0;
      return stop | ((facts & FACT_REPLY) !== 0 && !isResolved(ticket.status) ? START : 0);
    },
  },
  requester_wait: statusDriven("requester_wait", (status) => (status === "pending" ? "pause" : isResolved(status) ? "stop" : "run")),
  agent_work: statusDriven("agent_work", (status) =>
    status === "pending" || status === "on_hold" ? "pause" : isResolved(status) ? "stop" : "run",
  ),
  resolution: statusDriven("resolution", (status) => (isResolved(status) ? "stop" : "run")),
};

/** The compiled logic of a preset. */
export function presetLogic(name: SlaMetricPreset): MetricLogic {
  return PRESETS[name];
}

function compileTriggers(triggers: SlaTrigger | ReadonlyArray<SlaTrigger> | undefined): (context: ConditionContext) => boolean {
  if (triggers === undefined) return () => false;
  const list = (Array.isArray(triggers) ? triggers : [triggers]) as ReadonlyArray<SlaTrigger>;
  const compiled = list.map((trigger) => {
    const types = new Set<string>(typeof trigger.on === "string" ? [trigger.on] : trigger.on);
    const holds = compileSlaCondition(trigger.when);
    return (context: ConditionContext): boolean => context.event !== null && types.has(context.event.type) && holds(context);
  });
  return (context) => compiled.some((matches) => matches(context));
}

/** Compiles a custom metric's triggers. */
export function customLogic(name: string, definition: SlaMetricDefinition): MetricLogic {
  const start = compileTriggers(definition.start);
  const stop = compileTriggers(definition.stop);
  const pause = compileTriggers(definition.pause);
  const resume = compileTriggers(definition.resume);
  const repeat = definition.repeat ?? false;
  return {
    name,
    repeat,
    onlyOn: 0,
    decide(event, _facts, ticket, mode) {
      const context: ConditionContext = { ticket, event };
      let actions = 0;
      let now = mode;
      if ((now === "running" || now === "paused") && stop(context)) {
        actions |= STOP;
        now = "stopped";
      }
      if ((now === "paused" || (now === "stopped" && !repeat && (actions & STOP) === 0)) && resume(context)) {
        actions |= RESUME;
        now = "running";
      }
      if (now === "running" && pause(context)) {
        actions |= PAUSE;
        now = "paused";
      }
      if ((now === "none" || (now === "stopped" && repeat)) && start(context)) actions |= START;
      return actions;
    },
  };
}
