import { describeValue } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";

/** Checks that `items` can be iterated, so a wrong argument is a typed error, not a `TypeError`. */
export function requireIterable<T>(items: Iterable<T>, what = "tickets { id, events }"): Iterable<T> {
  if (items === null || typeof items !== "object" || typeof (items as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
    throw new MetricsError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an iterable of ${what}, got ${describeValue(items)}` }]);
  }
  return items;
}
