// The hand-written ISO-8601 reader against the regex-and-luxon reading toEpochMs used before it (kept
// here as the oracle): wherever the fast reader answers, it answers the same instant, and for
// four-digit years it answers exactly when the oracle accepts.
import { fc, test } from "@fast-check/vitest";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { safeToEpochMs, toEpochMs } from "@supportops/core";
import { readIsoInstant } from "../src/internal/readIsoInstant.js";

const ISO_INSTANT =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** toEpochMs's reading of a string before the fast reader existed: epoch ms, or "rejected". */
function oracle(text: string): number | "rejected" {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return "rejected";
  const offset = match[8] ?? "Z";
  if (!/^[Zz]$/.test(offset)) {
    const hours = Number(offset.slice(1, 3));
    const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
    if (hours > 23 || minutes > 59) return "rejected";
  }
  if (/[1-9]/.test((match[7] ?? "").slice(3))) return "rejected";
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return "rejected";
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leap ? 1 : 0);
  if (day < 1 || day > daysInMonth) return "rejected";
  if (hour > 23 || minute > 59 || second > 59) return "rejected";
  const normalised = text.replace(",", ".").replace(/[.]\d+/, (f) => f.slice(0, 4)).replace(" ", "T");
  const parsed = DateTime.fromISO(normalised, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : "rejected";
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** ISO-like strings, mostly well-formed, with every part pushed to and past its edges. */
const isoLike: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(
      { arbitrary: fc.integer({ min: 1960, max: 2100 }), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 9999 }), weight: 1 },
      { arbitrary: fc.constantFrom(0, 1900, 2000, 2100, 2400), weight: 1 }, // century leap rules
    ),
    month: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 6 }, { arbitrary: fc.constant(2), weight: 2 }, { arbitrary: fc.constantFrom(0, 13, 99), weight: 1 }),
    day: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 28 }), weight: 4 }, { arbitrary: fc.integer({ min: 29, max: 31 }), weight: 2 }, { arbitrary: fc.constantFrom(0, 32), weight: 1 }),
    separator: fc.constantFrom("T", "T", "T", "t", " ", "x"),
    hour: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 23 }), weight: 8 }, { arbitrary: fc.constantFrom(24, 99), weight: 1 }),
    minute: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 59 }), weight: 8 }, { arbitrary: fc.constantFrom(60, 99), weight: 1 }),
    second: fc.option(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 59 }), weight: 8 }, { arbitrary: fc.constantFrom(60, 99), weight: 1 }), { freq: 5 }),
    fraction: fc.option(
      fc.tuple(fc.constantFrom(".", ".", ","), fc.oneof(fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^\d{3}0{0,6}$/), fc.stringMatching(/^\d{0,9}$/))),
      { freq: 2 },
    ),
    offset: fc.oneof(
      fc.constantFrom("Z", "Z", "z", "", "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+01:60"),
      fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(":", "", "none")).map(
        ([sign, h, m, form]) => (form === "none" ? `${sign}${pad(h, 2)}` : `${sign}${pad(h, 2)}${form}${pad(m, 2)}`),
      ),
    ),
  })
  .map(({ year, month, day, separator, hour, minute, second, fraction, offset }) => {
    const time = second === null ? `${pad(hour, 2)}:${pad(minute, 2)}` : `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === null ? "" : fraction.join("")}`;
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${time}${offset}`;
  });

/** A well-formed string with one character inserted, dropped or replaced. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(isoLike, fc.nat(), fc.constantFrom("insert", "drop", "replace"), fc.constantFrom("0", "9", ":", "-", "+", "Z", "T", " ", ".", "a", "\u0660"))
  .map(([text, at, how, char]) => {
    const i = at % (text.length + 1);
    if (how === "insert") return text.slice(0, i) + char + text.slice(i);
    if (how === "drop") return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe("readIsoInstant", () => {
  test.prop([fc.oneof(isoLike, mutated, fc.string({ maxLength: 40 }))], { numRuns: numRuns(3000) })(
    "answers only what the oracle accepts, with the same instant; for four-digit years it answers whenever the oracle accepts",
    (text) => {
      const fast = readIsoInstant(text);
      const expected = oracle(text);
      if (!Number.isNaN(fast)) expect(fast).toBe(expected);
      if (/^\d{4}-/.test(text)) expect(Number.isNaN(fast)).toBe(expected === "rejected");
    },
  );

  test.prop([fc.oneof(isoLike, mutated)], { numRuns: numRuns(1000) })("toEpochMs gives the oracle's answer, and an invalid_time error when it rejects", (text) => {
    const expected = oracle(text);
    const result = safeToEpochMs(text);
    if (expected === "rejected") {
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0].code).toBe("invalid_time");
    } else {
      expect(result).toStrictEqual({ success: true, data: expected });
    }
  });

  it("reads the forms toEpochMs documents, and leaves six-digit years to the general path", () => {
    expect(readIsoInstant("2026-03-09T09:00:00-04:00")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(readIsoInstant("2026-03-09T18:30+05:30")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(readIsoInstant("2026-03-09 13:00:00,5z")).toBe(Date.UTC(2026, 2, 9, 13, 0, 0, 500));
    expect(readIsoInstant("2026-03-09T13:00:00.123000Z")).toBe(Date.UTC(2026, 2, 9, 13, 0, 0, 123));
    expect(readIsoInstant("2024-02-29T00:00:00+0100")).toBe(Date.UTC(2024, 1, 28, 23));
    expect(readIsoInstant("2000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29));
    expect(readIsoInstant("0000-01-01T00:00:00Z")).toBe(-62_167_219_200_000);
    expect(Object.is(readIsoInstant("1970-01-01T00:00:00-00:00"), 0)).toBe(true);
    expect(readIsoInstant("+002026-03-09T13:00:00Z")).toBeNaN();
    expect(toEpochMs("+002026-03-09T13:00:00Z")).toBe(Date.UTC(2026, 2, 9, 13));
  });

  it.each([
    ["no offset", "2026-03-09T09:00:00"],
    ["offset hours past 23", "2026-03-09T09:00:00+24:00"],
    ["offset minutes past 59", "2026-03-09T09:00:00+01:60"],
    ["sub-millisecond digits", "2026-03-09T09:00:00.0001Z"],
    ["a day the month lacks", "2025-02-29T09:00:00Z"],
    ["29 February of a century that is not a leap year", "2100-02-29T09:00:00Z"],
    ["month 13", "2026-13-09T09:00:00Z"],
    ["hour 24", "2026-03-09T24:00:00Z"],
    ["second 60", "2026-03-09T09:00:60Z"],
    ["an empty fraction", "2026-03-09T09:00:00.Z"],
    ["a dangling offset colon", "2026-03-09T09:00:00+01:"],
    ["trailing text", "2026-03-09T09:00:00Zx"],
  ])("leaves %s to toEpochMs, which rejects it", (_name, text) => {
    expect(readIsoInstant(text)).toBeNaN();
    expect(safeToEpochMs(text).success).toBe(false);
  });
});
