/**
 * The contract core's BusinessCalendarLike states for every calendar (packages/core/src/BusinessCalendarLike.ts):
 * integer arguments, integer results (or null where documented), and no error but an SupportOpsError
 * with code out_of_range or invalid_argument. Checked for the …Ms methods on random calendars with
 * arguments of every kind: valid instants, integers outside the range, fractions, NaN, ±Infinity,
 * and values that are not numbers at all.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MAX_SUPPORTED_MS, SupportOpsError, type BusinessCalendarLike } from "@supportops/core";
import { numRuns } from "@supportops/test-utils";
import { createCalendar } from "@supportops/sla";
import { DAY, MAX_TEST_MS, calendarArb, zoneArb } from "./support/arbitraries.js";

/** An argument of any kind, valid instants and durations over-weighted. */
const argArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: MAX_TEST_MS - 1 }), weight: 8 },
  { arbitrary: fc.integer({ min: -30 * DAY, max: 30 * DAY }), weight: 4 },
  { arbitrary: fc.constantFrom(-1, MAX_SUPPORTED_MS, MAX_SUPPORTED_MS - 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e17, -0), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 }).filter((x) => !Number.isInteger(x)), weight: 2 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>("0", "1773046800000", null, undefined, true, 5n, {}, [], new Date(0)), weight: 1 },
);

const calendarArbAny = fc
  .tuple(zoneArb, fc.integer({ min: 10, max: Math.floor(MAX_TEST_MS / DAY) - 10 }))
  .chain(([zone, day]) => calendarArb(zone, day - 3, day + 3));

type Outcome = { readonly value: unknown } | { readonly error: unknown };

function run(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

/** Checks one call against the contract: `kind` says what a result may be. */
function checkContract(outcome: Outcome, args: ReadonlyArray<unknown>, kind: "integer" | "integer-or-null" | "boolean"): void {
  const integers = args.every((arg) => typeof arg === "number" && Number.isInteger(arg));
  if ("error" in outcome) {
    expect(outcome.error).toBeInstanceOf(SupportOpsError);
    const code = (outcome.error as SupportOpsError).code;
    expect(["out_of_range", "invalid_argument"]).toContain(code);
    // Integers can only be out of range; a non-integer is invalid_argument unless another argument,
    // checked first, is an integer out of range.
    const integerOutside = args.some((arg) => typeof arg === "number" && Number.isInteger(arg) && !(arg >= 0 && arg < MAX_SUPPORTED_MS));
    if (integers) expect(code).toBe("out_of_range");
    else if (!integerOutside) expect(code).toBe("invalid_argument");
    return;
  }
  // A call that returns had integer arguments: nothing else may produce an answer.
  expect(integers).toBe(true);
  const { value } = outcome;
  if (kind === "boolean") expect(typeof value).toBe("boolean");
  else if (value !== null || kind === "integer") expect(Number.isInteger(value)).toBe(true);
}

describe("BusinessCalendar honours core's BusinessCalendarLike contract", () => {
  test.prop([calendarArbAny, argArb, argArb], { numRuns: numRuns(300) })(
    "the …Ms methods take integers, return integers (or null), and throw only out_of_range or invalid_argument",
    (def, x, y) => {
      const cal: BusinessCalendarLike = createCalendar(def);
      const a = x as number;
      const b = y as number;
      checkContract(run(() => cal.isOpenMs(a)), [a], "boolean");
      checkContract(run(() => cal.nextOpenMs(a)), [a], "integer-or-null");
      checkContract(run(() => cal.nextCloseMs(a)), [a], "integer-or-null");
      checkContract(run(() => cal.businessMsBetween(a, b)), [a, b], "integer");
      checkContract(run(() => cal.addBusinessMs(a, b)), [a, b], "integer");
    },
  );
});
