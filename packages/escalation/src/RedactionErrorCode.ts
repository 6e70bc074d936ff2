/**
 * The error codes {@link redact} and {@link pseudonymize} throw with: `invalid_redact_options` (the
 * options are wrong) and `invalid_redact_input` (the value holds something that cannot be copied: a
 * cycle, a function, a `Map`, an object nested too deep).
 *
 * @example
 * REDACTION_ERROR_CODES.includes("invalid_redact_options"); // => true
 */
export const REDACTION_ERROR_CODES = ["invalid_redact_options", "invalid_redact_input"] as const;

/**
 * One of {@link REDACTION_ERROR_CODES}.
 *
 * @example
 * const code: RedactionErrorCode = "invalid_redact_options";
 */
export type RedactionErrorCode = (typeof REDACTION_ERROR_CODES)[number];

/**
 * The codes of the issues inside a {@link redact} or {@link pseudonymize} error.
 *
 * @example
 * REDACTION_ISSUE_CODES.includes("missing_key"); // => true
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
