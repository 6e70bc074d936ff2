/**
 * Hostile inputs for the fuzz suites: what a careless or malicious tenant can send to any public
 * entry point, and the check every entry point must pass against it.
 */
import fc from "fast-check";
import { expect } from "vitest";

/** Characters that render as nothing or look like others; they hide text from detectors and readers. */
export const INVISIBLE_CHARACTERS: ReadonlyArray<string> = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u0000"];

/** A value nested `depth` levels deep in arrays or objects (built without recursion). */
export function nested(depth: number, kind: "array" | "object" = "object", leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { value };
  return value;
}

/** Keys that pollute prototypes when an implementation copies with `obj[key] = …`. */
const protoKeyObject = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as unknown,
);

const hugeOrTinyNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1.5,
  1_773_046_800, // epoch seconds
  1_773_046_800_000_000_000, // nanoseconds
);

const oddString = fc.oneof(
  fc.constantFrom("", " ", "__proto__", "constructor", "toString", "2026-13-45T99:99:99Z", "P1M", "Infinity", "NaN", "null", "undefined"),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...INVISIBLE_CHARACTERS).map((c) => `a${c}b`),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => "x".repeat(n)),
);

/** Any value of a wrong or odd kind: primitives, odd numbers and strings, functions, symbols, Maps, Dates. */
export const hostileScalarArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, 1, -1, 10n, Symbol("s"), () => 1, new Map([["a", 1]]), new Set([1]), new Date(Number.NaN), new Date(0), /x/),
  hugeOrTinyNumber,
  oddString,
);

/**
 * A hostile value: a scalar from {@link hostileScalarArb}, a prototype-polluting object, deep
 * nesting (up to 5 000 levels), a cyclic object, or a small random JSON-like tree of hostile leaves.
 */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileScalarArb, weight: 4 },
  { arbitrary: protoKeyObject, weight: 1 },
  { arbitrary: fc.constantFrom(200, 1_500, 5_000).chain((depth) => fc.constantFrom(nested(depth, "array"), nested(depth, "object"))), weight: 1 },
  {
    arbitrary: fc.constant(null).map(() => {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic["self"] = cyclic;
      return cyclic;
    }),
    weight: 1,
  },
  { arbitrary: fc.anything({ maxDepth: 3, values: [hostileScalarArb] }), weight: 3 },
);

/** A text snapshot of a value good enough to tell whether a call mutated it (own keys, deeply; cycles cut). */
function snapshot(value: unknown, seen = new Set<unknown>(), depth = 0): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return String(value);
  if (typeof value !== "object" || value === null) return typeof value === "string" ? JSON.stringify(value) : String(value);
  if (seen.has(value) || depth > 50) return "[seen]";
  seen.add(value);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (value instanceof Map) return `Map{${[...value.entries()].map(([k, v]) => `${snapshot(k, seen, depth + 1)}=>${snapshot(v, seen, depth + 1)}`).join(",")}}`;
  if (value instanceof Set) return `Set{${[...value].map((v) => snapshot(v, seen, depth + 1)).join(",")}}`;
  const keys = Reflect.ownKeys(value).map((key) => `${String(key)}:${snapshot((value as Record<PropertyKey, unknown>)[key], seen, depth + 1)}`);
  return `${Array.isArray(value) ? "[" : "{"}${keys.join(",")}${Array.isArray(value) ? "]" : "}"}${Object.isFrozen(value) ? "#frozen" : ""}`;
}

/** The milliseconds one call may take before the check calls it catastrophic (≥ 100× any sane call). */
export const CATASTROPHIC_MS = 5_000;

/**
 * Calls `fn(...args)` and checks the contract every public entry point keeps with hostile input: it
 * returns, or throws an instance of `errorClass` whose `code` is one of `codes` (never a raw
 * `TypeError`/`RangeError`); it mutates none of its arguments; it pollutes no prototype; and it
 * finishes within {@link CATASTROPHIC_MS} (a guard against catastrophic cost, not a benchmark).
 */
export function expectContained(
  errorClass: abstract new (...args: never[]) => Error & { readonly code: string },
  codes: ReadonlyArray<string>,
  fn: (...args: never[]) => unknown,
  args: ReadonlyArray<unknown>,
): void {
  const before = args.map((arg) => snapshot(arg));
  const started = performance.now();
  try {
    (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    if (!(error instanceof errorClass)) {
      const where = error instanceof Error ? (error.stack ?? "").split("\n").slice(0, 4).join(" | ") : "";
      throw new Error(`expected a ${errorClass.name} or a value, got ${String(error)} ${where}`, { cause: error });
    }
    expect(codes).toContain(error.code);
  }
  const elapsedMs = performance.now() - started;
  expect(elapsedMs, "catastrophic-slowness guard").toBeLessThan(CATASTROPHIC_MS);
  expect(args.map((arg) => snapshot(arg))).toStrictEqual(before);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
}
