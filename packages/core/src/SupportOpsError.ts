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
 * that already handle zod errors handle ours. `Code` narrows the codes an issue may carry; each
 * package's error class fixes it to that package's issue codes.
 *
 * @example
 * const issue: Issue = { code: "invalid_time", path: ["events", 2, "at"], message: "…" };
 */
export interface Issue<Code extends string = string> {
  /** Stable snake_case identifier of the kind of problem; match on it, never on `message`. */
  readonly code: Code;
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
 * The error codes that mean the same failure in every package, and are spelled the same in every
 * package's code list. A package adds its own codes only for failures no other package has (a
 * rejected calendar, a rejected taxonomy, …).
 *
 * - `invalid_argument`: an argument is missing or unusable (wrong type, a missing options object, an
 *   unknown or malformed option) and no more specific code applies;
 * - `invalid_time`: a value that should name an instant does not;
 * - `invalid_duration`: a value that should be a duration is not a whole, finite number of milliseconds;
 * - `invalid_time_zone`: a value that should be an IANA time-zone name is not one;
 * - `out_of_range`: an instant, or the result of an operation, lies outside the supported range;
 * - `not_found`: a lookup by code, id or label matched nothing (or, for a label, more than one thing);
 * - `invalid_ticket_log`: a ticket event log breaks the log's rules (see docs/events.md);
 * - `invalid_calendar`: a calendar definition was rejected, or a calendar given as an object broke
 *   the `BusinessCalendarLike` contract.
 *
 * @example
 * COMMON_ERROR_CODES.includes("invalid_argument"); // => true
 */
export const COMMON_ERROR_CODES = [
  "invalid_argument",
  "invalid_time",
  "invalid_duration",
  "invalid_time_zone",
  "out_of_range",
  "not_found",
  "invalid_ticket_log",
  "invalid_calendar",
] as const;

/**
 * One of {@link COMMON_ERROR_CODES}.
 *
 * @example
 * const code: CommonErrorCode = "out_of_range";
 */
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

const COMMON_CODES: ReadonlySet<string> = new Set(COMMON_ERROR_CODES);

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
 * non-empty list of {@link Issue}s that say what was wrong and where. Each package has its own
 * subclass, which only fixes the two type parameters and the name:
 * `class SlaError extends SupportOpsError<SlaErrorCode, SlaIssueCode> { … }`.
 *
 * @typeParam Code - the codes the error may carry
 * @typeParam IssueCode - the codes its issues may carry (a superset of `Code`: the string shorthand
 *   of the constructor makes one issue whose code is the error's)
 * @example
 * try {
 *   toEpochMs("2026-03-08 09:00");
 * } catch (error) {
 *   if (error instanceof SupportOpsError) error.code; // => "invalid_time"
 * }
 */
export class SupportOpsError<Code extends string = string, IssueCode extends string = string> extends Error {
  /** Stable identifier of the kind of failure. */
  readonly code: Code;
  /** What was wrong, where; never empty. */
  readonly issues: NonEmptyReadonlyArray<Issue<IssueCode>>;

  /**
   * @param code - the error's stable code
   * @param issues - what was wrong; a string is shorthand for one issue at the root with that code
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(code: Code & IssueCode, issues: ReadonlyArray<Issue<IssueCode>> | string, options?: ErrorOptions);
  constructor(code: Code, issues: ReadonlyArray<Issue<IssueCode>>, options?: ErrorOptions);
  constructor(code: Code, issues: ReadonlyArray<Issue<IssueCode>> | string, options?: ErrorOptions) {
    const list: ReadonlyArray<Issue<string>> = typeof issues === "string" ? [{ code, path: [], message: issues }] : issues;
    const [first, ...rest] = list;
    if (first === undefined) throw new TypeError(`${new.target.name} needs at least one issue`);
    super(formatIssues(list), options);
    this.name = "SupportOpsError";
    this.code = code;
    this.issues = Object.freeze(
      [first, ...rest].map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })),
    ) as unknown as NonEmptyReadonlyArray<Issue<IssueCode>>;
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
 * safely(CoreError, () => toEpochMs("2026-01-01T00:00:00Z")); // => { success: true, data: 1767225600000 }
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
 * Runs `fn` and lets a supportops error from another package leave as `errorClass` instead: the
 * same code when it is one of {@link COMMON_ERROR_CODES} (else `fallbackCode`), the same issues with
 * `path` put in front of theirs, and the original as `cause`. Errors already of `errorClass`, and
 * anything that is not a `SupportOpsError` (a bug), pass through untouched. Every call across a package
 * boundary (core's time parsing, a caller's calendar) goes through it, so each function throws only
 * its own package's error class.
 *
 * @param errorClass - the calling package's error class
 * @param fn - the call across the boundary
 * @param path - where the value handed to `fn` sits in the caller's input
 * @param fallbackCode - the code for a foreign error whose code is not a common one
 * @example
 * class TaskError extends SupportOpsError<"invalid_argument" | "invalid_time"> {}
 * try {
 *   rethrowAs(TaskError, () => toEpochMs("soon"), ["dueAt"], "invalid_argument");
 * } catch (error) {
 *   error instanceof TaskError;              // => true
 *   (error as TaskError).code;              // => "invalid_time"
 *   (error as TaskError).issues[0].path;    // => ["dueAt"]
 * }
 */
export function rethrowAs<T, Code extends string, IssueCode extends string>(
  errorClass: new (code: Code, issues: ReadonlyArray<Issue<IssueCode>>, options?: ErrorOptions) => SupportOpsError<Code, IssueCode>,
  fn: () => T,
  path: IssuePath,
  fallbackCode: Code,
): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof SupportOpsError) || error instanceof errorClass) throw error;
    const foreign: SupportOpsError = error;
    const code = COMMON_CODES.has(foreign.code) ? (foreign.code as Code) : fallbackCode;
    // The foreign issue codes are kept as they are: each package's IssueCode names the codes it wraps.
    const issues = foreign.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }) as unknown as Issue<IssueCode>);
    throw new errorClass(code, issues, { cause: error });
  }
}
