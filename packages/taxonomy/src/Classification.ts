import { z } from "zod";
import { NodeCodeSchema } from "./TaxonomyDefinition.js";

/**
 * The zod schema of a {@link Classification}, what a ticket stores about its category.
 *
 * @example
 * ClassificationSchema.safeParse({ code: "billing.refund", version: "2026.1" }).success; // => true
 */
export const ClassificationSchema = z.object({
  code: NodeCodeSchema,
  version: z.string().min(1).optional(),
  path: z.array(NodeCodeSchema).optional(),
  closureCode: NodeCodeSchema.optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A ticket's classification: the chosen node's code, the taxonomy version it was made against (T12),
 * optionally the codes of each level as stored in separate fields (checked for consistency, T5), a closure
 * code and other fields that rules can require.
 *
 * @example
 * const classification: Classification = { code: "billing.refund", version: "2026.1", fields: { invoiceId: "INV-7" } };
 */
export interface Classification {
  /** The chosen node's code (any level). */
  readonly code: string;
  /** The taxonomy version this classification was made against (T12). */
  readonly version?: string | undefined;
  /** The codes from the top level down to `code`, when levels are stored in separate fields. */
  readonly path?: ReadonlyArray<string> | undefined;
  /** The closure (resolution) code. */
  readonly closureCode?: string | undefined;
  /** Other ticket fields that rules can require (`resolutionNotes`, `duplicateOf`, …). */
  readonly fields?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A classification that passed `validate` (or came out of `migrate`): it always carries the taxonomy
 * version (T12), and its code is one of the taxonomy's.
 *
 * @example
 * // tax: Billing (requires invoiceId) > Refund, version "2026.1"
 * const result = tax.validate({ code: "billing.refund", fields: { invoiceId: "INV-7" } });
 * if (result.success) {
 *   const valid: ValidClassification = result.data;
 *   valid.version; // => "2026.1"
 * }
 */
export interface ValidClassification<Code extends string = string> extends Classification {
  /** The chosen node's code, one of the taxonomy's. */
  readonly code: Code;
  /** The taxonomy version the classification was validated against. */
  readonly version: string;
  /** The codes from the top level down to `code`, when the classification gave them. */
  readonly path?: ReadonlyArray<Code> | undefined;
}
