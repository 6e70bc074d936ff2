/** Keyed, linkable pseudonyms: HMAC-SHA-256 over the entity type and the normalised value. */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import { PSEUDONYM_HEX_LENGTH } from "./tokens.js";

/**
 * The pseudonym of `normalized` as entity `entity` under `key`: the first 16 hex digits of
 * HMAC-SHA-256(key, entity ‖ 0x00 ‖ normalized). The entity type separates domains, so the same
 * string seen as an email and as a username does not link (ENISA 2019 §3).
 */
export function pseudonymOf(key: Uint8Array, entity: RedactionEntityType | string, normalized: string): string {
  const mac = hmac(sha256, key, utf8ToBytes(`${entity}\u0000${normalized}`));
  return bytesToHex(mac).slice(0, PSEUDONYM_HEX_LENGTH);
}
