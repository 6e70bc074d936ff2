/** One logical (unfolded) iCalendar content line and the physical line number (1-based) it starts on. */
export interface LogicalLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Splits iCalendar text into logical lines: a physical line that starts with one space or tab
 * continues the previous one, and that one character is removed with the line break before it
 * (RFC 5545 §3.1). CRLF, LF and CR line breaks are all accepted; a leading byte-order mark and
 * empty lines are dropped.
 */
export function unfoldLines(text: string): LogicalLine[] {
  const physical = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const out: { line: number; text: string }[] = [];
  physical.forEach((raw, index) => {
    const first = raw[0];
    const last = out[out.length - 1];
    if ((first === " " || first === "\t") && last !== undefined) {
      last.text += raw.slice(1);
    } else if (raw !== "") {
      out.push({ line: index + 1, text: raw });
    }
  });
  return out;
}

/**
 * {@link unfoldLines} for the raw octets of a feed. RFC 5545 folds at 75 octets, and simple writers
 * split a multi-octet UTF-8 character across the fold (§3.1 asks readers to restore it), so the
 * octets of each logical line are joined first and decoded as UTF-8 afterwards.
 */
export function unfoldBytes(bytes: Uint8Array): LogicalLine[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const logical: { line: number; parts: Uint8Array[] }[] = [];
  let lineNumber = 1;
  let lineStart = start;
  const take = (end: number): void => {
    const first = bytes[lineStart];
    const last = logical[logical.length - 1];
    if ((first === 0x20 || first === 0x09) && last !== undefined) last.parts.push(bytes.subarray(lineStart + 1, end));
    else if (end > lineStart) logical.push({ line: lineNumber, parts: [bytes.subarray(lineStart, end)] });
  };
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x0a && byte !== 0x0d) continue;
    take(i);
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    lineNumber++;
    lineStart = i + 1;
  }
  take(bytes.length);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return logical.map(({ line, parts }) => {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return { line, text: decoder.decode(joined) };
  });
}

/** A parsed content line: `NAME;PARAM=a,b;OTHER="x:y":value`. Names and parameter names are upper-cased. */
export interface ContentLine {
  readonly line: number;
  readonly name: string;
  readonly params: ReadonlyMap<string, ReadonlyArray<string>>;
  readonly value: string;
}

// RFC 5545 names are letters, digits and "-"; some producers also write "_", which costs nothing to accept.
const NAME = /^[A-Za-z0-9_-]+$/;

/** Parses one logical line, or returns `undefined` when it is not `name *(";" param) ":" value`. */
export function parseContentLine(logical: LogicalLine): ContentLine | undefined {
  const { text } = logical;
  let i = 0;
  while (i < text.length && text[i] !== ";" && text[i] !== ":") i++;
  const name = text.slice(0, i);
  if (!NAME.test(name) || i >= text.length) return undefined;
  const params = new Map<string, string[]>();
  while (text[i] === ";") {
    i++;
    const eq = text.indexOf("=", i);
    if (eq < 0) return undefined;
    const paramName = text.slice(i, eq);
    if (!NAME.test(paramName)) return undefined;
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return undefined;
        values.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < text.length && text[j] !== "," && text[j] !== ";" && text[j] !== ":") j++;
        values.push(text.slice(i, j));
        i = j;
      }
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    params.set(paramName.toUpperCase(), values);
  }
  if (text[i] !== ":") return undefined;
  return { line: logical.line, name: name.toUpperCase(), params, value: text.slice(i + 1) };
}

/** Undoes RFC 5545 TEXT escaping: `\\` `\;` `\,` and `\n`/`\N` (a line break); any other escaped character stands for itself. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)?/gs, (_match, ch: string | undefined) => {
    if (ch === undefined) return "\\";
    return ch === "n" || ch === "N" ? "\n" : ch;
  });
}
