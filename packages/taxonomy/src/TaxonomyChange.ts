import { describeValue } from "@supportops/core";
import { z } from "zod";
import { LabelSchema, NodeCodeSchema, TaxonomyNodeSchema } from "./TaxonomyDefinition.js";
import type { TaxonomyNodeDefinition } from "./TaxonomyDefinition.js";
import { isRecord } from "./internal/arguments.js";

/**
 * One lifecycle change to a taxonomy: codes never change; labels, parents and deprecations do.
 *
 * @example
 * const changes: TaxonomyChange[] = [
 *   { op: "rename", code: "billing", label: "Billing & payments" },
 *   { op: "merge", from: ["billing.other"], into: "billing.refund" },
 * ];
 */
export type TaxonomyChange =
  | {
      /** New label; the old one is kept as an alias unless `keepOldLabel` is false (SKOS altLabel). */
      readonly op: "rename";
      readonly code: string;
      readonly label: string;
      readonly keepOldLabel?: boolean | undefined;
    }
  | {
      /** New parent (`null` = top level); the subtree moves with it. */
      readonly op: "move";
      readonly code: string;
      readonly parent: string | null;
    }
  | {
      /** A new node (with any children) under `parent` (`null` = top level), last among its siblings. */
      readonly op: "add";
      readonly parent: string | null;
      readonly node: TaxonomyNodeDefinition;
    }
  | {
      /** Deprecates every `from` node with `replacedBy: [into]`; tickets re-map automatically. */
      readonly op: "merge";
      readonly from: ReadonlyArray<string>;
      readonly into: string;
    }
  | {
      /** Deprecates `code` with several replacements; tickets need review. */
      readonly op: "split";
      readonly code: string;
      readonly into: ReadonlyArray<string>;
    }
  | {
      /** Deprecates `code` with no replacement, saying why. */
      readonly op: "deprecate";
      readonly code: string;
      readonly reason: string;
    }
  | {
      /** Removes a node that is already deprecated and has no children (deactivate first, delete later). */
      readonly op: "delete";
      readonly code: string;
    };

const CHANGE_OPS = ["rename", "move", "add", "merge", "split", "deprecate", "delete"] as const;

/**
 * The zod schema of one {@link TaxonomyChange}, discriminated on `op`. `reviseTaxonomy` parses every
 * change with it before applying any.
 *
 * @example
 * TaxonomyChangeSchema.safeParse({ op: "merge", from: ["billing.other"], into: "billing.refund" }).success; // => true
 * TaxonomyChangeSchema.safeParse({ op: "rename", code: "billing" }).success; // => false (no label)
 */
export const TaxonomyChangeSchema = z.discriminatedUnion(
  "op",
  [
    z.strictObject({ op: z.literal("rename"), code: NodeCodeSchema, label: LabelSchema, keepOldLabel: z.boolean().optional() }),
    z.strictObject({ op: z.literal("move"), code: NodeCodeSchema, parent: NodeCodeSchema.nullable() }),
    z.strictObject({ op: z.literal("add"), parent: NodeCodeSchema.nullable(), node: TaxonomyNodeSchema }),
    z.strictObject({ op: z.literal("merge"), from: z.array(NodeCodeSchema), into: NodeCodeSchema }),
    z.strictObject({ op: z.literal("split"), code: NodeCodeSchema, into: z.array(NodeCodeSchema) }),
    z.strictObject({ op: z.literal("deprecate"), code: NodeCodeSchema, reason: z.string().min(1) }),
    z.strictObject({ op: z.literal("delete"), code: NodeCodeSchema }),
  ],
  {
    // An unknown `op`; any other issue (not an object at all) keeps the common wording.
    error: (issue) =>
      issue.code === "invalid_union"
        ? `expected op to be one of ${CHANGE_OPS.map((op) => JSON.stringify(op)).join(", ")}, got ${describeValue(isRecord(issue.input) ? issue.input["op"] : undefined)}`
        : undefined,
  },
);
