import { describeValue, parseWithSchema } from "@supportops/core";
import type { IssuePath } from "@supportops/core";
import type { z } from "zod";
import type { Taxonomy } from "../Taxonomy.js";
import { TaxonomyError } from "../TaxonomyError.js";
import type { TaxonomyErrorCode, TaxonomyIssueCode } from "../TaxonomyError.js";

// Run-time checks of the arguments of the public functions, so that a JavaScript caller (or JSON cast
// to a type) gets a TaxonomyError with a path instead of a TypeError from deep inside.

/** A plain object: what an options argument, a classification or a migration must be. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error for one wrong-typed argument: `invalid_argument`, issue `invalid_type`. */
export function wrongType(path: IssuePath, expected: string, value: unknown): TaxonomyError {
  return new TaxonomyError("invalid_argument", [{ code: "invalid_type", path, message: `expected ${expected}, got ${describeValue(value)}` }]);
}

/** `value` as a string, or `invalid_argument` (issue `invalid_type`) at `path`. */
export function requireString(value: unknown, path: IssuePath, expected: string): string {
  if (typeof value !== "string") throw wrongType(path, expected, value);
  return value;
}

/**
 * Throws `invalid_argument` at `path` unless `value` is a compiled taxonomy. The check is by shape, not
 * by identity, so a taxonomy made by another copy of this package (its ESM and CJS builds) passes.
 */
export function assertTaxonomy(value: unknown, path: IssuePath): asserts value is Taxonomy {
  if (!isRecord(value) || typeof value["node"] !== "function" || !Array.isArray(value["nodes"]) || typeof value["version"] !== "string") {
    throw wrongType(path, "a taxonomy made by createTaxonomy", value);
  }
}

/**
 * Parses `value` with `schema` (supportops wording, unknown keys with the key that was meant) or
 * throws a TaxonomyError with `code` and the issues under `path`.
 */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, path: IssuePath, code: TaxonomyErrorCode = "invalid_argument"): z.output<S> {
  const parsed = parseWithSchema<S, TaxonomyIssueCode>(schema, value, path);
  if (!parsed.success) throw new TaxonomyError(code, parsed.issues);
  return parsed.data;
}
