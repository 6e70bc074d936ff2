/**
 * The rules of docs/calendars.md ("The rules", numbered as there), each pinned by worked examples
 * through createCalendar: DST days in several zones, boundaries, overnight shifts, overrides and
 * holidays, signed and earliest-instant arithmetic, business days.
 */
import { describe, expect, it } from "vitest";
import { createCalendar, type TimeInterval } from "@supportops/sla";

const H = 3_600_000;
const nineToFive: ReadonlyArray<TimeInterval> = [["09:00", "17:00"]];
const weekdays = (hours: ReadonlyArray<TimeInterval>) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

describe("createCalendar, rule 1: instants are absolute, to the millisecond", () => {
  it("10:00:00.4 → 10:00:01.9 is 1.5 s, to the millisecond", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect(cal.businessTimeBetween("2026-03-02T10:00:00.400Z", "2026-03-02T10:00:01.900Z")).toBe(1500);
  });

  it("weekly hours 09:00:30–17:00:45 count 28 815 s a day (seconds kept)", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00:30", "17:00:45"]] } });
    expect(cal.businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toBe(28_815_000);
  });

  it("millisecond precision end to end (boundaries and durations)", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00:00.250", "09:00:01.750"]] } });
    expect([
      cal.businessTimeBetween("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"),
      iso(cal.addBusinessTime("2026-03-02T00:00:00Z", 1)),
      iso(cal.nextClose("2026-03-02T00:00:00Z")),
    ]).toStrictEqual([1500, "2026-03-02T09:00:00.251Z", "2026-03-02T09:00:01.750Z"]);
  });
});

describe("createCalendar, rule 2: an instant is open when the wall clock in the calendar's zone reads an open time", () => {
  it("a Paris 00:00–24:00 Sunday on the fall-back day lasts 25 h", () => {
    const cal = createCalendar({ timeZone: "Europe/Paris", weekly: { sun: [["00:00", "24:00"]] } });
    expect(cal.businessTimeBetween("2020-10-24T12:00:00Z", "2020-10-26T12:00:00Z")).toBe(25 * H);
  });

  it("the same Sunday on the spring-forward day lasts 23 h", () => {
    const cal = createCalendar({ timeZone: "Europe/Paris", weekly: { sun: [["00:00", "24:00"]] } });
    expect(cal.businessTimeBetween("2020-03-28T12:00:00Z", "2020-03-30T12:00:00Z")).toBe(23 * H);
  });

  it("New York 01:00–03:00 on the fall-back day is 3 h of real time (05:00–08:00 UTC)", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["01:00", "03:00"]] } });
    expect(cal.openIntervals("2014-11-02T00:00:00Z", "2014-11-03T00:00:00Z").map((r) => [iso(r.start), iso(r.end)])).toStrictEqual([
      ["2014-11-02T05:00:00.000Z", "2014-11-02T08:00:00.000Z"],
    ]);
  });

  it("New York 01:00–04:00 on the spring-forward day is 2 h", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["01:00", "04:00"]] } });
    expect(cal.businessTimeBetween("2014-03-09T00:00:00Z", "2014-03-10T00:00:00Z")).toBe(2 * H);
  });

  it("02:30–05:00 on the spring-forward day opens at 03:00 EDT: 2 h (a library that moves 02:30 to 03:30 gets 1.5 h)", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["02:30", "05:00"]] } });
    expect(cal.openIntervals("2014-03-09T00:00:00Z", "2014-03-10T00:00:00Z").map((r) => [iso(r.start), iso(r.end)])).toStrictEqual([
      ["2014-03-09T07:00:00.000Z", "2014-03-09T09:00:00.000Z"],
    ]);
  });

  it("the repeated fall-back hour is open on both passes; 00:00–24:00 lasts 25 h", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["00:00", "24:00"]] } });
    expect(cal.businessTimeBetween("2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00")).toBe(25 * H);
  });

  it("00:00–01:30 on the fall-back day is open 00:00–01:30 EDT and again 01:00–01:30 EST: 2 h", () => {
    // 1.5 h on the first pass plus 0.5 h on the second: while the clock reads 01:30–01:59 EDT in
    // between, it is outside the interval (docs/calendars.md, rule 2).
    const cal = createCalendar({ timeZone: "America/New_York", weekly: { sun: [["00:00", "01:30"]] } });
    const runs = cal.openIntervals("2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00").map((r) => [iso(r.start), iso(r.end)]);
    expect(runs).toStrictEqual([
      ["2026-11-01T04:00:00.000Z", "2026-11-01T05:30:00.000Z"],
      ["2026-11-01T06:00:00.000Z", "2026-11-01T06:30:00.000Z"],
    ]);
    expect(cal.businessTimeBetween("2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00")).toBe(2 * H);
  });

  it("negative DST (Dublin): 00:00–24:00 on the last Sunday of October lasts 25 h", () => {
    const cal = createCalendar({ timeZone: "Europe/Dublin", weekly: { sun: [["00:00", "24:00"]] } });
    expect(cal.businessTimeBetween("2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z")).toBe(25 * H);
  });

  it("an interval wholly inside the spring-forward gap is empty that day", () => {
    const cal = createCalendar({ timeZone: "America/Los_Angeles", weekly: { sun: [["02:30", "02:45"]] } });
    expect(cal.openIntervals("2006-04-02T00:00:00Z", "2006-04-03T00:00:00Z")).toStrictEqual([]);
    expect(cal.businessTimeBetween("2006-04-09T00:00:00Z", "2006-04-10T00:00:00Z")).toBe(15 * 60_000);
  });

  it("24:00 on a day whose midnight does not exist (São Paulo 2015-10-17) ends when the clock jumps to 01:00", () => {
    const cal = createCalendar({ timeZone: "America/Sao_Paulo", weekly: { sat: [["20:00", "24:00"]] } });
    expect(cal.openIntervals("2015-10-17T00:00:00Z", "2015-10-19T00:00:00Z").map((r) => [iso(r.start), iso(r.end)])).toStrictEqual([
      ["2015-10-17T23:00:00.000Z", "2015-10-18T03:00:00.000Z"],
    ]);
  });

  it("30-minute DST (Lord Howe): 01:00–03:00 on the spring-forward day is 1.5 h", () => {
    const cal = createCalendar({ timeZone: "Australia/Lord_Howe", weekly: { sun: [["01:00", "03:00"]] } });
    expect(cal.businessTimeBetween("2026-10-03T12:00:00Z", "2026-10-04T12:00:00Z")).toBe(1.5 * H);
  });

  it("weekdays are those of the calendar's zone — Sunday 16:00 UTC is Monday 01:00 in Tokyo", () => {
    const cal = createCalendar({ timeZone: "Asia/Tokyo", weekly: { mon: [["00:00", "12:00"]] } });
    expect([cal.isOpen("2026-03-01T16:00:00Z"), cal.isOpen("2026-03-02T04:00:00Z")]).toStrictEqual([true, false]);
    const la = createCalendar({ timeZone: "America/Los_Angeles", weekly: { sat: [["06:00", "18:00"]] } });
    expect(la.isOpen("2026-03-01T01:00:00Z")).toBe(true); // Sat 17:00 in Los Angeles
  });

  it("+1 h at 02:00+02:00 on the Amsterdam fall-back day (hours 00–10 daily) is 02:00+01:00, not the same instant", () => {
    const daily: ReadonlyArray<TimeInterval> = [["00:00", "10:00"]];
    const cal = createCalendar({ timeZone: "Europe/Amsterdam", weekly: { ...weekdays(daily), sat: daily, sun: daily } });
    expect(iso(cal.addBusinessTime("2022-10-30T02:00:00+02:00", "PT1H"))).toBe(new Date("2022-10-30T02:00:00+01:00").toISOString());
  });
});

describe("createCalendar, rule 3: intervals are half-open", () => {
  it("Mon 17:00 is closed, Mon 09:00 is open", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect([cal.isOpen("2026-03-02T17:00:00Z"), cal.isOpen("2026-03-02T09:00:00Z"), cal.isOpen("2026-03-02T16:59:59.999Z")]).toStrictEqual([false, true, true]);
  });

  it("the same half-open convention in isOpen, add and between", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect([
      cal.isOpen("2026-03-02T17:00:00Z"),
      cal.businessTimeBetween("2026-03-02T16:00:00Z", "2026-03-02T17:00:00Z"),
      cal.businessTimeBetween("2026-03-02T17:00:00Z", "2026-03-02T17:00:01Z"),
      iso(cal.addBusinessTime("2026-03-02T17:00:00Z", 1)),
    ]).toStrictEqual([false, H, 0, "2026-03-03T09:00:00.001Z"]);
  });
});

describe("createCalendar, rule 4: overnight intervals belong to the day they start", () => {
  it("Mon 22–24 + Tue 00–02 with Tue a holiday gives 2 h; written as one overnight Monday shift it gives 4 h", () => {
    const split = createCalendar({ timeZone: "UTC", weekly: { mon: [["22:00", "24:00"]], tue: [["00:00", "02:00"]] }, holidays: ["2026-03-03"] });
    const overnight = createCalendar({ timeZone: "UTC", weekly: { mon: [["22:00", "02:00"]] }, holidays: ["2026-03-03"] });
    const from = "2026-03-02T20:00:00Z";
    const to = "2026-03-03T05:00:00Z";
    expect([split.businessTimeBetween(from, to), overnight.businessTimeBetween(from, to)]).toStrictEqual([2 * H, 4 * H]);
  });

  it("a holiday on Monday removes Monday's 22:00–06:00 shift including its part after midnight; a holiday on Tuesday does not", () => {
    const def = { timeZone: "Europe/Berlin", weekly: { mon: [["22:00", "06:00"]] as TimeInterval[] } };
    const monHoliday = createCalendar({ ...def, holidays: ["2026-03-02"] });
    const tueHoliday = createCalendar({ ...def, holidays: [{ date: "2026-03-03", name: "Tuesday off" }] });
    const from = "2026-03-02T00:00:00+01:00";
    const to = "2026-03-04T00:00:00+01:00";
    expect([monHoliday.businessTimeBetween(from, to), tueHoliday.businessTimeBetween(from, to)]).toStrictEqual([0, 8 * H]);
    expect(iso(tueHoliday.nextClose("2026-03-03T01:00:00+01:00"))).toBe("2026-03-03T05:00:00.000Z");
  });

  it("22:00–24:00 and the next day's 00:00–06:00 form one open run", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: { mon: [["22:00", "24:00"]], tue: [["00:00", "06:00"]] } });
    expect(cal.openIntervals("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z").map((r) => [iso(r.start), iso(r.end)])).toStrictEqual([
      ["2026-03-02T22:00:00.000Z", "2026-03-03T06:00:00.000Z"],
    ]);
    expect(iso(cal.nextClose("2026-03-02T23:00:00Z"))).toBe("2026-03-03T06:00:00.000Z");
  });
});

describe("createCalendar, rule 5: date overrides and holidays are local dates", () => {
  it("an early close, an extra working day, and a closed override", () => {
    const cal = createCalendar({
      timeZone: "America/New_York",
      weekly: weekdays(nineToFive),
      overrides: [
        { date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve" },
        { date: "2026-12-27", hours: [["10:00", "14:00"]] },
        { date: "2026-12-28", hours: [] },
      ],
      holidays: ["2026-12-25"],
    });
    const day = (date: string) => cal.businessTimeBetween(`${date}T00:00:00-05:00`, `${date}T23:59:59.999-05:00`);
    expect(["2026-12-23", "2026-12-24", "2026-12-25", "2026-12-27", "2026-12-28"].map(day)).toStrictEqual([8 * H, 3 * H, 0, 4 * H, 0]);
  });

  it("a holiday is a local day — 23 h long on a spring-forward date in a 24×7 calendar", () => {
    const all: ReadonlyArray<TimeInterval> = [["00:00", "24:00"]];
    const cal = createCalendar({ timeZone: "Europe/Berlin", weekly: { ...weekdays(all), sat: all, sun: all }, holidays: ["2026-03-29"] });
    expect(cal.businessTimeBetween("2026-03-28T00:00:00+01:00", "2026-03-31T00:00:00+02:00")).toBe(3 * 24 * H - H - 23 * H);
    expect([iso(cal.nextOpen("2026-03-29T12:00:00+02:00")), cal.isOpen("2026-03-28T23:00:00Z")]).toStrictEqual(["2026-03-29T22:00:00.000Z", false]);
  });

  it("a holiday on Feb 29 and the Dec 31 → Jan 1 rollover", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive), holidays: ["2028-02-29", "2027-12-31"] });
    expect([
      cal.isOpen("2028-02-29T10:00:00Z"),
      iso(cal.addBusinessTime("2028-02-28T16:00:00Z", "PT2H")),
      iso(cal.addBusinessTime("2027-12-30T16:00:00Z", "PT2H")),
    ]).toStrictEqual([false, "2028-03-01T10:00:00.000Z", "2028-01-03T10:00:00.000Z"]);
  });
});

describe("createCalendar, rule 6: elapsed business time is signed and additive", () => {
  const withBreakAndHoliday = createCalendar({
    timeZone: "UTC",
    weekly: weekdays(nineToFive),
    overrides: [{ date: "2026-03-02", hours: [["09:00", "12:00"], ["13:00", "17:00"]], name: "Monday with a lunch break" }],
    holidays: ["2026-03-03"],
  });

  it("break Mon 12–13 and holiday Tue: Mon 09:00 → Wed 10:00 is 8 h", () => {
    expect(withBreakAndHoliday.businessTimeBetween("2026-03-02T09:00:00Z", "2026-03-04T10:00:00Z")).toBe(8 * H);
  });

  it("elapsed with the arguments reversed is negative, never a silent 0", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect([cal.businessTimeBetween("2026-03-02T12:00:00Z", "2026-03-02T10:00:00Z"), cal.businessMsBetween(0, 0)]).toStrictEqual([-2 * H, 0]);
  });

  it("opened Fri 21:00, elapsed at Mon 09:30 on an 08–17 schedule is 1.5 h; the due time is the opening plus the goal", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays([["08:00", "17:00"]]) });
    expect(cal.businessTimeBetween("2026-02-27T21:00:00Z", "2026-03-02T09:30:00Z")).toBe(1.5 * H);
    expect(iso(cal.addBusinessTime("2026-02-27T21:00:00Z", "PT4H"))).toBe("2026-03-02T12:00:00.000Z");
  });
});

describe("createCalendar, rule 7: adding business time gives the earliest instant", () => {
  const withBreakAndHoliday = createCalendar({
    timeZone: "UTC",
    weekly: weekdays(nineToFive),
    overrides: [{ date: "2026-03-02", hours: [["09:00", "12:00"], ["13:00", "17:00"]], name: "Monday with a lunch break" }],
    holidays: ["2026-03-03"],
  });

  it("8 h after Mon 09:00 is Mon 17:00, the earliest such instant", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect(iso(cal.addBusinessTime("2026-03-02T09:00:00Z", "PT8H"))).toBe("2026-03-02T17:00:00.000Z");
  });

  it("1 h after Sat 12:00 is Mon 10:00", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect(iso(cal.addBusinessTime("2026-02-28T12:00:00Z", { hours: 1 }))).toBe("2026-03-02T10:00:00.000Z");
  });

  it("break Mon 12–13 and holiday Tue: 8 h after Mon 16:00 is Wed 16:00", () => {
    expect(iso(withBreakAndHoliday.addBusinessTime("2026-03-02T16:00:00Z", "PT8H"))).toBe("2026-03-04T16:00:00.000Z");
  });

  it("+1 min at 16:59:30 is 09:00:30 the next day", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect(iso(cal.addBusinessTime("2026-03-02T16:59:30Z", { minutes: 1 }))).toBe("2026-03-03T09:00:30.000Z");
  });

  it("a goal that exactly fills the day is due at the closing instant; the next opening is nextOpen of it", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    const due = cal.addBusinessTime("2026-03-06T13:00:00Z", "PT4H"); // Friday
    expect([iso(due), iso(cal.nextOpen(due))]).toStrictEqual(["2026-03-06T17:00:00.000Z", "2026-03-09T09:00:00.000Z"]);
  });

  it("add(t, 0) = t even when closed; negative subtracts to the latest instant; between(a, a) = 0", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect([
      iso(cal.addBusinessTime("2026-03-07T12:00:00Z", 0)),
      iso(cal.addBusinessTime("2026-03-09T10:00:00Z", "-PT2H")),
      iso(cal.addBusinessTime("2026-03-09T10:00:00Z", "-PT1H")),
      cal.businessTimeBetween("2026-03-09T10:00:00Z", "2026-03-09T10:00:00Z"),
    ]).toStrictEqual(["2026-03-07T12:00:00.000Z", "2026-03-06T16:00:00.000Z", "2026-03-09T09:00:00.000Z", 0]);
  });
});

describe("createCalendar, rule 9: range, no loops", () => {
  it("operations never loop — no open time before 2200 gives null, too much business time throws out_of_range", () => {
    const cal = createCalendar({ timeZone: "UTC", weekly: weekdays(nineToFive) });
    expect(cal.nextOpen("2199-12-31T18:00:00Z")).toBe(null);
    expect(cal.nextClose("2199-12-31T18:00:00Z")).toBe(null);
    expect(() => cal.addBusinessMs(Date.UTC(2199, 0, 1), 400 * 24 * H)).toThrow(/2200/);
  });
});

describe("createCalendar, rule 10: business days are their own unit", () => {
  it("same local time on the n-th business day, snapped to the next open instant", () => {
    const cal = createCalendar({ timeZone: "America/New_York", weekly: weekdays(nineToFive), holidays: ["2026-12-25"] });
    expect([
      iso(cal.addBusinessDays("2026-12-24T10:00:00-05:00", 1)), // Thu → Mon (Fri is a holiday)
      iso(cal.addBusinessDays("2026-12-24T20:00:00-05:00", 1)), // after hours: Mon 20:00 snaps to Tue 09:00
      iso(cal.addBusinessDays("2026-12-26T12:00:00-05:00", 0)), // Saturday: nextOpen
      iso(cal.addBusinessDays("2026-12-28T10:00:00-05:00", -1)), // Mon → Thu (skipping the holiday)
      iso(cal.addBusinessDays("2026-03-06T10:00:00-05:00", 1)), // across the DST change: 10:00 local stays 10:00
    ]).toStrictEqual([
      "2026-12-28T15:00:00.000Z",
      "2026-12-29T14:00:00.000Z",
      "2026-12-28T14:00:00.000Z",
      "2026-12-24T15:00:00.000Z",
      "2026-03-09T14:00:00.000Z",
    ]);
  });
});
