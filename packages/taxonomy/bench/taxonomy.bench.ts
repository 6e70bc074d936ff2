/**
 * Taxonomy benchmark: compile, validate, resolve, audit and CSV import on a 20 × 100 taxonomy
 * (2,120 nodes), beside what a user would otherwise write in the same process — a zod enum of leaf
 * codes for validation, and splitting lines on commas for CSV (fast, and wrong on quoted fields).
 *
 *   pnpm --filter @supportops/taxonomy bench
 */
import { Bench } from "tinybench";
import { z } from "zod";
import { auditAccuracy, createTaxonomy, taxonomyFromCsv, taxonomyToCsv } from "@supportops/taxonomy";
import type { TaxonomyDefinition } from "@supportops/taxonomy";

const definition: TaxonomyDefinition = {
  id: "bench",
  version: "1",
  closureCodes: [{ code: "fixed", label: "Fixed" }, { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] }],
  rules: [{ when: { status: ["solved", "closed"] }, require: ["closureCode", "resolutionNotes"] }],
  nodes: Array.from({ length: 20 }, (_, i) => ({
    code: `c${i}`,
    label: `Category ${i}`,
    children: Array.from({ length: 100 }, (_, j) => ({
      code: `c${i}.${j}`,
      label: `Item ${j}, variant ${i}`,
      aliases: [`I${j}`],
      ...(j % 25 === 24 ? { deprecated: { replacedBy: [`c${i}.0`] } } : {}),
    })),
  })),
};

const tax = createTaxonomy(definition);
const leaves = tax.leaves().map((n) => n.code);
const classifications = leaves.map((code, i) => ({ code, version: "1", closureCode: "fixed", fields: { resolutionNotes: `note ${i}` } }));
const labelPaths = tax.nodes.map((n) => n.labelPath.toUpperCase().replace(/::/gu, " :: "));
const pairs = Array.from({ length: 10_000 }, (_, i) => ({ assigned: leaves[i % leaves.length]!, audited: leaves[(i * 7) % leaves.length]! }));
const csv = taxonomyToCsv(tax);

// What a user might write without the library: a zod enum of the selectable codes.
const peerSchema = z.object({
  code: z.enum(leaves as [string, ...string[]]),
  version: z.literal("1"),
  closureCode: z.enum(["fixed", "duplicate"]).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

let i = 0;
let sink = 0;
const bench = new Bench({ time: 500, warmupTime: 200 });
bench
  .add("createTaxonomy (2,120 nodes)", () => {
    sink += createTaxonomy(definition).nodes.length;
  })
  .add("tax.validate (status solved)", () => {
    sink += tax.validate(classifications[i++ % classifications.length]!, { status: "solved" }).success ? 1 : 0;
  })
  .add("peer: zod enum safeParse", () => {
    sink += peerSchema.safeParse(classifications[i++ % classifications.length]).success ? 1 : 0;
  })
  .add("tax.resolve (label path, upper-case, spaced)", () => {
    sink += tax.resolve(labelPaths[i++ % labelPaths.length]!).success ? 1 : 0;
  })
  .add("auditAccuracy (10,000 pairs, 20 classes at level 1)", () => {
    sink += auditAccuracy(pairs, { taxonomy: tax, matchLevel: 1 }).correct;
  })
  .add("auditAccuracy (10,000 pairs, 1,920 leaf classes)", () => {
    sink += auditAccuracy(pairs, { taxonomy: tax }).correct;
  })
  .add("taxonomyFromCsv (2,120 rows, papaparse)", () => {
    sink += taxonomyFromCsv(csv, { id: "b", version: "1" }).nodes.length;
  })
  .add("peer: split lines on commas (wrong on quotes)", () => {
    sink += csv.split("\r\n").map((line) => line.split(",")).length;
  });

await bench.run();
console.table(
  bench.tasks.map((task) => {
    const result = task.result as { throughput?: { mean: number }; latency?: { mean: number } } | undefined;
    return {
      task: task.name,
      "ops/s": Math.round(result?.throughput?.mean ?? 0).toLocaleString("en-US"),
      "mean µs": ((result?.latency?.mean ?? 0) * 1000).toFixed(2),
    };
  }),
);
const ops = (name: string): number => (bench.tasks.find((t) => t.name === name)?.result as { throughput?: { mean: number } } | undefined)?.throughput?.mean ?? NaN;
console.log(`validate / zod enum: ${(ops("tax.validate (status solved)") / ops("peer: zod enum safeParse")).toFixed(2)}×`);
console.log(`(sink ${sink > 0 ? "ok" : "empty"})`);
