import type { Block, Inline } from "./document.js";
import { excerpt, flatten, neutralize, oneLine } from "./escape.js";

/** The column plain text wraps at. */
const TEXT_WIDTH = 100;

/** Word-wraps one line at `width` columns; words longer than a line are split. Linear in the text's length. */
function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let lineLength = [...firstIndent].length;
  let empty = true;
  const indentLength = [...indent].length;
  for (const rawWord of text.split(" ")) {
    if (rawWord === "") continue;
    const chars = [...rawWord];
    let from = 0;
    while (from < chars.length) {
      const rest = chars.length - from;
      const room = width - lineLength - (empty ? 0 : 1);
      if (rest <= room) {
        line += (empty ? "" : " ") + chars.slice(from).join("");
        lineLength += rest + (empty ? 0 : 1);
        empty = false;
        from = chars.length;
      } else if (empty) {
        const take = Math.max(1, room);
        lines.push(line + chars.slice(from, from + take).join(""));
        from += take;
        line = indent;
        lineLength = indentLength;
      } else {
        lines.push(line);
        line = indent;
        lineLength = indentLength;
        empty = true;
      }
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

export function inline(parts: ReadonlyArray<Inline>): string {
  return parts.map((part) => ("code" in part ? oneLine(part.code) : flatten(part.text))).join("").trim();
}

/** Renders blocks as plain text for e-mail or a terminal: wrapped at 100 columns, control characters made visible. */
export function renderText(blocks: ReadonlyArray<Block>): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "title": {
        const lines = wrap(oneLine(block.text), TEXT_WIDTH, "");
        out.push([...lines, "=".repeat(Math.max(...lines.map((l) => l.length)))].join("\n"));
        break;
      }
      case "heading":
        out.push(`${block.text}\n${"-".repeat(block.text.length)}`);
        break;
      case "fields": {
        const labelWidth = Math.max(...block.rows.map(([label]) => label.length)) + 2;
        out.push(
          block.rows
            .flatMap(([label, value]) => wrap(inline(value), TEXT_WIDTH, " ".repeat(labelWidth), `${label}:`.padEnd(labelWidth)))
            .join("\n"),
        );
        break;
      }
      case "paragraph": {
        const body = neutralize(block.text)
          .split("\n")
          .map((line) => line.replace(/\t/g, " ").trim())
          .filter((line) => line !== "");
        const head = block.label === undefined ? [] : [`${block.label}:`];
        out.push([...head, ...body.flatMap((line) => wrap(line, TEXT_WIDTH, block.label === undefined ? "" : "  "))].join("\n"));
        break;
      }
      case "list":
        out.push(
          block.items
            .flatMap((item, i) => {
              const marker = block.ordered ? `${i + 1}. ` : "- ";
              return wrap(inline(item), TEXT_WIDTH, " ".repeat(marker.length), marker);
            })
            .join("\n"),
        );
        break;
      case "code":
        out.push(`${block.label}:\n${excerpt(block.text).split("\n").map((line) => `    ${line}`).join("\n")}`);
        break;
      default:
        block satisfies never;
    }
  }
  return `${out.join("\n\n")}\n`;
}
