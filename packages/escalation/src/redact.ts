import { MAX_INPUT_DEPTH, describeValue, safely, type Issue, type IssuePath, type SafeResult } from "@supportops/core";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { RedactionEntityType } from "./RedactionEntityType.js";
import { PII_ENTITY_TYPES, REDACTION_ENTITY_TYPES } from "./RedactionEntityType.js";
import type { Detector } from "./internal/redaction/detectors.js";
import { PII_DETECTORS, SECRET_DETECTORS } from "./internal/redaction/detectors.js";
import { REDACTION_PATTERNS } from "./internal/redaction/patterns.js";
import { pseudonymOf } from "./internal/redaction/pseudonym.js";
import { redactText, type TextRedactor } from "./internal/redaction/redactText.js";
import { MIN_KEY_BYTES, fail, issue, parseKey, parseKeyVersion } from "./internal/redaction/options.js";
import { labelOf } from "./internal/redaction/tokens.js";
import { EscalationError } from "./EscalationError.js";
import type { RedactionIssueCode } from "./RedactionIssueCode.js";

/**
 * What {@link redact} writes in place of a detected value:
 * - `mask` (default): a typed token, `[EMAIL]`; payment cards keep their last four digits, `[CARD ****1234]`;
 * - `remove`: nothing, the value is cut out;
 * - `pseudonymize`: a keyed, linkable pseudonym, `[EMAIL:k1:3f9a1c2b0d4e5f67]`, for PII; secrets are masked.
 *
 * @example
 * const mode: RedactionMode = "pseudonymize";
 */
export type RedactionMode = "mask" | "remove" | "pseudonymize";

/**
 * The modes {@link redact} accepts.
 *
 * @example
 * REDACTION_MODES; // => ["mask", "remove", "pseudonymize"]
 */
export const REDACTION_MODES: ReadonlyArray<RedactionMode> = Object.freeze(["mask", "remove", "pseudonymize"]);

/**
 * The options of {@link redact}; all are optional except `key` and `keyVersion` in `pseudonymize` mode.
 *
 * @example
 * const options: RedactOptions = { mode: "mask", entities: ["email", "phone"] };
 * redact("Mail jane.doe@example.com or call +44 20 7946 0958", options).value; // => "Mail [EMAIL] or call [PHONE]"
 */
export interface RedactOptions {
  /** What replaces a detected value; `mask` when absent. */
  readonly mode?: RedactionMode;
  /**
   * The secret key of the pseudonym HMAC, at least 16 bytes (a string counts its UTF-8 bytes).
   * Keep one key per tenant and out of the evidence store; required in `pseudonymize` mode.
   */
  readonly key?: string | Uint8Array;
  /**
   * The key's name, written into every pseudonym (`[EMAIL:k1:…]`) so that tokens made under different
   * keys are never mistaken for one another after a rotation. 1–32 of `A–Z a–z 0–9 _ . -`, and nothing
   * `redact` would find (`10.0.0.1` is refused: a token carrying it would not count as one); required
   * in `pseudonymize` mode.
   */
  readonly keyVersion?: string;
  /** The entity types to look for; every type in {@link REDACTION_ENTITY_TYPES} when absent. */
  readonly entities?: ReadonlyArray<RedactionEntityType>;
}

/**
 * What a {@link redact} call did, without any of the values it found: safe to store next to the
 * evidence.
 *
 * @example
 * const report: RedactionReport = redact("jane.doe@example.com", { mode: "remove" }).report;
 * // => { counts: { email: 1 }, engine: "supportops-redact@2", patternSet: "sha256:…", mode: "remove" }
 */
// A type alias, not an interface: it then fits the evidence schema's open `redactionReport` object.
export type RedactionReport = {
  /** How many values of each entity type were replaced; types with none are absent. */
  readonly counts: Readonly<Partial<Record<RedactionEntityType, number>>>;
  /** The engine and the version of its rules, `name@version`. */
  readonly engine: string;
  /** A fingerprint of the exact pattern set that ran (`sha256:` and 16 hex digits). */
  readonly patternSet: string;
  /** The mode that ran. */
  readonly mode: RedactionMode;
  /** The key version pseudonyms were made with (`pseudonymize` mode only). */
  readonly keyVersion?: string;
};

/**
 * The result of {@link redact}: the redacted copy and its report.
 *
 * @example
 * const result: RedactResult<string> = redact("jane.doe@example.com", { mode: "pseudonymize", key: "tenant-42-secret-key", keyVersion: "k1" });
 * result.value;             // => "[EMAIL:k1:c046e62baafdfcc1]"
 * result.report.keyVersion; // => "k1"
 */
export interface RedactResult<T> {
  /** A new value of the same shape as the input, with every detected value replaced. */
  readonly value: T;
  /** What was replaced, by entity type. */
  readonly report: RedactionReport;
}

/**
 * The engine name and rule-set version written into every report; bump it when a pattern changes.
 * Version 2: brackets no longer hide a neighbour, invisible characters are removed before matching,
 * tokens are checked part by part.
 *
 * @example
 * redact("jane.doe@example.com").report.engine === REDACTION_ENGINE; // => true
 * REDACTION_ENGINE; // => "supportops-redact@2"
 */
export const REDACTION_ENGINE = "supportops-redact@2";

/**
 * Objects and arrays nested deeper than this are refused (`too_deep`) rather than risk the call
 * stack: core's `MAX_INPUT_DEPTH`, the limit of every supportops input.
 *
 * @example
 * MAX_REDACTION_DEPTH; // => 100
 */
export const MAX_REDACTION_DEPTH: number = MAX_INPUT_DEPTH;

/**
 * The smallest accepted pseudonym key, in bytes (128 bits).
 *
 * @example
 * MIN_REDACTION_KEY_BYTES; // => 16
 * const result = safeRedact("x", { mode: "pseudonymize", key: "short", keyVersion: "k1" });
 * if (!result.success) result.error.issues[0].code; // => "weak_key"
 */
export const MIN_REDACTION_KEY_BYTES: number = MIN_KEY_BYTES;

const OPTION_NAMES: ReadonlySet<string> = new Set(["mode", "key", "keyVersion", "entities"]);
const ENTITY_NAMES: ReadonlySet<string> = new Set(REDACTION_ENTITY_TYPES);
const PII_NAMES: ReadonlySet<string> = new Set(PII_ENTITY_TYPES);

let patternSetFingerprint: string | undefined;

function patternSet(): string {
  patternSetFingerprint ??= `sha256:${bytesToHex(sha256(utf8ToBytes(JSON.stringify(REDACTION_PATTERNS)))).slice(0, 16)}`;
  return patternSetFingerprint;
}

interface ValidOptions {
  readonly mode: RedactionMode;
  readonly key?: Uint8Array;
  readonly keyVersion?: string;
  readonly entities: ReadonlySet<RedactionEntityType>;
}

function validateOptions(options: unknown): ValidOptions {
  if (options === undefined) return { mode: "mask", entities: ENTITY_NAMES as ReadonlySet<RedactionEntityType> };
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    fail([issue("invalid_options", [], `redact options must be an object such as { mode: "mask" }, got ${describeValue(options)}`)]);
  }
  const o = options as Record<string, unknown>;
  const issues: Issue<RedactionIssueCode>[] = [];
  for (const name of Object.keys(o)) {
    if (!OPTION_NAMES.has(name)) {
      issues.push(issue("unknown_option", [name], `unknown option "${name}"; redact accepts mode, key, keyVersion and entities`));
    }
  }

  let mode: RedactionMode = "mask";
  if (o["mode"] !== undefined) {
    if (REDACTION_MODES.includes(o["mode"] as RedactionMode)) mode = o["mode"] as RedactionMode;
    else issues.push(issue("invalid_mode", ["mode"], `mode must be "mask", "remove" or "pseudonymize", got ${describeValue(o["mode"])}`));
  }

  const key = parseKey(o["key"], mode === "pseudonymize", issues);
  const keyVersion = parseKeyVersion(o["keyVersion"], mode === "pseudonymize", issues);

  let entities = ENTITY_NAMES as ReadonlySet<RedactionEntityType>;
  const rawEntities = o["entities"];
  if (rawEntities !== undefined) {
    if (!Array.isArray(rawEntities) || rawEntities.length === 0) {
      issues.push(
        issue("invalid_entities", ["entities"], `entities must be a non-empty array of entity types such as ["email", "jwt"], got ${describeValue(rawEntities)}`),
      );
    } else {
      const chosen = new Set<RedactionEntityType>();
      rawEntities.forEach((entity: unknown, index) => {
        if (typeof entity === "string" && ENTITY_NAMES.has(entity)) chosen.add(entity as RedactionEntityType);
        else {
          issues.push(
            issue("unknown_entity", ["entities", index], `unknown entity type ${describeValue(entity)}; use one of ${REDACTION_ENTITY_TYPES.join(", ")}`),
          );
        }
      });
      entities = chosen;
    }
  }

  if (issues.length > 0) fail(issues);
  return {
    mode,
    entities,
    ...(key === undefined ? {} : { key }),
    ...(keyVersion === undefined ? {} : { keyVersion }),
  };
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What replaces a detected value in the chosen mode (pseudonyms cached per call). */
function replacementFor(valid: ValidOptions): (detector: Detector, found: string) => string {
  const pseudonyms = new Map<string, string>();
  const { key, keyVersion, mode } = valid;
  return (detector, found) => {
    const label = labelOf(detector.entity);
    if (mode === "remove") return "";
    if (mode === "pseudonymize" && key !== undefined && PII_NAMES.has(detector.entity)) {
      const normalized = detector.normalize(found);
      const cacheKey = `${detector.entity}\u0000${normalized}`;
      let hex = pseudonyms.get(cacheKey);
      if (hex === undefined) {
        hex = pseudonymOf(key, detector.entity, normalized);
        pseudonyms.set(cacheKey, hex);
      }
      return `[${label}:${keyVersion ?? ""}:${hex}]`;
    }
    if (detector.entity === "card") {
      const digits = detector.normalize(found);
      return `[${label} ****${digits.slice(-4)}]`;
    }
    return `[${label}]`;
  };
}

function failInput(code: RedactionIssueCode, path: IssuePath, message: string): never {
  fail([issue(code, [...path], message)]);
}

/**
 * A redacted copy of a JSON-like value: strings through the redactor, objects and arrays copied,
 * everything else kept; cycles, functions, symbols, class instances and deep nesting refused.
 */
function copyRedacted(value: unknown, redactor: TextRedactor): unknown {
  const ancestors = new Set<object>();
  const walk = (current: unknown, path: Array<string | number>): unknown => {
    if (typeof current === "string") return redactText(current, redactor);
    if (typeof current === "function" || typeof current === "symbol") {
      failInput("unsupported_value", path, `a ${typeof current} cannot be redacted; pass JSON-like data (strings, numbers, booleans, null, arrays, plain objects)`);
    }
    if (current === null || typeof current !== "object") return current;
    if (current instanceof Date) return new Date(current.getTime());
    if (ancestors.has(current)) failInput("cyclic_value", path, "the value refers back to one of its own ancestors; redact needs a tree (JSON-like data)");
    if (path.length >= MAX_REDACTION_DEPTH) failInput("too_deep", path, `the value nests deeper than ${MAX_REDACTION_DEPTH} levels`);
    const isArray = Array.isArray(current);
    if (!isArray && !isPlainObject(current)) {
      failInput("unsupported_value", path, `a ${current.constructor?.name ?? "non-plain"} object cannot be redacted; convert it to plain objects and arrays first`);
    }
    ancestors.add(current);
    const copy = isArray
      ? current.map((item: unknown, index) => walk(item, [...path, index]))
      : Object.fromEntries(Object.keys(current).map((name) => [name, walk((current as Record<string, unknown>)[name], [...path, name])]));
    ancestors.delete(current);
    return copy;
  };
  return walk(value, []);
}

/** The report of one call: counts in the order of {@link REDACTION_ENTITY_TYPES}, never the values. */
function reportOf(counts: ReadonlyMap<RedactionEntityType, number>, valid: ValidOptions): RedactionReport {
  const orderedCounts: Partial<Record<RedactionEntityType, number>> = {};
  for (const entity of REDACTION_ENTITY_TYPES) {
    const n = counts.get(entity);
    if (n !== undefined) orderedCounts[entity] = n;
  }
  return Object.freeze({
    counts: Object.freeze(orderedCounts),
    engine: REDACTION_ENGINE,
    patternSet: patternSet(),
    mode: valid.mode,
    ...(valid.mode === "pseudonymize" && valid.keyVersion !== undefined ? { keyVersion: valid.keyVersion } : {}),
  });
}

/**
 * Finds and replaces secrets and personal data in a string, or in every string of a JSON-like value
 * (nested objects and arrays), and reports how many of each kind it replaced. The input is never
 * mutated: objects and arrays are copied, object keys and non-string values are kept as they are.
 *
 * Secrets are replaced first (private-key blocks, JWTs, bearer and basic credentials, AWS, Google
 * Cloud and Azure keys, GitHub, GitLab, Slack, Stripe, npm, OpenAI and Anthropic tokens, passwords in
 * URLs and in `password=…` assignments), then PII (payment cards with a valid Luhn digit, IBANs with a
 * valid mod-97 checksum, emails, IPv6 and IPv4 addresses, phone numbers), so a secret is always
 * reported as the secret (rule E4). Where detections overlap, the non-overlapping set kept covers the
 * most characters, then the most of checksum-confirmed matches (cards, IBANs), weighted last toward the
 * types listed first (docs/redaction.md). Every pattern runs in
 * linear time. Characters that render as nothing (zero-width spaces and joiners, word joiner, soft
 * hyphen, BOM, bidi controls…) are removed before matching, so they cannot split a value, and do not
 * come back in the output. Tokens written by an earlier call (`[EMAIL]`, `[CARD ****1234]`,
 * `[EMAIL:k1:…]`, checked part by part) are left alone, so redacting twice gives the same text as
 * redacting once (in `remove` mode, cutting values out can join their neighbours into new matches);
 * a value next to a token, or next to any bracket, is found like any other.
 *
 * In `pseudonymize` mode each PII value becomes `[TYPE:keyVersion:hex]`, 16 hex digits of
 * HMAC-SHA-256(key, type ‖ 0 ‖ normalised value) — the first 16, or the next 16 that hold a letter when
 * those are all decimal digits, so a pseudonym never reads as a card number: the same value under the same key always gets the
 * same token, whatever its spelling (emails lower-cased, phone and card numbers reduced to digits,
 * IBANs without spaces, IP addresses in canonical form), and a different key or entity type gives
 * an unrelated token. Secrets are masked in this mode too: a secret must not survive as a pseudonym.
 *
 * @param value - a string, or an object or array of strings, numbers, booleans, `null` and `Date`s
 * @param options - the mode, the pseudonym key and key version, and which entity types to look for
 * @returns the redacted copy and a report of entity counts by type (never the values found)
 * @throws {@link EscalationError} `invalid_argument` when the options are wrong (unknown mode or
 *   entity, pseudonymize without a key or key version, a key under 16 bytes) or the value holds a
 *   cycle, a function, a symbol, a class instance, or nests deeper than 100; the issue codes
 *   ({@link REDACTION_ISSUE_CODES}) say which
 * @example
 * redact("Mail jane.doe@example.com, card 4111 1111 1111 1111, token ghp_" + "a".repeat(36)).value;
 * // => "Mail [EMAIL], card [CARD ****1111], token [GITHUB_TOKEN]"
 * redact({ note: "call +44 20 7946 0958" }, { mode: "pseudonymize", key: "tenant-42-secret-key", keyVersion: "k1" });
 * // => { value: { note: "call [PHONE:k1:…]" }, report: { counts: { phone: 1 }, engine: "supportops-redact@2", … } }
 */
export function redact<T>(value: T, options?: RedactOptions): RedactResult<T> {
  const valid = validateOptions(options);
  const redactor: TextRedactor = {
    secretDetectors: SECRET_DETECTORS.filter((d) => valid.entities.has(d.entity)),
    piiDetectors: PII_DETECTORS.filter((d) => valid.entities.has(d.entity)),
    replacement: replacementFor(valid),
    counts: new Map<RedactionEntityType, number>(),
  };
  const redacted = copyRedacted(value, redactor) as T;
  return { value: redacted, report: reportOf(redactor.counts, valid) };
}

/**
 * {@link redact} that returns its error instead of throwing it. Takes anything (customer JSON is
 * `unknown`); a typed value keeps its type in the result.
 *
 * @param value - as for {@link redact}
 * @param options - as for {@link redact}
 * @returns `{ success: true, data: { value, report } }`, or `{ success: false, error }` for the errors
 *   {@link redact} would throw
 * @example
 * safeRedact("x", { mode: "pseudonymize" }).success; // => false (no key)
 */
export function safeRedact<T>(value: T, options?: RedactOptions): SafeResult<RedactResult<T>, EscalationError>;
export function safeRedact(value: unknown, options?: unknown): SafeResult<RedactResult<unknown>, EscalationError>;
export function safeRedact(value: unknown, options?: unknown): SafeResult<RedactResult<unknown>, EscalationError> {
  return safely(EscalationError, () => redact(value, options as RedactOptions | undefined));
}
