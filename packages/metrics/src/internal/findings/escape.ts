// The escaping rules of @supportops/escalation's renderers (renderEscalation: "markdown" and "text"),
// reproduced here because they are internal to that package (its exports map blocks ./internal/*):
// every value from a log is untrusted; control characters become visible (ESC → ␛) and bidi
// controls U+FFFD in both formats; in Markdown, prose is backslash-escaped wherever a character can
// open markup, bare links are defused (`https\://`, `www\.`, `/\/host`) and `@` is escaped;
// identifiers and values are code spans whose fence is longer than any backtick run inside. Keep the
// two in step: test/incidentTimeline.test.ts pins each rule on hostile input.

// C0 controls (but tab and newline), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates ("Trojan Source").
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** CRLF/CR → LF; control characters → their visible control pictures; bidi controls → U+FFFD. */
function neutralize(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      if (code === 0x7f) return "\u2421";
      return "\uFFFD";
    })
    .replace(BIDI, "\uFFFD");
}

/** One line: neutralised, tabs and newlines collapsed to single spaces (not trimmed: inline parts join with their spaces). */
function flatten(text: string): string {
  return neutralize(text).replace(/[\t\n]+/g, " ").replace(/ {2,}/g, " ");
}

/** {@link flatten}, trimmed. */
function oneLine(text: string): string {
  return flatten(text).trim();
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function defuseLinks(text: string): string {
  return text
    .replace(/(?<![A-Za-z])([A-Za-z]+):(?=\/\/)|(?<![A-Za-z0-9])(mailto|xmpp):/gi, (_m, scheme?: string, bare?: string) => `${scheme ?? bare}\\:`)
    .replace(/(?<![A-Za-z0-9])(www)\./gi, "$1\\.")
    .replace(/(?<![\w:/\\])\/\/(?=\w)/g, "/\\/");
}

/** Prose for CommonMark: one line, every markup character escaped, links defused, `@` escaped. */
function markdownText(text: string): string {
  return defuseLinks(flatten(text).replace(/[\\`*_[\]<>|~&#!$]/g, (ch) => `\\${ch}`)).replace(/@/g, "\\@");
}

/** A CommonMark code span that its content cannot close. */
export function markdownCode(code: string): string {
  const value = oneLine(code);
  const fence = "`".repeat(longestRun(value, "`") + 1);
  const pad = value.startsWith("`") || value.endsWith("`") || value === "" ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A run of inline parts: prose (`text`) or a value shown as code (`code`). */
export type Inline = ReadonlyArray<{ readonly text: string } | { readonly code: string }>;

export function renderInlineMarkdown(parts: Inline): string {
  return parts.map((p) => ("code" in p ? markdownCode(p.code) : markdownText(p.text))).join("").trim();
}

export function renderInlineText(parts: Inline): string {
  return parts.map((p) => ("code" in p ? oneLine(p.code) : flatten(p.text))).join("").trim();
}
