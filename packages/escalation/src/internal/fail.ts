import type { Issue, IssuePath } from "@supportops/core";
import { EscalationError, type EscalationErrorCode } from "../EscalationError.js";

/** Throws an {@link EscalationError} with one issue whose code is the error code. */
export function failWith(code: EscalationErrorCode, path: IssuePath, message: string): never {
  throw new EscalationError(code, [{ code, path, message }]);
}

/** Throws an {@link EscalationError} when `issues` is non-empty. */
export function throwIfAny(code: EscalationErrorCode, issues: ReadonlyArray<Issue>): void {
  if (issues.length > 0) throw new EscalationError(code, issues);
}
