import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { auditAccuracy, createTaxonomy } from "@supportops/taxonomy";
import type { AuditPair, Taxonomy } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

const withPairs = definitionArb.chain((def) => {
  const tax = createTaxonomy(def);
  const code = fc.constantFrom(...tax.nodes.map((n) => n.code));
  return fc.tuple(
    fc.constant(tax),
    fc.array(fc.record({ assigned: code, audited: code }), { maxLength: 60 }),
    fc.oneof(fc.constant("leaf" as const), fc.integer({ min: 1, max: 4 })),
  );
});

/** The naive reference: count agreements by comparing truncated paths, class by class. */
function naive(tax: Taxonomy, pairs: ReadonlyArray<{ assigned: string; audited: string }>, level: "leaf" | number) {
  const key = (code: string): string => {
    const path = tax.path(code);
    return level === "leaf" ? path.join("/") : path.slice(0, level).join("/");
  };
  const correct = pairs.filter((p) => key(p.assigned) === key(p.audited)).length;
  const classes = [...new Set(pairs.flatMap((p) => [key(p.assigned), key(p.audited)]))];
  const po = pairs.length === 0 ? 0 : correct / pairs.length;
  let pe = 0;
  for (const c of classes) {
    pe += (pairs.filter((p) => key(p.audited) === c).length / pairs.length) * (pairs.filter((p) => key(p.assigned) === c).length / pairs.length);
  }
  const recall = classes.map((c) => {
    const support = pairs.filter((p) => key(p.audited) === c);
    return support.length === 0 ? null : support.filter((p) => key(p.assigned) === c).length / support.length;
  });
  return { correct, po, pe, recall: recall.sort() };
}

describe("auditAccuracy (random trees and pairs)", () => {
  test.prop([withPairs], { numRuns: numRuns(100) })("is 1 (and κ is 1, or undefined with a single class) when every pair agrees", ([tax, pairs, matchLevel]) => {
    fc.pre(pairs.length > 0);
    const agreeing = pairs.map((p) => ({ assigned: p.audited, audited: p.audited }));
    const audit = auditAccuracy(agreeing, { taxonomy: tax, matchLevel });
    expect(audit.accuracy).toBe(1);
    expect(audit.perLevel.every((l) => l.accuracy === 1)).toBe(true);
    expect(audit.kappa).toBe(audit.classes.length === 1 ? null : 1);
    expect(audit.interval?.upper).toBe(1);
  });

  test.prop([withPairs], { numRuns: numRuns(100) })("matches a naive computation: accuracy, κ and recall per class", ([tax, pairs, matchLevel]) => {
    const audit = auditAccuracy(pairs, { taxonomy: tax, matchLevel });
    const ref = naive(tax, pairs, matchLevel);
    expect(audit.n).toBe(pairs.length);
    expect(audit.correct).toBe(ref.correct);
    if (pairs.length === 0 || audit.accuracy === null || audit.interval === null) {
      expect([audit.accuracy, audit.kappa, audit.interval]).toStrictEqual([null, null, null]);
      return;
    }
    expect(audit.accuracy).toBeCloseTo(ref.po, 12);
    if (ref.pe === 1) expect(audit.kappa).toBeNull();
    else expect(audit.kappa).toBeCloseTo((ref.po - ref.pe) / (1 - ref.pe), 12);
    expect(audit.perClass.map((c) => c.recall).sort()).toStrictEqual(ref.recall);
    // The interval contains the point estimate, and the confusion matrix sums to n.
    expect(audit.interval.lower).toBeLessThanOrEqual(audit.accuracy);
    expect(audit.interval.upper).toBeGreaterThanOrEqual(audit.accuracy);
    expect(audit.confusion.flat().reduce((s, v) => s + v, 0)).toBe(pairs.length);
    // Level-wise accuracy never rises with depth (a path agreeing at level k agrees above it).
    audit.perLevel.slice(1).forEach((level, k) => expect(level.correct).toBeLessThanOrEqual(audit.perLevel[k]?.correct ?? 0));
  });

  test.prop(
    [withPairs.chain(([tax, pairs, level]) => fc.tuple(fc.constant(tax), fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length }), fc.constant(level)))],
    { numRuns: numRuns(100) },
  )("does not depend on the order of the pairs, and codes give what explicit paths give", ([tax, pairs, shuffled, matchLevel]) => {
    const a = auditAccuracy(pairs, { taxonomy: tax, matchLevel });
    expect(auditAccuracy(shuffled, { taxonomy: tax, matchLevel })).toStrictEqual(a);
    const asPaths: AuditPair[] = pairs.map((p) => ({ assigned: tax.path(p.assigned), audited: tax.path(p.audited) }));
    expect(auditAccuracy(asPaths, { matchLevel })).toStrictEqual(a);
  });
});
