import type { CoreIssueCode } from "./CoreError.js";
import { z } from "zod";
import { LevelListSchema, listLabels, rankIndex } from "./internal/levels/levelList.js";
import { findMonotoneViolations, type GridCell } from "./internal/levels/monotone.js";
import { CoreError } from "./CoreError.js";
import { describeValue } from "./describeValue.js";
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
   * @throws {@link CoreError} with code `invalid_argument` (issue code `unknown_level`) when either level is not in the matrix
   *
   * @example
   * // matrix: the one built in the createPriorityMatrix example
   * matrix.lookup("high", "low"); // => "P2"
   * matrix.lookup("medium", "low"); // throws invalid_argument (issue code unknown_level)
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
 * @throws {@link CoreError} with code `invalid_priority_matrix`
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
  const levels = levelsOf(parsed.data);
  const grid = Array.isArray(parsed.data.table) ? gridFromCells(parsed.data.table, levels) : gridFromRows(parsed.data.table, levels);
  if (grid.issues.length > 0) fail(grid.issues);
  const cells = completeGrid(grid.ranks);
  const violations = monotoneIssues(cells, grid.paths, levels.priorities);
  if (violations.length > 0) fail(violations);
  return compileMatrix<I, U, P>(levels, cells);
}

/** The three level lists of a parsed definition, with each label's rank (0 = most severe or urgent). */
interface Levels {
  readonly impact: ReadonlyArray<string>;
  readonly urgency: ReadonlyArray<string>;
  readonly priorities: ReadonlyArray<string>;
  readonly impactRank: ReadonlyMap<string, number>;
  readonly urgencyRank: ReadonlyMap<string, number>;
  readonly priorityRank: ReadonlyMap<string, number>;
}

function levelsOf(definition: PriorityMatrixDefinition): Levels {
  const { impact, urgency, priorities } = definition;
  return { impact, urgency, priorities, impactRank: rankIndex(impact), urgencyRank: rankIndex(urgency), priorityRank: rankIndex(priorities) };
}

/**
 * A table read into a grid: `ranks[i][u]` is the priority rank of impact `i` × urgency `u` (undefined
 * where the table gave none or an unknown label), `paths[i][u]` is where that cell was written.
 */
interface Grid {
  readonly ranks: Array<Array<number | undefined>>;
  readonly paths: Array<Array<IssuePath>>;
  readonly issues: Issue<CoreIssueCode>[];
}

function emptyGrid(levels: Levels): Grid {
  return {
    ranks: levels.impact.map(() => levels.urgency.map(() => undefined)),
    paths: levels.impact.map((i) => levels.urgency.map((u) => ["table", i, u])),
    issues: [],
  };
}

function unknownLevel(path: IssuePath, what: string, value: string, labels: ReadonlyArray<string>): Issue<CoreIssueCode> {
  return { code: "unknown_level", path, message: `${what} "${value}" is not declared; use one of ${listLabels(labels)}` };
}

/** Writes one cell's priority into the grid, or an issue when the priority is not declared. */
function place(grid: Grid, levels: Levels, cell: GridCell, priority: string, path: IssuePath): void {
  const rank = levels.priorityRank.get(priority);
  const row = grid.ranks[cell[0]];
  if (rank === undefined || row === undefined) grid.issues.push(unknownLevel(path, "priority", priority, levels.priorities));
  else row[cell[1]] = rank;
}

/** Reads the list form (`[{ impact, urgency, priority }]`): unknown labels, duplicates and gaps are issues. */
function gridFromCells(table: ReadonlyArray<PriorityCell>, levels: Levels): Grid {
  const grid = emptyGrid(levels);
  const seen = new Map<string, number>();
  table.forEach((cell, index) => {
    const i = levels.impactRank.get(cell.impact);
    const u = levels.urgencyRank.get(cell.urgency);
    if (i === undefined) grid.issues.push(unknownLevel(["table", index, "impact"], "impact", cell.impact, levels.impact));
    if (u === undefined) grid.issues.push(unknownLevel(["table", index, "urgency"], "urgency", cell.urgency, levels.urgency));
    if (i === undefined || u === undefined) return;
    const first = seen.get(`${i},${u}`);
    if (first !== undefined) {
      grid.issues.push({
        code: "duplicate_cell",
        path: ["table", index],
        message: `impact "${cell.impact}" × urgency "${cell.urgency}" is already given at table[${first}]; give each pair exactly once`,
      });
      return;
    }
    seen.set(`${i},${u}`, index);
    const paths = grid.paths[i];
    if (paths !== undefined) paths[u] = ["table", index];
    place(grid, levels, [i, u], cell.priority, ["table", index, "priority"]);
  });
  levels.impact.forEach((i, ii) =>
    levels.urgency.forEach((u, ui) => {
      if (!seen.has(`${ii},${ui}`)) {
        grid.issues.push({ code: "missing_cell", path: ["table"], message: `no cell for impact "${i}" × urgency "${u}"; add { impact: "${i}", urgency: "${u}", priority: … }` });
      }
    }),
  );
  return grid;
}

/** Reads the nested form (`table[impact][urgency]`): unknown labels and gaps are issues. */
function gridFromRows(rows: Readonly<Record<string, Readonly<Record<string, string>>>>, levels: Levels): Grid {
  const grid = emptyGrid(levels);
  for (const key of Object.keys(rows)) {
    if (!levels.impactRank.has(key)) grid.issues.push(unknownLevel(["table", key], "impact", key, levels.impact));
  }
  levels.impact.forEach((i, ii) => {
    const row = Object.hasOwn(rows, i) ? rows[i] : undefined;
    if (row === undefined) {
      grid.issues.push({ code: "missing_cell", path: ["table", i], message: `no row for impact "${i}"; give a priority for each urgency ${listLabels(levels.urgency, "and")}` });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!levels.urgencyRank.has(key)) grid.issues.push(unknownLevel(["table", i, key], "urgency", key, levels.urgency));
    }
    levels.urgency.forEach((u, ui) => {
      const priority = Object.hasOwn(row, u) ? row[u] : undefined;
      if (priority === undefined) {
        grid.issues.push({ code: "missing_cell", path: ["table", i, u], message: `no priority for impact "${i}" × urgency "${u}"; use one of ${listLabels(levels.priorities)}` });
      } else place(grid, levels, [ii, ui], priority, ["table", i, u]);
    });
  });
  return grid;
}

/** A grid read without issues has every cell; this states it once, for the type checker. */
function completeGrid(ranks: ReadonlyArray<ReadonlyArray<number | undefined>>): number[][] {
  return ranks.map((row) =>
    row.map((rank) => {
      if (rank === undefined) throw new TypeError("a priority grid without issues has every cell");
      return rank;
    }),
  );
}

/** One `non_monotone` issue per cell blamed for breaking the order, naming its neighbours and what would fit. */
function monotoneIssues(ranks: ReadonlyArray<ReadonlyArray<number>>, paths: ReadonlyArray<ReadonlyArray<IssuePath>>, priorities: ReadonlyArray<string>): Issue<CoreIssueCode>[] {
  const label = (c: GridCell): string => priorities[ranks[c[0]]?.[c[1]] ?? -1] ?? "?";
  const pathOf = (c: GridCell): IssuePath => paths[c[0]]?.[c[1]] ?? ["table"];
  return findMonotoneViolations(ranks).map(({ cell, conflicts, allowed }) => {
    const reasons = conflicts.map(({ cell: other, neighbour, axis }) =>
      neighbour === "less_severe"
        ? `less urgent than ${formatPath(pathOf(other))} ("${label(other)}"), whose ${axis} is less severe`
        : `more urgent than ${formatPath(pathOf(other))} ("${label(other)}"), whose ${axis} is more severe`,
    );
    const fits =
      allowed === null
        ? "no priority fits all its neighbours, so fix them too"
        : `${listLabels(priorities.slice(allowed[0], Math.min(allowed[1], priorities.length - 1) + 1))} would fit its neighbours`;
    return {
      code: "non_monotone",
      path: pathOf(cell),
      message: `"${label(cell)}" is ${reasons.join(" and ")}; moving impact or urgency toward more severe must never give a less urgent priority (${fits})`,
    };
  });
}

/** Builds the frozen matrix object from a checked grid. */
function compileMatrix<I extends string, U extends string, P extends string>(levels: Levels, ranks: ReadonlyArray<ReadonlyArray<number>>): PriorityMatrix<I, U, P> {
  const { impact, urgency, priorities, impactRank, urgencyRank } = levels;
  const labelAt = (i: number, u: number): P => priorities[ranks[i]?.[u] ?? -1] as P;
  const nested = Object.freeze(
    Object.fromEntries(impact.map((i, ii) => [i, Object.freeze(Object.fromEntries(urgency.map((u, ui) => [u, labelAt(ii, ui)])))])),
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
      if (i === undefined) problems.push({ code: "unknown_level", path: ["impact"], message: `impact ${describeValue(impactLevel)} is not in this matrix; use one of ${listLabels(impact)}` });
      if (u === undefined) problems.push({ code: "unknown_level", path: ["urgency"], message: `urgency ${describeValue(urgencyLevel)} is not in this matrix; use one of ${listLabels(urgency)}` });
      if (i === undefined || u === undefined) throw new CoreError("invalid_argument", problems);
      return labelAt(i, u);
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
