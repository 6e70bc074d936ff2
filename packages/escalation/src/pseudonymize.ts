import { describeValue, safely, type Issue, type SafeResult } from "@supportops/core";
import { EscalationError } from "./EscalationError.js";
import { SECRET_ENTITY_TYPES } from "./RedactionEntityType.js";
import type { RedactionEntityType } from "./RedactionEntityType.js";
import type { RedactionIssueCode } from "./RedactionIssueCode.js";
import { PII_DETECTORS } from "./internal/redaction/detectors.js";
import { fail, issue, parseKey, parseKeyVersion } from "./internal/redaction/options.js";
import { pseudonymOf } from "./internal/redaction/pseudonym.js";
import { holdsSensitiveData } from "./internal/redaction/tokens.js";

/**
 * The options of {@link pseudonymize}.
 *
 * @example
 * const options: PseudonymizeOptions = { key: "tenant-42-secret-key", keyVersion: "k1", entity: "account" };
 * pseudonymize("ACME-0042", options); // => "[ACCOUNT:k1:a8fcc5dc63d1632d]"
 */
export interface PseudonymizeOptions {
  /** The secret key of the HMAC, at least 16 bytes; the same key as `redact`'s to link with its tokens. */
  readonly key: string | Uint8Array;
  /** The key's name, written into the token (`[ACCOUNT:k1:…]`). */
  readonly keyVersion: string;
  /**
   * What the value is: a PII entity type (`"email"`, `"phone"`…; the value is normalised the way
   * {@link redact} does, so the tokens link) or any other snake_case name of 2–31 characters
   * (`"account"`, `"customer_id"`; the value is only trimmed). Secret types are refused: a secret must
   * not survive as a linkable pseudonym; so is a name that upper-cased would read as one
   * (`"akiaiosfodnn7example"`), since its tokens could not be told from fake ones.
   */
  readonly entity: string;
}

const OPTION_NAMES: ReadonlySet<string> = new Set(["key", "keyVersion", "entity"]);
const ENTITY_NAME = /^[a-z][a-z0-9_]{1,30}$/;
const SECRET_NAMES: ReadonlySet<string> = new Set(SECRET_ENTITY_TYPES);
const NORMALIZERS: ReadonlyMap<string, (value: string) => string> = new Map(
  PII_DETECTORS.map((detector) => [detector.entity, detector.normalize]),
);

/**
 * Turns one known value — an account id, a customer id, an email taken from a form field — into
 * the keyed pseudonym {@link redact} would write for it in `pseudonymize` mode: `[ACCOUNT:k1:…]`, 16
 * hex digits of HMAC-SHA-256(key, entity ‖ 0 ‖ normalised value) (the first 16 that hold a letter). Use it for fields that
 * must stay linkable but that no pattern can recognise, such as `impact.accounts`.
 *
 * @param value - the value to pseudonymise
 * @param options - the key, its version and what the value is
 * @returns the token, `[ENTITY:keyVersion:hex]`
 * @throws {@link EscalationError} `invalid_argument` when the key, key version or entity is missing or
 *   wrong, or `value` is not a string; the issue codes ({@link REDACTION_ISSUE_CODES}) say which
 * @example
 * pseudonymize("ACME-0042", { key: "tenant-42-secret-key", keyVersion: "k1", entity: "account" });
 * // => "[ACCOUNT:k1:…]" (16 hex digits)
 * pseudonymize("Jane@Example.com", { key, keyVersion: "k1", entity: "email" }) ===
 *   redact("jane@example.com", { mode: "pseudonymize", key, keyVersion: "k1" }).value; // => true
 */
export function pseudonymize(value: string, options: PseudonymizeOptions): string {
  const raw: unknown = options;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail([issue("invalid_options", [], `pseudonymize options must be an object such as { key, keyVersion: "k1", entity: "account" }, got ${describeValue(raw)}`)]);
  }
  const o = raw as Record<string, unknown>;
  const issues: Issue<RedactionIssueCode>[] = [];
  for (const name of Object.keys(o)) {
    if (!OPTION_NAMES.has(name)) {
      issues.push(issue("unknown_option", [name], `unknown option "${name}"; pseudonymize accepts key, keyVersion and entity`));
    }
  }
  const key = parseKey(o["key"], true, issues);
  const keyVersion = parseKeyVersion(o["keyVersion"], true, issues);
  const entity = o["entity"];
  if (typeof entity !== "string" || !ENTITY_NAME.test(entity) || SECRET_NAMES.has(entity) || holdsSensitiveData(entity.toUpperCase())) {
    issues.push(
      issue(
        "invalid_entity_name",
        ["entity"],
        typeof entity !== "string" || !ENTITY_NAME.test(entity)
          ? `entity must be a snake_case name of 2–31 characters such as "account" or a PII type such as "email", got ${describeValue(entity)}`
          : SECRET_NAMES.has(entity)
            ? `"${entity}" is a secret; secrets are masked, never pseudonymised`
            : `"${entity}" looks like a secret or personal data once upper-cased in the token; use a plain name such as "account"`,
      ),
    );
  }
  if (issues.length > 0 || key === undefined || keyVersion === undefined || typeof entity !== "string") {
    fail(issues);
  }
  if (typeof value !== "string") {
    fail([issue("invalid_value", [], `pseudonymize takes a string, got ${describeValue(value)}`)]);
  }
  const normalize = NORMALIZERS.get(entity) ?? ((v: string) => v.trim());
  return `[${entity.toUpperCase()}:${keyVersion}:${pseudonymOf(key, entity as RedactionEntityType, normalize(value))}]`;
}

/**
 * {@link pseudonymize} that returns its error instead of throwing it; takes anything.
 *
 * @param value - as for {@link pseudonymize}
 * @param options - as for {@link pseudonymize}
 * @returns `{ success: true, data: token }`, or `{ success: false, error }`
 * @example
 * safePseudonymize("ACME-0042", { key: "short", keyVersion: "k1", entity: "account" }).success; // => false (weak key)
 */
export function safePseudonymize(value: unknown, options: unknown): SafeResult<string, EscalationError> {
  return safely(EscalationError, () => pseudonymize(value as string, options as PseudonymizeOptions));
}
