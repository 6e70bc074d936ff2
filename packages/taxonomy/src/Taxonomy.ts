import type { SafeResult } from "@supportops/core";
import type { Classification, ValidClassification } from "./Classification.js";
import type { TaxonomyDefinition } from "./TaxonomyDefinition.js";
import type { TaxonomyError } from "./TaxonomyError.js";

/**
 * How a classification is judged by `validate` (see docs/taxonomy.md, "Validation modes").
 *
 * @example
 * const mode: ValidationMode = "historical"; // accept deprecated and internal nodes on old tickets
 */
export type ValidationMode = "create" | "update" | "historical";

/**
 * Options of {@link Taxonomy.validate}.
 *
 * @example
 * const options: ValidateOptions = { mode: "update", status: "solved", previous: { code: "billing.other", version: "2026.1" } };
 */
export interface ValidateOptions {
  /** `create` (default): every rule; `update`: as create, but an unchanged code is not re-judged; `historical`: deprecated and internal nodes accepted. */
  readonly mode?: ValidationMode | undefined;
  /** The ticket's status, matched by rules' `when.status` (T8). */
  readonly status?: string | undefined;
  /** The classification before this update (mode `update`): a deprecated code that did not change stays valid. */
  readonly previous?: Classification | undefined;
}

/**
 * A compiled node: its definition plus where it sits in the tree. Frozen. `Code` is the taxonomy's
 * code union (see {@link Taxonomy}).
 *
 * @example
 * const tax = createTaxonomy({ id: "support", version: "2026.1", nodes: [
 *   { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund" }] }] });
 * const node: TaxonomyNode | undefined = tax.node("billing.refund");
 * node?.labelPath; // => "Billing::Refund"
 * node?.depth;     // => 2
 */
export interface TaxonomyNode<Code extends string = string> {
  /** Opaque, stable identifier (T1). */
  readonly code: Code;
  /** Display text. */
  readonly label: string;
  /** Other names `resolve` accepts. */
  readonly aliases: ReadonlyArray<string>;
  /** Usage guidance, when the definition gives one. */
  readonly description?: string;
  /** The parent's code; `null` for a top-level node. */
  readonly parent: Code | null;
  /** 1 for a top-level node. */
  readonly depth: number;
  /** Codes from the top level down to this node. */
  readonly path: ReadonlyArray<Code>;
  /** Labels from the top level down to this node, joined by the taxonomy's separator. */
  readonly labelPath: string;
  /** Child codes, in definition order. */
  readonly children: ReadonlyArray<Code>;
  /** An "Other / Misc" bucket (T11). */
  readonly other: boolean;
  /** Whether a classification may stop at this node although it has active children (T4). */
  readonly allowInternal: boolean;
  /** Field names required at or below this node, inherited from ancestors (T5). */
  readonly requires: ReadonlyArray<string>;
  /** The deprecation, or `null` for an active node (T6). */
  readonly deprecated: {
    readonly replacedBy: ReadonlyArray<Code>;
    readonly reason?: string;
    readonly since?: string;
  } | null;
  /** For a deprecated node, the active codes it ends up replaced by (chains followed); empty otherwise. */
  readonly replacements: ReadonlyArray<Code>;
  /** No children at all. */
  readonly isLeaf: boolean;
  /** Can be chosen on a new classification: active, and a leaf of the active tree unless internal choices are allowed (T4, T6). */
  readonly selectable: boolean;
}

/**
 * A compiled closure code.
 *
 * @example
 * const closure: TaxonomyClosureCode = { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] };
 */
export interface TaxonomyClosureCode {
  /** The closure code. */
  readonly code: string;
  /** Display text. */
  readonly label: string;
  /** Usage guidance, when given. */
  readonly description?: string;
  /** Fields it makes required (T9). */
  readonly requires: ReadonlyArray<string>;
}

/**
 * A label path resolved to a node.
 *
 * @example
 * const resolved: Resolved = { code: "billing.refund", path: ["billing", "billing.refund"] };
 */
export interface Resolved<Code extends string = string> {
  /** The node's code. */
  readonly code: Code;
  /** Codes from the top level down to the node. */
  readonly path: ReadonlyArray<Code>;
}

/**
 * A re-mapping from one taxonomy version to the next: what {@link diffTaxonomies} returns (its `map`
 * holds no entries) or a hand-written object whose `map` sends old codes to new ones (for removed nodes
 * and splits).
 *
 * @example
 * const migration: TaxonomyMigration = { fromVersion: "2026.1", toVersion: "2026.2", map: { "billing.other": "billing.refund" } };
 */
export interface TaxonomyMigration {
  /** The version classifications must carry to be migrated. */
  readonly fromVersion: string;
  /** The version they are migrated to; must be the migrating taxonomy's version. */
  readonly toVersion: string;
  /** Explicit old code → new code overrides; consulted before the taxonomy's own deprecations. */
  readonly map?: Readonly<Record<string, string>> | undefined;
}

/**
 * The outcome of {@link Taxonomy.migrate} for one classification.
 *
 * @example
 * // v2 merged billing.other into billing.refund
 * const result: MigrationResult = v2.migrate({ code: "billing.other", version: "2026.1" }, diffTaxonomies(v1, v2));
 * // => { kind: "remapped", classification: { code: "billing.refund", version: "2026.2" }, from: "billing.other" }
 */
export type MigrationResult<Code extends string = string> =
  | {
      /** The code exists and is active in the new version (renames and moves keep codes). */
      readonly kind: "kept";
      /** The classification, stamped with the new version. */
      readonly classification: ValidClassification<Code>;
    }
  | {
      /** The code was replaced (a merge, a move to a new code, or an explicit map entry). */
      readonly kind: "remapped";
      /** The classification with its new code, stamped with the new version. */
      readonly classification: ValidClassification<Code>;
      /** The old code. */
      readonly from: string;
    }
  | {
      /** No automatic mapping: a split, a deprecation without replacement, or a removed node. */
      readonly kind: "review";
      /** The classification as it was. */
      readonly classification: Classification;
      /** Active codes a reviewer should choose from (empty when none is known). */
      readonly candidates: ReadonlyArray<Code>;
      /** Why it needs review, for people. */
      readonly reason: string;
    };

/**
 * A compiled, frozen taxonomy: a tree of stable codes with labels, deprecations, closure codes and
 * required-field rules. Made by {@link createTaxonomy}; safe to share.
 *
 * `Code` is the union of its node codes when `createTaxonomy` was given a literal definition (written
 * inline or `as const`), so `path`, `children` and the codes it returns are checked at compile time;
 * a definition typed `TaxonomyDefinition` or read from JSON gives `Taxonomy<string>`.
 *
 * Methods check their arguments at run time too: a wrong-typed argument is a `TaxonomyError`
 * `invalid_argument`, never a `TypeError`. `resolve` and `validate` return every failure; the others
 * throw.
 *
 * @example
 * const tax = createTaxonomy({ id: "support", version: "2026.1", nodes: [
 *   { code: "billing", label: "Billing", aliases: ["Payments"], requires: ["invoiceId"], children: [
 *     { code: "billing.refund", label: "Refund" }, { code: "billing.other", label: "Other", other: true }] }] });
 * tax.version;      // => "2026.1"
 * tax.nodes.length; // => 3
 * const taxonomy: Taxonomy<"billing" | "billing.refund" | "billing.other"> = tax;
 */
export interface Taxonomy<Code extends string = string> {
  /** The scheme's id. */
  readonly id: string;
  /** This version (T12). */
  readonly version: string;
  /** Path separator. */
  readonly separator: string;
  /** Deepest allowed level. */
  readonly maxDepth: number;
  /** Every node, depth-first in definition order. */
  readonly nodes: ReadonlyArray<TaxonomyNode<Code>>;
  /** Closure codes, in definition order. */
  readonly closureCodes: ReadonlyArray<TaxonomyClosureCode>;
  /** The normalised definition (nested form, no `parent` fields); `createTaxonomy(tax.definition)` rebuilds it. */
  readonly definition: TaxonomyDefinition;
  /**
   * The node with this code, or `undefined` (also for a value that is not a string).
   *
   * @example
   * // tax: the one in the Taxonomy example
   * tax.node("billing.refund")?.labelPath; // => "Billing::Refund"
   * tax.node("nope");                      // => undefined
   */
  node(code: string): TaxonomyNode<Code> | undefined;
  /**
   * Whether a node has this code; narrows `code` to the taxonomy's codes.
   *
   * @example
   * // tax: the one in the Taxonomy example
   * tax.has("billing.refund"); // => true
   * tax.has("nope");           // => false
   */
  has(code: string): code is Code;
  /**
   * Codes from the top level down to `code`.
   *
   * @throws {@link TaxonomyError} `not_found` (issue `unknown_code`) for a code the taxonomy lacks;
   *   `invalid_argument` (issue `invalid_type`) when `code` is not a string
   * @example
   * // tax: the one in the Taxonomy example
   * tax.path("billing.refund"); // => ["billing", "billing.refund"]
   */
  path(code: Code): ReadonlyArray<Code>;
  /**
   * Child nodes of `code`, or the top-level nodes when `code` is omitted.
   *
   * @throws {@link TaxonomyError} `not_found` (issue `unknown_code`) for a code the taxonomy lacks;
   *   `invalid_argument` (issue `invalid_type`) when `code` is neither a string nor omitted
   * @example
   * // tax: the one in the Taxonomy example
   * tax.children("billing").map((n) => n.code); // => ["billing.refund", "billing.other"]
   * tax.children().map((n) => n.code);          // => ["billing"]
   */
  children(code?: Code): ReadonlyArray<TaxonomyNode<Code>>;
  /**
   * Nodes without children, depth-first; deprecated ones only with `includeDeprecated`.
   *
   * @throws {@link TaxonomyError} `invalid_argument` when `options` is given but is not `{ includeDeprecated? }`
   * @example
   * // tax: the one in the Taxonomy example
   * tax.leaves().map((n) => n.code); // => ["billing.refund", "billing.other"]
   */
  leaves(options?: { readonly includeDeprecated?: boolean }): ReadonlyArray<TaxonomyNode<Code>>;
  /**
   * Finds a node by a label path (`"Billing::Refunds"`), by labels, aliases or codes, case- and
   * space-insensitively. Never throws: a path that names no node, or several, is `not_found` (issues
   * `no_match`, `ambiguous`, `empty_path` at the segment's index); a value that is not a string is
   * `invalid_argument` (issue `invalid_type`).
   *
   * @example
   * // tax: the one in the Taxonomy example
   * tax.resolve("payments :: refund"); // => { success: true, data: { code: "billing.refund", path: ["billing", "billing.refund"] } }
   * tax.resolve("Billing::Refunds").success; // => false (not_found, issue no_match at [1])
   */
  resolve(labelPath: string): SafeResult<Resolved<Code>, TaxonomyError>;
  /**
   * Checks a classification against every rule that applies in the mode; the data carries the version.
   * Never throws: a refused or malformed classification is `invalid_classification`; options that
   * are not `{ mode?, status?, previous? }` are `invalid_argument` (issue paths start with `options`).
   *
   * @example
   * // tax: the one in the Taxonomy example (Billing requires invoiceId)
   * tax.validate({ code: "billing.refund", fields: { invoiceId: "INV-7" } });
   * // => { success: true, data: { code: "billing.refund", fields: { invoiceId: "INV-7" }, version: "2026.1" } }
   * tax.validate({ code: "billing.refund" }).success; // => false (issue code missing_field)
   */
  validate(classification: Classification, options?: ValidateOptions): SafeResult<ValidClassification<Code>, TaxonomyError>;
  /**
   * Re-maps a classification made against `migration.fromVersion` onto this taxonomy.
   *
   * @throws {@link TaxonomyError} `invalid_migration` when the migration does not fit the classification
   *   or the taxonomy; `invalid_argument` when the classification is not one or the migration is missing
   *   (issue paths start with `classification` or `migration`)
   * @example
   * // tax: the one in the Taxonomy example
   * const v2 = createTaxonomy(reviseTaxonomy(tax, "2026.2", [{ op: "merge", from: ["billing.other"], into: "billing.refund" }]));
   * v2.migrate({ code: "billing.other", version: "2026.1" }, diffTaxonomies(tax, v2)).kind;  // => "remapped"
   * v2.migrate({ code: "billing.refund", version: "2026.1" }, diffTaxonomies(tax, v2)).kind; // => "kept"
   */
  migrate(classification: Classification, migration: TaxonomyMigration): MigrationResult<Code>;
  /**
   * The normalised definition, so `JSON.stringify(tax)` exports JSON that `createTaxonomy` reads back.
   *
   * @example
   * createTaxonomy({ id: "s", version: "1", nodes: [{ code: "a", label: "A" }] }).toJSON();
   * // => { id: "s", version: "1", nodes: [{ code: "a", label: "A" }] }
   */
  toJSON(): TaxonomyDefinition;
}
