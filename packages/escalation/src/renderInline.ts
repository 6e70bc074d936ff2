import { describeValue } from "@supportops/core";
import { failWith } from "./internal/fail.js";
import { inline as jiraInline } from "./internal/render/jira.js";
import { inline as markdownInline } from "./internal/render/markdown.js";
import { inline as textInline } from "./internal/render/text.js";
import { ESCALATION_RENDER_FORMATS, type EscalationRenderFormat } from "./renderEscalation.js";

/**
 * A piece of one line of text for {@link renderInline}: prose (`text`) or a value shown as code
 * (`code`: an id, a status, a field's value).
 *
 * @example
 * const parts: ReadonlyArray<InlinePart> = [{ text: "status set to " }, { code: "pending" }];
 */
export type InlinePart = { readonly text: string } | { readonly code: string };

/**
 * Renders one line of untrusted text with exactly the escaping rules of {@link renderEscalation}, for
 * other renderings of ticket data (an incident timeline, a report): control characters become visible
 * (ESC → ␛) and bidi overrides U+FFFD; tabs and newlines fold into single spaces; in `markdown` and
 * `github` every character that opens markup is backslash-escaped and bare links are defused, and a
 * `code` part is a code span its content cannot close; `jira` uses Jira's escapes and `{{…}}`; `text`
 * only neutralises.
 *
 * @param parts - the line's pieces, in order
 * @param format - one of {@link ESCALATION_RENDER_FORMATS}
 * @returns the line, trimmed
 * @throws {@link EscalationError} `invalid_argument` for an unknown format (issue `unknown_format`) or
 *   parts that are not `{ text }` / `{ code }` strings
 * @example
 * renderInline([{ text: "see https://evil.example *now*, " }, { code: "a`b" }], "markdown");
 * // => "see https\\://evil.example \\*now\\*, ``a`b``"
 * renderInline([{ text: "bell\u0007 " }, { code: "T-1" }], "text"); // => "bell␇ T-1"
 */
export function renderInline(parts: ReadonlyArray<InlinePart>, format: EscalationRenderFormat): string {
  if (!(ESCALATION_RENDER_FORMATS as ReadonlyArray<unknown>).includes(format)) {
    failWith("invalid_argument", "unknown_format", ["format"], `unknown format ${describeValue(format)}; use one of ${ESCALATION_RENDER_FORMATS.join(", ")}`);
  }
  if (!Array.isArray(parts)) failWith("invalid_argument", "invalid_type", ["parts"], `expected a list of { text } or { code } parts, got ${describeValue(parts)}`);
  parts.forEach((part: unknown, index) => {
    const p = part as { text?: unknown; code?: unknown } | null;
    const ok = typeof p === "object" && p !== null && (typeof p.text === "string" || typeof p.code === "string");
    if (!ok) failWith("invalid_argument", "invalid_type", ["parts", index], `expected { text: string } or { code: string }, got ${describeValue(part)}`);
  });
  switch (format) {
    case "markdown":
      return markdownInline(parts, false);
    case "github":
      return markdownInline(parts, true);
    case "jira":
      return jiraInline(parts);
    case "text":
      return textInline(parts);
    default:
      return format satisfies never;
  }
}
