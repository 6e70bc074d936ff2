/**
 * The codes of the issues inside an error of {@link redact} or {@link pseudonymize}. The error's own
 * code is `invalid_argument` for all of them: the options or the value cannot be used.
 *
 * @example
 * REDACTION_ISSUE_CODES.includes("weak_key"); // => true
 * const result = safeRedact("x", { mode: "pseudonymize", key: "short", keyVersion: "k1" });
 * if (!result.success) [result.error.code, result.error.issues[0].code]; // => ["invalid_argument", "weak_key"]
 */
export const REDACTION_ISSUE_CODES = [
  "invalid_options",
  "unknown_option",
  "invalid_mode",
  "invalid_key",
  "weak_key",
  "missing_key",
  "missing_key_version",
  "invalid_key_version",
  "invalid_entities",
  "unknown_entity",
  "invalid_entity_name",
  "invalid_value",
  "cyclic_value",
  "unsupported_value",
  "too_deep",
] as const;

/**
 * One of {@link REDACTION_ISSUE_CODES}.
 *
 * @example
 * const code: RedactionIssueCode = "weak_key";
 */
export type RedactionIssueCode = (typeof REDACTION_ISSUE_CODES)[number];
