/**
 * The kinds of secret {@link redact} finds, in the order their detectors win a tie. Secrets are
 * scanned before PII (rule E4), so a token that contains an email-like part is reported as the secret.
 *
 * @example
 * SECRET_ENTITY_TYPES.includes("jwt"); // => true
 */
export const SECRET_ENTITY_TYPES = [
  "private_key",
  "jwt",
  "aws_access_key",
  "aws_secret_key",
  "gcp_api_key",
  "azure_storage_key",
  "azure_client_secret",
  "github_token",
  "gitlab_token",
  "slack_token",
  "slack_webhook",
  "stripe_key",
  "npm_token",
  "anthropic_key",
  "openai_key",
  "url_password",
  "bearer_token",
  "basic_auth",
  "credential_assignment",
] as const;

/**
 * The kinds of personal data {@link redact} finds, in the order their detectors win a tie. They are
 * scanned after every secret has been replaced.
 *
 * @example
 * PII_ENTITY_TYPES.includes("card"); // => true
 */
export const PII_ENTITY_TYPES = ["card", "iban", "email", "ipv6", "ipv4", "phone"] as const;

/**
 * Every entity type {@link redact} knows: the secrets first, then the PII. The names are the keys of
 * a redaction report's `counts` and the values accepted by the `entities` option.
 *
 * @example
 * REDACTION_ENTITY_TYPES.length; // => 25
 */
export const REDACTION_ENTITY_TYPES = [...SECRET_ENTITY_TYPES, ...PII_ENTITY_TYPES] as const;

/**
 * One of {@link SECRET_ENTITY_TYPES}.
 *
 * @example
 * const secret: SecretEntityType = "github_token";
 */
export type SecretEntityType = (typeof SECRET_ENTITY_TYPES)[number];

/**
 * One of {@link PII_ENTITY_TYPES}.
 *
 * @example
 * const pii: PiiEntityType = "email";
 */
export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

/**
 * One of {@link REDACTION_ENTITY_TYPES}: a secret or a kind of personal data.
 *
 * @example
 * const entities: RedactionEntityType[] = ["email", "phone", "jwt"];
 * redact("call +44 20 7946 0958", { entities }).value; // => "call [PHONE]"
 */
export type RedactionEntityType = SecretEntityType | PiiEntityType;
