/**
 * A short, safe description of an unexpected value, for error messages: strings are quoted and cut at
 * 40 characters, objects are named by kind, never dumped.
 *
 * @example
 * describeValue("Mars/Olympus"); // => "\"Mars/Olympus\""
 * describeValue([1, 2]);         // => "an array"
 * describeValue(null);           // => "null"
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "object") {
    if (value instanceof Date) return "a Date";
    if (value instanceof Map) return "a Map";
    if (value instanceof Set) return "a Set";
    return Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null ? "an object" : `an object (${Object.prototype.toString.call(value)})`;
  }
  if (typeof value === "bigint") return `bigint ${String(value)}n`;
  return `${typeof value} ${String(value)}`;
}
