/**
 * A brute-force reference for business calendars, written independently of the library: it reads the
 * wall clock of each instant with Intl.DateTimeFormat (calendar fields, not offsets) and applies the
 * membership rule of SEMANTICS §1.2 literally. Over a short window it samples instants (a 10-minute
 * grid, every offset change, and every instant whose wall clock reads an interval boundary) so that
 * membership is constant between consecutive samples; every operation is then a walk over samples.
 */
import type { CalendarDefinition } from "@supportops/sla";

const DAY = 86_400_000;
const GRID = 10 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock at `t`, as milliseconds on a UTC-like line (Y-M-D h:m:s.ms read as if UTC). */
export function wallClock(zone: string, t: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(t)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const ms = ((t % 1000) + 1000) % 1000;
  return Date.UTC(fields["year"] ?? 0, (fields["month"] ?? 1) - 1, fields["day"] ?? 1, fields["hour"] ?? 0, fields["minute"] ?? 0, fields["second"] ?? 0) + ms;
}

function readTime(text: string): number {
  const m = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d\d\d))?)?$/.exec(text);
  if (m === null) throw new Error(`oracle: bad time ${text}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 + Number(m[4] ?? 0);
}

function readDate(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / DAY;
}

/** The definition as the oracle understands it: per local date, intervals [start, end) in ms from that date's midnight. */
export class OracleRules {
  private readonly weekly: Array<Array<[number, number]>>;
  private readonly overrides = new Map<number, Array<[number, number]>>();
  private readonly holidays = new Set<number>();
  readonly zone: string;

  constructor(def: CalendarDefinition) {
    this.zone = def.timeZone;
    const toPairs = (list: ReadonlyArray<readonly [string, string]> | undefined): Array<[number, number]> =>
      (list ?? []).map(([a, b]) => {
        const s = readTime(a);
        const e = readTime(b);
        // An end at or before the start runs overnight ("24:00" reads as 24 h and is never overnight).
        return [s, e <= s ? e + DAY : e];
      });
    const w = def.weekly;
    // Index by JavaScript's getUTCDay(): Sunday = 0.
    this.weekly = [w.sun, w.mon, w.tue, w.wed, w.thu, w.fri, w.sat].map(toPairs);
    for (const o of def.overrides ?? []) this.overrides.set(readDate(o.date), toPairs(o.hours));
    for (const h of def.holidays ?? []) this.holidays.add(readDate(typeof h === "string" ? h : h.date));
  }

  /** The intervals owned by local date `day` (days since 1970-01-01). */
  owned(day: number): ReadonlyArray<[number, number]> {
    if (this.holidays.has(day)) return [];
    return this.overrides.get(day) ?? this.weekly[new Date(day * DAY).getUTCDay()] ?? [];
  }

  /** The membership rule, literally: the wall clock reads a time inside an interval of its date, or inside the previous date's overnight interval. */
  isOpen(t: number): boolean {
    const wall = wallClock(this.zone, t);
    const day = Math.floor(wall / DAY);
    const time = wall - day * DAY;
    if (this.owned(day).some(([s, e]) => s <= time && time < e)) return true;
    return this.owned(day - 1).some(([, e]) => e > DAY && time + DAY < e);
  }
}

/** The oracle's view of one window [lo, hi] of time. */
export class OracleWindow {
  readonly points: number[];
  readonly open: boolean[];

  constructor(
    readonly rules: OracleRules,
    readonly lo: number,
    readonly hi: number,
  ) {
    const zone = rules.zone;
    const set = new Set<number>();
    const offsets = new Set<number>();
    let prev = lo;
    let prevOffset = wallClock(zone, lo) - lo;
    offsets.add(prevOffset);
    for (let t = lo; ; t = Math.min(t + GRID, hi)) {
      set.add(t);
      const offset = wallClock(zone, t) - t;
      if (offset !== prevOffset) {
        // Exact millisecond of the offset change.
        let a = prev;
        let b = t;
        while (b - a > 1) {
          const mid = Math.floor((a + b) / 2);
          if (wallClock(zone, mid) - mid === prevOffset) a = mid;
          else b = mid;
        }
        set.add(b - 1).add(b);
        offsets.add(offset);
      }
      prev = t;
      prevOffset = offset;
      if (t === hi) break;
    }
    // Every instant whose wall clock reads an interval boundary (once per offset in force nearby).
    for (let day = Math.floor(lo / DAY) - 2; day <= Math.floor(hi / DAY) + 2; day++) {
      for (const [s, e] of rules.owned(day)) {
        for (const boundary of [day * DAY + s, day * DAY + e]) {
          for (const offset of offsets) {
            const t = boundary - offset;
            if (t >= lo && t <= hi && wallClock(zone, t) === boundary) set.add(t).add(Math.max(lo, t - 1));
          }
        }
      }
    }
    this.points = [...set].sort((a, b) => a - b);
    this.open = this.points.map((t) => rules.isOpen(t));
  }

  /** Index of the last sample ≤ t. */
  private index(t: number): number {
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.points[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Open milliseconds in [a, b), lo ≤ a ≤ b ≤ hi. */
  between(a: number, b: number): number {
    let sum = 0;
    for (let i = Math.max(0, this.index(a)); i < this.points.length - 1; i++) {
      const s = Math.max(this.points[i] as number, a);
      const e = Math.min(this.points[i + 1] as number, b);
      if (e <= s) {
        if ((this.points[i] as number) >= b) break;
        continue;
      }
      if (this.open[i]) sum += e - s;
    }
    return sum;
  }

  /** Earliest u with between(t, u) = d (d > 0), or null when it is beyond the window. */
  addForward(t: number, d: number): number | null {
    let left = d;
    for (let i = Math.max(0, this.index(t)); i < this.points.length - 1; i++) {
      const s = Math.max(this.points[i] as number, t);
      const e = this.points[i + 1] as number;
      if (e <= s || !this.open[i]) continue;
      if (e - s >= left) return s + left;
      left -= e - s;
    }
    return null;
  }

  /** Latest u with between(u, t) = d (d > 0), or null when it is before the window. */
  addBackward(t: number, d: number): number | null {
    let left = d;
    for (let i = Math.min(this.index(t), this.points.length - 2); i >= 0; i--) {
      const s = this.points[i] as number;
      const e = Math.min(this.points[i + 1] as number, t);
      if (e <= s || !this.open[i]) continue;
      if (e - s >= left) return e - left;
      left -= e - s;
    }
    return null;
  }

  /** t if open, else the next opening instant in the window, or null. */
  nextOpen(t: number): number | null {
    const i = this.index(t);
    if (this.open[i]) return t;
    for (let j = i + 1; j < this.points.length - 1; j++) if (this.open[j]) return this.points[j] as number;
    return null;
  }

  /** The end of the open run containing or following t, or null when it is not inside the window. */
  nextClose(t: number): number | null {
    let j = this.index(t);
    while (j < this.points.length - 1 && !this.open[j]) j++;
    while (j < this.points.length - 1 && this.open[j]) j++;
    return j < this.points.length - 1 ? (this.points[j] as number) : null;
  }
}

/** Every instant in [from, to] where the zone's UTC offset changes (exact to the ms), found by stepping days. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  let prev = from;
  let prevOffset = wallClock(zone, from) - from;
  for (let t = from + DAY; t <= to; t += DAY) {
    const offset = wallClock(zone, t) - t;
    if (offset !== prevOffset) {
      let a = prev;
      let b = t;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (wallClock(zone, mid) - mid === prevOffset) a = mid;
        else b = mid;
      }
      out.push(b);
    }
    prev = t;
    prevOffset = offset;
  }
  return out;
}
