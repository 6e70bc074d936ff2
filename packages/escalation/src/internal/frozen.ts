/** Read-only schemas that never freeze the caller's input. */
import type { z } from "zod";

/**
 * `schema.readonly()`, except that only a value that parsed is frozen. zod's own `.readonly()` freezes
 * whatever value comes back from the schema inside it, and when parsing fails that is the caller's own
 * input (an array handed where an object belongs, say): a failed `safeParse` would freeze the caller's
 * object. A transform runs only after a successful parse, on the fresh value zod built.
 */
export function frozen<T extends z.ZodType>(schema: T): z.ZodPipe<T, z.ZodTransform<Readonly<z.output<T>>, z.output<T>>> {
  return schema.transform((value: z.output<T>) => Object.freeze(value));
}
