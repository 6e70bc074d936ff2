/** The replacement tokens `redact` writes, and how to tell a real one from text that only looks like one. */
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import { REDACTION_ENTITY_TYPES } from "../../RedactionEntityType.js";
import { PII_DETECTORS, SECRET_DETECTORS, type Detector } from "./detectors.js";

/** The label of an entity type inside a token: `email` → `EMAIL`, `card` → `CARD`. */
export function labelOf(entity: RedactionEntityType): string {
  return entity.toUpperCase();
}

const MASK_LABELS: ReadonlySet<string> = new Set(REDACTION_ENTITY_TYPES.map(labelOf));

/** How many hex digits of the HMAC a pseudonym keeps: 64 bits, so collisions stay negligible per key. */
export const PSEUDONYM_HEX_LENGTH = 16;

/** The shape of a key version: it is written into tokens, so it must not contain `]`, `:` or spaces. */
export const KEY_VERSION_PATTERN = /^[\w.-]{1,32}$/;

/**
 * Text shaped like a token `redact` writes (the exact grammar; {@link isRealToken} then checks the
 * contents):
 *
 * - a mask, `[EMAIL]`: `[` label `]`, the label one of the entity types';
 * - a card mask, `[CARD ****1234]`;
 * - a pseudonym, `[EMAIL:k1:0123456789abcdef]`: `[` name `:` key version `:` 16 lowercase hex digits `]`,
 *   the name `[A-Z][A-Z0-9_]{1,30}` (an entity type or a name given to `pseudonymize`).
 */
export const TOKEN_PATTERN = /\[([A-Z][A-Z0-9_]{1,30})(?:( \*{4}[0-9]{4})|:([\w.-]{1,32}):([0-9a-f]{16}))?\]/g;

/** One whole pseudonym token, `[EMAIL:k1:0123456789abcdef]`, by shape (see {@link isPseudonymTokenText} for the full check). */
const PSEUDONYM_TOKEN = /^\[([A-Z][A-Z0-9_]{1,30}):([\w.-]{1,32}):([0-9a-f]{16})\]$/;

const ALL_DETECTORS: ReadonlyArray<Detector> = [...SECRET_DETECTORS, ...PII_DETECTORS];

/**
 * Whether any detector finds something in `text` on its own: a secret or personal data where only a
 * name or a key version belongs. Linear in `text.length` for the fixed detector list.
 */
export function holdsSensitiveData(text: string): boolean {
  let found = false;
  let lower: string | undefined;
  for (const detector of ALL_DETECTORS) {
    const haystack = detector.caseInsensitive === true ? (lower ??= text.toLowerCase()) : text;
    if (!detector.keywords.some((keyword) => haystack.includes(keyword))) continue;
    detector.find(text, () => {
      found = true;
    });
    if (found) return true;
  }
  return false;
}

// Pseudonym parts already judged, so a text with many copies of one token checks it once. Bounded.
const judged = new Map<string, boolean>();
const MAX_JUDGED = 4_096;

function cleanPart(part: string): boolean {
  let clean = judged.get(part);
  if (clean === undefined) {
    if (judged.size >= MAX_JUDGED) judged.clear();
    clean = !holdsSensitiveData(part);
    judged.set(part, clean);
  }
  return clean;
}

/** Whether 16 hex digits hold a letter: a pseudonym's never reads as a number, so a card number cannot hide there. */
function hasHexLetter(hex: string): boolean {
  for (let i = 0; i < hex.length; i++) {
    if (hex.charCodeAt(i) >= 97) return true; // a–f
  }
  return false;
}

/**
 * Whether the parts of a pseudonym (name, key version, hex digits) are what `redact` and
 * `pseudonymize` write: the hex digits hold a letter, and neither the name nor the key version holds
 * anything a detector finds (a key version could otherwise carry a 32-character secret through).
 */
function realPseudonym(name: string, keyVersion: string, hex: string): boolean {
  return hasHexLetter(hex) && cleanPart(name) && cleanPart(keyVersion);
}

/**
 * Whether a match of {@link TOKEN_PATTERN} is a real token: a mask of a known entity type (a card
 * mask only for cards), or a pseudonym whose parts hold nothing sensitive.
 */
function isRealToken(match: RegExpExecArray): boolean {
  const [, label = "", cardTail, keyVersion, hex] = match;
  if (cardTail !== undefined) return label === "CARD";
  if (keyVersion !== undefined && hex !== undefined) return realPseudonym(label, keyVersion, hex);
  return MASK_LABELS.has(label);
}

/**
 * Whether `value` is exactly one real pseudonym token, as `redact(…, { mode: "pseudonymize" })` and
 * `pseudonymize` write it: `[EMAIL:k1:0123456789abcdef]`.
 */
export function isPseudonymTokenText(value: string): boolean {
  const match = PSEUDONYM_TOKEN.exec(value);
  return match !== null && realPseudonym(match[1] ?? "", match[2] ?? "", match[3] ?? "");
}

/** Marks every real token of `text` in `occupied` with `mark`. */
export function markTokens(text: string, occupied: Uint8Array, mark: number): void {
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    if (isRealToken(match)) occupied.fill(mark, match.index, match.index + match[0].length);
  }
}
