/**
 * The package's cross-field rules (E1–E3, E6, E7 ordering and the table's conditional fields), one
 * function per rule, each reading defensively from an input that may also have structural problems
 * (those are zod's to report).
 */
import type { Issue, IssuePath } from "@supportops/core";
import type { EscalationPackageIssueCode } from "../EscalationError.js";
import { redact } from "../redact.js";
import { instantMs, isRecord, isSpanId, isTraceId, normalizeProse } from "./formats.js";

type Input = Record<string, unknown>;
type Add = (code: EscalationPackageIssueCode, path: IssuePath, message: string) => void;

function absent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function hasAnyId(correlation: unknown): boolean {
  if (!isRecord(correlation)) return false;
  return ["traceIds", "spanIds", "requestIds", "eventIds"].some(
    (key) => Array.isArray(correlation[key]) && (correlation[key] as unknown[]).length > 0,
  );
}

/** The summary is the one line every tool shows; it must be clean before anything else is. */
function summaryRule(input: Input, add: Add): void {
  const summary = input["summary"];
  if (typeof summary !== "string" || summary.length > 1_000) return;
  const found = Object.entries(redact(summary).report.counts).filter(([, n]) => (n ?? 0) > 0).map(([type]) => type);
  if (found.length > 0) {
    add("sensitive_data_in_summary", ["summary"],
      `the summary contains ${found.join(", ")}; summaries are shown everywhere, so describe the problem without personal data or secrets (run redact() over it)`);
  }
}

/** E1: the most severe escalations (the ladder's major-incident levels) carry counts, correlation ids and a first-seen time. */
function highSeverityRule(input: Input, majorSeverities: ReadonlySet<string>, add: Add): void {
  const severity = input["severity"];
  if (typeof severity !== "string" || !majorSeverities.has(severity)) return;
  const impact = input["impact"];
  if (isRecord(impact) && impact["customersAffected"] === undefined) {
    add("missing_high_severity_context", ["impact", "customersAffected"],
      `a ${severity} escalation must say how many customers are affected; add impact.customersAffected (0 when none yet)`);
  }
  if (!hasAnyId(input["correlation"])) {
    add("missing_high_severity_context", ["correlation"],
      `a ${severity} escalation needs correlation ids so engineering can find the failing requests; add correlation.traceIds, requestIds or eventIds (at least one id)`);
  }
  if (input["firstSeenAt"] === undefined) {
    add("missing_high_severity_context", ["firstSeenAt"],
      `a ${severity} escalation must say when the problem was first seen; add firstSeenAt (an ISO-8601 time with an offset, or epoch ms)`);
  }
}

const BUG_FIELDS = {
  expected: "what should have happened",
  actual: "what happened instead (with the error text)",
  release: "the release or version it happened on",
} as const;

/** E2: a bug carries what engineering needs to reproduce it. */
function bugRule(input: Input, add: Add): void {
  if (input["kind"] !== "bug") return;
  const steps = input["reproSteps"];
  if (steps === undefined) {
    add("missing_repro_details", ["reproSteps"],
      'a bug needs reproduction steps; add reproSteps as [{ n: 1, action: "…" }, { n: 2, action: "…" }] (at least two)');
  } else if (Array.isArray(steps) && steps.length < 2) {
    add("missing_repro_details", ["reproSteps"],
      `a bug needs at least two reproduction steps, got ${steps.length}; add the steps that lead up to the failure`);
  }
  for (const field of ["expected", "actual", "release"] as const) {
    if (absent(input[field])) add("missing_repro_details", [field], `a bug must state ${BUG_FIELDS[field]}; add ${field}`);
  }
}

/** Steps numbered in order, actual different from expected, a frequency for intermittent problems. */
function reproductionRules(input: Input, add: Add): void {
  const steps = input["reproSteps"];
  if (Array.isArray(steps)) {
    steps.forEach((step: unknown, index) => {
      if (isRecord(step) && typeof step["n"] === "number" && step["n"] !== index + 1) {
        add("steps_not_numbered", ["reproSteps", index, "n"],
          `steps are numbered 1, 2, 3… in order; step ${index + 1} has n = ${step["n"]}, expected ${index + 1}`);
      }
    });
  }
  const expected = input["expected"];
  const actual = input["actual"];
  if (typeof expected === "string" && typeof actual === "string" && !absent(expected) && normalizeProse(expected) === normalizeProse(actual)) {
    add("expected_equals_actual", ["actual"],
      "actual behaviour is the same text as expected behaviour; describe what actually happened, with the error text");
  }
  if (input["reproducible"] === "intermittent" && absent(input["frequency"])) {
    add("missing_frequency", ["frequency"], 'an intermittent problem needs a frequency; add frequency, such as "3 of 10 attempts" or "about hourly"');
  }
}

/** E3: evidence is sanitised, with its redaction report; screenshots reviewed; some content. */
function evidenceRule(input: Input, add: Add): void {
  const evidence = input["evidence"];
  if (!Array.isArray(evidence)) return;
  evidence.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    if (item["sanitized"] !== true) {
      add("unsanitized_evidence", ["evidence", index, "sanitized"],
        "evidence must be sanitised before it is attached; run redact() over it and set sanitized: true");
    }
    if (item["redactionReport"] === undefined) {
      add("unsanitized_evidence", ["evidence", index, "redactionReport"],
        "evidence must carry the redaction report (entity counts by type and the engine version) that redact() returned");
    }
    if (item["kind"] === "screenshot" && item["redactedRegionsReviewed"] !== true) {
      add("screenshot_not_reviewed", ["evidence", index, "redactedRegionsReviewed"],
        "text redaction cannot see inside images; have a person review the screenshot's redacted regions and set redactedRegionsReviewed: true");
    }
    if (item["uri"] === undefined && item["inline"] === undefined) {
      add("evidence_without_content", ["evidence", index], "evidence needs a uri (link to the file) or inline text (an excerpt)");
    }
  });
}

/** E6: W3C trace-context ids. */
function traceContextRule(input: Input, add: Add): void {
  const correlation = input["correlation"];
  if (!isRecord(correlation)) return;
  const checkIds = (key: "traceIds" | "spanIds", valid: (v: unknown) => boolean, code: EscalationPackageIssueCode, digits: number): void => {
    const ids = correlation[key];
    if (!Array.isArray(ids)) return;
    ids.forEach((id: unknown, index) => {
      if (typeof id === "string" && !valid(id)) {
        add(code, ["correlation", key, index],
          `${JSON.stringify(id)} is not a W3C ${key === "traceIds" ? "trace" : "span"} id; expected ${digits} lowercase hex digits, not all zeros`);
      }
    });
  };
  checkIds("traceIds", isTraceId, "invalid_trace_id", 32);
  checkIds("spanIds", isSpanId, "invalid_span_id", 16);
}

/** E7: first seen ≤ last seen ≤ reported; needBy after reported. */
function timeOrderRule(input: Input, add: Add): void {
  const first = instantMs(input["firstSeenAt"]);
  const last = instantMs(input["lastSeenAt"]);
  const reported = instantMs(input["reportedAt"]);
  if (first !== undefined && last !== undefined && first > last) {
    add("times_out_of_order", ["lastSeenAt"], "lastSeenAt is before firstSeenAt; times must be ordered firstSeenAt ≤ lastSeenAt ≤ reportedAt");
  }
  if (last !== undefined && reported !== undefined && last > reported) {
    add("times_out_of_order", ["lastSeenAt"], "lastSeenAt is after reportedAt; a problem reported at reportedAt cannot have been seen later (update reportedAt)");
  }
  if (first !== undefined && reported !== undefined && first > reported && (last === undefined || first <= last)) {
    add("times_out_of_order", ["firstSeenAt"], "firstSeenAt is after reportedAt; times must be ordered firstSeenAt ≤ lastSeenAt ≤ reportedAt");
  }
  const urgency = input["businessUrgency"];
  const needBy = isRecord(urgency) ? instantMs(urgency["needBy"]) : undefined;
  if (needBy !== undefined && reported !== undefined && needBy <= reported) {
    add("need_by_not_after_reported", ["businessUrgency", "needBy"], "needBy must be after reportedAt; give the date by which the fix is needed");
  }
}

/**
 * Every cross-field rule issue of `input`, in the order of the rules. `majorSeverities` are the
 * severity ladder's major-incident levels, the ones rule E1 applies to.
 */
export function packageRuleIssues(input: unknown, majorSeverities: ReadonlySet<string>): Issue<EscalationPackageIssueCode>[] {
  if (!isRecord(input)) return [];
  const issues: Issue<EscalationPackageIssueCode>[] = [];
  const add: Add = (code, path, message) => {
    issues.push({ code, path, message });
  };
  summaryRule(input, add);
  highSeverityRule(input, majorSeverities, add);
  bugRule(input, add);
  reproductionRules(input, add);
  evidenceRule(input, add);
  traceContextRule(input, add);
  timeOrderRule(input, add);
  return issues;
}
