import type { Issue, IssuePath } from "./SupportOpsError.js";

/**
 * The deepest nesting supportops accepts in any input (objects and arrays inside one another), unless
 * a function documents a smaller limit. Real definitions and logs stay far below it; a deeper input
 * is either an attack or a bug, and walking it recursively would exhaust the call stack.
 *
 * @example
 * MAX_INPUT_DEPTH; // => 100
 */
export const MAX_INPUT_DEPTH = 100;

/**
 * Finds where `value` nests deeper than `maxDepth` objects or arrays, or refers back to itself, without
 * recursion (so the check itself cannot overflow the stack). Returns a `too_deep` issue at the first
 * such place, or `undefined` when the value is fine. Every entry point that takes nested input runs it
 * before anything recursive (zod's recursive schemas, copying, freezing) touches the value.
 *
 * @param value - the input
 * @param maxDepth - the deepest nesting allowed; `{ a: 1 }` has depth 1, `{ a: [1] }` depth 2
 * @param basePath - where the value sits in a larger input
 * @example
 * checkDepth({ a: { b: [1] } }, 2);
 * // => { code: "too_deep", path: ["a", "b"], message: "nests deeper than 2 levels of objects and arrays; flatten it" }
 * checkDepth({ a: 1 }, 2); // => undefined
 */
export function checkDepth(value: unknown, maxDepth: number = MAX_INPUT_DEPTH, basePath: IssuePath = []): Issue<"too_deep"> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  // Each entry: the object, its depth, the path to it, and the objects on the way to it (for cycles).
  const stack: Array<{ node: object; depth: number; path: IssuePath; ancestors: ReadonlySet<object> }> = [
    { node: value, depth: 1, path: basePath, ancestors: new Set() },
  ];
  let visited = 0;
  while (stack.length > 0) {
    const { node, depth, path, ancestors } = stack.pop() as (typeof stack)[number];
    if (ancestors.has(node)) {
      return { code: "too_deep", path, message: "refers back to an object that contains it, so it nests without end; pass plain JSON data" };
    }
    if (depth > maxDepth) {
      return { code: "too_deep", path: path.slice(0, basePath.length + maxDepth), message: `nests deeper than ${maxDepth} levels of objects and arrays; flatten it` };
    }
    // Sharing one object in many places is not nesting; only an ancestor chain is. Wide inputs stay linear.
    if (++visited > 10_000_000) return { code: "too_deep", path, message: "holds more than 10 000 000 objects and arrays; split it" };
    const below = new Set(ancestors).add(node);
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) {
        stack.push({ node: child, depth: depth + 1, path: [...path, Array.isArray(node) ? Number(key) : key], ancestors: below });
      }
    }
  }
  return undefined;
}
