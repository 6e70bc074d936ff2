import { Duration } from "luxon";
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SupportOpsError, safeToDurationMs, toDurationMs } from "@supportops/core";

function issueOf(fn: () => unknown): { code: string; path: ReadonlyArray<string | number>; message: string } {
  const error = thrownBy(SupportOpsError, fn);
  expect(error.code).toBe("invalid_duration");
  return error.issues[0];
}

describe("toDurationMs", () => {
  it("reads ISO-8601 durations with fixed-length units", () => {
    expect(toDurationMs("PT4H30M")).toBe(16_200_000);
    expect(toDurationMs("P1DT2H")).toBe(93_600_000);
    expect(toDurationMs("P1D")).toBe(86_400_000);
    expect(toDurationMs("P2W")).toBe(1_209_600_000);
    expect(toDurationMs("-PT1H")).toBe(-3_600_000);
    expect(toDurationMs("PT1.5S")).toBe(1_500);
    expect(toDurationMs("PT0.5H")).toBe(1_800_000);
    expect(toDurationMs("PT1,25M")).toBe(75_000);
    expect(toDurationMs("PT0S")).toBe(0);
    expect(Object.is(toDurationMs("-PT0S"), 0)).toBe(true);
  });
  it("reads numbers, objects and luxon Durations", () => {
    expect(toDurationMs(90)).toBe(90);
    expect(toDurationMs({ hours: 1.5 })).toBe(5_400_000);
    expect(toDurationMs({ days: 1, minutes: 1, milliseconds: 1 })).toBe(86_460_001);
    expect(toDurationMs({ seconds: 1.1 })).toBe(1_100);
    expect(toDurationMs(Duration.fromObject({ hours: 2, minutes: 15 }))).toBe(8_100_000);
    expect(toDurationMs(Duration.fromObject({ months: 0, hours: 1 }))).toBe(3_600_000);
    expect(toDurationMs({ hours: -2 })).toBe(-7_200_000);
  });
  it("rejects months and years: they have no fixed length", () => {
    expect(issueOf(() => toDurationMs("P1M")).message).toMatch(/no fixed length/);
    expect(issueOf(() => toDurationMs("P1Y2D")).message).toMatch(/no fixed length/);
    expect(issueOf(() => toDurationMs({ months: 1 } as never))).toStrictEqual({
      code: "invalid_duration",
      path: ["months"],
      message: "months have no fixed length; write the time in weeks, days, hours, minutes or seconds",
    });
    expect(issueOf(() => toDurationMs(Duration.fromObject({ years: 1 }))).path).toStrictEqual(["years"]);
  });
  it("rejects anything that is not a whole number of milliseconds", () => {
    expect(issueOf(() => toDurationMs(1.5)).message).toMatch(/whole number/);
    expect(issueOf(() => toDurationMs("PT0.0001S")).message).toMatch(/whole number/);
    expect(issueOf(() => toDurationMs({ seconds: 0.0005 })).message).toMatch(/whole number/);
    expect(issueOf(() => toDurationMs(Number.POSITIVE_INFINITY)).message).toMatch(/finite/);
  });
  it("rejects malformed shapes", () => {
    for (const bad of ["", "P", "PT", "4h", "PT-1H", "P1.5DT1H", "PT1H2", "P1DT", " PT1H"]) {
      expect(() => toDurationMs(bad), bad).toThrow(SupportOpsError);
    }
    expect(issueOf(() => toDurationMs({})).message).toMatch(/empty/);
    expect(issueOf(() => toDurationMs({ hours: "1" } as never)).path).toStrictEqual(["hours"]);
    expect(issueOf(() => toDurationMs({ fortnights: 1 } as never)).message).toMatch(/unknown duration unit/);
    expect(issueOf(() => toDurationMs(null as never)).message).toMatch(/expected milliseconds/);
    expect(issueOf(() => toDurationMs(Duration.invalid("x"))).message).toMatch(/invalid/);
  });
  it("rejects keys inherited from Object.prototype as unknown units, and Dates", () => {
    for (const input of [{ toString: 5 }, { constructor: 1 }, { hasOwnProperty: 1 }, JSON.parse('{"__proto__":5}')]) {
      expect(issueOf(() => toDurationMs(input as never)).message).toMatch(/unknown duration unit/);
    }
    expect(issueOf(() => toDurationMs(new Date(0) as never)).message).toMatch(/not a duration/);
  });
  it("says 'too large', not 'not whole', for huge values", () => {
    expect(issueOf(() => toDurationMs("PT99999999999999999999H")).message).toMatch(/too large/);
    expect(issueOf(() => toDurationMs({ hours: 1e300 })).message).toMatch(/too large/);
    expect(issueOf(() => toDurationMs(2 ** 60)).message).toMatch(/too large/);
  });
  it("has a safe variant", () => {
    expect(safeToDurationMs("PT1H")).toStrictEqual({ success: true, data: 3_600_000 });
    expect(safeToDurationMs("P1Y").success).toBe(false);
  });
});
