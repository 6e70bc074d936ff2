/** The string engine of `redact`: secrets first, then PII, each phase resolving overlaps longest-first. */
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import type { Candidate, Detector } from "./detectors.js";
import { markTokens } from "./tokens.js";

/** What one call of `redact` needs at every string it meets. */
export interface TextRedactor {
  readonly secretDetectors: ReadonlyArray<Detector>;
  readonly piiDetectors: ReadonlyArray<Detector>;
  /** The text that stands in for a detected value. */
  readonly replacement: (detector: Detector, value: string) => string;
  /** Running count of replacements per entity type, for the report. */
  readonly counts: Map<RedactionEntityType, number>;
}

/** What a phase returns: the new text, and whether any candidate lost to one accepted in the same round. */
interface PhaseResult {
  readonly text: string;
  readonly contested: boolean;
}

/** Rounds of one phase at most; each is linear, so the phase stays linear. */
const MAX_PHASE_ROUNDS = 4;

/** Cell marks: a token that was already in the text, or a span accepted in this round. */
const PROTECTED = 1;
const ACCEPTED = 2;

/**
 * Detectors that recognise a secret by its context (`password=…`) rather than by its shape. Where one
 * overlaps a shape detector, the shape wins whatever the lengths: `password="-----BEGIN …"` is a
 * private key.
 */
const GENERIC: ReadonlySet<RedactionEntityType> = new Set(["credential_assignment"]);

/**
 * Finds every candidate of `detectors` in `text`, keeps a non-overlapping set (shape detectors before
 * the context-only `credential_assignment`, then longest first, then the detector listed first, then
 * the leftmost; tokens already in the text are never touched) and
 * replaces them. Runs in time linear in `text.length` for a fixed detector list.
 */
function runPhase(text: string, detectors: ReadonlyArray<Detector>, redactor: TextRedactor): PhaseResult {
  const candidates: Candidate[] = [];
  const byEntity = new Map<RedactionEntityType, Detector>();
  let lower: string | undefined;
  detectors.forEach((detector, rank) => {
    byEntity.set(detector.entity, detector);
    // The keyword prefilter: a cheap `includes` skips detectors that cannot match (most, in short texts).
    const haystack = detector.caseInsensitive === true ? (lower ??= text.toLowerCase()) : text;
    if (!detector.keywords.some((keyword) => haystack.includes(keyword))) return;
    const tier = GENERIC.has(detector.entity) ? 1 : 0;
    detector.find(text, (start, end) => candidates.push({ start, end, entity: detector.entity, rank, tier }));
  });
  if (candidates.length === 0) return { text, contested: false };

  const occupied = new Uint8Array(text.length);
  markTokens(text, occupied, PROTECTED);
  candidates.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.end - b.start - (a.end - a.start) ||
      a.rank - b.rank ||
      a.start - b.start,
  );
  const accepted: Candidate[] = [];
  let contested = false;
  for (const candidate of candidates) {
    // Accepted spans are disjoint, so the cells each candidate checks sum to O(detectors × length).
    let taken = 0;
    for (let i = candidate.start; i < candidate.end; i++) {
      if (occupied[i] !== 0) {
        taken = occupied[i] ?? 0;
        break;
      }
    }
    if (taken !== 0) {
      contested ||= taken === ACCEPTED;
      continue;
    }
    occupied.fill(ACCEPTED, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  if (accepted.length === 0) return { text, contested: false };

  accepted.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const { start, end, entity } of accepted) {
    const detector = byEntity.get(entity);
    if (detector === undefined) continue;
    out += text.slice(at, start) + redactor.replacement(detector, text.slice(start, end));
    at = end;
    redactor.counts.set(entity, (redactor.counts.get(entity) ?? 0) + 1);
  }
  return { text: out + text.slice(at), contested };
}

/**
 * Runs a phase until no candidate lost to an overlap, at most {@link MAX_PHASE_ROUNDS} times. A losing
 * candidate may have hidden another one behind it (a scan resumes after what it matched), and that
 * one must be found now, not by a second call: this is what makes `redact` idempotent.
 */
function runPhaseToFixpoint(text: string, detectors: ReadonlyArray<Detector>, redactor: TextRedactor): string {
  let current = text;
  for (let round = 0; round < MAX_PHASE_ROUNDS; round++) {
    const { text: next, contested } = runPhase(current, detectors, redactor);
    current = next;
    if (!contested) break;
  }
  return current;
}

/**
 * Redacts one string: every secret is replaced before PII is looked for (rule E4), so PII detectors
 * never see, and never claim, a part of a secret.
 */
export function redactText(text: string, redactor: TextRedactor): string {
  if (text.length === 0) return text;
  const withoutSecrets = runPhaseToFixpoint(text, redactor.secretDetectors, redactor);
  return runPhaseToFixpoint(withoutSecrets, redactor.piiDetectors, redactor);
}
