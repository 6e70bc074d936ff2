import { z } from "zod";

/**
 * Schema of an ordered list of level labels, most severe first: non-empty, each label a non-empty
 * string, no label twice. Duplicates are reported at the second occurrence with code `duplicate_level`.
 */
export const LevelListSchema = z
  .array(
    z
      .string()
      .min(1, "a level label must not be empty")
      // JSON objects keyed by this label would lose it (it sets the prototype instead).
      .refine((label) => label !== "__proto__", { message: '"__proto__" cannot be a level label; pick another name', params: { code: "reserved_label" } }),
  )
  .min(1, "list at least one level, most severe first")
  .superRefine((levels, ctx) => {
    const seen = new Map<string, number>();
    levels.forEach((level, index) => {
      const first = seen.get(level);
      if (first === undefined) seen.set(level, index);
      else
        ctx.addIssue({
          code: "custom",
          path: [index],
          params: { code: "duplicate_level" },
          message: `"${level}" is listed twice (first at [${first}]); each level appears once, most severe first`,
        });
    });
  });

/** Index of each label in a level list: 0 is the most severe. */
export type RankIndex = ReadonlyMap<string, number>;

/** Builds the label → rank map of a validated level list. */
export function rankIndex(levels: ReadonlyArray<string>): RankIndex {
  return new Map(levels.map((level, index) => [level, index]));
}

/** Quotes and lists labels for a message: `"P1", "P2" or "P3"`. */
export function listLabels(levels: ReadonlyArray<string>, conjunction = "or"): string {
  const quoted = levels.map((level) => JSON.stringify(level));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** The more severe of two labels of the same list (`null` counts as "not set", below every level). */
export function moreSevere(ranks: RankIndex, a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return (ranks.get(a) ?? Infinity) <= (ranks.get(b) ?? Infinity) ? a : b;
}
