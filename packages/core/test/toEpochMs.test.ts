import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { CoreError, SupportOpsError, safeToEpochMs, toEpochMs } from "@supportops/core";

function issueOf(fn: () => unknown): { code: string; path: ReadonlyArray<string | number>; message: string } {
  const error = thrownBy(SupportOpsError, fn);
  expect(error.code).toBe("invalid_time");
  return error.issues[0];
}

describe("toEpochMs", () => {
  it("reads ISO strings with Z or an offset, to the millisecond", () => {
    expect(toEpochMs("2026-03-09T09:00:00-04:00")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(toEpochMs("2026-03-09T13:00:00Z")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(toEpochMs("2026-03-09T13:00:00.123Z")).toBe(Date.UTC(2026, 2, 9, 13, 0, 0, 123));
    expect(toEpochMs("2026-03-09T18:30+05:30")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(toEpochMs("2026-03-09T13:00:00.123000Z")).toBe(Date.UTC(2026, 2, 9, 13, 0, 0, 123));
  });
  it("reads Date, epoch ms and luxon DateTime", () => {
    expect(toEpochMs(new Date(1234))).toBe(1234);
    expect(toEpochMs(1234)).toBe(1234);
    expect(toEpochMs(DateTime.fromMillis(5, { zone: "Asia/Tokyo" }))).toBe(5);
    expect(Object.is(toEpochMs(-0), 0)).toBe(true);
  });
  it("rejects a string without an offset, saying how to fix it", () => {
    expect(issueOf(() => toEpochMs("2026-03-09T09:00:00"))).toStrictEqual({
      code: "invalid_time",
      path: [],
      message: '"2026-03-09T09:00:00" has no offset; add "Z" or an offset such as "-05:00" so it names one instant',
    });
    expect(issueOf(() => toEpochMs("2026-03-09")).message).toMatch(/no offset/);
  });
  it("rejects invalid dates, garbage, NaN, fractions and sub-millisecond digits", () => {
    expect(issueOf(() => toEpochMs("2026-02-30T00:00:00Z")).message).toBe('"2026-02-30T00:00:00Z" has day 30, but 2026-02 has 28 days');
    expect(issueOf(() => toEpochMs("tomorrow")).message).toMatch(/not an ISO-8601/);
    expect(issueOf(() => toEpochMs(Number.NaN)).message).toMatch(/not a finite/);
    expect(issueOf(() => toEpochMs(1.5)).message).toMatch(/whole number/);
    expect(issueOf(() => toEpochMs(new Date(Number.NaN))).message).toMatch(/invalid/);
    expect(issueOf(() => toEpochMs("2026-03-09T13:00:00.1234Z")).message).toMatch(/sub-millisecond/);
    expect(issueOf(() => toEpochMs(DateTime.invalid("because"))).message).toMatch(/invalid/);
    expect(issueOf(() => toEpochMs({} as never)).message).toMatch(/expected a Date/);
    expect(issueOf(() => toEpochMs(9e15)).message).toMatch(/outside the range/);
  });
  it("rejects a luxon DateTime between milliseconds and offsets no clock has", () => {
    expect(issueOf(() => toEpochMs(DateTime.fromMillis(1.7))).message).toMatch(/whole number/);
    expect(issueOf(() => toEpochMs("2026-03-09T09:00:00+25:00")).message).toMatch(/not a clock offset/);
    expect(issueOf(() => toEpochMs("2026-03-09T09:00:00-05:60")).message).toMatch(/not a clock offset/);
    expect(toEpochMs("2026-03-09T09:00:00+0530")).toBe(Date.UTC(2026, 2, 9, 3, 30));
    expect(toEpochMs("2026-03-09T09:00:00-14")).toBe(Date.UTC(2026, 2, 9, 23));
  });
  it("refuses numbers that look like epoch seconds, and says to multiply by 1000", () => {
    const seconds = 1_773_046_800; // 2026-03-09T09:00:00Z in seconds
    const error = thrownBy(CoreError, () => toEpochMs(seconds, ["at"]));
    expect(error.code).toBe("invalid_time");
    expect(error.issues[0].path).toStrictEqual(["at"]);
    expect(error.message).toMatch(/^at: 1773046800 looks like epoch seconds \(2026-03-09T09:00:00\.000Z\); supportops takes epoch milliseconds, so multiply by 1000/);
    for (const edge of [1e9, 1e10 - 1]) expect(safeToEpochMs(edge).success).toBe(false);
    expect(toEpochMs(seconds * 1000)).toBe(1_773_046_800_000);
  });
  it("keeps 1970 valid: small numbers, and any instant as a Date or ISO string", () => {
    for (const ms of [0, 1, 999_999_999, 1e10, -1e9]) expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(new Date(2_000_000_000))).toBe(2_000_000_000);
    expect(toEpochMs("1970-01-24T03:33:20Z")).toBe(2_000_000_000);
  });
  it("puts the caller's path on the issue", () => {
    expect(issueOf(() => toEpochMs("x", ["events", 3, "at"])).path).toStrictEqual(["events", 3, "at"]);
  });
  it("has a safe variant", () => {
    expect(safeToEpochMs("1970-01-01T00:00:01Z")).toStrictEqual({ success: true, data: 1000 });
    expect(safeToEpochMs("nope").success).toBe(false);
  });
});
