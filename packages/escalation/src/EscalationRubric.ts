import { z } from "zod";
import { ESCALATION_KINDS } from "./EscalationPackageSchema.js";
import { ESCALATION_CHECK_IDS, type EscalationCheckId } from "./EscalationCheckId.js";
import { frozen } from "./internal/frozen.js";
import { CHECKS } from "./internal/scoring/checks.js";

/**
 * The content checks a rubric level can require, by name, with what each means. Each one looks at
 * what the package says — counts, formats, specificity — not only at which fields are filled in.
 *
 * @example
 * ESCALATION_CHECKS["repro.steps"]; // => "at least two numbered reproduction steps"
 */
export const ESCALATION_CHECKS: Readonly<Record<EscalationCheckId, string>> = Object.freeze(
  Object.fromEntries(Object.entries(CHECKS).map(([id, check]) => [id, check.description])) as Record<EscalationCheckId, string>,
);

const checkId = z.enum(ESCALATION_CHECK_IDS, { message: "unknown check; use a name from ESCALATION_CHECK_IDS" });

/**
 * The schema of a rubric: weighted dimensions, each with levels 2–5 that name the checks a package
 * must pass to earn them (level 1 is what is left), and an optional gate that caps the total.
 *
 * @example
 * EscalationRubricSchema.safeParse(DEFAULT_ESCALATION_RUBRIC).success; // => true
 */
export const EscalationRubricSchema = frozen(
  z
  .object({
    dimensions: frozen(
      z
        .array(
          frozen(
            z.object({
              id: z.string().regex(/^[a-z][a-z0-9_-]*$/, "a dimension id is lower-case letters, digits, _ and -"),
              label: z.string().min(1),
              weight: z.number().positive().finite(),
              appliesTo: frozen(z.array(z.enum(ESCALATION_KINDS)).min(1)).optional(),
              levels: frozen(z.array(frozen(z.object({ score: z.int().min(2).max(5), requires: frozen(z.array(checkId).min(1)) }))).min(1)),
            }),
          ),
        )
        .min(1),
    ),
    gate: frozen(z.object({ dimension: z.string(), atOrBelow: z.int().min(1).max(4) })).optional(),
  })
  .superRefine((rubric, ctx) => {
    const ids = new Set<string>();
    rubric.dimensions.forEach((dimension, index) => {
      if (ids.has(dimension.id)) ctx.addIssue({ code: "custom", path: ["dimensions", index, "id"], message: `dimension ${dimension.id} appears twice`, params: { code: "duplicate_dimension" } });
      ids.add(dimension.id);
      const scores = dimension.levels.map((level) => level.score);
      if (new Set(scores).size !== scores.length) ctx.addIssue({ code: "custom", path: ["dimensions", index, "levels"], message: "each level score may appear once", params: { code: "duplicate_score" } });
    });
    for (const kind of ESCALATION_KINDS) {
      if (!rubric.dimensions.some((dimension) => dimension.appliesTo === undefined || dimension.appliesTo.includes(kind))) {
        ctx.addIssue({ code: "custom", path: ["dimensions"], message: `no dimension applies to ${kind} packages, so they could not be scored; give one dimension no appliesTo, or include "${kind}"`, params: { code: "uncovered_kind" } });
      }
    }
    if (rubric.gate !== undefined && !ids.has(rubric.gate.dimension)) {
      ctx.addIssue({ code: "custom", path: ["gate", "dimension"], message: `the gate names ${rubric.gate.dimension}, which is not a dimension`, params: { code: "unknown_dimension" } });
    }
  }),
);

/**
 * A rubric: data, replaceable, validated by {@link EscalationRubricSchema}.
 *
 * @example
 * const rubric: EscalationRubric = DEFAULT_ESCALATION_RUBRIC;
 * rubric.dimensions.length; // => 9
 * rubric.gate;              // => { dimension: "sanitisation", atOrBelow: 1 }
 */
export type EscalationRubric = z.output<typeof EscalationRubricSchema>;

const ALL_BUT_QUESTIONS = ESCALATION_KINDS.filter((kind) => kind !== "question");

/**
 * The default rubric: nine dimensions, weights summing to 1, and the
 * sanitisation gate (Sanitisation at 1 caps the total at 1). Reproducibility and expected-vs-actual
 * do not apply to questions; the remaining weights are renormalised.
 *
 * @example
 * DEFAULT_ESCALATION_RUBRIC.dimensions.map((d) => d.id).at(-1); // => "sanitisation"
 */
export const DEFAULT_ESCALATION_RUBRIC: EscalationRubric = EscalationRubricSchema.parse({
  dimensions: [
    {
      id: "reproducibility",
      label: "Reproducibility",
      weight: 0.2,
      appliesTo: ALL_BUT_QUESTIONS,
      levels: [
        { score: 5, requires: ["repro.steps", "repro.steps_specific", "repro.reproducible", "repro.verified"] },
        { score: 4, requires: ["repro.steps", "repro.steps_specific", "repro.reproducible"] },
        { score: 3, requires: ["repro.steps"] },
        { score: 2, requires: ["repro.any_step"] },
      ],
    },
    {
      id: "expected_actual",
      label: "Expected vs actual",
      weight: 0.1,
      appliesTo: ALL_BUT_QUESTIONS,
      levels: [
        { score: 5, requires: ["ea.both", "ea.specific", "ea.error_text"] },
        { score: 4, requires: ["ea.both", "ea.specific"] },
        { score: 3, requires: ["ea.both"] },
        { score: 2, requires: ["ea.any"] },
      ],
    },
    {
      id: "environment",
      label: "Environment & version",
      weight: 0.1,
      levels: [
        { score: 5, requires: ["env.environment", "env.version", "env.platform", "env.config"] },
        { score: 4, requires: ["env.environment", "env.version", "env.platform"] },
        { score: 3, requires: ["env.environment", "env.version"] },
        { score: 2, requires: ["env.environment"] },
      ],
    },
    {
      id: "evidence",
      label: "Evidence",
      weight: 0.15,
      levels: [
        { score: 5, requires: ["evidence.rich", "evidence.in_window"] },
        { score: 4, requires: ["evidence.rich"] },
        { score: 3, requires: ["evidence.any"] },
      ],
    },
    {
      id: "correlation",
      label: "Correlation & time",
      weight: 0.1,
      levels: [
        { score: 5, requires: ["corr.first_seen", "corr.ids", "corr.last_seen", "corr.dedup"] },
        { score: 4, requires: ["corr.first_seen", "corr.ids"] },
        { score: 3, requires: ["corr.first_seen"] },
        { score: 2, requires: ["corr.any"] },
      ],
    },
    {
      id: "impact",
      label: "Impact quantification",
      weight: 0.15,
      levels: [
        { score: 5, requires: ["impact.counts", "impact.money_or_sla", "impact.breadth"] },
        { score: 4, requires: ["impact.counts", "impact.money_or_sla"] },
        { score: 3, requires: ["impact.counts"] },
      ],
    },
    {
      id: "ask",
      label: "Ask & urgency",
      weight: 0.1,
      levels: [
        { score: 5, requires: ["ask.specific", "ask.need_by", "ask.reason"] },
        { score: 4, requires: ["ask.specific"] },
        { score: 3, requires: ["ask.present"] },
      ],
    },
    {
      id: "tried",
      label: "What's been tried",
      weight: 0.05,
      levels: [
        { score: 5, requires: ["tried.results", "tried.ruled_out"] },
        { score: 4, requires: ["tried.results"] },
        { score: 3, requires: ["tried.any"] },
      ],
    },
    {
      id: "sanitisation",
      label: "Sanitisation",
      weight: 0.05,
      levels: [
        { score: 5, requires: ["sanitize.no_secrets", "sanitize.no_pii", "sanitize.linkable"] },
        { score: 3, requires: ["sanitize.no_secrets", "sanitize.no_pii"] },
      ],
    },
  ],
  gate: { dimension: "sanitisation", atOrBelow: 1 },
});

/**
 * The JSON Schema (draft 2020-12) of a rubric, for rubrics kept outside TypeScript. Uniqueness of
 * dimension ids and level scores, and the gate's dimension, are checked by {@link scoreEscalation}.
 *
 * @returns a JSON Schema object
 * @example
 * escalationRubricJsonSchema().required; // => ["dimensions"]
 */
export function escalationRubricJsonSchema(): z.core.JSONSchema.JSONSchema {
  return z.toJSONSchema(EscalationRubricSchema, {
    io: "input",
    override: (ctx) => {
      delete ctx.jsonSchema.readOnly;
    },
  });
}
