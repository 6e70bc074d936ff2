import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { pseudonymize, redact, safePseudonymize, type PseudonymizeOptions } from "@supportops/escalation";
import { describe, expect, test } from "vitest";

const KEY = "tenant-42-secret-key-0001";
const oracle = (entity: string, normalized: string): string =>
  bytesToHex(hmac(sha256, utf8ToBytes(KEY), utf8ToBytes(`${entity}\u0000${normalized}`))).slice(0, 16);

describe("pseudonymize", () => {
  test("writes [ENTITY:keyVersion:hex] with the HMAC of the trimmed value for a name of the caller's choosing", () => {
    expect(pseudonymize(" ACME-0042 ", { key: KEY, keyVersion: "k1", entity: "account" })).toBe(`[ACCOUNT:k1:${oracle("account", "ACME-0042")}]`);
    expect(pseudonymize("ACME-0042", { key: KEY, keyVersion: "k1", entity: "customer_id" })).toBe(
      `[CUSTOMER_ID:k1:${oracle("customer_id", "ACME-0042")}]`,
    );
  });

  test("normalises PII types the way redact does, so the tokens link", () => {
    const options = { key: KEY, keyVersion: "k1" } as const;
    expect(pseudonymize("Jane@Example.com", { ...options, entity: "email" })).toBe(
      redact("jane@example.com", { mode: "pseudonymize", ...options }).value,
    );
    expect(pseudonymize("+44 (20) 7946-0958", { ...options, entity: "phone" })).toBe(
      redact("+44 20 7946 0958", { mode: "pseudonymize", ...options }).value,
    );
  });

  test("redact leaves its tokens alone, whatever the entity name", () => {
    const token = pseudonymize("1234567890123456", { key: KEY, keyVersion: "k1", entity: "account" });
    const text = `accounts ${token} and ${token}`;
    expect(redact(text)).toMatchObject({ value: text, report: { counts: {} } });
  });

  const failure = (value: unknown, options: unknown) => {
    const result = safePseudonymize(value as string, options as PseudonymizeOptions);
    if (result.success) throw new Error("expected a failure");
    return { code: result.error.code, issues: result.error.issues.map(({ code, path }) => ({ code, path })) };
  };

  test.each<readonly [string, unknown, unknown, { code: string; issues: Array<{ code: string; path: Array<string | number> }> }]>([
    ["options that are not an object", "x", null, { code: "invalid_argument", issues: [{ code: "invalid_options", path: [] }] }],
    [
      "nothing given",
      "x",
      {},
      {
        code: "invalid_argument",
        issues: [
          { code: "missing_key", path: ["key"] },
          { code: "missing_key_version", path: ["keyVersion"] },
          { code: "invalid_entity_name", path: ["entity"] },
        ],
      },
    ],
    [
      "a secret type, an unknown option and a weak key",
      "x",
      { key: "short", keyVersion: "k1", entity: "jwt", salt: "x" },
      {
        code: "invalid_argument",
        issues: [
          { code: "unknown_option", path: ["salt"] },
          { code: "weak_key", path: ["key"] },
          { code: "invalid_entity_name", path: ["entity"] },
        ],
      },
    ],
    ["a badly named entity", "x", { key: KEY, keyVersion: "k1", entity: "Account!" }, { code: "invalid_argument", issues: [{ code: "invalid_entity_name", path: ["entity"] }] }],
    [
      "an entity name or key version that redact would find (its tokens could not be told from fake ones)",
      "x",
      { key: KEY, keyVersion: "10.0.0.1", entity: "akiaiosfodnn7example" },
      {
        code: "invalid_argument",
        issues: [
          { code: "invalid_key_version", path: ["keyVersion"] },
          { code: "invalid_entity_name", path: ["entity"] },
        ],
      },
    ],
    ["a value that is not a string", 42, { key: KEY, keyVersion: "k1", entity: "account" }, { code: "invalid_argument", issues: [{ code: "invalid_value", path: [] }] }],
  ])("%s", (_name, value, options, expected) => {
    expect(failure(value, options)).toStrictEqual(expected);
  });
});
