import { fc, test } from "@fast-check/vitest";
import { numRuns } from "@supportops/test-utils";
import { redact, PII_ENTITY_TYPES, type RedactOptions, type RedactionEntityType } from "@supportops/escalation";
import { describe, expect } from "vitest";
import { PII_DETECTORS, SECRET_DETECTORS } from "../src/internal/redaction/detectors.js";
import { pseudonymOf } from "../src/internal/redaction/pseudonym.js";

// ---------- generators of real entities (each carries the sensitive part that must disappear) ----------

interface Embedded {
  readonly entity: RedactionEntityType;
  /** The text placed in the document. */
  readonly text: string;
  /** The part of it that must not survive redaction. */
  readonly secret: string;
}

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const lower = (min: number, max: number) => fc.stringMatching(new RegExp(`^[a-z]{${min},${max}}$`));

/** Luhn check digit, computed independently of the implementation. */
function luhnCheckDigit(payload: string): string {
  const sum = [...payload].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

/** ISO 13616 check digits with BigInt arithmetic. */
function ibanCheckDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join("");
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, "0");
}

const emailArb: fc.Arbitrary<Embedded> = fc
  .tuple(lower(1, 8), fc.option(lower(1, 5), { nil: undefined }), lower(2, 10), fc.constantFrom("com", "org", "io", "co.uk"))
  .map(([user, sub, domain, tld]) => {
    const text = `${user}${sub === undefined ? "" : `.${sub}`}@${domain}.${tld}`;
    return { entity: "email" as const, text, secret: text };
  });

const cardArb: fc.Arbitrary<Embedded> = fc
  .tuple(fc.constantFrom("4", "51", "37", "6011"), fc.constantFrom(16, 15), fc.constantFrom("", " ", "-"), digits(18))
  .map(([prefix, length, sep, pool]) => {
    const payload = (prefix + pool).slice(0, length - 1);
    const number = payload + luhnCheckDigit(payload);
    const text = sep === "" ? number : (number.match(/.{1,4}/g) ?? []).join(sep);
    return { entity: "card" as const, text, secret: text };
  });

const ibanArb: fc.Arbitrary<Embedded> = fc
  .oneof(
    digits(18).map((bban) => ["DE", bban] as const),
    fc.tuple(fc.stringMatching(/^[A-Z]{4}$/), digits(14)).map(([bank, rest]) => ["GB", bank + rest] as const),
  )
  .chain(([country, bban]) =>
    fc.boolean().map((spaced) => {
      const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
      const text = spaced ? (compact.match(/.{1,4}/g) ?? []).join(" ") : compact;
      return { entity: "iban" as const, text, secret: text };
    }),
  );

const ipv4Arb: fc.Arbitrary<Embedded> = fc
  .tuple(fc.integer({ min: 1, max: 255 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map((octets) => {
    const text = octets.join(".");
    return { entity: "ipv4" as const, text, secret: text };
  });

const ipv6Arb: fc.Arbitrary<Embedded> = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([groups, compress]) => {
    const hex = groups.map((g) => g.toString(16));
    const text = compress ? `${hex.slice(0, 3).join(":")}::${hex.slice(5).join(":")}` : hex.join(":");
    return { entity: "ipv6" as const, text, secret: text };
  });

const phoneArb: fc.Arbitrary<Embedded> = fc
  .oneof(
    fc.tuple(fc.constantFrom("+44 20", "+1 415", "+49 30", "+33 6"), digits(4), digits(4)).map(([cc, a, b]) => `${cc} ${a} ${b}`),
    fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  )
  .map((text) => ({ entity: "phone" as const, text, secret: text }));

const base64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));

const secretArb: fc.Arbitrary<Embedded> = fc.oneof(
  fc.tuple(base64url(10, 40), base64url(10, 60), base64url(0, 43)).map(([h, p, s]) => {
    const text = `eyJ${h}.eyJ${p}.${s}`;
    return { entity: "jwt" as const, text, secret: text };
  }),
  fc.stringMatching(/^[A-Z2-7]{16}$/).map((tail) => ({ entity: "aws_access_key" as const, text: `AKIA${tail}`, secret: `AKIA${tail}` })),
  alnum(36, 36).map((tail) => ({ entity: "github_token" as const, text: `ghp_${tail}`, secret: `ghp_${tail}` })),
  fc.tuple(lower(1, 8), alnum(6, 20), lower(2, 10)).map(([user, password, host]) => ({
    entity: "url_password" as const,
    text: `https://${user}:${password}@${host}.example.com/`,
    secret: `:${password}@`,
  })),
  fc.tuple(alnum(12, 30), digit).map(([token, d]) => ({ entity: "bearer_token" as const, text: `Bearer ${token}${d}`, secret: `${token}${d}` })),
  fc.array(fc.stringMatching(/^[A-Za-z0-9+/]{64}$/), { minLength: 1, maxLength: 4 }).map((lines) => {
    const body = lines.join("\n");
    return { entity: "private_key" as const, text: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`, secret: body };
  }),
);

const piiArb = fc.oneof(emailArb, cardArb, ibanArb, ipv4Arb, ipv6Arb, phoneArb);
const entityArb = fc.oneof(secretArb, piiArb);

const FILLER = ["the", "customer", "reported", "an", "error", "at", "login", "page", "again", "and", "then", "see", "logs", "ticket", "was", "escalated"];
const SEPARATORS = [" ", "\n", ", ", "; ", " - ", "\t", " | "];

/** A document: filler words and entities, joined by separators that cannot glue two parts into one. */
const documentArb: fc.Arbitrary<{ text: string; embedded: Embedded[] }> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FILLER).map((w) => ({ word: w })) }, entityArb.map((e) => ({ e }))), {
    maxLength: 16,
  })
  .chain((parts) =>
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: parts.length, maxLength: parts.length }).map((seps) => ({
      text: parts.map((p, i) => ("word" in p ? p.word : p.e.text) + (seps[i] ?? " ")).join(""),
      embedded: parts.flatMap((p) => ("e" in p ? [p.e] : [])),
    })),
  );

/** Strings over an alphabet rich in the characters patterns care about, to shake out boundary cases. */
const noisyArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."aeyJA1490@.:-+_ ()[]/=\n\"'*#%~Q"),
    fc.constantFrom("eyJ", "AKIA", "ghp_", "Bearer ", "password=", "://", "-----BEGIN PRIVATE KEY-----", "4111 ", "+44 ", "DE89 ", "::"),
  ),
  maxLength: 80,
});

/** A document wrapped in arbitrary Unicode (astral characters, combining marks, RTL text). */
const unicodeDocumentArb = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 12 }), documentArb, fc.string({ unit: "grapheme", maxLength: 12 }))
  .map(([before, document, after]) => `${before} ${document.text}${after}`);

const KEY_A = "property-key-A-0123456789";
const KEY_B = "property-key-B-0123456789";
const MODES: ReadonlyArray<RedactOptions> = [{}, { mode: "pseudonymize", key: KEY_A, keyVersion: "k1" }];

// ---------- properties ----------

const leafArb = fc.oneof(documentArb.map((d) => d.text), fc.integer(), fc.boolean(), fc.constant(null));
const { tree: treeArb } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.array(tie("tree"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "note", "email", "x y"), tie("tree"), { maxKeys: 4, noNullPrototype: true }),
  ),
}));

function expectSameShape(input: unknown, output: unknown): void {
  if (typeof input === "string") return expect(typeof output).toBe("string");
  if (Array.isArray(input)) {
    expect(Array.isArray(output)).toBe(true);
    expect((output as unknown[]).length).toBe(input.length);
    input.forEach((item, i) => expectSameShape(item, (output as unknown[])[i]));
    return;
  }
  if (input !== null && typeof input === "object") {
    expect(Object.keys(output as object)).toStrictEqual(Object.keys(input));
    for (const [k, v] of Object.entries(input)) expectSameShape(v, (output as Record<string, unknown>)[k]);
    return;
  }
  expect(output).toBe(input);
}

describe("redact properties", () => {
  test.prop([documentArb, fc.constantFrom(...MODES, { mode: "remove" as const })], { numRuns: numRuns(300) })(
    "never leaves a detected value in the output, and counts each embedded entity once",
    ({ text, embedded }, options) => {
      const { value, report } = redact(text, options);
      for (const e of embedded) expect(value).not.toContain(e.secret);
      const expected: Partial<Record<RedactionEntityType, number>> = {};
      for (const e of embedded) expected[e.entity] = (expected[e.entity] ?? 0) + 1;
      expect(report.counts).toEqual(expected);
      // Every replacement is one token in the output (none in `remove` mode).
      const tokens = value.match(/\[[A-Z][A-Z0-9_]{1,30}(?: \*{4}[0-9]{4}|:[\w.-]{1,32}:[0-9a-f]{16})?\]/g) ?? [];
      expect(tokens.length).toBe(options.mode === "remove" ? 0 : embedded.length);
    },
  );

  test.prop([fc.oneof(documentArb.map((d) => d.text), noisyArb, unicodeDocumentArb), fc.constantFrom(...MODES)], { numRuns: numRuns(500) })(
    "is idempotent: redacting the output again changes nothing and finds nothing",
    (text, options) => {
      const once = redact(text, options);
      const twice = redact(once.value, options);
      expect(twice.value).toBe(once.value);
      expect(twice.report.counts).toStrictEqual({});
    },
  );

  test.prop([fc.array(piiArb, { minLength: 1, maxLength: 6 })], { numRuns: numRuns(150) })("pseudonyms are stable under one key and differ across keys", (entities) => {
    const text = entities.map((e) => e.text).join(" ; ");
    const a1 = redact(text, { mode: "pseudonymize", key: KEY_A, keyVersion: "k1" }).value;
    const a2 = redact(`${text}`, { mode: "pseudonymize", key: KEY_A, keyVersion: "k1" }).value;
    const b = redact(text, { mode: "pseudonymize", key: KEY_B, keyVersion: "k1" }).value;
    expect(a1).toBe(a2);
    const hexes = (s: string) => [...s.matchAll(/:k1:([0-9a-f]{16})\]/g)].map((m) => m[1]);
    expect(hexes(a1)).toHaveLength(entities.length);
    const fromB = new Set(hexes(b));
    for (const hex of hexes(a1)) expect(fromB.has(hex)).toBe(false);
  });

  test.prop([emailArb, fc.constantFrom(...FILLER), fc.constantFrom(...FILLER)], { numRuns: numRuns(100) })("the same value links wherever it appears", (email, w1, w2) => {
    const options = { mode: "pseudonymize", key: KEY_A, keyVersion: "k1" } as const;
    const a = redact(`${w1} ${email.text}`, options).value.split(" ")[1];
    const b = redact(`${email.text.toUpperCase()}, ${w2}`, options).value.split(",")[0];
    expect(a).toBe(b);
  });

  test.prop([fc.string({ minLength: 1, maxLength: 40 }), fc.uniqueArray(fc.constantFrom(...PII_ENTITY_TYPES), { minLength: 2, maxLength: 2 })], { numRuns: numRuns(200) })(
    "a different entity type never links",
    (normalized, [t1, t2]) => {
      const key = new TextEncoder().encode(KEY_A);
      if (t1 === undefined || t2 === undefined) return;
      expect(pseudonymOf(key, t1, normalized)).not.toBe(pseudonymOf(key, t2, normalized));
    },
  );

  test.prop([fc.oneof(documentArb.map((d) => d.text), noisyArb)], { numRuns: numRuns(300) })("the keyword prefilter never skips a detector that would have found something", (text) => {
    for (const detector of [...SECRET_DETECTORS, ...PII_DETECTORS]) {
      let found = 0;
      detector.find(text, () => found++);
      if (found === 0) continue;
      const haystack = detector.caseInsensitive === true ? text.toLowerCase() : text;
      expect(detector.keywords.some((keyword) => haystack.includes(keyword))).toBe(true);
    }
  });

  test.prop([treeArb, fc.constantFrom(...MODES)], { numRuns: numRuns(150) })("never mutates its input and keeps the shape of objects and arrays", (input, options) => {
    const before = structuredClone(input);
    const { value } = redact(input, options);
    expect(input).toStrictEqual(before);
    expectSameShape(input, value);
  });
});
