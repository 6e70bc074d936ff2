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
        .replace(/[^\p{L}\p{N}]+/gu, "_")
        .replace(/^_+|_+$/gu, ""),
    )
    .map((s) => (s === "" ? "_" : s))
    .join("__");
}
