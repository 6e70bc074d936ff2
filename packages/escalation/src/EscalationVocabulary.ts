import type { PriorityMatrix, SeverityLadder } from "@supportops/core";

/**
 * The priority labels a package carries when no `priorityMatrix` or `priorities` is given: P1 (worked
 * first) to P5, as Opsgenie writes them.
 *
 * @example
 * DEFAULT_ESCALATION_PRIORITIES; // => ["P1", "P2", "P3", "P4", "P5"]
 */
export const DEFAULT_ESCALATION_PRIORITIES = ["P1", "P2", "P3", "P4", "P5"] as const;

/**
 * One of {@link DEFAULT_ESCALATION_PRIORITIES}.
 *
 * @example
 * const priority: DefaultEscalationPriority = "P2";
 */
export type DefaultEscalationPriority = (typeof DEFAULT_ESCALATION_PRIORITIES)[number];

/**
 * A level of the default severity ladder, core's `PAGERDUTY_SEVERITY_LADDER` (SEV1, the most severe,
 * to SEV5).
 *
 * @example
 * const severity: DefaultEscalationSeverity = "SEV2";
 */
export type DefaultEscalationSeverity = "SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5";

/**
 * Which severity and priority labels escalation packages use, and in which order (most severe and
 * most urgent first). Every function that validates or compares severities or priorities takes these
 * options; leave them out for the defaults, SEV1–SEV5 and P1–P5.
 *
 * - `severityLadder`: a ladder from `@supportops/core` (`createSeverityLadder`,
 *   `PAGERDUTY_SEVERITY_LADDER`, `ATLASSIAN_SEVERITY_LADDER`). Its level ids are the accepted
 *   severities; its order ranks them; its `majorIncident` levels are the ones rule E1 asks more of.
 *   Default: `PAGERDUTY_SEVERITY_LADDER`.
 * - `priorityMatrix`: a matrix from `@supportops/core` (`createPriorityMatrix`,
 *   `SERVICENOW_PRIORITY_MATRIX`, `ITIL_4X4_PRIORITY_MATRIX`, `JSM_PRIORITY_MATRIX`, …). Its
 *   `priorities` are the accepted priority labels, in its order; `createEscalationPackage` also checks a
 *   package's priority against it (rule E5).
 * - `priorities`: the priority labels, most urgent first, when there is no matrix. Give a matrix or
 *   the labels, not both. Default: {@link DEFAULT_ESCALATION_PRIORITIES}.
 *
 * @typeParam S - the severity ids
 * @typeParam P - the priority labels
 * @example
 * const vocabulary: EscalationVocabulary<"SEV1" | "SEV2" | "SEV3", "1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning"> = {
 *   severityLadder: ATLASSIAN_SEVERITY_LADDER,
 *   priorityMatrix: SERVICENOW_PRIORITY_MATRIX,
 * };
 * createEscalationPackageSchema(vocabulary).safeParse({ ...input, severity: "SEV2", priority: "2 - High" }).success; // => true
 */
export interface EscalationVocabulary<S extends string = DefaultEscalationSeverity, P extends string = DefaultEscalationPriority> {
  /** The severity ladder; `PAGERDUTY_SEVERITY_LADDER` (SEV1–SEV5) when omitted. */
  readonly severityLadder?: SeverityLadder<S>;
  /** The priority matrix whose `priorities` are the priority labels (and, when creating a package, rule E5's table). */
  readonly priorityMatrix?: PriorityMatrix<string, string, P>;
  /** The priority labels, most urgent first, when there is no matrix; P1–P5 when both are omitted. */
  readonly priorities?: ReadonlyArray<P>;
}
