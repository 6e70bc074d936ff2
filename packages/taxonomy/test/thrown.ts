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
