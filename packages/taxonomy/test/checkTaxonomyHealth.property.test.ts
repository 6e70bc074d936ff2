import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { checkTaxonomyHealth, createTaxonomy } from "@supportops/taxonomy";
import type { TaxonomyNode, TaxonomyNodeDefinition } from "@supportops/taxonomy";
import { definitionArb } from "./support/arbitraries.js";

// A random taxonomy, random tickets (some with an unknown code) and a random set of "other" buckets.
const ticketsArb = definitionArb.chain((def) => {
  const tax = createTaxonomy(def);
  const code = fc.oneof(fc.constantFrom(...tax.nodes.map((n) => n.code)), fc.constant("unknown"));
  return fc.tuple(fc.constant(tax), fc.array(code, { maxLength: 40 }), fc.subarray(tax.nodes.map((n) => n.code)));
});

describe("checkTaxonomyHealth (random trees and tickets)", () => {
  test.prop([ticketsArb], { numRuns: numRuns(100) })("agrees with a naive count: other share, unused nodes, unknown codes", ([plain, tickets, otherCodes]) => {
    const mark = (n: TaxonomyNode): TaxonomyNodeDefinition => {
      const children = plain.children(n.code).map(mark);
      return { code: n.code, label: n.label, ...(otherCodes.includes(n.code) ? { other: true } : {}), ...(children.length > 0 ? { children } : {}) };
    };
    const tax = createTaxonomy({ ...plain.definition, nodes: plain.children().map(mark) });
    const health = checkTaxonomyHealth(tax, tickets);
    const known = tickets.filter((c) => tax.has(c));
    const inOther = known.filter((c) => tax.path(c).some((a) => otherCodes.includes(a)));
    expect(health.n).toBe(known.length);
    expect(health.other.count).toBe(inOther.length);
    expect(health.other.share).toBe(known.length === 0 ? null : inOther.length / known.length);
    expect(health.other.byNode.reduce((s, b) => s + b.count, 0)).toBe(inOther.length);
    expect(new Set(health.unused)).toStrictEqual(new Set(tax.nodes.filter((n) => !known.some((c) => tax.path(c).includes(n.code))).map((n) => n.code)));
    expect(health.unknownCodes.reduce((s, u) => s + u.count, 0)).toBe(tickets.length - known.length);
  });
});
