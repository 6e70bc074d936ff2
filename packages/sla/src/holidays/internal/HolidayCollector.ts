import type { Holiday } from "../../CalendarDefinition.js";
import { formatDayNumber } from "./civilDays.js";

/**
 * Gathers holiday dates with their names and returns them sorted by date, one entry per date. When
 * several sources name the same date, the distinct names are joined with " / " in the order first seen.
 */
export class HolidayCollector {
  readonly #names = new Map<number, string[]>();

  add(dayNumber: number, name: string | undefined): void {
    let names = this.#names.get(dayNumber);
    if (names === undefined) {
      names = [];
      this.#names.set(dayNumber, names);
    }
    if (name !== undefined && name !== "" && !names.includes(name)) names.push(name);
  }

  toHolidays(): Holiday[] {
    return [...this.#names.entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, names]) => (names.length === 0 ? { date: formatDayNumber(day) } : { date: formatDayNumber(day), name: names.join(" / ") }));
  }
}
