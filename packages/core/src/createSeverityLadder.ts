import type { CoreIssueCode } from "./CoreError.js";
import { z } from "zod";
import { LevelListSchema, listLabels, rankIndex } from "./internal/levels/levelList.js";
import { CoreError } from "./CoreError.js";
import { describeValue } from "./describeValue.js";
import { issuesFromZod, zodErrorMap } from "./issuesFromZod.js";
import { safely, type Issue, type SafeResult } from "./SupportOpsError.js";

/**
 * One rung of a severity ladder: what the level means and what it sets in motion.
 *
 * @example
 * const level: SeverityLevel = PAGERDUTY_SEVERITY_LADDER.level("SEV2");
 * level.label;         // => "SEV-2"
 * level.majorIncident; // => true
 */
export interface SeverityLevel<S extends string = string> {
  /** Stable identifier, e.g. `"SEV1"`. */
  readonly id: S;
  /** How the vendor writes it, e.g. `"SEV-1"`; defaults to the id. */
  readonly label: string;
  /** What impact on the service puts an incident at this level. */
  readonly description: string;
  /** The typical response, when the source gives one. */
  readonly response?: string;
  /** Whether this level counts as a major incident (coordinated response, incident commander). */
  readonly majorIncident: boolean;
}

/**
 * The JSON definition of one severity level; see {@link SeverityLevel}.
 *
 * @example
 * const level: SeverityLevelDefinition = { id: "S1", label: "Sev 1", description: "Service down for everyone", majorIncident: true };
 */
export interface SeverityLevelDefinition<S extends string = string> {
  /** Stable identifier, e.g. `"SEV1"`. */
  readonly id: S;
  /** Display label; defaults to the id. */
  readonly label?: string;
  /** What impact on the service puts an incident at this level. */
  readonly description: string;
  /** The typical response. */
  readonly response?: string;
  /** Whether this level counts as a major incident; default `false`. */
  readonly majorIncident?: boolean;
}

/**
 * The JSON definition of a severity ladder: levels most severe first, and optionally a severity →
 * priority mapping over a declared priority list (most urgent first).
 *
 * @example
 * const definition: SeverityLadderDefinition = {
 *   name: "ours",
 *   levels: [
 *     { id: "S1", description: "Service down for everyone", majorIncident: true },
 *     { id: "S2", description: "Degraded for some" },
 *   ],
 *   priorities: ["P1", "P2"],
 *   toPriority: { S1: "P1", S2: "P2" },
 * };
 * createSeverityLadder(definition).priorityFor("S2"); // => "P2"
 */
export interface SeverityLadderDefinition<S extends string = string> {
  /** A name for people, e.g. `"PagerDuty"`. */
  readonly name: string;
  /** Where the definitions come from (a URL or citation). */
  readonly source?: string;
  /** The levels, most severe first. */
  readonly levels: ReadonlyArray<SeverityLevelDefinition<S>>;
  /** Priority labels, most urgent first; required with `toPriority`. */
  readonly priorities?: ReadonlyArray<string>;
  /** The default priority of a ticket at each severity; must cover every level and be monotone. */
  readonly toPriority?: { readonly [K in S]: string };
}

/**
 * A validated, frozen severity ladder: impact on the service, most severe first. Severity is a
 * separate axis from priority (order of work); a ladder may carry a default mapping between them.
 *
 * @example
 * const ladder: SeverityLadder = PAGERDUTY_SEVERITY_LADDER;
 * ladder.ids[0]; // => "SEV1"
 */
export interface SeverityLadder<S extends string = string> {
  /** A name for people. */
  readonly name: string;
  /** Where the definitions come from, when known. */
  readonly source?: string;
  /** The levels, most severe first. */
  readonly levels: ReadonlyArray<SeverityLevel<S>>;
  /** The level ids, most severe first (a level list for {@link validateLevelChange} and {@link createImpactRules}). */
  readonly ids: ReadonlyArray<S>;
  /** The priority labels of the mapping, most urgent first; empty without a mapping. */
  readonly priorities: ReadonlyArray<string>;
  /**
   * The level with this id.
   *
   * @throws {@link CoreError} with code `invalid_argument` (issue code `unknown_level`)
   *
   * @example
   * PAGERDUTY_SEVERITY_LADDER.level("SEV2").majorIncident; // => true
   */
  level(id: S): SeverityLevel<S>;
  /**
   * Orders two levels: negative when `a` is more severe than `b`, 0 when equal, positive when less.
   *
   * @throws {@link CoreError} with code `invalid_argument` (issue code `unknown_level`)
   *
   * @example
   * PAGERDUTY_SEVERITY_LADDER.compare("SEV1", "SEV3") < 0;  // => true
   * PAGERDUTY_SEVERITY_LADDER.compare("SEV2", "SEV2");      // => 0
   */
  compare(a: S, b: S): number;
  /**
   * The default priority of a ticket at this severity, or `undefined` when the ladder has no mapping.
   *
   * @throws {@link CoreError} with code `invalid_argument` (issue code `unknown_level`)
   *
   * @example
   * PAGERDUTY_SEVERITY_LADDER.priorityFor("SEV1"); // => undefined (no mapping attached)
   */
  priorityFor(id: S): string | undefined;
  /**
   * The definition as plain JSON that {@link createSeverityLadder} accepts back.
   *
   * @example
   * PAGERDUTY_SEVERITY_LADDER.toJSON().name;          // => "PagerDuty"
   * PAGERDUTY_SEVERITY_LADDER.toJSON().levels.length; // => 5
   */
  toJSON(): SeverityLadderDefinition<S>;
}

const SeverityLevelDefinitionSchema = z.strictObject({
  id: z
    .string()
    .min(1, "a level id must not be empty")
    // A toPriority object keyed by this id would lose it (it sets the prototype instead).
    .refine((id) => id !== "__proto__", { message: '"__proto__" cannot be a level id; pick another name', params: { code: "reserved_label" } }),
  label: z.string().min(1).optional(),
  description: z.string().min(1, "describe what impact puts an incident at this level"),
  response: z.string().min(1).optional(),
  majorIncident: z.boolean().optional(),
});

/**
 * Zod schema of a {@link SeverityLadderDefinition}'s JSON shape (duplicate ids and the mapping's
 * coverage, labels and order are checked by {@link createSeverityLadder}).
 *
 * @example
 * SeverityLadderDefinitionSchema.safeParse({ name: "x", levels: [] }).success; // => false
 */
export const SeverityLadderDefinitionSchema = z.strictObject({
  name: z.string().min(1),
  source: z.string().min(1).optional(),
  levels: z.array(SeverityLevelDefinitionSchema).min(1, "list at least one level, most severe first"),
  priorities: LevelListSchema.optional(),
  toPriority: z.record(z.string(), z.string()).optional(),
});

function fail(issues: ReadonlyArray<Issue<CoreIssueCode>>): never {
  throw new CoreError("invalid_severity_ladder", issues);
}

/**
 * Validates and compiles a custom severity ladder.
 *
 * Checks: at least one level, ids unique (`duplicate_level`); a `toPriority` mapping needs a
 * `priorities` list (`missing_priorities`), must give every level a priority (`missing_cell`), may only
 * use declared ids and priorities (`unknown_level`), and must be monotone: a more severe level never
 * maps to a less urgent priority (`non_monotone`, at the less severe level that is too urgent).
 *
 * @param definition - the JSON definition; it is not mutated
 * @returns a frozen {@link SeverityLadder}
 * @throws {@link CoreError} with code `invalid_severity_ladder`
 * @example
 * const ladder = createSeverityLadder({
 *   name: "ours",
 *   levels: [
 *     { id: "S1", description: "Service down for everyone", majorIncident: true },
 *     { id: "S2", description: "Degraded for some" },
 *   ],
 *   priorities: ["P1", "P2", "P3"],
 *   toPriority: { S1: "P1", S2: "P3" },
 * });
 * ladder.priorityFor("S2"); // => "P3"
 * ladder.compare("S1", "S2") < 0; // => true
 */
export function createSeverityLadder<const S extends string>(definition: SeverityLadderDefinition<S>): SeverityLadder<S> {
  const parsed = SeverityLadderDefinitionSchema.safeParse(definition, { error: zodErrorMap });
  if (!parsed.success) fail(issuesFromZod<CoreIssueCode>(parsed.error));
  const { name, source, levels, priorities, toPriority } = parsed.data;
  const issues: Issue<CoreIssueCode>[] = [];

  const firstIndex = new Map<string, number>();
  levels.forEach((level, index) => {
    const first = firstIndex.get(level.id);
    if (first === undefined) firstIndex.set(level.id, index);
    else issues.push({ code: "duplicate_level", path: ["levels", index, "id"], message: `"${level.id}" is already the id of levels[${first}]; each level appears once, most severe first` });
  });
  const ids = levels.map((level) => level.id);

  if (toPriority !== undefined && priorities === undefined) {
    issues.push({ code: "missing_priorities", path: ["priorities"], message: "toPriority needs the priority labels it maps onto, most urgent first, e.g. priorities: [\"P1\", \"P2\", \"P3\"]" });
  }
  if (toPriority !== undefined && priorities !== undefined) {
    const priorityRank = rankIndex(priorities);
    for (const key of Object.keys(toPriority)) {
      if (!firstIndex.has(key)) issues.push({ code: "unknown_level", path: ["toPriority", key], message: `"${key}" is not a level of this ladder; use one of ${listLabels(ids)}` });
    }
    let previous: { id: string; priority: string; rank: number } | undefined;
    for (const id of ids) {
      const priority = Object.hasOwn(toPriority, id) ? toPriority[id] : undefined;
      if (priority === undefined) {
        issues.push({ code: "missing_cell", path: ["toPriority", id], message: `no priority for "${id}"; use one of ${listLabels(priorities)}` });
        continue;
      }
      const rank = priorityRank.get(priority);
      if (rank === undefined) {
        issues.push({ code: "unknown_level", path: ["toPriority", id], message: `priority "${priority}" is not declared; use one of ${listLabels(priorities)}` });
        continue;
      }
      if (previous !== undefined && rank < previous.rank) {
        issues.push({
          code: "non_monotone",
          path: ["toPriority", id],
          message: `"${priority}" is more urgent than "${previous.priority}", the priority of the more severe "${previous.id}"; a less severe level must map to a priority at most as urgent`,
        });
      }
      previous = { id, priority, rank };
    }
  }
  if (issues.length > 0) fail(issues);

  const compiled = Object.freeze(
    levels.map((level) =>
      Object.freeze({
        id: level.id as S,
        label: level.label ?? level.id,
        description: level.description,
        ...(level.response === undefined ? {} : { response: level.response }),
        majorIncident: level.majorIncident ?? false,
      }),
    ),
  ) as ReadonlyArray<SeverityLevel<S>>;
  const rank = rankIndex(ids);
  const priorityList = Object.freeze(toPriority === undefined ? [] : [...(priorities ?? [])]);
  const mapping = toPriority === undefined ? undefined : new Map(ids.map((id) => [id, toPriority[id]!]));
  const indexOf = (id: S, path: string): number => {
    const index = rank.get(id);
    if (index === undefined) {
      throw new CoreError("invalid_argument", [{ code: "unknown_level", path: [path], message: `${describeValue(id)} is not a level of the ${name} ladder; use one of ${listLabels(ids)}` }]);
    }
    return index;
  };

  const ladder: SeverityLadder<S> = {
    name,
    ...(source === undefined ? {} : { source }),
    levels: compiled,
    ids: Object.freeze(ids as S[]),
    priorities: priorityList,
    level: (id) => compiled[indexOf(id, "id")]!,
    compare: (a, b) => indexOf(a, "a") - indexOf(b, "b"),
    priorityFor: (id) => {
      indexOf(id, "id");
      return mapping?.get(id);
    },
    toJSON: () => ({
      name,
      ...(source === undefined ? {} : { source }),
      levels: compiled.map((level) => ({ ...level })),
      ...(mapping === undefined ? {} : { priorities: [...priorityList], toPriority: Object.fromEntries(mapping) as { [K in S]: string } }),
    }),
  };
  return Object.freeze(ladder);
}

/**
 * {@link createSeverityLadder} without throwing.
 *
 * @param definition - the JSON definition
 * @returns the ladder, or the `invalid_severity_ladder` error the throwing variant would raise
 * @example
 * safeCreateSeverityLadder({ name: "x", levels: [] }).success; // => false
 */
export function safeCreateSeverityLadder<const S extends string>(definition: SeverityLadderDefinition<S>): SafeResult<SeverityLadder<S>, CoreError>;
export function safeCreateSeverityLadder(definition: unknown): SafeResult<SeverityLadder, CoreError>;
export function safeCreateSeverityLadder(definition: unknown): SafeResult<SeverityLadder, CoreError> {
  return safely(CoreError, () => createSeverityLadder(definition as SeverityLadderDefinition));
}
