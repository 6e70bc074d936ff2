// Huge inputs through every public entry point: 100 000 nodes, a CSV of more than 5 MB, 100 000
// classifications, audit pairs and revision changes. Each step must cost time linear in its input.
//
// Catastrophic-slowness guards: each step's time is compared with a JSON round trip of the same
// definition (`JSON.parse(JSON.stringify(definition))`, linear, measured in the same run, so the
// bound follows the machine's load). Each bound is 100× the ratio the step was measured at; a step
// that went quadratic on 100 000 nodes would be thousands of times over. Print the figures with
// `TAXONOMY_SCALE_REPORT=1 npx vitest run packages/taxonomy/test/index.scale.test.ts`.
import { describe, expect, it } from "vitest";
import {
  auditAccuracy,
  checkTaxonomyHealth,
  createTaxonomy,
  diffTaxonomies,
  reviseTaxonomy,
  safeParseTaxonomyJson,
  safeTaxonomyFromCsv,
  taxonomyFromCsv,
  taxonomyFromZendeskOptions,
  taxonomyToCsv,
  taxonomyToSkos,
  taxonomyToZendeskOptions,
} from "@supportops/taxonomy";
import type { TaxonomyChange, TaxonomyDefinition, TaxonomyNodeDefinition } from "@supportops/taxonomy";

const report = process.env["TAXONOMY_SCALE_REPORT"] === "1";

/** The fastest of three JSON round trips of `value`, in ms: the yardstick of linear work on this machine, now. */
function jsonRoundTripMs(value: unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    JSON.parse(JSON.stringify(value));
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** A runner of steps, each checked to take less than `maxRatio` JSON round trips (100× the most it was measured at). */
function guardedBy(yardstickMs: number): <T>(name: string, maxRatio: number, fn: () => T) => T {
  if (report) console.info(`yardstick: a JSON round trip takes ${yardstickMs.toFixed(0)} ms`);
  return (name, maxRatio, fn) => guarded(yardstickMs, name, maxRatio, fn);
}

function guarded<T>(yardstickMs: number, name: string, maxRatio: number, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  const elapsedMs = performance.now() - started;
  const ratio = elapsedMs / yardstickMs;
  if (report) console.info(`${name.padEnd(46)} ${elapsedMs.toFixed(0).padStart(6)} ms = ${ratio.toFixed(1).padStart(5)} JSON round trips (bound ${maxRatio})`);
  expect(ratio, `${name}: catastrophic-slowness guard`).toBeLessThan(maxRatio);
  return result;
}

/** 100 top-level categories × 10 subcategories × 100 items = 101 100 nodes, with aliases, descriptions and a required field. */
function wideTree(): TaxonomyDefinition {
  const nodes: TaxonomyNodeDefinition[] = [];
  for (let a = 0; a < 100; a++) {
    const middle: TaxonomyNodeDefinition[] = [];
    for (let b = 0; b < 10; b++) {
      const leaves: TaxonomyNodeDefinition[] = [];
      for (let c = 0; c < 100; c++) {
        leaves.push({ code: `c${a}.${b}.${c}`, label: `Item ${a}-${b}-${c}`, aliases: [`Alias ${c}`], description: `What item ${c} of ${a}-${b} covers, in a sentence.` });
      }
      middle.push({ code: `c${a}.${b}`, label: `Subcategory ${a}-${b}`, children: leaves });
    }
    nodes.push({ code: `c${a}`, label: `Category ${a}`, requires: [`field${a}`], children: middle });
  }
  return { id: "scale", version: "1", nodes };
}

describe("100 000 nodes through every entry point", () => {
  it("a three-level tree: compile, CSV (> 5 MB) both ways, SKOS, Zendesk, health, audit", { timeout: 900_000 }, () => {
    const definition = wideTree();
    const timed = guardedBy(jsonRoundTripMs(definition));
    const tax = timed("createTaxonomy (101 100 nodes)", 2_000, () => createTaxonomy(definition));
    const csv = timed("taxonomyToCsv", 1_000, () => taxonomyToCsv(tax));
    expect(csv.length).toBeGreaterThan(5_000_000);
    const imported = timed("taxonomyFromCsv (CSV > 5 MB)", 1_200, () => taxonomyFromCsv(csv, { id: "scale", version: "1" }));
    expect(imported.nodes).toStrictEqual(definition.nodes);
    expect(timed("taxonomyToSkos", 800, () => taxonomyToSkos(tax))["@graph"].length).toBe(101_101);
    const options = timed("taxonomyToZendeskOptions", 200, () => taxonomyToZendeskOptions(tax));
    expect(timed("taxonomyFromZendeskOptions", 550, () => taxonomyFromZendeskOptions(options, { id: "scale", version: "1" })).nodes.length).toBe(100);
    const codes = tax.nodes.map((node) => node.code);
    expect(timed("checkTaxonomyHealth (101 100 tickets)", 310, () => checkTaxonomyHealth(tax, codes)).n).toBe(101_100);
    const pairs = codes.map((code, i) => ({ assigned: code, audited: codes[(i + 1) % codes.length] ?? code }));
    expect(timed("auditAccuracy (101 100 pairs, 1 100 classes)", 160, () => auditAccuracy(pairs, { taxonomy: tax, matchLevel: 2 })).classes.length).toBe(1_100);
  });

  it("a flat list: revise, diff and health over 100 000 siblings", { timeout: 900_000 }, () => {
    // "Login" and five punctuation marks spelling i in base 10: distinct labels, one loose key ("login").
    const marks = ".,;-_!?*#%";
    const label = (i: number): string => `Login${[...String(i).padStart(5, "0")].map((digit) => marks[Number(digit)]).join("")}`;
    const nodes = Array.from({ length: 100_000 }, (_, i): TaxonomyNodeDefinition => ({ code: `n${i}`, label: label(i) }));
    const timed = guardedBy(jsonRoundTripMs(nodes));
    const v1 = timed("createTaxonomy (100 000 siblings)", 4_300, () => createTaxonomy({ id: "flat", version: "1", nodes }));
    const changes: TaxonomyChange[] = [
      { op: "merge", from: Array.from({ length: 99_999 }, (_, i) => `n${i + 1}`), into: "n0" },
      ...Array.from({ length: 10_000 }, (_, i): TaxonomyChange => ({ op: "move", code: `n${i + 1}`, parent: "n0" })),
      ...Array.from({ length: 10_000 }, (_, i): TaxonomyChange => ({ op: "rename", code: `n${i + 50_000}`, label: `Renamed ${i}` })),
    ];
    const next = timed("reviseTaxonomy (120 001 changes)", 2_500, () => reviseTaxonomy(v1, "2", changes));
    const v2 = timed("createTaxonomy (revised)", 11_000, () => createTaxonomy(next));
    const diff = timed("diffTaxonomies (99 999 merged into one)", 550, () => diffTaxonomies(v1, v2));
    expect([diff.merged[0]?.from.length, diff.moved.length, diff.renamed.length]).toStrictEqual([99_999, 10_000, 10_000]);
    // One group of 100 000 near-duplicate siblings.
    const health = timed("checkTaxonomyHealth (100 000 near-duplicates)", 1_100, () => checkTaxonomyHealth(v1, []));
    expect([health.unused.length, health.nearDuplicates[0]?.codes.length]).toStrictEqual([100_000, 100_000]);
  });
});

describe("costs at the limits", () => {
  it("refuses nesting beyond the limits up front, and compiles and audits at the limits in linear time", { timeout: 900_000 }, () => {
    // 10 000 nodes that each require 100 fields (99 inherited): the yardstick is their definition.
    const fields = Array.from({ length: 99 }, (_, i) => `field${i}`);
    const definition: TaxonomyDefinition = {
      id: "limits",
      version: "1",
      nodes: Array.from({ length: 100 }, (_, a) => ({
        code: `c${a}`,
        label: `Category ${a}`,
        requires: fields,
        children: Array.from({ length: 100 }, (_, b) => ({ code: `c${a}.${b}`, label: `Item ${b}`, requires: [`own${b}`] })),
      })),
    };
    const timed = guardedBy(jsonRoundTripMs(definition));
    const deepJson = `{"id":"t","version":"1","nodes":[${Array.from({ length: 100_000 }, (_, i) => `{"code":"n${i}","label":"N","children":[`).join("")}${"]}".repeat(100_000)}]}`;
    expect(timed("parseTaxonomyJson (children 100 000 deep)", 3_000, () => safeParseTaxonomyJson(deepJson)).success).toBe(false);
    const header = Array.from({ length: 10_000 }, (_, i) => `level_${i + 1}`).join(",");
    expect(timed("taxonomyFromCsv (10 000 level columns)", 1_000, () => safeTaxonomyFromCsv(`${header}\n${header}\n`, { id: "t", version: "1" })).success).toBe(false);
    const tax = timed("createTaxonomy (10 100 nodes × 100 fields)", 10_000, () => createTaxonomy(definition));
    expect(tax.node("c0.0")?.requires.length).toBe(100);
    // A chain of 10 000 deprecated nodes whose last one is split into 100: each ends at 100 replacements.
    const active = Array.from({ length: 100 }, (_, i) => ({ code: `a${i}`, label: `A${i}` }));
    const chain = Array.from({ length: 10_000 }, (_, i) => ({ code: `d${i}`, label: `D${i}`, deprecated: { replacedBy: i < 9_999 ? [`d${i + 1}`] : active.map((a) => a.code) } }));
    expect(timed("createTaxonomy (10 000 × 100 replacements)", 10_000, () => createTaxonomy({ id: "t", version: "1", nodes: [...active, ...chain] })).node("d0")?.replacements.length).toBe(100);
    // An audit of 100 000 pairs over 2 000 classes: a confusion matrix of 4 million cells.
    const pairs = Array.from({ length: 100_000 }, (_, i) => ({ assigned: `k${i % 2_000}`, audited: `k${(i * 7) % 2_000}` }));
    expect(timed("auditAccuracy (100 000 pairs, 2 000 classes)", 5_000, () => auditAccuracy(pairs)).confusion.length).toBe(2_000);
  });
});
