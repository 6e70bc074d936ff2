import type { Issue } from "@supportops/core";
import { SlaError } from "../../SlaError.js";

/** Builds the typed error every holiday source throws: an `invalid_holiday_source` {@link SlaError}. */
export function holidayError(issues: ReadonlyArray<Issue>): SlaError {
  return new SlaError("invalid_holiday_source", issues);
}
