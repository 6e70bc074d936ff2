import type { CoreIssueCode } from "./CoreError.js";
import { z } from "zod";
import { LevelListSchema, listLabels, rankIndex } from "./internal/levels/levelList.js";
import { findMonotoneViolations, type GridCell } from "./internal/levels/monotone.js";
import { CoreError } from "./CoreError.js";
import { issuesFromZod, zodErrorMap } from "./issuesFromZod.js";
import { formatPath, safely, type Issue, type IssuePath, type SafeResult } from "./SupportOpsError.js";

/**
 * A priority table in nested form: `table[impact][urgency]` is the priority label. This is the form
 * {@link PriorityMatrix.table} and {@link PriorityMatrix.toJSON} give back.
 *
 * @example
 * const table: PriorityTable = { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } };
 * table.low.high; // => "P2"
 */
export type PriorityTable<I extends string = string, U extends string = string, P extends string = string> = {
  readonly [K in I]: { readonly [L in U]: P };
};

/**
 * One cell of a priority table in list form, the shape of a ServiceNow data-lookup row
 * (`impact`, `urgency`, `priority`).
 *
 * @example
 * const cell: PriorityCell = { impact: "high", urgency: "low", priority: "P2" };
 */
export interface PriorityCell<I extends string = string, U extends string = string, P extends string = string> {
  /** The impact level of the row. */
  readonly impact: I;
  /** The urgency level of the column. */
  readonly urgency: U;
  /** The priority label at (impact, urgency). */
  readonly priority: P;
}

/**
 * The JSON definition of a priority matrix: three ordered level lists, each most severe first, and a
 * table giving one priority per (impact, urgency) pair, either nested (`{ [impact]: { [urgency]:
 * priority } }`) or as a list of {@link PriorityCell}s.
 *
 * @example
 * const definition: PriorityMatrixDefinition = {
 *   impact: ["high", "low"],
 *   urgency: ["high", "low"],
 *   priorities: ["P1", "P2", "P3"],
 *   table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } },
 * };
 * createPriorityMatrix(definition).lookup("low", "low"); // => "P3"
 */
export interface PriorityMatrixDefinition<I extends string = string, U extends string = string, P extends string = string> {
  /** Impact levels, most severe first, e.g. `["high", "medium", "low"]`. */
  readonly impact: ReadonlyArray<I>;
  /** Urgency levels, most severe first. */
  readonly urgency: ReadonlyArray<U>;
  /** Priority labels, most urgent first, e.g. `["P1", "P2", "P3"]`. */
  readonly priorities: ReadonlyArray<P>;
  /** One priority per (impact, urgency) pair. */
  readonly table: PriorityTable<I, U, P> | ReadonlyArray<PriorityCell<I, U, P>>;
}

/**
 * A validated, frozen impact × urgency → priority lookup table. Build one with
 * {@link createPriorityMatrix} or take a preset such as {@link SERVICENOW_PRIORITY_MATRIX}.
 *
 * @example
 * const matrix: PriorityMatrix<"high" | "low", "high" | "low", "P1" | "P2"> = createPriorityMatrix({
 *   impact: ["high", "low"],
 *   urgency: ["high", "low"],
 *   priorities: ["P1", "P2"],
 *   table: { high: { high: "P1", low: "P1" }, low: { high: "P1", low: "P2" } },
 * });
 * matrix.lookup("low", "low"); // => "P2"
 */
export interface PriorityMatrix<I extends string = string, U extends string = string, P extends string = string> {
  /** Impact levels, most severe first. */
  readonly impact: ReadonlyArray<I>;
  /** Urgency levels, most severe first. */
  readonly urgency: ReadonlyArray<U>;
  /** Priority labels, most urgent first. */
  readonly priorities: ReadonlyArray<P>;
  /** The table in nested form, `table[impact][urgency]`. */
  readonly table: PriorityTable<I, U, P>;
  /** Declared priorities no cell yields (allowed, but often a sign of a sample table; ServiceNow's incident sample never yields `5 - Planning`). */
  readonly unusedPriorities: ReadonlyArray<P>;
  /**
   * The priority at (impact, urgency).
   *
   * @throws {@link SupportOpsError} with code `invalid_input` (issue code `unknown_level`) when either level is not in the matrix
   *
   * @example
   * // matrix: the one built in the createPriorityMatrix example
   * matrix.lookup("high", "low"); // => "P2"
   * matrix.lookup("medium", "low"); // throws invalid_input (issue code unknown_level)
   */
  lookup(impact: I, urgency: U): P;
  /**
   * The definition in nested form: plain JSON that {@link createPriorityMatrix} accepts back.
   *
   * @example
   * // matrix: the one built in the createPriorityMatrix example
   * matrix.toJSON();
   * // => { impact: ["high", "low"], urgency: ["high", "low"], priorities: ["P1", "P2", "P3"],
   * //      table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } } }
   */
  toJSON(): Omit<PriorityMatrixDefinition<I, U, P>, "table"> & { readonly table: PriorityTable<I, U, P> };
}

const PriorityCellSchema = z.strictObject({
  impact: z.string(),
  urgency: z.string(),
  priority: z.string(),
});

/**
 * Zod schema of a {@link PriorityMatrixDefinition}'s JSON shape (structure only: coverage, unknown
 * labels and monotonicity are checked by {@link createPriorityMatrix}). Exports to JSON Schema with
 * `z.toJSONSchema(PriorityMatrixDefinitionSchema, { io: "input" })`.
 *
 * @example
 * PriorityMatrixDefinitionSchema.safeParse({ impact: [], urgency: ["u"], priorities: ["P1"], table: {} }).success; // => false
 */
export const PriorityMatrixDefinitionSchema = z.strictObject({
  impact: LevelListSchema.describe("Impact levels, most severe first."),
  urgency: LevelListSchema.describe("Urgency levels, most severe first."),
  priorities: LevelListSchema.describe("Priority labels, most urgent first."),
  table: z
    .union([z.record(z.string(), z.record(z.string(), z.string())), z.array(PriorityCellSchema)])
    .describe("table[impact][urgency] = priority, or a list of { impact, urgency, priority } cells."),
});

function fail(issues: ReadonlyArray<Issue<CoreIssueCode>>): never {
  throw new CoreError("invalid_priority_matrix", issues);
}

/**
 * Validates and compiles an impact × urgency → priority table.
 *
 * Checks, each failure an issue naming the cell (`table.high.low`, or `table[4]` in list form):
 * level lists non-empty without duplicates (`duplicate_level`); every (impact, urgency) pair has exactly
 * one priority (`missing_cell`, `duplicate_cell`); no impact, urgency or priority outside the declared
 * lists (`unknown_level`); and monotonicity (`non_monotone`): moving impact or urgency toward more
 * severe never gives a less urgent priority. A non-monotone cell is reported with the neighbours it
 * is out of order with and the priorities that would fit.
 *
 * @param definition - the JSON definition; it is not mutated
 * @returns a frozen {@link PriorityMatrix}
 * @throws {@link SupportOpsError} with code `invalid_priority_matrix`
 * @example
 * const matrix = createPriorityMatrix({
 *   impact: ["high", "low"],
 *   urgency: ["high", "low"],
 *   priorities: ["P1", "P2", "P3"],
 *   table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } },
 * });
 * matrix.lookup("low", "high"); // => "P2"
 *
 * createPriorityMatrix({
 *   impact: ["high", "low"],
 *   urgency: ["high", "low"],
 *   priorities: ["P1", "P2", "P3"],
 *   table: { high: { high: "P1", low: "P3" }, low: { high: "P2", low: "P2" } },
 * });
 * // throws SupportOpsError invalid_priority_matrix:
 * // table.high.low: "P3" is less urgent than table.low.low ("P2"), whose impact is less severe; …
 */
export function createPriorityMatrix<const I extends string, const U extends string, const P extends string>(definition: {
  readonly impact: ReadonlyArray<I>;
  readonly urgency: ReadonlyArray<U>;
  readonly priorities: ReadonlyArray<P>;
  readonly table: PriorityTable<NoInfer<I>, NoInfer<U>, NoInfer<P>> | ReadonlyArray<PriorityCell<NoInfer<I>, NoInfer<U>, NoInfer<P>>>;
}): PriorityMatrix<I, U, P> {
  const parsed = PriorityMatrixDefinitionSchema.safeParse(definition, { error: zodErrorMap });
  if (!parsed.success) fail(issuesFromZod<CoreIssueCode>(parsed.error));
  const { impact, urgency, priorities, table } = parsed.data;
  const impactRank = rankIndex(impact);
  const urgencyRank = rankIndex(urgency);
  const priorityRank = rankIndex(priorities);

  // grid[i][u] = the priority's rank; paths[i][u] = where that cell was written.
  const grid: Array<Array<number | undefined>> = impact.map(() => urgency.map(() => undefined));
  const paths: Array<Array<IssuePath>> = impact.map((i) => urgency.map((u) => ["table", i, u]));
  const issues: Issue<CoreIssueCode>[] = [];
  const unknown = (path: IssuePath, what: string, value: string, levels: ReadonlyArray<string>): void => {
    issues.push({ code: "unknown_level", path, message: `${what} "${value}" is not declared; use one of ${listLabels(levels)}` });
  };
  const place = (i: number, u: number, priority: string, path: IssuePath): void => {
    const rank = priorityRank.get(priority);
    if (rank === undefined) unknown(path, "priority", priority, priorities);
    else grid[i]![u] = rank;
  };

  if (Array.isArray(table)) {
    const seen = new Map<string, number>();
    table.forEach((cell, index) => {
      const i = impactRank.get(cell.impact);
      const u = urgencyRank.get(cell.urgency);
      if (i === undefined) unknown(["table", index, "impact"], "impact", cell.impact, impact);
      if (u === undefined) unknown(["table", index, "urgency"], "urgency", cell.urgency, urgency);
      if (i === undefined || u === undefined) return;
      const first = seen.get(`${i},${u}`);
      if (first !== undefined) {
        issues.push({
          code: "duplicate_cell",
          path: ["table", index],
          message: `impact "${cell.impact}" × urgency "${cell.urgency}" is already given at table[${first}]; give each pair exactly once`,
        });
        return;
      }
      seen.set(`${i},${u}`, index);
      paths[i]![u] = ["table", index];
      place(i, u, cell.priority, ["table", index, "priority"]);
    });
    impact.forEach((i, ii) =>
      urgency.forEach((u, ui) => {
        if (!seen.has(`${ii},${ui}`)) {
          issues.push({ code: "missing_cell", path: ["table"], message: `no cell for impact "${i}" × urgency "${u}"; add { impact: "${i}", urgency: "${u}", priority: … }` });
        }
      }),
    );
  } else {
    const rows = table as Record<string, Record<string, string>>;
    for (const key of Object.keys(rows)) {
      if (!impactRank.has(key)) unknown(["table", key], "impact", key, impact);
    }
    impact.forEach((i, ii) => {
      const row = Object.hasOwn(rows, i) ? rows[i] : undefined;
      if (row === undefined) {
        issues.push({ code: "missing_cell", path: ["table", i], message: `no row for impact "${i}"; give a priority for each urgency ${listLabels(urgency, "and")}` });
        return;
      }
      for (const key of Object.keys(row)) {
        if (!urgencyRank.has(key)) unknown(["table", i, key], "urgency", key, urgency);
      }
      urgency.forEach((u, ui) => {
        const priority = Object.hasOwn(row, u) ? row[u] : undefined;
        if (priority === undefined) {
          issues.push({ code: "missing_cell", path: ["table", i, u], message: `no priority for impact "${i}" × urgency "${u}"; use one of ${listLabels(priorities)}` });
        } else place(ii, ui, priority, ["table", i, u]);
      });
    });
  }
  if (issues.length > 0) fail(issues);

  const ranks = grid as number[][];
  const violations = findMonotoneViolations(ranks);
  if (violations.length > 0) {
    fail(
      violations.map(({ cell, conflicts, allowed }) => {
        const label = (c: GridCell): string => priorities[ranks[c[0]]![c[1]]!]!;
        const where = (c: GridCell): string => formatPath(paths[c[0]]![c[1]]!);
        const reasons = conflicts.map(({ cell: other, neighbour, axis }) =>
          neighbour === "less_severe"
            ? `less urgent than ${where(other)} ("${label(other)}"), whose ${axis} is less severe`
            : `more urgent than ${where(other)} ("${label(other)}"), whose ${axis} is more severe`,
        );
        const fits =
          allowed === null
            ? "no priority fits all its neighbours, so fix them too"
            : `${listLabels(priorities.slice(allowed[0], Math.min(allowed[1], priorities.length - 1) + 1))} would fit its neighbours`;
        return {
          code: "non_monotone",
          path: paths[cell[0]]![cell[1]]!,
          message: `"${label(cell)}" is ${reasons.join(" and ")}; moving impact or urgency toward more severe must never give a less urgent priority (${fits})`,
        };
      }),
    );
  }

  const nested = Object.freeze(
    Object.fromEntries(impact.map((i, ii) => [i, Object.freeze(Object.fromEntries(urgency.map((u, ui) => [u, priorities[ranks[ii]![ui]!]!])))])),
  ) as PriorityTable<I, U, P>;
  const used = new Set(ranks.flat());
  const frozenList = <T extends string>(list: ReadonlyArray<string>): ReadonlyArray<T> => Object.freeze([...list]) as ReadonlyArray<T>;
  const impacts = frozenList<I>(impact);
  const urgencies = frozenList<U>(urgency);
  const priorityList = frozenList<P>(priorities);

  const matrix: PriorityMatrix<I, U, P> = {
    impact: impacts,
    urgency: urgencies,
    priorities: priorityList,
    table: nested,
    unusedPriorities: Object.freeze(priorityList.filter((_, index) => !used.has(index))),
    lookup(impactLevel: I, urgencyLevel: U): P {
      const i = impactRank.get(impactLevel);
      const u = urgencyRank.get(urgencyLevel);
      const problems: Issue<CoreIssueCode>[] = [];
      if (i === undefined) problems.push({ code: "unknown_level", path: ["impact"], message: `impact ${JSON.stringify(impactLevel)} is not in this matrix; use one of ${listLabels(impact)}` });
      if (u === undefined) problems.push({ code: "unknown_level", path: ["urgency"], message: `urgency ${JSON.stringify(urgencyLevel)} is not in this matrix; use one of ${listLabels(urgency)}` });
      if (i === undefined || u === undefined) throw new CoreError("invalid_argument", problems);
      return priorities[ranks[i]![u]!] as P;
    },
    toJSON(): Omit<PriorityMatrixDefinition<I, U, P>, "table"> & { readonly table: PriorityTable<I, U, P> } {
      return {
        impact: [...impacts],
        urgency: [...urgencies],
        priorities: [...priorityList],
        table: Object.fromEntries(impacts.map((i) => [i, { ...nested[i] }])) as PriorityTable<I, U, P>,
      };
    },
  };
  return Object.freeze(matrix);
}

/**
 * {@link createPriorityMatrix} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @param definition - the JSON definition
 * @returns the matrix, or the `invalid_priority_matrix` error the throwing variant would raise
 * @example
 * const result = safeCreatePriorityMatrix(JSON.parse('{"impact":["a"],"urgency":["b"],"priorities":["P1"],"table":{"a":{}}}'));
 * result.success; // => false
 * if (!result.success) result.error.issues[0].path; // => ["table", "a", "b"]
 */
export function safeCreatePriorityMatrix<const I extends string, const U extends string, const P extends string>(definition: {
  readonly impact: ReadonlyArray<I>;
  readonly urgency: ReadonlyArray<U>;
  readonly priorities: ReadonlyArray<P>;
  readonly table: PriorityTable<NoInfer<I>, NoInfer<U>, NoInfer<P>> | ReadonlyArray<PriorityCell<NoInfer<I>, NoInfer<U>, NoInfer<P>>>;
}): SafeResult<PriorityMatrix<I, U, P>, CoreError>;
export function safeCreatePriorityMatrix(definition: unknown): SafeResult<PriorityMatrix, CoreError>;
export function safeCreatePriorityMatrix(definition: unknown): SafeResult<PriorityMatrix, CoreError> {
  return safely(CoreError, () => createPriorityMatrix(definition as PriorityMatrixDefinition));
}
