/** Escaping helpers shared by the renderers. */

// C0 controls (but tab and newline), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates ("Trojan Source"), which can make text read differently than it is.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text safe to show anywhere: CRLF and CR become LF; control characters become their visible
 * Unicode "control picture" (ESC → ␛), so terminal escape sequences cannot act; bidi controls become
 * U+FFFD.
 */
export function neutralize(text: string): string {
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
export function flatten(text: string): string {
  return neutralize(text).replace(/[\t\n]+/g, " ").replace(/ {2,}/g, " ");
}

/** {@link flatten}, trimmed. */
export function oneLine(text: string): string {
  return flatten(text).trim();
}

/** The longest run of `char` in `text`. */
export function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** Limits for code excerpts: long lines are cut, long excerpts keep their head. */
const EXCERPT_MAX_LINE = 300;
const EXCERPT_MAX_LINES = 60;
const EXCERPT_MAX_CHARS = 4_000;

/** An evidence excerpt fit for a ticket: neutralised, long lines cut, long text truncated with a note. */
export function excerpt(text: string): string {
  const lines = neutralize(text).replace(/\t/g, "  ").split("\n");
  const out: string[] = [];
  let chars = 0;
  for (const [index, line] of lines.entries()) {
    if (out.length >= EXCERPT_MAX_LINES || chars >= EXCERPT_MAX_CHARS) {
      out.push(`… [${lines.length - index} more lines not shown]`);
      break;
    }
    const cut = line.length > EXCERPT_MAX_LINE ? `${line.slice(0, EXCERPT_MAX_LINE)}… [+${line.length - EXCERPT_MAX_LINE} chars]` : line;
    out.push(cut);
    chars += cut.length + 1;
  }
  while (out.length > 0 && out[out.length - 1]?.trim() === "") out.pop();
  return out.join("\n");
}
