/** The string engine of `redact`: secrets first, then PII, each phase keeping the overlap-free set worth most (`coverMost`). */
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

/** Whether a cell of `[start, end)` is marked (stops at the first). */
function touches(occupied: Uint8Array, { start, end }: Candidate): boolean {
  for (let i = start; i < end; i++) if (occupied[i] !== 0) return true;
  return false;
}

/** What a cover is worth, compared in this order: characters, checksum-confirmed characters, earliness. */
interface Worth {
  covered: number;
  verified: number;
  early: number;
}

/** Whether `a` is worth more than `b`. */
function worthMore(a: Worth, b: Worth): boolean {
  return a.covered !== b.covered ? a.covered > b.covered : a.verified !== b.verified ? a.verified > b.verified : a.early > b.early;
}

/**
 * The disjoint subset of `candidates` worth the most (weighted interval scheduling, O(n log n)): the
 * one covering the most characters, then the most characters of checksum-confirmed matches (cards,
 * IBANs), then weighted toward the types listed first (each character counts `detectorCount - rank`).
 *
 * Taking the longest match first is not enough: a phone window that runs into the first group of the
 * card after it (`+33 6 1234 5678 4000`, 15 digits) is longer than the card (`4000 0000 0000 0002`), and
 * taking it would leave twelve of the card's digits in the text, where the shorter phone and the whole
 * card together cover more. Characters come before confirmation because a digit run that passes the
 * Luhn check by chance can start inside a phone number (`+1 415 555 2671 1234 5678 00`): preferring it
 * would leave the rest of the phone in the text. Whatever is chosen, less of the text is left than by
 * any other choice among the candidates.
 */
export function coverMost(candidates: ReadonlyArray<Candidate>, detectorCount: number): Candidate[] {
  const byEnd = [...candidates].sort((a, b) => a.end - b.end || a.start - b.start || a.rank - b.rank);
  const n = byEnd.length;
  // best[k]: the best cover of the first k candidates (in end order).
  const best: Worth[] = [{ covered: 0, verified: 0, early: 0 }];
  const taken = new Uint8Array(n);
  const before = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const c = byEnd[k] as Candidate;
    // How many candidates end at or before this one starts (ends are sorted).
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((byEnd[mid] as Candidate).end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    const length = c.end - c.start;
    const base = best[lo] as Worth;
    const withIt: Worth = { covered: base.covered + length, verified: base.verified + (c.verified ? length : 0), early: base.early + (detectorCount - c.rank) * length };
    const without = best[k] as Worth;
    if (worthMore(withIt, without)) {
      best.push(withIt);
      taken[k] = 1;
      before[k] = lo;
    } else {
      best.push(without);
    }
  }
  const chosen: Candidate[] = [];
  for (let k = n; k > 0; ) {
    if (taken[k - 1] === 1) {
      chosen.push(byEnd[k - 1] as Candidate);
      k = before[k - 1] ?? 0;
    } else {
      k--;
    }
  }
  return chosen;
}

/**
 * Finds every candidate of `detectors` in `text`, keeps a non-overlapping set and replaces it. Shape
 * detectors are settled first, the context-only `credential_assignment` fills what they leave; within
 * each, the set worth most wins ({@link coverMost}: characters, then checksum-confirmed characters,
 * then types listed first). Tokens already in the text are never touched. Runs in O(length + n log n) for n candidates,
 * plus their total length for the overlap scans.
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
    const verified = detector.verified === true;
    detector.find(text, (start, end) => candidates.push({ start, end, entity: detector.entity, rank, tier, verified }));
  });
  if (candidates.length === 0) return { text, again: false };

  const occupied = new Uint8Array(text.length);
  markTokens(text, occupied, PROTECTED);
  const free = candidates.filter((c) => !touches(occupied, c));
  const shapes = coverMost(
    free.filter((c) => c.tier === 0),
    detectors.length,
  );
  for (const c of shapes) occupied.fill(ACCEPTED, c.start, c.end);
  const contexts = coverMost(
    free.filter((c) => c.tier !== 0 && !touches(occupied, c)),
    detectors.length,
  );
  const accepted = [...shapes, ...contexts];
  // A candidate that lost to another may have hidden a third one from its detector's scan.
  const contested = accepted.length < free.length;
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
