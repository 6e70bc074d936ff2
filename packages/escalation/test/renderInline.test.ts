import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import { EscalationError, renderInline } from "@supportops/escalation";

describe("renderInline: one line of untrusted text with renderEscalation's escaping", () => {
  test("markdown escapes markup, defuses links and fences code so its content cannot close it", () => {
    expect(renderInline([{ text: "see https://evil.example *now*, " }, { code: "a`b" }], "markdown")).toBe("see https\\://evil.example \\*now\\*, ``a`b``");
    expect(renderInline([{ text: "mail ops@example.org or www.example.org" }], "markdown")).toBe("mail ops\\@example.org or www\\.example.org");
  });

  test("github breaks mentions and references instead of escaping @", () => {
    expect(renderInline([{ text: "ping @ops about #12 " }, { code: "x" }], "github")).toBe("ping @<!-- -->ops about \\#<!-- -->12 `x`");
  });

  test("jira escapes its markup and shows code as {{…}}", () => {
    expect(renderInline([{ text: "a *b* " }, { code: "x}" }], "jira")).toBe("a \\*b\\* {{x\\}}}");
  });

  test("every format makes control characters visible, replaces bidi overrides and folds lines", () => {
    const hostile = "bell\u0007 esc\u001b[31m rtl\u202Eevil\r\nnext\tline";
    for (const format of ["markdown", "github", "jira", "text"] as const) {
      const out = renderInline([{ text: hostile }], format);
      expect(out).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
      expect(out).toContain("␇");
      expect(out).toContain("\uFFFD");
    }
    expect(renderInline([{ text: hostile }], "text")).toBe("bell␇ esc␛[31m rtl\uFFFDevil next line");
  });

  test("refuses an unknown format and parts that are not { text } / { code } strings, with paths", () => {
    expect(thrownBy(EscalationError, () => renderInline([{ text: "x" }], "html" as never)).issues).toStrictEqual([
      { code: "unknown_format", path: ["format"], message: 'unknown format "html"; use one of markdown, github, jira, text' },
    ]);
    expect(thrownBy(EscalationError, () => renderInline("x" as never, "text")).issues[0]?.path).toStrictEqual(["parts"]);
    expect(thrownBy(EscalationError, () => renderInline([{ text: "ok" }, { code: 3 }] as never, "text")).issues[0]?.path).toStrictEqual(["parts", 1]);
  });
});
