import type { Block, Inline } from "./document.js";
import { excerpt, flatten, longestRun, neutralize, oneLine } from "./escape.js";

/**
 * Escapes prose for CommonMark (and GFM): every character that can open markup (and `$`, GitHub math)
 * is backslash-escaped, and bare links are defused (see {@link defuseLinks}).
 */
function escapeText(text: string, github: boolean): string {
  let out = text.replace(/[\\`*_[\]<>|~&#!$]/g, (ch) => `\\${ch}`);
  out = defuseLinks(out);
  // GitHub turns @name into a notification and #123 into a cross-reference; an empty comment breaks both
  // (and an email: GitHub finds addresses after escapes are resolved, so only a split stops it).
  if (github) out = out.replace(/([@#])(?=[A-Za-z0-9_-])/g, "$1<!-- -->");
  else out = out.replace(/@/g, "\\@");
  return out;
}

/**
 * Breaks what GFM renderers (GitHub, GitLab, markdown-it's linkify…) turn into live links, with
 * backslash escapes that render as nothing: the colon of `scheme://` and of `mailto:`/`xmpp:`
 * (`https\://evil.example`), the dot of `www.` (`www\.evil.example`) and the second slash of a
 * protocol-relative `//host` (`/\/evil.example`). Emails are handled by the caller. The text reads
 * the same; nothing is clickable.
 */
function defuseLinks(text: string): string {
  return text
    .replace(/(?<![A-Za-z])([A-Za-z]+):(?=\/\/)|(?<![A-Za-z0-9])(mailto|xmpp):/gi, (_m, scheme?: string, bare?: string) => `${scheme ?? bare}\\:`)
    .replace(/(?<![A-Za-z0-9])(www)\./gi, "$1\\.")
    .replace(/(?<![\w:/\\])\/\/(?=\w)/g, "/\\/");
}

/** Escapes what only matters at the start of a line: list markers, setext underlines, ordered-list numbers. */
function escapeLineStart(line: string): string {
  if (/^[-+=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

function codeSpan(code: string): string {
  const value = oneLine(code);
  const fence = "`".repeat(longestRun(value, "`") + 1);
  const pad = value.startsWith("`") || value.endsWith("`") || value === "" ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function inline(parts: ReadonlyArray<Inline>, github: boolean): string {
  return parts.map((part) => ("code" in part ? codeSpan(part.code) : escapeText(flatten(part.text), github))).join("").trim();
}

function prose(text: string, github: boolean): string {
  return neutralize(text)
    .split("\n")
    .map((line) => line.replace(/\t/g, " ").trim())
    .filter((line) => line !== "")
    .map((line) => escapeLineStart(escapeText(line, github)))
    .join("  \n");
}

function fence(text: string): string {
  const body = excerpt(text);
  const marks = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  return `${marks}text\n${body}\n${marks}`;
}

/** Renders blocks as CommonMark, or as GitHub-flavoured Markdown for issues when `github` is set. */
export function renderMarkdown(blocks: ReadonlyArray<Block>, github: boolean): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        out.push(`# ${escapeText(oneLine(block.text), github)}`);
        break;
      case "heading":
        out.push(`## ${block.text}`);
        break;
      case "fields":
        out.push(block.rows.map(([label, value]) => `- **${label}:** ${inline(value, github)}`).join("\n"));
        break;
      case "paragraph":
        out.push(`${block.label === undefined ? "" : `**${block.label}:** `}${prose(block.text, github)}`);
        break;
      case "list":
        out.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${escapeLineStart(inline(item, github))}`).join("\n"));
        break;
      case "code":
        if (github && block.label.startsWith("Excerpt")) {
          out.push(`<details><summary>${block.label}</summary>\n\n${fence(block.text)}\n\n</details>`);
        } else {
          out.push(`**${block.label}:**\n\n${fence(block.text)}`);
        }
        break;
      default:
        block satisfies never;
    }
  }
  return `${out.join("\n\n")}\n`;
}
