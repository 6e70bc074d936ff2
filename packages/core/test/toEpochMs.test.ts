import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { SupportOpsError, toEpochMs } from "@supportops/core";

describe("toEpochMs", () => {
  it("reads an ISO string with an offset", () => {
    expect(toEpochMs("2026-03-09T09:00:00-04:00")).toBe(Date.UTC(2026, 2, 9, 13));
  });
  it("rejects an ISO string without an offset", () => {
    expect(() => toEpochMs("2026-03-09T09:00:00")).toThrow(SupportOpsError);
  });
  it("reads luxon", () => {
    expect(toEpochMs(DateTime.fromMillis(5))).toBe(5);
  });
});
