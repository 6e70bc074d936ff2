/** Parsers that decide whether an IPv4/IPv6 candidate is a real address and give its canonical form. */

/**
 * Parses dotted-decimal IPv4 (four octets 0–255, no leading zeros).
 * @returns the canonical text, or `null` when `text` is not an IPv4 address
 */
export function parseIpv4(text: string): string | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3) return null;
    if (part.length > 1 && part.charCodeAt(0) === 48) return null;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    if (Number(part) > 255) return null;
  }
  return text;
}

function isHexGroup(group: string): boolean {
  if (group.length === 0 || group.length > 4) return false;
  for (let i = 0; i < group.length; i++) {
    const c = group.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Groups of one side of `::` as 16-bit numbers, or `null`; an IPv4 tail counts as two groups. */
function parseGroups(side: string, allowIpv4Tail: boolean): number[] | null {
  if (side === "") return [];
  const groups = side.split(":");
  const out: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? "";
    if (allowIpv4Tail && i === groups.length - 1 && group.includes(".")) {
      if (parseIpv4(group) === null) return null;
      const octets = group.split(".").map(Number);
      out.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
    } else if (isHexGroup(group)) {
      out.push(parseInt(group, 16));
    } else {
      return null;
    }
  }
  return out;
}

/**
 * Parses an IPv6 address (RFC 4291 text forms, with at most one `::` and an optional IPv4 tail) and
 * renders it in RFC 5952 canonical form (lower case, no leading zeros, the longest zero run as `::`).
 * The bare `::` is refused: on its own it is punctuation far more often than an address.
 * @returns the canonical text, or `null` when `text` is not an IPv6 address
 */
export function parseIpv6(text: string): string | null {
  if (text === "::" || text.length > 45) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  let groups: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0] ?? "", false);
    const tail = parseGroups(halves[1] ?? "", true);
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (all === null || all.length !== 8) return null;
    groups = all;
  }
  // RFC 5952 §4.2: compress the longest run (≥ 2) of zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
