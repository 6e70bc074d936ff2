import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ITIL_4X4_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX_FIX,
  PriorityMatrixDefinitionSchema,
  SERVICENOW_INCIDENT_PRIORITY_MATRIX,
  SERVICENOW_PRIORITY_MATRIX,
  SupportOpsError,
  createPriorityMatrix,
  safeCreatePriorityMatrix,
  type Issue,
  type PriorityMatrix,
  type PriorityMatrixDefinition,
} from "@supportops/core";

/** The issues of the `invalid_priority_matrix` error `definition` is rejected with. */
function rejection(definition: unknown): ReadonlyArray<Issue> {
  const result = safeCreatePriorityMatrix(definition as PriorityMatrixDefinition);
  if (result.success) throw new Error("expected the definition to be rejected");
  expect(result.error).toBeInstanceOf(SupportOpsError);
  expect(result.error.code).toBe("invalid_priority_matrix");
  return result.error.issues;
}

const small: PriorityMatrixDefinition = {
  impact: ["high", "low"],
  urgency: ["high", "low"],
  priorities: ["P1", "P2", "P3"],
  table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } },
};

describe("presets", () => {
  it("ServiceNow problem matrix: 3×3 → 5 levels, P = I + U − 1", () => {
    expect(SERVICENOW_PRIORITY_MATRIX.toJSON()).toStrictEqual({
      impact: ["1 - High", "2 - Medium", "3 - Low"],
      urgency: ["1 - High", "2 - Medium", "3 - Low"],
      priorities: ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"],
      table: {
        "1 - High": { "1 - High": "1 - Critical", "2 - Medium": "2 - High", "3 - Low": "3 - Moderate" },
        "2 - Medium": { "1 - High": "2 - High", "2 - Medium": "3 - Moderate", "3 - Low": "4 - Low" },
        "3 - Low": { "1 - High": "3 - Moderate", "2 - Medium": "4 - Low", "3 - Low": "5 - Planning" },
      },
    });
    expect(SERVICENOW_PRIORITY_MATRIX.unusedPriorities).toStrictEqual([]);
    // The closed form the research cites holds for every cell.
    SERVICENOW_PRIORITY_MATRIX.impact.forEach((i, ii) =>
      SERVICENOW_PRIORITY_MATRIX.urgency.forEach((u, ui) =>
        expect(SERVICENOW_PRIORITY_MATRIX.lookup(i, u)).toBe(SERVICENOW_PRIORITY_MATRIX.priorities[ii + ui]),
      ),
    );
  });

  it("ServiceNow incident sample: the problem table capped at 4 - Low", () => {
    expect(SERVICENOW_INCIDENT_PRIORITY_MATRIX.table).toStrictEqual({
      "1 - High": { "1 - High": "1 - Critical", "2 - Medium": "2 - High", "3 - Low": "3 - Moderate" },
      "2 - Medium": { "1 - High": "2 - High", "2 - Medium": "3 - Moderate", "3 - Low": "4 - Low" },
      "3 - Low": { "1 - High": "3 - Moderate", "2 - Medium": "4 - Low", "3 - Low": "4 - Low" },
    });
    expect(SERVICENOW_INCIDENT_PRIORITY_MATRIX.unusedPriorities).toStrictEqual(["5 - Planning"]);
  });

  it("ITIL 4×4 → P1–P4", () => {
    expect(ITIL_4X4_PRIORITY_MATRIX.toJSON()).toStrictEqual({
      impact: ["extensive", "significant", "moderate", "minor"],
      urgency: ["critical", "high", "medium", "low"],
      priorities: ["P1", "P2", "P3", "P4"],
      table: {
        extensive: { critical: "P1", high: "P1", medium: "P2", low: "P4" },
        significant: { critical: "P1", high: "P2", medium: "P3", low: "P4" },
        moderate: { critical: "P2", high: "P2", medium: "P3", low: "P4" },
        minor: { critical: "P2", high: "P3", medium: "P3", low: "P4" },
      },
    });
  });

  it("JSM 4×5 with the minor × medium cell raised from Lowest to Low", () => {
    expect(JSM_PRIORITY_MATRIX.toJSON()).toStrictEqual({
      impact: ["extensive", "significant", "moderate", "minor"],
      urgency: ["critical", "high", "medium", "low", "lowest"],
      priorities: ["Highest", "High", "Medium", "Low", "Lowest"],
      table: {
        extensive: { critical: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" },
        significant: { critical: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" },
        moderate: { critical: "High", high: "Medium", medium: "Low", low: "Low", lowest: "Lowest" },
        minor: { critical: "Medium", high: "Low", medium: "Low", low: "Low", lowest: "Lowest" },
      },
    });
    expect(JSM_PRIORITY_MATRIX_FIX).toStrictEqual({ impact: "minor", urgency: "medium", published: "Lowest", fixed: "Low" });
  });

  it("the JSM table as Atlassian published it is rejected at the cell the preset fixes", () => {
    const published = JSM_PRIORITY_MATRIX.toJSON();
    const issues = rejection({ ...published, table: { ...published.table, minor: { ...published.table.minor, medium: "Lowest" } } });
    expect(issues).toStrictEqual([
      {
        code: "non_monotone",
        path: ["table", "minor", "medium"],
        message:
          '"Lowest" is less urgent than table.minor.low ("Low"), whose urgency is less severe; moving impact or urgency toward more severe must never give a less urgent priority ("Low" would fit its neighbours)',
      },
    ]);
  });

  it("presets and their tables are frozen", () => {
    for (const matrix of [SERVICENOW_PRIORITY_MATRIX, SERVICENOW_INCIDENT_PRIORITY_MATRIX, ITIL_4X4_PRIORITY_MATRIX, JSM_PRIORITY_MATRIX]) {
      expect(Object.isFrozen(matrix)).toBe(true);
      expect(Object.isFrozen(matrix.table)).toBe(true);
      expect(Object.values(matrix.table).every(Object.isFrozen)).toBe(true);
      expect(Object.isFrozen(matrix.priorities)).toBe(true);
    }
  });
});

describe("createPriorityMatrix", () => {
  it("looks up a priority", () => {
    const matrix = createPriorityMatrix({
      impact: ["high", "low"],
      urgency: ["high", "low"],
      priorities: ["P1", "P2", "P3"],
      table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } },
    });
    expect([matrix.lookup("high", "high"), matrix.lookup("high", "low"), matrix.lookup("low", "high"), matrix.lookup("low", "low")]).toStrictEqual([
      "P1",
      "P2",
      "P2",
      "P3",
    ]);
  });

  it("lookup is typed by the matrix's own levels, and a literal table must cover every cell", () => {
    // @ts-expect-error "4 - Low" is a priority, not an impact level of this preset
    expect(() => SERVICENOW_PRIORITY_MATRIX.lookup("4 - Low", "1 - High")).toThrow(SupportOpsError);
    const priority: "P1" | "P2" | "P3" | "P4" = ITIL_4X4_PRIORITY_MATRIX.lookup("minor", "low");
    expect(priority).toBe("P4");
    expect(() =>
      createPriorityMatrix({
        impact: ["high", "low"],
        urgency: ["now"],
        priorities: ["P1"],
        // @ts-expect-error the "low" row is missing
        table: { high: { now: "P1" } },
      }),
    ).toThrow(SupportOpsError);
  });

  it("accepts the list-of-cells form and gives back the nested form", () => {
    const matrix = createPriorityMatrix({
      impact: ["high", "low"],
      urgency: ["high", "low"],
      priorities: ["P1", "P2", "P3"],
      table: [
        { impact: "low", urgency: "low", priority: "P3" },
        { impact: "high", urgency: "high", priority: "P1" },
        { impact: "low", urgency: "high", priority: "P2" },
        { impact: "high", urgency: "low", priority: "P2" },
      ],
    });
    expect(matrix.toJSON()).toStrictEqual(small);
  });

  it("does not mutate its input and round-trips through toJSON and JSON text", () => {
    const input = structuredClone(small);
    const matrix = createPriorityMatrix(input);
    expect(input).toStrictEqual(small);
    expect(createPriorityMatrix(JSON.parse(JSON.stringify(matrix)) as PriorityMatrixDefinition).toJSON()).toStrictEqual(small);
  });

  it("accepts a 1×1 table and lists unused priorities", () => {
    const matrix = createPriorityMatrix({ impact: ["any"], urgency: ["any"], priorities: ["P1", "P2"], table: { any: { any: "P2" } } });
    expect(matrix.lookup("any", "any")).toBe("P2");
    expect(matrix.unusedPriorities).toStrictEqual(["P1"]);
  });

  it("lookup rejects unknown levels with invalid_input / unknown_level", () => {
    const matrix = createPriorityMatrix(small);
    const error = (() => {
      try {
        matrix.lookup("huge", "none");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SupportOpsError);
    expect((error as SupportOpsError).code).toBe("invalid_argument");
    expect((error as SupportOpsError).issues).toStrictEqual([
      { code: "unknown_level", path: ["impact"], message: 'impact "huge" is not in this matrix; use one of "high" or "low"' },
      { code: "unknown_level", path: ["urgency"], message: 'urgency "none" is not in this matrix; use one of "high" or "low"' },
    ]);
  });

  it("takes labels that are Object.prototype names, and rejects __proto__ (reserved_label)", () => {
    const matrix = createPriorityMatrix({
      impact: ["constructor", "toString"],
      urgency: ["hasOwnProperty"],
      priorities: ["valueOf"],
      table: { constructor: { hasOwnProperty: "valueOf" }, toString: { hasOwnProperty: "valueOf" } },
    });
    expect(matrix.lookup("toString", "hasOwnProperty")).toBe("valueOf");
    expect(Object.keys(matrix.table)).toStrictEqual(["constructor", "toString"]);
    expect(rejection({ ...small, impact: ["__proto__", "low"] })).toStrictEqual([
      { code: "reserved_label", path: ["impact", 0], message: '"__proto__" cannot be a level label; pick another name' },
    ]);
  });

  it("exports its definition schema to JSON Schema", () => {
    const schema = z.toJSONSchema(PriorityMatrixDefinitionSchema, { io: "input" }) as { required?: string[] };
    expect(schema.required).toStrictEqual(["impact", "urgency", "priorities", "table"]);
  });
});

describe("createPriorityMatrix errors", () => {
  it("duplicate_level", () => {
    expect(rejection({ ...small, urgency: ["high", "low", "high"] })).toStrictEqual([
      { code: "duplicate_level", path: ["urgency", 2], message: '"high" is listed twice (first at [0]); each level appears once, most severe first' },
    ]);
  });

  it("missing_cell: a missing row and a missing cell", () => {
    expect(rejection({ ...small, table: { high: { high: "P1" } } })).toStrictEqual([
      { code: "missing_cell", path: ["table", "high", "low"], message: 'no priority for impact "high" × urgency "low"; use one of "P1", "P2" or "P3"' },
      { code: "missing_cell", path: ["table", "low"], message: 'no row for impact "low"; give a priority for each urgency "high" and "low"' },
    ]);
  });

  it("missing_cell in list form", () => {
    expect(
      rejection({
        ...small,
        table: [
          { impact: "high", urgency: "high", priority: "P1" },
          { impact: "high", urgency: "low", priority: "P2" },
          { impact: "low", urgency: "low", priority: "P3" },
        ],
      }),
    ).toStrictEqual([
      { code: "missing_cell", path: ["table"], message: 'no cell for impact "low" × urgency "high"; add { impact: "low", urgency: "high", priority: … }' },
    ]);
  });

  it("duplicate_cell in list form, even with the same priority", () => {
    expect(
      rejection({
        ...small,
        table: [
          { impact: "high", urgency: "high", priority: "P1" },
          { impact: "high", urgency: "low", priority: "P2" },
          { impact: "low", urgency: "high", priority: "P2" },
          { impact: "low", urgency: "low", priority: "P3" },
          { impact: "high", urgency: "low", priority: "P2" },
        ],
      }),
    ).toStrictEqual([
      { code: "duplicate_cell", path: ["table", 4], message: 'impact "high" × urgency "low" is already given at table[1]; give each pair exactly once' },
    ]);
  });

  it("unknown_level: impact key, urgency key and priority value", () => {
    expect(
      rejection({
        ...small,
        table: { high: { high: "P1", low: "P2", mid: "P2" }, low: { high: "P0", low: "P3" }, medium: { high: "P2", low: "P3" } },
      }),
    ).toStrictEqual([
      { code: "unknown_level", path: ["table", "medium"], message: 'impact "medium" is not declared; use one of "high" or "low"' },
      { code: "unknown_level", path: ["table", "high", "mid"], message: 'urgency "mid" is not declared; use one of "high" or "low"' },
      { code: "unknown_level", path: ["table", "low", "high"], message: 'priority "P0" is not declared; use one of "P1", "P2" or "P3"' },
    ]);
  });

  it("unknown_level in list form names the field", () => {
    const issues = rejection({
      ...small,
      table: [
        { impact: "high", urgency: "high", priority: "P1" },
        { impact: "high", urgency: "low", priority: "P9" },
        { impact: "low", urgency: "high", priority: "P2" },
        { impact: "low", urgency: "soon", priority: "P3" },
      ],
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["unknown_level", ["table", 1, "priority"]],
      ["unknown_level", ["table", 3, "urgency"]],
      ["missing_cell", ["table"]],
    ]);
  });

  it("non_monotone: a cell out of order with two neighbours is named alone, with what would fit", () => {
    expect(rejection({ ...small, table: { high: { high: "P1", low: "P3" }, low: { high: "P2", low: "P2" } } })).toStrictEqual([
      {
        code: "non_monotone",
        path: ["table", "high", "low"],
        message:
          '"P3" is less urgent than table.low.low ("P2"), whose impact is less severe; moving impact or urgency toward more severe must never give a less urgent priority ("P1" or "P2" would fit its neighbours)',
      },
    ]);
    expect(
      rejection({
        impact: ["a", "b", "c"],
        urgency: ["x", "y", "z"],
        priorities: ["P1", "P2", "P3"],
        table: { a: { x: "P1", y: "P2", z: "P2" }, b: { x: "P2", y: "P1", z: "P2" }, c: { x: "P2", y: "P2", z: "P3" } },
      }),
    ).toStrictEqual([
      {
        code: "non_monotone",
        path: ["table", "b", "y"],
        message:
          '"P1" is more urgent than table.a.y ("P2"), whose impact is more severe and more urgent than table.b.x ("P2"), whose urgency is more severe; moving impact or urgency toward more severe must never give a less urgent priority ("P2" would fit its neighbours)',
      },
    ]);
  });

  it("non_monotone: a pair out of order with nothing else is blamed on its more severe cell (the fix that raises)", () => {
    const issues = rejection({
      impact: ["a", "b", "c"],
      urgency: ["x", "y", "z"],
      priorities: ["P1", "P2", "P3"],
      table: { a: { x: "P1", y: "P1", z: "P2" }, b: { x: "P2", y: "P1", z: "P2" }, c: { x: "P2", y: "P2", z: "P3" } },
    });
    expect(issues).toStrictEqual([
      {
        code: "non_monotone",
        path: ["table", "b", "x"],
        message:
          '"P2" is less urgent than table.b.y ("P1"), whose urgency is less severe; moving impact or urgency toward more severe must never give a less urgent priority ("P1" would fit its neighbours)',
      },
    ]);
  });

  it("non_monotone: says so when no priority fits the current neighbours", () => {
    const issues = rejection({
      impact: ["a", "b", "c"],
      urgency: ["x"],
      priorities: ["P1", "P2", "P3"],
      table: { a: { x: "P3" }, b: { x: "P2" }, c: { x: "P1" } },
    });
    expect(issues.map((issue) => issue.path)).toStrictEqual([["table", "b", "x"]]);
    expect(issues[0]?.message).toContain("no priority fits all its neighbours, so fix them too");
  });

  it("non_monotone in list form is reported at the cell's index", () => {
    const issues = rejection({
      ...small,
      table: [
        { impact: "high", urgency: "high", priority: "P3" },
        { impact: "high", urgency: "low", priority: "P2" },
        { impact: "low", urgency: "high", priority: "P2" },
        { impact: "low", urgency: "low", priority: "P3" },
      ],
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toStrictEqual([["non_monotone", ["table", 0]]]);
    expect(issues[0]?.message).toContain("table[1]");
  });

  it("zod shape errors keep their codes and point into the table", () => {
    expect(rejection({ ...small, table: { high: { high: 1 } } }).map((issue) => [issue.code, issue.path])).toStrictEqual([["invalid_type", ["table", "high", "high"]]]);
    expect(rejection({ ...small, table: [{ impact: "high", urgency: "high" }] }).map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["invalid_type", ["table", 0, "priority"]],
    ]);
    expect(rejection({ ...small, impact: [], extra: true }).map((issue) => [issue.code, issue.path])).toStrictEqual([
      ["too_small", ["impact"]],
      ["unrecognized_keys", ["extra"]],
    ]);
    expect(rejection(null).map((issue) => issue.code)).toStrictEqual(["invalid_type"]);
  });
});

describe("blame on a tie", () => {
  it("blames the cell a priority can fix, not a neighbour no priority fits", () => {
    const result = safeCreatePriorityMatrix({
      impact: ["h", "m", "l"],
      urgency: ["h", "l"],
      priorities: ["P1", "P2", "P3", "P4"],
      table: { h: { h: "P2", l: "P3" }, m: { h: "P3", l: "P3" }, l: { h: "P1", l: "P4" } },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0].path).toStrictEqual(["table", "l", "h"]);
    expect(result.error.issues[0].message).toMatch(/"P3" or "P4" would fit its neighbours/);
  });
});

describe("types", () => {
  it("a matrix with literal labels can be used where a plain PriorityMatrix is expected", () => {
    const generic: PriorityMatrix = SERVICENOW_PRIORITY_MATRIX; // checked by `tsc -b`
    expect(generic.lookup("1 - High", "1 - High")).toBe("1 - Critical");
  });
});
