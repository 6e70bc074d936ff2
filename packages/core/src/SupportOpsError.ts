import type { z } from "zod";

/**
 * A path into the input that an issue is about: object keys and array indexes, outermost first.
 *
 * @example
 * const path: IssuePath = ["events", 2, "at"];
 * formatPath(path); // => "events[2].at"
 */
export type IssuePath = ReadonlyArray<string | number>;

/**
 * One thing wrong with an input: the same `{ code, path, message }` shape as a zod issue, so callers
 * that already handle zod errors handle ours.
 *
 * @example
 * const issue: Issue = { code: "invalid_time", path: ["events", 2, "at"], message: "…" };
 */
export interface Issue {
  /** Stable snake_case identifier of the kind of problem; match on it, never on `message`. */
  readonly code: string;
  /** Where in the input the problem is; empty for the input as a whole. */
  readonly path: IssuePath;
  /** What is wrong, where, and what would be right. For people; may change between versions. */
  readonly message: string;
}

/**
 * A list with at least one element.
 *
 * @example
 * const codes: NonEmptyReadonlyArray<string> = ["invalid_time"];
 */
export type NonEmptyReadonlyArray<T> = readonly [T, ...T[]];

/**
 * The error codes `@supportops/core` throws with. Other packages add their own codes on their own
 * error classes, which all extend {@link SupportOpsError}.
 *
 * @example
 * CORE_ERROR_CODES.includes("invalid_time"); // => true
 */
export const CORE_ERROR_CODES = [
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "out_of_range",
  "invalid_ticket_log",
  "invalid_priority_matrix",
  "invalid_severity_ladder",
  "invalid_impact_rules",
  "invalid_level_change",
  "invalid_input",
] as const;

/**
 * One of {@link CORE_ERROR_CODES}.
 *
 * @example
 * const code: CoreErrorCode = "invalid_time";
 * CORE_ERROR_CODES.includes(code); // => true
 */
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/**
 * Formats issues for people, one per line, each prefixed by its path
 * (`weekly.mon[1]: …`, `[3].at: …`).
 *
 * @example
 * formatIssues([{ code: "invalid_time", path: ["events", 2, "at"], message: "not a date" }]);
 * // => "events[2].at: not a date"
 */
export function formatIssues(issues: ReadonlyArray<Issue>): string {
  return issues
    .map((issue) => {
      const where = formatPath(issue.path);
      return where === "" ? issue.message : `${where}: ${issue.message}`;
    })
    .join("\n");
}

/**
 * Renders a path the way a JavaScript accessor would read: `weekly.mon[1]`, `[0].at`.
 *
 * @example
 * formatPath(["weekly", "mon", 1]); // => "weekly.mon[1]"
 */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * The base class of every error supportops throws. It carries a stable `code` to match on and a
 * non-empty list of {@link Issue}s that say what was wrong and where. Each package has its own subclass
 * (`SlaError`, `TaxonomyError`, …).
 *
 * @example
 * try {
 *   toEpochMs("2026-03-08 09:00");
 * } catch (error) {
 *   if (error instanceof SupportOpsError) error.code; // => "invalid_time"
 * }
 */
export class SupportOpsError extends Error {
  /** Stable identifier of the kind of failure. */
  readonly code: string;
  /** What was wrong, where; never empty. */
  readonly issues: NonEmptyReadonlyArray<Issue>;

  /**
   * @param code - the error's stable code
   * @param issues - what was wrong; a string is shorthand for one issue at the root with that code
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(code: string, issues: ReadonlyArray<Issue> | string, options?: ErrorOptions) {
    const list: ReadonlyArray<Issue> =
      typeof issues === "string" ? [{ code, path: [], message: issues }] : issues;
    const [first, ...rest] = list;
    if (first === undefined) throw new TypeError("SupportOpsError needs at least one issue");
    super(formatIssues(list), options);
    this.name = "SupportOpsError";
    this.code = code;
    this.issues = Object.freeze([first, ...rest].map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })) as [Issue, ...Issue[]]);
  }
}

/**
 * The result of a `safe*` function: the value, or the error that the throwing variant would have
 * thrown. The same shape as zod's `safeParse`.
 *
 * @example
 * const result: SafeResult<number> = safeToEpochMs("nope");
 * if (!result.success) result.error.code; // => "invalid_time"
 */
export type SafeResult<T, E extends SupportOpsError = SupportOpsError> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: E };

/**
 * Runs `fn` and returns its value as a {@link SafeResult}; an error of class `errorClass` becomes
 * `{ success: false, error }`, any other error (a bug) is rethrown.
 *
 * @example
 * safely(SupportOpsError, () => toEpochMs("2026-01-01T00:00:00Z")); // => { success: true, data: 1767225600000 }
 */
export function safely<T, E extends SupportOpsError>(
  errorClass: abstract new (...args: never[]) => E,
  fn: () => T,
): SafeResult<T, E> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (error instanceof errorClass) return { success: false, error };
    throw error;
  }
}

/**
 * Turns zod issues into supportops {@link Issue}s, prefixing each path with `basePath`.
 * Zod's own codes (`invalid_type`, `too_small`, …) are kept.
 *
 * @example
 * const parsed = z.object({ a: z.number() }).safeParse({ a: "x" });
 * if (!parsed.success) issuesFromZod(parsed.error, ["config"]);
 * // => [{ code: "invalid_type", path: ["config", "a"], message: "Invalid input: expected number, received string" }]
 */
export function issuesFromZod(error: z.ZodError, basePath: IssuePath = []): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code === "custom" && typeof issue.params?.["code"] === "string" ? issue.params["code"] : issue.code,
    path: [...basePath, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: issue.message,
  }));
}
