import { PII_ENTITY_TYPES, SECRET_ENTITY_TYPES } from "../../RedactionEntityType.js";
import type { EscalationPackage } from "../../EscalationPackageSchema.js";

type Pkg = EscalationPackage<string, string>;
import { redact } from "../../redact.js";
import type { EscalationCheckId } from "../../EscalationCheckId.js";
import { normalizeProse } from "../formats.js";

/** What every check of one scoring run can share: the package and its (lazily computed) scan. */
export interface CheckContext {
  readonly pkg: Pkg;
  /** Counts of raw secrets and PII found in the package's prose, computed once per run. */
  scan(): { readonly secrets: number; readonly pii: number; readonly bareMasks: number };
}

const words = (text: string | undefined): number => (text === undefined ? 0 : text.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);

const GENERIC_ASK = /^(?:please\s+)?(?:fix|help|look(?:\s+into)?|check|investigate|escalate|urgent|asap)(?:\s+(?:this|it|asap|urgently|now|please|the\s+issue|the\s+problem))*\s*[.!]*$/i;
const VAGUE = new Set(["unknown", "n/a", "na", "none", "?", "-", "tbd", "not sure", "unsure"]);
const ERROR_SIGNATURE = /\b(?:HTTP\s*)?[45]\d\d\b|\b[A-Z][A-Za-z]*(?:Error|Exception|Fault)\b|\bE[A-Z]{3,}\b|\b(?:errno|exit code|status code)\b/;
const RICH_EVIDENCE = new Set(["stacktrace", "log", "trace", "har"]);
const HOUR = 3_600_000;

/** The prose fields a person wrote, where raw personal data or secrets could hide. */
function proseOf(pkg: Pkg): string[] {
  const out: Array<string | undefined> = [
    pkg.summary, pkg.expected, pkg.actual, pkg.errorText, pkg.ask, pkg.workaround, pkg.frequency,
    pkg.businessUrgency.reason, pkg.priorityOverride?.reason,
    pkg.customerComms?.summary, pkg.customerComms?.expectation,
    ...(pkg.reproSteps ?? []).map((s) => s.action),
    ...pkg.attempts.flatMap((a) => [a.action, a.result]),
    ...(pkg.ruledOut ?? []),
    ...(pkg.evidence ?? []).flatMap((e) => [e.title, e.inline]),
  ];
  return out.filter((s): s is string => s !== undefined);
}

const SECRET = new Set<string>(SECRET_ENTITY_TYPES);
const BARE_PII_MASK = new RegExp(`\\[(?:${PII_ENTITY_TYPES.map((t) => t.toUpperCase()).join("|")})(?: \\*{4}\\d{4})?\\]`);

/** Scans the package's prose with `redact` (secrets first, then PII) and counts what it would replace. */
export function scanPackage(pkg: Pkg): { secrets: number; pii: number; bareMasks: number } {
  const prose = proseOf(pkg);
  const { report } = redact(prose);
  let secrets = 0;
  let pii = 0;
  for (const [type, n] of Object.entries(report.counts)) {
    if (SECRET.has(type)) secrets += n ?? 0;
    else pii += n ?? 0;
  }
  const bareMasks = prose.filter((text) => BARE_PII_MASK.test(text)).length;
  return { secrets, pii, bareMasks };
}

/** A content check: a name, what it means (shown in `reasons` and `missing`), and its test. */
export interface CheckImplementation {
  readonly description: string;
  readonly test: (ctx: CheckContext) => boolean;
}

function evidenceWindow(pkg: Pkg): [number, number] {
  const reported = pkg.reportedAt;
  const first = pkg.firstSeenAt ?? reported - 24 * HOUR;
  const last = pkg.lastSeenAt ?? reported;
  return [first - HOUR, Math.max(last, reported) + HOUR];
}

/** The check catalogue. Every check is monotone in added evidence: adding clean evidence never fails a passing check. */
export const CHECKS = {
  "repro.any_step": { description: "at least one reproduction step", test: ({ pkg }) => (pkg.reproSteps?.length ?? 0) >= 1 },
  "repro.steps": { description: "at least two numbered reproduction steps", test: ({ pkg }) => (pkg.reproSteps?.length ?? 0) >= 2 },
  "repro.steps_specific": {
    description: "every step names a concrete action (three words or more)",
    test: ({ pkg }) => (pkg.reproSteps?.length ?? 0) >= 2 && (pkg.reproSteps ?? []).every((s) => words(s.action) >= 3),
  },
  "repro.reproducible": {
    description: "reproducibility stated as always, or intermittent with a frequency",
    test: ({ pkg }) => pkg.reproducible === "always" || (pkg.reproducible === "intermittent" && words(pkg.frequency) >= 1),
  },
  "repro.verified": { description: "support reproduced it (reproVerifiedBySupport)", test: ({ pkg }) => pkg.reproVerifiedBySupport === true },

  "ea.any": { description: "expected or actual behaviour described", test: ({ pkg }) => words(pkg.expected) + words(pkg.actual) > 0 },
  "ea.both": {
    description: "expected and actual behaviour both described, and different",
    test: ({ pkg }) => words(pkg.expected) > 0 && words(pkg.actual) > 0 && normalizeProse(pkg.expected ?? "") !== normalizeProse(pkg.actual ?? ""),
  },
  "ea.specific": {
    description: "expected and actual are precise (six words or more each)",
    test: ({ pkg }) => words(pkg.expected) >= 6 && words(pkg.actual) >= 6,
  },
  "ea.error_text": {
    description: "the exact error text (errorText, or an error code or exception name in actual)",
    test: ({ pkg }) => words(pkg.errorText) > 0 || ERROR_SIGNATURE.test(pkg.actual ?? ""),
  },

  "env.environment": {
    description: "a named environment",
    test: ({ pkg }) => !VAGUE.has(pkg.environment.trim().toLowerCase()),
  },
  "env.version": {
    description: "the release (with a version number) or build id",
    test: ({ pkg }) => /\d/.test(pkg.release ?? "") || words(pkg.buildId) > 0,
  },
  "env.platform": { description: "the platform (OS, browser, runtime)", test: ({ pkg }) => words(pkg.platform) > 0 && !VAGUE.has((pkg.platform ?? "").trim().toLowerCase()) },
  "env.config": { description: "the relevant config or feature flags", test: ({ pkg }) => (pkg.configFlags?.length ?? 0) > 0 },

  "evidence.any": { description: "at least one piece of sanitised evidence", test: ({ pkg }) => (pkg.evidence?.length ?? 0) > 0 },
  "evidence.rich": {
    description: "a stack trace, log, trace or HAR (not only screenshots)",
    test: ({ pkg }) => (pkg.evidence ?? []).some((e) => RICH_EVIDENCE.has(e.kind)),
  },
  "evidence.in_window": {
    description: "a stack trace, log, trace or HAR captured within an hour of the first-to-last-seen window",
    test: ({ pkg }) => {
      const [from, to] = evidenceWindow(pkg);
      return (pkg.evidence ?? []).some((e) => {
        return RICH_EVIDENCE.has(e.kind) && e.capturedAt >= from && e.capturedAt <= to;
      });
    },
  },

  "corr.any": { description: "a first-seen time or a correlation id", test: ({ pkg }) => pkg.firstSeenAt !== undefined || hasIds(pkg) },
  "corr.first_seen": { description: "when it was first seen (firstSeenAt)", test: ({ pkg }) => pkg.firstSeenAt !== undefined },
  "corr.ids": { description: "trace or request ids", test: ({ pkg }) => hasIds(pkg) },
  "corr.last_seen": { description: "when it was last seen (lastSeenAt)", test: ({ pkg }) => pkg.lastSeenAt !== undefined },
  "corr.dedup": { description: "a dedup key for alerting tools", test: ({ pkg }) => pkg.dedupKey !== undefined },

  "impact.counts": {
    description: "how many customers or users are affected",
    test: ({ pkg }) => pkg.impact.customersAffected !== undefined || pkg.impact.usersAffected !== undefined,
  },
  "impact.money_or_sla": {
    description: "revenue at risk, or an SLA at risk or breached",
    test: ({ pkg }) => (pkg.impact.revenueAtRisk?.amount ?? 0) > 0 || pkg.businessUrgency.slaState !== "within",
  },
  "impact.breadth": {
    description: "both customer and user counts, or the affected accounts (pseudonymised)",
    test: ({ pkg }) => (pkg.impact.customersAffected !== undefined && pkg.impact.usersAffected !== undefined) || (pkg.impact.accounts?.length ?? 0) > 0,
  },

  "ask.present": { description: "an ask", test: ({ pkg }) => words(pkg.ask) > 0 },
  "ask.specific": {
    description: "a specific ask (six words or more, not a generic \"please fix\")",
    // Generic asks are short; testing only short ones also keeps the pattern linear.
    test: ({ pkg }) => words(pkg.ask) >= 6 && !(pkg.ask.length <= 200 && GENERIC_ASK.test(pkg.ask.trim())),
  },
  "ask.need_by": { description: "a need-by date", test: ({ pkg }) => pkg.businessUrgency.needBy !== undefined },
  "ask.reason": { description: "why it is urgent (four words or more)", test: ({ pkg }) => words(pkg.businessUrgency.reason) >= 4 },

  "tried.any": { description: "at least one thing tried", test: ({ pkg }) => pkg.attempts.length > 0 },
  "tried.results": {
    description: "every attempt says what happened (two words or more)",
    test: ({ pkg }) => pkg.attempts.length > 0 && pkg.attempts.every((a) => words(a.result) >= 2),
  },
  "tried.ruled_out": {
    description: "causes ruled out (ruledOut, or two or more attempts)",
    test: ({ pkg }) => (pkg.ruledOut?.length ?? 0) > 0 || pkg.attempts.length >= 2,
  },

  "sanitize.no_secrets": { description: "no raw secret (token, key, password) in the text", test: (ctx) => ctx.scan().secrets === 0 },
  "sanitize.no_pii": { description: "no raw personal data (email, phone, card, IBAN, IP) in the text", test: (ctx) => ctx.scan().pii === 0 },
  "sanitize.linkable": {
    description: "personal data replaced by keyed pseudonyms ([EMAIL:k1:…]), not bare masks, so occurrences stay linkable",
    test: (ctx) => ctx.scan().bareMasks === 0,
  },
} as const satisfies Record<EscalationCheckId, CheckImplementation>;

function hasIds(pkg: Pkg): boolean {
  return (pkg.correlation?.traceIds?.length ?? 0) + (pkg.correlation?.requestIds?.length ?? 0) > 0;
}

/** The name of a check in the catalogue. */
export type CheckId = EscalationCheckId;
