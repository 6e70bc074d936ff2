import { z } from "zod";
import { issuesFromZod, type Issue, type IssuePath } from "../../SupportOpsError.js";

type RawIssue = z.core.$ZodIssue;

/** True when a union branch failed only because the value had another type altogether. */
function isWrongShape(branch: ReadonlyArray<RawIssue>): boolean {
  return branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;
}

/**
 * Replaces each `invalid_union` issue by the issues of the one branch whose shape the value had
 * (an array for the list form, an object for the record form), so the caller sees the real path
 * instead of "Invalid input" at the union.
 */
function unwrapUnions(issues: ReadonlyArray<RawIssue>): RawIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const candidates = issue.errors.filter((branch) => !isWrongShape(branch));
    const [only, ...others] = candidates;
    if (only === undefined || others.length > 0) return [issue];
    return unwrapUnions(only).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as RawIssue);
  });
}

/** {@link issuesFromZod} with union failures narrowed to the branch the input was aiming at. */
export function zodIssues(error: z.ZodError, basePath: IssuePath = []): Issue[] {
  return issuesFromZod(new z.ZodError(unwrapUnions(error.issues)), basePath);
}
