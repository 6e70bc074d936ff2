import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { ESCALATION_RENDER_FORMATS, createEscalationPackage, redact, renderEscalation, type EscalationRenderFormat } from "@supportops/escalation";
import { NOW, fullBug } from "./fixtures.js";

// Text built from the characters that open markup in one format or another, plus letters and breaks.
const hostileArb = fc
  .array(
    fc.oneof(
      fc.constantFrom("#", "##", ">", "<", "</", "<script>", "`", "```", "~~~", "*", "_", "[", "]", "(", ")", "!", "|", "-", "+", "=", "\\", "&", "@", "{", "}", "{noformat}", "{code}", "h1.", "bq.", "1.", "??", "^", "~", "$", "\n", "\r\n", "\n\n", "    ", "\t", "\u001b[31m", "\u202E", "\u0000"),
      fc.constantFrom("a", "word", " ", "text"),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(""))
  // Markup characters can spell personal data ("a@1.aa" is an email), which a package refuses in its
  // summary (and in unsanitised evidence); those strings test the schema, not the renderer.
  .filter((s) => Object.keys(redact(`Summary ${s}`).report.counts).length === 0);

const HEADINGS = ["Impact", "The ask", "Steps to reproduce", "Expected and actual", "What has been tried", "Correlation", "Evidence", "Customer communication"];

function render(s: string, format: EscalationRenderFormat): string {
  const pkg = createEscalationPackage(
    {
      ...fullBug,
      summary: `Summary ${s}`.slice(0, 200).trim().padEnd(10, "."),
      ask: `Ask ${s}`,
      expected: `Expected ${s}`,
      actual: `Actual ${s}`,
      errorText: `Error ${s}`,
      workaround: `Workaround ${s}`,
      attempts: [{ action: `Tried ${s}`, result: `Result ${s}` }],
      reproSteps: [{ n: 1, action: `Step ${s}` }, { n: 2, action: s.trim() === "" ? "x" : s }],
      evidence: [{ ...fullBug.evidence[0], title: `Title ${s}`, inline: `Log ${s}` }],
    },
    { now: NOW },
  );
  return renderEscalation(pkg, format);
}

/** CommonMark fences: the lines outside fenced blocks, and how many fence lines were seen. */
function outsideFences(lines: ReadonlyArray<string>): { outside: string[]; fenceLines: number } {
  const outside: string[] = [];
  let open: string | null = null;
  let fenceLines = 0;
  for (const line of lines) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (open === null && fence !== undefined) {
      open = fence;
      fenceLines += 1;
    } else if (open !== null && fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) {
      open = null;
      fenceLines += 1;
    } else if (open === null) {
      outside.push(line);
    }
  }
  return { outside, fenceLines };
}

const formatArb = fc.constantFrom(...ESCALATION_RENDER_FORMATS);

describe("renderEscalation: hostile text cannot change the document's structure", () => {
  test.prop([hostileArb, formatArb], { numRuns: numRuns(100) })("no control or bidi characters survive in any format", (s, format) => {
    expect(render(s, format)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  test.prop([hostileArb, fc.boolean()], { numRuns: numRuns(150) })("markdown and github: headings, quotes, HTML and fences are only ours", (s, github) => {
    const all = render(s, github ? "github" : "markdown").split("\n");
    const { outside: lines, fenceLines } = outsideFences(all);
    const headingLines = lines.filter((line) => /^ {0,3}#{1,6}(\s|$)/.test(line));
    expect(headingLines[0]).toMatch(/^# \\\[SEV2\/P2\\\] /);
    expect(headingLines.slice(1).map((line) => line.slice(3))).toStrictEqual(HEADINGS.filter((h) => h !== "Customer communication" || lines.includes("## Customer communication")));
    const tags = github ? ["<details><summary>Excerpt 1</summary>", "</details>"] : [];
    expect(lines.filter((line) => /^ {0,3}[<>]/.test(line))).toStrictEqual(tags);
    // Two fences per code block (error text, one excerpt): their content never closes them.
    expect(fenceLines).toBe(4);
  });

  test.prop([hostileArb], { numRuns: numRuns(150) })("jira: headings and noformat blocks are only ours", (s) => {
    // Jira reads nothing inside {noformat} but its closing tag, so only lines outside count.
    const all = render(s, "jira").split("\n");
    const lines = all.filter((_, i) => all.slice(0, i).filter((l) => l === "{noformat}").length % 2 === 0);
    expect(lines.filter((line) => /^\s*h[1-6]\./.test(line)).map((line) => line.slice(4))).toStrictEqual([
      lines[0]?.slice(4),
      ...HEADINGS,
    ]);
    expect(all.filter((line) => /\{noformat\}/i.test(line)).every((line) => line === "{noformat}")).toBe(true);
    expect(all.filter((line) => line === "{noformat}").length).toBe(4);
  });
});

// Text built from what renderers turn into links: schemes, `www.`, `mailto:`, `@`, domains.
const linkyArb = fc
  .array(
    fc.oneof(
      fc.constantFrom("https://", "http://", "ftp://", "HTTPS://", "//", "www.", "WWW.", "mailto:", "xmpp:", "@", ".", "/", "?q=1", "#x"),
      fc.constantFrom("evil", "example", "com", "a1", "-", "_", " ", "(", "*", "~"),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join(""));

function renderLinky(s: string, format: EscalationRenderFormat): string {
  const pkg = createEscalationPackage(
    { ...fullBug, ask: `Ask ${s}`, actual: `Actual ${s}`, workaround: `Workaround ${s}`, reproSteps: [{ n: 1, action: `Step ${s}` }, { n: 2, action: "Click Pay" }] },
    { now: NOW },
  );
  return renderEscalation(pkg, format);
}

describe("renderEscalation: no bare link or address in prose is live", () => {
  test.prop([linkyArb, fc.boolean()], { numRuns: numRuns(150) })("markdown and github: schemes, www. and addresses are broken", (s, github) => {
    const { outside } = outsideFences(renderLinky(s, github ? "github" : "markdown").split("\n"));
    // Code spans are never autolinked; what is outside them must hold no link a GFM renderer would make.
    const prose = outside.map((line) => line.replace(/(`+)[^`]*?\1/g, ""));
    for (const line of prose) {
      expect(line).not.toMatch(/[A-Za-z]:\/\//);
      expect(line).not.toMatch(/(?<![A-Za-z0-9])www\./i);
      expect(line).not.toMatch(/(?<![A-Za-z0-9])(mailto|xmpp):/i);
      expect(line).not.toMatch(github ? /@(?=[A-Za-z0-9_-])/ : /(?<!\\)@/);
      expect(line).not.toMatch(/(?<![\w:/\\])\/\/\w/); // protocol-relative //host (markdown-it links it)
    }
  });

  test.prop([linkyArb], { numRuns: numRuns(100) })("jira: schemes, www. and addresses are broken (outside {noformat})", (s) => {
    const all = renderLinky(s, "jira").split("\n");
    const lines = all.filter((_, i) => all.slice(0, i).filter((l) => l === "{noformat}").length % 2 === 0);
    for (const line of lines) {
      expect(line).not.toMatch(/[A-Za-z]:\/\//);
      expect(line).not.toMatch(/(?<![A-Za-z0-9])www\./i);
      expect(line).not.toMatch(/(?<![A-Za-z0-9])(mailto|xmpp):/i);
      expect(line).not.toMatch(/[\w.+-]@[A-Za-z0-9]/);
    }
  });
});
