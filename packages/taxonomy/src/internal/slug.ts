/**
 * A code derived from a label path the way Zendesk derives tags from nested option titles: each label
 * lower-cased, accents dropped, runs of other characters turned into `_`, levels joined by `__`.
 */
export function slugCode(labels: ReadonlyArray<string>): string {
  return labels
    .map((label) =>
      label
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "_"),
    )
    .map(trimUnderscores)
    .map((s) => (s === "" ? "_" : s))
    .join("__");
}

// A loop rather than /^_+|_+$/, which backtracks quadratically on long runs of underscores.
function trimUnderscores(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "_") start++;
  while (end > start && text[end - 1] === "_") end--;
  return text.slice(start, end);
}
