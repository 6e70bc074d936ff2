/**
 * Freezes `value` and every object reachable from it through own enumerable properties, in place, and
 * returns it. Compiled objects (calendars, taxonomies, policies, summaries) are frozen this way so they
 * are safe to share. Already-frozen objects are not walked again, typed arrays are left as they are
 * (they cannot be frozen), and the walk uses no recursion, so depth costs no stack.
 *
 * @example
 * const table = deepFreeze({ rows: [{ p: "P1" }] });
 * Object.isFrozen(table.rows[0]); // => true
 */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null || Object.isFrozen(next) || ArrayBuffer.isView(next)) continue;
    Object.freeze(next);
    for (const child of Object.values(next)) pending.push(child);
  }
  return value;
}
