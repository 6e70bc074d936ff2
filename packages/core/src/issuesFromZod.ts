import { z } from "zod";
import { describeValue } from "./describeValue.js";
import { suggest } from "./internal/suggest.js";
import type { Issue, IssuePath, NonEmptyReadonlyArray } from "./SupportOpsError.js";

/**
 * The structural issue codes zod reports (`invalid_type`, `unrecognized_keys`, `too_small`, …). They
 * appear inside every package's errors for malformed input, beside the package's own codes.
 *
 * @example
 * const code: ZodIssueCode = "unrecognized_keys";
 */
export type ZodIssueCode = z.core.$ZodIssue["code"];

type RawIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  record: "an object",
  tuple: "an array",
  date: "a Date",
  bigint: "a bigint",
  null: "null",
  undefined: "nothing",
  never: "nothing (remove this key)",
  map: "a Map",
  set: "a Set",
  function: "a function",
  symbol: "a symbol",
  nan: "NaN",
  literal: "a fixed value",
  nonoptional: "a value (this key is required)",
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function quoteList(values: ReadonlyArray<unknown>): string {
  const shown = values.slice(0, 12).map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  return values.length > 12 ? `${shown.join(", ")}, … (${values.length} in all)` : shown.join(", ");
}

/** The keys an object schema declares, read from the schema that raised the issue. */
function declaredKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

function unknownKeysMessage(keys: ReadonlyArray<string>, allowed: ReadonlyArray<string>): string {
  const parts = keys.map((key) => {
    const hint = suggest(key, allowed);
    return hint === undefined ? `unknown key ${JSON.stringify(key)}` : `unknown key ${JSON.stringify(key)}; use ${JSON.stringify(hint)}`;
  });
  const known = allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
  return `${parts.join("; ")}${known}`;
}

/**
 * The messages supportops gives for zod's structural issues: what was expected and what came, in plain
 * words, with the likely intended key for an unknown one (`saturday` → `sat`). Pass it to `safeParse`
 * as `{ error: zodErrorMap }`; {@link parseWithSchema} does so. A schema's own messages (its
 * `refine`s and `error` options) take precedence.
 *
 * @example
 * const parsed = z.strictObject({ sat: z.number() }).safeParse({ saturday: 1 }, { error: zodErrorMap });
 * if (!parsed.success) parsed.error.issues[0]?.message;
 * // => 'unknown key "saturday"; use "sat" (allowed: sat)'
 */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${typeName(issue.expected)}, got ${describeValue(issue.input)}`;
    case "unrecognized_keys":
      return unknownKeysMessage(issue.keys, declaredKeys(issue.inst));
    case "invalid_value": {
      const hint = typeof issue.input === "string" ? suggest(issue.input, issue.values.filter((v): v is string => typeof v === "string")) : undefined;
      const expected = issue.values.length === 1 ? quoteList(issue.values) : `one of ${quoteList(issue.values)}`;
      return `expected ${expected}, got ${describeValue(issue.input)}${hint === undefined ? "" : `; did you mean ${JSON.stringify(hint)}?`}`;
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? (issue.inclusive === false ? "more than" : "at least") : issue.inclusive === false ? "fewer than" : "at most";
      const what =
        issue.origin === "array" || issue.origin === "set"
          ? `${bound} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)} item(s)`
          : issue.origin === "string"
            ? `${bound} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)} character(s)`
            : `${issue.code === "too_small" ? (issue.inclusive === false ? "greater than" : "at least") : issue.inclusive === false ? "less than" : "at most"} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)}`;
      return `expected ${what}, got ${describeValue(issue.input)}`;
    }
    case "invalid_format":
      return `expected ${issue.format === "regex" ? "text of the documented form" : `a ${issue.format}`}, got ${describeValue(issue.input)}`;
    case "not_multiple_of":
      return `expected a multiple of ${String(issue.divisor)}, got ${describeValue(issue.input)}`;
    case "invalid_union":
      return `${describeValue(issue.input)} matches none of the accepted forms`;
    case "invalid_key":
      return `the key ${describeValue(issue.input)} is not accepted here`;
    default:
      return undefined;
  }
};

/** True when a union branch failed only because the value had another type altogether. */
function isWrongShape(branch: ReadonlyArray<RawIssue>): boolean {
  return branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;
}

/**
 * Replaces each `invalid_union` issue by the issues of the one branch whose shape the value had (an
 * array for the list form, an object for the record form), so the caller sees the real path and the
 * real complaint instead of "matches none of the accepted forms" at the union.
 */
function unwrapUnions(issues: ReadonlyArray<RawIssue>, depth = 0): RawIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || depth > 64) return [issue];
    const candidates = issue.errors.filter((branch) => !isWrongShape(branch));
    const [only, ...others] = candidates;
    if (only === undefined || others.length > 0) return [issue];
    return unwrapUnions(only, depth + 1).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as RawIssue);
  });
}

/**
 * Turns zod issues into supportops {@link Issue}s, prefixing each path with `basePath`. Union failures
 * are narrowed to the branch the input was aiming at, and a custom issue raised with
 * `params: { code }` keeps that code; zod's own codes (`invalid_type`, `too_small`, …) are kept too.
 * Parse with {@link zodErrorMap} (or use {@link parseWithSchema}) to get supportops' wording.
 *
 * @typeParam Code - the custom codes the schema raises; the caller vouches for them
 *
 * @example
 * const parsed = z.object({ a: z.number() }).safeParse({ a: "x" }, { error: zodErrorMap });
 * if (!parsed.success) issuesFromZod(parsed.error, ["config"]);
 * // => [{ code: "invalid_type", path: ["config", "a"], message: 'expected a number, got "x"' }]
 */
export function issuesFromZod<Code extends string = string>(error: z.ZodError, basePath: IssuePath = []): Issue<Code | ZodIssueCode>[] {
  return unwrapUnions(error.issues).map((issue) => {
    const code = issue.code === "custom" && typeof issue.params?.["code"] === "string" ? (issue.params["code"] as string) : issue.code;
    const path = [...basePath, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    // One unknown key is reported at the key itself, where the user has to look.
    if (issue.code === "unrecognized_keys" && issue.keys.length === 1) path.push(issue.keys[0] as string);
    return { code: code as Code | ZodIssueCode, path, message: issue.message };
  });
}

/**
 * What {@link parseWithSchema} returns: the parsed value, or a non-empty list of issues.
 *
 * @example
 * const result: SchemaParseResult<number> = parseWithSchema(z.number(), 1);
 * result.success; // => true
 */
export type SchemaParseResult<T, Code extends string = string> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: NonEmptyReadonlyArray<Issue<Code | ZodIssueCode>> };

/**
 * Parses `input` with a zod schema and supportops' messages ({@link zodErrorMap}, unions narrowed,
 * unknown keys with the intended one), returning the data or the issues with paths under `basePath`.
 * Every package validates its definitions through it, so one input gets one wording everywhere.
 *
 * @example
 * const result = parseWithSchema(z.strictObject({ sat: z.number() }), { saturday: 1 }, ["weekly"]);
 * if (!result.success) result.issues[0].path; // => ["weekly", "saturday"]
 */
export function parseWithSchema<S extends z.ZodType, Code extends string = string>(
  schema: S,
  input: unknown,
  basePath: IssuePath = [],
): SchemaParseResult<z.output<S>, Code> {
  const parsed = schema.safeParse(input, { error: zodErrorMap });
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = issuesFromZod<Code>(parsed.error, basePath);
  const [first, ...rest] = issues;
  if (first === undefined) return { success: false, issues: [{ code: "invalid_type", path: [...basePath], message: "the value was rejected" }] };
  return { success: false, issues: [first, ...rest] };
}
