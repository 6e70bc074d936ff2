// Unicode's default-ignorable code points: characters that render as nothing (zero-width space and
// joiners, word joiner, soft hyphen, BOM, bidi controls, variation selectors, Hangul fillers, tags).
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The comparison key of a label, alias or path segment (rule T2): invisible characters removed
 * (Unicode's default-ignorable code points, as Unicode's NFKC_Casefold does), Unicode NFKC,
 * case-folded, whitespace collapsed to single spaces and trimmed. `"  Billing   Refunds "`,
 * `"billing refunds"` and `"Bill\u200Bing refunds"` match, so two labels that look the same collide.
 */
export function normalizeLabel(text: string): string {
  // Printable ASCII needs no Unicode normalisation (the common case, and a hot path).
  if (/^[\x20-\x7e]*$/u.test(text)) return text.toLowerCase().replace(/ {2,}/gu, " ").trim();
  // Removed before NFKC (so they cannot block a composition) and after (NFKC maps a few characters,
  // U+3164 HANGUL FILLER among them, to other invisible ones). Final sigma: toLowerCase writes "ς" or
  // "σ" depending on the letters around it, so a label lower-cased alone and inside a longer path
  // would differ; both fold to "σ".
  return text
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/gu, "σ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * A looser key for the health check's near-duplicate search: {@link normalizeLabel}, then diacritics,
 * punctuation and spaces removed and a final plural "s" dropped (`"Log-in"` ≈ `"Logins"`).
 */
export function looseLabelKey(text: string): string {
  const key = normalizeLabel(text)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return key.length > 3 && key.endsWith("s") && !key.endsWith("ss") ? key.slice(0, -1) : key;
}

/**
 * True when a label contains the separator or starts or ends with one of its characters, given the
 * label's raw text and normalised key and the raw and normalised separator.
 */
export function clashesWithSeparator(label: string, key: string, separator: string, separatorKey: string): boolean {
  if (separatorKey === "") return false;
  if (key.includes(separatorKey) || label.includes(separator)) return true;
  const first = key.slice(0, 1);
  const last = key.slice(-1);
  return (first !== "" && separatorKey.includes(first)) || (last !== "" && separatorKey.includes(last));
}
