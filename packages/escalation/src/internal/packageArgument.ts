/** The package argument of the functions that read a package (render, score, export). */
import { MAX_INPUT_DEPTH, checkDepth, describeValue, parseWithSchema } from "@supportops/core";
import { EscalationError, type EscalationIssueCode } from "../EscalationError.js";
import { OpenPackageShape, type EscalationPackage } from "../EscalationPackageSchema.js";

// Packages `createEscalationPackage` returned: valid and frozen, so they are not checked again.
const created = new WeakSet<object>();

/** Records a package `createEscalationPackage` validated (it is frozen, so it stays valid). */
export function rememberPackage<T extends object>(pkg: T): T {
  created.add(pkg);
  return pkg;
}

/**
 * The `pkg` argument as a package: one from `createEscalationPackage` as it is; anything else (a package
 * read back from JSON, in its stored form) parsed by a structural check (fields and types, any severity
 * and priority label; not the cross-field rules) — so a wrong argument is an `invalid_package` error
 * rather than a `TypeError` deep inside, and `…At` fields are epoch ms whichever form they were stored in.
 */
export function packageArgument(pkg: unknown): EscalationPackage<string, string> {
  if (typeof pkg === "object" && pkg !== null && created.has(pkg)) return pkg as EscalationPackage<string, string>;
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) {
    throw new EscalationError("invalid_package", [
      { code: "invalid_type", path: [], message: `expected an escalation package (from createEscalationPackage), got ${describeValue(pkg)}` },
    ]);
  }
  const tooDeep = checkDepth(pkg, MAX_INPUT_DEPTH);
  if (tooDeep !== undefined) throw new EscalationError("invalid_package", [tooDeep]);
  const parsed = parseWithSchema<typeof OpenPackageShape, EscalationIssueCode>(OpenPackageShape, pkg);
  if (!parsed.success) throw new EscalationError("invalid_package", parsed.issues);
  return parsed.data as EscalationPackage<string, string>;
}
