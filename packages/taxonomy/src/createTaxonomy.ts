import { issuesFromZod, safely } from "@supportops/core";
import type { SafeResult } from "@supportops/core";
import { ClassificationSchema } from "./Classification.js";
import type { Classification, ValidClassification } from "./Classification.js";
import type { Taxonomy, TaxonomyNode, ValidateOptions } from "./Taxonomy.js";
import { TaxonomyDefinitionSchema } from "./TaxonomyDefinition.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { compile } from "./internal/compile.js";
import { migrateClassification } from "./internal/migrate.js";
import { indexForResolve, resolvePath } from "./internal/resolve.js";
import { validateClassification, wellFormed } from "./internal/validate.js";
import type { Writable } from "./internal/validate.js";

/**
 * Validates a taxonomy definition and compiles it into a frozen {@link Taxonomy}.
 *
 * Rejected, with a path to each problem: schema errors, duplicate codes, unknown or conflicting parents,
 * parent cycles, nodes deeper than `maxDepth` (T3), labels or aliases that contain the separator or
 * are too long (T7), sibling names that collide after normalisation (T2), deprecated nodes with neither
 * `replacedBy` nor `reason` or with unknown replacements (T6), replacement cycles, too many options (T7),
 * duplicate closure codes and rules naming unknown codes.
 *
 * @param definition - plain JSON, see {@link TaxonomyDefinitionSchema}
 * @returns the compiled taxonomy
 * @throws {@link TaxonomyError} `invalid_taxonomy`, with every issue found
 * @example
 * const tax = createTaxonomy({
 *   id: "support", version: "2026.1",
 *   nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }],
 * });
 * tax.path("billing.refund"); // => ["billing", "billing.refund"]
 */
export function createTaxonomy(definition: TaxonomyDefinition): Taxonomy {
  const parsed = TaxonomyDefinitionSchema.safeParse(definition);
  if (!parsed.success) throw new TaxonomyError("invalid_taxonomy", issuesFromZod(parsed.error));
  const result = compile(parsed.data);
  if ("issues" in result) throw new TaxonomyError("invalid_taxonomy", result.issues);
  const compiled = result.compiled;
  const { id, version } = parsed.data;

  const nodeOrThrow = (code: string): TaxonomyNode => {
    const node = compiled.byCode.get(code);
    if (node === undefined) {
      throw new TaxonomyError("unknown_code", [
        { code: "unknown_code", path: [], message: `${JSON.stringify(code)} is not a node code in taxonomy ${JSON.stringify(id)} version ${JSON.stringify(version)}` },
      ]);
    }
    return node;
  };
  const childrenOf = (codes: ReadonlyArray<string>): ReadonlyArray<TaxonomyNode> =>
    Object.freeze(codes.map((c) => compiled.byCode.get(c)!));
  const resolveIndex = indexForResolve(compiled);
  const activeLeaves = Object.freeze(compiled.nodes.filter((n) => n.isLeaf && n.deprecated === null));
  const allLeaves = Object.freeze(compiled.nodes.filter((n) => n.isLeaf));

  const taxonomy: Taxonomy = {
    id,
    version,
    separator: compiled.separator,
    maxDepth: compiled.maxDepth,
    nodes: compiled.nodes,
    closureCodes: compiled.closureCodes,
    definition: compiled.definition,
    node: (code) => compiled.byCode.get(code),
    has: (code) => compiled.byCode.has(code),
    path: (code) => nodeOrThrow(code).path,
    children: (code) => childrenOf(code === undefined ? compiled.roots : nodeOrThrow(code).children),
    leaves: (options) => (options?.includeDeprecated === true ? allLeaves : activeLeaves),
    resolve: (input) => {
      const found = resolvePath(compiled, resolveIndex, input);
      if ("message" in found) return { success: false, error: new TaxonomyError("unresolved", [found]) };
      return { success: true, data: found };
    },
    validate: (classification: Classification, options: ValidateOptions = {}): SafeResult<ValidClassification, TaxonomyError> => {
      // Known codes are well-formed by construction, so the common case skips the zod pass; anything
      // unusual goes through the schema for its issues.
      let input = wellFormed(compiled, classification);
      if (input === undefined) {
        const shape = ClassificationSchema.safeParse(classification);
        if (!shape.success) return { success: false, error: new TaxonomyError("invalid_classification", issuesFromZod(shape.error)) };
        input = shape.data as Writable<Classification>;
      }
      const outcome = validateClassification(compiled, version, input, options);
      if ("issues" in outcome) return { success: false, error: new TaxonomyError("invalid_classification", outcome.issues) };
      return { success: true, data: outcome.data };
    },
    migrate: (classification, migration) => migrateClassification(compiled, version, classification, migration),
    toJSON: () => compiled.definition,
  };
  return Object.freeze(taxonomy);
}

/**
 * {@link createTaxonomy} that returns `{ success, data }` or `{ success: false, error }` instead of throwing.
 *
 * @param definition - plain JSON, see {@link TaxonomyDefinitionSchema}
 * @returns the compiled taxonomy, or the {@link TaxonomyError} `createTaxonomy` would throw
 * @example
 * const result = safeCreateTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A::B" }] });
 * result.success; // => false
 * if (!result.success) result.error.issues[0].code; // => "separator_in_label"
 */
export function safeCreateTaxonomy(definition: TaxonomyDefinition): SafeResult<Taxonomy, TaxonomyError> {
  return safely(TaxonomyError, () => createTaxonomy(definition));
}
