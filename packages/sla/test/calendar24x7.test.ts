import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { SlaError, calendar24x7 } from "@supportops/sla";

describe("calendar24x7", () => {
  it("the TSDoc examples: always open, business time is elapsed time", () => {
    expect(calendar24x7().businessMsBetween(0, 3_600_000)).toBe(3_600_000);
    expect([calendar24x7("Europe/Dublin").timeZone, calendar24x7().definition?.name]).toStrictEqual(["Europe/Dublin", "24x7"]);
  });

  it("invalid_time_zone at timeZone for a zone that is not an IANA name (before, invalid_calendar)", () => {
    const legacy = thrownBy(SlaError, () => calendar24x7("EST"));
    expect([legacy.code, legacy.issues]).toStrictEqual([
      "invalid_time_zone",
      [
        {
          code: "invalid_time_zone",
          path: ["timeZone"],
          message: '"EST" is a legacy zone name that does not follow any region\'s real rules; use a location such as "America/New_York" (or "UTC", "Etc/GMT+5" for a fixed offset)',
        },
      ],
    ]);
    expect(thrownBy(SlaError, () => calendar24x7(42 as unknown as string)).issues[0].message).toBe("expected an IANA time-zone name, got number 42");
  });
});
