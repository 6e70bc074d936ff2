/**
 * A deterministic generator of realistic raw ticket logs, for tests and benchmarks that need many
 * logs of the shape a help desk exports: about ten events each, in core's stored form.
 */
import { DateTime } from "luxon";

/**
 * The channels a generated ticket arrives by.
 *
 * @example
 * GENERATED_CHANNELS.includes("chat"); // => true
 */
export const GENERATED_CHANNELS = ["email", "web", "chat", "phone"] as const;
/**
 * The priorities a generated ticket carries, most urgent first.
 *
 * @example
 * GENERATED_PRIORITIES[0]; // => "urgent"
 */
export const GENERATED_PRIORITIES = ["urgent", "high", "normal", "low"] as const;

type Channel = (typeof GENERATED_CHANNELS)[number];
type Priority = (typeof GENERATED_PRIORITIES)[number];
type Status = "new" | "open" | "pending" | "on_hold" | "solved" | "closed";

/**
 * A stored instant as the generator writes it: epoch milliseconds, or an ISO-8601 string with the
 * zone's offset (milliseconds only when there are some).
 *
 * @example
 * const at: GeneratedInstant = "2026-01-13T10:16:02+01:00";
 */
export type GeneratedInstant = number | string;

/**
 * One event of a generated log, in core's stored form (assignable to `TicketEventInput`). Only the
 * event types and fields the generator writes are listed.
 *
 * @example
 * const event: GeneratedTicketEvent = { id: "T-1-3", at: 1768566430000, type: "message", role: "agent", public: true, actor: "agent-6" };
 */
export type GeneratedTicketEvent =
  | {
      readonly id: string;
      readonly at: GeneratedInstant;
      readonly type: "created";
      readonly by: "customer" | "agent" | "system";
      readonly channel: Channel;
      readonly priority: Priority;
      readonly requester?: string;
      readonly category?: string;
    }
  | {
      readonly id: string;
      readonly at: GeneratedInstant;
      readonly type: "message";
      readonly role: "customer" | "agent" | "bot";
      readonly public: boolean;
      readonly actor?: string;
    }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "status_changed"; readonly from?: Status; readonly to: Status; readonly actor?: string }
  | {
      readonly id: string;
      readonly at: GeneratedInstant;
      readonly type: "priority_changed";
      readonly from: Priority;
      readonly to: Priority;
      readonly source: "rule" | "manual";
      readonly reason?: string;
      readonly actor?: string;
    }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "assigned"; readonly group: string; readonly agent?: string }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "satisfaction_rated"; readonly score: number; readonly comment?: string }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "merged"; readonly into: string; readonly actor?: string }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "category_changed"; readonly from: string | null; readonly to: string }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "escalated"; readonly to: string; readonly tier: number }
  | { readonly id: string; readonly at: GeneratedInstant; readonly type: "field_changed"; readonly field: string; readonly to: string };

/**
 * One generated ticket: its id and its raw events, ready for `parseTicketLog`.
 *
 * @example
 * const [log] = generateTicketLogs({ count: 1, seed: 7 });
 * log?.events[0];
 * // => { id: "T-1-0", at: 1768566430000, type: "created", by: "customer", channel: "web", priority: "normal", requester: "customer-52" }
 */
export interface GeneratedTicketLog {
  readonly id: string;
  readonly events: ReadonlyArray<GeneratedTicketEvent>;
}

/**
 * Options of {@link generateTicketLogs} and {@link iterateTicketLogs}.
 *
 * @example
 * const options: GenerateTicketLogsOptions = { count: 1000, seed: 42, timeZone: "America/New_York", timeFormat: "iso" };
 */
export interface GenerateTicketLogsOptions {
  /** How many logs. */
  readonly count: number;
  /** Any integer; the same seed always gives the same logs. */
  readonly seed: number;
  /** The IANA zone whose business hours shape arrivals and agent working times. Default `"Europe/Berlin"`. */
  readonly timeZone?: string;
  /**
   * The local day (in `timeZone`) the arrivals start on: epoch ms or an ISO-8601 date or date-time.
   * Only its calendar date counts. Default `"2026-01-05"` (a Monday).
   */
  readonly start?: number | string;
  /** Over how many local calendar days from `start` tickets arrive. Default 28. */
  readonly days?: number;
  /** `"epochMs"` (default) writes `at` as epoch milliseconds; `"iso"` as ISO-8601 strings with the zone's offset. */
  readonly timeFormat?: "epochMs" | "iso";
  /**
   * Also write what KPI tests read (default `false`, which leaves every log exactly as before): a
   * category on most tickets and the odd reclassification, customers who rate again, merges into an
   * earlier ticket of the same run (so merged-in tickets exist), and tickets nobody ever answered.
   * Drawn from a second random stream, so log `i` still depends only on `seed`, `i` and the options.
   */
  readonly kpiExtras?: boolean;
  /**
   * Requesters who come back (default `false`, which leaves every log exactly as before): most
   * customers write once, regulars write often (a skewed pool of 200), and about one ticket in eight
   * is a follow-up of one of the 32 logs before it — same requester, often the same category,
   * created from minutes to ten days after it, now and then at the very same instant (a double
   * submit); a follow-up's whole log moves in time with it. System tickets have no requester. Drawn
   * from a third random stream; log `i` depends only on `seed`, the logs before it and the options.
   */
  readonly repeatRequesters?: boolean;
  /**
   * Also write what the work KPIs read (default `false`, which leaves every log exactly as before):
   * escalations to `tier2` or `engineering` (often with the assignment that carries them out), an
   * internal note by a member of the receiving group some time later (or never), and `field_changed`
   * events (`resolution_code`, `root_cause`; now and then blank) just before the first solve. Members
   * are {@link GENERATED_GROUP_MEMBERS}. Drawn from a random stream of its own.
   */
  readonly workExtras?: boolean;
}

/**
 * The members of the groups that `workExtras` escalates to (agent ids as in the events' `actor`).
 *
 * @example
 * GENERATED_GROUP_MEMBERS.engineering.includes("eng-1"); // => true
 */
export const GENERATED_GROUP_MEMBERS: Readonly<Record<"tier2" | "engineering", ReadonlyArray<string>>> = {
  tier2: ["agent-36", "agent-37", "agent-38", "agent-39", "agent-40"],
  engineering: ["eng-1", "eng-2", "eng-3"],
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** mulberry32: a small, fast, seeded PRNG with a 2^32 period; enough for test data and benchmark workloads. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mixes the run's seed with a log's index, so log `i` is the same whatever `count` is. */
function logSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

type Rng = () => number;

function pick<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let r = rng() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** Arrival weight of each local hour: a working-day hump, a quiet night. */
const HOUR_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  1, 1, 1, 1, 1, 1, 2, 4, 9, 13, 13, 12, 9, 11, 12, 11, 10, 7, 5, 4, 3, 3, 2, 1,
].map((weight, hour) => [hour, weight] as const);

const CHANNELS_BY_CREATOR = {
  customer: [["email", 40], ["web", 25], ["chat", 25], ["phone", 10]],
  agent: [["phone", 60], ["email", 40]],
  system: [["web", 60], ["email", 40]],
} as const satisfies Record<string, ReadonlyArray<readonly [Channel, number]>>;

const PRIORITY_WEIGHTS: ReadonlyArray<readonly [Priority, number]> = [["urgent", 5], ["high", 20], ["normal", 55], ["low", 20]];
const SYSTEM_PRIORITY_WEIGHTS: ReadonlyArray<readonly [Priority, number]> = [["urgent", 20], ["high", 40], ["normal", 30], ["low", 10]];
const CATEGORIES = ["billing", "technical", "account", "shipping", "feedback"] as const;
const GROUPS: Record<Channel, ReadonlyArray<string>> = {
  email: ["tier1", "billing"],
  web: ["tier1", "tier2"],
  chat: ["chat"],
  phone: ["phone", "tier1"],
};
const REASONS = ["customer is down", "VIP account", "misrouted by the rule", "duplicate outage report"] as const;

/** The zone's clock: local wall time of an instant, and the instant of a local wall time. */
class ZoneClock {
  private readonly offsets = new Map<number, number>();
  private readonly hourStarts = new Map<number, number>();

  constructor(private readonly zone: string) {}

  /**
   * The zone's offset in minutes at `ms`. Cached per quarter hour: every modern zone changes its
   * offset on a quarter-hour boundary, so one lookup answers the whole bucket.
   */
  offsetMinutes(ms: number): number {
    const key = Math.floor(ms / (15 * MINUTE));
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = DateTime.fromMillis(key * 15 * MINUTE, { zone: this.zone }).offset;
      this.offsets.set(key, offset);
    }
    return offset;
  }

  /** The instant of local `hour`:00 on local day `localDay` (days since 1970-01-01), through luxon (gaps move forward). */
  hourStart(localDay: number, hour: number): number {
    const key = localDay * 24 + hour;
    let ms = this.hourStarts.get(key);
    if (ms === undefined) {
      const date = new Date(localDay * DAY);
      ms = DateTime.fromObject(
        { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour },
        { zone: this.zone },
      ).toMillis();
      this.hourStarts.set(key, ms);
    }
    return ms;
  }

  /** Local milliseconds since 1970-01-01T00:00 local, i.e. the wall clock read as if it were UTC. */
  local(ms: number): number {
    return ms + this.offsetMinutes(ms) * MINUTE;
  }

  /** ISO-8601 with the zone's numeric offset, milliseconds only when there are some. */
  iso(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const text = new Date(ms + offset * MINUTE).toISOString(); // the local wall time, spelled as UTC
    const wall = ms % 1000 === 0 ? text.slice(0, 19) : text.slice(0, 23);
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  }
}

/** 0 = Sunday … 6 = Saturday, of a local day number (1970-01-01 was a Thursday). */
const weekdayOf = (localDay: number): number => (((localDay + 4) % 7) + 7) % 7;
const isWorkingDay = (localDay: number): boolean => weekdayOf(localDay) >= 1 && weekdayOf(localDay) <= 5;

interface Context {
  readonly clock: ZoneClock;
  readonly firstDay: number;
  readonly days: number;
  readonly iso: boolean;
  readonly count: number;
  readonly kpiExtras: boolean;
  readonly repeatRequesters: boolean;
  readonly workExtras: boolean;
}

/** Parses a generated instant back to epoch ms. */
const msOf = (at: GeneratedInstant): number => (typeof at === "number" ? at : Date.parse(at));

/**
 * Adds what the KPI tests read to a finished log (see {@link GenerateTicketLogsOptions.kpiExtras}).
 * Every change keeps the log valid: events only go after the assignment at the same instant, or at the
 * end after everything else, and nothing goes after a merge.
 */
function withKpiExtras(log: GeneratedTicketLog, rng: Rng, index: number, ctx: Context): GeneratedTicketLog {
  let events = [...log.events];
  const created = events[0] as Extract<GeneratedTicketEvent, { type: "created" }>;
  const stamp = (ms: number): GeneratedInstant => (ctx.iso ? ctx.clock.iso(ms) : ms);
  const assignedAt = events.findIndex((e) => e.type === "assigned");
  // Never answered: the log stops once the ticket is routed.
  if (created.by !== "agent" && rng() < 0.06 && assignedAt !== -1) events = events.slice(0, assignedAt + 1);
  let category = created.category ?? null;
  if (category === null && rng() < 0.7) {
    category = CATEGORIES[between(rng, 0, CATEGORIES.length - 1)] as string;
    events[0] = { ...created, category };
  }
  if (assignedAt !== -1 && assignedAt < events.length && rng() < 0.15) {
    const to = CATEGORIES.filter((c) => c !== category)[between(rng, 0, CATEGORIES.length - 2)] as string;
    const at = (events[assignedAt] as GeneratedTicketEvent).at;
    events.splice(assignedAt + 1, 0, { id: `${log.id}-x0`, at, type: "category_changed", from: category, to });
  }
  const last = events[events.length - 1] as GeneratedTicketEvent;
  if (last.type === "merged") {
    if (index > 0 && rng() < 0.8) events[events.length - 1] = { ...last, into: `T-${Math.max(1, index + 1 - between(rng, 1, 40))}` };
  } else if (events.some((e) => e.type === "satisfaction_rated") && rng() < 0.35) {
    events.push({ id: `${log.id}-x1`, at: stamp(msOf(last.at) + between(rng, 10, 2_880) * MINUTE), type: "satisfaction_rated", score: between(rng, 1, 5) });
  }
  return { id: log.id, events };
}

/** What a later follow-up reads of a recent log. */
interface RecentContact {
  readonly at: number;
  readonly requester: string | undefined;
  readonly category: string | undefined;
}

/**
 * Gives a finished log its requester (see {@link GenerateTicketLogsOptions.repeatRequesters}); a
 * follow-up moves the whole log so it is created `lag` after the ticket it follows (times keep their
 * order, so the log stays valid).
 */
function withRepeatRequesters(log: GeneratedTicketLog, rng: Rng, index: number, ctx: Context, recent: ReadonlyArray<RecentContact>): GeneratedTicketLog {
  const created = log.events[0] as Extract<GeneratedTicketEvent, { type: "created" }>;
  if (created.by === "system") return log;
  const stamp = (ms: number): GeneratedInstant => (ctx.iso ? ctx.clock.iso(ms) : ms);
  const kind = rng();
  if (kind < 0.125 && recent.length > 0) {
    const original = recent[Math.floor(rng() * recent.length)] as RecentContact;
    if (original.requester !== undefined) {
      const lagMinutes = rng() < 0.08 ? 0 : rng() < 0.6 ? between(rng, 30, 2 * 1_440) : between(rng, 2 * 1_440, 10 * 1_440);
      const delta = original.at + lagMinutes * MINUTE - msOf(created.at);
      const keepsCategory = original.category !== undefined && rng() < 0.7 && !log.events.some((e) => e.type === "category_changed");
      const events = log.events.map((e, i) => {
        const moved = { ...e, at: stamp(msOf(e.at) + delta) } as GeneratedTicketEvent;
        if (i !== 0) return moved;
        return { ...(moved as typeof created), requester: original.requester as string, ...(keepsCategory ? { category: original.category as string } : {}) };
      });
      return { id: log.id, events };
    }
  }
  // A regular (a skewed pool: the first few write most) or a one-off customer.
  const requester = kind < 0.3 ? `regular-${1 + Math.floor(200 * rng() ** 2.5)}` : `customer-r${index + 1}`;
  return { id: log.id, events: [{ ...created, requester }, ...log.events.slice(1)] };
}

/**
 * Adds what the work KPIs read to a finished log (see {@link GenerateTicketLogsOptions.workExtras}).
 * Events go right after an existing event at its instant (or between it and the next), never after a
 * close or a merge, so the log stays valid.
 */
function withWorkExtras(log: GeneratedTicketLog, rng: Rng, ctx: Context): GeneratedTicketLog {
  const events = [...log.events];
  const stamp = (ms: number): GeneratedInstant => (ctx.iso ? ctx.clock.iso(ms) : ms);
  const ends = events.findIndex((e) => e.type === "merged" || (e.type === "status_changed" && e.to === "closed"));
  const limit = ends === -1 ? events.length : ends;
  // Fields first, before the first solve (indexes after it are unaffected by what comes later).
  const solved = events.findIndex((e) => e.type === "status_changed" && e.to === "solved");
  if (solved !== -1 && solved < limit && rng() < 0.75) {
    const at = (events[solved] as GeneratedTicketEvent).at;
    const fields: GeneratedTicketEvent[] = [
      { id: `${log.id}-w0`, at, type: "field_changed", field: "resolution_code", to: rng() < 0.06 ? "" : (["fixed", "answered", "workaround", "duplicate"] as const)[between(rng, 0, 3)] as string },
    ];
    if (rng() < 0.5) fields.push({ id: `${log.id}-w1`, at, type: "field_changed", field: "root_cause", to: (["bug", "config", "user_error"] as const)[between(rng, 0, 2)] as string });
    events.splice(solved, 0, ...fields);
  }
  const end = events.findIndex((e) => e.type === "merged" || (e.type === "status_changed" && e.to === "closed"));
  const last = end === -1 ? events.length : end;
  const assigned = events.findIndex((e) => e.type === "assigned");
  if (assigned !== -1 && assigned < last && rng() < 0.25) {
    const k = between(rng, assigned, last - 1);
    const atMs = msOf((events[k] as GeneratedTicketEvent).at);
    const group = rng() < 0.6 ? "tier2" : "engineering";
    const inserted: GeneratedTicketEvent[] = [{ id: `${log.id}-w2`, at: stamp(atMs), type: "escalated", to: group, tier: 2 }];
    if (rng() < 0.6) inserted.push({ id: `${log.id}-w3`, at: stamp(atMs), type: "assigned", group });
    const members = GENERATED_GROUP_MEMBERS[group];
    if (rng() < 0.8) {
      // The note comes before the next event (at most at its instant), or up to three days later at the end.
      const next = events[k + 1];
      const untilMs = next === undefined ? atMs + between(rng, 1, 72) * HOUR : msOf(next.at);
      const noteMs = atMs + Math.floor(rng() * (untilMs - atMs + 1));
      inserted.push({ id: `${log.id}-w4`, at: stamp(noteMs), type: "message", role: "agent", public: false, actor: members[between(rng, 0, members.length - 1)] as string });
    }
    events.splice(k + 1, 0, ...inserted);
  }
  return { id: log.id, events };
}

/** Builds one log. Every step keeps the log valid: statuses move from where they are, times never go back. */
function buildLog(rng: Rng, index: number, ctx: Context): GeneratedTicketLog {
  const { clock } = ctx;
  const logId = `T-${index + 1}`;
  const events: GeneratedTicketEvent[] = [];
  let n = 0;
  const nextId = (): string => `${logId}-${n++}`;
  const stamp = (ms: number): GeneratedInstant => (ctx.iso ? clock.iso(ms) : ms);

  // ---- arrival: a working-hours-weighted local time, weekends quieter ----
  let day: number;
  do day = ctx.firstDay + Math.floor(rng() * ctx.days);
  while (!isWorkingDay(day) && rng() > 0.25);
  const hour = pick(rng, HOUR_WEIGHTS);
  let t = clock.hourStart(day, hour) + between(rng, 0, 59) * MINUTE + between(rng, 0, 59) * 1000 + (rng() < 0.3 ? between(rng, 0, 999) : 0);

  const by = pick(rng, [["customer", 80], ["agent", 12], ["system", 8]] as const);
  const channel = pick(rng, CHANNELS_BY_CREATOR[by]);
  let priority = pick(rng, by === "system" ? SYSTEM_PRIORITY_WEIGHTS : PRIORITY_WEIGHTS);
  const agent = `agent-${between(rng, 1, 40)}`;
  // Chat, phone and urgent tickets are worked around the clock; the rest in local office hours.
  const roundTheClock = channel === "chat" || channel === "phone" || priority === "urgent";
  let status: Status = "new";
  let open = true;

  /** `t + delayMs`, moved to the next working morning when the team is off then. */
  const agentTime = (delayMs: number): number => {
    const candidate = t + delayMs;
    if (roundTheClock) return candidate;
    const local = clock.local(candidate);
    let localDay = Math.floor(local / DAY);
    const localHour = (local - localDay * DAY) / HOUR;
    if (isWorkingDay(localDay) && localHour >= 8 && localHour < 18) return candidate;
    if (!(isWorkingDay(localDay) && localHour < 8)) localDay += 1;
    while (!isWorkingDay(localDay)) localDay += 1;
    return Math.max(candidate, clock.hourStart(localDay, 8) + between(rng, 0, 90) * MINUTE + between(rng, 0, 59) * 1000);
  };
  const advance = (ms: number): void => {
    t = Math.max(t, ms);
  };
  const message = (role: "customer" | "agent" | "bot", isPublic = true): void => {
    const event: GeneratedTicketEvent =
      role === "agent" ? { id: nextId(), at: stamp(t), type: "message", role, public: isPublic, actor: agent } : { id: nextId(), at: stamp(t), type: "message", role, public: isPublic };
    events.push(event);
  };
  const setStatus = (to: Status): void => {
    if (to === status) return;
    events.push(rng() < 0.85 ? { id: nextId(), at: stamp(t), type: "status_changed", from: status, to } : { id: nextId(), at: stamp(t), type: "status_changed", to });
    status = to;
  };
  const customerWrites = (): void => {
    advance(t + between(rng, 5, rng() < 0.7 ? 240 : 2_880) * MINUTE + between(rng, 0, 59) * 1000);
    message("customer");
    if (status === "pending" || status === "on_hold" || status === "solved") setStatus("open");
  };
  const agentReplies = (firstDelayMinutes: number): void => {
    if (rng() < 0.2) {
      advance(agentTime(between(rng, 1, firstDelayMinutes) * MINUTE));
      message("agent", false); // an internal note
    }
    advance(agentTime(between(rng, 1, firstDelayMinutes) * MINUTE + between(rng, 0, 59) * 1000));
    message("agent");
    if (rng() < 0.55) setStatus("pending");
    else setStatus("open");
  };

  // ---- creation ----
  const created: GeneratedTicketEvent = {
    id: nextId(),
    at: stamp(t),
    type: "created",
    by,
    channel,
    priority,
    ...(by === "system" ? {} : { requester: `customer-${between(rng, 1, 5_000)}` }),
    ...(rng() < 0.3 ? { category: CATEGORIES[between(rng, 0, CATEGORIES.length - 1)] as string } : {}),
  };
  events.push(created);

  if (by === "customer" && (channel === "chat" || channel === "web") && rng() < 0.6) {
    advance(t + between(rng, 1, 30) * 1000);
    message("bot");
  }
  const replyMinutes = { urgent: 30, high: 120, normal: 480, low: 1_440 }[priority];

  // Agent-created tickets: often an outbound note to the customer first (before any customer message,
  // so not a reply), then the customer's answer, or never one.
  let customerSpeaks = true;
  if (by === "agent") {
    if (rng() < 0.6) {
      advance(t + between(rng, 1, 20) * MINUTE);
      message("agent");
      setStatus("pending");
    }
    customerSpeaks = rng() < 0.7;
    if (customerSpeaks) customerWrites();
  } else if (by === "system") {
    if (rng() < 0.3) {
      advance(t + between(rng, 0, 10) * MINUTE);
      message("agent", false);
    }
    customerSpeaks = rng() < 0.4;
  }

  // ---- routing ----
  advance(t + between(rng, 0, 15) * MINUTE + between(rng, 0, 59) * 1000);
  const groups = GROUPS[channel];
  events.push(
    rng() < 0.6
      ? { id: nextId(), at: stamp(t), type: "assigned", group: groups[between(rng, 0, groups.length - 1)] as string, agent }
      : { id: nextId(), at: stamp(t), type: "assigned", group: groups[between(rng, 0, groups.length - 1)] as string },
  );
  if (rng() < 0.15) {
    advance(t + between(rng, 0, 60) * MINUTE);
    const to = GENERATED_PRIORITIES.filter((p) => p !== priority)[between(rng, 0, 2)] as Priority;
    events.push(
      rng() < 0.5
        ? { id: nextId(), at: stamp(t), type: "priority_changed", from: priority, to, source: "rule" }
        : { id: nextId(), at: stamp(t), type: "priority_changed", from: priority, to, source: "manual", reason: REASONS[between(rng, 0, REASONS.length - 1)] as string, actor: agent },
    );
    priority = to;
  }

  // ---- conversation: reply, wait on the customer, their answer, … ----
  const rounds = pick(rng, [[1, 30], [2, 40], [3, 30]] as const);
  for (let round = 0; round < rounds && open; round++) {
    if (rng() < 0.03) {
      advance(t + between(rng, 1, 600) * MINUTE);
      const other = between(rng, 1, 999_999); // another ticket, whatever `count` is
      events.push({ id: nextId(), at: stamp(t), type: "merged", into: `T-${other === index + 1 ? other + 1 : other}`, actor: agent });
      open = false;
      break;
    }
    agentReplies(round === 0 ? replyMinutes : 240);
    if (rng() < 0.05) {
      advance(t + between(rng, 10, 600) * MINUTE);
      setStatus("on_hold");
    }
    if (round < rounds - 1 && customerSpeaks) customerWrites();
  }
  if (!open) return { id: logId, events };

  // ---- ending: solved (sometimes reopened), closed, rated; or still in progress ----
  const ending = rng();
  if (ending < 0.8) {
    advance(agentTime(between(rng, 5, 600) * MINUTE));
    setStatus("solved");
    if (customerSpeaks && rng() < 0.1) {
      customerWrites(); // reopens
      agentReplies(120);
      advance(agentTime(between(rng, 5, 240) * MINUTE));
      setStatus("solved");
    }
    let rated = false;
    if (rng() < 0.25) {
      advance(t + between(rng, 10, 2_880) * MINUTE);
      events.push(rng() < 0.3 ? { id: nextId(), at: stamp(t), type: "satisfaction_rated", score: between(rng, 1, 5), comment: "thanks" } : { id: nextId(), at: stamp(t), type: "satisfaction_rated", score: between(rng, 1, 5) });
      rated = true;
    }
    if (rng() < 0.6) {
      advance(t + between(rng, 24, 96) * HOUR);
      setStatus("closed");
      if (!rated && rng() < 0.15) {
        advance(t + between(rng, 1, 600) * MINUTE);
        events.push({ id: nextId(), at: stamp(t), type: "satisfaction_rated", score: between(rng, 1, 5) });
      }
    }
  } else if (ending < 0.85 && customerSpeaks) {
    customerWrites();
  }
  return { id: logId, events };
}

function contextOf(options: GenerateTicketLogsOptions): Context {
  const { count, seed, timeZone = "Europe/Berlin", start = "2026-01-05", days = 28, timeFormat = "epochMs", kpiExtras = false, repeatRequesters = false, workExtras = false } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${String(count)}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${String(seed)}`);
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be a whole number ≥ 1, got ${String(days)}`);
  const startAt = typeof start === "number" ? DateTime.fromMillis(start, { zone: timeZone }) : DateTime.fromISO(start, { zone: timeZone });
  if (!startAt.isValid) throw new RangeError(`cannot read start ${JSON.stringify(start)} in the zone ${JSON.stringify(timeZone)}: ${startAt.invalidExplanation ?? startAt.invalidReason ?? ""}`);
  return {
    clock: new ZoneClock(timeZone),
    firstDay: Math.round(Date.UTC(startAt.year, startAt.month - 1, startAt.day) / DAY),
    days,
    iso: timeFormat === "iso",
    count,
    kpiExtras,
    repeatRequesters,
    workExtras,
  };
}

/**
 * Yields `count` realistic raw ticket logs one at a time, so a million can be streamed without being
 * held. Log `i` depends only on `seed`, `i` and the options, never on `count`: the first `n` logs of
 * any run with the same seed are the same.
 *
 * Each log has about ten events: a `created` (mostly by a customer, some by an agent — with or without
 * a later customer message — or by the system) at a working-hours-weighted local time in `timeZone`,
 * on email, web, chat or phone, with an urgent/high/normal/low priority; then bot auto-replies,
 * assignments, the odd priority change, public agent replies and internal notes (timed in office hours
 * unless the ticket is worked around the clock), pending spans, customer answers, solves, reopens,
 * closes, satisfaction ratings, and now and then a merge as the last event. Every log passes
 * `parseTicketLog`.
 *
 * @param options - count, seed, zone, start day, span and time format
 * @returns an iterator over the logs
 * @throws RangeError for a bad count, seed, span, zone or start
 * @example
 * let events = 0;
 * for (const log of iterateTicketLogs({ count: 1_000_000, seed: 1 })) events += log.events.length;
 * events > 9_000_000; // => true
 */
export function* iterateTicketLogs(options: GenerateTicketLogsOptions): Generator<GeneratedTicketLog, void, undefined> {
  const ctx = contextOf(options);
  const recent: RecentContact[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const log = buildLog(mulberry32(logSeed(options.seed, i)), i, ctx);
    const withKpi = ctx.kpiExtras ? withKpiExtras(log, mulberry32(logSeed(options.seed ^ 0x5bd1e995, i)), i, ctx) : log;
    const extras = ctx.workExtras ? withWorkExtras(withKpi, mulberry32(logSeed(options.seed ^ 0x165667b1, i)), ctx) : withKpi;
    if (!ctx.repeatRequesters) {
      yield extras;
      continue;
    }
    // Requesters draw from a stream of their own, independent of the work extras.
    const withRequester = withRepeatRequesters(extras, mulberry32(logSeed(options.seed ^ 0x27d4eb2f, i)), i, ctx, recent);
    const created = withRequester.events[0] as Extract<GeneratedTicketEvent, { type: "created" }>;
    recent.push({ at: msOf(created.at), requester: created.requester, category: created.category });
    if (recent.length > 32) recent.shift();
    yield withRequester;
  }
}

/**
 * The logs of {@link iterateTicketLogs}, as an array.
 *
 * @param options - count, seed, zone, start day, span and time format
 * @returns `count` raw logs, each `{ id, events }`
 * @throws RangeError for a bad count, seed, span, zone or start
 * @example
 * const logs = generateTicketLogs({ count: 2, seed: 42, timeFormat: "iso" });
 * logs.length;          // => 2
 * logs[0]?.id;            // => "T-1"
 * logs[0]?.events[0]?.at; // => "2026-01-13T10:16:02+01:00"
 */
export function generateTicketLogs(options: GenerateTicketLogsOptions): GeneratedTicketLog[] {
  return [...iterateTicketLogs(options)];
}
