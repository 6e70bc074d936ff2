import type { Holiday } from "../../CalendarDefinition.js";
import { HOLIDAY_LIMITS } from "../HOLIDAY_LIMITS.js";
import { formatDayNumber } from "./civilDays.js";

const MAX_NAMES_PER_DATE = HOLIDAY_LIMITS.maxNamesPerDate;
const MAX_HOLIDAY_NAME_LENGTH = HOLIDAY_LIMITS.maxNameLength;

/** `text` cut to `max` UTF-16 units ending in "…", without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Gathers the holiday dates of one year range with their names and returns them sorted by date, one
 * entry per date, its distinct names joined with " / " in the order first seen.
 *
 * Work and memory stay proportional to the dates covered, however the source's events overlap:
 * - the dates live in typed arrays indexed by day, so covering a date is a few array reads and writes;
 * - a name is interned once, and a date keeps at most {@link MAX_NAMES_PER_DATE} name ids, so "is this
 *   name already on this date" looks at no more than that many ids (at one when the same name covered
 *   the date last), never at every event that covers the date;
 * - a joined name is built once per distinct list of names, not once per date.
 */
export class HolidayCollector {
  readonly #firstDay: number;
  readonly #names: string[] = [];
  readonly #ids = new Map<string, number>();
  /** 1 when the date is a holiday. */
  readonly #covered: Uint8Array;
  /** The last name id that covered the date, plus one (0: none yet). */
  readonly #lastName: Int32Array;
  /** How many name ids the date keeps, and the ids (MAX_NAMES_PER_DATE slots per date). */
  readonly #count: Uint8Array;
  readonly #slots: Int32Array;
  /** 1 when more distinct names than MAX_NAMES_PER_DATE covered the date. */
  readonly #more: Uint8Array;

  /** A collector for the dates [firstDay, lastDay] (day numbers); dates outside are ignored. */
  constructor(firstDay: number, lastDay: number) {
    const days = Math.max(0, lastDay - firstDay + 1);
    this.#firstDay = firstDay;
    this.#covered = new Uint8Array(days);
    this.#lastName = new Int32Array(days);
    this.#count = new Uint8Array(days);
    this.#slots = new Int32Array(days * MAX_NAMES_PER_DATE);
    this.#more = new Uint8Array(days);
  }

  /** The id of a name (cut to {@link MAX_HOLIDAY_NAME_LENGTH}), or −1 for no name. */
  name(name: string | undefined): number {
    if (name === undefined || name === "") return -1;
    const text = cut(name, MAX_HOLIDAY_NAME_LENGTH);
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.#names.length;
      this.#names.push(text);
      this.#ids.set(text, id);
    }
    return id;
  }

  /** Makes the dates [fromDay, toDay] (clipped to the range) holidays named by `nameId` (−1: no name). */
  cover(fromDay: number, toDay: number, nameId: number): void {
    const from = Math.max(0, fromDay - this.#firstDay);
    const to = Math.min(this.#covered.length - 1, toDay - this.#firstDay);
    for (let i = from; i <= to; i++) {
      this.#covered[i] = 1;
      // A date that already lists the most names (and knows there are more) needs nothing else.
      if (nameId < 0 || this.#lastName[i] === nameId + 1 || this.#more[i] === 1) continue;
      this.#lastName[i] = nameId + 1;
      const count = this.#count[i] as number;
      const base = i * MAX_NAMES_PER_DATE;
      let known = false;
      for (let k = 0; k < count && !known; k++) known = this.#slots[base + k] === nameId;
      if (known) continue;
      if (count < MAX_NAMES_PER_DATE) {
        this.#slots[base + count] = nameId;
        this.#count[i] = count + 1;
      } else {
        this.#more[i] = 1;
      }
    }
  }

  toHolidays(): Holiday[] {
    const out: Holiday[] = [];
    const joined = new Map<string, string>();
    for (let i = 0; i < this.#covered.length; i++) {
      if (this.#covered[i] === 0) continue;
      const date = formatDayNumber(this.#firstDay + i);
      const count = this.#count[i] as number;
      if (count === 0) {
        out.push({ date });
        continue;
      }
      const ids = Array.from(this.#slots.subarray(i * MAX_NAMES_PER_DATE, i * MAX_NAMES_PER_DATE + count));
      const key = `${ids.join(",")}${this.#more[i] === 1 ? "+" : ""}`;
      let name = joined.get(key);
      if (name === undefined) {
        const parts = ids.map((id) => this.#names[id] as string);
        if (this.#more[i] === 1) parts.push("…");
        name = cut(parts.join(" / "), MAX_HOLIDAY_NAME_LENGTH);
        joined.set(key, name);
      }
      out.push({ date, name });
    }
    return out;
  }
}
