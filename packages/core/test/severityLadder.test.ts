import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import {
  ATLASSIAN_SEVERITY_LADDER,
  PAGERDUTY_SEVERITY_LADDER,
  SupportOpsError,
  createSeverityLadder,
  safeCreateSeverityLadder,
  type Issue,
  type SeverityLadderDefinition,
} from "@supportops/core";

function rejection(definition: unknown): ReadonlyArray<Issue> {
  const result = safeCreateSeverityLadder(definition as SeverityLadderDefinition);
  if (result.success) throw new Error("expected the ladder to be rejected");
  expect(result.error).toBeInstanceOf(SupportOpsError);
  expect(result.error.code).toBe("invalid_severity_ladder");
  return result.error.issues;
}

const thrown = (fn: () => unknown): SupportOpsError => thrownBy(SupportOpsError, fn);

const threeLevels: SeverityLadderDefinition = {
  name: "ours",
  levels: [
    { id: "S1", description: "Down for everyone", majorIncident: true },
    { id: "S2", description: "Degraded for some" },
    { id: "S3", description: "Cosmetic" },
  ],
};

describe("severity ladder presets", () => {
  it("PagerDuty: SEV1–SEV5, SEV1 and SEV2 are major incidents, no priority mapping", () => {
    expect(PAGERDUTY_SEVERITY_LADDER.ids).toStrictEqual(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]);
    expect(PAGERDUTY_SEVERITY_LADDER.levels.map((level) => [level.id, level.label, level.majorIncident])).toStrictEqual([
      ["SEV1", "SEV-1", true],
      ["SEV2", "SEV-2", true],
      ["SEV3", "SEV-3", false],
      ["SEV4", "SEV-4", false],
      ["SEV5", "SEV-5", false],
    ]);
    expect(PAGERDUTY_SEVERITY_LADDER.levels.every((level) => level.description.length > 20 && (level.response?.length ?? 0) > 10)).toBe(true);
    expect(PAGERDUTY_SEVERITY_LADDER.level("SEV5")).toStrictEqual({
      id: "SEV5",
      label: "SEV-5",
      description: "Cosmetic issues or bugs that do not affect the immediate ability to use the system.",
      response: "A ticket in the tracker.",
      majorIncident: false,
    });
    expect(PAGERDUTY_SEVERITY_LADDER.priorities).toStrictEqual([]);
    expect(PAGERDUTY_SEVERITY_LADDER.priorityFor("SEV1")).toBeUndefined();
    expect(PAGERDUTY_SEVERITY_LADDER.source).toBe("https://response.pagerduty.com/before/severity_levels/");
  });

  it("Atlassian: SEV1–SEV3", () => {
    expect(ATLASSIAN_SEVERITY_LADDER.levels.map((level) => [level.id, level.label, level.majorIncident])).toStrictEqual([
      ["SEV1", "SEV 1", true],
      ["SEV2", "SEV 2", true],
      ["SEV3", "SEV 3", false],
    ]);
    expect(ATLASSIAN_SEVERITY_LADDER.level("SEV3").description).toBe("Minor incident with low impact.");
  });

  it("compares levels, most severe first", () => {
    expect(PAGERDUTY_SEVERITY_LADDER.compare("SEV1", "SEV3")).toBe(-2);
    expect(PAGERDUTY_SEVERITY_LADDER.compare("SEV4", "SEV4")).toBe(0);
    expect(ATLASSIAN_SEVERITY_LADDER.compare("SEV3", "SEV2")).toBe(1);
  });

  it("presets are frozen, deeply", () => {
    for (const ladder of [PAGERDUTY_SEVERITY_LADDER, ATLASSIAN_SEVERITY_LADDER]) {
      expect(Object.isFrozen(ladder)).toBe(true);
      expect(Object.isFrozen(ladder.levels)).toBe(true);
      expect(ladder.levels.every(Object.isFrozen)).toBe(true);
      expect(Object.isFrozen(ladder.ids)).toBe(true);
    }
  });

  it("a preset plus a priority mapping makes a custom ladder", () => {
    const ladder = createSeverityLadder({
      ...PAGERDUTY_SEVERITY_LADDER.toJSON(),
      priorities: ["P1", "P2", "P3", "P4", "P5"],
      toPriority: { SEV1: "P1", SEV2: "P1", SEV3: "P2", SEV4: "P3", SEV5: "P5" },
    });
    expect(PAGERDUTY_SEVERITY_LADDER.ids.map((id) => ladder.priorityFor(id))).toStrictEqual(["P1", "P1", "P2", "P3", "P5"]);
    expect(ladder.levels).toStrictEqual(PAGERDUTY_SEVERITY_LADDER.levels);
  });
});

describe("createSeverityLadder", () => {
  it("defaults label to the id and majorIncident to false, and round-trips through toJSON", () => {
    const ladder = createSeverityLadder({ ...threeLevels, priorities: ["high", "low"], toPriority: { S1: "high", S2: "high", S3: "low" } });
    expect(ladder.level("S2")).toStrictEqual({ id: "S2", label: "S2", description: "Degraded for some", majorIncident: false });
    expect(ladder.toJSON()).toStrictEqual({
      name: "ours",
      levels: [
        { id: "S1", label: "S1", description: "Down for everyone", majorIncident: true },
        { id: "S2", label: "S2", description: "Degraded for some", majorIncident: false },
        { id: "S3", label: "S3", description: "Cosmetic", majorIncident: false },
      ],
      priorities: ["high", "low"],
      toPriority: { S1: "high", S2: "high", S3: "low" },
    });
    expect(createSeverityLadder(ladder.toJSON()).toJSON()).toStrictEqual(ladder.toJSON());
  });

  it("rejects unknown ids in level, compare and priorityFor with invalid_input / unknown_level", () => {
    const error = thrown(() => PAGERDUTY_SEVERITY_LADDER.level("SEV9" as "SEV1"));
    expect(error.code).toBe("invalid_argument");
    expect(error.issues).toStrictEqual([
      { code: "unknown_level", path: ["id"], message: '"SEV9" is not a level of the PagerDuty ladder; use one of "SEV1", "SEV2", "SEV3", "SEV4" or "SEV5"' },
    ]);
    expect(thrown(() => ATLASSIAN_SEVERITY_LADDER.compare("SEV1", "SEV4" as "SEV1")).issues[0].path).toStrictEqual(["b"]);
    expect(thrown(() => ATLASSIAN_SEVERITY_LADDER.priorityFor("sev1" as "SEV1")).code).toBe("invalid_argument");
  });
});

describe("createSeverityLadder errors", () => {
  it("duplicate_level", () => {
    expect(rejection({ ...threeLevels, levels: [...threeLevels.levels, { id: "S2", description: "again" }] })).toStrictEqual([
      { code: "duplicate_level", path: ["levels", 3, "id"], message: '"S2" is already the id of levels[1]; each level appears once, most severe first' },
    ]);
  });

  it("missing_priorities", () => {
    expect(rejection({ ...threeLevels, toPriority: { S1: "P1", S2: "P2", S3: "P3" } })).toStrictEqual([
      {
        code: "missing_priorities",
        path: ["priorities"],
        message: 'toPriority needs the priority labels it maps onto, most urgent first, e.g. priorities: ["P1", "P2", "P3"]',
      },
    ]);
  });

  it("missing_cell and unknown_level in the mapping", () => {
    expect(rejection({ ...threeLevels, priorities: ["P1", "P2"], toPriority: { S1: "P1", S3: "P7", S9: "P2" } })).toStrictEqual([
      { code: "unknown_level", path: ["toPriority", "S9"], message: '"S9" is not a level of this ladder; use one of "S1", "S2" or "S3"' },
      { code: "missing_cell", path: ["toPriority", "S2"], message: 'no priority for "S2"; use one of "P1" or "P2"' },
      { code: "unknown_level", path: ["toPriority", "S3"], message: 'priority "P7" is not declared; use one of "P1" or "P2"' },
    ]);
  });

  it("non_monotone: a less severe level mapped to a more urgent priority", () => {
    expect(rejection({ ...threeLevels, priorities: ["P1", "P2", "P3"], toPriority: { S1: "P1", S2: "P3", S3: "P2" } })).toStrictEqual([
      {
        code: "non_monotone",
        path: ["toPriority", "S3"],
        message: '"P2" is more urgent than "P3", the priority of the more severe "S2"; a less severe level must map to a priority at most as urgent',
      },
    ]);
  });

  it("reserved_label: __proto__ as an id", () => {
    expect(rejection({ name: "x", levels: [{ id: "__proto__", description: "d" }] })).toStrictEqual([
      { code: "reserved_label", path: ["levels", 0, "id"], message: '"__proto__" cannot be a level id; pick another name' },
    ]);
  });

  it("zod shape errors", () => {
    expect(rejection({ name: "x", levels: [] }).map((issue) => [issue.code, issue.path])).toStrictEqual([["too_small", ["levels"]]]);
    expect(rejection({ name: "x", levels: [{ id: "S1" }] }).map((issue) => [issue.code, issue.path])).toStrictEqual([["invalid_type", ["levels", 0, "description"]]]);
    expect(rejection({ ...threeLevels, priorities: ["P1", "P1"] }).map((issue) => [issue.code, issue.path])).toStrictEqual([["duplicate_level", ["priorities", 1]]]);
  });
});
