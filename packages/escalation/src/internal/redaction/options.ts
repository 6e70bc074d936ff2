/** Validation shared by `redact` and `pseudonymize`: errors, issues, the key and the key version. */
import { describeValue, type Issue, type IssuePath } from "@supportops/core";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { EscalationError } from "../../EscalationError.js";
import type { RedactionIssueCode } from "../../RedactionIssueCode.js";
import { KEY_VERSION_PATTERN, holdsSensitiveData } from "./tokens.js";

/** The smallest accepted pseudonym key, in bytes (128 bits). */
export const MIN_KEY_BYTES = 16;

/** Throws the redaction error: an `EscalationError` `invalid_argument` whose issues say what cannot be used. */
export function fail(issues: ReadonlyArray<Issue<RedactionIssueCode>>): never {
  throw new EscalationError("invalid_argument", issues);
}

/** One issue. */
export function issue(code: RedactionIssueCode, path: IssuePath, message: string): Issue<RedactionIssueCode> {
  return { code, path, message };
}

/** The key as bytes (a copy), or `undefined` after pushing what is wrong with it. */
export function parseKey(raw: unknown, required: boolean, issues: Issue<RedactionIssueCode>[]): Uint8Array | undefined {
  if (raw === undefined) {
    if (required) {
      issues.push(issue("missing_key", ["key"], "pseudonyms need a secret key (at least 16 bytes) to be keyed"));
    }
    return undefined;
  }
  let key: Uint8Array | undefined;
  if (typeof raw === "string") key = utf8ToBytes(raw);
  else if (raw instanceof Uint8Array) key = Uint8Array.from(raw);
  else {
    issues.push(issue("invalid_key", ["key"], `key must be a string or a Uint8Array, got ${describeValue(raw)}`));
    return undefined;
  }
  if (key.length < MIN_KEY_BYTES) {
    issues.push(issue("weak_key", ["key"], `key has ${key.length} bytes; use a random secret of at least ${MIN_KEY_BYTES} bytes (32 recommended)`));
    return undefined;
  }
  return key;
}

/** The key version, or `undefined` after pushing what is wrong with it. */
export function parseKeyVersion(raw: unknown, required: boolean, issues: Issue<RedactionIssueCode>[]): string | undefined {
  if (raw === undefined) {
    if (required) {
      issues.push(issue("missing_key_version", ["keyVersion"], 'pseudonyms need a keyVersion (such as "k1") written into each token'));
    }
    return undefined;
  }
  if (typeof raw === "string" && KEY_VERSION_PATTERN.test(raw)) {
    // A token whose key version holds a secret or personal data is not a token (it could carry one
    // through redaction), so such a key version would make tokens that are never recognised.
    if (!holdsSensitiveData(raw)) return raw;
    issues.push(issue("invalid_key_version", ["keyVersion"], "keyVersion looks like a secret or personal data (redact would find it); use a plain name such as \"k1\" or \"2026-q4\""));
    return undefined;
  }
  issues.push(issue("invalid_key_version", ["keyVersion"], `keyVersion must be 1–32 of A–Z a–z 0–9 _ . - (such as "k1"), got ${describeValue(raw)}`));
  return undefined;
}
