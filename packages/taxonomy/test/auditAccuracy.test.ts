import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, auditAccuracy, createTaxonomy } from "@supportops/taxonomy";
import type { AuditPair } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

const repeat = (n: number, pair: AuditPair): AuditPair[] => Array.from({ length: n }, () => pair);

describe("auditAccuracy", () => {
  it("computes Cohen's κ = 0.4 on the hand-computed 2×2 fixture (20/5/10/15)", () => {
    // po = (20 + 15) / 50 = 0.7; auditor said yes 25×, agent 30× → pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4.
    const pairs = [
      ...repeat(20, { assigned: "yes", audited: "yes" }),
      ...repeat(5, { assigned: "no", audited: "yes" }),
      ...repeat(10, { assigned: "yes", audited: "no" }),
      ...repeat(15, { assigned: "no", audited: "no" }),
    ];
    const audit = auditAccuracy(pairs);
    expect(audit.kappa).toBeCloseTo(0.4, 12);
    expect(audit.accuracy).toBe(0.7);
    expect(audit.classes).toStrictEqual(["no", "yes"]);
    expect(audit.confusion).toStrictEqual([
      [15, 10],
      [5, 20],
    ]);
    // Wilson 95% for 35/50, computed independently: [0.562496…, 0.808964…].
    expect(audit.interval!.lower).toBeCloseTo(0.562496495355466, 12);
    expect(audit.interval!.upper).toBeCloseTo(0.8089644649911906, 12);
    expect(audit.perClass).toStrictEqual([
      { code: "no", support: 25, predicted: 20, truePositives: 15, precision: 0.75, recall: 0.6, f1: 30 / 45 },
      { code: "yes", support: 25, predicted: 30, truePositives: 20, precision: 20 / 30, recall: 0.8, f1: 40 / 55 },
    ]);
  });

  it("gives hierarchical partial credit per level, with the taxonomy's paths", () => {
    const tax = createTaxonomy(SUPPORT);
    const audit = auditAccuracy(
      [
        { assigned: "billing.refund", audited: "billing.refund" },
        { assigned: "billing.invoices", audited: "billing.refund" }, // right parent, wrong leaf
        { assigned: "billing.refund", audited: "access.sso" }, // wrong parent
        { assigned: "other", audited: "other" }, // a one-level path
      ],
      { taxonomy: tax },
    );
    expect(audit).toStrictEqual({
      matchLevel: "leaf",
      n: 4,
      correct: 2,
      accuracy: 0.5,
      interval: { lower: audit.interval!.lower, upper: audit.interval!.upper, confidence: 0.95 },
      perLevel: [
        { level: 1, n: 4, correct: 3, accuracy: 0.75 },
        { level: 2, n: 4, correct: 2, accuracy: 0.5 },
      ],
      classes: ["access.sso", "billing.invoices", "billing.refund", "other"],
      confusion: [
        [0, 0, 1, 0],
        [0, 0, 0, 0],
        [0, 1, 1, 0],
        [0, 0, 0, 1],
      ],
      perClass: [
        { code: "access.sso", support: 1, predicted: 0, truePositives: 0, precision: null, recall: 0, f1: 0 },
        { code: "billing.invoices", support: 0, predicted: 1, truePositives: 0, precision: 0, recall: null, f1: 0 },
        { code: "billing.refund", support: 2, predicted: 2, truePositives: 1, precision: 0.5, recall: 0.5, f1: 0.5 },
        { code: "other", support: 1, predicted: 1, truePositives: 1, precision: 1, recall: 1, f1: 1 },
      ],
      macroF1: 0.375,
      kappa: audit.kappa,
    });
    // Wilson 95% for 2/4, computed independently.
    expect(audit.interval!.lower).toBeCloseTo(0.15003898915214953, 12);
    expect(audit.interval!.upper).toBeCloseTo(0.8499610108478505, 12);
    // po = 0.5; pe = (1·0 + 0·1 + 2·2 + 1·1) / 16 = 5/16; κ = (0.5 − 0.3125) / 0.6875.
    expect(audit.kappa).toBeCloseTo(0.1875 / 0.6875, 12);
    const top = auditAccuracy([{ assigned: "billing.invoices", audited: "billing.refund" }], { taxonomy: tax, matchLevel: 1 });
    expect([top.accuracy, top.classes, top.kappa]).toStrictEqual([1, ["billing"], null]);
  });

  it("scores per level from each pair's common prefix: paths 100 000 codes long cost linear time, not quadratic (same result as comparing level by level)", () => {
    const long = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const audit = auditAccuracy([
      { assigned: long, audited: long },
      { assigned: long, audited: [...long.slice(0, 50_000), "x"] },
      { assigned: ["a", "b"], audited: ["a"] },
    ]);
    expect(audit.perLevel.length).toBe(100_000);
    expect([audit.perLevel[0], audit.perLevel[1], audit.perLevel[49_999], audit.perLevel[50_000], audit.perLevel[99_999]]).toStrictEqual([
      { level: 1, n: 3, correct: 3, accuracy: 1 },
      { level: 2, n: 3, correct: 2, accuracy: 2 / 3 },
      { level: 50_000, n: 3, correct: 2, accuracy: 2 / 3 },
      { level: 50_001, n: 3, correct: 1, accuracy: 1 / 3 },
      { level: 100_000, n: 3, correct: 1, accuracy: 1 / 3 },
    ]);
  });

  it("refuses more than 2 000 classes at the match level (the confusion matrix has a cell per pair of classes; 100 000 classes ran out of memory)", () => {
    const pairs = Array.from({ length: 100_000 }, (_, i) => ({ assigned: `c${i}`, audited: `c${i}` }));
    const error = thrown(() => auditAccuracy(pairs));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [
        {
          code: "too_many_classes",
          path: ["pairs"],
          message:
            'the pairs name 100000 classes at match level "leaf", over the 2000 an audit compares (its confusion matrix has a cell per pair of classes); audit at a higher matchLevel or in batches of categories',
        },
      ],
    ]);
    expect(auditAccuracy(pairs.slice(0, 2_000)).classes.length).toBe(2_000);
  });

  it("returns nulls for an empty audit, and uses the requested confidence", () => {
    const empty = auditAccuracy([]);
    expect(empty).toStrictEqual({
      matchLevel: "leaf",
      n: 0,
      correct: 0,
      accuracy: null,
      interval: null,
      perLevel: [],
      classes: [],
      confusion: [],
      perClass: [],
      macroF1: null,
      kappa: null,
    });
    const ci99 = auditAccuracy(repeat(10, { assigned: "a", audited: "a" }), { confidence: 0.99 });
    expect(ci99.interval).toStrictEqual({ lower: ci99.interval!.lower, upper: 1, confidence: 0.99 });
    // Wilson lower bound for 10/10 at 99% is z²/(n + z²) away from 1: n / (n + z²).
    expect(ci99.interval!.lower).toBeCloseTo(10 / (10 + 2.5758293035489004 ** 2), 12);
  });

  it("refuses unknown codes, empty paths and bad options (invalid_argument, with specific issue codes)", () => {
    const tax = createTaxonomy(SUPPORT);
    const errors = [
      thrown(() => auditAccuracy([{ assigned: "billing.refund", audited: "gone" }], { taxonomy: tax })),
      thrown(() => auditAccuracy([{ assigned: [], audited: "a" }])),
      thrown(() => auditAccuracy([], { matchLevel: 0 })),
      thrown(() => auditAccuracy([], { confidence: 95 })),
    ];
    expect(errors.map((e) => e.code)).toStrictEqual(["invalid_argument", "invalid_argument", "invalid_argument", "invalid_argument"]);
    expect(errors.map((e) => e.issues)).toStrictEqual([
      [{ code: "unknown_code", path: ["pairs", 0, "audited"], message: 'pair 0: audited code "gone" is not in taxonomy version "2026.1"; migrate old classifications first' }],
      [{ code: "empty_path", path: ["pairs", 0, "assigned"], message: "pair 0: the assigned path is empty" }],
      [{ code: "invalid_option", path: ["options", "matchLevel"], message: 'expected "leaf" or a whole level ≥ 1, got number 0' }],
      [{ code: "invalid_option", path: ["options", "confidence"], message: "expected a confidence strictly between 0 and 1 (0.95 for a 95% interval), got number 95" }],
    ]);
  });

  it("throws invalid_argument, never a TypeError, for pairs that are not an array of pairs", () => {
    const notAnArray = thrown(() => auditAccuracy(null as never));
    expect([notAnArray.code, notAnArray.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "invalid_type", path: ["pairs"], message: "expected an array of { assigned, audited } pairs, got null" }],
    ]);
    expect(thrown(() => auditAccuracy([null] as never)).issues[0].path).toStrictEqual(["pairs", 0]);
    expect(thrown(() => auditAccuracy([{ assigned: 7, audited: "a" }] as never)).issues[0].path).toStrictEqual(["pairs", 0, "assigned"]);
    expect(thrown(() => auditAccuracy([], { taxonomy: {} } as never)).issues[0].path).toStrictEqual(["options", "taxonomy"]);
    const misspelt = thrown(() => auditAccuracy([], { matchlevel: 1 } as never));
    expect([misspelt.code, misspelt.issues[0].path]).toStrictEqual(["invalid_argument", ["options", "matchlevel"]]);
    expect(misspelt.issues[0].message).toMatch(/^unknown key "matchlevel"; use "matchLevel" \(allowed: /u);
  });

  it("TSDoc examples", () => {
    const tax = createTaxonomy({
      id: "s",
      version: "1",
      nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other" }] }],
    });
    const two = [
      { assigned: "billing.refund", audited: "billing.other" },
      { assigned: "billing.refund", audited: "billing.refund" },
    ];
    expect(auditAccuracy([{ assigned: "billing.refund", audited: "billing.other" }], { taxonomy: tax, matchLevel: 1 }).accuracy).toBe(1);
    expect(auditAccuracy(two, { taxonomy: tax }).perLevel).toStrictEqual([
      { level: 1, n: 2, correct: 2, accuracy: 1 },
      { level: 2, n: 2, correct: 1, accuracy: 0.5 },
    ]);
    expect(auditAccuracy(two, { taxonomy: tax }).perClass[1]).toStrictEqual({
      code: "billing.refund",
      support: 1,
      predicted: 2,
      truePositives: 1,
      precision: 0.5,
      recall: 1,
      f1: 0.6666666666666666,
    });
    const audit = auditAccuracy(two);
    expect([audit.accuracy, audit.macroF1, audit.kappa]).toStrictEqual([0.5, 0.3333333333333333, 0]);
    const other = auditAccuracy([
      { assigned: "billing.refund", audited: "billing.refund" },
      { assigned: "billing.refund", audited: "billing.invoices" },
    ]);
    expect([other.accuracy, other.classes, other.confusion]).toStrictEqual([
      0.5,
      ["billing.invoices", "billing.refund"],
      [
        [0, 1],
        [0, 1],
      ],
    ]);
  });
});
