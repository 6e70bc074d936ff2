/**
 * The names of the content checks a rubric level can require (see `ESCALATION_CHECKS` for what each
 * means).
 *
 * @example
 * ESCALATION_CHECK_IDS.includes("repro.steps"); // => true
 */
export const ESCALATION_CHECK_IDS = [
  "repro.any_step",
  "repro.steps",
  "repro.steps_specific",
  "repro.reproducible",
  "repro.verified",
  "ea.any",
  "ea.both",
  "ea.specific",
  "ea.error_text",
  "env.environment",
  "env.version",
  "env.platform",
  "env.config",
  "evidence.any",
  "evidence.rich",
  "evidence.in_window",
  "corr.any",
  "corr.first_seen",
  "corr.ids",
  "corr.last_seen",
  "corr.dedup",
  "impact.counts",
  "impact.money_or_sla",
  "impact.breadth",
  "ask.present",
  "ask.specific",
  "ask.need_by",
  "ask.reason",
  "tried.any",
  "tried.results",
  "tried.ruled_out",
  "sanitize.no_secrets",
  "sanitize.no_pii",
  "sanitize.linkable",
] as const;

/**
 * The name of a check in {@link ESCALATION_CHECK_IDS}.
 *
 * @example
 * const check: EscalationCheckId = "sanitize.no_pii";
 * ESCALATION_CHECK_IDS.includes(check); // => true
 */
export type EscalationCheckId = (typeof ESCALATION_CHECK_IDS)[number];
