import type { TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, inPeriod, readAt, readObject, requireIterable, resolveOptions } from "./internal/extraKpi.js";

/**
 * One knowledge-base article event: an article published (again) or updated. The ticket log has no
 * article events, so knowledge output takes its own records (from the help centre's export).
 *
 * @example
 * const event: ArticleEvent = { article: "kb-42", at: "2026-03-09T10:00:00Z", action: "published", author: "agent-7" };
 */
export interface ArticleEvent {
  readonly article: string;
  readonly at: TimeInput;
  readonly action: "published" | "updated";
  readonly author?: string;
}

/**
 * Stats of `knowledge_output`.
 *
 * @example
 * const stats: KnowledgeOutputStats = { updatedArticles: 4, updateEvents: 6, byAuthor: { "agent-7": 2 } };
 */
export interface KnowledgeOutputStats {
  /** Distinct articles (published before or in the period) updated in the period. */
  readonly updatedArticles: number;
  /** Update events in the period. */
  readonly updateEvents: number;
  /** New articles by the author of their first publication (`""` when none is named). */
  readonly byAuthor: Readonly<Record<string, number>>;
}

/**
 * Knowledge output: distinct articles **first published** in the period (the first `published` event
 * of each article known at `asOf`). Republishing an article first published earlier is
 * `excluded.republished`; updates are counted apart (`stats.updatedArticles`, `stats.updateEvents`).
 * Count output beside its effect (deflection, repeat contacts), never alone. See docs/kpis.md.
 *
 * @param events - any iterable of `{ article, at, action, author? }`, in any order
 * @param options - `period`, `timeZone`, `asOf`
 * @returns the `knowledge_output` result: a count
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`) for a bad record, `invalid_time` for a bad `at`
 * @example
 * const events = [
 *   { article: "kb-1", at: "2026-02-10T10:00:00Z", action: "published" },
 *   { article: "kb-1", at: "2026-03-10T10:00:00Z", action: "updated" },
 *   { article: "kb-2", at: "2026-03-12T10:00:00Z", action: "published" },
 * ] as const;
 * const result = knowledgeOutput(events, { period: { from: "2026-03-01", to: "2026-04-01" } });
 * result.value;                 // => 1
 * result.stats.updatedArticles; // => 1
 */
export function knowledgeOutput(events: Iterable<ArticleEvent>, options: KpiOptions): GenericKpiResult<"knowledge_output", KnowledgeOutputStats> {
  const o = resolveOptions(options, "knowledgeOutput(events, { period: { from, to } })");
  const firstPublished = new Map<string, { at: number; author: string }>();
  const publishedInPeriod: string[] = [];
  const updated = new Set<string>();
  let updateEvents = 0;
  let index = 0;
  for (const event of requireIterable(events, "article events { article, at, action }")) {
    const r = readObject(event, [index], "an article event { article, at, action }");
    const at = readAt(r["at"], [index, "at"]);
    const article = r["article"];
    if (typeof article !== "string" || article === "") throw bad([index, "article"], "expected the article's id, a non-empty string");
    const action = r["action"];
    if (action !== "published" && action !== "updated") throw bad([index, "action"], 'expected "published" or "updated"');
    const author = r["author"];
    if (author !== undefined && typeof author !== "string") throw bad([index, "author"], "expected a string");
    index += 1;
    if (at > o.asOf) continue;
    if (action === "published") {
      const known = firstPublished.get(article);
      if (known === undefined || at < known.at) firstPublished.set(article, { at, author: author ?? "" });
      if (inPeriod(o, at)) publishedInPeriod.push(article);
    } else if (inPeriod(o, at)) {
      updated.add(article);
      updateEvents += 1;
    }
  }
  let n = 0;
  let republished = 0;
  const byAuthor: Record<string, number> = {};
  const counted = new Set<string>();
  for (const article of publishedInPeriod) {
    const first = firstPublished.get(article) as { at: number; author: string };
    if (!inPeriod(o, first.at)) {
      republished += 1;
      continue;
    }
    if (counted.has(article)) {
      republished += 1;
      continue;
    }
    counted.add(article);
    n += 1;
    byAuthor[first.author] = (byAuthor[first.author] ?? 0) + 1;
  }
  return {
    kpi: "knowledge_output",
    value: n,
    n,
    excluded: { republished },
    population: "articles whose first publication known at asOf is in the period",
    timeAnchor: "first publication",
    timeZone: o.timeZone,
    method: "count of distinct articles first published in the period; updates counted apart",
    stats: { updatedArticles: updated.size, updateEvents, byAuthor },
  };
}
