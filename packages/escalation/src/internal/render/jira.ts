import type { Block, Inline } from "./document.js";
import { excerpt, flatten, neutralize, oneLine } from "./escape.js";

/**
 * Escapes prose for Jira wiki markup. Characters that open markup are backslash-escaped; a hyphen
 * only at a word boundary (inside a word it cannot strike through); a question mark only when
 * doubled (`??citation??`); emoticon shortcuts such as `(y)` are broken. A backslash becomes the
 * entity `&#92;`, since `\\` is a forced line break in Jira.
 */
function escapeText(text: string): string {
  let out = "";
  const chars = [...text];
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    const word = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);
    if (ch === "\\") out += "&#92;";
    else if ("*_+^~{}[]|!#".includes(ch)) out += `\\${ch}`;
    else if (ch === "-" && !(word(prev) && word(next))) out += "\\-";
    else if (ch === "?" && (prev === "?" || next === "?")) out += "\\?";
    else if (ch === "(" && /^\([a-z/!?*+-]{1,4}\)/i.test(chars.slice(i, i + 6).join(""))) out += "\\(";
    else out += ch;
  });
  return defuseLinks(out);
}

/**
 * Breaks what Jira turns into live links, with character entities that render as the character: the
 * colon of `scheme://` and of `mailto:` (`https&#58;//evil.example`), the dot of `www.`, and the `@`
 * of an address (`jane&#64;example.com`). Jira looks for links in the markup, before entities become
 * characters.
 */
function defuseLinks(text: string): string {
  return text
    .replace(/(?<![A-Za-z])([A-Za-z]+):(?=\/\/)|(?<![A-Za-z0-9])(mailto|xmpp|news|irc):/gi, (_m, scheme?: string, bare?: string) => `${scheme ?? bare}&#58;`)
    .replace(/(?<![A-Za-z0-9])(www)\./gi, "$1&#46;")
    .replace(/(?<=[\w.+-])@(?=[A-Za-z0-9])/g, "&#64;");
}

/** Line starts that Jira reads as headings or quotes (`h1.`, `bq.`). */
function escapeLineStart(line: string): string {
  return line.replace(/^(h[1-6]|bq)\./i, "$1\\.");
}

export function inline(parts: ReadonlyArray<Inline>): string {
  return parts.map((part) => ("code" in part ? `{{${escapeText(oneLine(part.code))}}}` : escapeText(flatten(part.text)))).join("").trim();
}

function prose(text: string): string {
  return neutralize(text)
    .split("\n")
    .map((line) => line.replace(/\t/g, " ").trim())
    .filter((line) => line !== "")
    .map((line) => escapeLineStart(escapeText(line)))
    .join("\n");
}

function noformat(text: string): string {
  // Nothing is interpreted inside {noformat} except its own closing tag, which a zero-width space breaks.
  const body = excerpt(text).replace(/\{(noformat)\}/gi, "{\u200B$1}");
  return `{noformat}\n${body}\n{noformat}`;
}

/** Renders blocks as Jira wiki markup. */
export function renderJira(blocks: ReadonlyArray<Block>): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        out.push(`h1. ${escapeText(oneLine(block.text))}`);
        break;
      case "heading":
        out.push(`h2. ${block.text}`);
        break;
      case "fields":
        out.push(block.rows.map(([label, value]) => `* *${label}:* ${inline(value)}`).join("\n"));
        break;
      case "paragraph":
        out.push(`${block.label === undefined ? "" : `*${block.label}:* `}${prose(block.text)}`);
        break;
      case "list":
        out.push(block.items.map((item) => `${block.ordered ? "#" : "*"} ${inline(item)}`).join("\n"));
        break;
      case "code":
        out.push(`*${block.label}:*\n${noformat(block.text)}`);
        break;
      default:
        block satisfies never;
    }
  }
  return `${out.join("\n\n")}\n`;
}
