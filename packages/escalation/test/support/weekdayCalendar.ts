import type { BusinessCalendarLike } from "@supportops/core";

const DAY = 86_400_000;

/**
 * A small test calendar implementing core's BusinessCalendarLike: open Monday–Friday in UTC between
 * `openHour` and `closeHour` (half-open), so the tests do not depend on @supportops/sla (one calendar test
 * checks a real sla calendar).
 */
export function weekdayCalendar(openHour = 9, closeHour = 17): BusinessCalendarLike {
  const isWeekday = (day: number): boolean => {
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday >= 1 && weekday <= 5;
  };
  const interval = (day: number): readonly [number, number] | null =>
    isWeekday(day) ? [day * DAY + openHour * 3_600_000, day * DAY + closeHour * 3_600_000] : null;
  const dayOf = (ms: number): number => Math.floor(ms / DAY);

  const between = (a: number, b: number): number => {
    if (b < a) return -between(b, a);
    let total = 0;
    for (let day = dayOf(a); day <= dayOf(b); day += 1) {
      const iv = interval(day);
      if (iv === null) continue;
      total += Math.max(0, Math.min(b, iv[1]) - Math.max(a, iv[0]));
    }
    return total;
  };
  const add = (t: number, d: number): number => {
    if (d === 0) return t;
    let remaining = Math.abs(d);
    if (d > 0) {
      for (let day = dayOf(t); ; day += 1) {
        const iv = interval(day);
        if (iv === null || iv[1] <= t) continue;
        const start = Math.max(iv[0], t);
        if (remaining <= iv[1] - start) return start + remaining;
        remaining -= iv[1] - start;
      }
    }
    for (let day = dayOf(t); ; day -= 1) {
      const iv = interval(day);
      if (iv === null || iv[0] >= t) continue;
      const end = Math.min(iv[1], t);
      if (remaining <= end - iv[0]) return end - remaining;
      remaining -= end - iv[0];
    }
  };
  return {
    isOpenMs: (ms) => {
      const iv = interval(dayOf(ms));
      return iv !== null && ms >= iv[0] && ms < iv[1];
    },
    addBusinessMs: add,
    businessMsBetween: between,
    nextOpenMs: (ms) => {
      for (let day = dayOf(ms); ; day += 1) {
        const iv = interval(day);
        if (iv !== null && iv[1] > ms) return Math.max(iv[0], ms);
      }
    },
    nextCloseMs: (ms) => {
      for (let day = dayOf(ms); ; day += 1) {
        const iv = interval(day);
        if (iv !== null && iv[1] > ms) return iv[1];
      }
    },
  };
}
