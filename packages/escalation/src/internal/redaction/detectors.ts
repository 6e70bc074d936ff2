/**
 * The detectors behind `redact`: one per entity type, each a linear-time regular expression that
 * proposes candidates plus checks in code (checksums, lengths, boundaries, context) that accept or
 * refuse them.
 *
 * Every expression follows the same discipline so that a backtracking engine (V8) stays linear:
 * - a start guard (a look-behind or a literal prefix) so that a match can only begin where a run of
 *   its characters begins, never at every position inside one;
 * - greedy runs of character classes that do not overlap the character that follows them, or bounded
 *   quantifiers, so that a failed attempt backtracks a bounded distance;
 * - no look-ahead after an unbounded run (boundaries after a run are checked in code instead).
 * `scripts/check-redos.sh` checks each one with `recheck` (a proof for patterns without look-around,
 * an attack search for the others); the adversarial tests measure them.
 *
 * Brackets are not boundaries of any kind: a value right after `]` (`[INFO]jane@example.com`) or right
 * before `[` (`jane@example.com[1]`) is found, whether or not the bracket belongs to a token `redact`
 * wrote. (A value glued onto one that is replaced is found in a later round of the same call; see
 * `redactText`.)
 */
import type { RedactionEntityType } from "../../RedactionEntityType.js";
import { IBAN_LENGTHS, ibanChecksumValid, luhnValid } from "./checksums.js";
import { parseIpv4, parseIpv6 } from "./ip.js";

/** A proposed redaction: the half-open range `[start, end)` of the text, and what it is. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entity: RedactionEntityType;
  /** The detector's position in the list: among covers of equal length, earlier types win. */
  readonly rank: number;
  /** 0 for shape detectors, 1 for context-only ones; a lower tier wins before length is compared. */
  readonly tier: number;
  /** Whether the detector confirms its matches by a checksum ({@link Detector.verified}). */
  readonly verified: boolean;
}

/** One entity type's detector. */
export interface Detector {
  readonly entity: RedactionEntityType;
  /** Every regular expression the detector runs, for the ReDoS check. */
  readonly patterns: ReadonlyArray<RegExp>;
  /**
   * Strings every match contains (gitleaks' `keywords`): when the text contains none, the detector is
   * skipped. Compared with the lower-cased text when `caseInsensitive`.
   */
  readonly keywords: ReadonlyArray<string>;
  readonly caseInsensitive?: boolean;
  /**
   * Whether a match is confirmed by a check digit or checksum (a card's Luhn digit, an IBAN's mod-97),
   * not only by its shape: between overlap-free sets covering as many characters, the one with more
   * confirmed characters is kept.
   */
  readonly verified?: boolean;
  /** Adds the spans `[start, end)` of `text` that are this entity. */
  readonly find: (text: string, push: (start: number, end: number) => void) => void;
  /** The canonical form of a detected value, fed to the pseudonym MAC so that spelling variants link. */
  readonly normalize: (value: string) => string;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `true` when the character at `index` (if any) is a word character, which glues onto a candidate ending just before it. */
function blockedAfter(text: string, index: number): boolean {
  return index < text.length && isWordCode(text.charCodeAt(index));
}

/**
 * Runs a global regular expression over `text`. `onMatch` returns where scanning resumes: the end of
 * what it used, or `false` when it refused the match (scanning resumes one character after the
 * match's start, so that a candidate starting inside a refused one is still found). Either way the
 * next search starts after the current match's start, so the scan ends.
 */
function scan(regex: RegExp, text: string, onMatch: (match: RegExpExecArray) => number | false): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const resume = onMatch(match);
    regex.lastIndex = resume === false ? match.index + 1 : Math.max(resume, match.index + 1);
  }
}

/** Start and end of the first capture group that took part in the match (the `d` flag records them). */
function firstGroup(match: RegExpExecArray): readonly [number, number] | undefined {
  const indices = match.indices;
  if (indices === undefined) return undefined;
  for (let i = 1; i < indices.length; i++) {
    const range = indices[i];
    if (range !== undefined) return range;
  }
  return undefined;
}

const identity = (value: string): string => value;

/**
 * A detector for a shape that stands alone: the whole match (or its first capture group that took
 * part, e.g. the password after `://user:`) is the secret, once `accept` agrees. `trim` may shorten
 * the span from the end (returns the kept length).
 */
function shape(
  entity: RedactionEntityType,
  regex: RegExp,
  keywords: ReadonlyArray<string>,
  accept: (value: string, text: string, end: number) => boolean = (_v, text, end) => !blockedAfter(text, end),
  trim: (value: string) => number = (value) => value.length,
): Detector {
  return {
    entity,
    patterns: [regex],
    keywords,
    caseInsensitive: regex.flags.includes("i"),
    normalize: identity,
    find(text, push) {
      scan(regex, text, (match) => {
        const [start, fullEnd] = firstGroup(match) ?? [match.index, match.index + match[0].length];
        const end = start + trim(text.slice(start, fullEnd));
        if (end <= start || !accept(text.slice(start, end), text, end)) return false;
        push(start, end);
        return Math.max(end, fullEnd);
      });
    },
  };
}

// --- secrets -------------------------------------------------------------------------------------

/**
 * PEM / OpenSSH / PGP private-key blocks, also JSON-escaped (`\n`). The body runs over base64,
 * header lines (`Proc-Type: 4,ENCRYPTED`) and single dashes but never `--`, so it stops at the END
 * line. A block cut off before its END line is redacted up to where the key material stops: a
 * truncated key is still a key.
 */
const PRIVATE_KEY =
  /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=:,.\s]|-(?!-)|\\[nr])*(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?/g;

/** Length of `value` without trailing whitespace and JSON-escaped line breaks (`\n`, `\r`). */
function trimTrailingSpace(value: string): number {
  let end = value.length;
  for (;;) {
    const c = value.charCodeAt(end - 1);
    if (c === 32 || (c >= 9 && c <= 13)) end--;
    else if ((c === 110 || c === 114) && value.charCodeAt(end - 2) === 92) end -= 2;
    else return end;
  }
}

/** JSON Web Tokens: `eyJ…` header, `ey…` payload, optional signature (`alg: none` has none). */
const JWT = /(?<![\w-])eyJ[\w-]*(?:\.[\w-]*){0,2}/g;

function acceptJwt(value: string, text: string, end: number): boolean {
  const parts = value.split(".");
  return (
    parts.length === 3 &&
    (parts[0]?.length ?? 0) >= 10 &&
    (parts[1]?.length ?? 0) >= 10 &&
    parts[1]?.startsWith("ey") === true &&
    !blockedAfter(text, end)
  );
}

/** AWS access key ids (gitleaks `aws-access-token`). */
const AWS_ACCESS_KEY = /(?<!\w)(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?!\w)/g;
/** AWS secret access keys: 40 base64 characters, only when named as such. */
const AWS_SECRET_KEY =
  /(?<!\w)aws_?secret_?(?:access_?)?key["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi;
/** Google Cloud API keys. */
const GCP_API_KEY = /(?<![\w-])AIza[\w-]{35}(?![\w-])/g;
/** Azure storage account keys in connection strings. */
const AZURE_STORAGE_KEY = /(?<!\w)AccountKey=([A-Za-z0-9+/]{86}==)(?![\w+/=])/dg;
/** Azure AD (Entra) client secrets (gitleaks `azure-ad-client-secret`). */
const AZURE_CLIENT_SECRET = /(?<![\w.~-])[\w~.]{3}[0-9]Q~[\w~.-]{31,34}(?![\w.~-])/g;
/** GitHub classic and fine-grained personal access tokens, OAuth, user-to-server, server and refresh tokens. */
const GITHUB_TOKEN = /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{82})(?!\w)/g;
/** GitLab personal access tokens. */
const GITLAB_TOKEN = /(?<![\w-])glpat-[\w-]{20}(?![\w-])/g;
/** Slack bot, user, app-level, refresh and legacy tokens. */
const SLACK_TOKEN = /(?<![\w-])xox[abposre]-[A-Za-z0-9-]+/g;
/** Slack incoming-webhook and workflow URLs (the URL itself is the credential). */
const SLACK_WEBHOOK = /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[\w+/-]+/g;
/** Stripe secret and restricted keys (publishable `pk_` keys are public and left alone). */
const STRIPE_KEY = /(?<!\w)[sr]k_(?:test|live|prod)_[A-Za-z0-9]+/g;
/** npm access tokens. */
const NPM_TOKEN = /(?<!\w)npm_[A-Za-z0-9]{36}(?!\w)/g;
/** Anthropic API keys. */
const ANTHROPIC_KEY = /(?<![\w-])sk-ant-[\w-]+/g;
/** OpenAI API keys (legacy `sk-…`, project `sk-proj-…`, service-account and admin keys). */
const OPENAI_KEY = /(?<![\w-])sk-[\w-]+/g;
/** The password of a URL's user-info (`scheme://user:password@host`). */
const URL_PASSWORD = /(?<![\w+.-])[A-Za-z][\w+.-]{0,20}:\/\/[^\s:/?#@[\]]{0,256}:([^\s/?#@[\]]{1,256})@/dg;
/** HTTP `Bearer` credentials. */
const BEARER_TOKEN = /(?<!\w)[Bb]earer[ \t]+([\w.~+/-]+=*)/dg;
/** HTTP `Basic` credentials (base64 of `user:password`). */
const BASIC_AUTH = /(?<!\w)[Bb]asic[ \t]+([A-Za-z0-9+/]+={0,2})/dg;
/** A value assigned to a key that names a credential (`password=…`, `"api_key": "…"`). */
const CREDENTIAL_ASSIGNMENT =
  /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token|refresh_?token|private_?key)["']?[ \t]*[:=][ \t]*(?:"([^"\r\n]{1,256})"|'([^'\r\n]{1,256})'|([^\s"'&,;[\]<>{}()]+))/dgi;

const PLACEHOLDER_VALUES = new Set(["true", "false", "null", "undefined", "none", "nil", "empty", "redacted", "string"]);

function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function acceptBearer(value: string, text: string, end: number): boolean {
  // Prose ("the bearer of", "Bearer authentication") is refused: real tokens are long or carry digits.
  return (value.length >= 20 || (value.length >= 8 && hasDigit(value))) && !blockedAfter(text, end);
}

function acceptBasic(value: string, text: string, end: number): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || blockedAfter(text, end)) return false;
  try {
    const decoded = atob(value);
    // base64 of `user:password`: a colon, and printable characters only.
    if (!decoded.includes(":")) return false;
    for (let i = 0; i < decoded.length; i++) {
      const c = decoded.charCodeAt(i);
      if (c < 32 || c === 127) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function acceptCredential(value: string, text: string, end: number): boolean {
  if (value.length < 4 || PLACEHOLDER_VALUES.has(value.toLowerCase()) || blockedAfter(text, end)) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== "*" && c !== "x" && c !== "X" && c !== ".") return true;
  }
  return false; // `****`, `xxxx`, `...`: already masked
}

/** The secret detectors, in the order they win ties. */
export const SECRET_DETECTORS: ReadonlyArray<Detector> = [
  shape("private_key", PRIVATE_KEY, ["-----BEGIN"], () => true, trimTrailingSpace),
  shape("jwt", JWT, ["eyJ"], acceptJwt),
  shape("aws_access_key", AWS_ACCESS_KEY, ["A3T", "AKIA", "ASIA", "ABIA", "ACCA"]),
  shape("aws_secret_key", AWS_SECRET_KEY, ["aws"]),
  shape("gcp_api_key", GCP_API_KEY, ["AIza"]),
  shape("azure_storage_key", AZURE_STORAGE_KEY, ["AccountKey="]),
  shape("azure_client_secret", AZURE_CLIENT_SECRET, ["Q~"]),
  shape("github_token", GITHUB_TOKEN, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
  shape("gitlab_token", GITLAB_TOKEN, ["glpat-"]),
  shape("slack_token", SLACK_TOKEN, ["xox"], (v, text, end) => v.length >= 15 && !blockedAfter(text, end)),
  shape("slack_webhook", SLACK_WEBHOOK, ["hooks.slack.com"], (v, text, end) => v.length >= 48 && !blockedAfter(text, end)),
  shape("stripe_key", STRIPE_KEY, ["k_test_", "k_live_", "k_prod_"], (v, text, end) => v.length >= 18 && !blockedAfter(text, end)),
  shape("npm_token", NPM_TOKEN, ["npm_"]),
  shape("anthropic_key", ANTHROPIC_KEY, ["sk-ant-"], (v, text, end) => v.length >= 40 && !blockedAfter(text, end)),
  shape(
    "openai_key",
    OPENAI_KEY,
    ["sk-"],
    (v, text, end) => !v.startsWith("sk-ant-") && v.length >= 40 && hasDigit(v) && !blockedAfter(text, end),
  ),
  shape("url_password", URL_PASSWORD, ["://"], () => true),
  shape("bearer_token", BEARER_TOKEN, ["earer"], acceptBearer),
  shape("basic_auth", BASIC_AUTH, ["asic"], acceptBasic),
  shape("credential_assignment", CREDENTIAL_ASSIGNMENT, ["pass", "pwd", "secret", "key", "token"], acceptCredential),
];

// --- PII -----------------------------------------------------------------------------------------

const DIGITS: ReadonlyArray<string> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

function digitsOf(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) out += value[i];
  }
  return out;
}

/** A digit group of a candidate run and the separator text before it. */
interface Group {
  readonly start: number;
  readonly end: number;
  readonly separator: string;
}

/** Splits `[from, to)` of `text` into runs of ASCII digits and the text between them. */
function digitGroups(text: string, from: number, to: number): Group[] {
  const groups: Group[] = [];
  let i = from;
  let separatorStart = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const start = i;
      while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      groups.push({ start, end: i, separator: text.slice(separatorStart, start) });
      separatorStart = i;
    } else {
      i++;
    }
  }
  return groups;
}

/**
 * Payment card numbers (PAN): 13–19 digits, contiguous or in groups of four to six digits separated by
 * single spaces or dashes (one kind, unless the card is the whole run of digits; the last group may be
 * shorter), with an issuer prefix 2–6 and a valid Luhn check digit, not followed by `.` and a digit
 * (the end of a card is never the start of a dotted number such as an IP address). Every group after a
 * space can start a card; the longest valid card from each start is proposed.
 */
const CARD_RUN = /(?<!\w)[0-9]{1,19}(?:[ -][0-9]{1,19}){0,18}/g;

const card: Detector = {
  entity: "card",
  verified: true,
  patterns: [CARD_RUN],
  keywords: DIGITS,
  normalize: digitsOf,
  find(text, push) {
    scan(CARD_RUN, text, (match) => {
      const groups = digitGroups(text, match.index, match.index + match[0].length);
      for (let i = 0; i < groups.length; i++) {
        const first = groups[i];
        if (first === undefined) continue;
        const issuer = text.charCodeAt(first.start);
        if (issuer < 50 || issuer > 54) continue; // 2–6: Mastercard 2-series, Amex, Visa, Mastercard, Discover…
        if (i > 0 && first.separator !== " ") continue; // never from the middle of `6011-5342-…`
        const separator = groups[i + 1]?.separator;
        let digits = "";
        let best = -1;
        let mixed = false;
        for (let j = i; j < groups.length; j++) {
          const g = groups[j];
          if (g === undefined) break;
          // Cards are printed whole or in groups of four to six (4-4-4-4, Amex 4-6-5); only the last may be
          // shorter. `3788605819431329 83` is a card and a number, not one 18-digit card.
          const previous = (groups[j - 1]?.end ?? 0) - (groups[j - 1]?.start ?? 0);
          if (j > i && (previous < 4 || previous > 6)) break;
          if (j > i && g.separator !== separator) mixed = true;
          digits += text.slice(g.start, g.end);
          if (digits.length > 19) break;
          // Mixed separators (`4111-1111 1111 1111`, a typing slip) only when the card is the whole run:
          // a window of `4620 6011-5342-3030-0008` that mixes them is a phone's tail and a card's head.
          const whole = i === 0 && j === groups.length - 1;
          const dottedTail = text[g.end] === "." && isDigitCode(text.charCodeAt(g.end + 1));
          if (digits.length >= 13 && (!mixed || whole) && !dottedTail && luhnValid(digits) && !blockedAfter(text, g.end)) best = g.end;
        }
        if (best > 0) push(first.start, best);
      }
      return match.index + match[0].length;
    });
  },
};

/**
 * IBANs: country code, two check digits, then exactly the country's length of letters and digits,
 * optionally in space-separated groups, with a valid mod-97 checksum.
 */
const IBAN_RUN = /(?<!\w)[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}/g;

const iban: Detector = {
  entity: "iban",
  verified: true,
  patterns: [IBAN_RUN],
  keywords: DIGITS,
  normalize: (value) => value.split(" ").join("").toUpperCase(),
  find(text, push) {
    scan(IBAN_RUN, text, (match) => {
      const value = match[0];
      const length = IBAN_LENGTHS[value.slice(0, 2)];
      if (length === undefined) return false;
      let compact = "";
      let i = 0;
      for (; i < value.length && compact.length < length; i++) {
        if (value[i] !== " ") compact += value[i];
      }
      const end = match.index + i;
      if (compact.length !== length || blockedAfter(text, end) || !ibanChecksumValid(compact)) return false;
      push(match.index, end);
      return end;
    });
  },
};

/**
 * Email addresses: a dot-atom local part, `@` (or its URL encoding `%40`), and a domain of at least
 * two DNS labels with an alphabetic top-level label. Dots and dashes that end a sentence are not part
 * of the domain.
 */
const EMAIL_RUN = /(?<![\w.%+-])([\w.%+-]+)(@|%40)[A-Za-z0-9.-]+/g;

function validLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63 || label.startsWith("-") || label.endsWith("-")) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (!(isWordCode(c) || c === 45) || c === 95) return false;
  }
  return true;
}

function isAlphabetic(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

const email: Detector = {
  entity: "email",
  patterns: [EMAIL_RUN],
  keywords: ["@", "%40"],
  // A URL-encoded `@` (`jane%40example.com`, common in logged query strings) links with the plain form.
  normalize: (value) => value.trim().toLowerCase().split("%40").join("@"),
  find(text, push) {
    scan(EMAIL_RUN, text, (match) => {
      const value = match[0];
      const at = (match[1] ?? "").length;
      const domainStart = at + (match[2] ?? "@").length;
      let start = 0;
      while (start < at && ".+-".includes(value[start] ?? "")) start++;
      let end = value.length;
      while (end > domainStart && ".-".includes(value[end - 1] ?? "")) end--;
      const local = value.slice(start, at);
      const domain = value.slice(domainStart, end);
      const labels = domain.split(".");
      const tld = labels[labels.length - 1] ?? "";
      const ok =
        local.length > 0 &&
        local.length <= 64 &&
        !local.endsWith(".") &&
        !local.includes("..") &&
        domain.length <= 253 &&
        labels.length >= 2 &&
        labels.every(validLabel) &&
        tld.length >= 2 &&
        isAlphabetic(tld) &&
        !blockedAfter(text, match.index + end) &&
        text[match.index + end] !== "@";
      if (!ok) return false;
      push(match.index + start, match.index + end);
      return match.index + end;
    });
  },
};

/** IPv4 addresses in dotted-decimal, not part of a longer dotted run (`1.2.3.4.5`) or a version (`v1.2.3.4`). */
const IPV4_RUN = /(?<![\w.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}/g;

/** Words that, right before a dotted quad, make it a version number rather than an address. */
const VERSION_WORDS = ["version", "ver", "release", "build", "firmware", "fw", "v"];

function followsVersionWord(text: string, start: number): boolean {
  let i = start;
  // Skip the separators a version label is written with: `version: 1.2.3.4`, `build=1.2.3.4`, `v1.2.3.4`.
  while (i > 0 && i > start - 4 && " :=#\t".includes(text[i - 1] ?? "")) i--;
  const before = text.slice(Math.max(0, i - 8), i).toLowerCase();
  return VERSION_WORDS.some((word) => {
    if (!before.endsWith(word)) return false;
    const k = i - word.length - 1;
    return k < 0 || !isWordCode(text.charCodeAt(k));
  });
}

const ipv4: Detector = {
  entity: "ipv4",
  patterns: [IPV4_RUN],
  keywords: ["."],
  normalize: identity,
  find(text, push) {
    scan(IPV4_RUN, text, (match) => {
      const end = match.index + match[0].length;
      const dottedTail = text[end] === "." && text.charCodeAt(end + 1) >= 48 && text.charCodeAt(end + 1) <= 57;
      if (parseIpv4(match[0]) === null || blockedAfter(text, end) || dottedTail || followsVersionWord(text, match.index)) {
        return false;
      }
      push(match.index, end);
      return end;
    });
  },
};

/** IPv6 addresses (any RFC 4291 text form, with an IPv4 tail), validated by a parser. */
const IPV6_RUN = /(?<![\w.:])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*/g;

const ipv6: Detector = {
  entity: "ipv6",
  patterns: [IPV6_RUN],
  keywords: [":"],
  normalize: (value) => parseIpv6(value) ?? value.toLowerCase(),
  find(text, push) {
    scan(IPV6_RUN, text, (match) => {
      let value = match[0];
      // A sentence may end right after an address: drop a trailing `.` and a lone trailing `:`.
      while (value.endsWith(".")) value = value.slice(0, -1);
      if (value.endsWith(":") && !value.endsWith("::")) value = value.slice(0, -1);
      const end = match.index + value.length;
      if (parseIpv6(value) === null || blockedAfter(text, end)) return false;
      push(match.index, end);
      return end;
    });
  },
};

/**
 * Phone numbers. A run of digit groups is cut into windows, and every window that is a phone number
 * is proposed (overlap resolution keeps the set worth most: `coverMost`). A window is a phone number when:
 * - it starts with `+` and has 8–15 digits (E.164), or
 * - it has at least two groups and 10–15 digits, and is not a date (`2024-01-15`) or dotted quad, or
 * - it has 7–15 digits and a phone word (phone, tel, mobile, cell, call, sms, fax, whatsapp) is
 *   written in the 32 characters before it, with no other number in between.
 * Shape rules:
 * - at most six groups; after the first, each has two or more digits (a one-digit group may follow a
 *   `+` country code: `+33 6 12 34 56 78`);
 * - groups are separated by one space, dash or dot (dots never mix with others), with parentheses
 *   around the area code (`(555) 123-4567`, `+1 (555) 123-4567`);
 * - a window starts at the run's start or after a space or ` (`, and ends at the run's end or before
 *   a space, so it never takes half of `116.238.1.9` or `125-9793`;
 * - once a dash or dot has been used, a space ends the number (`(872) 725-7594 6011…` is two things);
 * - three or more groups of which all but the last have four digits (4-4-4, 4-4-3) are a card's
 *   layout, never a phone.
 */
const PHONE_RUN = /(?<![\w+])\+?\(?[0-9][0-9 ().-]*/g;

const PHONE_SEPARATORS = new Set([" ", "-", ".", ")", ") ", ")-", " (", "("]);
const PHONE_WORDS = ["phone", "tel", "mobile", "cell", "call", "sms", "fax", "whatsapp"];

/** Whether a phone word is written in the 32 characters before `start`, with no digit in between. */
function hasPhoneWord(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && from > start - 32) {
    const c = text.charCodeAt(from - 1);
    if (c >= 48 && c <= 57) break;
    from--;
  }
  const before = text.slice(from, start).toLowerCase();
  return PHONE_WORDS.some((word) => {
    let at = before.indexOf(word);
    while (at >= 0) {
      // A word of its own, not the end of another one and not the label of a token (`[PHONE]`).
      if (at === 0 || (!isWordCode(before.charCodeAt(at - 1)) && before[at - 1] !== "[")) return true;
      at = before.indexOf(word, at + 1);
    }
    return false;
  });
}

/** `2024-01-15`, `15.01.2024`: the first three groups (lengths `a b c`, separators `s1 s2`) are a date. */
function isDateLike(a: number, b: number, c: number, s1: string, s2: string): boolean {
  if ((s1 !== "-" && s1 !== ".") || s2 !== s1) return false;
  return (a === 4 && b <= 2 && c <= 2) || (c === 4 && a <= 2 && b <= 2);
}

/**
 * A window of digit groups, grown one group at a time from its first group: what its separators and
 * group lengths have been so far, which decides whether it may grow and whether it is a phone number.
 */
interface PhoneWindow {
  /** Where the window's text starts (its `+` or `(` included). */
  readonly start: number;
  /** Whether it starts with `+` (a country code). */
  readonly plus: boolean;
  /** Open parentheses not yet closed. */
  open: number;
  digits: number;
  /** Groups in the window. */
  count: number;
  dotted: boolean;
  /** A separator other than a dot has been used. */
  other: boolean;
  dashed: boolean;
  /** Every group so far has four digits. */
  allFour: boolean;
  /** Every group before the last has four digits. */
  headsFour: boolean;
  /** Every group so far has at most three digits. */
  allShort: boolean;
  dateLike: boolean;
  firstLength: number;
  secondLength: number;
  firstSeparator: string;
  /** Whether a phone word precedes the window; looked up once, when first needed. */
  phoneWord: boolean | undefined;
}

/**
 * Where a window starting at group `i` begins: the run's own start (with its `+` or `(`), or a group
 * after a space (or ` (`); `undefined` when no window may start there.
 */
function phoneWindowAt(text: string, runStart: number, groups: ReadonlyArray<Group>, i: number): PhoneWindow | undefined {
  const first = groups[i];
  if (first === undefined) return undefined;
  let start: number;
  let plus = false;
  if (i === 0) {
    start = runStart;
    plus = text[start] === "+";
  } else if (first.separator.endsWith(" (")) {
    start = first.start - 1;
  } else if (first.separator.endsWith(" ")) {
    start = first.start;
  } else {
    return undefined;
  }
  return {
    start, plus, open: text[first.start - 1] === "(" ? 1 : 0, digits: 0, count: 0, dotted: false, other: false, dashed: false,
    allFour: true, headsFour: true, allShort: true, dateLike: false, firstLength: 0, secondLength: 0, firstSeparator: "", phoneWord: undefined,
  };
}

/**
 * Whether the next group (of `length` digits, after separator `sep`) may join the window, recording
 * the separator; `false` ends the window.
 */
function joinsPhoneWindow(w: PhoneWindow, sep: string, length: number): boolean {
  if (!PHONE_SEPARATORS.has(sep)) return false;
  const second = w.count === 1;
  // An opening parenthesis inside a window only follows a country code: `+1 (555) 123-4567`.
  const opens = sep.includes("(");
  if (opens && !(w.plus && second)) return false;
  if (opens) w.open++;
  if (sep.includes(")")) w.open--;
  if (w.open < 0) return false;
  // After a dash or dot, a space ends the number: `(872) 725-7594 6011` is a phone and a card.
  if ((w.dotted || w.dashed) && sep.includes(" ")) return false;
  if (sep === ".") w.dotted = true;
  else w.other = true;
  if (sep.includes("-")) w.dashed = true;
  if (w.dotted && w.other) return false;
  // After the first group (and a one-digit trunk or area code after `+cc`), groups have 2+ digits.
  if (length < 2 && !(w.plus && second)) return false;
  if (w.count === 1) w.firstSeparator = sep;
  if (w.count === 2) w.dateLike = isDateLike(w.firstLength, w.secondLength, length, w.firstSeparator, sep);
  return true;
}

/** Adds a group of `length` digits to the window. */
function addPhoneGroup(w: PhoneWindow, length: number): void {
  if (w.count === 0) w.firstLength = length;
  if (w.count === 1) w.secondLength = length;
  w.count++;
  w.digits += length;
  w.headsFour = w.allFour; // every group before this one has four digits
  w.allFour &&= length === 4;
  w.allShort &&= length <= 3;
}

/**
 * Whether the window, as it stands after group `g`, is a phone number: it ends where the run breaks
 * at a space, is not laid out like a card, a date or a dotted quad, and has the digits (or the phone
 * word) a phone number needs.
 */
function isPhoneWindow(text: string, w: PhoneWindow, g: Group, next: Group | undefined): boolean {
  // A window ends where the run breaks at a space, never inside `116.238` or `125-9793`.
  if (w.open !== 0 || blockedAfter(text, g.end) || (next !== undefined && !next.separator.includes(" "))) return false;
  // 4-4-4(-4), 4-4-3: how card numbers are written, not phone numbers (a card failing Luhn lands here).
  if (w.headsFour && w.count >= 3) return false;
  // A date or a dotted quad, unless it starts with `+` (`+44-20-7946-0958` is 2-2-4 like a date).
  if (!w.plus && (w.dateLike || (w.dotted && w.count === 4 && w.allShort))) return false;
  if ((w.plus && w.digits >= 8) || (w.count >= 2 && w.digits >= 10)) return true;
  if (w.digits < 7) return false;
  w.phoneWord ??= hasPhoneWord(text, w.start);
  return w.phoneWord;
}

/** Proposes every phone-number window of the run of digit groups `[runStart, runEnd)`. */
function findPhonesInRun(text: string, runStart: number, runEnd: number, push: (start: number, end: number) => void): void {
  const groups = digitGroups(text, runStart, runEnd);
  for (let i = 0; i < groups.length; i++) {
    const w = phoneWindowAt(text, runStart, groups, i);
    if (w === undefined) continue;
    for (let j = i; j < groups.length; j++) {
      const g = groups[j];
      if (g === undefined) break;
      const length = g.end - g.start;
      if (j > i && !joinsPhoneWindow(w, g.separator, length)) break;
      addPhoneGroup(w, length);
      if (w.digits > 15 || w.count > 6) break;
      if (isPhoneWindow(text, w, g, groups[j + 1])) push(w.start, g.end);
    }
  }
}

const phone: Detector = {
  entity: "phone",
  patterns: [PHONE_RUN],
  keywords: DIGITS,
  normalize: digitsOf,
  find(text, push) {
    scan(PHONE_RUN, text, (match) => {
      const runEnd = match.index + match[0].length;
      findPhonesInRun(text, match.index, runEnd, push);
      return runEnd;
    });
  },
};

/** The PII detectors, in the order they win ties. */
export const PII_DETECTORS: ReadonlyArray<Detector> = [card, iban, email, ipv6, ipv4, phone];
