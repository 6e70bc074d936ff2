import { redact } from "@supportops/escalation";
import { describe, expect, test } from "vitest";

/**
 * Catastrophic-slowness guards, not timings: every input is 100 000 characters built to make a
 * backtracking pattern go quadratic or worse, where a super-linear pattern would take minutes.
 * Measured (2-core machine, one call per mode): the slowest input, a phone word then 33 000 two-digit
 * groups, takes 70–200 ms; the next slowest 40–110 ms; most take a few milliseconds. LIMIT_MS is
 * 100× the slowest measurement, so only a blow-up fails the test, never a busy machine.
 * `scripts/check-redos.sh` is the static check; these are the end-to-end guard.
 */
const N = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
const LIMIT_MS = 20_000;

const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
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
];

describe("adversarial inputs of 100 000 characters never blow up", () => {
  test.each(ADVERSARIAL)("%s", (_name, input) => {
    expect(input.length).toBeGreaterThanOrEqual(N);
    for (const mode of ["mask", "pseudonymize"] as const) {
      const started = performance.now();
      const result = redact(input, mode === "mask" ? {} : { mode, key: "adversarial-key-0001", keyVersion: "k1" });
      const elapsedMs = performance.now() - started;
      expect(typeof result.value).toBe("string");
      expect(elapsedMs).toBeLessThan(LIMIT_MS);
    }
  });

  test("ten thousand short strings in one object", () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ({ note: `user${i}@example.com called +44 20 7946 ${String(i).padStart(4, "0")}` }));
    const started = performance.now();
    const result = redact(input);
    // Measured 140–180 ms; the limit is over 100× that (a catastrophic-slowness guard, not a timing).
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
    expect(result.report.counts).toStrictEqual({ email: 10_000, phone: 10_000 });
  });
});
