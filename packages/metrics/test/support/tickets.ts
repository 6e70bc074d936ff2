// Hand-written tickets for example tests: events at whole hours after 2026-03-02T00:00Z (a Monday).
export const T0 = Date.UTC(2026, 2, 2);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type Partial = Record<string, unknown> & { type: string };

/** A ticket whose events happen at `hours` after {@link T0}; ids are filled in. */
export function ticket(id: string, ...events: Array<readonly [hours: number, event: Partial]>): { id: string; events: unknown[] } {
  return { id, events: events.map(([hours, event], i) => ({ id: `${id}-${i}`, at: T0 + Math.round(hours * HOUR), ...event })) };
}

export const created = (by: "customer" | "agent" | "system" = "customer", extra: Record<string, unknown> = {}): Partial => ({ type: "created", by, ...extra });
export const reply: Partial = { type: "message", role: "agent", public: true };
export const customer: Partial = { type: "message", role: "customer", public: true };
export const note: Partial = { type: "message", role: "agent", public: false };
export const status = (to: string): Partial => ({ type: "status_changed", to });
export const rated = (score: number, scaleMax = 5): Partial => ({ type: "satisfaction_rated", score, scaleMax });
export const merged = (into: string): Partial => ({ type: "merged", into });
