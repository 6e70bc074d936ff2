import { parseTicketLog, rethrowAs, type BusinessCalendarLike, type CanonicalStatus, type TicketEvent, type TicketEventType } from "@supportops/core";
import { DateTime } from "luxon";
import type { KpiInstant } from "./KpiOptions.js";
import { MetricsError } from "./MetricsError.js";
import { renderInline, type InlinePart } from "@supportops/escalation";
import { checkedCalendar } from "./internal/checkedCalendar.js";
import { invalidArgument, readInstant, readZone } from "./internal/resolveOptions.js";

/** One line of a rendering: prose and code parts, escaped by escalation's renderInline. */
type Inline = ReadonlyArray<InlinePart>;

/**
 * What {@link incidentTimeline} needs of an SLA engine: `@supportops/sla`'s `createSlaEngine(...)`
 * result fits (its states carry the warnings that fired).
 *
 * @example
 * const engine: IncidentSlaEngine = { evaluate: () => ({ metrics: [] }) };
 */
export interface IncidentSlaEngine {
  evaluate(
    log: ReadonlyArray<unknown>,
    options: { readonly at: number },
  ): {
    readonly metrics: ReadonlyArray<{
      readonly metric: string;
      readonly cycle: number;
      readonly status: string;
      readonly startedAt: number;
      readonly dueAt: number | null;
      readonly breachedAt: number | null;
      readonly stoppedAt: number | null;
      readonly warnings: ReadonlyArray<{ readonly fraction: number; readonly at: number }>;
    }>;
  };
}

/**
 * Options of {@link incidentTimeline}.
 *
 * @example
 * const options: IncidentTimelineOptions = { timeZone: "Europe/Berlin" };
 */
export interface IncidentTimelineOptions {
  /** The IANA zone wall times are shown in. */
  readonly timeZone: string;
  /** SLA states (warnings, breaches, due times), evaluated at `at`. */
  readonly slaEngine?: IncidentSlaEngine;
  /** The business calendar elapsed business time is measured on (e.g. `createCalendar(...)` from `@supportops/sla`); without one, business times are `null`. */
  readonly calendar?: BusinessCalendarLike;
  /** The instant the timeline is drawn up at: later events are left out, an open status span ends here. Default: the last event. */
  readonly at?: KpiInstant;
}

/**
 * One line of an {@link IncidentTimeline}: an event of the log, or an SLA warning or breach.
 *
 * @example
 * const entry: IncidentEntry = {
 *   at: 1773046800000, wallTime: "2026-03-09 10:00:00 +01:00", elapsedMs: 0, elapsedBusinessMs: 0,
 *   kind: "event", type: "created", summary: "Created by customer via email",
 * };
 */
export interface IncidentEntry {
  readonly at: number;
  /** `yyyy-MM-dd HH:mm:ss ±hh:mm` in the timeline's zone (`.SSS` when the instant has milliseconds). */
  readonly wallTime: string;
  /** Since creation, calendar ms. */
  readonly elapsedMs: number;
  /** Since creation, business ms on `calendar`; `null` without one. */
  readonly elapsedBusinessMs: number | null;
  readonly kind: "event" | "sla_warning" | "sla_breach";
  readonly type: TicketEventType | "sla_warning" | "sla_breach";
  /** One line of plain text (control characters made visible). */
  readonly summary: string;
}

/**
 * How long the ticket stayed in one status: `[from, to)`; the last span ends at `at` (`ongoing`: the
 * ticket is still in it then). A status that held for no time (two changes at one instant) has no span.
 *
 * @example
 * const span: StatusSpan = { status: "open", from: 1773046800000, to: 1773050400000, durationMs: 3600000, businessMs: 3600000, ongoing: false };
 */
export interface StatusSpan {
  readonly status: CanonicalStatus;
  readonly from: number;
  readonly to: number;
  readonly durationMs: number;
  readonly businessMs: number | null;
  readonly ongoing: boolean;
}

/**
 * An SLA cycle as the engine reports it at `at`, with the warnings that fired by then.
 *
 * @example
 * const cycle: IncidentSlaCycle = { metric: "first_response", cycle: 1, status: "breached", startedAt: 0, dueAt: 3600000, breachedAt: 3600000, stoppedAt: null, warnings: [{ fraction: 0.75, at: 2700000 }] };
 */
export interface IncidentSlaCycle {
  readonly metric: string;
  readonly cycle: number;
  readonly status: string;
  readonly startedAt: number;
  readonly dueAt: number | null;
  readonly breachedAt: number | null;
  readonly stoppedAt: number | null;
  readonly warnings: ReadonlyArray<{ readonly fraction: number; readonly at: number }>;
}

/**
 * What {@link incidentTimeline} returns: the data, and the same timeline rendered as Markdown
 * (CommonMark) and as plain text.
 *
 * @example
 * const timeline: IncidentTimeline = incidentTimeline([{ id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer" }], { timeZone: "UTC" });
 * timeline.entries.length; // => 1
 */
export interface IncidentTimeline {
  readonly ticketId: string | null;
  readonly timeZone: string;
  readonly createdAt: number;
  readonly at: number;
  /** By time; at one instant, the log's events (in log order) before the SLA entries they caused. */
  readonly entries: ReadonlyArray<IncidentEntry>;
  readonly statusSpans: ReadonlyArray<StatusSpan>;
  /** The `escalated` events, as entries. */
  readonly escalations: ReadonlyArray<IncidentEntry>;
  readonly sla: ReadonlyArray<IncidentSlaCycle>;
  readonly markdown: string;
  readonly text: string;
}

const USAGE = 'incidentTimeline(log, { timeZone: "Europe/Berlin" })';

function wallTimeOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(ms % 1000 === 0 ? "yyyy-MM-dd HH:mm:ss ZZ" : "yyyy-MM-dd HH:mm:ss.SSS ZZ");
}

/** `1d 02:03:04` (and `.mmm` when there are milliseconds), signed. */
function formatElapsed(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const milli = rest % 1000;
  return `${sign}${days > 0 ? `${days}d ` : ""}${pad(h)}:${pad(m)}:${pad(s)}${milli === 0 ? "" : `.${pad(milli, 3)}`}`;
}

const by = (actor: string | undefined): Inline => (actor === undefined ? [] : [{ text: " by " }, { code: actor }]);

/** What an event says, as inline parts (values as code, never a message body or a comment). */
function describe(event: TicketEvent): Inline {
  switch (event.type) {
    case "created":
      return [
        { text: `Created by ${event.by}` },
        ...(event.channel === undefined ? [] : [{ text: " via " }, { code: event.channel }]),
        ...(event.priority === undefined ? [] : [{ text: ", priority " }, { code: event.priority }]),
        ...(event.severity === undefined ? [] : [{ text: ", severity " }, { code: event.severity }]),
        ...(event.category === undefined ? [] : [{ text: ", category " }, { code: event.category }]),
        ...(event.status === undefined ? [] : [{ text: ", status " }, { code: event.status }]),
        ...by(event.actor),
      ];
    case "message":
      return [{ text: `${event.public ? "Public" : "Internal"} message from ${event.role}` }, ...by(event.author ?? event.actor)];
    case "status_changed":
      return [{ text: "Status " }, ...(event.from === undefined ? [] : [{ code: event.fromLabel ?? event.from }, { text: " → " }]), { code: event.toLabel ?? event.to }, ...by(event.actor)];
    case "priority_changed":
    case "severity_changed":
      return [
        { text: event.type === "priority_changed" ? "Priority " : "Severity " },
        { code: event.from ?? "none" },
        { text: " → " },
        { code: event.to },
        { text: ` (${event.source}${event.reason === undefined ? "" : ": "}` },
        ...(event.reason === undefined ? [] : [{ text: event.reason }]),
        { text: ")" },
        ...by(event.actor),
      ];
    case "assigned":
      if (event.group == null && event.agent == null) return [{ text: "Unassigned" }, ...by(event.actor)];
      return [
        { text: "Assigned to" },
        ...(event.group == null ? [] : [{ text: " group " }, { code: event.group }]),
        ...(event.agent == null ? [] : [{ text: " agent " }, { code: event.agent }]),
        ...by(event.actor),
      ];
    case "escalated":
      return [
        { text: "Escalated" },
        ...(event.to === undefined ? [] : [{ text: " to " }, { code: event.to }]),
        ...(event.tier === undefined ? [] : [{ text: ` (tier ${event.tier})` }]),
        ...(event.reason === undefined ? [] : [{ text: ": " }, { text: event.reason }]),
        ...by(event.actor),
      ];
    case "acknowledged":
      return [{ text: "Acknowledged" }, ...by(event.actor)];
    case "merged":
      return [{ text: "Merged into " }, { code: event.into }, ...by(event.actor)];
    case "category_changed":
      return [{ text: "Category " }, { code: event.from ?? "none" }, { text: " → " }, { code: event.to ?? "none" }, ...by(event.actor)];
    case "satisfaction_rated":
      return [{ text: `Rated ${event.score}/${event.scaleMax}` }, ...by(event.actor)];
    case "field_changed":
      return [{ text: "Field " }, { code: event.field }, { text: " set to " }, { code: truncate(JSON.stringify(event.to) ?? "null") }, ...by(event.actor)];
    default:
      return event satisfies never;
  }
}

const truncate = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The timeline a post-incident review needs, from one ticket's event log: every event with its wall
 * time in `timeZone` and the time elapsed since creation (calendar, and business on `calendar`), the
 * spans the ticket spent in each status, its escalations, and — with `slaEngine` — each SLA cycle,
 * with its warnings and breaches placed on the timeline. Message bodies and rating comments are never
 * shown. Rendered as Markdown and plain text with the escaping rules of
 * `@supportops/escalation`'s renderers: every value is untrusted (control characters made visible,
 * markup escaped, links defused, values as code spans). See docs/kpis.md, "Findings".
 *
 * @param log - `{ id, events }` or the events alone (raw or parsed)
 * @param options - `timeZone`, `slaEngine?`, `calendar?`, `at?`
 * @returns the timeline, its Markdown and its text
 * @throws {@link MetricsError} `invalid_ticket_log` (path `["events", …]`), `invalid_time_zone`,
 *   `invalid_time`, `invalid_argument` (an `at` before creation, an engine that is not one)
 * @example
 * const timeline = incidentTimeline(
 *   { id: "T-7", events: [
 *     { id: "c", at: "2026-03-27T16:00:00Z", type: "created", by: "customer", channel: "email" },
 *     { id: "e", at: "2026-03-30T07:00:00Z", type: "escalated", to: "payments-oncall", tier: 2 },
 *     { id: "s", at: "2026-03-30T08:00:00Z", type: "status_changed", to: "solved" },
 *   ] },
 *   { timeZone: "Europe/Berlin" },
 * );
 * timeline.entries[1]?.wallTime; // => "2026-03-30 09:00:00 +02:00"
 * timeline.entries[1]?.summary;  // => "Escalated to payments-oncall (tier 2)"
 * timeline.statusSpans.map((s) => s.status); // => ["new", "solved"]
 */
export function incidentTimeline(log: { readonly id: string; readonly events: ReadonlyArray<unknown> } | ReadonlyArray<unknown>, options: IncidentTimelineOptions): IncidentTimeline {
  if (typeof options !== "object" || options === null) throw invalidArgument([], `expected an options object; call it as ${USAGE}`);
  const zone = readZone(options.timeZone, ["timeZone"]);
  const isList = Array.isArray(log);
  const rawEvents = isList ? log : (log as { events?: unknown }).events;
  const ticketId = isList ? null : typeof (log as { id?: unknown }).id === "string" ? (log as { id: string }).id : null;
  const events = rethrowAs(MetricsError, () => parseTicketLog(rawEvents), ["events"], "invalid_ticket_log");
  const createdAt = (events[0] as TicketEvent).at;
  const last = (events[events.length - 1] as TicketEvent).at;
  const at = options.at === undefined ? last : readInstant(options.at, zone, ["at"]);
  if (at < createdAt) throw invalidArgument(["at"], "at is before the ticket was created; draw the timeline up at or after its creation");
  const calendar = options.calendar;
  if (calendar !== undefined && (typeof calendar !== "object" || calendar === null || typeof calendar.businessMsBetween !== "function")) {
    throw invalidArgument(["calendar"], "expected a business calendar (createCalendar from @supportops/sla)");
  }
  const engine = options.slaEngine;
  if (engine !== undefined && (typeof engine !== "object" || engine === null || typeof engine.evaluate !== "function")) {
    throw invalidArgument(["slaEngine"], "expected an SLA engine (createSlaEngine from @supportops/sla)");
  }
  const checked = calendar === undefined ? null : checkedCalendar(calendar, ["calendar"]);
  const businessBetween = (a: number, b: number): number | null => (checked === null ? null : checked.between(a, b));

  interface Draft {
    readonly at: number;
    readonly kind: IncidentEntry["kind"];
    readonly type: IncidentEntry["type"];
    readonly parts: Inline;
    readonly order: number;
  }
  const drafts: Draft[] = [];
  const known = events.filter((e) => e.at <= at);
  known.forEach((event, i) => drafts.push({ at: event.at, kind: "event", type: event.type, parts: describe(event), order: i }));

  // Status spans: the status after every event at one instant holds until the next change.
  const spans: Array<{ status: CanonicalStatus; from: number }> = [];
  const first = known[0] as Extract<TicketEvent, { type: "created" }>;
  spans.push({ status: first.status ?? "new", from: createdAt });
  for (const event of known) {
    let next: CanonicalStatus | null = null;
    if (event.type === "status_changed") next = event.to;
    else if (event.type === "merged") next = "closed";
    if (next === null) continue;
    const current = spans[spans.length - 1] as { status: CanonicalStatus; from: number };
    if (next === current.status) continue;
    if (current.from === event.at) {
      // A status that held for no time at all is replaced, not shown as a zero-length span.
      spans.pop();
      const previous = spans[spans.length - 1];
      if (previous !== undefined && previous.status === next) continue;
    }
    spans.push({ status: next, from: event.at });
  }
  const statusSpans: StatusSpan[] = spans.map((span, i) => {
    const to = (spans[i + 1] as { from: number } | undefined)?.from ?? at;
    return { status: span.status, from: span.from, to, durationMs: to - span.from, businessMs: businessBetween(span.from, to), ongoing: i === spans.length - 1 };
  });

  const sla: IncidentSlaCycle[] = [];
  if (engine !== undefined) {
    const evaluation = rethrowAs(MetricsError, () => engine.evaluate(known, { at }), ["slaEngine"], "invalid_argument");
    let order = known.length;
    for (const state of evaluation.metrics) {
      const warnings = state.warnings.filter((w) => w.at <= at);
      const breachedAt = state.breachedAt !== null && state.breachedAt <= at ? state.breachedAt : null;
      sla.push({ metric: state.metric, cycle: state.cycle, status: state.status, startedAt: state.startedAt, dueAt: state.dueAt, breachedAt, stoppedAt: state.stoppedAt, warnings });
      for (const w of warnings) {
        drafts.push({ at: w.at, kind: "sla_warning", type: "sla_warning", parts: [{ text: "SLA " }, { code: state.metric }, { text: ` (cycle ${state.cycle}) warning: ${Math.round(w.fraction * 100)} % of the target used` }], order: order++ });
      }
      if (breachedAt !== null) {
        drafts.push({ at: breachedAt, kind: "sla_breach", type: "sla_breach", parts: [{ text: "SLA " }, { code: state.metric }, { text: ` (cycle ${state.cycle}) breached` }], order: order++ });
      }
    }
  }
  // Events at an instant come first (they apply first), in log order; then warnings, then breaches.
  const rank = { event: 0, sla_warning: 1, sla_breach: 2 } as const;
  drafts.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind] || a.order - b.order);
  const entries = drafts.map((d) => ({ draft: d, entry: entryOf(d) }));
  function entryOf(d: Draft): IncidentEntry {
    return { at: d.at, wallTime: wallTimeOf(d.at, zone), elapsedMs: d.at - createdAt, elapsedBusinessMs: businessBetween(createdAt, d.at), kind: d.kind, type: d.type, summary: renderInline(d.parts, "text") };
  }

  const markdown = renderMarkdown(ticketId, zone, createdAt, at, entries, statusSpans, sla);
  const text = renderText(ticketId, zone, createdAt, at, entries, statusSpans, sla);
  return {
    ticketId,
    timeZone: zone,
    createdAt,
    at,
    entries: entries.map((e) => e.entry),
    statusSpans,
    escalations: entries.filter((e) => e.entry.type === "escalated").map((e) => e.entry),
    sla,
    markdown,
    text,
  };
}

type Rendered = ReadonlyArray<{ readonly draft: { readonly parts: Inline }; readonly entry: IncidentEntry }>;

function elapsedText(entry: { readonly elapsedMs: number; readonly elapsedBusinessMs: number | null }): string {
  return `+${formatElapsed(entry.elapsedMs)}${entry.elapsedBusinessMs === null ? "" : `, business +${formatElapsed(entry.elapsedBusinessMs)}`}`;
}

function renderMarkdown(id: string | null, zone: string, createdAt: number, at: number, entries: Rendered, spans: ReadonlyArray<StatusSpan>, sla: ReadonlyArray<IncidentSlaCycle>): string {
  const out: string[] = [];
  out.push(`# Incident timeline${id === null ? "" : ` ${renderInline([{ code: id }], "markdown")}`}`);
  out.push(`- **Zone:** ${renderInline([{ code: zone }], "markdown")}\n- **Created:** ${wallTimeOf(createdAt, zone)}\n- **As of:** ${wallTimeOf(at, zone)}`);
  out.push("## Timeline");
  out.push(entries.map(({ draft, entry }) => `- **${entry.wallTime}** (${elapsedText(entry)}) ${renderInline(draft.parts, "markdown")}`).join("\n"));
  out.push("## Status spans");
  out.push(spans.map((s) => `- ${renderInline([{ code: s.status }], "markdown")}: ${wallTimeOf(s.from, zone)} → ${wallTimeOf(s.to, zone)}${s.ongoing ? " (still, as of)" : ""} (${formatElapsed(s.durationMs)}${s.businessMs === null ? "" : `, business ${formatElapsed(s.businessMs)}`})`).join("\n"));
  if (sla.length > 0) {
    out.push("## SLA");
    out.push(sla.map((c) => `- ${renderInline([{ code: c.metric }], "markdown")} cycle ${c.cycle}: ${c.status}${c.dueAt === null ? "" : `, due ${wallTimeOf(c.dueAt, zone)}`}${c.breachedAt === null ? "" : `, breached ${wallTimeOf(c.breachedAt, zone)}`}`).join("\n"));
  }
  return `${out.join("\n\n")}\n`;
}

function renderText(id: string | null, zone: string, createdAt: number, at: number, entries: Rendered, spans: ReadonlyArray<StatusSpan>, sla: ReadonlyArray<IncidentSlaCycle>): string {
  const out: string[] = [];
  out.push(`INCIDENT TIMELINE${id === null ? "" : ` ${renderInline([{ code: id }], "text")}`}`);
  out.push(`Zone: ${renderInline([{ code: zone }], "text")}  Created: ${wallTimeOf(createdAt, zone)}  As of: ${wallTimeOf(at, zone)}`);
  out.push("");
  out.push("TIMELINE");
  for (const { entry } of entries) out.push(`  ${entry.wallTime}  ${elapsedText(entry)}  ${entry.summary}`);
  out.push("");
  out.push("STATUS SPANS");
  for (const s of spans) out.push(`  ${s.status}: ${wallTimeOf(s.from, zone)} -> ${wallTimeOf(s.to, zone)}${s.ongoing ? " (still, as of)" : ""} (${formatElapsed(s.durationMs)}${s.businessMs === null ? "" : `, business ${formatElapsed(s.businessMs)}`})`);
  if (sla.length > 0) {
    out.push("");
    out.push("SLA");
    for (const c of sla) out.push(`  ${renderInline([{ code: c.metric }], "text")} cycle ${c.cycle}: ${c.status}${c.dueAt === null ? "" : `, due ${wallTimeOf(c.dueAt, zone)}`}${c.breachedAt === null ? "" : `, breached ${wallTimeOf(c.breachedAt, zone)}`}`);
  }
  return `${out.join("\n")}\n`;
}
