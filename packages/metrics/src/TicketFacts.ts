import type { CanonicalStatus, IssuePath, TicketLog } from "@supportops/core";
import { readInstant, readZone } from "./internal/resolveOptions.js";
import { factsOf } from "./internal/factsOf.js";
import { MetricsError } from "./MetricsError.js";

/**
 * A ticket as the KPI functions take it: its own id (the one other tickets' `merged.into` names) and
 * its event log, raw (stored JSON form, validated here) or already parsed by core's `parseTicketLog`.
 *
 * @example
 * const ticket: TicketInput = { id: "T-1", events: [{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }] };
 */
export interface TicketInput {
  readonly id: string;
  readonly events: TicketLog | ReadonlyArray<unknown>;
}

/**
 * One resolution of a ticket: the instant it moved into `solved` or `closed` from another status, and
 * the instant it was reopened afterwards (moved back to a working status), if that is known.
 *
 * @example
 * const resolution: Resolution = { at: 1773050400000, reopenedAt: null };
 */
export interface Resolution {
  readonly at: number;
  readonly reopenedAt: number | null;
}

/**
 * A value that changes over a ticket's life (priority, category, status), from `at` on.
 *
 * @example
 * const entry: TimelineEntry<string | null> = { at: 1773046800000, value: "high" };
 */
export interface TimelineEntry<T> {
  readonly at: number;
  readonly value: T;
}

/**
 * A satisfaction rating as the ticket's log records it.
 *
 * @example
 * const rating: Rating = { at: 1773050400000, score: 4, scaleMax: 5 };
 */
export interface Rating {
  readonly at: number;
  readonly score: number;
  readonly scaleMax: number;
}

/**
 * Everything the KPIs read about one ticket, as known at `asOf` (events after it are ignored). Both
 * input forms — event logs and flat rows — become these records; see docs/kpis.md. All instants are
 * epoch milliseconds.
 *
 * A ticket merged away is treated as closed at the merge instant: its status timeline ends in
 * `closed` there (a resolution, if it was not resolved already).
 *
 * @example
 * const facts: TicketFacts = computeTicketFacts(
 *   { id: "T-1", events: [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", channel: "email" },
 *     { id: "r", at: "2026-03-09T09:30:00Z", type: "message", role: "agent", public: true },
 *     { id: "s", at: "2026-03-09T10:00:00Z", type: "status_changed", to: "solved" },
 *   ] },
 *   { asOf: "2026-03-10T00:00:00Z" },
 * );
 * facts.resolutions; // => [{ at: 1773050400000, reopenedAt: null }]
 */
export interface TicketFacts {
  readonly id: string;
  /** The instant the facts describe. */
  readonly asOf: number;
  readonly createdAt: number;
  readonly createdBy: "customer" | "agent" | "system";
  readonly channel: string | null;
  /** Priority from each instant on; the first entry is at creation (value `null` when none was set). */
  readonly priorityTimeline: ReadonlyArray<TimelineEntry<string | null>>;
  /** Category from each instant on; the first entry is at creation. */
  readonly categoryTimeline: ReadonlyArray<TimelineEntry<string | null>>;
  /** Canonical status from each instant on; the first entry is at creation. */
  readonly statusTimeline: ReadonlyArray<TimelineEntry<CanonicalStatus>>;
  /** The status at `asOf` (`closed` once merged away). */
  readonly status: CanonicalStatus;
  /** When the ticket started waiting for a first reply (docs/events.md); `null` while it has not. */
  readonly responseStartAt: number | null;
  /** The first reply: the first public human-agent message after the response start in the log (at the same instant or later). */
  readonly firstReplyAt: number | null;
  /** The first public human-agent message, whenever it came (an agent's outbound message counts here). */
  readonly firstAgentMessageAt: number | null;
  /** Every reply (public human-agent message after the response start in the log), in order. */
  readonly replyTimes: ReadonlyArray<number>;
  /** Every resolution, in order, each with its reopen. */
  readonly resolutions: ReadonlyArray<Resolution>;
  /** The latest resolution (`null` when never resolved). */
  readonly latestResolvedAt: number | null;
  /** Every satisfaction rating, in order (the latest is the one that counts). */
  readonly ratings: ReadonlyArray<Rating>;
  /** The merge of this ticket into another, if any. */
  readonly merged: { readonly into: string; readonly at: number } | null;
  /**
   * How many other tickets were merged into this one (known at `asOf`). Only a batch knows this:
   * {@link computeTicketFacts} leaves it 0, `ticketFactsFromLogs` fills it in.
   */
  readonly mergedInCount: number;
}

/**
 * Options of {@link computeTicketFacts}.
 *
 * @example
 * const options: ComputeTicketFactsOptions = { asOf: "2026-04-01T00:00:00Z" };
 */
export interface ComputeTicketFactsOptions {
  /**
   * The instant the facts describe: events after it are not known. Epoch ms, `Date`, ISO string with
   * an offset, or a local date `"YYYY-MM-DD"` (its first instant in `timeZone`), as in the KPI options.
   */
  readonly asOf: number | string | Date;
  /** The IANA zone a local-date `asOf` is read in; default `"UTC"`. */
  readonly timeZone?: string;
}

/**
 * Reads one ticket's log into its {@link TicketFacts}, as known at `asOf`, or `null` when the
 * ticket was created after `asOf` (nobody knows of it yet).
 *
 * @param ticket - `{ id, events }`, the events raw or parsed
 * @param options - `asOf`, and `timeZone` for a local-date `asOf`
 * @param path - where the ticket sits in the caller's input (for error paths); default `[]`
 * @returns the facts, frozen, or `null`
 * @throws {@link MetricsError} `invalid_ticket_log` (path `[...path, "events", index, field]`),
 *   `invalid_argument` for a missing id, `invalid_time` for a bad `asOf`, `invalid_time_zone` for a bad `timeZone`
 * @example
 * const facts = computeTicketFacts(
 *   { id: "T-2", events: [
 *     { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "agent", channel: "phone" },
 *     { id: "o", at: "2026-03-09T09:05:00Z", type: "message", role: "agent", public: true },
 *     { id: "m", at: "2026-03-09T09:20:00Z", type: "message", role: "customer", public: true },
 *     { id: "r", at: "2026-03-09T09:45:00Z", type: "message", role: "agent", public: true },
 *   ] },
 *   { asOf: "2026-03-09T12:00:00Z" },
 * );
 * facts?.responseStartAt === Date.parse("2026-03-09T09:20:00Z"); // => true
 * facts?.replyTimes.length;                                      // => 1
 */
export function computeTicketFacts(ticket: TicketInput, options: ComputeTicketFactsOptions, path: IssuePath = []): TicketFacts | null {
  const asOf = readAsOf(options);
  return factsOf(ticket, asOf, path);
}

function readAsOf(options: ComputeTicketFactsOptions): number {
  if (typeof options !== "object" || options === null) {
    throw new MetricsError("invalid_argument", "expected an options object: computeTicketFacts(ticket, { asOf })");
  }
  return readInstant(options.asOf, readZone(options.timeZone, ["timeZone"]), ["asOf"]);
}
