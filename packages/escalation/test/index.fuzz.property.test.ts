// Every public entry point of escalation, fed hostile values: it returns or throws an EscalationError
// with one of ESCALATION_ERROR_CODES, never a raw exception; it never mutates its arguments, never
// pollutes a prototype and never runs away (expectContained from @supportops/test-utils).
import { fc, test } from "@fast-check/vitest";
import type { BusinessCalendarLike } from "@supportops/core";
import {
  ESCALATION_ERROR_CODES,
  EscalationError,
  EscalationPackageSchema,
  createEscalationMatrix,
  createEscalationPackage,
  createEscalationPackageSchema,
  createEscalationPolicy,
  escalationPackageJsonSchema,
  pseudonymize,
  redact,
  renderEscalation,
  safeCreateEscalationMatrix,
  safeCreateEscalationPackage,
  safeCreateEscalationPolicy,
  safePseudonymize,
  safeRedact,
  scoreEscalation,
  toOpsgenieAlert,
  toPagerDutyEvent,
} from "@supportops/escalation";
import { INVISIBLE_CHARACTERS, expectContained, hostileScalarArb, hostileValueArb, numRuns } from "@supportops/test-utils";
import { describe } from "vitest";
import { NOW, fullBug, minimalQuestion } from "./fixtures.js";
import { weekdayCalendar } from "./support/weekdayCalendar.js";

const pkg = createEscalationPackage(fullBug, { now: NOW });
const levels = [
  { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
  { after: "-PT15M", relativeTo: "slaDue", targets: ["user:lead"] },
] as const;
const policy = createEscalationPolicy({ levels, repeat: 1 });
const matrix = createEscalationMatrix({ rules: [{ when: { severity: ["SEV1"], category: ["billing.*"] }, target: "payments" }], fallback: "l2" });
const createdEvents = [{ type: "created", at: Date.parse("2026-03-09T09:00:00Z") }] as const;
const KEY = "fuzz-key-0123456789abcdef";

/** A calendar whose business-time methods answer `value` (anything at all) instead of a number. */
function hostileCalendar(value: unknown): BusinessCalendarLike {
  return { ...weekdayCalendar(), addBusinessMs: () => value as number, businessMsBetween: () => value as number };
}

type EntryPoint = readonly [string, (a: never, b: never) => unknown];

const ENTRY_POINTS: ReadonlyArray<EntryPoint> = [
  ["createEscalationPackage", (a, b) => createEscalationPackage(a, b)],
  ["createEscalationPackage(hostile, { now })", (a) => createEscalationPackage(a, { now: NOW })],
  ["createEscalationPackage(input, hostile options)", (_a, b) => createEscalationPackage(fullBug, b)],
  ["createEscalationPackage(input, { now, environments: hostile })", (_a, b) => createEscalationPackage(fullBug, { now: NOW, environments: b })],
  ["safeCreateEscalationPackage", (a, b) => safeCreateEscalationPackage(a, b)],
  ["createEscalationPackage(hostile inside a field that keeps extra keys)", (a) =>
    createEscalationPackage({ ...fullBug, evidence: [{ ...fullBug.evidence[0], redactionReport: { counts: {}, engine: "e", extra: a } }] }, { now: NOW })],
  ["createEscalationPackage(hostile times)", (a, b) => createEscalationPackage({ ...fullBug, reportedAt: a, evidence: [{ ...fullBug.evidence[0], capturedAt: b }] }, { now: NOW })],
  ["createEscalationPackageSchema", (a) => createEscalationPackageSchema(a)],
  ["EscalationPackageSchema.safeParse", (a) => EscalationPackageSchema.safeParse(a)],
  ["escalationPackageJsonSchema", (a) => escalationPackageJsonSchema(a)],
  ["scoreEscalation(hostile, hostile)", (a, b) => scoreEscalation(a, b)],
  ["scoreEscalation(pkg, hostile rubric)", (_a, b) => scoreEscalation(pkg, b)],
  ["renderEscalation(hostile, hostile)", (a, b) => renderEscalation(a, b)],
  ["renderEscalation(hostile, markdown)", (a) => renderEscalation(a, "markdown")],
  ["renderEscalation(pkg, hostile)", (_a, b) => renderEscalation(pkg, b)],
  ["toPagerDutyEvent(hostile, hostile)", (a, b) => toPagerDutyEvent(a, b)],
  ["toPagerDutyEvent(pkg, hostile)", (_a, b) => toPagerDutyEvent(pkg, b)],
  ["toPagerDutyEvent(pkg, { routingKey, clientUrl: hostile })", (_a, b) => toPagerDutyEvent(pkg, { routingKey: "k", clientUrl: b })],
  ["toOpsgenieAlert(hostile, hostile)", (a, b) => toOpsgenieAlert(a, b)],
  ["toOpsgenieAlert(pkg, hostile)", (_a, b) => toOpsgenieAlert(pkg, b)],
  ["createEscalationPolicy", (a) => createEscalationPolicy(a)],
  ["createEscalationPolicy({ levels: hostile })", (a) => createEscalationPolicy({ levels: a })],
  ["createEscalationPolicy({ levels: [{ after: hostile, … }] })", (a, b) => createEscalationPolicy({ levels: [{ after: a, relativeTo: "created", targets: b }] })],
  ["createEscalationPolicy({ levels, hostile key, calendar: hostile })", (a, b) => createEscalationPolicy({ levels, extra: a, calendar: b } as never)],
  ["safeCreateEscalationPolicy", (a) => safeCreateEscalationPolicy(a)],
  ["policy.schedule", (a) => policy.schedule(a)],
  ["policy.schedule({ createdAt: hostile, slaDueAt: hostile })", (a, b) => policy.schedule({ createdAt: a, slaDueAt: b })],
  ["policy.due", (a, b) => policy.due(a, b)],
  ["policy.due(events, { at: hostile, slaDueAt: hostile })", (a, b) => policy.due(createdEvents, { at: a, slaDueAt: b })],
  ["policy.due([hostile events], { at })", (a, b) => policy.due([createdEvents[0], a, b] as never, { at: "2026-03-09T12:00:00Z", slaDueAt: "2026-03-09T13:00:00Z" })],
  [
    "policy.schedule on a calendar answering hostile values",
    (a) => createEscalationPolicy({ levels, repeat: 1, calendar: hostileCalendar(a) }).schedule({ createdAt: "2026-03-09T09:00:00Z", slaDueAt: "2026-03-09T13:00:00Z" }),
  ],
  ["createEscalationMatrix", (a, b) => createEscalationMatrix(a, b)],
  ["createEscalationMatrix({ rules: hostile })", (a) => createEscalationMatrix({ rules: a })],
  ["createEscalationMatrix({ rules: [hostile] })", (a, b) => createEscalationMatrix({ rules: [a, { target: "x", when: b }] })],
  ["createEscalationMatrix({ rules: [{ target, extra: hostile }] })", (a, b) => createEscalationMatrix({ rules: [{ target: "x", extra: a, when: { severity: ["SEV1"], service: b } }] } as never)],
  ["safeCreateEscalationMatrix", (a, b) => safeCreateEscalationMatrix(a, b)],
  ["matrix.route", (a) => matrix.route(a)],
  ["matrix.route({ severity, category: hostile, service: hostile })", (a, b) => matrix.route({ severity: "SEV1", category: a, service: b })],
  ["redact", (a, b) => redact(a, b)],
  ["redact(hostile)", (a) => redact(a)],
  ["redact(hostile, pseudonymize)", (a) => redact(a, { mode: "pseudonymize", key: KEY, keyVersion: "k1" })],
  ["redact({ note: hostile string }, { mode: hostile })", (a, b) => redact({ note: typeof a === "string" ? a : String(typeof a) }, { mode: b } as never)],
  ["safeRedact", (a, b) => safeRedact(a, b)],
  ["pseudonymize", (a, b) => pseudonymize(a, b)],
  ["pseudonymize(hostile, options)", (a) => pseudonymize(a, { key: KEY, keyVersion: "k1", entity: "email" })],
  ["pseudonymize(value, { keyVersion: hostile, entity: hostile })", (a, b) => pseudonymize("ACME-0042", { key: KEY, keyVersion: a, entity: b } as never)],
  ["safePseudonymize", (a, b) => safePseudonymize(a, b)],
];

describe("escalation public API with hostile input", () => {
  for (const [name, fn] of ENTRY_POINTS) {
    test.prop([hostileValueArb, hostileValueArb], { numRuns: numRuns(30) })(`${name} contains hostile input`, (a, b) => {
      expectContained(EscalationError, ESCALATION_ERROR_CODES, fn, [a, b]);
    });
  }
});

/** Every string field of a valid package replaced, one at a time, by a hostile string. */
const hostileStringArb = fc.oneof(
  hostileScalarArb.filter((value): value is string => typeof value === "string"),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...INVISIBLE_CHARACTERS), fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`),
  fc.constantFrom("javascript:alert(1)", "https://evil.example/x", "www.evil.example", "[EMAIL]jane.doe@example.com", "\u202e\u0000]]>{noformat}"),
);
const FIELDS = ["summary", "ask", "actual", "expected", "service", "environment", "ticketId", "release", "workaround", "errorText"] as const;

describe("a package with a hostile string in one field", () => {
  test.prop([fc.constantFrom(...FIELDS), hostileStringArb], { numRuns: numRuns(60) })("is refused with a typed error, or renders, scores and exports", (field, value) => {
    const run = (input: unknown): void => {
      const created = createEscalationPackage(input, { now: NOW });
      for (const format of ["markdown", "github", "jira", "text"] as const) renderEscalation(created, format);
      scoreEscalation(created);
      toPagerDutyEvent(created, { routingKey: "k" });
      toOpsgenieAlert(created);
    };
    expectContained(EscalationError, ESCALATION_ERROR_CODES, run as (a: never) => unknown, [{ ...minimalQuestion, [field]: value }]);
  });
});
