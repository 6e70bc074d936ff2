import { TaxonomyError } from "@supportops/taxonomy";

/** Runs `fn`, which must throw a TaxonomyError, and returns that error (fails the test otherwise). */
export function thrown(fn: () => unknown): TaxonomyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TaxonomyError) return error;
    throw error;
  }
  throw new Error("expected a TaxonomyError to be thrown");
}

/** The error of a failed `{ success, data } | { success, error }` result (fails the test on success). */
export function failure(result: { readonly success: true } | { readonly success: false; readonly error: TaxonomyError }): TaxonomyError {
  if (result.success) throw new Error("expected a failure");
  return result.error;
}
