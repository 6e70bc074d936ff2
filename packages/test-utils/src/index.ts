/**
 * Shared helpers for supportops tests: how many runs a property gets, and arbitraries that several
 * packages need. Private to the workspace; never published.
 */
import fc from "fast-check";
import { inject } from "vitest";

/**
 * The number of fast-check runs for a property: `base` by default, multiplied by
 * `FC_RUNS_MULTIPLIER` (CI sets it for heavier runs).
 */
export function numRuns(base: number): number {
  return Math.max(1, Math.round(base * inject("fcRunsMultiplier")));
}

/** IANA zones that exercise DST north and south, odd offsets, 30-minute and negative DST, and shifting rules. */
export const TEST_ZONES: ReadonlyArray<string> = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "America/St_Johns",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Dublin",
  "Africa/Casablanca",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Auckland",
];

/** One of {@link TEST_ZONES}. */
export const zoneArb: fc.Arbitrary<string> = fc.constantFrom(...TEST_ZONES);

/** 1970-01-01T00:00:00Z. */
export const MIN_TEST_MS = 0;
/** 2100-01-01T00:00:00Z. */
export const MAX_TEST_MS = Date.UTC(2100, 0, 1);

/**
 * An epoch-millisecond instant in [1970, 2100), millisecond-precise, that `toEpochMs` accepts as a
 * number: it skips [1e9, 1e10), the band refused as likely epoch seconds (1970-01-12 to 1970-04-26).
 */
export const instantArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: MIN_TEST_MS, max: 1e9 - 1 }), weight: 1 },
  { arbitrary: fc.integer({ min: 1e10, max: MAX_TEST_MS - 1 }), weight: 20 },
);

/** A lowercase letters-and-digits identifier. */
export const idArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);

/**
 * Runs `fn`, which must throw an instance of `errorClass`, and returns that error for assertions.
 * Any other outcome fails the test: no throw, or an error of another class (rethrown as is).
 */
export function thrownBy<E extends Error>(errorClass: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof errorClass) return error;
    throw error;
  }
  throw new Error(`expected a ${errorClass.name} to be thrown`);
}

export { CATASTROPHIC_MS, INVISIBLE_CHARACTERS, expectContained, hostileScalarArb, hostileValueArb, nested } from "./hostile.js";
export { GENERATED_CHANNELS, GENERATED_GROUP_MEMBERS, GENERATED_PRIORITIES, generateTicketLogs, iterateTicketLogs, mulberry32 } from "./ticketLogs.js";
export type { GenerateTicketLogsOptions, GeneratedInstant, GeneratedTicketEvent, GeneratedTicketLog } from "./ticketLogs.js";
