import type { SafeResult } from "@supportops/core";
import type { TaxonomyError } from "@supportops/taxonomy";

/** The error of a failed `{ success, data } | { success, error }` result; fails the test on success. */
export function failure(result: SafeResult<unknown, TaxonomyError>): TaxonomyError {
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error;
}
