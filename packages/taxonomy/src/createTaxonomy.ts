import { safely } from "@supportops/core";
import type { SafeResult } from "@supportops/core";
import type { Taxonomy, TaxonomyNode } from "./Taxonomy.js";
import { TaxonomyDefinitionSchema } from "./TaxonomyDefinition.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import { TaxonomyError } from "./TaxonomyError.js";
import { isRecord, parseArgument, wrongType } from "./internal/arguments.js";
import { checkNesting } from "./internal/checkNesting.js";
import { compile } from "./internal/compile.js";
import type { Compiled } from "./internal/compile.js";
import { migrateClassification } from "./internal/migrate.js";
import { indexForResolve, resolvePath } from "./internal/resolve.js";
import { validateClassification } from "./internal/validate.js";

const NO_NODES: ReadonlyArray<TaxonomyNode> = Object.freeze([]);

/**
 * Validates a taxonomy definition and compiles it into a frozen {@link Taxonomy}.
 *
 * Rejected, with a path to each problem: schema errors (an unknown key names the key that was meant),
 * duplicate codes, unknown or conflicting parents, parent cycles, nodes deeper than `maxDepth` (T3),
 * labels or aliases that contain the separator or are too long (T7), sibling names that collide after
 * normalisation (T2), deprecated nodes with neither `replacedBy` nor `reason` or with unknown
 * replacements (T6), replacement cycles, too many options (T7), duplicate closure codes and rules
 * naming unknown codes. Nodes nested through `children` deeper than `MAX_TAXONOMY_DEPTH` (32)
 * levels, and any part nested deeper than 100 objects and arrays or referring back to itself, are
 * refused first (issue `too_deep`), before anything walks the tree, so no input overflows the stack.
 *
 * A literal definition (written inline or `as const`) gives a `Taxonomy` typed with its codes, so
 * `tax.path("billing.refnd")` is a compile-time error; `parent`, `replacedBy` and rules' `codes` must
 * then name one of the definition's codes. For JSON of unknown shape use {@link safeCreateTaxonomy} or
 * {@link parseTaxonomyJson}.
 *
 * @param definition - plain JSON, see {@link TaxonomyDefinitionSchema}; it is not mutated
 * @returns the compiled taxonomy
 * @throws {@link TaxonomyError} `invalid_taxonomy`, with every issue found
 * @example
 * const tax = createTaxonomy({
 *   id: "support", version: "2026.1",
 *   nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }],
 * });
 * tax.path("billing.refund"); // => ["billing", "billing.refund"]
 */
export function createTaxonomy<const Code extends string>(definition: TaxonomyDefinition<Code>): Taxonomy<Code> {
  // Before the recursive node schema and the tree walks see it: nesting deeper than any taxonomy can be.
  const nodes: unknown = isRecord(definition) ? definition["nodes"] : undefined;
  const tooDeep = checkNesting(definition, Array.isArray(nodes) ? nodes.map((node: unknown, i) => ({ node, path: ["nodes", i] })) : []);
  if (tooDeep !== undefined) throw new TaxonomyError("invalid_taxonomy", [tooDeep]);
  const parsed = parseArgument(TaxonomyDefinitionSchema, definition, [], "invalid_taxonomy");
  const result = compile(parsed);
  if ("issues" in result) throw new TaxonomyError("invalid_taxonomy", result.issues);
  // The codes were checked against the definition; its Code union names exactly them.
  return taxonomyOf(result.compiled) as Taxonomy<Code>;
}

/** The public face of a compiled tree: lookups, resolve, validate and migrate, with their argument checks. */
function taxonomyOf(compiled: Compiled): Taxonomy {
  const { id, version } = compiled.definition;
  const nodeOrThrow = (code: unknown, method: string): TaxonomyNode => {
    if (typeof code !== "string") throw wrongType(["code"], `a node code (a string) for tax.${method}`, code);
    const node = compiled.byCode.get(code);
    if (node === undefined) {
      throw new TaxonomyError("not_found", [
        { code: "unknown_code", path: [], message: `${JSON.stringify(code)} is not a node code in taxonomy ${JSON.stringify(id)} version ${JSON.stringify(version)}` },
      ]);
    }
    return node;
  };
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
    has: (code): code is string => compiled.byCode.has(code),
    path: (code) => nodeOrThrow(code, "path").path,
    children: (code) => compiled.children.get(code === undefined ? null : nodeOrThrow(code, "children").code) ?? NO_NODES,
    leaves: (options) => {
      if (options !== undefined && !isRecord(options)) throw wrongType(["options"], "{ includeDeprecated?: boolean } or nothing", options);
      return options?.includeDeprecated === true ? allLeaves : activeLeaves;
    },
    resolve: (labelPath) => {
      if (typeof labelPath !== "string") return { success: false, error: wrongType(["labelPath"], 'a label path (a string such as "Billing::Refund")', labelPath) };
      const found = resolvePath(compiled, resolveIndex, labelPath);
      if ("message" in found) return { success: false, error: new TaxonomyError("not_found", [found]) };
      return { success: true, data: found };
    },
    validate: (classification, options) => validateClassification(compiled, classification, options),
    migrate: (classification, migration) => migrateClassification(compiled, classification, migration),
    toJSON: () => compiled.definition,
  };
  return Object.freeze(taxonomy);
}

/**
 * {@link createTaxonomy} that returns `{ success, data }` or `{ success: false, error }` instead of
 * throwing. It takes any value — JSON read from a file or a request — and checks all of it; a literal
 * definition still gives a taxonomy typed with its codes.
 *
 * @param definition - the definition, of any type
 * @returns the compiled taxonomy, or the {@link TaxonomyError} `createTaxonomy` would throw
 * @example
 * const result = safeCreateTaxonomy({ id: "t", version: "1", nodes: [{ code: "a", label: "A::B" }] });
 * result.success; // => false
 * if (!result.success) result.error.issues[0].code; // => "separator_in_label"
 * safeCreateTaxonomy(JSON.parse('{"id":"t","version":"1","nodes":[{"code":"a","lable":"A"}]}'));
 * // => { success: false, error: TaxonomyError invalid_taxonomy: nodes[0].label: expected a string, got undefined
 * //      nodes[0].lable: unknown key "lable"; use "label" (…) }
 */
export function safeCreateTaxonomy<const Code extends string>(definition: TaxonomyDefinition<Code>): SafeResult<Taxonomy<Code>, TaxonomyError>;
export function safeCreateTaxonomy(definition: unknown): SafeResult<Taxonomy, TaxonomyError>;
export function safeCreateTaxonomy(definition: unknown): SafeResult<Taxonomy, TaxonomyError> {
  // Unchecked until here on purpose: createTaxonomy parses the value before it trusts any of it.
  return safely(TaxonomyError, () => createTaxonomy(definition as TaxonomyDefinition));
}
