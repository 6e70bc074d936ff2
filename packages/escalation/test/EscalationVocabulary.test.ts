import {
  ATLASSIAN_SEVERITY_LADDER,
  ITIL_4X4_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX_FIX,
  PAGERDUTY_SEVERITY_LADDER,
  SERVICENOW_INCIDENT_PRIORITY_MATRIX,
  SERVICENOW_PRIORITY_MATRIX,
  createSeverityLadder,
  type PriorityMatrix,
  type SeverityLadder,
} from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import {
  ESCALATION_RENDER_FORMATS,
  EscalationError,
  EscalationPackageSchema,
  createEscalationMatrix,
  createEscalationPackage,
  createEscalationPackageSchema,
  escalationPackageJsonSchema,
  renderEscalation,
  safeCreateEscalationPackage,
  scoreEscalation,
  toOpsgenieAlert,
  toPagerDutyEvent,
} from "@supportops/escalation";
import { NOW, fullBug } from "./fixtures.js";

const LADDERS: ReadonlyArray<readonly [string, SeverityLadder<string>]> = [
  ["PAGERDUTY_SEVERITY_LADDER", PAGERDUTY_SEVERITY_LADDER],
  ["ATLASSIAN_SEVERITY_LADDER", ATLASSIAN_SEVERITY_LADDER],
];
const MATRICES: ReadonlyArray<readonly [string, PriorityMatrix]> = [
  ["SERVICENOW_PRIORITY_MATRIX", SERVICENOW_PRIORITY_MATRIX],
  ["SERVICENOW_INCIDENT_PRIORITY_MATRIX", SERVICENOW_INCIDENT_PRIORITY_MATRIX],
  ["ITIL_4X4_PRIORITY_MATRIX", ITIL_4X4_PRIORITY_MATRIX],
  ["JSM_PRIORITY_MATRIX", JSM_PRIORITY_MATRIX],
];
const PRESETS = LADDERS.flatMap(([ladderName, ladder]) => MATRICES.map(([matrixName, matrix]) => [`${ladderName} × ${matrixName}`, ladder, matrix] as const));
const OPSGENIE = ["P1", "P2", "P3", "P4", "P5"];

/** Every (impact, urgency) cell of a matrix. */
const cellsOf = (matrix: PriorityMatrix) => matrix.impact.flatMap((impact) => matrix.urgency.map((urgency) => ({ impact, urgency })));

describe.each(PRESETS)("core presets end to end: %s", (_name, severityLadder, priorityMatrix) => {
  const vocabulary = { severityLadder, priorityMatrix };
  // One package per cell, its priority derived from the matrix, its severity going down the ladder.
  const packages = cellsOf(priorityMatrix).map((basis, index) =>
    createEscalationPackage(
      {
        ...fullBug,
        severity: severityLadder.ids[index % severityLadder.ids.length],
        priority: priorityMatrix.lookup(basis.impact, basis.urgency),
        priorityBasis: basis,
      },
      { now: NOW, ...vocabulary },
    ),
  );

  test("a package whose priority comes from the matrix validates, with no priority_mismatch, for every cell", () => {
    expect(packages.map((pkg) => pkg.priority)).toStrictEqual(cellsOf(priorityMatrix).map(({ impact, urgency }) => priorityMatrix.lookup(impact, urgency)));
    expect(createEscalationPackageSchema(vocabulary).safeParse(packages[0]).success).toBe(true);
  });

  test("it scores and renders in every format, the labels as they are", () => {
    for (const pkg of packages) {
      expect(scoreEscalation(pkg).gated).toBe(false);
      // Plain text shows the labels verbatim; the markup formats escape them (`1 \- Critical` in Jira).
      expect(renderEscalation(pkg, "text")).toContain(`Severity / priority: ${pkg.severity} / ${pkg.priority}`);
      for (const format of ESCALATION_RENDER_FORMATS) expect(renderEscalation(pkg, format).length).toBeGreaterThan(0);
    }
  });

  test("it routes through an escalation matrix on the same ladder, and exports by rank", () => {
    const [mostSevere, ...rest] = severityLadder.ids;
    const routing = createEscalationMatrix({ rules: [{ when: { severity: [mostSevere ?? ""] }, target: "incident-command" }], fallback: "l2" }, { severityLadder });
    for (const pkg of packages) {
      const rank = severityLadder.ids.indexOf(pkg.severity);
      expect(routing.route({ severity: pkg.severity })).toStrictEqual(rank === 0 ? { target: "incident-command", rule: 0 } : { target: "l2", rule: null });
      expect(toPagerDutyEvent(pkg, { routingKey: "k", severityLadder }).payload?.severity).toBe((["critical", "error", "warning"] as const)[rank] ?? "info");
      const priorityRank = priorityMatrix.priorities.indexOf(pkg.priority);
      expect(toOpsgenieAlert(pkg, { priorityMatrix }).priority).toBe(OPSGENIE[Math.min(priorityRank, 4)]);
    }
    expect(rest.length).toBe(severityLadder.ids.length - 1);
  });

  test("a priority that disagrees with the matrix asks for a value the schema accepts", () => {
    const { impact, urgency } = cellsOf(priorityMatrix)[0] ?? { impact: "", urgency: "" };
    const expected = priorityMatrix.lookup(impact, urgency);
    const other = priorityMatrix.priorities.find((p) => p !== expected) ?? "";
    const result = safeCreateEscalationPackage({ ...fullBug, priority: other, priorityBasis: { impact, urgency } }, { now: NOW, ...vocabulary });
    const error = result.success ? undefined : result.error;
    expect([error?.code, error?.issues.map((i) => i.code)]).toStrictEqual(["invalid_package", ["priority_mismatch"]]);
    expect(error?.issues[0]?.message).toContain(`set priority to ${JSON.stringify(expected)}`);
    // The value the message asks for is one the schema accepts.
    expect(createEscalationPackageSchema(vocabulary).safeParse({ ...fullBug, priority: expected, priorityBasis: { impact, urgency } }).success).toBe(true);
  });

  test("a priority or severity from another vocabulary is refused, naming the labels the schema accepts", () => {
    const result = safeCreateEscalationPackage({ ...fullBug, severity: "critical", priority: "urgent", priorityBasis: undefined }, { now: NOW, ...vocabulary });
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_value", ["severity"]],
      ["invalid_value", ["priority"]],
    ]);
    const quoted = (labels: ReadonlyArray<string>) => labels.map((label) => JSON.stringify(label)).join(", ");
    expect(issues[0]?.message).toBe(`"critical" is not a level of the ${severityLadder.name} severity ladder; use one of ${quoted(severityLadder.ids)}`);
    expect(issues[1]?.message).toBe(`"urgent" is not a priority of the priority matrix; use one of ${quoted(priorityMatrix.priorities)}`);
    const schema = createEscalationPackageSchema(vocabulary);
    for (const priority of priorityMatrix.priorities) expect(schema.safeParse({ ...fullBug, priority, priorityBasis: undefined }).success).toBe(true);
  });

  test("E1 asks more of the ladder's major-incident levels only", () => {
    const { correlation: _c, firstSeenAt: _f, ...bare } = fullBug;
    const input = { ...bare, priority: priorityMatrix.priorities[0], priorityBasis: undefined, impact: { ...fullBug.impact, customersAffected: undefined } };
    for (const level of severityLadder.levels) {
      const result = safeCreateEscalationPackage({ ...input, severity: level.id }, { now: NOW, ...vocabulary });
      const codes = result.success ? [] : result.error.issues.map((i) => i.code);
      expect(codes.includes("missing_high_severity_context")).toBe(level.majorIncident);
    }
  });

  test("the JSON Schema lists the vocabulary's labels", () => {
    const schema = escalationPackageJsonSchema(vocabulary);
    expect([(schema.properties?.["severity"] as { enum?: unknown }).enum, (schema.properties?.["priority"] as { enum?: unknown }).enum]).toStrictEqual([
      [...severityLadder.ids],
      [...priorityMatrix.priorities],
    ]);
  });
});

describe("vocabularies", () => {
  test("JSM: the fixed cell is what the matrix asks for; the published one is a mismatch", () => {
    const basis = { impact: JSM_PRIORITY_MATRIX_FIX.impact, urgency: JSM_PRIORITY_MATRIX_FIX.urgency };
    const fixed = createEscalationPackage({ ...fullBug, priority: JSM_PRIORITY_MATRIX_FIX.fixed, priorityBasis: basis }, { now: NOW, priorityMatrix: JSM_PRIORITY_MATRIX });
    expect(fixed.priority).toBe("Low");
    const published = safeCreateEscalationPackage({ ...fullBug, priority: JSM_PRIORITY_MATRIX_FIX.published, priorityBasis: basis }, { now: NOW, priorityMatrix: JSM_PRIORITY_MATRIX });
    expect(published.success ? null : published.error.issues.map(({ code, message }) => ({ code, message }))).toStrictEqual([
      {
        code: "priority_mismatch",
        message: 'priority "Lowest" disagrees with the priority matrix (impact "minor" × urgency "medium" → "Low"); set priority to "Low", or keep it and add priorityOverride.reason saying why',
      },
    ]);
  });

  test("ServiceNow's incident matrix never yields 5 - Planning, but a package may still carry it (with an override)", () => {
    const pkg = createEscalationPackage(
      { ...fullBug, priority: "5 - Planning", priorityBasis: { impact: "3 - Low", urgency: "3 - Low" }, priorityOverride: { reason: "Cosmetic; schedule with the next release" } },
      { now: NOW, priorityMatrix: SERVICENOW_INCIDENT_PRIORITY_MATRIX },
    );
    expect(toOpsgenieAlert(pkg, { priorityMatrix: SERVICENOW_INCIDENT_PRIORITY_MATRIX }).priority).toBe("P5");
  });

  test("priorities without a matrix: the labels are accepted, with no E5", () => {
    const priorities = ["Highest", "High", "Medium", "Low", "Lowest"] as const;
    const pkg = createEscalationPackage({ ...fullBug, priority: "Medium" }, { now: NOW, priorities });
    expect([pkg.priority, toOpsgenieAlert(pkg, { priorities }).priority]).toStrictEqual(["Medium", "P3"]);
    const wrong = safeCreateEscalationPackage({ ...fullBug, priority: "P2" }, { now: NOW, priorities });
    expect(wrong.success ? null : wrong.error.issues[0]?.message).toBe('"P2" is not a priority of the configured priorities; use one of "Highest", "High", "Medium", "Low", "Lowest"');
  });

  test("a custom ladder: its ids, its order and its major-incident levels", () => {
    const ladder = createSeverityLadder({
      name: "ours",
      levels: [
        { id: "S1", description: "Down for everyone", majorIncident: true },
        { id: "S2", description: "Degraded for some" },
      ],
    });
    const { correlation: _c, ...noCorrelation } = fullBug;
    const s2 = createEscalationPackage({ ...noCorrelation, severity: "S2" }, { now: NOW, severityLadder: ladder });
    expect(s2.severity).toBe("S2");
    const s1 = safeCreateEscalationPackage({ ...noCorrelation, severity: "S1" }, { now: NOW, severityLadder: ladder });
    expect(s1.success ? null : s1.error.issues.map((i) => [i.code, i.path])).toStrictEqual([["missing_high_severity_context", ["correlation"]]]);
    expect(toPagerDutyEvent(s2, { routingKey: "k", severityLadder: ladder }).payload?.severity).toBe("error");
  });

  test("without options the defaults are SEV1–SEV5 and P1–P5; schemas are cached per vocabulary", () => {
    expect(createEscalationPackageSchema()).toBe(EscalationPackageSchema);
    expect(createEscalationPackageSchema({ severityLadder: PAGERDUTY_SEVERITY_LADDER })).toBe(EscalationPackageSchema);
    expect(EscalationPackageSchema.safeParse({ ...fullBug, severity: "SEV5", priority: "P5", priorityBasis: undefined }).success).toBe(true);
    expect(createEscalationPackageSchema({ priorityMatrix: SERVICENOW_PRIORITY_MATRIX })).toBe(createEscalationPackageSchema({ priorityMatrix: SERVICENOW_PRIORITY_MATRIX }));
  });

  test("vocabulary options that are not a ladder or a matrix are invalid_argument", () => {
    const error = thrownBy(EscalationError, () => createEscalationPackageSchema({ priorityMatrix: "ServiceNow" } as never));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "invalid_type", path: ["priorityMatrix"], message: 'expected a priority matrix from @supportops/core (createPriorityMatrix, or a preset such as SERVICENOW_PRIORITY_MATRIX), got "ServiceNow"' }],
    ]);
    expect(thrownBy(EscalationError, () => escalationPackageJsonSchema(null as never)).code).toBe("invalid_argument");
  });
});
