/** Business-time arithmetic for policies: plain arithmetic, or calls into a caller's calendar checked against its contract. */
import { describeValue, rethrowAs, type BusinessCalendarLike } from "@supportops/core";
import { EscalationError } from "../../EscalationError.js";

/** What a schedule needs from time: adding a delay and measuring a span (business time with a calendar). */
export interface PolicyClock {
  add(ms: number, durationMs: number): number;
  between(aMs: number, bMs: number): number;
}

const WALL_CLOCK: PolicyClock = {
  add: (ms, durationMs) => ms + durationMs,
  between: (aMs, bMs) => bMs - aMs,
};

/** A calendar's answer, which the contract says is a whole number of milliseconds. */
function wholeMs(method: string, args: ReadonlyArray<number>, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw new EscalationError("invalid_calendar", [{
    code: "invalid_return_value",
    path: ["calendar", method],
    message: `calendar.${method}(${args.join(", ")}) returned ${describeValue(value)}; a BusinessCalendarLike answers in whole milliseconds, never NaN, Infinity or a fraction`,
  }]);
}

/** One call into the calendar: its errors leave as EscalationError (shared codes kept), its answer is checked. */
function call(method: "addBusinessMs" | "businessMsBetween", args: readonly [number, number], fn: () => number): number {
  return wholeMs(method, args, rethrowAs(EscalationError, fn, ["calendar", method], "invalid_calendar"));
}

/** The clock of a policy: wall-clock arithmetic without a calendar, the calendar's business time with one. */
export function policyClock(calendar: BusinessCalendarLike | undefined): PolicyClock {
  if (calendar === undefined) return WALL_CLOCK;
  return {
    add: (ms, durationMs) => call("addBusinessMs", [ms, durationMs], () => calendar.addBusinessMs(ms, durationMs)),
    between: (aMs, bMs) => call("businessMsBetween", [aMs, bMs], () => calendar.businessMsBetween(aMs, bMs)),
  };
}
