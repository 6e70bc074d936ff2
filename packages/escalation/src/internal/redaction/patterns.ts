/** Every regular expression redaction runs, for the ReDoS check in `scripts/check-redos.sh`. */
import { PII_DETECTORS, SECRET_DETECTORS } from "./detectors.js";
import { IGNORABLE } from "./redactText.js";
import { KEY_VERSION_PATTERN, TOKEN_PATTERN } from "./tokens.js";

/** One regular expression, named by what uses it. */
export interface RedactionPattern {
  readonly id: string;
  readonly source: string;
  /** Flags that affect matching (`d` only records indices, so it is left out). */
  readonly flags: string;
}

function entry(id: string, regex: RegExp): RedactionPattern {
  return { id, source: regex.source, flags: regex.flags.replace("d", "") };
}

/** The full list: each detector's patterns, the invisible-character filter, the token recogniser and the key-version check. */
export const REDACTION_PATTERNS: ReadonlyArray<RedactionPattern> = Object.freeze([
  ...[...SECRET_DETECTORS, ...PII_DETECTORS].flatMap((detector) =>
    detector.patterns.map((regex, i) => entry(detector.patterns.length > 1 ? `${detector.entity}#${i}` : detector.entity, regex)),
  ),
  entry("ignorable", IGNORABLE),
  entry("token", TOKEN_PATTERN),
  entry("key_version", KEY_VERSION_PATTERN),
]);
