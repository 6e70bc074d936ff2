import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MAX_SUPPORTED_MS } from "@supportops/core";
import { numRuns } from "@supportops/test-utils";
import { calendar24x7 } from "@supportops/sla";
import { DAY, MAX_TEST_MS } from "./support/arbitraries.js";

const YEAR = 365 * DAY;

describe("calendar24x7", () => {
  test.prop([fc.integer({ min: 0, max: MAX_TEST_MS - 1 }), fc.integer({ min: 0, max: MAX_TEST_MS - 1 }), fc.integer({ min: -10 * YEAR, max: 10 * YEAR })], {
    numRuns: numRuns(200),
  })("is plain subtraction and addition", (a, b, d) => {
    const cal = calendar24x7("Europe/Dublin");
    expect(cal.businessMsBetween(a, b)).toBe(b - a);
    if (a + d >= 0 && a + d < MAX_SUPPORTED_MS) expect(cal.addBusinessMs(a, d)).toBe(a + d);
    expect(cal.isOpenMs(a)).toBe(true);
    expect(cal.nextCloseMs(a)).toBe(null);
  });
});
