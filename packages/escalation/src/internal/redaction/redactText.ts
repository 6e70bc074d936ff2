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

/**
 * What a phase returns: the new text, and whether another round may find more — a candidate lost to
 * one accepted in the same round, or a replaced value had a neighbour glued onto it.
 */
interface PhaseResult {
  readonly text: string;
  readonly again: boolean;
}

/** Rounds of one phase at most; each is linear, so the phase stays linear. */
const MAX_PHASE_ROUNDS = 4;

/** Cell marks: a token that was already in the text, or a span accepted in this round. */
const PROTECTED = 1;
const ACCEPTED = 2;

/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point: zero-width space and
 * joiners, word joiner, soft hyphen, BOM, bidi controls, variation selectors, tag characters…). Put
 * inside an email, a key or a card number they hide it from every pattern while the text still reads
 * whole, so they are removed before anything is matched — and stay removed in the output.
 */
export const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Characters next to a replaced value that no value ends or starts with: a neighbour of this kind
 * cannot have hidden a value glued to the one replaced, so it does not call for another round.
 */
function isNeutral(c: number | undefined): boolean {
  // Whitespace, and , ; " ' < > ( ) [ ] { } | ! ?
  return c === undefined || c <= 32 || c === 0x2c || c === 0x3b || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29 ||
    c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x21 || c === 0x3f;
}

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
  if (candidates.length === 0) return { text, again: false };

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
  if (accepted.length === 0) return { text, again: false };

  accepted.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  // A value glued onto a replaced one (`-----END PRIVATE KEY-----eyJ…`) was refused because its
  // neighbour's character touched it; once that neighbour is a token, the next round finds it. (Not in
  // `remove` mode: with nothing left in between, a new neighbour is an artefact of the cut.)
  let glued = false;
  for (const { start, end, entity } of accepted) {
    const detector = byEntity.get(entity);
    if (detector === undefined) continue;
    const replacement = redactor.replacement(detector, text.slice(start, end));
    out += text.slice(at, start) + replacement;
    at = end;
    redactor.counts.set(entity, (redactor.counts.get(entity) ?? 0) + 1);
    glued ||= replacement !== "" && (!isNeutral(start > 0 ? text.charCodeAt(start - 1) : undefined) || !isNeutral(end < text.length ? text.charCodeAt(end) : undefined));
  }
  return { text: out + text.slice(at), again: contested || glued };
}

/**
 * Runs a phase until a round finds nothing more to look for, at most {@link MAX_PHASE_ROUNDS} times. A
 * losing candidate may have hidden another one behind it (a scan resumes after what it matched), and
 * a value glued onto a replaced one becomes visible once its neighbour is a token: those must be found
 * now, not by a second call. This is what makes `redact` idempotent.
 */
function runPhaseToFixpoint(text: string, detectors: ReadonlyArray<Detector>, redactor: TextRedactor): string {
  let current = text;
  for (let round = 0; round < MAX_PHASE_ROUNDS; round++) {
    const { text: next, again } = runPhase(current, detectors, redactor);
    current = next;
    if (!again) break;
  }
  return current;
}

/** `text` without the characters that render as nothing ({@link IGNORABLE}). */
function withoutIgnorable(text: string): string {
  IGNORABLE.lastIndex = 0;
  return IGNORABLE.test(text) ? text.replace(IGNORABLE, "") : text;
}

/**
 * Redacts one string: invisible characters are removed, then every secret is replaced before PII is
 * looked for (rule E4), so PII detectors never see, and never claim, a part of a secret.
 */
export function redactText(text: string, redactor: TextRedactor): string {
  const visible = withoutIgnorable(text);
  if (visible.length === 0) return visible;
  const withoutSecrets = runPhaseToFixpoint(visible, redactor.secretDetectors, redactor);
  return runPhaseToFixpoint(withoutSecrets, redactor.piiDetectors, redactor);
}
