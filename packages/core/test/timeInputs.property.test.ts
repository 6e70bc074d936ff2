import { fc, test } from "@fast-check/vitest";
import { DateTime, Duration } from "luxon";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { SupportOpsError, toDurationMs, toEpochMs } from "@supportops/core";

const instant = fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }); // years 0001–9999
const zoneOffsetMinutes = fc.integer({ min: -14 * 60, max: 14 * 60 });

function isoWithOffset(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms, { zone: offsetMinutes === 0 ? "UTC" : `UTC${offsetMinutes > 0 ? "+" : "-"}${Math.floor(Math.abs(offsetMinutes) / 60)}:${String(Math.abs(offsetMinutes) % 60).padStart(2, "0")}` }).toISO({ includeOffset: true }) ?? "";
}

describe("time input round trips", () => {
  test.prop([instant, zoneOffsetMinutes], { numRuns: numRuns(300) })("ISO with any offset → same instant", (ms, offset) => {
    const iso = isoWithOffset(ms, offset);
    expect(toEpochMs(iso)).toBe(ms);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs(DateTime.fromMillis(ms))).toBe(ms);
  });

  test.prop([instant], { numRuns: numRuns(200) })("stripping the offset always rejects", (ms) => {
    const iso = new Date(ms).toISOString().replace("Z", "");
    expect(() => toEpochMs(iso)).toThrow(SupportOpsError);
  });

  const parts = fc.record(
    {
      weeks: fc.integer({ min: 0, max: 50 }),
      days: fc.integer({ min: 0, max: 400 }),
      hours: fc.integer({ min: 0, max: 100 }),
      minutes: fc.integer({ min: 0, max: 1000 }),
      seconds: fc.integer({ min: 0, max: 100_000 }),
      milliseconds: fc.integer({ min: 0, max: 999 }),
    },
    { requiredKeys: [] },
  );

  test.prop([parts, fc.boolean()], { numRuns: numRuns(300) })("ISO string, object and luxon Duration agree", (p, negative) => {
    const expected =
      (p.weeks ?? 0) * 604_800_000 +
      (p.days ?? 0) * 86_400_000 +
      (p.hours ?? 0) * 3_600_000 +
      (p.minutes ?? 0) * 60_000 +
      (p.seconds ?? 0) * 1_000 +
      (p.milliseconds ?? 0);
    const sign = negative ? -1 : 1;
    const date = `${p.weeks !== undefined ? `${p.weeks}W` : ""}${p.days !== undefined ? `${p.days}D` : ""}`;
    const secs = p.seconds !== undefined || p.milliseconds !== undefined
      ? `${(p.seconds ?? 0)}${p.milliseconds !== undefined ? `.${String(p.milliseconds).padStart(3, "0")}` : ""}S`
      : "";
    const time = `${p.hours !== undefined ? `${p.hours}H` : ""}${p.minutes !== undefined ? `${p.minutes}M` : ""}${secs}`;
    const iso = `${negative ? "-" : ""}P${date}${time === "" ? "" : `T${time}`}`;
    if (iso.endsWith("P")) {
      expect(() => toDurationMs(iso)).toThrow(SupportOpsError);
      return;
    }
    expect(toDurationMs(iso)).toBe(sign * expected || 0);
    if (Object.keys(p).length > 0) {
      expect(toDurationMs(p)).toBe(expected);
      expect(toDurationMs(Duration.fromObject(p))).toBe(expected);
    }
  });

  test.prop([fc.integer({ min: 1, max: 1000 }), fc.constantFrom("Y", "M")], { numRuns: numRuns(100) })(
    "years and months are always rejected",
    (n, unit) => {
      expect(() => toDurationMs(`P${n}${unit}`)).toThrow(/no fixed length/);
    },
  );
});
