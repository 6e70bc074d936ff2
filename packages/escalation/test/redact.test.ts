import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import {
  EscalationError,
  PII_ENTITY_TYPES,
  REDACTION_ENGINE,
  REDACTION_ENTITY_TYPES,
  REDACTION_ISSUE_CODES,
  SECRET_ENTITY_TYPES,
  redact,
  safeRedact,
  type RedactOptions,
  type RedactionEntityType,
} from "@supportops/escalation";
import { INVISIBLE_CHARACTERS } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import { REDACTION_PATTERNS } from "../src/internal/redaction/patterns.js";

// Secret-shaped fixtures are assembled at run time so that no scanner mistakes this file for a leak.
const rep = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
const PEM = ["-----BEGIN RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA1b2c3d4e5f6", "g7h8i9+/AbCdEf==", "-----END RSA PRIVATE KEY-----"].join("\n");
const KEY = "tenant-42-secret-key-0001";

const masked = (text: string, options?: RedactOptions): string => redact(text, options).value;
const counted = (text: string, options?: RedactOptions): Partial<Record<RedactionEntityType, number>> =>
  redact(text, options).report.counts;

/** The pseudonym a caller can compute independently: HMAC-SHA-256(key, type ‖ 0 ‖ normalised). */
const oracle = (key: string, entity: string, normalized: string): string =>
  bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(`${entity}\u0000${normalized}`))).slice(0, 16);

describe("entity types", () => {
  test("lists secrets before PII, each type once", () => {
    expect(REDACTION_ENTITY_TYPES).toStrictEqual([...SECRET_ENTITY_TYPES, ...PII_ENTITY_TYPES]);
    expect(new Set(REDACTION_ENTITY_TYPES).size).toBe(REDACTION_ENTITY_TYPES.length);
  });
});

describe("the pattern list that scripts/check-redos.sh checks", () => {
  test("covers every entity type's detector, the invisible-character filter, the token recogniser and the key-version check", () => {
    expect(REDACTION_PATTERNS.map((p) => p.id)).toStrictEqual([...REDACTION_ENTITY_TYPES, "ignorable", "token", "key_version"]);
    for (const pattern of REDACTION_PATTERNS) expect(() => new RegExp(pattern.source, pattern.flags)).not.toThrow();
  });
});

describe("secrets", () => {
  const cases: ReadonlyArray<readonly [RedactionEntityType, string, string]> = [
    ["private_key", `key:\n${PEM}\nend`, "key:\n[PRIVATE_KEY]\nend"],
    ["private_key", `{"private_key": "${PEM.replace(/\n/g, "\\n")}\\n"}`, '{"private_key": "[PRIVATE_KEY]\\n"}'],
    ["private_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n(truncated)", "[PRIVATE_KEY]\n(truncated)"],
    ["jwt", `token=${JWT};`, "token=[JWT];"],
    ["aws_access_key", "id AKIAIOSFODNN7EXAMPLE here", "id [AWS_ACCESS_KEY] here"],
    ["aws_secret_key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [AWS_SECRET_KEY]"],
    ["gcp_api_key", `key=AIza${rep("Sy9Ab-_", 35)}&q=1`, "key=[GCP_API_KEY]&q=1"],
    ["azure_storage_key", `AccountName=x;AccountKey=${rep("Ab9+/", 86)}==;EndpointSuffix=core`, "AccountName=x;AccountKey=[AZURE_STORAGE_KEY];EndpointSuffix=core"],
    ["azure_client_secret", `secret "${"xY7"}8Q~${rep("a1B2.c_D~-", 34)}"`, 'secret "[AZURE_CLIENT_SECRET]"'],
    ["github_token", `ghp_${rep("A1b2C3", 36)} and github_pat_${rep("Z9_y8", 82)}`, "[GITHUB_TOKEN] and [GITHUB_TOKEN]"],
    ["gitlab_token", `glpat-${rep("x-Y_1", 20)}`, "[GITLAB_TOKEN]"],
    ["slack_token", `xoxb-123456789012-1234567890123-${rep("aB3", 24)}`, "[SLACK_TOKEN]"],
    ["slack_webhook", "POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now", "POST [SLACK_WEBHOOK] now"],
    ["stripe_key", `Stripe: sk_live_${rep("4eC39HqLyjWDarjtT1zdp7dc", 24)}.`, "Stripe: [STRIPE_KEY]."],
    ["npm_token", `//registry.npmjs.org/:_authToken=npm_${rep("a1B2", 36)}`, "//registry.npmjs.org/:_authToken=[NPM_TOKEN]"],
    ["anthropic_key", `sk-ant-api03-${rep("Ab3_-x", 93)}AA`, "[ANTHROPIC_KEY]"],
    ["openai_key", `OPENAI_API_KEY is sk-proj-${rep("T3BlbkFJ9z", 60)}`, "OPENAI_API_KEY is [OPENAI_KEY]"],
    ["url_password", "postgres://app:s3cr:et@db.internal:5432/app", "postgres://app:[URL_PASSWORD]@db.internal:5432/app"],
    ["bearer_token", "Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543", "Authorization: Bearer [BEARER_TOKEN]"],
    ["basic_auth", `Authorization: Basic ${btoa("alice:wonderland")}`, "Authorization: Basic [BASIC_AUTH]"],
    ["credential_assignment", 'DB_PASSWORD=hunter2! and {"api_key": "correct horse battery"}', 'DB_PASSWORD=[CREDENTIAL_ASSIGNMENT] and {"api_key": "[CREDENTIAL_ASSIGNMENT]"}'],
  ];

  test.each(cases)("%s: %j", (entity, input, expected) => {
    const result = redact(input);
    expect(result.value).toBe(expected);
    expect(Object.keys(result.report.counts)).toStrictEqual([entity]);
  });

  test.each([
    ["an access-key id one character short", `AKIA${rep("IOSFODNN7EXAMP", 15)}`],
    ["an access-key id glued to a word", "xAKIAIOSFODNN7EXAMPLE"],
    ["a GitHub token one character short", `ghp_${rep("A1b2C3", 35)}`],
    ["a JWT header alone", "eyJhbGciOiJIUzI1NiJ9"],
    ["a dotted identifier starting eyJ", "eyJ.short.x"],
    ["prose about bearers", "the Bearer of bad news; Bearer authentication"],
    ["prose about basics", "basic usage, Basic plan"],
    ["a placeholder password", "password=true, password: ****, password=${DB_PASSWORD}"],
    ["a Stripe publishable key", `pk_live_${rep("4eC39HqLyjWDarjtT1zdp7dc", 24)}`],
    ["a short sk- name", "sk-learn and sk-1234"],
    ["a URL without a password", "https://example.org/path and https://example.org:8443/"],
    ["a private-key END line alone", "-----END RSA PRIVATE KEY-----"],
    ["a public key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----"],
  ])("leaves %s alone", (_name, input) => {
    expect(redact(input).value).toBe(input);
    expect(redact(input).report.counts).toStrictEqual({});
  });

  test("E4: a secret with an email-like part is reported as the secret, not as an email", () => {
    expect(redact('password: "jane.doe@example.com"')).toMatchObject({
      value: 'password: "[CREDENTIAL_ASSIGNMENT]"',
      report: { counts: { credential_assignment: 1 } },
    });
    expect(redact("https://svc:p4ss@db.example.com/").report.counts).toStrictEqual({ url_password: 1 });
  });

  test("a JWT after Bearer is reported once, as the more specific JWT", () => {
    expect(redact(`Authorization: Bearer ${JWT}`).value).toBe("Authorization: Bearer [JWT]");
    expect(counted(`Authorization: Bearer ${JWT}`)).toStrictEqual({ jwt: 1 });
  });
});

describe("PII", () => {
  const cases: ReadonlyArray<readonly [RedactionEntityType, string, string]> = [
    ["email", "Mail Jane.Doe+tag@Example.co.uk.", "Mail [EMAIL]."],
    ["email", "<ops-team@mail.example.com>, x_y@sub-domain.example.org", "<[EMAIL]>, [EMAIL]"],
    ["email", "GET /reset?email=jane.doe%40example.com&lang=en", "GET /reset?email=[EMAIL]&lang=en"],
    ["email", "[jane@example.com](mailto:jane@example.com), see jane@example.com[1]", "[[EMAIL]](mailto:[EMAIL]), see [EMAIL][1]"],
    ["phone", "call +44 20 7946 0958 today", "call [PHONE] today"],
    ["phone", "(555) 123-4567 or 555-123-4567 or 555.123.4567", "[PHONE] or [PHONE] or [PHONE]"],
    ["phone", "+1-202-555-0143, tel: 5551234, mobile 0612345678", "[PHONE], tel: [PHONE], mobile [PHONE]"],
    ["card", "Visa 4111 1111 1111 1111 exp 12/29", "Visa [CARD ****1111] exp 12/29"],
    ["card", "5500-0000-0000-0004 / 378282246310005 / 4111111111111111", "[CARD ****0004] / [CARD ****0005] / [CARD ****1111]"],
    ["card", "card 4111-1111 1111 1111 (a typing slip)", "card [CARD ****1111] (a typing slip)"],
    ["iban", "IBAN DE89 3704 0044 0532 0130 00, GB82WEST12345698765432", "IBAN [IBAN], [IBAN]"],
    ["iban", "FR1420041010050500013M02606", "[IBAN]"],
    ["ipv4", "from 192.168.1.20 and 10.0.0.1.", "from [IPV4] and [IPV4]."],
    ["ipv6", "from 2001:db8::1, fe80::1ff:fe23:4567:890a and ::ffff:192.0.2.1", "from [IPV6], [IPV6] and [IPV6]"],
    ["ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329.", "[IPV6]."],
    ["ipv4", "GET http://10.1.2.3:8080/health", "GET http://[IPV4]:8080/health"],
    ["ipv6", "GET https://[2001:db8::1]:443/health", "GET https://[[IPV6]]:443/health"],
  ];

  test.each(cases)("%s: %j", (entity, input, expected) => {
    const result = redact(input);
    expect(result.value).toBe(expected);
    expect(Object.keys(result.report.counts)).toStrictEqual([entity]);
  });

  test.each([
    ["a card number with a wrong Luhn digit", "4111 1111 1111 1112"],
    ["a 16-digit id outside the card issuer range", "1234567812345670"],
    ["an IBAN with a wrong checksum", "GB82WEST12345698765431"],
    ["an IBAN of the wrong length for its country", "GB82WEST1234569876543"],
    ["an IBAN of an unknown country", "XX82WEST12345698765432"],
    ["addresses without a real domain", "user@localhost, a@b.c, @example.com, x@-bad.example"],
    ["an ISO date and a timestamp", "2024-01-15 10:30:00 and 15.01.2024 and 1732780800000"],
    ["an order number with no phone word", "order 12345678 shipped"],
    ["out-of-range and leading-zero quads", "999.1.1.1 and 01.02.03.04"],
    ["version-like dotted numbers", "v1.2.3.4, version 10.0.0.1, build: 4.3.2.1, 1.2.3, 1.2.3.4.5"],
    ["times, scopes and MAC addresses", "10:30:00, std::vector, a ::= b, 00:1A:2B:3C:4D:5E"],
  ])("leaves %s alone", (_name, input) => {
    expect(redact(input).value).toBe(input);
    expect(redact(input).report.counts).toStrictEqual({});
  });

  test("the overlap-free set covering most wins: an IPv4 tail inside an IPv6 address stays part of it", () => {
    expect(counted("::ffff:192.0.2.1")).toStrictEqual({ ipv6: 1 });
  });

  test("tokens written by an earlier call are left alone", () => {
    const once = redact("Visa 4111 1111 1111 1111, jane@example.com", { mode: "pseudonymize", key: KEY, keyVersion: "k1" });
    expect(redact(once.value, { mode: "pseudonymize", key: KEY, keyVersion: "k1" })).toStrictEqual({
      value: once.value,
      report: { ...once.report, counts: {} },
    });
  });
});

describe("false positives", () => {
  test("a realistic application log without personal data is left alone (a CIDR base address is an address)", () => {
    const log = [
      "2026-11-28T09:24:12.123Z ERROR [checkout-7f9c6d5b8-x2k4q] request_id=req_8f14e45fceea167a trace=4bf92f3577b34da6a3ce929d0e0e4736",
      "  at PaymentService.charge (/app/src/payment.ts:142:17)",
      "  at processTicksAndRejections (node:internal/process/task_queues:95:5)",
      "  commit 9fceb02d0ae598e95dc970b74767f19372d61af8, uuid 123e4567-e89b-12d3-a456-426614174000",
      "  node v20.19.2, app 1.24.3, chrome 131.0.6778.86, took 1234 ms, HTTP 500, port localhost:8080",
      "  order #123456789012 total $1,234.56 on 28/11/2026 at 10:30:15, ticket 48213",
      "  sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "  color #ff00aa, ratio 16:9, score 4.5/5, build 20261128.3, version 2.3.4.5, range 10.0.0.0/8",
      '  customer says: "I tried 3 times, error code E1234-5678"; the api key field is empty; password reset link sent',
      "  data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "  epoch 1732780800, ms 1732780800000, phone-home interval 300000, ISBN 978-3-16-148410-0",
    ].join("\n");
    expect(redact(log)).toMatchObject({
      value: log.replace("10.0.0.0/8", "[IPV4]/8"),
      report: { counts: { ipv4: 1 } },
    });
  });

  test("encrypted (legacy PEM) and PGP private keys are redacted whole", () => {
    const encrypted = [
      "-----BEGIN RSA PRIVATE KEY-----",
      "Proc-Type: 4,ENCRYPTED",
      "DEK-Info: AES-128-CBC,3F17F5316E2BAC89",
      "",
      "MIIEpAIBAAKCAQEA1b2c3d4e5f6",
      "-----END RSA PRIVATE KEY-----",
    ].join("\n");
    const pgp = ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "Version: GnuPG v2", "", "lQOYBF9x2c0BCAC", "=abcd", "-----END PGP PRIVATE KEY BLOCK-----"].join("\n");
    expect(masked(`a ${encrypted} b ${pgp} c`)).toBe("a [PRIVATE_KEY] b [PRIVATE_KEY] c");
  });
});

describe("documented examples", () => {
  test("docs/redaction.md", () => {
    const log = [
      "POST /login user=jane.doe@example.com from 203.0.113.7",
      "Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543",
      "card 4111 1111 1111 1111, call +44 20 7946 0958",
    ].join("\n");
    expect(redact(log)).toStrictEqual({
      value: ["POST /login user=[EMAIL] from [IPV4]", "Authorization: Bearer [BEARER_TOKEN]", "card [CARD ****1111], call [PHONE]"].join("\n"),
      report: {
        counts: { bearer_token: 1, card: 1, email: 1, ipv4: 1, phone: 1 },
        engine: "supportops-redact@2",
        patternSet: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
        mode: "mask",
      },
    });
  });

  test("redact's TSDoc", () => {
    expect(masked("Mail jane.doe@example.com, card 4111 1111 1111 1111, token ghp_" + "a".repeat(36))).toBe(
      "Mail [EMAIL], card [CARD ****1111], token [GITHUB_TOKEN]",
    );
    expect(redact({ note: "call +44 20 7946 0958" }, { mode: "pseudonymize", key: "tenant-42-secret-key", keyVersion: "k1" })).toStrictEqual({
      value: { note: `call [PHONE:k1:${oracle("tenant-42-secret-key", "phone", "442079460958")}]` },
      report: {
        counts: { phone: 1 },
        engine: "supportops-redact@2",
        patternSet: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
        mode: "pseudonymize",
        keyVersion: "k1",
      },
    });
    expect(safeRedact("x", { mode: "pseudonymize" }).success).toBe(false);
  });
});

describe("counterexamples found by the properties", () => {
  test.each([
    ["an IBAN right after another IBAN", "GB74 CBNU 4506 2366 5164 85 DE68829962377765792443", "[IBAN] [IBAN]"],
    ["a phone right before an IPv4 address", "+44 20 2771 7632 116.238.133.97", "[PHONE] [IPV4]"],
    ["two phones in a row", "+49 30 6437 0271 (040) 125-9793", "[PHONE] [PHONE]"],
    ["a phone between an IBAN and a card", "GB57 CYVW 0969 5063 6923 33 (643) 754-9540 5100 5134 8872 4238", "[IBAN] [PHONE] [CARD ****4238]"],
    ["a phone ending in card-issuer digits before a card", "(000) 000-4620 6011-5342-3030-0008", "[PHONE] [CARD ****0008]"],
    ["a phone before a 15-digit card in 4-4-4-3", "(872) 725-7594 6011 8847 6138 553", "[PHONE] [CARD ****8553]"],
    ["a phone whose longest window runs into a card: the shorter phone and the card cover more", "and +33 6 0002 0188 4525 6533 6943 0792", "and [PHONE] [CARD ****0792]"],
    ["a 15-digit phone window ending in a card's first group", "+33 6 0000 0000 4000 0000 0000 0002 ", "[PHONE] [CARD ****0002] "],
    ["a Luhn-valid run that starts inside a phone: the phone, covering more, wins", "+1 415 555 2671 1234 5678 00", "[PHONE] 5678 00"],
    ["a phone whose only reading swallows a card's first group (the documented limit)", "+1 (234) 56 4000 0000 0000 0002", "[PHONE] 0000 0002"],
    ["the same with punctuation between them: the card is found", "+1 (234) 56; 4000 0000 0000 0002", "+1 (234) 56; [CARD ****0002]"],
    ["an assignment hidden inside one that lost to a private key", "-----BEGIN PRIVATE KEY-----password=ghp_password=AKIA", "[PRIVATE_KEY]_password=[CREDENTIAL_ASSIGNMENT]"],
    ["a generic assignment around a private key (what is left of the value is masked too)", "password=ghp_-----BEGIN PRIVATE KEY-----", "password=[CREDENTIAL_ASSIGNMENT][PRIVATE_KEY]"],
    ["a shape secret inside a generic assignment", "password=AKIAIOSFODNN7EXAMPLE", "password=[AWS_ACCESS_KEY]"],
    ["a contiguous card, then a short number (no card is 16 digits and a group of two)", "again 3788605819431329 83.240.4.72 page", "again [CARD ****1329] [IPV4] page"],
    ["a card ending where an IP address starts", "6011 1207 3005 9649 83.27.154.27", "[CARD ****9649] [IPV4]"],
  ])("%s", (_name, input, expected) => {
    expect(masked(input)).toBe(expected);
    expect(masked(expected)).toBe(expected);
  });
});

describe("hostile input: brackets, invisible characters and fake tokens", () => {
  test("a value right after any ], or right before any [, is found (only a real token is skipped)", () => {
    const input = "[INFO]jane.doe@example.com [auth]password=hunter2secret [x]4111 1111 1111 1111";
    expect(redact(input)).toMatchObject({
      value: "[INFO][EMAIL] [auth]password=[CREDENTIAL_ASSIGNMENT] [x][CARD ****1111]",
      report: { counts: { credential_assignment: 1, card: 1, email: 1 } },
    });
    // A real token is no cover either: the value glued to it is found, the token itself is kept.
    expect(masked("[EMAIL]jane.doe@example.com, jane.doe@example.com[EMAIL], [1]4111111111111111")).toBe("[EMAIL][EMAIL], [EMAIL][EMAIL], [1][CARD ****1111]");
  });

  // U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD (and U+202E): render as nothing, so the text reads whole.
  const invisible = INVISIBLE_CHARACTERS.filter((c) => c !== "\u0000");
  test.each(invisible.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`, c]))(
    "%s inside an email, a key or a card does not hide it, and is not in the output",
    (_name, c) => {
      const input = `mail jane.doe${c}@example.com, key AKIA${c}IOSFODNN7EXAMPLE, card 4111 1111${c} 1111 1111, pass${c}word=hunter2secret`;
      expect(redact(input)).toMatchObject({
        value: "mail [EMAIL], key [AWS_ACCESS_KEY], card [CARD ****1111], password=[CREDENTIAL_ASSIGNMENT]",
        report: { counts: { aws_access_key: 1, credential_assignment: 1, card: 1, email: 1 } },
      });
    },
  );

  test("characters that render as nothing are removed from every string, found values or not", () => {
    expect(redact({ note: "zero\u200Bwidth, soft\u00ADhyphen, \uFEFFbom, bidi\u202Eoverride" }).value).toStrictEqual({ note: "zerowidth, softhyphen, bom, bidioverride" });
  });

  test.each([
    ["a key version holding a 32-character secret", `[EMAIL:sk_live_${rep("4eC39HqLyjWDarjtT1zd", 24)}:0123456789abcdef]`, `[EMAIL:[STRIPE_KEY]:0123456789abcdef]`],
    ["a key version holding an access-key id", "[EMAIL:AKIAIOSFODNN7EXAMPLE:0123456789abcdef]", "[EMAIL:[AWS_ACCESS_KEY]:0123456789abcdef]"],
    ["a key version holding an IP address", "[EMAIL:10.20.30.40:0123456789abcdef]", "[EMAIL:[IPV4]:0123456789abcdef]"],
    ["a name holding an access-key id", "[AKIAIOSFODNN7EXAMPLE:k1:0123456789abcdef]", "[[AWS_ACCESS_KEY]:k1:0123456789abcdef]"],
    ["hex digits that are a card number", "[EMAIL:k1:4111111111111111]", "[EMAIL:k1:[CARD ****1111]]"],
    ["a card mask of another type", "[EMAIL ****1111]jane@example.com", "[EMAIL ****1111][EMAIL]"],
  ])("a fake token is not a token: %s", (_name, input, expected) => {
    expect(masked(input)).toBe(expected);
    expect(masked(expected)).toBe(expected);
  });

  test("real tokens are kept, whatever the key version and name", () => {
    const tokens = "[EMAIL] [CARD ****1111] [EMAIL:k1:0123456789abcdef] [ACCOUNT:2026-q4.a_b:fedcba9876543210]";
    expect(redact(tokens)).toMatchObject({ value: tokens, report: { counts: {} } });
  });

  test("a value glued onto a replaced one is found in the same call, so a second call finds nothing", () => {
    const input = `${PEM.replace(/\n/g, " ")}${JWT}, ghp_${rep("A1b2C3", 36)}+44 20 7946 0958`;
    const once = redact(input);
    expect(once).toMatchObject({ value: "[PRIVATE_KEY][JWT], [GITHUB_TOKEN][PHONE]", report: { counts: { private_key: 1, jwt: 1, github_token: 1, phone: 1 } } });
    expect(redact(once.value).report.counts).toStrictEqual({});
  });

  test("a key version that redact would find is refused: its tokens could never be told from fake ones", () => {
    const result = safeRedact("x", { mode: "pseudonymize", key: KEY, keyVersion: "10.0.0.1" });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toStrictEqual([["invalid_key_version", ["keyVersion"]]]);
  });

  test("a pseudonym is never all decimal digits: when the first 16 hex digits are, the next 16 with a letter are used", () => {
    // Find a phone number whose HMAC starts with 16 decimal digits (about 1 value in 1 850).
    let digits = "";
    let mac = "";
    for (let n = 0; mac === "" && n < 200_000; n++) {
      const candidate = String(442079460000 + n);
      const hex = bytesToHex(hmac(sha256, utf8ToBytes(KEY), utf8ToBytes(`phone\u0000${candidate}`)));
      if (/^[0-9]{16}/.test(hex)) [digits, mac] = [candidate, hex];
    }
    expect(mac).not.toBe("");
    const token = masked(`call +${digits}`, { mode: "pseudonymize", key: KEY, keyVersion: "k1" });
    expect(token).toBe(`call [PHONE:k1:${[16, 32, 48].map((at) => mac.slice(at, at + 16)).find((w) => /[a-f]/.test(w))}]`);
    expect(masked(token)).toBe(token);
  });
});

describe("modes", () => {
  const input = "Jane <Jane.Doe@Example.com> paid with 4111-1111-1111-1111 from 192.168.1.20 using ghp_" + rep("A1b2C3", 36);

  test("mask (the default) writes typed tokens, with the last four digits of a card", () => {
    expect(redact(input)).toStrictEqual({
      value: "Jane <[EMAIL]> paid with [CARD ****1111] from [IPV4] using [GITHUB_TOKEN]",
      report: {
        counts: { github_token: 1, card: 1, email: 1, ipv4: 1 },
        engine: REDACTION_ENGINE,
        patternSet: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
        mode: "mask",
      },
    });
  });

  test("remove cuts values out", () => {
    expect(redact(input, { mode: "remove" })).toStrictEqual({
      value: "Jane <> paid with  from  using ",
      report: {
        counts: { github_token: 1, card: 1, email: 1, ipv4: 1 },
        engine: REDACTION_ENGINE,
        patternSet: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
        mode: "remove",
      },
    });
  });

  test("pseudonymize writes HMAC-SHA-256 tokens of the normalised value and masks secrets", () => {
    const result = redact(input, { mode: "pseudonymize", key: KEY, keyVersion: "k1" });
    expect(result).toStrictEqual({
      value:
        `Jane <[EMAIL:k1:${oracle(KEY, "email", "jane.doe@example.com")}]> paid with ` +
        `[CARD:k1:${oracle(KEY, "card", "4111111111111111")}] from [IPV4:k1:${oracle(KEY, "ipv4", "192.168.1.20")}] using [GITHUB_TOKEN]`,
      report: {
        counts: { github_token: 1, card: 1, email: 1, ipv4: 1 },
        engine: REDACTION_ENGINE,
        patternSet: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
        mode: "pseudonymize",
        keyVersion: "k1",
      },
    });
  });

  test("pseudonyms link spelling variants of one value and accept a byte key", () => {
    const key = new Uint8Array(32).fill(7);
    const options: RedactOptions = { mode: "pseudonymize", key, keyVersion: "2026-q4" };
    const a = masked("JANE@EXAMPLE.COM +44 20 7946 0958 2001:DB8:0:0:0:0:0:1 DE89 3704 0044 0532 0130 00", options);
    const b = masked("jane%40example.com +44-20-7946-0958 2001:db8::1 DE89370400440532013000", options);
    expect(a).toBe(b);
    expect(a).toMatch(/^\[EMAIL:2026-q4:[0-9a-f]{16}\] \[PHONE:2026-q4:[0-9a-f]{16}\] \[IPV6:2026-q4:[0-9a-f]{16}\] \[IBAN:2026-q4:[0-9a-f]{16}\]$/);
  });

  test("entities selects which detectors run", () => {
    expect(masked(input, { entities: ["email", "ipv4"] })).toBe(
      `Jane <[EMAIL]> paid with 4111-1111-1111-1111 from [IPV4] using ghp_${rep("A1b2C3", 36)}`,
    );
  });
});

describe("values", () => {
  test("redacts every string of nested objects and arrays, keeps keys and other values, never mutates", () => {
    const when = new Date("2026-11-28T09:00:00Z");
    const input = {
      ticket: "T-1",
      "jane@example.com": 3,
      notes: ["mail jane@example.com", { deep: ["call +44 20 7946 0958"] }],
      amount: 4111111111111111,
      flags: [true, null, undefined],
      when,
    };
    const before = structuredClone(input);
    const result = redact(input);
    expect(result.value).toStrictEqual({
      ticket: "T-1",
      "jane@example.com": 3,
      notes: ["mail [EMAIL]", { deep: ["call [PHONE]"] }],
      amount: 4111111111111111,
      flags: [true, null, undefined],
      when: new Date("2026-11-28T09:00:00Z"),
    });
    expect(result.report.counts).toStrictEqual({ email: 1, phone: 1 });
    expect(input).toStrictEqual(before);
    expect(result.value.when).not.toBe(when);
    expect(result.value.notes).not.toBe(input.notes);
  });

  test("a key named __proto__ stays an own property", () => {
    const input = JSON.parse('{"__proto__": "mail jane@example.com"}') as Record<string, string>;
    const { value } = redact(input);
    expect(Object.getOwnPropertyNames(value)).toStrictEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  test("shared (non-cyclic) sub-objects are fine", () => {
    const shared = { email: "jane@example.com" };
    expect(redact([shared, shared]).value).toStrictEqual([{ email: "[EMAIL]" }, { email: "[EMAIL]" }]);
  });

  test("strings pass through when nothing is found, and the report is empty", () => {
    expect(redact("nothing to see here")).toStrictEqual({
      value: "nothing to see here",
      report: { counts: {}, engine: REDACTION_ENGINE, patternSet: expect.any(String), mode: "mask" },
    });
    expect(redact("").value).toBe("");
  });
});

describe("errors", () => {
  const failure = (value: unknown, options?: unknown) => {
    const result = safeRedact(value, options as RedactOptions);
    if (result.success) throw new Error("expected a failure");
    return { code: result.error.code, issues: result.error.issues.map(({ code, path }) => ({ code, path })) };
  };

  test.each<readonly [string, unknown, { code: string; issues: Array<{ code: string; path: Array<string | number> }> }]>([
    ["invalid_options", "mask", { code: "invalid_argument", issues: [{ code: "invalid_options", path: [] }] }],
    ["unknown_option", { mood: "mask" }, { code: "invalid_argument", issues: [{ code: "unknown_option", path: ["mood"] }] }],
    ["invalid_mode", { mode: "hash" }, { code: "invalid_argument", issues: [{ code: "invalid_mode", path: ["mode"] }] }],
    ["invalid_key", { key: 42 }, { code: "invalid_argument", issues: [{ code: "invalid_key", path: ["key"] }] }],
    ["weak_key", { key: "short" }, { code: "invalid_argument", issues: [{ code: "weak_key", path: ["key"] }] }],
    [
      "missing_key and missing_key_version",
      { mode: "pseudonymize" },
      {
        code: "invalid_argument",
        issues: [
          { code: "missing_key", path: ["key"] },
          { code: "missing_key_version", path: ["keyVersion"] },
        ],
      },
    ],
    [
      "invalid_key_version",
      { mode: "pseudonymize", key: KEY, keyVersion: "k 1]" },
      { code: "invalid_argument", issues: [{ code: "invalid_key_version", path: ["keyVersion"] }] },
    ],
    ["invalid_entities", { entities: [] }, { code: "invalid_argument", issues: [{ code: "invalid_entities", path: ["entities"] }] }],
    [
      "unknown_entity",
      { entities: ["email", "ssn", 3] },
      {
        code: "invalid_argument",
        issues: [
          { code: "unknown_entity", path: ["entities", 1] },
          { code: "unknown_entity", path: ["entities", 2] },
        ],
      },
    ],
  ])("%s", (_name, options, expected) => {
    expect(failure("text", options)).toStrictEqual(expected);
  });

  test("cyclic_value", () => {
    const node: Record<string, unknown> = { a: ["x"] };
    (node["a"] as unknown[]).push(node);
    expect(failure(node)).toStrictEqual({ code: "invalid_argument", issues: [{ code: "cyclic_value", path: ["a", 1] }] });
  });

  test.each<readonly [string, unknown, Array<string | number>]>([
    ["a Map", { m: new Map() }, ["m"]],
    ["a function", [() => 1], [0]],
    ["a symbol", { s: Symbol("x") }, ["s"]],
    ["a class instance", { e: new (class Thing {})() }, ["e"]],
  ])("unsupported_value: %s", (_name, value, path) => {
    expect(failure(value)).toStrictEqual({ code: "invalid_argument", issues: [{ code: "unsupported_value", path }] });
  });

  test("too_deep", () => {
    let value: unknown = "x";
    for (let i = 0; i < 1001; i++) value = [value];
    expect(failure(value)).toMatchObject({ code: "invalid_argument", issues: [{ code: "too_deep" }] });
  });

  test("redact throws the EscalationError that safeRedact returns", () => {
    expect(() => redact("x", { mode: "pseudonymize" })).toThrow(EscalationError);
  });

  test("every issue code is exercised above", () => {
    expect([...REDACTION_ISSUE_CODES].sort()).toStrictEqual(
      [
        "invalid_options", "unknown_option", "invalid_mode", "invalid_key", "weak_key", "missing_key", "missing_key_version",
        "invalid_key_version", "invalid_entities", "unknown_entity", "cyclic_value", "unsupported_value", "too_deep",
        // exercised in pseudonymize.test.ts:
        "invalid_entity_name", "invalid_value",
      ].sort(),
    );
  });
});
