import { MAX_INPUT_DEPTH, checkDepth, parseWithSchema, type IssuePath } from "@supportops/core";
import type { z } from "zod";
import { InteropError, type InteropErrorIssueCode } from "../InteropError.js";

/**
 * Validates a vendor payload with its schema; a mismatch is an `invalid_vendor_payload` error whose
 * issues keep zod's codes and the path into the payload (behind `basePath`).
 */
export function parsePayload<S extends z.ZodType>(schema: S, input: unknown, basePath: IssuePath, what: string): z.output<S> {
  // Before anything walks the value: a payload nested absurdly deep, or one that contains itself, is refused.
  const tooDeep = checkDepth(input, MAX_INPUT_DEPTH, basePath);
  if (tooDeep !== undefined) throw new InteropError("invalid_vendor_payload", [{ ...tooDeep, message: `${tooDeep.message} (in ${what})` }]);
  const parsed = parseWithSchema<S, InteropErrorIssueCode>(schema, input, basePath);
  if (parsed.success) return parsed.data;
  throw new InteropError(
    "invalid_vendor_payload",
    parsed.issues.map((issue) => ({ ...issue, message: `${issue.message} (in ${what})` })),
  );
}

/** Throws an `invalid_vendor_payload` error with one issue. */
export function payloadError(path: IssuePath, message: string): never {
  throw new InteropError("invalid_vendor_payload", [{ code: "invalid_vendor_payload", path: [...path], message }]);
}

/** Throws an `invalid_argument` error with one issue. */
export function argumentError(path: IssuePath, message: string): never {
  throw new InteropError("invalid_argument", [{ code: "invalid_argument", path: [...path], message }]);
}

/** Throws an `invalid_vendor_export` error with these issues (at least one). */
export function exportError(issues: ReadonlyArray<{ readonly path: IssuePath; readonly message: string }>): never {
  throw new InteropError(
    "invalid_vendor_export",
    issues.map((issue) => ({ code: "invalid_vendor_export" as const, path: [...issue.path], message: issue.message })),
  );
}

/**
 * Validates an options object (absent is `{}`); a mismatch is an `invalid_argument` error with the
 * path into the options.
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, basePath: IssuePath = []): z.output<S> {
  const tooDeep = checkDepth(options, MAX_INPUT_DEPTH, basePath);
  if (tooDeep !== undefined) throw new InteropError("invalid_argument", [tooDeep]);
  const parsed = parseWithSchema<S, InteropErrorIssueCode>(schema, options === undefined ? {} : options, basePath);
  if (parsed.success) return parsed.data;
  throw new InteropError("invalid_argument", parsed.issues);
}
