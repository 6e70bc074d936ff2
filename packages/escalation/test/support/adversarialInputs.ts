/**
 * Adversarial inputs for `redact`: 100 000 characters each, built to make a backtracking pattern go
 * quadratic or worse. Shared by `redact.adversarial.test.ts` (the catastrophic-slowness guard) and
 * `redactionTimings.ts` (the figures in docs/redaction.md and docs/security.md).
 */

/** The length of every adversarial input. */
export const N = 100_000;

const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

/** Inputs built to make a backtracking pattern, or the code around the patterns, go quadratic or worse. */
export const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ["one long digit run", fill("1")],
  ["digits separated by spaces", fill("1 ")],
  ["digits separated by dashes", fill("4-")],
  ["card-like groups", fill("4111 ")],
  ["phone-like groups", fill("(555) 123-")],
  ["plus signs and digits", fill("+1")],
  ["open parentheses", fill("(1 ")],
  ["a phone word then digit groups", `phone ${fill("12 ")}`],
  ["repeated a@", fill("a@")],
  ["repeated a.", fill("a.")],
  ["a long local part with no @", fill("ab.c-d_")],
  ["a long local part then a dotted domain", `${fill("a.").slice(0, N / 2)}@${fill("b.").slice(0, N / 2)}`],
  ["repeated @.", fill("@.")],
  ["repeated ]@ (recheck's attack shape)", fill("]@")],
  ["BEGIN headers without END", fill("-----BEGIN PRIVATE KEY-----")],
  ["one BEGIN header then base64", `-----BEGIN RSA PRIVATE KEY-----${fill("QUJD")}`],
  ["BEGIN and single dashes", `-----BEGIN PRIVATE KEY-----${fill("a-")}`],
  ["escaped newlines", `-----BEGIN PRIVATE KEY-----${fill("\\n")}`],
  ["dots", fill(".")],
  ["digit dots", fill("1.")],
  ["three-digit dots", fill("255.")],
  ["colons", fill(":")],
  ["hex colons", fill("a:")],
  ["double colons", fill("::1")],
  ["hex words", fill("dead beef ")],
  ["eyJ runs", fill("eyJ")],
  ["eyJ with dashes", fill("eyJ-")],
  ["eyJ segments", fill("eyJa.")],
  ["Bearer words", fill("Bearer ")],
  ["Bearer tokens", fill("Bearer a")],
  ["Basic credentials", fill("Basic QUJD")],
  ["scheme runs (recheck's attack shape)", fill("A://:A")],
  ["URL user infos without @", fill("https://u:p")],
  ["password assignments", fill("password=")],
  ["unterminated quoted passwords", fill('password="a')],
  ["IBAN starts", fill("DE89 ")],
  ["IBAN starts without spaces", fill("DE89")],
  ["key prefixes", fill("sk-ant-sk_live_xoxb-glpat-ghp_npm_AKIAAIza")],
  ["token-like brackets", fill("[EMAIL:k1:")],
  ["bracket stars", fill("[*")],
  ["Azure secret shapes", fill("abc1Q~")],
  ["AccountKey prefixes", fill("uAccountKey=t")],
  ["control characters", fill("c\u0000")],
  ["URL-encoded at signs", fill("a%40")],
  ["URL-encoded at signs and dots", fill("x%40y.")],
  ["nested assignments", fill("password=ghp_")],
  ["assignments after key headers (extra rounds)", fill("-----BEGIN PRIVATE KEY-----password=ghp_password=AKIA ")],
  ["phones glued to card groups", fill("+33 6 0002 0188 4525 6533 6943 0792 ")],
  // Issue 9: what the hostile-input rules added (invisible characters, brackets, token checks, glue rounds).
  ["zero-width spaces between digits", fill("4\u200b1 ")],
  ["zero-width joiners around at signs", fill("a\u200d@\u200bb.co ")],
  ["soft hyphens and BOMs everywhere", fill("j\u00ada\ufeffn")],
  ["brackets before values", fill("]a@b.co ")],
  ["brackets around digits", fill("[1]4111 ")],
  ["fake tokens carrying a key", fill("[EMAIL:AKIAIOSFODNN7EXAMPLE:0123456789abcdef]")],
  ["distinct fake tokens (no cache hits)", Array.from({ length: N / 30 }, (_, i) => `[EMAIL:10.0.${i >> 8}.${i & 255}:0123456789abcdef]`).join("").padEnd(N, "x").slice(0, N)],
  ["real tokens glued to values", fill("[EMAIL]a@b.co")],
  ["values glued to values (glue rounds)", fill("+44 20 7946 0958")],
  ["tokens glued to digits", fill("[CARD ****1111]4111111111111111")],
];
