import { createPriorityMatrix } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import {
  ESCALATION_PACKAGE_ISSUE_CODES,
  EscalationError,
  EscalationPackageSchema,
  createEscalationPackage,
  escalationPackageJsonSchema,
  redact,
  safeCreateEscalationPackage,
  type CreateEscalationPackageOptions,
  type EscalationEvidenceInput,
} from "@supportops/escalation";
import { NOW, fullBug, minimalQuestion } from "./fixtures.js";

type Path = ReadonlyArray<string | number>;

function issuesOf(input: unknown, options: Partial<CreateEscalationPackageOptions> = {}): Array<{ code: string; path: Path }> {
  const result = safeCreateEscalationPackage(input, { now: NOW, ...options });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

const priorityMatrix = createPriorityMatrix({
  impact: ["high", "medium", "low"],
  urgency: ["high", "medium", "low"],
  priorities: ["P1", "P2", "P3", "P4", "P5"],
  table: {
    high: { high: "P1", medium: "P2", low: "P3" },
    medium: { high: "P2", medium: "P3", low: "P4" },
    low: { high: "P3", medium: "P4", low: "P5" },
  },
});

const codesSeen = new Set<string>();
function expectIssues(input: unknown, expected: Array<{ code: string; path: Path }>, options: Partial<CreateEscalationPackageOptions> = {}): void {
  expect(issuesOf(input, options)).toStrictEqual(expected);
  for (const issue of expected) codesSeen.add(issue.code);
}

const evidence0 = fullBug.evidence[0];

describe("createEscalationPackage: one rule for time fields", () => {
  const times = { firstSeenAt: 1773043920000, lastSeenAt: 1773063600000, reportedAt: 1773065100000, capturedAt: 1773063660000, lastUpdateAt: 1773064800000 };

  test("every …At field is stored as an ISO-8601 time with an offset or as epoch ms, and parsed to epoch ms", () => {
    const iso = createEscalationPackage(fullBug, { now: NOW });
    const ms = createEscalationPackage(
      {
        ...fullBug,
        firstSeenAt: times.firstSeenAt,
        lastSeenAt: "2026-03-09T09:40:00-04:00", // the same instant as 13:40Z
        reportedAt: times.reportedAt,
        evidence: [{ ...evidence0, capturedAt: times.capturedAt }],
        customerComms: { ...fullBug.customerComms, lastUpdateAt: times.lastUpdateAt },
      },
      { now: NOW },
    );
    expect(ms).toStrictEqual(iso);
    expect([ms.firstSeenAt, ms.lastSeenAt, ms.reportedAt, ms.evidence?.[0]?.capturedAt, ms.customerComms?.lastUpdateAt]).toStrictEqual(Object.values(times));
  });

  test.each<readonly [string, unknown, string]>([
    ["a time without an offset", "2026-03-09T14:05:00", "invalid_time"],
    ["epoch seconds", 1773065100, "invalid_time"],
    ["a fraction of a millisecond", 1773065100000.5, "invalid_union"],
    ["a Date (not JSON)", new Date(1773065100000), "invalid_union"],
  ])("%s is refused", (_name, reportedAt, code) => {
    expectIssues({ ...fullBug, reportedAt }, [{ code, path: ["reportedAt"] }]);
  });

  test("E7 compares instants, whatever their form: a lastSeenAt in ms after an ISO reportedAt is out of order", () => {
    expectIssues({ ...fullBug, lastSeenAt: times.reportedAt + 1 }, [{ code: "times_out_of_order", path: ["lastSeenAt"] }]);
    expectIssues({ ...fullBug, evidence: [{ ...evidence0, capturedAt: Date.parse(NOW) + 60_000 }] }, [{ code: "time_in_future", path: ["evidence", 0, "capturedAt"] }]);
  });
});

describe("createEscalationPackage: valid packages", () => {
  test("a complete bug and a bare question pass, parsed and frozen", () => {
    const pkg = createEscalationPackage(fullBug, { now: NOW, priorityMatrix, environments: ["production", "staging"] });
    // Every `…At` field is epoch milliseconds once parsed.
    expect(pkg).toStrictEqual({
      ...fullBug,
      firstSeenAt: Date.parse(fullBug.firstSeenAt),
      lastSeenAt: Date.parse(fullBug.lastSeenAt),
      reportedAt: Date.parse(fullBug.reportedAt),
      evidence: [{ ...evidence0, capturedAt: Date.parse(evidence0.capturedAt) }],
      customerComms: { ...fullBug.customerComms, lastUpdateAt: Date.parse(fullBug.customerComms.lastUpdateAt) },
    });
    expect(Object.isFrozen(pkg) && Object.isFrozen(pkg.reproSteps) && Object.isFrozen(pkg.impact)).toBe(true);
    expect(createEscalationPackage(minimalQuestion, { now: NOW })).toStrictEqual({ ...minimalQuestion, reportedAt: Date.parse(minimalQuestion.reportedAt) });
  });

  test("strings are trimmed; the input is not mutated", () => {
    const input = { ...minimalQuestion, summary: `  ${minimalQuestion.summary}  ` };
    const copy = structuredClone(input);
    expect(createEscalationPackage(input, { now: NOW }).summary).toBe(minimalQuestion.summary);
    expect(input).toStrictEqual(copy);
  });

  test("the schema alone applies the rules that need no context", () => {
    expect(EscalationPackageSchema.safeParse(fullBug).success).toBe(true);
    expect(EscalationPackageSchema.safeParse({ ...fullBug, expected: fullBug.actual }).success).toBe(false);
  });
});

describe("createEscalationPackage: each rule fails and passes", () => {
  test("E1: SEV1/SEV2 need customer counts, correlation ids and a first-seen time", () => {
    const { correlation: _c, firstSeenAt: _f, ...rest } = minimalQuestion as typeof minimalQuestion & { correlation?: unknown; firstSeenAt?: unknown };
    expectIssues({ ...rest, severity: "SEV1" }, [
      { code: "missing_high_severity_context", path: ["impact", "customersAffected"] },
      { code: "missing_high_severity_context", path: ["correlation"] },
      { code: "missing_high_severity_context", path: ["firstSeenAt"] },
    ]);
    expectIssues({ ...minimalQuestion, severity: "SEV2", impact: { ...minimalQuestion.impact, customersAffected: 0 }, correlation: {}, firstSeenAt: "2026-03-09T09:00:00Z" }, [
      { code: "missing_high_severity_context", path: ["correlation"] },
    ]);
    expectIssues({ ...minimalQuestion, severity: "SEV2", impact: { ...minimalQuestion.impact, customersAffected: 0 }, correlation: { requestIds: ["r1"] }, firstSeenAt: "2026-03-09T09:00:00Z" }, []);
  });

  test("E2: a bug needs repro steps, expected, actual, environment and release", () => {
    expectIssues({ ...minimalQuestion, kind: "bug" }, [
      { code: "missing_repro_details", path: ["reproSteps"] },
      { code: "missing_repro_details", path: ["expected"] },
      { code: "missing_repro_details", path: ["actual"] },
      { code: "missing_repro_details", path: ["release"] },
    ]);
    expectIssues({ ...fullBug, reproSteps: [{ n: 1, action: "Click Pay" }] }, [{ code: "missing_repro_details", path: ["reproSteps"] }]);
    const { environment: _e, ...noEnvironment } = fullBug;
    expectIssues(noEnvironment, [{ code: "invalid_type", path: ["environment"] }]);
  });

  test("E3: evidence is sanitised and carries its redaction report", () => {
    const { redactionReport: _r, ...noReport } = evidence0;
    expectIssues({ ...fullBug, evidence: [{ ...noReport, sanitized: false }] }, [
      { code: "unsanitized_evidence", path: ["evidence", 0, "sanitized"] },
      { code: "unsanitized_evidence", path: ["evidence", 0, "redactionReport"] },
    ]);
  });

  test("E5: priority agrees with the matrix unless overridden with a reason", () => {
    expectIssues({ ...fullBug, priority: "P4" }, [{ code: "priority_mismatch", path: ["priorityOverride", "reason"] }], { priorityMatrix });
    expectIssues({ ...fullBug, priority: "P4", priorityOverride: { reason: "Customer asked to hold until their freeze ends", by: "lead-7" } }, [], { priorityMatrix });
    expectIssues({ ...fullBug, priorityBasis: { impact: "huge", urgency: "high" } }, [{ code: "unknown_priority_basis", path: ["priorityBasis", "impact"] }], { priorityMatrix });
    expectIssues({ ...fullBug, priorityBasis: { impact: "huge", urgency: "now" } }, [
      { code: "unknown_priority_basis", path: ["priorityBasis", "impact"] },
      { code: "unknown_priority_basis", path: ["priorityBasis", "urgency"] },
    ], { priorityMatrix });
    expectIssues({ ...fullBug, priority: "P4" }, []); // no matrix, no E5
    const { priorityBasis: _b, ...noBasis } = fullBug;
    expectIssues({ ...noBasis, priority: "P4" }, [], { priorityMatrix }); // no impact/urgency, no E5
  });

  test("E6: W3C trace and span ids, not all zeros", () => {
    expectIssues({ ...fullBug, correlation: { traceIds: ["0".repeat(32), "4BF92F3577B34DA6A3CE929D0E0E4736", "abc"], spanIds: ["0".repeat(16), "00f067aa0ba902b7"] } }, [
      { code: "invalid_trace_id", path: ["correlation", "traceIds", 0] },
      { code: "invalid_trace_id", path: ["correlation", "traceIds", 1] },
      { code: "invalid_trace_id", path: ["correlation", "traceIds", 2] },
      { code: "invalid_span_id", path: ["correlation", "spanIds", 0] },
    ]);
  });

  test("E7: first seen ≤ last seen ≤ reported ≤ now", () => {
    expectIssues({ ...fullBug, firstSeenAt: "2026-03-09T14:00:00Z" }, [{ code: "times_out_of_order", path: ["lastSeenAt"] }]);
    expectIssues({ ...fullBug, lastSeenAt: "2026-03-09T14:30:00Z" }, [{ code: "times_out_of_order", path: ["lastSeenAt"] }]);
    const { lastSeenAt: _l, ...noLast } = fullBug;
    expectIssues({ ...noLast, firstSeenAt: "2026-03-09T14:30:00Z" }, [{ code: "times_out_of_order", path: ["firstSeenAt"] }]);
    expectIssues(fullBug, [
      { code: "time_in_future", path: ["reportedAt"] },
      { code: "time_in_future", path: ["evidence", 0, "capturedAt"] },
      { code: "time_in_future", path: ["customerComms", "lastUpdateAt"] },
    ], { now: "2026-03-09T13:40:30Z" });
    expectIssues(fullBug, [], { now: fullBug.reportedAt });
  });

  test("the table's other conditions", () => {
    expectIssues({ ...fullBug, reproSteps: [{ n: 1, action: "a b c" }, { n: 3, action: "d e f" }] }, [{ code: "steps_not_numbered", path: ["reproSteps", 1, "n"] }]);
    expectIssues({ ...fullBug, actual: ` ${fullBug.expected.toUpperCase()} ` }, [{ code: "expected_equals_actual", path: ["actual"] }]);
    expectIssues({ ...fullBug, reproducible: "intermittent" }, [{ code: "missing_frequency", path: ["frequency"] }]);
    expectIssues({ ...fullBug, businessUrgency: { ...fullBug.businessUrgency, needBy: fullBug.reportedAt } }, [{ code: "need_by_not_after_reported", path: ["businessUrgency", "needBy"] }]);
    expectIssues({ ...fullBug, evidence: [{ ...evidence0, kind: "screenshot" }] }, [{ code: "screenshot_not_reviewed", path: ["evidence", 0, "redactedRegionsReviewed"] }]);
    const { inline: _i, ...noContent } = evidence0;
    expectIssues({ ...fullBug, evidence: [noContent] }, [{ code: "evidence_without_content", path: ["evidence", 0] }]);
    expectIssues(fullBug, [{ code: "unknown_environment", path: ["environment"] }], { environments: ["prod", "staging"] });
    expectIssues({ ...fullBug, impact: { ...fullBug.impact, accounts: ["acme-corp"] } }, [{ code: "accounts_not_pseudonymized", path: ["impact", "accounts", 0] }]);
    // Only tokens exactly as redact()/pseudonymize() write them (16 hex digits) count as pseudonymised.
    expectIssues({ ...fullBug, impact: { ...fullBug.impact, accounts: ["[PHONE:k1:00000000]"] } }, [{ code: "accounts_not_pseudonymized", path: ["impact", "accounts", 0] }]);
    expectIssues({ ...fullBug, dedupKey: "checkout 500\n" }, [{ code: "not_printable", path: ["dedupKey"] }]);
    expectIssues({ ...fullBug, id: "ticket-1" }, [{ code: "invalid_id", path: ["id"] }]);
    expectIssues({ ...fullBug, summary: "Checkout fails for jane.doe@example.com since 08:00" }, [{ code: "sensitive_data_in_summary", path: ["summary"] }]);
    expectIssues({ ...fullBug, evidence: [{ ...evidence0, uri: "javascript:alert(1)" }] }, [{ code: "invalid_format", path: ["evidence", 0, "uri"] }]);
    expectIssues({ ...fullBug, reportedAt: "2026-03-09 14:05" }, [{ code: "invalid_time", path: ["reportedAt"] }]);
  });

  test("structural problems and rule violations are reported together", () => {
    expectIssues({ ...fullBug, summary: "short", expected: undefined, correlation: { traceIds: ["x"] } }, [
      { code: "too_small", path: ["summary"] },
      { code: "missing_repro_details", path: ["expected"] },
      { code: "invalid_trace_id", path: ["correlation", "traceIds", 0] },
    ]);
  });

  test("unknown fields are rejected, not silently dropped", () => {
    const { reproSteps, ...rest } = fullBug;
    expect(issuesOf({ ...rest, reproStep: reproSteps })).toStrictEqual([
      { code: "unrecognized_keys", path: ["reproStep"] },
      { code: "missing_repro_details", path: ["reproSteps"] },
    ]);
    const result = safeCreateEscalationPackage({ ...rest, reproStep: reproSteps }, { now: NOW });
    expect(result.success ? "" : result.error.issues[0]?.message).toMatch(/^unknown key "reproStep"; use "reproSteps" \(allowed: /);
  });

  test("issue messages say what to add", () => {
    const result = safeCreateEscalationPackage({ ...fullBug, priority: "P4" }, { now: NOW, priorityMatrix });
    expect(result.success ? null : result.error.issues).toStrictEqual([
      {
        code: "priority_mismatch",
        path: ["priorityOverride", "reason"],
        message: 'priority "P4" disagrees with the priority matrix (impact "medium" × urgency "high" → "P2"); set priority to "P2", or keep it and add priorityOverride.reason saying why',
      },
    ]);
    const unknown = safeCreateEscalationPackage({ ...fullBug, priorityBasis: { impact: "huge", urgency: "high" } }, { now: NOW, priorityMatrix });
    expect(unknown.success ? null : unknown.error.issues[0]?.message).toBe('"huge" is not an impact level of the priority matrix; use one of "high", "medium", "low"');
  });

  test("a severity or priority outside the vocabulary names the labels that are accepted", () => {
    const result = safeCreateEscalationPackage({ ...fullBug, severity: "Sev 2", priority: "2 - High" }, { now: NOW });
    expect(result.success ? null : result.error.issues.map(({ code, path, message }) => ({ code, path, message }))).toStrictEqual([
      { code: "invalid_value", path: ["severity"], message: '"Sev 2" is not a level of the PagerDuty severity ladder; use one of "SEV1", "SEV2", "SEV3", "SEV4", "SEV5"' },
      {
        code: "invalid_value",
        path: ["priority"],
        message: '"2 - High" is not a priority of the default priorities (pass priorityMatrix or priorities to use your own labels); use one of "P1", "P2", "P3", "P4", "P5"',
      },
    ]);
  });

  test("a bad `now` is invalid_time; a non-object input is invalid_package; all thrown as EscalationError", () => {
    const bad = thrownBy(EscalationError, () => createEscalationPackage(fullBug, { now: "yesterday" }));
    expect([bad.code, bad.issues.map((i) => [i.code, i.path]), bad.cause]).toStrictEqual(["invalid_time", [["invalid_time", ["now"]]], expect.any(Error)]);
    const invalid = safeCreateEscalationPackage(42, { now: NOW });
    expect(invalid.success ? null : [invalid.error.code, invalid.error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_package", [["invalid_type", []]]]);
  });

  test.each<readonly [string, unknown, ReadonlyArray<readonly [string, ReadonlyArray<string | number>]>]>([
    ["missing options", undefined, [["invalid_type", []]]],
    ["null options", null, [["invalid_type", []]]],
    ["options without now", {}, [["invalid_type", ["now"]]]],
    ["the old matrix option", { now: NOW, matrix: priorityMatrix }, [["unrecognized_keys", ["matrix"]]]],
    ["a matrix that is not one", { now: NOW, priorityMatrix: { lookup: 1 } }, [["invalid_type", ["priorityMatrix", "impact"]], ["invalid_type", ["priorityMatrix", "urgency"]], ["invalid_type", ["priorityMatrix", "priorities"]], ["custom", ["priorityMatrix", "lookup"]]]],
    ["a ladder that is not one", { now: NOW, severityLadder: "SEV" }, [["invalid_type", ["severityLadder"]]]],
    ["duplicate priorities", { now: NOW, priorities: ["High", "High"] }, [["duplicate_level", ["priorities", 1]]]],
    ["a matrix and priorities", { now: NOW, priorityMatrix, priorities: ["P1"] }, [["conflicting_options", ["priorities"]]]],
  ])("invalid_argument: %s", (_name, options, issues) => {
    const error = thrownBy(EscalationError, () => createEscalationPackage(fullBug, options as CreateEscalationPackageOptions));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", issues]);
  });

  test("a forgotten options object says how to call it", () => {
    const error = thrownBy(EscalationError, () => createEscalationPackage(fullBug, undefined as never));
    expect(error.message).toBe("expected an options object, got undefined; call it as createEscalationPackage(input, { now, severityLadder?, priorityMatrix?, priorities?, environments? })");
  });

  test("every rule issue code has an example above", () => {
    expect([...ESCALATION_PACKAGE_ISSUE_CODES].filter((code) => !codesSeen.has(code))).toStrictEqual([]);
  });
});

test("the JSON Schema describes the stored form", () => {
  const schema = escalationPackageJsonSchema();
  expect(schema.required).toStrictEqual([
    "schemaVersion", "id", "ticketId", "summary", "kind", "severity", "priority", "target", "service", "environment",
    "reproducible", "reportedAt", "impact", "businessUrgency", "ask", "attempts", "taxonomy",
  ]);
  // A stored instant: an ISO-8601 time with an offset, or integer epoch milliseconds (core's InstantSchema).
  expect((schema.properties?.["reportedAt"] as { anyOf?: ReadonlyArray<{ type: string; format?: string }> }).anyOf?.map(({ type, format }) => [type, format])).toStrictEqual([
    ["string", "date-time"],
    ["integer", undefined],
  ]);
  expect(JSON.stringify(schema)).not.toContain("readOnly");
  expect(schema.additionalProperties).toBe(false);
  const idPattern = new RegExp((schema.properties?.["id"] as { pattern: string }).pattern);
  expect([fullBug.id, minimalQuestion.id, "ticket-1"].map((id) => idPattern.test(id))).toStrictEqual([true, true, false]);
  expect((schema.properties?.["severity"] as { enum?: unknown }).enum).toStrictEqual(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]);
});

test("redact()'s report goes straight into evidence (types checked by tsc -b)", () => {
  const { value, report } = redact("ERROR saml: assertion expired for jane.doe@example.com");
  const evidence: EscalationEvidenceInput = {
    kind: "log",
    title: "auth-api log excerpt",
    inline: value,
    capturedAt: "2026-03-09T13:41:00Z",
    sanitized: true,
    redactionReport: report,
  };
  expect(evidence.redactionReport?.counts).toStrictEqual({ email: 1 });
});

describe("createEscalationPackage with hostile input", () => {
  test("the summary rule sees through brackets and invisible characters", () => {
    const summaries = [
      "[INFO]jane.doe@example.com [auth]password=hunter2secret [x]4111 1111 1111 1111",
      "Checkout fails for jane.doe\u200b@example.com since 08:00",
      "Checkout fails for [EMAIL]jane.doe@example.com since 08:00",
    ];
    for (const summary of summaries) expectIssues({ ...fullBug, summary }, [{ code: "sensitive_data_in_summary", path: ["summary"] }]);
  });

  test("an account that only looks like a pseudonym is refused: a secret in its key version, a card number for hex digits", () => {
    for (const account of ["[ACCOUNT:AKIAIOSFODNN7EXAMPLE:0123456789abcdef]", "[ACCOUNT:k1:4111111111111111]"]) {
      expectIssues({ ...fullBug, impact: { ...fullBug.impact, accounts: [account] } }, [{ code: "accounts_not_pseudonymized", path: ["impact", "accounts", 0] }]);
    }
  });

  test("environments as a string is refused, never matched by substring", () => {
    const error = thrownBy(EscalationError, () => createEscalationPackage({ ...fullBug, environment: "prod" }, { now: NOW, environments: "production" as never }));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_type", ["environments"]]]]);
  });

  test("an input nested without end is too_deep (invalid_package), before zod or anything else walks it", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = { deep };
    const input = { ...fullBug, evidence: [{ ...evidence0, redactionReport: { ...evidence0.redactionReport, extra: deep } }] };
    const error = thrownBy(EscalationError, () => createEscalationPackage(input, { now: NOW }));
    expect([error.code, error.issues[0]?.code, error.issues[0]?.path.slice(0, 4)]).toStrictEqual(["invalid_package", "too_deep", ["evidence", 0, "redactionReport", "extra"]]);
    const cyclic: Record<string, unknown> = { ...fullBug };
    cyclic["self"] = cyclic;
    expect(thrownBy(EscalationError, () => createEscalationPackage(cyclic, { now: NOW })).issues[0]?.code).toBe("too_deep");
  });

  test("a refused input is never frozen (zod's readonly would freeze the caller's value when parsing fails)", () => {
    const inputs: unknown[] = [[1, [2]], { ...fullBug, reproSteps: [[1]], attempts: [["x"]], impact: [] }];
    for (const input of inputs) {
      expect(safeCreateEscalationPackage(input, { now: NOW }).success).toBe(false);
      expect(EscalationPackageSchema.safeParse(input).success).toBe(false);
    }
    expect([Object.isFrozen(inputs[0]), Object.isFrozen((inputs[0] as unknown[])[1]), Object.isFrozen(inputs[1])]).toStrictEqual([false, false, false]);
    const second = inputs[1] as { reproSteps: unknown[][]; attempts: unknown[][]; impact: unknown[] };
    expect([second.reproSteps, second.reproSteps[0], second.attempts[0], second.impact].map((v) => Object.isFrozen(v))).toStrictEqual([false, false, false, false]);
  });
});
