import { describe, expect, test } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import {
  DEFAULT_ESCALATION_RUBRIC,
  ESCALATION_CHECKS,
  ESCALATION_KINDS,
  EscalationError,
  EscalationRubricSchema,
  createEscalationPackage,
  escalationRubricJsonSchema,
  scoreEscalation,
  type EscalationRubric,
} from "@supportops/escalation";
import { NOW, fullBug, minimalQuestion } from "./fixtures.js";

const make = (input: object) => createEscalationPackage(input, { now: NOW });
const levels = (input: object) => Object.fromEntries(scoreEscalation(make(input)).dimensions.map((d) => [d.id, d.score]));

describe("scoreEscalation with the default rubric", () => {
  test("the default rubric is valid and uses only known checks", () => {
    expect(EscalationRubricSchema.safeParse(DEFAULT_ESCALATION_RUBRIC).success).toBe(true);
    const used = DEFAULT_ESCALATION_RUBRIC.dimensions.flatMap((d) => d.levels.flatMap((l) => l.requires));
    expect(used.every((id) => id in ESCALATION_CHECKS)).toBe(true);
  });

  test("a complete bug escalation scores 5 on every dimension", () => {
    const result = scoreEscalation(make(fullBug));
    expect([result.score, result.percent, result.gated]).toStrictEqual([5, 100, false]);
    expect(result.dimensions.map((d) => [d.id, d.score, d.weight, d.missing])).toStrictEqual([
      ["reproducibility", 5, 0.2, []],
      ["expected_actual", 5, 0.1, []],
      ["environment", 5, 0.1, []],
      ["evidence", 5, 0.15, []],
      ["correlation", 5, 0.1, []],
      ["impact", 5, 0.15, []],
      ["ask", 5, 0.1, []],
      ["tried", 5, 0.05, []],
      ["sanitisation", 5, 0.05, []],
    ]);
  });

  test("a bare question: the whole result, with what to add next", () => {
    expect(scoreEscalation(make(minimalQuestion))).toStrictEqual({
      score: 2.07,
      percent: 27,
      gated: false,
      dimensions: [
        { id: "environment", score: 2, weight: 0.14, reasons: ["a named environment"], missing: ["the release (with a version number) or build id"] },
        { id: "evidence", score: 1, weight: 0.21, reasons: [], missing: ["at least one piece of sanitised evidence"] },
        { id: "correlation", score: 1, weight: 0.14, reasons: [], missing: ["a first-seen time or a correlation id"] },
        { id: "impact", score: 1, weight: 0.21, reasons: [], missing: ["how many customers or users are affected"] },
        { id: "ask", score: 4, weight: 0.14, reasons: ['a specific ask (six words or more, not a generic "please fix")'], missing: ["a need-by date"] },
        { id: "tried", score: 4, weight: 0.07, reasons: ["every attempt says what happened (two words or more)"], missing: ["causes ruled out (ruledOut, or two or more attempts)"] },
        {
          id: "sanitisation",
          score: 5,
          weight: 0.07,
          reasons: [
            "no raw secret (token, key, password) in the text",
            "no raw personal data (email, phone, card, IBAN, IP) in the text",
            "personal data replaced by keyed pseudonyms ([EMAIL:k1:…]), not bare masks, so occurrences stay linkable",
          ],
          missing: [],
        },
      ],
    });
  });

  test("levels follow content, not presence: vague steps, a generic ask, a copy of expected", () => {
    expect(levels({ ...fullBug, reproSteps: [{ n: 1, action: "Open it" }, { n: 2, action: "Broken" }] })["reproducibility"]).toBe(3);
    expect(levels({ ...fullBug, reproducible: "once" })["reproducibility"]).toBe(3);
    expect(levels({ ...fullBug, reproVerifiedBySupport: false })["reproducibility"]).toBe(4);
    expect(levels({ ...fullBug, ask: "Please fix ASAP!" })["ask"]).toBe(3);
    expect(levels({ ...fullBug, actual: "It fails", errorText: undefined })["expected_actual"]).toBe(3);
    expect(levels({ ...fullBug, release: "latest", buildId: undefined })["environment"]).toBe(2);
    expect(levels({ ...fullBug, evidence: [{ ...fullBug.evidence[0], capturedAt: "2026-03-08T01:00:00Z" }] })["evidence"]).toBe(4);
    expect(levels({ ...fullBug, evidence: [{ kind: "screenshot", uri: "https://files.example.com/s.png", capturedAt: "2026-03-09T13:00:00Z", sanitized: true, redactionReport: { counts: {}, engine: "supportops-redact@1" }, redactedRegionsReviewed: true }] })["evidence"]).toBe(3);
    expect(levels({ ...fullBug, attempts: [{ action: "Retried", result: "Failed" }], ruledOut: undefined })["tried"]).toBe(3);
  });

  test("the gate: raw personal data anywhere caps the score at 1", () => {
    const result = scoreEscalation(make({ ...fullBug, actual: "Customer jane.doe@example.com sees HTTP 500 at checkout after applying SPRING10" }));
    expect([result.score, result.percent, result.gated]).toStrictEqual([1, 0, true]);
    expect(result.dimensions.find((d) => d.id === "sanitisation")).toStrictEqual({
      id: "sanitisation",
      score: 1,
      weight: 0.05,
      reasons: [],
      missing: ["no raw personal data (email, phone, card, IBAN, IP) in the text"],
    });
  });

  test("the gate: a raw secret in an evidence excerpt", () => {
    const evidence = [{ ...fullBug.evidence[0], inline: `Authorization: Bearer ${"eyJhbGciOiJIUzI1NiJ9"}.${"eyJzdWIiOiIxMjM0NTY3ODkwIn0"}.${"dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}` }];
    expect(scoreEscalation(make({ ...fullBug, evidence })).gated).toBe(true);
  });

  test("bare masks are clean but not linkable: sanitisation 3", () => {
    expect(levels({ ...fullBug, actual: "Customer [EMAIL] sees HTTP 500 at checkout after applying SPRING10" })["sanitisation"]).toBe(3);
    expect(levels({ ...fullBug, actual: "Customer [EMAIL:k1:0123456789abcdef] sees HTTP 500 at checkout with SPRING10" })["sanitisation"]).toBe(5);
  });
});

describe("custom rubrics", () => {
  test("the rubric's JSON Schema lists the checks", () => {
    const schema = escalationRubricJsonSchema();
    expect(schema.required).toStrictEqual(["dimensions"]);
    expect(JSON.stringify(schema)).toContain('"repro.steps"');
    expect(JSON.stringify(schema)).not.toContain("readOnly");
  });

  test("a rubric is data: one dimension, no gate", () => {
    const rubric: EscalationRubric = {
      dimensions: [{ id: "ask", label: "Ask", weight: 1, levels: [{ score: 5, requires: ["ask.specific", "ask.need_by"] }, { score: 2, requires: ["ask.present"] }] }],
    };
    expect(scoreEscalation(make(minimalQuestion), rubric)).toStrictEqual({
      score: 2,
      percent: 25,
      gated: false,
      dimensions: [{ id: "ask", score: 2, weight: 1, reasons: ["an ask"], missing: ["a need-by date"] }],
    });
  });

  const KINDS_WITHOUT_BUG = ESCALATION_KINDS.length - 1;
  const bad: Array<[string, unknown, ReadonlyArray<ReadonlyArray<string | number>>]> = [
    ["an unknown check", { dimensions: [{ id: "a", label: "A", weight: 1, levels: [{ score: 5, requires: ["made.up"] }] }] }, [["rubric", "dimensions", 0, "levels", 0, "requires", 0]]],
    ["a zero weight", { dimensions: [{ id: "a", label: "A", weight: 0, levels: [{ score: 5, requires: ["ask.present"] }] }] }, [["rubric", "dimensions", 0, "weight"]]],
    ["a level 1", { dimensions: [{ id: "a", label: "A", weight: 1, levels: [{ score: 1, requires: ["ask.present"] }] }] }, [["rubric", "dimensions", 0, "levels", 0, "score"]]],
    ["a duplicated dimension", { dimensions: [{ id: "a", label: "A", weight: 1, levels: [{ score: 5, requires: ["ask.present"] }] }, { id: "a", label: "A", weight: 1, levels: [{ score: 5, requires: ["ask.present"] }] }] }, [["rubric", "dimensions", 1, "id"]]],
    ["a kind no dimension applies to", { dimensions: [{ id: "a", label: "A", weight: 1, appliesTo: ["bug"], levels: [{ score: 5, requires: ["ask.present"] }] }] }, Array.from({ length: KINDS_WITHOUT_BUG }, () => ["rubric", "dimensions"])],
    ["a gate on no dimension", { dimensions: [{ id: "a", label: "A", weight: 1, levels: [{ score: 5, requires: ["ask.present"] }] }], gate: { dimension: "b", atOrBelow: 1 } }, [["rubric", "gate", "dimension"]]],
  ];
  test("a rubric frozen only at the top is re-validated, not trusted, when changed below", () => {
    const requires = ["ask.present"];
    const rubric = Object.freeze({ dimensions: [{ id: "a", label: "A", weight: 1, levels: [{ score: 5, requires }] }] });
    expect(scoreEscalation(make(minimalQuestion), rubric as EscalationRubric).score).toBe(5);
    requires.push("no.such.check");
    const error = thrownBy(EscalationError, () => scoreEscalation(make(minimalQuestion), rubric as EscalationRubric));
    expect(error.code).toBe("invalid_rubric");
  });

  test.each(bad)("invalid_rubric: %s", (_name, rubric, paths) => {
    const error = thrownBy(EscalationError, () => scoreEscalation(make(minimalQuestion), rubric as EscalationRubric));
    expect([error.code, error.issues.map((i) => i.path)]).toStrictEqual(["invalid_rubric", paths]);
  });

  test("invalid_rubric issues keep specific codes", () => {
    const codesOf = (rubric: unknown) => thrownBy(EscalationError, () => scoreEscalation(make(minimalQuestion), rubric as EscalationRubric)).issues.map((i) => i.code);
    const dimension = { id: "a", label: "A", weight: 1, levels: [{ score: 5, requires: ["ask.present"] }] };
    expect(codesOf({ dimensions: [dimension, dimension] })).toStrictEqual(["duplicate_dimension"]);
    expect(codesOf({ dimensions: [{ ...dimension, levels: [{ score: 5, requires: ["ask.present"] }, { score: 5, requires: ["ask.need_by"] }] }] })).toStrictEqual(["duplicate_score"]);
    expect(codesOf({ dimensions: [{ ...dimension, appliesTo: ["bug"] }] })[0]).toBe("uncovered_kind");
    expect(codesOf({ dimensions: [dimension], gate: { dimension: "b", atOrBelow: 1 } })).toStrictEqual(["unknown_dimension"]);
    expect(codesOf({ dimensions: [{ ...dimension, weight: 0 }] })).toStrictEqual(["too_small"]);
  });

  test("a package that is not one is invalid_package", () => {
    const error = thrownBy(EscalationError, () => scoreEscalation(undefined as never));
    expect([error.code, error.issues.map((i) => i.path)]).toStrictEqual(["invalid_package", [[]]]);
  });
});

describe("scoreEscalation with hostile input", () => {
  test("a refused rubric is never frozen, and a package read back from JSON scores like the created one", () => {
    const rubric = { dimensions: [[{ id: "x" }]] };
    expect(() => scoreEscalation(createEscalationPackage(fullBug, { now: NOW }), rubric as never)).toThrow(EscalationError);
    expect([Object.isFrozen(rubric), Object.isFrozen(rubric.dimensions), Object.isFrozen(rubric.dimensions[0])]).toStrictEqual([false, false, false]);
    // Stored times (ISO strings) are parsed, so the evidence window compares instants, not strings.
    expect(scoreEscalation(fullBug as never)).toStrictEqual(scoreEscalation(createEscalationPackage(fullBug, { now: NOW })));
  });
});
