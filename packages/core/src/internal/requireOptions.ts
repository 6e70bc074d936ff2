import { CoreError } from "../CoreError.js";
import { describeValue } from "../describeValue.js";

/** Checks that a required options argument is a plain object, so a forgotten one is a typed error, not a `TypeError`. */
export function requireOptions<T>(options: T, usage: string): NonNullable<T> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new CoreError("invalid_argument", [
      { code: "invalid_argument", path: [], message: `expected an options object, got ${describeValue(options)}; call it as ${usage}` },
    ]);
  }
  return options as NonNullable<T>;
}
