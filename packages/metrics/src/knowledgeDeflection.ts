import type { DurationInput, TimeInput } from "@supportops/core";
import type { KpiOptions } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import type { GenericKpiResult } from "./GenericKpiResult.js";
import type { MetricsError } from "./MetricsError.js";
import { bad, inPeriod, rateStats, readAt, readDuration, readObject, requireIterable, resolveOptions } from "./internal/extraKpi.js";

/**
 * One help-centre session: when it started, who (when known) and how many articles were viewed.
 *
 * @example
 * const session: HelpCenterSession = { at: "2026-03-09T10:00:00Z", user: "customer-52", articleViews: 2 };
 */
export interface HelpCenterSession {
  readonly at: TimeInput;
  readonly user?: string;
  readonly articleViews: number;
}

/**
 * One contact: a ticket the user opened (e.g. the `created` event's `requester` and time).
 *
 * @example
 * const contact: SupportContact = { at: "2026-03-09T11:00:00Z", user: "customer-52" };
 */
export interface SupportContact {
  readonly at: TimeInput;
  readonly user: string;
}

/**
 * Options of {@link knowledgeDeflection}.
 *
 * @example
 * const options: KnowledgeDeflectionOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, window: "PT24H" };
 */
export interface KnowledgeDeflectionOptions extends KpiOptions {
  /** How long after a session a ticket from the same user means it did not deflect (inclusive). Default `"PT24H"`. */
  readonly window?: DurationInput;
}

/**
 * Stats of `knowledge_deflection`.
 *
 * @example
 * const stats: KnowledgeDeflectionStats = { successes: 80, ci: { low: 0.7, high: 0.87 }, pendingWindow: 3, selfServiceRatio: 4.2 };
 */
export interface KnowledgeDeflectionStats extends RateStats {
  /** Sessions counted as deflected whose window had not passed at `asOf` (a ticket may still come). */
  readonly pendingWindow: number;
  /** Zendesk-style self-service score: sessions in the period / distinct users with a contact in it (`null` with none). */
  readonly selfServiceRatio: number | null;
}

/**
 * Knowledge deflection — an **estimate**, not a count of tickets that did not happen: of the
 * help-centre sessions in the period with at least one article view and a known user, the share after
 * which that user opened no ticket within the window (from the session's start, inclusive). Anonymous
 * sessions are `excluded.anonymous`, sessions with no article view `excluded.noArticleView`.
 * `provisional` while `asOf < period.to + window`. The self-service ratio is beside it. See docs/kpis.md.
 *
 * @param input - `{ sessions, contacts }`: help-centre sessions and tickets opened (user and time)
 * @param options - `period`, `timeZone`, `asOf`, `window`
 * @returns the `knowledge_deflection` result, a share with a Wilson interval
 * @throws {@link MetricsError} `invalid_argument` (issue `invalid_value`, path `["sessions" | "contacts", index, field]`) for a bad record, `invalid_time` / `invalid_duration`
 * @example
 * const result = knowledgeDeflection(
 *   {
 *     sessions: [
 *       { at: "2026-03-09T10:00:00Z", user: "u1", articleViews: 2 },
 *       { at: "2026-03-09T10:00:00Z", user: "u2", articleViews: 1 },
 *     ],
 *     contacts: [{ at: "2026-03-09T12:00:00Z", user: "u2" }],
 *   },
 *   { period: { from: "2026-03-01", to: "2026-04-01" } },
 * );
 * result.value; // => 0.5
 */
export function knowledgeDeflection(
  input: { readonly sessions: Iterable<HelpCenterSession>; readonly contacts: Iterable<SupportContact> },
  options: KnowledgeDeflectionOptions,
): GenericKpiResult<"knowledge_deflection", KnowledgeDeflectionStats> {
  const o = resolveOptions(options, "knowledgeDeflection({ sessions, contacts }, { period: { from, to }, window? })");
  const windowMs = readDuration(options.window, 86_400_000, ["window"]);
  if (typeof input !== "object" || input === null) throw bad([], "expected { sessions, contacts }");
  const contactsByUser = new Map<string, number[]>();
  const usersInPeriod = new Set<string>();
  let index = 0;
  for (const contact of requireIterable(input.contacts, "contacts { at, user }")) {
    const r = readObject(contact, ["contacts", index], "a contact { at, user }");
    const at = readAt(r["at"], ["contacts", index, "at"]);
    const user = r["user"];
    if (typeof user !== "string" || user === "") throw bad(["contacts", index, "user"], "expected the user's id, a non-empty string");
    index += 1;
    if (at > o.asOf) continue;
    let list = contactsByUser.get(user);
    if (list === undefined) contactsByUser.set(user, (list = []));
    list.push(at);
    if (inPeriod(o, at)) usersInPeriod.add(user);
  }
  let n = 0;
  let successes = 0;
  let pendingWindow = 0;
  let sessionsInPeriod = 0;
  const excluded = { anonymous: 0, noArticleView: 0 };
  index = 0;
  for (const session of requireIterable(input.sessions, "sessions { at, user?, articleViews }")) {
    const r = readObject(session, ["sessions", index], "a session { at, user?, articleViews }");
    const at = readAt(r["at"], ["sessions", index, "at"]);
    const user = r["user"];
    if (user !== undefined && (typeof user !== "string" || user === "")) throw bad(["sessions", index, "user"], "expected the user's id, a non-empty string");
    const views = r["articleViews"];
    if (typeof views !== "number" || !Number.isSafeInteger(views) || views < 0) throw bad(["sessions", index, "articleViews"], "expected a whole number ≥ 0");
    index += 1;
    if (!inPeriod(o, at)) continue;
    sessionsInPeriod += 1;
    if (views === 0) {
      excluded.noArticleView += 1;
      continue;
    }
    if (user === undefined) {
      excluded.anonymous += 1;
      continue;
    }
    n += 1;
    const contacted = (contactsByUser.get(user) ?? []).some((t) => t >= at && t - at <= windowMs);
    if (!contacted) {
      successes += 1;
      if (o.asOf < at + windowMs) pendingWindow += 1;
    }
  }
  return {
    kpi: "knowledge_deflection",
    value: n === 0 ? null : successes / n,
    n,
    excluded,
    population: "help-centre sessions in the period with at least one article view and a known user",
    timeAnchor: "session start",
    timeZone: o.timeZone,
    method: `ESTIMATE: share of sessions after which the same user opened no ticket within ${windowMs} ms (inclusive); Wilson 95 % interval; self-service ratio = sessions / users with a contact`,
    stats: { ...rateStats(successes, n), pendingWindow, selfServiceRatio: usersInPeriod.size === 0 ? null : sessionsInPeriod / usersInPeriod.size },
    provisional: o.asOf < o.to + windowMs,
  };
}
