import { describe, expect, it } from "vitest";
import { CoreError, assertTimeZone, isTimeZone } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";

describe("assertTimeZone", () => {
  it("accepts IANA names, UTC and the Etc zones, and returns them", () => {
    for (const zone of ["UTC", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "Asia/Kathmandu", "Etc/UTC", "Etc/GMT+5"]) {
      expect(assertTimeZone(zone)).toBe(zone);
      expect(isTimeZone(zone)).toBe(true);
    }
  });
  it("rejects unknown names, offsets and non-strings with invalid_time_zone and the path", () => {
    for (const zone of ["Mars/Olympus", "+02:00", "", 5, null]) {
      expect(isTimeZone(zone)).toBe(false);
      const error = thrownBy(CoreError, () => assertTimeZone(zone, ["timeZone"]));
      expect(error.code).toBe("invalid_time_zone");
      expect(error.issues[0].path).toStrictEqual(["timeZone"]);
    }
  });
  it("rejects the legacy zone names, whatever their case, and names the location to use", () => {
    const expected: ReadonlyArray<[string, string]> = [
      ["EST", "America/New_York"],
      ["EST5EDT", "America/New_York"],
      ["est5edt", "America/New_York"],
      ["CST6CDT", "America/Chicago"],
      ["MST", "America/Phoenix"],
      ["MST7MDT", "America/Denver"],
      ["PST8PDT", "America/Los_Angeles"],
      ["HST", "Pacific/Honolulu"],
      ["CET", "Europe/Paris"],
      ["MET", "Europe/Paris"],
      ["EET", "Europe/Athens"],
      ["WET", "Europe/Lisbon"],
    ];
    for (const [zone, location] of expected) {
      expect(isTimeZone(zone)).toBe(false);
      const error = thrownBy(CoreError, () => assertTimeZone(zone));
      expect(error.code).toBe("invalid_time_zone");
      expect(error.message).toBe(
        `"${zone}" is a legacy zone name that does not follow any region's real rules; use a location such as "${location}" (or "UTC", "Etc/GMT+5" for a fixed offset)`,
      );
    }
  });
  it("says a fixed offset is not a zone", () => {
    expect(thrownBy(CoreError, () => assertTimeZone("+02:00")).message).toBe(
      '"+02:00" is a fixed offset, not a time zone (it has no DST rules); use a location such as "America/New_York", or "UTC"',
    );
  });
});
