/** A cell of a grid: row (impact) index, column (urgency) index. Index 0 is the most severe. */
export type GridCell = readonly [row: number, column: number];

/** A neighbour a cell is out of order with. */
interface MonotoneConflict {
  readonly cell: GridCell;
  /** `less_severe`: the neighbour is below or to the right, yet more urgent than the cell. */
  readonly neighbour: "more_severe" | "less_severe";
  /** The axis along which the two cells differ. */
  readonly axis: "impact" | "urgency";
}

/** One cell blamed for breaking monotonicity, with every adjacent cell it conflicts with. */
export interface MonotoneViolation {
  readonly cell: GridCell;
  readonly conflicts: ReadonlyArray<MonotoneConflict>;
  /**
   * Ranks the cell could take to agree with its current neighbours (`max` is `Infinity` when no
   * neighbour bounds it), or `null` if none would.
   */
  readonly allowed: readonly [min: number, max: number] | null;
}

/**
 * Finds where a grid of priority ranks (0 = most urgent) is not monotone: moving one step toward a
 * more severe impact (up) or urgency (left) must never give a larger rank. Checking adjacent cells is
 * enough, since the order is the transitive closure of the adjacent steps.
 *
 * Each out-of-order adjacent pair is blamed on one cell: the one in more out-of-order pairs (after a
 * single wrong cell, that is the wrong cell whenever it conflicts with two or more neighbours). On a
 * tie, the cell that some priority would fix (one that fits all its neighbours) is blamed; when both or
 * neither can be fixed, the more severe cell of the pair, whose fix is to raise it (when in doubt, take
 * the higher level).
 * Violations come back in row-major order of the blamed cell.
 */
export function findMonotoneViolations(ranks: ReadonlyArray<ReadonlyArray<number>>): MonotoneViolation[] {
  const rows = ranks.length;
  const columns = ranks[0]?.length ?? 0;
  const at = (r: number, c: number): number => ranks[r]?.[c] ?? Number.NaN;
  const pairs: Array<{ more: GridCell; less: GridCell; axis: "impact" | "urgency" }> = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (r + 1 < rows && at(r + 1, c) < at(r, c)) pairs.push({ more: [r, c], less: [r + 1, c], axis: "impact" });
      if (c + 1 < columns && at(r, c + 1) < at(r, c)) pairs.push({ more: [r, c], less: [r, c + 1], axis: "urgency" });
    }
  }
  const key = ([r, c]: GridCell): number => r * columns + c;
  const count = new Map<number, number>();
  for (const { more, less } of pairs) {
    count.set(key(more), (count.get(key(more)) ?? 0) + 1);
    count.set(key(less), (count.get(key(less)) ?? 0) + 1);
  }
  const allowedFor = ([r, c]: GridCell): readonly [number, number] | null => {
    const min = Math.max(r > 0 ? at(r - 1, c) : -Infinity, c > 0 ? at(r, c - 1) : -Infinity, 0);
    const max = Math.min(r + 1 < rows ? at(r + 1, c) : Infinity, c + 1 < columns ? at(r, c + 1) : Infinity);
    return min <= max ? [min, max] : null;
  };
  const blamed = new Map<number, { cell: GridCell; conflicts: MonotoneConflict[] }>();
  for (const { more, less, axis } of pairs) {
    const moreCount = count.get(key(more)) ?? 0;
    const lessCount = count.get(key(less)) ?? 0;
    const blameMore =
      moreCount !== lessCount ? moreCount > lessCount : allowedFor(more) !== null || allowedFor(less) === null;
    const cell = blameMore ? more : less;
    const conflict: MonotoneConflict = blameMore
      ? { cell: less, neighbour: "less_severe", axis }
      : { cell: more, neighbour: "more_severe", axis };
    const entry = blamed.get(key(cell)) ?? { cell, conflicts: [] };
    entry.conflicts.push(conflict);
    blamed.set(key(cell), entry);
  }
  return [...blamed.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, { cell, conflicts }]) => ({ cell, conflicts, allowed: allowedFor(cell) }));
}
