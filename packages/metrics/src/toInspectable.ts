import type { KpiReport } from "./kpiReport.js";
import type { KpiResult } from "./KpiResult.js";
import { textTable } from "./internal/textTable.js";
import { toTableRows } from "./toTableRows.js";

/** Node's `util.inspect.custom`, reached through the global symbol registry (no `node:util` import). */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * What {@link toInspectable} returns: the input's own fields, plus `[util.inspect.custom]`, so
 * `console.log`, a REPL and a Node notebook print it as an aligned table.
 *
 * @example
 * const shown: Inspectable<KpiReport> = toInspectable(kpiReport([], { period: { from: "2026-01-01", to: "2026-02-01" } }));
 */
export type Inspectable<T> = T & { readonly [INSPECT]: () => string };

/**
 * Wraps a report or a list of KPI results so `util.inspect` (and so `console.log`, the REPL and
 * notebooks) prints it as an aligned text table of {@link toTableRows}, with a title line; the
 * fields are unchanged, so code reads it as before. The input is not mutated.
 *
 * @param input - a `kpiReport` result, or KPI results
 * @returns a copy with a custom inspect form
 * @example
 * const report = kpiReport([], { kpis: ["csat"], period: { from: "2026-01-01", to: "2026-02-01" } });
 * util.inspect(toInspectable(report)).split("\n")[0];
 * // => "KPI report 2026-01-01T00:00:00.000Z/2026-02-01T00:00:00.000Z (UTC), 0 rows"
 */
export function toInspectable<T extends KpiReport | ReadonlyArray<KpiResult>>(input: T): Inspectable<T> {
  const rows = toTableRows(input);
  const title = Array.isArray(input)
    ? `${rows.length} KPI result${rows.length === 1 ? "" : "s"}`
    : `KPI report ${new Date((input as KpiReport).period.from).toISOString()}/${new Date((input as KpiReport).period.to).toISOString()} (${(input as KpiReport).timeZone}), ${rows.length} row${rows.length === 1 ? "" : "s"}`;
  const text = (): string => (rows.length === 0 ? title : `${title}\n${textTable(rows)}`);
  const copy = Array.isArray(input) ? [...input] : { ...input };
  Object.defineProperty(copy, INSPECT, { value: text, enumerable: false });
  return copy as unknown as Inspectable<T>;
}
