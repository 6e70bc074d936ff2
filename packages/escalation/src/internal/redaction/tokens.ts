/** The replacement tokens `redact` writes, and how to recognise them on a later pass. */
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import { REDACTION_ENTITY_TYPES } from "../../RedactionEntityType.js";

/** The label of an entity type inside a token: `email` → `EMAIL`, `card` → `CARD`. */
export function labelOf(entity: RedactionEntityType): string {
  return entity.toUpperCase();
}

const LABELS: ReadonlySet<string> = new Set(REDACTION_ENTITY_TYPES.map(labelOf));

/** How many hex digits of the HMAC a pseudonym keeps: 64 bits, so collisions stay negligible per key. */
export const PSEUDONYM_HEX_LENGTH = 16;

/** The shape of a key version: it is written into tokens, so it must not contain `]`, `:` or spaces. */
export const KEY_VERSION_PATTERN = /^[\w.-]{1,32}$/;

/**
 * Tokens written by `redact`: `[EMAIL]`, `[CARD ****1234]`, `[EMAIL:k1:0123456789abcdef]`. They are
 * left untouched when met again, which is what makes redaction idempotent.
 */
export const TOKEN_PATTERN = /\[([A-Z][A-Z0-9_]{1,30})(?: \*{4}[0-9]{4}|:[\w.-]{1,32}:[0-9a-f]{16})?\]/g;

/** One whole pseudonym token, `[EMAIL:k1:0123456789abcdef]`: the one definition the package checks tokens against. */
export const PSEUDONYM_TOKEN = /^\[[A-Z][A-Z0-9_]{1,30}:[\w.-]{1,32}:[0-9a-f]{16}\]$/;

/**
 * A token is a mask of a known entity type (`[EMAIL]`, `[CARD ****1234]`), or a pseudonym of any
 * entity (`[ACCOUNT:k1:…]`, as `pseudonymize` writes for names of the caller's choosing).
 */
function isToken(match: RegExpExecArray): boolean {
  return match[0].includes(":") || LABELS.has(match[1] ?? "");
}

/** Marks every token of `text` in `occupied` with `mark`. */
export function markTokens(text: string, occupied: Uint8Array, mark: number): void {
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    if (isToken(match)) occupied.fill(mark, match.index, match.index + match[0].length);
  }
}

const TOKEN_AT = new RegExp(TOKEN_PATTERN.source, "y");

/** Whether one of `redact`'s tokens starts at `index` of `text`. */
export function tokenAt(text: string, index: number): boolean {
  TOKEN_AT.lastIndex = index;
  const match = TOKEN_AT.exec(text);
  return match !== null && isToken(match);
}
