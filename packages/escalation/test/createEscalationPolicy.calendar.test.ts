import { MAX_SUPPORTED_MS, SupportOpsError, type BusinessCalendarLike } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import { EscalationError, createEscalationPolicy } from "@supportops/escalation";
import { SlaError, createCalendar } from "@supportops/sla";
import { weekdayCalendar } from "./support/weekdayCalendar.js";

/**
 * Another package's error class, as `SlaError` is to this package: a `SupportOpsError` subclass that
 * escalation does not know. The contract in core's BusinessCalendarLike is what both sides rely on, so
 * most tests use small calendars that bend it; the last block uses a real `@supportops/sla` calendar
 * (a devDependency: escalation's code never imports sla).
 */
class ForeignCalendarError extends SupportOpsError<"out_of_range" | "invalid_argument" | "exploded"> {
  override readonly name = "SlaError";
}

/** Mondays–Fridays 09:00–17:00 UTC that, like sla's calendars, refuses answers from 2200-01-01 on. */
function boundedCalendar(): BusinessCalendarLike {
  const inner = weekdayCalendar(9, 17);
  const inRange = (ms: number, method: string): number => {
    if (ms >= MAX_SUPPORTED_MS) {
      throw new ForeignCalendarError("out_of_range", [
        { code: "out_of_range", path: [], message: `${method}: the answer lies after 2200-01-01T00:00:00.000Z, the end of the supported range` },
      ]);
    }
    return ms;
  };
  return {
    ...inner,
    addBusinessMs: (ms, durationMs) => inRange(inner.addBusinessMs(ms, durationMs), "addBusinessMs"),
  };
}

/** A calendar whose `method` answers `value` (breaking the contract) and is otherwise the weekday calendar. */
function brokenCalendar(method: "addBusinessMs" | "businessMsBetween", value: number): BusinessCalendarLike {
  return { ...weekdayCalendar(9, 17), [method]: () => value };
}

const levels = [
  { after: "PT4H", relativeTo: "created", targets: ["team:l2"] },
  { after: "PT1H", relativeTo: "previousLevel", targets: ["user:manager"] },
] as const;

describe("a policy on a business calendar: every calendar call crosses a package boundary", () => {
  test("a calendar's out_of_range near the end of the supported range leaves as EscalationError out_of_range", () => {
    const policy = createEscalationPolicy({ levels, calendar: boundedCalendar() });
    // Tuesday 2199-12-31 15:00 UTC: two business hours left in the supported range, the level needs four.
    const error = thrownBy(EscalationError, () => policy.schedule({ createdAt: "2199-12-31T15:00:00Z" }));
    expect([error.code, error.issues.map((i) => [i.code, i.path]), error.cause instanceof ForeignCalendarError]).toStrictEqual([
      "out_of_range",
      [["out_of_range", ["calendar", "addBusinessMs"]]],
      true,
    ]);
    expect(error.message).toBe("calendar.addBusinessMs: addBusinessMs: the answer lies after 2200-01-01T00:00:00.000Z, the end of the supported range");
    // The same in due(): an escalation started that late cannot be scheduled.
    const due = thrownBy(EscalationError, () => policy.due([{ type: "created", at: Date.parse("2199-12-31T15:00:00Z") }], { at: "2199-12-31T16:00:00Z" }));
    expect(due.code).toBe("out_of_range");
  });

  test("the same policy schedules normally earlier in the range", () => {
    const policy = createEscalationPolicy({ levels, calendar: boundedCalendar() });
    expect(policy.schedule({ createdAt: "2199-12-30T09:00:00Z" }).map((e) => new Date(e.firesAt).toISOString())).toStrictEqual([
      "2199-12-30T13:00:00.000Z",
      "2199-12-30T14:00:00.000Z",
    ]);
  });

  test.each([
    ["NaN", Number.NaN, "NaN"],
    ["Infinity", Number.POSITIVE_INFINITY, "Infinity"],
    ["a fraction", 1_773_050_400_000.5, "1773050400000.5"],
  ])("a calendar answering %s is invalid_calendar, never an Invalid Date", (_name, value, shown) => {
    const policy = createEscalationPolicy({ levels, calendar: brokenCalendar("addBusinessMs", value) });
    const error = thrownBy(EscalationError, () => policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_calendar", [["invalid_return_value", ["calendar", "addBusinessMs"]]]]);
    expect(error.message).toContain(`returned number ${shown}; a BusinessCalendarLike answers in whole milliseconds`);
  });

  test("businessMsBetween is checked too (it measures the repeat period)", () => {
    const policy = createEscalationPolicy({ levels, repeat: 1, calendar: brokenCalendar("businessMsBetween", Number.NaN) });
    const error = thrownBy(EscalationError, () => policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_calendar", ["calendar", "businessMsBetween"]]);
  });

  test("a code the contract does not allow becomes invalid_calendar; invalid_argument is kept", () => {
    const throwing = (code: "exploded" | "invalid_argument"): BusinessCalendarLike => ({
      ...weekdayCalendar(9, 17),
      addBusinessMs: () => {
        throw new ForeignCalendarError(code, [{ code, path: ["durationMs"], message: "refused" }]);
      },
    });
    const exploded = thrownBy(EscalationError, () => createEscalationPolicy({ levels, calendar: throwing("exploded") }).schedule({ createdAt: "2026-03-09T09:00:00Z" }));
    expect([exploded.code, exploded.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_calendar", [["exploded", ["calendar", "addBusinessMs", "durationMs"]]]]);
    const argument = thrownBy(EscalationError, () => createEscalationPolicy({ levels, calendar: throwing("invalid_argument") }).schedule({ createdAt: "2026-03-09T09:00:00Z" }));
    expect(argument.code).toBe("invalid_argument");
  });

  test("an error that is not a SupportOpsError (a bug in the calendar) is not disguised", () => {
    const buggy: BusinessCalendarLike = {
      ...weekdayCalendar(9, 17),
      addBusinessMs: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    expect(() => createEscalationPolicy({ levels, calendar: buggy }).schedule({ createdAt: "2026-03-09T09:00:00Z" })).toThrow(TypeError);
  });
});

describe("a policy on a real @supportops/sla calendar", () => {
  const slaCalendar = createCalendar({
    timeZone: "UTC",
    weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
  });

  test("schedules in business hours", () => {
    const policy = createEscalationPolicy({ levels, calendar: slaCalendar });
    // Friday 2026-03-06 15:00 UTC: two business hours left that day, so four land on Monday 11:00.
    expect(policy.schedule({ createdAt: "2026-03-06T15:00:00Z" }).map((e) => new Date(e.firesAt).toISOString())).toStrictEqual([
      "2026-03-09T11:00:00.000Z",
      "2026-03-09T12:00:00.000Z",
    ]);
  });

  test("an answer past the calendar's range (2200) is EscalationError out_of_range, never an SlaError", () => {
    const policy = createEscalationPolicy({ levels, calendar: slaCalendar });
    const error = thrownBy(EscalationError, () => policy.schedule({ createdAt: "2199-12-31T15:00:00Z" }));
    expect([error.code, error.issues[0]?.path.slice(0, 2), error.cause instanceof SlaError]).toStrictEqual(["out_of_range", ["calendar", "addBusinessMs"], true]);
    expect(error).not.toBeInstanceOf(SlaError);
  });
});
