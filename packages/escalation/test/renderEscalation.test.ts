import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import {
  ESCALATION_RENDER_FORMATS,
  EscalationError,
  MAX_INLINE_EVIDENCE_CHARS,
  MAX_TEXT_CHARS,
  createEscalationPackage,
  renderEscalation,
  scoreEscalation,
  type EscalationRenderFormat,
} from "@supportops/escalation";
import { NOW, fullBug } from "./fixtures.js";

const hostile = createEscalationPackage(
  {
    ...fullBug,
    summary: "# Pwned <script>alert(1)</script> ![x](http://evil/x.png) @octo-org/admins #123 *bold* [~admin]",
    ask: "h1. Fix it {color:red}NOW{color} |a|b| ??cite?? (y) -strike- +under+ ^sup^ ~sub~ C:\\path\\to $x^2$",
    expected: "1. Step one\n- bullet\n=====\n    indented code\n> quote\r\nline after CRLF",
    actual: "Terminal \u001b[31mred\u001b[0m and bidi \u202Eevil\u202C text; tab\there",
    reproSteps: [
      { n: 1, action: "Open https://app.example.com/?q=<img src=x onerror=alert(1)>" },
      { n: 2, action: "Type `code` and ``` fences and {noformat} and {code}" },
    ],
    relatedTicketIds: ["ZD-1`x`", "ZD|2"],
    evidence: [
      {
        kind: "log",
        title: "log with fences",
        inline: `before\n\`\`\`\n{noformat}\nh1. not a heading\n${"A".repeat(450)}\nafter`,
        uri: "https://logs.example.com/q?a=1&b=[2]",
        capturedAt: "2026-03-09T13:41:00Z",
        sanitized: true,
        redactionReport: { counts: { email: 2, jwt: 1 }, engine: "@supportops/escalation@0.1.0" },
      },
    ],
    workaround: `A very long line: ${"word ".repeat(40)}${"x".repeat(130)}`,
  },
  { now: NOW },
);

describe("renderEscalation", () => {
  test("lists its formats", () => {
    expect(ESCALATION_RENDER_FORMATS).toStrictEqual(["markdown", "github", "jira", "text"]);
  });

  test("an unknown format is invalid_argument (issue unknown_format)", () => {
    const pkg = createEscalationPackage(fullBug, { now: NOW });
    const error = thrownBy(EscalationError, () => renderEscalation(pkg, "html" as never));
    expect([error.code, error.issues]).toStrictEqual([
      "invalid_argument",
      [{ code: "unknown_format", path: ["format"], message: 'unknown format "html"; use one of markdown, github, jira, text' }],
    ]);
  });

  test("a package that is not one is invalid_package, with the path of what is wrong", () => {
    const notAnObject = thrownBy(EscalationError, () => renderEscalation(null as never, "markdown"));
    expect([notAnObject.code, notAnObject.issues]).toStrictEqual([
      "invalid_package",
      [{ code: "invalid_type", path: [], message: "expected an escalation package (from createEscalationPackage), got null" }],
    ]);
    const { impact: _impact, ...noImpact } = fullBug;
    const structural = thrownBy(EscalationError, () => renderEscalation(noImpact as never, "text"));
    expect([structural.code, structural.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_package", [["invalid_type", ["impact"]]]]);
  });

  test("a package from JSON (not from createEscalationPackage) renders like the created one", () => {
    const created = createEscalationPackage(fullBug, { now: NOW });
    expect(renderEscalation(JSON.parse(JSON.stringify(created)) as typeof created, "text")).toBe(renderEscalation(created, "text"));
  });

  test("a package in its stored form (ISO times with offsets) renders like the created one: times in UTC", () => {
    const created = createEscalationPackage(fullBug, { now: NOW });
    const stored = { ...fullBug, firstSeenAt: "2026-03-09T09:12:00+01:00", reportedAt: Date.parse(fullBug.reportedAt) };
    for (const format of ESCALATION_RENDER_FORMATS) expect(renderEscalation(stored as never, format)).toBe(renderEscalation(created, format));
    expect(renderEscalation(created, "markdown")).toContain("- **Times:** first seen 2026-03-09T08:12:00Z, last seen 2026-03-09T13:40:00Z, reported 2026-03-09T14:05:00Z");
  });

  test("bare links and addresses in prose are never live: escaped for each format, read the same", () => {
    const pkg = createEscalationPackage(
      { ...fullBug, ask: "See https://evil.example/x?a=1 or www.evil.example, mailto:jane@example.org, and write to ops@example.org" },
      { now: NOW },
    );
    const ask = (format: EscalationRenderFormat): string | undefined => renderEscalation(pkg, format).split("\n").find((line) => line.includes("evil"));
    expect(ask("markdown")).toBe("See https\\://evil.example/x?a=1 or www\\.evil.example, mailto\\:jane\\@example.org, and write to ops\\@example.org");
    expect(ask("github")).toBe("See https\\://evil.example/x?a=1 or www\\.evil.example, mailto\\:jane@<!-- -->example.org, and write to ops@<!-- -->example.org");
    expect(ask("jira")).toBe("See https&#58;//evil.example/x?a=1 or www&#46;evil.example, mailto&#58;jane&#64;example.org, and write to ops&#64;example.org");
    // Plain text is never rendered, so it is left as written.
    expect(ask("text")).toBe("See https://evil.example/x?a=1 or www.evil.example, mailto:jane@example.org, and write to");
    // Links shown as code: a code span in Markdown (never autolinked), defused inside {{…}} in Jira.
    const withUri = createEscalationPackage({ ...fullBug, evidence: [{ ...fullBug.evidence[0], uri: "https://logs.example.com/q/1" }] }, { now: NOW });
    expect(renderEscalation(withUri, "github")).toContain("- **Link:** `https://logs.example.com/q/1`");
    expect(renderEscalation(withUri, "jira")).toContain("* *Link:* {{https&#58;//logs.example.com/q/1}}");
  });

  test.each(ESCALATION_RENDER_FORMATS)("%s: the full package", (format) => {
    expect(renderEscalation(createEscalationPackage(fullBug, { now: NOW }), format)).toMatchSnapshot();
  });

  test.each(ESCALATION_RENDER_FORMATS)("%s: hostile input", (format) => {
    const out = renderEscalation(hostile, format);
    expect(out).toMatchSnapshot();
    // Nothing can act: no raw escape character, no bidi override, no raw HTML tag from the input.
    expect(out).not.toMatch(/[\u001b\u202E]/);
    // Markdown shows input HTML as text (escaped `<`); Jira and plain text never interpret HTML.
    if (format === "markdown" || format === "github") expect(out).not.toMatch(/(?<!\\)<(script|img)/);
  });

  test("markdown: a fence longer than any run of backticks inside", () => {
    const out = renderEscalation(hostile, "markdown");
    expect(out).toContain("````text\nbefore\n```\n{noformat}");
    expect(out).toContain(`${"A".repeat(300)}… [+150 chars]`);
  });

  test("markdown: GitHub math delimiters are escaped", () => {
    expect(renderEscalation(hostile, "github")).toContain("C:\\\\path\\\\to \\$x^2\\$");
  });

  test("github: mentions and cross-references are defused", () => {
    const out = renderEscalation(hostile, "github");
    expect(out).toContain("@<!-- -->octo-org/admins \\#<!-- -->123");
  });

  test("jira: noformat cannot be closed from inside; markup is escaped", () => {
    const out = renderEscalation(hostile, "jira");
    expect(out).toContain("{noformat}\nbefore\n```\n{\u200Bnoformat}\nh1. not a heading");
    expect(out).toContain("h1\\. Fix it \\{color:red\\}NOW\\{color\\} \\|a\\|b\\| \\?\\?cite\\?\\? \\(y) \\-strike\\- \\+under\\+ \\^sup\\^ \\~sub\\~ C:&#92;path&#92;to $x\\^2$");
  });

  test("text: wraps at 100 columns except for cut excerpt lines", () => {
    const lines = renderEscalation(hostile, "text").split("\n");
    const long = lines.filter((line) => [...line].length > 100);
    expect(long.every((line) => line.startsWith("    "))).toBe(true);
  });
});

describe("large input", () => {
  // A guard against quadratic blow-ups, not a timing assertion: every field at its maximum size,
  // in one unbroken word or in adversarial whitespace, must render and score within the test timeout.
  test("every field at its limit renders in every format and scores", () => {
    const huge = "x".repeat(MAX_TEXT_CHARS);
    const spaces = `fix${" ".repeat(MAX_TEXT_CHARS - 5)}!x`;
    const pkg = createEscalationPackage(
      {
        ...fullBug,
        expected: huge,
        actual: `${"a ".repeat(MAX_TEXT_CHARS / 2 - 1)}b`,
        ask: spaces,
        workaround: "`".repeat(MAX_TEXT_CHARS),
        evidence: [{ ...fullBug.evidence[0], inline: `${"y".repeat(MAX_INLINE_EVIDENCE_CHARS / 2)}\n`.repeat(2).slice(0, MAX_INLINE_EVIDENCE_CHARS) }],
      },
      { now: NOW },
    );
    for (const format of ESCALATION_RENDER_FORMATS) expect(renderEscalation(pkg, format).length).toBeGreaterThan(MAX_TEXT_CHARS);
    expect(scoreEscalation(pkg).score).toBeGreaterThanOrEqual(1);
  });

  test("a field over its limit is refused with a pointer to evidence", () => {
    expect(() => createEscalationPackage({ ...fullBug, expected: "x".repeat(MAX_TEXT_CHARS + 1) }, { now: NOW })).toThrow(
      "expected must be at most 10000 characters; attach longer material as evidence",
    );
  });
});
