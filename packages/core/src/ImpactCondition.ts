import { z } from "zod";
import { listLabels } from "./internal/levels/levelList.js";

/**
 * Bounds on a count; every bound given must hold.
 *
 * @example
 * const tenToNinetyNine: NumberTest = { gte: 10, lt: 100 };
 */
export interface NumberTest {
  /** Greater than or equal to. */
  readonly gte?: number;
  /** Strictly greater than. */
  readonly gt?: number;
  /** Less than or equal to. */
  readonly lte?: number;
  /** Strictly less than. */
  readonly lt?: number;
  /** Exactly. */
  readonly eq?: number;
}

/**
 * A test on a free-form label such as a service's criticality; every part given must hold.
 *
 * @example
 * const critical: LabelTest = { in: ["tier-0", "tier-1"] };
 */
export interface LabelTest {
  /** Exactly this label. */
  readonly eq?: string;
  /** One of these labels. */
  readonly in?: ReadonlyArray<string>;
}

/**
 * A test on the ticket's current severity or priority, read on its ordered level list; every part
 * given must hold. An unset level (`null`) is less severe than every level.
 *
 * @example
 * const sev2OrWorse: LevelTest = { atLeast: "SEV2" };
 */
export interface LevelTest {
  /** Exactly this level; `null` for "not set". */
  readonly eq?: string | null;
  /** One of these levels. */
  readonly in?: ReadonlyArray<string>;
  /** Set, and as severe as this level or more. */
  readonly atLeast?: string;
  /** As severe as this level or less (an unset level matches). */
  readonly atMost?: string;
}

/**
 * Tests on individual signals; the condition holds when every test given holds (`{}` always holds).
 * A test on a signal that is absent from the input never holds.
 *
 * @example
 * const conditions: SignalConditions = {
 *   affectedCustomers: { gte: 10 },
 *   serviceCriticality: { in: ["tier-0", "tier-1"] },
 *   severity: { atMost: "SEV3" },
 * };
 */
export interface SignalConditions {
  /** Number of customer accounts affected. */
  readonly affectedCustomers?: NumberTest;
  /** Number of end users affected. */
  readonly affectedUsers?: NumberTest;
  /** Number of child (linked, duplicate) tickets. */
  readonly childTickets?: NumberTest;
  /** Whether the ticket is a security issue: `true` or `false`. */
  readonly security?: boolean;
  /** The affected service's business criticality label. */
  readonly serviceCriticality?: LabelTest;
  /** The ticket's current severity. */
  readonly severity?: LevelTest;
  /** The ticket's current priority. */
  readonly priority?: LevelTest;
}

/**
 * A JSON condition over impact signals: signal tests (all must hold), or exactly one combinator —
 * `all` (every sub-condition holds), `any` (at least one holds), `not` (the sub-condition does not hold).
 *
 * @example
 * const condition: ImpactCondition = { any: [{ affectedCustomers: { gte: 10 } }, { security: true }] };
 */
export type ImpactCondition =
  | { readonly all: ReadonlyArray<ImpactCondition> }
  | { readonly any: ReadonlyArray<ImpactCondition> }
  | { readonly not: ImpactCondition }
  | SignalConditions;

/**
 * The impact signals of a ticket, as of the moment the rules are evaluated. All are optional.
 *
 * @example
 * const signals: ImpactSignals = { affectedCustomers: 12, security: false, serviceCriticality: "tier-1" };
 */
export interface ImpactSignals {
  /** Number of customer accounts affected. */
  readonly affectedCustomers?: number;
  /** Number of end users affected. */
  readonly affectedUsers?: number;
  /** Number of child (linked, duplicate) tickets. */
  readonly childTickets?: number;
  /** Whether the ticket is a security issue. */
  readonly security?: boolean;
  /** The affected service's business criticality label. */
  readonly serviceCriticality?: string;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const NumberTestSchema = z
  .strictObject({ gte: finite.optional(), gt: finite.optional(), lte: finite.optional(), lt: finite.optional(), eq: finite.optional() })
  .refine((test) => Object.keys(test).length > 0, { message: "give at least one of gte, gt, lte, lt, eq", params: { code: "empty_test" } });
const LabelTestSchema = z
  .strictObject({ eq: z.string().optional(), in: z.array(z.string()).min(1).optional() })
  .refine((test) => Object.keys(test).length > 0, { message: "give eq or in", params: { code: "empty_test" } });
const LevelTestSchema = z
  .strictObject({
    eq: z.string().nullable().optional(),
    in: z.array(z.string()).min(1).optional(),
    atLeast: z.string().optional(),
    atMost: z.string().optional(),
  })
  .refine((test) => Object.keys(test).length > 0, { message: "give at least one of eq, in, atLeast, atMost", params: { code: "empty_test" } });

const COMBINATORS = ["all", "any", "not"] as const;

/**
 * Zod schema of an {@link ImpactCondition} (structure only; level names are checked against the level
 * lists by {@link createImpactRules}).
 *
 * @example
 * ImpactConditionSchema.safeParse({ all: [{ affectedCustomers: { gte: 10 } }, { security: true }] }).success; // => true
 * ImpactConditionSchema.safeParse({ affectedCustomer: { gte: 10 } }).success; // => false (unknown signal)
 */
export const ImpactConditionSchema: z.ZodType<ImpactCondition> = z
  .strictObject({
    get all() {
      return z.array(ImpactConditionSchema).min(1, "all needs at least one condition").optional();
    },
    get any() {
      return z.array(ImpactConditionSchema).min(1, "any needs at least one condition").optional();
    },
    get not() {
      return ImpactConditionSchema.optional();
    },
    affectedCustomers: NumberTestSchema.optional(),
    affectedUsers: NumberTestSchema.optional(),
    childTickets: NumberTestSchema.optional(),
    security: z.boolean().optional(),
    serviceCriticality: LabelTestSchema.optional(),
    severity: LevelTestSchema.optional(),
    priority: LevelTestSchema.optional(),
  })
  .superRefine((condition, ctx) => {
    const keys = Object.keys(condition);
    const combinators = keys.filter((key) => (COMBINATORS as ReadonlyArray<string>).includes(key));
    if (combinators.length > 0 && keys.length > 1) {
      ctx.addIssue({
        code: "custom",
        params: { code: "mixed_condition" },
        message: `a condition is either signal tests or exactly one of all/any/not; found ${listLabels(keys, "and")} together — wrap them in { all: [...] }`,
      });
    }
  }) as unknown as z.ZodType<ImpactCondition>;

/**
 * Zod schema of {@link ImpactSignals}: counts are non-negative integers; unknown signals are rejected.
 *
 * @example
 * ImpactSignalsSchema.safeParse({ affectedUsers: 1200, security: false }).success; // => true
 */
export const ImpactSignalsSchema = z.strictObject({
  affectedCustomers: z.number().int().min(0).optional(),
  affectedUsers: z.number().int().min(0).optional(),
  childTickets: z.number().int().min(0).optional(),
  security: z.boolean().optional(),
  serviceCriticality: z.string().optional(),
});

