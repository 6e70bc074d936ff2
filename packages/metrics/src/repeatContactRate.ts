import { parseTicketLog, rethrowAs, toDurationMs, type DurationInput, type TicketEvent } from "@supportops/core";
import type { KpiInstant, KpiPeriod } from "./KpiOptions.js";
import type { RateStats } from "./KpiResult.js";
import { MetricsError } from "./MetricsError.js";
import type { TicketInput } from "./TicketFacts.js";
import { requireIterable } from "./internal/requireIterable.js";
import { invalidArgument, resolveOptions } from "./internal/resolveOptions.js";
import { wilsonInterval } from "./internal/statistics.js";
import { localDaysBefore } from "./internal/findings/localDaysBefore.js";

/**
 * Options of {@link repeatContactRate}.
 *
 * @example
 * const options: RepeatContactRateOptions = { period: { from: "2026-03-01", to: "2026-04-01" }, timeZone: "Europe/Berlin", window: "P7D", sameCategory: true };
 */
export interface RepeatContactRateOptions {
  /** The half-open period `[from, to)` of the tickets counted (by creation). */
  readonly period: KpiPeriod;
  /** The zone local dates and day windows are read in. Default `"UTC"`. */
  readonly timeZone?: string;
  /** Only events at or before `asOf` are known. Default `period.to`; never before it. */
  readonly asOf?: KpiInstant;
  /**
   * How far back an earlier ticket of the same requester makes a repeat. Whole days or weeks
   * (`"P7D"`, `"P2W"`, `{ days: 7 }`) are local calendar days in `timeZone` (the same wall time that
   * many days earlier, as luxon's `minus({ days })`: a window across a DST change is 167 or 169
   * hours); any other duration is exact elapsed time. Default `"P7D"`.
   */
  readonly window?: DurationInput;
  /** Only an earlier ticket of the same category (as classified at `asOf`) counts. Default `false`. */
  readonly sameCategory?: boolean;
}

/**
 * What {@link repeatContactRate} returns: a result like every other KPI's.
 *
 * @example
 * const result: RepeatContactRateResult = repeatContactRate([], { period: { from: "2026-03-01", to: "2026-04-01" } });
 * result.value;    // => null
 * result.excluded; // => { noRequester: 0, merged: 0 }
 */
export interface RepeatContactRateResult {
  readonly kpi: "repeat_contact_rate";
  readonly value: number | null;
  readonly n: number;
  readonly excluded: { readonly noRequester: number; readonly merged: number };
  readonly population: string;
  readonly timeAnchor: string;
  readonly timeZone: string;
  readonly method: string;
  readonly stats: RateStats;
}

interface Contact {
  readonly id: string;
  readonly at: number;
  readonly category: string | null;
}

const USAGE = 'repeatContactRate(tickets, { period: { from, to }, window: "P7D" })';

/** A window in local calendar days (whole days or weeks), or `null` for an exact duration. */
function calendarDays(window: DurationInput): number | null {
  if (typeof window === "string") {
    const match = /^P(\d+)([DW])$/.exec(window);
    if (match === null) return null;
    return Number(match[1]) * (match[2] === "W" ? 7 : 1);
  }
  if (typeof window === "object" && window !== null && !("toMillis" in window)) {
    const keys = Object.keys(window);
    const { days = 0, weeks = 0 } = window as { days?: number; weeks?: number };
    if (keys.length > 0 && keys.every((k) => k === "days" || k === "weeks") && Number.isSafeInteger(days) && Number.isSafeInteger(weeks) && days >= 0 && weeks >= 0) return days + 7 * weeks;
  }
  return null;
}

/**
 * Repeat contact rate: of the tickets created in the period that name a `requester` and were not
 * merged away, the share whose requester had created another ticket in the window before it — at or
 * after `created − window`, strictly before `created` (two tickets at the same instant are not
 * repeats of each other); with `sameCategory`, only an earlier ticket of the same category counts
 * (categories as classified at `asOf`; a ticket without one never matches). Earlier tickets count
 * whatever became of them (merged away, still open), so pass the tickets of the window before the
 * period too. Wilson 95 % interval. See docs/kpis.md, "Findings".
 *
 * @param tickets - any iterable of `{ id, events }` (events raw or parsed); the requester is on `created`
 * @param options - `period`, `timeZone`, `asOf`, `window`, `sameCategory`
 * @returns the `repeat_contact_rate` result
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[ticketIndex, "events", …]`), `invalid_argument`,
 *   `invalid_time`, `invalid_duration`, `invalid_time_zone` for bad options
 * @example
 * const t = (id: string, at: string, requester: string) => ({ id, events: [{ id: "c", at, type: "created", by: "customer", requester }] });
 * const rate = repeatContactRate(
 *   [t("T-1", "2026-03-02T09:00:00Z", "ana"), t("T-2", "2026-03-05T09:00:00Z", "ana"), t("T-3", "2026-03-20T09:00:00Z", "ana"), t("T-4", "2026-03-05T10:00:00Z", "bo")],
 *   { period: { from: "2026-03-01", to: "2026-04-01" }, window: "P7D" },
 * );
 * rate.value;            // => 0.25
 * rate.stats.successes;  // => 1
 */
export function repeatContactRate(tickets: Iterable<TicketInput>, options: RepeatContactRateOptions): RepeatContactRateResult {
  if (typeof options !== "object" || options === null) throw invalidArgument([], `expected an options object; call it as ${USAGE}`);
  const o = resolveOptions({ period: options.period, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }), ...(options.asOf === undefined ? {} : { asOf: options.asOf }) }, USAGE);
  const window = options.window ?? "P7D";
  const days = calendarDays(window);
  let windowMs = 0;
  if (days === null) {
    windowMs = rethrowAs(MetricsError, () => toDurationMs(window as never, ["window"]), [], "invalid_argument");
    if (windowMs < 0) throw new MetricsError("invalid_duration", [{ code: "invalid_duration", path: ["window"], message: "a window is a duration ≥ 0" }]);
  }
  const sameCategory = options.sameCategory ?? false;
  if (typeof sameCategory !== "boolean") throw invalidArgument(["sameCategory"], "expected true or false");
  const daysBefore = localDaysBefore(o.timeZone);
  const windowStart = (at: number): number => (days === null ? at - windowMs : daysBefore(at, days));

  const byRequester = new Map<string, Contact[]>();
  const candidates: Array<{ readonly requester: string; readonly contact: Contact }> = [];
  let noRequester = 0;
  let merged = 0;
  let index = 0;
  for (const ticket of requireIterable(tickets)) {
    const path = [index];
    index += 1;
    if (typeof ticket !== "object" || ticket === null || typeof ticket.id !== "string" || ticket.id === "") {
      throw new MetricsError("invalid_argument", [{ code: "invalid_id", path: [...path, "id"], message: "a ticket is { id, events } with its own id, a non-empty string" }]);
    }
    const events = rethrowAs(MetricsError, () => parseTicketLog(ticket.events), [...path, "events"], "invalid_ticket_log");
    const created = events[0] as Extract<TicketEvent, { type: "created" }>;
    if (created.at > o.asOf) continue;
    let category = created.category ?? null;
    let isMerged = false;
    for (let i = 1; i < events.length; i++) {
      const event = events[i] as TicketEvent;
      if (event.at > o.asOf) break;
      if (event.type === "category_changed") category = event.to;
      else if (event.type === "merged") isMerged = true;
    }
    const inPeriod = created.at >= o.from && created.at < o.to;
    const requester = created.requester;
    if (requester === undefined) {
      if (inPeriod) noRequester += 1;
      continue;
    }
    const contact: Contact = { id: ticket.id, at: created.at, category };
    let list = byRequester.get(requester);
    if (list === undefined) {
      list = [];
      byRequester.set(requester, list);
    }
    list.push(contact);
    if (!inPeriod) continue;
    if (isMerged) merged += 1;
    else candidates.push({ requester, contact });
  }
  for (const list of byRequester.values()) list.sort((a, b) => a.at - b.at);

  let successes = 0;
  for (const { requester, contact } of candidates) {
    const list = byRequester.get(requester) as Contact[];
    const start = windowStart(contact.at);
    // The first contact at or after the window's start, by binary search; then walk while strictly before.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Contact).at < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const other = list[i] as Contact;
      if (other.at >= contact.at) break;
      if (!sameCategory || (contact.category !== null && other.category === contact.category)) {
        successes += 1;
        break;
      }
    }
  }
  const n = candidates.length;
  const windowText = days === null ? `${windowMs} ms` : `${days} local calendar day(s) in ${o.timeZone}`;
  return {
    kpi: "repeat_contact_rate",
    value: n === 0 ? null : successes / n,
    n,
    excluded: { noRequester, merged },
    population: "tickets created in the period with a requester, not merged away",
    timeAnchor: "creation",
    timeZone: o.timeZone,
    method: `share whose requester created another ticket${sameCategory ? " of the same category (as classified at asOf)" : ""} at or after created − window and strictly before created; window ${windowText}; earlier tickets count whatever became of them; Wilson 95 % interval`,
    stats: { successes, ci: wilsonInterval(successes, n) },
  };
}
