/** Cuts `text` to at most `max` code units without splitting a surrogate pair, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not leave half a surrogate pair
  return `${text.slice(0, end)}…`;
}
