import type { IssuePath } from "@supportops/core";
import { EscalationError, type EscalationErrorCode, type EscalationIssueCode } from "../EscalationError.js";

/** Throws an {@link EscalationError} with one issue. */
export function failWith(code: EscalationErrorCode, issueCode: EscalationIssueCode, path: IssuePath, message: string): never {
  throw new EscalationError(code, [{ code: issueCode, path, message }]);
}
