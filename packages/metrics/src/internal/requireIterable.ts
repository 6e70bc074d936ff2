import { describeValue } from "@supportops/core";
import { MetricsError } from "../MetricsError.js";

/** Checks that `tickets` can be iterated, so a wrong argument is a typed error, not a `TypeError`. */
export function requireIterable<T>(tickets: Iterable<T>): Iterable<T> {
  if (tickets === null || typeof tickets !== "object" || typeof (tickets as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
    throw new MetricsError("invalid_argument", [{ code: "invalid_argument", path: [], message: `expected an iterable of tickets { id, events }, got ${describeValue(tickets)}` }]);
  }
  return tickets;
}
