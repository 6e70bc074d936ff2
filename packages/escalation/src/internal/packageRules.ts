import type { Issue } from "@supportops/core";
import type { z } from "zod";
import { redact } from "../redact.js";
import { instantMs, isRecord, isSpanId, isTraceId, normalizeProse } from "./formats.js";

function absent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function hasAnyId(correlation: unknown): boolean {
  if (!isRecord(correlation)) return false;
  return ["traceIds", "spanIds", "requestIds", "eventIds"].some(
    (key) => Array.isArray(correlation[key]) && (correlation[key] as unknown[]).length > 0,
  );
}

/**
 * The package's cross-field rules (E1–E3, E6, E7 ordering and the table's conditional fields), read
 * defensively from an input that may also have structural problems (those are zod's to report).
 */
export function packageRuleIssues(input: unknown): Issue[] {
  if (!isRecord(input)) return [];
  const issues: Issue[] = [];
  const add = (code: string, path: ReadonlyArray<string | number>, message: string): void => {
    issues.push({ code, path, message });
  };
  const severity = input["severity"];
  const kind = input["kind"];

  // The summary is the one line every tool shows; it must be clean before anything else is.
  const summary = input["summary"];
  if (typeof summary === "string" && summary.length <= 1_000) {
    const found = Object.entries(redact(summary).report.counts).filter(([, n]) => (n ?? 0) > 0).map(([type]) => type);
    if (found.length > 0) {
      add("sensitive_data_in_summary", ["summary"],
        `the summary contains ${found.join(", ")}; summaries are shown everywhere, so describe the problem without personal data or secrets (run redact() over it)`);
    }
  }

  // E1: the most severe escalations carry counts, correlation ids and a first-seen time.
  if (severity === "SEV1" || severity === "SEV2") {
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
        `a ${severity} escalation must say when the problem was first seen; add firstSeenAt (ISO-8601 with offset)`);
    }
  }

  // E2: a bug carries what engineering needs to reproduce it.
  const steps = input["reproSteps"];
  if (kind === "bug") {
    if (steps === undefined) {
      add("missing_repro_details", ["reproSteps"],
        'a bug needs reproduction steps; add reproSteps as [{ n: 1, action: "…" }, { n: 2, action: "…" }] (at least two)');
    } else if (Array.isArray(steps) && steps.length < 2) {
      add("missing_repro_details", ["reproSteps"],
        `a bug needs at least two reproduction steps, got ${steps.length}; add the steps that lead up to the failure`);
    }
    for (const field of ["expected", "actual", "release"] as const) {
      if (absent(input[field])) {
        const what = { expected: "what should have happened", actual: "what happened instead (with the error text)", release: "the release or version it happened on" }[field];
        add("missing_repro_details", [field], `a bug must state ${what}; add ${field}`);
      }
    }
  }
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

  // E3: evidence is sanitised, with its redaction report.
  const evidence = input["evidence"];
  if (Array.isArray(evidence)) {
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
        add("evidence_without_content", ["evidence", index],
          "evidence needs a uri (link to the file) or inline text (an excerpt)");
      }
    });
  }

  // E6: W3C trace-context ids.
  const correlation = input["correlation"];
  if (isRecord(correlation)) {
    const checkIds = (key: "traceIds" | "spanIds", valid: (v: unknown) => boolean, code: string, digits: number): void => {
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

  // E7: first seen ≤ last seen ≤ reported.
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
  return issues;
}

/** {@link packageRuleIssues} as a zod refinement; each issue keeps its code in `params.code`. */
export function checkPackageRules(value: unknown, ctx: z.RefinementCtx<unknown>): void {
  for (const issue of packageRuleIssues(value)) {
    ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, params: { code: issue.code }, input: value });
  }
}
