/** The npm peers, configured for the same calendar: Mon–Fri 09:00–17:00 America/New_York plus holidays. */
import dayjs from "dayjs";
import dayjsBusinessTime from "dayjs-business-time";
import moment from "moment-timezone";
import "moment-business-time";
import { HOLIDAYS, MINUTE, ZONE } from "./workload.js";

dayjs.extend(dayjsBusinessTime);

type Hours = ReadonlyArray<readonly [string, string]>;

/** A peer's answers to the operations we compare, all in epoch ms. */
export interface Peer {
  readonly name: string;
  /** Sets the weekly hours (Sunday first), holidays and zone; both peers keep this configuration globally. */
  configure(weekly: ReadonlyArray<Hours | null>, holidays: ReadonlyArray<string>, zone?: string): void;
  add(ms: number, durationMs: number): number;
  between(aMs: number, bMs: number): number;
  isOpen(ms: number): boolean;
}

type MomentWithBusinessTime = moment.Moment & {
  addWorkingTime(n: number, unit: string): moment.Moment;
  workingDiff(other: moment.Moment, unit: string): number;
  isWorkingTime(): boolean;
};

let momentZone: string = ZONE;

/** moment-business-time 2.0.0 on moment-timezone instances in the calendar's zone. */
export const momentPeer: Peer = {
  name: "moment-business-time",
  configure(weekly, holidays, zone = ZONE) {
    momentZone = zone;
    const workinghours: Record<number, string[] | null> = {};
    weekly.forEach((hours, day) => {
      workinghours[day] = hours === null ? null : hours.flatMap(([s, e]) => [`${s}:00`, `${e}:00`]);
    });
    moment.updateLocale("en", { workinghours, holidays: [...holidays] } as moment.LocaleSpecification);
  },
  add: (ms, durationMs) => (moment.tz(ms, momentZone) as MomentWithBusinessTime).addWorkingTime(durationMs, "milliseconds").valueOf(),
  between: (a, b) => (moment.tz(b, momentZone) as MomentWithBusinessTime).workingDiff(moment.tz(a, momentZone), "milliseconds"),
  isOpen: (ms) => (moment.tz(ms, momentZone) as MomentWithBusinessTime).isWorkingTime(),
};

const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** dayjs-business-time 1.0.4 in the process zone (set to the calendar's zone); it counts whole minutes. */
export const dayjsPeer: Peer = {
  name: "dayjs-business-time",
  configure(weekly, holidays, zone = ZONE) {
    // Node re-reads TZ when it changes; dayjs works in the process zone.
    process.env["TZ"] = zone;
    const map = Object.fromEntries(
      DAY_NAMES.map((name, day) => [name, weekly[day] === null ? null : (weekly[day] ?? []).map(([start, end]) => ({ start: `${start}:00`, end: `${end}:00` }))]),
    );
    dayjs.setBusinessTime(map as unknown as dayjs.BusinessHoursMap);
    dayjs.setHolidays([...holidays]);
  },
  add: (ms, durationMs) => dayjs(ms).addBusinessMinutes(durationMs / MINUTE).valueOf(),
  // `x.businessMinutesDiff(y)` is the business time from `x` to `y`, hence the order.
  between: (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * MINUTE,
  isOpen: (ms) => dayjs(ms).isBusinessTime(),
};

export const NINE_TO_FIVE: ReadonlyArray<Hours | null> = [null, [["09:00", "17:00"]], [["09:00", "17:00"]], [["09:00", "17:00"]], [["09:00", "17:00"]], [["09:00", "17:00"]], null];

momentPeer.configure(NINE_TO_FIVE, HOLIDAYS);
dayjsPeer.configure(NINE_TO_FIVE, HOLIDAYS);
