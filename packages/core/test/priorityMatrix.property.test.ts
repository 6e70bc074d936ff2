import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { createPriorityMatrix, formatPath, safeCreatePriorityMatrix, type PriorityCell, type PriorityMatrixDefinition } from "@supportops/core";

/**
 * Labels, including ones that are awkward as object keys or in paths. ("constructor" works too, but an
 * own `constructor` key defeats vitest's toStrictEqual type check; an example test covers it.)
 */
const labelArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
  fc.constantFrom("toString", "hasOwnProperty", "1 - High", "a.b", "Minor / Localized", "ünïcode", "P 1"),
);
const levelsArb = (min: number, max: number): fc.Arbitrary<string[]> => fc.uniqueArray(labelArb, { minLength: min, maxLength: max });

interface Shape {
  readonly impact: string[];
  readonly urgency: string[];
  readonly priorities: string[];
}
const shapeArb: fc.Arbitrary<Shape> = fc.record({ impact: levelsArb(1, 5), urgency: levelsArb(1, 5), priorities: levelsArb(1, 6) });

/** A monotone grid of priority ranks: each cell at least its upper and left neighbours. */
function monotoneGrid(shape: Shape, steps: ReadonlyArray<number>): number[][] {
  const top = shape.priorities.length - 1;
  const grid: number[][] = [];
  shape.impact.forEach((_, i) => {
    const row: number[] = [];
    shape.urgency.forEach((_, u) => {
      const floor = Math.max(i > 0 ? grid[i - 1]![u]! : 0, u > 0 ? row[u - 1]! : 0);
      const step = steps[(i * shape.urgency.length + u) % Math.max(1, steps.length)] ?? 0;
      row.push(Math.min(top, floor + (step % (top - floor + 1))));
    });
    grid.push(row);
  });
  return grid;
}

const monotoneArb = shapeArb.chain((shape) =>
  fc.array(fc.nat({ max: 3 }), { minLength: 25, maxLength: 25 }).map((steps) => ({ shape, grid: monotoneGrid(shape, steps) })),
);
const anyGridArb = shapeArb.chain((shape) =>
  fc
    .array(fc.array(fc.nat({ max: shape.priorities.length - 1 }), { minLength: shape.urgency.length, maxLength: shape.urgency.length }), {
      minLength: shape.impact.length,
      maxLength: shape.impact.length,
    })
    .map((grid) => ({ shape, grid })),
);

function nested(shape: Shape, grid: ReadonlyArray<ReadonlyArray<number>>): PriorityMatrixDefinition {
  return {
    ...shape,
    table: Object.fromEntries(shape.impact.map((i, ii) => [i, Object.fromEntries(shape.urgency.map((u, ui) => [u, shape.priorities[grid[ii]![ui]!]!]))])),
  };
}

function cells(shape: Shape, grid: ReadonlyArray<ReadonlyArray<number>>): PriorityCell[] {
  return shape.impact.flatMap((impact, ii) => shape.urgency.map((urgency, ui) => ({ impact, urgency, priority: shape.priorities[grid[ii]![ui]!]! })));
}

/** Brute force over every comparable pair of cells, not just neighbours. */
function isMonotone(grid: ReadonlyArray<ReadonlyArray<number>>): boolean {
  for (let i = 0; i < grid.length; i++)
    for (let u = 0; u < grid[i]!.length; u++)
      for (let j = i; j < grid.length; j++)
        for (let v = u; v < grid[j]!.length; v++) if (grid[j]![v]! < grid[i]![u]!) return false;
  return true;
}

describe("priority matrix validation", () => {
  test.prop([monotoneArb], { numRuns: numRuns(300) })("random monotone tables are accepted and looked up cell by cell", ({ shape, grid }) => {
    const definition = nested(shape, grid);
    const matrix = createPriorityMatrix(definition);
    shape.impact.forEach((i, ii) => shape.urgency.forEach((u, ui) => expect(matrix.lookup(i, u)).toBe(shape.priorities[grid[ii]![ui]!])));
    expect(matrix.toJSON()).toStrictEqual(definition);
    const used = new Set(grid.flat());
    expect(matrix.unusedPriorities).toStrictEqual(shape.priorities.filter((_, index) => !used.has(index)));
  });

  test.prop([monotoneArb.chain((value) => fc.shuffledSubarray(cells(value.shape, value.grid), { minLength: value.shape.impact.length * value.shape.urgency.length }).map((list) => ({ ...value, list })))], {
    numRuns: numRuns(200),
  })("the list form in any order compiles to the same matrix as the nested form", ({ shape, grid, list }) => {
    expect(createPriorityMatrix({ ...shape, table: list }).toJSON()).toStrictEqual(nested(shape, grid));
  });

  test.prop([anyGridArb], { numRuns: numRuns(400) })("a complete table is accepted exactly when every comparable pair is in order (oracle)", ({ shape, grid }) => {
    const result = safeCreatePriorityMatrix(nested(shape, grid));
    expect(result.success).toBe(isMonotone(grid));
    if (!result.success) {
      expect(result.error.code).toBe("invalid_priority_matrix");
      expect(result.error.issues.every((issue) => issue.code === "non_monotone")).toBe(true);
    }
  });

  const violationArb = monotoneArb.chain(({ shape, grid }) =>
    fc.record({ row: fc.nat({ max: shape.impact.length - 1 }), column: fc.nat({ max: shape.urgency.length - 1 }), pick: fc.nat() }).map((where) => ({ shape, grid, ...where })),
  );

  test.prop([violationArb], { numRuns: numRuns(400) })("one cell set out of order is rejected naming that cell", ({ shape, grid, row, column, pick }) => {
    const at = (i: number, u: number): number | undefined => grid[i]?.[u];
    const lo = Math.max(at(row - 1, column) ?? 0, at(row, column - 1) ?? 0);
    const hi = Math.min(at(row + 1, column) ?? Infinity, at(row, column + 1) ?? Infinity);
    const bad = shape.priorities.map((_, rank) => rank).filter((rank) => rank < lo || rank > hi);
    fc.pre(bad.length > 0);
    const original = grid[row]![column]!;
    const changed = grid.map((r) => [...r]);
    changed[row]![column] = bad[pick % bad.length]!;

    const result = safeCreatePriorityMatrix(nested(shape, changed));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("invalid_priority_matrix");
    const cellPath = ["table", shape.impact[row]!, shape.urgency[column]!];
    const named = formatPath(cellPath);
    // Neighbours the changed cell is now out of order with (brute force).
    const value = changed[row]![column]!;
    const conflicts = [
      [row - 1, column, "above"],
      [row, column - 1, "above"],
      [row + 1, column, "below"],
      [row, column + 1, "below"],
    ].filter(([i, u, side]) => {
      const other = changed[i as number]?.[u as number];
      return other !== undefined && (side === "above" ? other > value : other < value);
    });
    expect(conflicts.length).toBeGreaterThan(0);
    // Exactly one issue, and it is about the changed cell: at its path, or (when the cell conflicts with
    // only one neighbour, so either could be the wrong one) at that neighbour's path, naming the cell.
    expect(result.error.issues).toHaveLength(1);
    const [issue] = result.error.issues;
    expect(issue.code).toBe("non_monotone");
    if (conflicts.length >= 2) {
      expect(issue.path).toStrictEqual(cellPath);
      // The original priority is among the ones offered as fitting.
      expect(issue.message).toContain(JSON.stringify(shape.priorities[original]));
    } else {
      const [i, u, side] = conflicts[0]!;
      const neighbourPath = ["table", shape.impact[i as number]!, shape.urgency[u as number]!];
      // On a tie the cell some priority would fix is blamed; if both (or neither) could be fixed, the
      // more severe cell of the pair. The changed cell can always be fixed (its old value fits).
      const fits = (r: number, c: number): boolean =>
        Math.max(changed[r - 1]?.[c] ?? 0, changed[r]?.[c - 1] ?? 0) <=
        Math.min(changed[r + 1]?.[c] ?? Infinity, changed[r]?.[c + 1] ?? Infinity);
      const blameNeighbour = side === "above" && fits(i as number, u as number);
      expect(issue.path).toStrictEqual(blameNeighbour ? neighbourPath : cellPath);
      if (blameNeighbour) expect(issue.message).toContain(named);
    }
  });
});
