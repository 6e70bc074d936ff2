/** Keyed, linkable pseudonyms: HMAC-SHA-256 over the entity type and the normalised value. */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import { PSEUDONYM_HEX_LENGTH } from "./tokens.js";

/**
 * The pseudonym of `normalized` as entity `entity` under `key`: 16 hex digits of
 * HMAC-SHA-256(key, entity ‖ 0x00 ‖ normalized) — the first 16, or, when those are all decimal digits
 * (about 1 value in 1 850), the next 16 that hold a letter. A pseudonym never reads as a number, so a
 * token's hex slot can never carry a card number (see `isRealToken`). The entity type separates
 * domains, so the same string seen as an email and as a username does not link (ENISA 2019 §3).
 */
export function pseudonymOf(key: Uint8Array, entity: RedactionEntityType | string, normalized: string): string {
  const hex = bytesToHex(hmac(sha256, key, utf8ToBytes(`${entity}\u0000${normalized}`)));
  for (let at = 0; at + PSEUDONYM_HEX_LENGTH <= hex.length; at += PSEUDONYM_HEX_LENGTH) {
    const window = hex.slice(at, at + PSEUDONYM_HEX_LENGTH);
    if (/[a-f]/.test(window)) return window;
  }
  // Four all-digit windows in a row: probability below 1e-13.
  return hex.slice(0, PSEUDONYM_HEX_LENGTH);
}
