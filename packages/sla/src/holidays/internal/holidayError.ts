import type { Issue } from "@supportops/core";
import { SlaError, type SlaIssueCode } from "../../SlaError.js";

/** The error a holiday source throws for what it read: an `invalid_holiday_source` {@link SlaError}. */
export function holidayError(issues: ReadonlyArray<Issue<SlaIssueCode>>): SlaError {
  return new SlaError("invalid_holiday_source", issues);
}

/** The error a holiday source throws for an unusable argument or option: an `invalid_argument` {@link SlaError}. */
export function holidayArgumentError(issues: ReadonlyArray<Issue<SlaIssueCode>>): SlaError {
  return new SlaError("invalid_argument", issues);
}
