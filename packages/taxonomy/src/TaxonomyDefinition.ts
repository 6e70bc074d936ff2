import { MAX_INPUT_DEPTH, checkDepth, describeValue } from "@supportops/core";
import { z } from "zod";

// A code is an opaque, stable id: any text without control characters or whitespace at its ends.
const CODE_PATTERN = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;
// A label is one line of display text: no control characters (so no line breaks), and at least one
// character that is neither whitespace nor invisible (Unicode's default-ignorable code points: zero-width
// spaces and joiners, soft hyphens, bidi controls, variation selectors…), so a label cannot look blank.
// The look-ahead keeps the match linear (`[^\p{Cc}]*\S[^\p{Cc}]*` backtracks quadratically).
const LABEL_PATTERN = /^(?=[^\p{Cc}]*[^\s\p{Cc}\p{Default_Ignorable_Code_Point}])[^\p{Cc}]*$/u;
// A separator has a visible character for the same reason: one made only of invisible characters
// would normalise to nothing, and label paths could not be split on it.
const SEPARATOR_PATTERN = /[^\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/**
 * The deepest level any taxonomy may have: the largest `maxDepth` (and `minDepth`) a definition may
 * set. `createTaxonomy`, `reviseTaxonomy` and the imports refuse deeper nesting up front, with a
 * `too_deep` issue, before anything walks the tree; a definition's own `maxDepth` (default 3) is then
 * checked node by node.
 *
 * @example
 * MAX_TAXONOMY_DEPTH; // => 32
 * TaxonomyDefinitionSchema.safeParse({ id: "t", version: "1", maxDepth: 33, nodes: [{ code: "a", label: "A" }] }).success; // => false
 */
export const MAX_TAXONOMY_DEPTH = 32;

/**
 * A node code: an opaque, stable identifier (rule T1). Any text without line breaks or other control
 * characters and without whitespace at either end; a dotted look (`billing.refund`) is only a convention.
 *
 * @example
 * NodeCodeSchema.safeParse("billing.refund").success; // => true
 * NodeCodeSchema.safeParse(" billing").success; // => false
 */
export const NodeCodeSchema = z
  .string()
  .regex(CODE_PATTERN, "a code is non-empty text without control characters or whitespace at its ends");

/**
 * A label or alias: one line of display text with at least one visible character (not only spaces or
 * invisible characters such as U+200B ZERO WIDTH SPACE). Its length limit (default 255) and the
 * separator rule are checked by `createTaxonomy`, since both depend on the definition.
 *
 * @example
 * LabelSchema.safeParse("Refund").success; // => true
 * LabelSchema.safeParse("\u200b").success; // => false
 */
export const LabelSchema = z.string().regex(LABEL_PATTERN, "a label is one line of text with at least one visible character");

/**
 * A field name a rule can require: `"closureCode"` means the classification's closure code; any other
 * name means `classification.fields[name]`.
 *
 * @example
 * FieldNameSchema.parse("resolutionNotes"); // => "resolutionNotes"
 */
export const FieldNameSchema = z.string().min(1, "a field name is not empty");

/**
 * How a node is retired (rule T6): it stays valid for history and reports but cannot be chosen on new
 * classifications. It needs `replacedBy` (one code: a merge or move; several: a split) or a `reason`.
 *
 * @example
 * DeprecationSchema.parse({ replacedBy: ["billing.invoices"] }); // => { replacedBy: ["billing.invoices"] }
 */
export const DeprecationSchema = z.strictObject({
  /** Codes that replace this node; several mean a split that cannot be re-mapped automatically. */
  replacedBy: z.array(NodeCodeSchema).optional(),
  /** Why there is no replacement (or more context). Required when `replacedBy` is absent or empty. */
  reason: z.string().min(1).optional(),
  /** The taxonomy version in which the node was deprecated (informational). */
  since: z.string().min(1).optional(),
});

/**
 * A node's deprecation as written in a definition (see {@link DeprecationSchema}).
 *
 * @example
 * const deprecation: Deprecation = { replacedBy: ["billing.refund"], reason: "merged into Refund", since: "2026.2" };
 */
export interface Deprecation<Code extends string = string> {
  /** Codes that replace the node; several mean a split. */
  readonly replacedBy?: ReadonlyArray<NoInfer<Code>> | undefined;
  /** Why there is no replacement (or more context). */
  readonly reason?: string | undefined;
  /** The version in which the node was deprecated. */
  readonly since?: string | undefined;
}

/**
 * One node of a taxonomy definition. Nodes nest through `children`, or are listed flat with `parent`
 * (the code of their parent; top-level only); both forms may be mixed. `Code` is the union of the
 * definition's node codes when `createTaxonomy` infers it from a literal definition, `string` otherwise.
 *
 * @example
 * const billing: TaxonomyNodeDefinition = {
 *   code: "billing",
 *   label: "Billing",
 *   aliases: ["Payments"],
 *   requires: ["invoiceId"],
 *   children: [{ code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }],
 * };
 */
export interface TaxonomyNodeDefinition<Code extends string = string> {
  /** The node's opaque, stable identifier; what tickets store (T1). */
  readonly code: Code;
  /** Display text; may change between versions without affecting tickets. */
  readonly label: string;
  /** Other names the node is found by (`resolve`), e.g. old labels or plurals. */
  readonly aliases?: ReadonlyArray<string> | undefined;
  /** Usage guidance for agents (SKOS scopeNote). */
  readonly description?: string | undefined;
  /** The parent's code, for nodes listed flat at the top level of `nodes`. */
  readonly parent?: NoInfer<Code> | undefined;
  /** Marks an "Other / Misc" bucket whose share of tickets the health check budgets (T11). */
  readonly other?: boolean | undefined;
  /** Allows choosing this node even though it has active children (T4). */
  readonly allowInternal?: boolean | undefined;
  /** Field names required when a classification is at or below this node (T5). */
  readonly requires?: ReadonlyArray<string> | undefined;
  /** Retires the node (T6). */
  readonly deprecated?: Deprecation<Code> | undefined;
  /** Child nodes. */
  readonly children?: ReadonlyArray<TaxonomyNodeDefinition<Code>> | undefined;
}

// The recursive node schema itself. It is only ever reached through `TaxonomyNodeSchema` below, whose
// guard has already refused nesting deeper than MAX_INPUT_DEPTH, so zod's recursion stays bounded.
const nodeShapeSchema: z.ZodType<TaxonomyNodeDefinition, TaxonomyNodeDefinition> = z.lazy(() =>
  z.strictObject({
    code: NodeCodeSchema,
    label: LabelSchema,
    aliases: z.array(LabelSchema).optional(),
    description: z.string().optional(),
    parent: NodeCodeSchema.optional(),
    other: z.boolean().optional(),
    allowInternal: z.boolean().optional(),
    requires: z.array(FieldNameSchema).optional(),
    deprecated: DeprecationSchema.optional(),
    children: z.array(nodeShapeSchema).optional(),
  }),
);

/**
 * The zod schema of one {@link TaxonomyNodeDefinition} (recursive through `children`). Before zod walks
 * the nesting it checks, without recursion, that the value nests no deeper than core's
 * `MAX_INPUT_DEPTH` objects and arrays (and does not refer back to itself), so even a hostile value
 * parsed directly gives a `too_deep` issue instead of overflowing the call stack. The taxonomy's own,
 * smaller limit ({@link MAX_TAXONOMY_DEPTH} levels) is `createTaxonomy`'s to check.
 *
 * @example
 * TaxonomyNodeSchema.safeParse({ code: "billing", label: "Billing" }).success; // => true
 */
export const TaxonomyNodeSchema: z.ZodType<TaxonomyNodeDefinition, TaxonomyNodeDefinition> = z
  .unknown()
  .superRefine((value, ctx) => {
    const issue = checkDepth(value, MAX_INPUT_DEPTH);
    if (issue !== undefined) ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, params: { code: issue.code }, abort: true });
  })
  .pipe(nodeShapeSchema) as unknown as z.ZodType<TaxonomyNodeDefinition, TaxonomyNodeDefinition>;

/**
 * A closure (resolution) code, with the fields it makes required (T9: `duplicate` ⇒ `duplicateOf`).
 *
 * @example
 * ClosureCodeSchema.parse({ code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] });
 * // => { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] }
 */
export const ClosureCodeSchema = z.strictObject({
  code: NodeCodeSchema,
  label: LabelSchema,
  description: z.string().optional(),
  /** Field names required whenever this closure code is chosen. */
  requires: z.array(FieldNameSchema).optional(),
});

/**
 * A closure code as written in a definition (see {@link ClosureCodeSchema}).
 *
 * @example
 * const duplicate: ClosureCodeDefinition = { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] };
 */
export interface ClosureCodeDefinition {
  /** The closure code. */
  readonly code: string;
  /** Display text. */
  readonly label: string;
  /** Usage guidance. */
  readonly description?: string | undefined;
  /** Field names required whenever this closure code is chosen (T9). */
  readonly requires?: ReadonlyArray<string> | undefined;
}

/**
 * A required-fields rule (T8, T5): when every given condition holds, each field in `require` must be
 * present. Conditions: the ticket's `status` is one of `status`; the classification is at or below one
 * of `codes`; its closure code is one of `closureCodes`. A rule with no condition always applies.
 *
 * @example
 * StatusRuleSchema.parse({ when: { status: ["solved"] }, require: ["closureCode"] });
 * // => { when: { status: ["solved"] }, require: ["closureCode"] }
 */
export const StatusRuleSchema = z.strictObject({
  when: z.strictObject({
    status: z.array(z.string().min(1)).min(1).optional(),
    codes: z.array(NodeCodeSchema).min(1).optional(),
    closureCodes: z.array(NodeCodeSchema).min(1).optional(),
  }),
  require: z.array(FieldNameSchema).min(1),
});

/**
 * A required-fields rule as written in a definition (see {@link StatusRuleSchema}).
 *
 * @example
 * const closeNeedsCode: StatusRule = { when: { status: ["solved", "closed"] }, require: ["closureCode"] };
 */
export interface StatusRule<Code extends string = string> {
  /** Conditions, all of which must hold; none means always. */
  readonly when: {
    /** The ticket's status is one of these. */
    readonly status?: ReadonlyArray<string> | undefined;
    /** The classification is at or below one of these nodes. */
    readonly codes?: ReadonlyArray<NoInfer<Code>> | undefined;
    /** The closure code is one of these. */
    readonly closureCodes?: ReadonlyArray<string> | undefined;
  };
  /** Field names that must be present when the rule applies. */
  readonly require: ReadonlyArray<string>;
}

/**
 * A limit on the number of selectable values (T7): `{ max, includeDeprecated? }`, or a vendor preset — `"zendesk"`
 * (2,000 values per drop-down, active leaves) or `"salesforce"` (1,000 values including inactive ones).
 *
 * @example
 * OptionLimitSchema.parse("zendesk"); // => "zendesk"
 */
export const OptionLimitSchema = z.union(
  [z.literal("zendesk"), z.literal("salesforce"), z.strictObject({ max: z.int().positive(), includeDeprecated: z.boolean().optional() })],
  {
    // Shown when the value fits none of the forms; an object with a bad `max` gets the object's own issue.
    error: (issue) => `expected "zendesk", "salesforce" or { max, includeDeprecated? } with max a whole number ≥ 1, got ${describeValue(issue.input)}`,
  },
);

/**
 * An option-count limit as written in a definition (see {@link OptionLimitSchema}).
 *
 * @example
 * const zendesk: OptionLimit = "zendesk";
 * const custom: OptionLimit = { max: 500, includeDeprecated: true };
 */
export type OptionLimit = "zendesk" | "salesforce" | { readonly max: number; readonly includeDeprecated?: boolean | undefined };

/**
 * The zod schema of a taxonomy definition, the JSON a user writes and `createTaxonomy` compiles.
 * Structural rules (unique codes, no cycles, depth, separator, deprecations) are checked by
 * `createTaxonomy` on top of this schema, with the same `{ code, path, message }` issues. Its nodes go
 * through {@link TaxonomyNodeSchema}, whose depth guard keeps a hostile definition from overflowing
 * the stack; `safeCreateTaxonomy` adds the taxonomy's own rules and the package's error type.
 *
 * @example
 * TaxonomyDefinitionSchema.safeParse({ id: "support", version: "1", nodes: [{ code: "a", label: "A" }] }).success;
 * // => true
 */
export const TaxonomyDefinitionSchema = z.strictObject({
  id: z.string().min(1).describe("Stable id of the scheme (SKOS ConceptScheme); the same across versions."),
  version: z.string().min(1).describe("This version's name; every classification stamps it (T12)."),
  maxDepth: z.int().min(1).max(MAX_TAXONOMY_DEPTH).optional().describe("Deepest allowed level, 1-based (T3). Default 3."),
  minDepth: z
    .int()
    .min(1)
    .max(MAX_TAXONOMY_DEPTH)
    .optional()
    .describe("Shallowest level a classification may stop at when the node has children (T4). Default: a leaf is required."),
  allowInternal: z.boolean().optional().describe("Allow choosing any node with children (T4). Default false."),
  separator: z
    .string()
    .regex(SEPARATOR_PATTERN, "a separator has at least one visible character")
    .optional()
    .describe('Path separator in label paths (T7). Default "::" (Zendesk nested options).'),
  maxLabelLength: z.int().positive().optional().describe("Longest allowed label or alias, in UTF-16 code units (T7). Default 255."),
  optionLimit: OptionLimitSchema.optional().describe("Limit on the number of leaf values (T7). Default: none."),
  nodes: z.array(TaxonomyNodeSchema).min(1, "a taxonomy needs at least one node").describe("The tree: nested through children, or flat with parent codes."),
  closureCodes: z.array(ClosureCodeSchema).optional().describe("Closure (resolution) codes (T9)."),
  rules: z.array(StatusRuleSchema).optional().describe("Required-fields rules (T5, T8)."),
});

/**
 * A taxonomy definition: plain JSON, validated by {@link TaxonomyDefinitionSchema} and `createTaxonomy`.
 * `Code` is the union of its node codes when `createTaxonomy` infers it from a literal definition
 * (nodes' `parent`, `replacedBy` and rules' `codes` must then name one of them), `string` otherwise.
 *
 * @example
 * const definition: TaxonomyDefinition = {
 *   id: "support",
 *   version: "2026.1",
 *   nodes: [{ code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }],
 *   closureCodes: [{ code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] }],
 *   rules: [{ when: { status: ["solved"] }, require: ["closureCode"] }],
 * };
 * TaxonomyDefinitionSchema.safeParse(definition).success; // => true
 */
export interface TaxonomyDefinition<Code extends string = string> {
  /** Stable id of the scheme; the same across versions. */
  readonly id: string;
  /** This version's name (T12). */
  readonly version: string;
  /** Deepest allowed level, 1-based (T3). Default 3. */
  readonly maxDepth?: number | undefined;
  /** Shallowest level a classification may stop at when the node has children (T4). Default: a leaf. */
  readonly minDepth?: number | undefined;
  /** Allow choosing any node with children (T4). Default false. */
  readonly allowInternal?: boolean | undefined;
  /** Path separator (T7). Default `"::"`. */
  readonly separator?: string | undefined;
  /** Longest label or alias (T7). Default 255. */
  readonly maxLabelLength?: number | undefined;
  /** Limit on the number of leaf values (T7). */
  readonly optionLimit?: OptionLimit | undefined;
  /** The tree. */
  readonly nodes: ReadonlyArray<TaxonomyNodeDefinition<Code>>;
  /** Closure (resolution) codes (T9). */
  readonly closureCodes?: ReadonlyArray<ClosureCodeDefinition> | undefined;
  /** Required-fields rules (T5, T8). */
  readonly rules?: ReadonlyArray<StatusRule<Code>> | undefined;
}

/**
 * The JSON Schema (draft 2020-12) of a taxonomy definition, for non-TypeScript consumers.
 *
 * @returns a fresh JSON Schema object
 * @example
 * taxonomyDefinitionJsonSchema().type; // => "object"
 */
export function taxonomyDefinitionJsonSchema(): Record<string, unknown> {
  // A local registry names the recursive node schema (`$defs/TaxonomyNode`) without touching zod's
  // global registry, where an id may be registered only once per process.
  const metadata = z.registry<{ id?: string; description?: string }>();
  metadata.add(nodeShapeSchema, { id: "TaxonomyNode", description: "One node of a taxonomy definition." });
  for (const field of Object.values(TaxonomyDefinitionSchema.shape)) {
    const description = z.globalRegistry.get(field)?.description;
    if (description !== undefined) metadata.add(field, { description });
  }
  // Described as output: the node schema's depth guard is a check in front of the node's shape (a pipe
  // from unknown), and the output side is that shape. Nothing in a definition transforms, so the input
  // and output of every other field are the same.
  return z.toJSONSchema(TaxonomyDefinitionSchema, { io: "output", metadata }) as Record<string, unknown>;
}
