import {
  ATLASSIAN_SEVERITY_LADDER,
  SERVICENOW_PRIORITY_MATRIX,
  type CoreIssueCode,
  type SafeResult,
  type SupportOpsError,
} from "@supportops/core";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  EscalationPackageSchema,
  EscalationRubricSchema,
  createEscalationMatrix,
  createEscalationPackage,
  createEscalationPackageSchema,
  createEscalationPolicy,
  redact,
  safeCreateEscalationMatrix,
  safeCreateEscalationPackage,
  safeCreateEscalationPolicy,
  safePseudonymize,
  safeRedact,
  toOpsgenieAlert,
  type DefaultEscalationPriority,
  type DefaultEscalationSeverity,
  type EscalationError,
  type EscalationErrorCode,
  type EscalationEvidence,
  type EscalationEvidenceInput,
  type EscalationIssueCode,
  type EscalationMatrix,
  type EscalationPackage,
  type EscalationPackageInput,
  type EscalationPolicy,
  type EscalationRubric,
  type RedactResult,
  type ScheduledEscalation,
} from "@supportops/escalation";
import { NOW, fullBug } from "./fixtures.js";

type ServiceNowPriority = "1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning";

describe("escalation types", () => {
  it("EscalationError narrows its code and its issue codes", () => {
    expectTypeOf<EscalationError["code"]>().toEqualTypeOf<EscalationErrorCode>();
    expectTypeOf<EscalationError>().toMatchTypeOf<SupportOpsError>();
    expectTypeOf<EscalationError["issues"][number]["code"]>().toEqualTypeOf<EscalationIssueCode>();
    expectTypeOf<"priority_mismatch" | "weak_key" | "unknown_format" | "invalid_type">().toMatchTypeOf<EscalationIssueCode>();
    expectTypeOf<CoreIssueCode>().toMatchTypeOf<EscalationIssueCode>();
    expectTypeOf<"invalid_create_options">().not.toMatchTypeOf<EscalationErrorCode>();
  });

  it("a package typed with a ServiceNow matrix accepts \"2 - High\" and refuses P2", () => {
    const pkg = createEscalationPackage({ ...fullBug, priority: "2 - High" }, { now: NOW, priorityMatrix: SERVICENOW_PRIORITY_MATRIX });
    expectTypeOf(pkg).toEqualTypeOf<EscalationPackage<DefaultEscalationSeverity, ServiceNowPriority>>();
    expectTypeOf(pkg.priority).toEqualTypeOf<ServiceNowPriority>();
    expectTypeOf<"2 - High">().toMatchTypeOf<typeof pkg.priority>();
    expectTypeOf<"P2">().not.toMatchTypeOf<typeof pkg.priority>();
    expectTypeOf<EscalationPackageInput<DefaultEscalationSeverity, ServiceNowPriority>["priority"]>().toEqualTypeOf<ServiceNowPriority>();
  });

  it("the default vocabulary is SEV1–SEV5 and P1–P5; a ladder sets the severities", () => {
    expectTypeOf<EscalationPackage["severity"]>().toEqualTypeOf<"SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5">();
    expectTypeOf<EscalationPackage["priority"]>().toEqualTypeOf<DefaultEscalationPriority>();
    const atlassian = createEscalationPackage(fullBug, { now: NOW, severityLadder: ATLASSIAN_SEVERITY_LADDER });
    expectTypeOf(atlassian.severity).toEqualTypeOf<"SEV1" | "SEV2" | "SEV3">();
    const custom = createEscalationPackage(fullBug, { now: NOW, priorities: ["Urgent", "Later"] as const });
    expectTypeOf(custom.priority).toEqualTypeOf<"Urgent" | "Later">();
  });

  it("schemas agree with the package types", () => {
    expectTypeOf<z.output<typeof EscalationPackageSchema>>().toEqualTypeOf<EscalationPackage>();
    expectTypeOf<z.input<typeof EscalationPackageSchema>>().toEqualTypeOf<EscalationPackageInput>();
    const snow = createEscalationPackageSchema({ priorityMatrix: SERVICENOW_PRIORITY_MATRIX, severityLadder: ATLASSIAN_SEVERITY_LADDER });
    expectTypeOf<z.output<typeof snow>>().toEqualTypeOf<EscalationPackage<"SEV1" | "SEV2" | "SEV3", ServiceNowPriority>>();
    expectTypeOf<z.output<typeof EscalationRubricSchema>>().toEqualTypeOf<EscalationRubric>();
  });

  it("safe functions take unknown and return EscalationError", () => {
    expectTypeOf(safeCreateEscalationPackage(JSON.parse("{}") as unknown, JSON.parse("{}") as unknown)).toEqualTypeOf<SafeResult<EscalationPackage<string, string>, EscalationError>>();
    expectTypeOf(safeCreateEscalationPackage({}, { now: NOW, priorityMatrix: SERVICENOW_PRIORITY_MATRIX })).toEqualTypeOf<
      SafeResult<EscalationPackage<DefaultEscalationSeverity, ServiceNowPriority>, EscalationError>
    >();
    expectTypeOf(safeCreateEscalationPolicy).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeCreateEscalationPolicy({})).toEqualTypeOf<SafeResult<EscalationPolicy, EscalationError>>();
    expectTypeOf(safeCreateEscalationMatrix(JSON.parse("{}") as unknown)).toEqualTypeOf<SafeResult<EscalationMatrix<string>, EscalationError>>();
    expectTypeOf(safeRedact(JSON.parse("{}") as unknown, JSON.parse("{}") as unknown)).toEqualTypeOf<SafeResult<RedactResult<unknown>, EscalationError>>();
    expectTypeOf(safeRedact({ note: "x" })).toEqualTypeOf<SafeResult<RedactResult<{ note: string }>, EscalationError>>();
    expectTypeOf(safePseudonymize).parameters.toEqualTypeOf<[unknown, unknown]>();
    expectTypeOf(safePseudonymize("x", {})).toEqualTypeOf<SafeResult<string, EscalationError>>();
  });

  it("redact keeps the shape of what it copies", () => {
    expectTypeOf(redact({ a: ["x"] }).value).toEqualTypeOf<{ a: string[] }>();
  });

  it("a routing matrix on a ladder takes that ladder's ids", () => {
    const matrix = createEscalationMatrix({ rules: [{ when: { severity: ["SEV1"] }, target: "ic" }] }, { severityLadder: ATLASSIAN_SEVERITY_LADDER });
    expectTypeOf(matrix).toEqualTypeOf<EscalationMatrix<"SEV1" | "SEV2" | "SEV3">>();
    expectTypeOf(matrix.route).parameter(0).toHaveProperty("severity").toEqualTypeOf<"SEV1" | "SEV2" | "SEV3">();
    // @ts-expect-error SEV4 is not on Atlassian's ladder
    createEscalationMatrix({ rules: [{ when: { severity: ["SEV4"] }, target: "ic" }] }, { severityLadder: ATLASSIAN_SEVERITY_LADDER });
  });

  it("exporters take the package's vocabulary", () => {
    const pkg = createEscalationPackage({ ...fullBug, priority: "2 - High" }, { now: NOW, priorityMatrix: SERVICENOW_PRIORITY_MATRIX });
    expectTypeOf(toOpsgenieAlert(pkg, { priorityMatrix: SERVICENOW_PRIORITY_MATRIX }).priority).toEqualTypeOf<"P1" | "P2" | "P3" | "P4" | "P5">();
  });

  it("one rule for time fields: every …At of a parsed package is epoch ms; the stored form is an ISO string or epoch ms", () => {
    expectTypeOf<EscalationPackage["reportedAt"]>().toEqualTypeOf<number>();
    expectTypeOf<EscalationPackage["firstSeenAt"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<EscalationPackage["lastSeenAt"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<EscalationEvidence["capturedAt"]>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<EscalationPackage["customerComms"]>["lastUpdateAt"]>().toEqualTypeOf<number>();
    expectTypeOf<EscalationPackageInput["reportedAt"]>().toEqualTypeOf<string | number>();
    expectTypeOf<EscalationEvidenceInput["capturedAt"]>().toEqualTypeOf<string | number>();
    // needBy is not an …At field: an ISO-8601 string in both forms.
    expectTypeOf<EscalationPackage["businessUrgency"]["needBy"]>().toEqualTypeOf<string | undefined>();
    // redact()'s report goes into evidence as it is.
    expectTypeOf<RedactResult<string>["report"]>().toMatchTypeOf<NonNullable<EscalationEvidenceInput["redactionReport"]>>();
  });

  it("a schedule entry fires at epoch milliseconds; there is no Date field", () => {
    expectTypeOf<ScheduledEscalation["firesAt"]>().toEqualTypeOf<number>();
    expectTypeOf<ScheduledEscalation>().not.toHaveProperty("at");
    expectTypeOf<ScheduledEscalation>().not.toHaveProperty("atMs");
    expectTypeOf(createEscalationPolicy({ levels: [{ after: "PT5M", relativeTo: "created", targets: ["a"] }] }).schedule({ createdAt: NOW })).toEqualTypeOf<ReadonlyArray<ScheduledEscalation>>();
  });
});
