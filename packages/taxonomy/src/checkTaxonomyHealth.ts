import type { Issue } from "@supportops/core";
import { z } from "zod";
import type { Taxonomy, TaxonomyNode } from "./Taxonomy.js";
import type { TaxonomyIssueCode } from "./TaxonomyError.js";
import { assertTaxonomy, isRecord, parseArgument, wrongType } from "./internal/arguments.js";
import { looseLabelKey } from "./internal/normalize.js";

const HealthOptionsSchema = z.strictObject({
  otherShareThreshold: z.number().min(0).max(1).optional(),
  maxLeaves: z.int().min(0).optional(),
});

/**
 * Options of {@link checkTaxonomyHealth}.
 *
 * @example
 * const options: HealthOptions = { otherShareThreshold: 0.2, maxLeaves: 40 };
 */
export interface HealthOptions {
  /** Warn when the share of tickets in "other" buckets exceeds this, between 0 and 1 (T11). Default 0.1. */
  readonly otherShareThreshold?: number | undefined;
  /** Warn when active leaves exceed this count, a whole number (T13; practitioners suggest 30–50). Default 50. */
  readonly maxLeaves?: number | undefined;
}

/**
 * What {@link checkTaxonomyHealth} found.
 *
 * @example
 * // tax: Billing > Refund, Other (an "other" bucket)
 * const health: TaxonomyHealth = checkTaxonomyHealth(tax, ["billing.refund", "billing.other"], { otherShareThreshold: 0.2 });
 * health.other.share;    // => 0.5
 * health.other.exceeded; // => true
 * health.warnings.map((w) => w.code); // => ["other_share"]
 */
export interface TaxonomyHealth {
  /** Classifications counted (those with a known code). */
  readonly n: number;
  /** Codes in the classifications that the taxonomy lacks, with counts (migrate old tickets first). */
  readonly unknownCodes: ReadonlyArray<{ readonly code: string; readonly count: number }>;
  /** Tickets at or below nodes marked `other` (T11). */
  readonly other: {
    readonly count: number;
    /** `count / n`; `null` when `n` is 0. */
    readonly share: number | null;
    readonly threshold: number;
    readonly exceeded: boolean;
    readonly byNode: ReadonlyArray<{ readonly code: string; readonly count: number }>;
  };
  /** Active nodes with no ticket at or below them, depth-first. */
  readonly unused: ReadonlyArray<string>;
  /** Active leaves against the threshold (T13). */
  readonly leaves: { readonly count: number; readonly threshold: number; readonly exceeded: boolean };
  /** Sibling groups whose labels collide under loose normalisation (accents, punctuation, spaces, plural "s"). */
  readonly nearDuplicates: ReadonlyArray<{ readonly parent: string | null; readonly codes: ReadonlyArray<string> }>;
  /** One warning per finding (`other_share`, `unused_category`, `too_many_leaves`, `near_duplicate_labels`, `unknown_code`). */
  readonly warnings: ReadonlyArray<Issue<TaxonomyIssueCode>>;
}

/**
 * Health checks a taxonomy owner runs over the tree and a batch of ticket classifications: the share
 * of tickets in "other" buckets (T11), categories never used, too many leaves (T13) and sibling labels
 * that nearly collide (T2's loose form: "Log-in" vs "Logins").
 *
 * @param taxonomy - the taxonomy
 * @param classifications - ticket classifications or bare codes, made against this version
 * @param options - thresholds
 * @returns the findings, with one warning issue per finding
 * @throws {@link TaxonomyError} `invalid_argument` when `taxonomy` is not one, `classifications` is not
 *   an array of codes or `{ code }` objects, or an option is unknown or out of range (the issue path
 *   starts with the parameter's name)
 * @example
 * const tax = createTaxonomy({ id: "s", version: "1", nodes: [
 *   { code: "a", label: "Access" }, { code: "o", label: "Other", other: true }] });
 * checkTaxonomyHealth(tax, ["o", "o", "a"]).other.share; // => 0.6666666666666666
 */
export function checkTaxonomyHealth(
  taxonomy: Taxonomy,
  classifications: ReadonlyArray<string | { readonly code: string }>,
  options?: HealthOptions,
): TaxonomyHealth {
  assertTaxonomy(taxonomy, ["taxonomy"]);
  if (!Array.isArray(classifications)) throw wrongType(["classifications"], "an array of classifications or codes", classifications);
  const { otherShareThreshold = 0.1, maxLeaves = 50 } = options === undefined ? {} : parseArgument(HealthOptionsSchema, options, ["options"]);
  const subtreeCount = new Map<string, number>();
  const unknown = new Map<string, number>();
  const otherByNode = new Map<string, number>();
  let n = 0;
  let otherCount = 0;
  classifications.forEach((item: unknown, i) => {
    const code = typeof item === "string" ? item : isRecord(item) ? item["code"] : undefined;
    if (typeof code !== "string") throw wrongType(["classifications", i], "a classification { code, … } or a code", item);
    const node = taxonomy.node(code);
    if (node === undefined) {
      unknown.set(code, (unknown.get(code) ?? 0) + 1);
      return;
    }
    n++;
    for (const c of node.path) subtreeCount.set(c, (subtreeCount.get(c) ?? 0) + 1);
    // The innermost "other" bucket on the path gets the ticket.
    const bucket = [...node.path].reverse().find((c) => taxonomy.node(c)?.other === true);
    if (bucket !== undefined) {
      otherCount++;
      otherByNode.set(bucket, (otherByNode.get(bucket) ?? 0) + 1);
    }
  });
  const share = n === 0 ? null : otherCount / n;
  const unused = taxonomy.nodes.filter((node) => node.deprecated === null && !subtreeCount.has(node.code));
  const leafCount = taxonomy.leaves().length;

  const nearDuplicates: Array<{ parent: string | null; nodes: TaxonomyNode[] }> = [];
  const groups: Array<{ parent: string | null; nodes: ReadonlyArray<TaxonomyNode> }> = [
    { parent: null, nodes: taxonomy.children() },
    ...taxonomy.nodes.map((node) => ({ parent: node.code, nodes: taxonomy.children(node.code) })),
  ];
  for (const { parent, nodes } of groups) {
    const byKey = new Map<string, TaxonomyNode[]>();
    for (const node of nodes) {
      const key = looseLabelKey(node.label);
      const same = byKey.get(key);
      if (same === undefined) byKey.set(key, [node]);
      else same.push(node);
    }
    for (const same of byKey.values()) if (same.length > 1) nearDuplicates.push({ parent, nodes: same });
  }

  const warnings: Issue<TaxonomyIssueCode>[] = [];
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  if (share !== null && share > otherShareThreshold) {
    warnings.push({
      code: "other_share",
      path: [],
      message: `${pct(share)} of tickets (${otherCount} of ${n}) are in "other" buckets, over the ${pct(otherShareThreshold)} budget; add categories for what they hold`,
    });
  }
  for (const node of unused) {
    warnings.push({ code: "unused_category", path: [node.code], message: `${node.labelPath} (${JSON.stringify(node.code)}) has no tickets; merge or retire it if that persists` });
  }
  if (leafCount > maxLeaves) {
    warnings.push({ code: "too_many_leaves", path: [], message: `${leafCount} active leaves, over the threshold of ${maxLeaves}; agents choose less reliably from long lists` });
  }
  for (const group of nearDuplicates) {
    warnings.push({
      code: "near_duplicate_labels",
      path: group.parent === null ? [] : [group.parent],
      message: `siblings ${group.nodes.map((node) => JSON.stringify(node.label)).join(", ")} differ only in accents, punctuation, spacing or a plural; merge them or make the labels distinct`,
    });
  }
  for (const [code, count] of unknown) {
    warnings.push({ code: "unknown_code", path: [code], message: `${count} classification(s) use ${JSON.stringify(code)}, which is not in version ${JSON.stringify(taxonomy.version)}` });
  }

  return {
    n,
    unknownCodes: [...unknown].map(([code, count]) => ({ code, count })),
    other: {
      count: otherCount,
      share,
      threshold: otherShareThreshold,
      exceeded: share !== null && share > otherShareThreshold,
      byNode: [...otherByNode].map(([code, count]) => ({ code, count })),
    },
    unused: unused.map((node) => node.code),
    leaves: { count: leafCount, threshold: maxLeaves, exceeded: leafCount > maxLeaves },
    nearDuplicates: nearDuplicates.map(({ parent, nodes }) => ({ parent, codes: nodes.map((node) => node.code) })),
    warnings,
  };
}
