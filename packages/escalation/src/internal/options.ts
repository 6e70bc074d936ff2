/** Validation of options objects and of the severity/priority vocabulary they may carry. */
import { PAGERDUTY_SEVERITY_LADDER, describeValue, parseWithSchema, type PriorityMatrix } from "@supportops/core";
import { z } from "zod";
import { EscalationError, type EscalationIssueCode } from "../EscalationError.js";
import { DEFAULT_ESCALATION_PRIORITIES, type EscalationVocabulary } from "../EscalationVocabulary.js";
import { listLabels } from "./formats.js";

const functionSchema = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", { message: "expected a function" });

function uniqueLabels(labels: ReadonlyArray<string>, ctx: z.RefinementCtx<unknown>, pathOf: (index: number) => Array<string | number>): void {
  const seen = new Map<string, number>();
  labels.forEach((label, index) => {
    const first = seen.get(label);
    if (first === undefined) seen.set(label, index);
    else ctx.addIssue({ code: "custom", path: pathOf(index), message: `${JSON.stringify(label)} is listed twice (first at ${first}); list each label once`, params: { code: "duplicate_level" } });
  });
}

const SeverityLadderLikeSchema = z
  .looseObject(
    {
      name: z.string(),
      levels: z.array(z.looseObject({ id: z.string().min(1), majorIncident: z.boolean() })).min(1),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? `expected a severity ladder from @supportops/core (createSeverityLadder, PAGERDUTY_SEVERITY_LADDER, ATLASSIAN_SEVERITY_LADDER), got ${describeValue(issue.input)}`
          : undefined,
    },
  )
  .superRefine((ladder, ctx) => uniqueLabels(ladder.levels.map((level) => level.id), ctx, (index) => ["levels", index, "id"]));

const labelList = z.array(z.string().min(1)).min(1);

const PriorityMatrixLikeSchema = z
  .looseObject(
    { impact: labelList, urgency: labelList, priorities: labelList, lookup: functionSchema },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? `expected a priority matrix from @supportops/core (createPriorityMatrix, or a preset such as SERVICENOW_PRIORITY_MATRIX), got ${describeValue(issue.input)}`
          : undefined,
    },
  )
  .superRefine((matrix, ctx) => uniqueLabels(matrix.priorities, ctx, (index) => ["priorities", index]));

const PriorityListSchema = labelList.superRefine((labels, ctx) => uniqueLabels(labels, ctx, (index) => [index]));

/** The option keys every vocabulary-aware function accepts (see {@link EscalationVocabulary}). */
export const VOCABULARY_OPTIONS = {
  severityLadder: SeverityLadderLikeSchema.optional(),
  priorityMatrix: PriorityMatrixLikeSchema.optional(),
  priorities: PriorityListSchema.optional(),
} as const;

/** Refinement of an options object with {@link VOCABULARY_OPTIONS}: a matrix or a priority list, not both. */
export function noConflictingPriorities(options: { readonly priorityMatrix?: unknown; readonly priorities?: unknown }, ctx: z.RefinementCtx<unknown>): void {
  if (options.priorityMatrix !== undefined && options.priorities !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["priorities"],
      message: "give priorityMatrix or priorities, not both: a matrix's priorities are the priority labels",
      params: { code: "conflicting_options" },
    });
  }
}

/**
 * Checks an options argument: an object (else an `invalid_argument` error whose message shows the
 * call), valid for `schema` (else `invalid_argument` with every issue). Returns the caller's own object,
 * so ladders and matrices keep their identity and methods; option schemas therefore never transform.
 */
export function checkOptions<T>(schema: z.ZodType, options: unknown, usage: string): T {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new EscalationError("invalid_argument", [
      { code: "invalid_type", path: [], message: `expected an options object, got ${describeValue(options)}; call it as ${usage}` },
    ]);
  }
  const parsed = parseWithSchema<z.ZodType, EscalationIssueCode>(schema, options);
  if (!parsed.success) throw new EscalationError("invalid_argument", parsed.issues);
  return options as T;
}

/** A vocabulary after validation: the labels, their order, and where they came from (for messages). */
export interface ResolvedVocabulary {
  /** The ladder's name, for messages. */
  readonly ladderName: string;
  /** Severity ids, most severe first. */
  readonly severities: readonly [string, ...string[]];
  /** The ladder's major-incident levels (rule E1). */
  readonly majorSeverities: ReadonlySet<string>;
  /** Priority labels, most urgent first. */
  readonly priorities: readonly [string, ...string[]];
  /** Where the priority labels come from, for messages: "the priority matrix's", … */
  readonly prioritySource: string;
  /** The matrix, when one was given. */
  readonly matrix: PriorityMatrix | undefined;
  /** Identifies the vocabulary's labels and major levels, for caching what is built from them. */
  readonly key: string;
}

function asTuple(labels: ReadonlyArray<string>): readonly [string, ...string[]] {
  const [first, ...rest] = labels;
  // The schemas above require at least one label; core's ladders and matrices always have one.
  if (first === undefined) throw new EscalationError("invalid_argument", [{ code: "too_small", path: [], message: "expected at least one label" }]);
  return [first, ...rest];
}

/** The labels of a validated {@link EscalationVocabulary}, defaults filled in. */
export function resolveVocabulary(options: EscalationVocabulary<string, string> | undefined): ResolvedVocabulary {
  const ladder = options?.severityLadder ?? PAGERDUTY_SEVERITY_LADDER;
  const matrix = options?.priorityMatrix;
  const severities = asTuple(ladder.levels.map((level) => level.id));
  const majorSeverities = new Set(ladder.levels.filter((level) => level.majorIncident).map((level) => level.id));
  const priorities = asTuple(matrix?.priorities ?? options?.priorities ?? DEFAULT_ESCALATION_PRIORITIES);
  const prioritySource =
    matrix !== undefined
      ? "of the priority matrix"
      : options?.priorities !== undefined
        ? "of the configured priorities"
        : "of the default priorities (pass priorityMatrix or priorities to use your own labels)";
  return {
    ladderName: ladder.name,
    severities,
    majorSeverities,
    priorities,
    prioritySource,
    matrix,
    key: JSON.stringify([severities, [...majorSeverities], priorities, ladder.name, prioritySource]),
  };
}

/** The message for a label that is not in `labels`. */
export function notALabel(value: unknown, what: string, labels: ReadonlyArray<string>): string {
  return value === undefined ? `${what} is required; use one of ${listLabels(labels)}` : `${describeValue(value)} is not ${what}; use one of ${listLabels(labels)}`;
}

