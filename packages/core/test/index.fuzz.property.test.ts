// Every public entry point of core, fed hostile values: it returns or throws a CoreError with a code,
// never a raw exception, never mutates its input, never pollutes a prototype, never runs away.
import { fc, test } from "@fast-check/vitest";
import { describe } from "vitest";
import {
  CORE_ERROR_CODES,
  CoreError,
  PAGERDUTY_SEVERITY_LADDER,
  SERVICENOW_PRIORITY_MATRIX,
  assertTimeZone,
  createImpactRules,
  createPriorityMatrix,
  createSeverityLadder,
  isTimeZone,
  parseTicketLog,
  safeParseTicketLog,
  summarizeTicket,
  toDurationMs,
  toEpochMs,
  validateLevelChange,
} from "@supportops/core";
import { expectContained, hostileValueArb, numRuns } from "@supportops/test-utils";

const rules = createImpactRules([{ id: "many", when: { affectedCustomers: { gte: 10 } }, raise: { severity: "SEV2" } }], {
  severityLevels: ["SEV1", "SEV2", "SEV3"],
});
const goodLog = [{ id: "1", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }];

const ENTRY_POINTS: ReadonlyArray<readonly [string, (a: never, b: never) => unknown]> = [
  ["toEpochMs", (a) => toEpochMs(a)],
  ["toDurationMs", (a) => toDurationMs(a)],
  ["assertTimeZone", (a) => assertTimeZone(a)],
  ["isTimeZone", (a) => isTimeZone(a)],
  ["parseTicketLog", (a, b) => parseTicketLog(a, b)],
  ["safeParseTicketLog", (a, b) => safeParseTicketLog(a, b)],
  ["summarizeTicket(log, hostile)", (_a, b) => summarizeTicket(goodLog, b)],
  ["summarizeTicket(hostile, options)", (a) => summarizeTicket(a, { at: "2026-03-10T00:00:00Z" })],
  ["createPriorityMatrix", (a) => createPriorityMatrix(a)],
  ["matrix.lookup", (a, b) => SERVICENOW_PRIORITY_MATRIX.lookup(a, b)],
  ["createSeverityLadder", (a) => createSeverityLadder(a)],
  ["ladder.level", (a) => PAGERDUTY_SEVERITY_LADDER.level(a)],
  ["ladder.compare", (a, b) => PAGERDUTY_SEVERITY_LADDER.compare(a, b)],
  ["createImpactRules", (a, b) => createImpactRules(a, b)],
  ["rules.evaluate", (a, b) => rules.evaluate(a, b)],
  ["validateLevelChange", (a, b) => validateLevelChange(a, b)],
];

describe("core public API with hostile input", () => {
  for (const [name, fn] of ENTRY_POINTS) {
    test.prop([hostileValueArb, hostileValueArb], { numRuns: numRuns(40) })(`${name} contains hostile input`, (a, b) => {
      expectContained(CoreError, CORE_ERROR_CODES, fn, [a, b]);
    });
  }
});

void fc;
