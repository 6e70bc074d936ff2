import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { parseICalendarHolidays } from "@supportops/sla";
import { numRuns } from "@supportops/test-utils";

// ---------------------------------------------------------------------------------------------
// A naive reference for YEARLY rules: walk every day from DTSTART with JavaScript's UTC Date and
// decide membership of each day on its own (counting weekday ordinals by stepping back and
// forward a week at a time), then apply DTSTART-first, COUNT, UNTIL, EXDATE, the event length
// and the year range — independently of the library's arithmetic.
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

interface ByDay {
  readonly weekday: number; // 0 = Monday
  readonly ordinal?: number;
}

interface RuleCase {
  readonly dtstart: number; // UTC ms of the date
  readonly durationDays: number;
  readonly interval: number;
  readonly byMonth?: number[];
  readonly byMonthDay?: number[];
  readonly byDay?: ByDay[];
  readonly count?: number;
  readonly until?: number; // UTC ms of a date
  readonly exdates: number[]; // UTC ms of dates
  readonly fromYear: number;
  readonly toYear: number;
}

const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const compact = (ms: number): string => ymd(ms).replaceAll("-", "");
const weekdayMonday0 = (ms: number): number => (new Date(ms).getUTCDay() + 6) % 7;

function inScope(ms: number, scopeByMonth: boolean, year: number, month: number): boolean {
  const d = new Date(ms);
  return d.getUTCFullYear() === year && (!scopeByMonth || d.getUTCMonth() === month);
}

function matchesByDay(ms: number, by: ByDay, scopeByMonth: boolean): boolean {
  if (weekdayMonday0(ms) !== by.weekday) return false;
  if (by.ordinal === undefined) return true;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  let before = 0;
  for (let t = ms - 7 * DAY_MS; inScope(t, scopeByMonth, year, month); t -= 7 * DAY_MS) before++;
  let after = 0;
  for (let t = ms + 7 * DAY_MS; inScope(t, scopeByMonth, year, month); t += 7 * DAY_MS) after++;
  return by.ordinal > 0 ? before + 1 === by.ordinal : after + 1 === -by.ordinal;
}

function isMember(ms: number, c: RuleCase): boolean {
  const d = new Date(ms);
  const start = new Date(c.dtstart);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const dom = d.getUTCDate();
  if ((year - start.getUTCFullYear()) % c.interval !== 0) return false;
  const monthOk = c.byMonth !== undefined ? c.byMonth.includes(month) : c.byMonthDay !== undefined || c.byDay !== undefined ? true : month === start.getUTCMonth() + 1;
  if (!monthOk) return false;
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (c.byMonthDay !== undefined) {
    if (!c.byMonthDay.some((md) => (md > 0 ? dom === md : dom === monthLength + md + 1))) return false;
  } else if (c.byDay === undefined && dom !== start.getUTCDate()) {
    return false;
  }
  if (c.byDay !== undefined && !c.byDay.some((by) => matchesByDay(ms, by, c.byMonth !== undefined))) return false;
  return true;
}

/**
 * Whether the rule selects any date after DTSTART, COUNT and UNTIL aside, by trying every day of the
 * rule's years for 400 steps of INTERVAL (the Gregorian calendar repeats every 400 years, so a year
 * shape that can come does within them). The library reports a rule that never does (`empty_rrule`),
 * as it does an UNTIL before DTSTART.
 */
function recurs(c: RuleCase): boolean {
  if (c.until !== undefined && c.until < c.dtstart) return false;
  const startYear = new Date(c.dtstart).getUTCFullYear();
  for (let k = 0; k <= 400; k++) {
    const year = startYear + k * c.interval;
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
      if (t > c.dtstart && isMember(t, c)) return true;
    }
  }
  return false;
}

function oracle(c: RuleCase): string[] {
  const rangeStart = Date.UTC(c.fromYear, 0, 1);
  const rangeEnd = Date.UTC(c.toYear, 11, 31);
  const starts: number[] = [c.dtstart];
  const last = Math.min(rangeEnd, c.until ?? Number.POSITIVE_INFINITY);
  if (c.dtstart > last) return [];
  for (let t = c.dtstart + DAY_MS; t <= last && starts.length < (c.count ?? Number.POSITIVE_INFINITY); t += DAY_MS) {
    if (isMember(t, c)) starts.push(t);
  }
  const out = new Set<string>();
  for (const s of starts) {
    if (c.exdates.includes(s)) continue;
    for (let k = 0; k < c.durationDays; k++) {
      const t = s + k * DAY_MS;
      if (t >= rangeStart && t <= rangeEnd) out.add(ymd(t));
    }
  }
  return [...out].sort();
}

function toIcs(c: RuleCase): string {
  const parts = ["FREQ=YEARLY"];
  if (c.interval !== 1) parts.push(`INTERVAL=${c.interval}`);
  if (c.byMonth !== undefined) parts.push(`BYMONTH=${c.byMonth.join(",")}`);
  if (c.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${c.byMonthDay.join(",")}`);
  if (c.byDay !== undefined) parts.push(`BYDAY=${c.byDay.map((b) => `${b.ordinal ?? ""}${WEEKDAYS[b.weekday] ?? ""}`).join(",")}`);
  if (c.count !== undefined) parts.push(`COUNT=${c.count}`);
  if (c.until !== undefined) parts.push(`UNTIL=${compact(c.until)}`);
  const lines = [
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    `DTSTART;VALUE=DATE:${compact(c.dtstart)}`,
    `DTEND;VALUE=DATE:${compact(c.dtstart + c.durationDays * DAY_MS)}`,
    `RRULE:${parts.join(";")}`,
    ...(c.exdates.length > 0 ? [`EXDATE;VALUE=DATE:${c.exdates.map(compact).join(",")}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.join("\r\n");
}

const dateArb = (fromYear: number, toYear: number): fc.Arbitrary<number> =>
  fc.integer({ min: Date.UTC(fromYear, 0, 1) / DAY_MS, max: Date.UTC(toYear, 11, 31) / DAY_MS }).map((d) => d * DAY_MS);

const ordinalArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 6, max: 53 }) },
  { weight: 1, arbitrary: fc.integer({ min: -53, max: -6 }) },
);

const byDayArb: fc.Arbitrary<ByDay> = fc.record({
  weekday: fc.integer({ min: 0, max: 6 }),
  ordinal: fc.option(ordinalArb, { nil: undefined, freq: 4 }),
}).map(({ weekday, ordinal }) => (ordinal === undefined ? { weekday } : { weekday, ordinal }));

const monthDayArb = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 }), fc.constantFrom(29, 30, 31, -29, -30, -31));

const ruleCaseArb: fc.Arbitrary<RuleCase> = fc
  .record({
    dtstart: dateArb(1990, 2035),
    durationDays: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }),
    interval: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }),
    byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    // Up to 7 month days, so that a BYDAY limit (the US Election Day shape) often leaves something.
    byMonthDay: fc.option(fc.uniqueArray(monthDayArb, { minLength: 1, maxLength: 7 }), { nil: undefined, freq: 2 }),
    byDay: fc.option(fc.uniqueArray(byDayArb, { minLength: 1, maxLength: 3, selector: (b) => `${b.ordinal ?? ""}${b.weekday}` }), { nil: undefined, freq: 2 }),
    bound: fc.oneof(
      fc.constant<{ kind: "none" }>({ kind: "none" }),
      fc.record({ kind: fc.constant<"count">("count"), count: fc.integer({ min: 1, max: 25 }) }),
      fc.record({
        kind: fc.constant<"until">("until"),
        offsetDays: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 4, arbitrary: fc.integer({ min: 366, max: 20 * 366 }) }),
      }),
    ),
    // The range starts near DTSTART most of the time, so COUNT- and UNTIL-bounded rules still reach it.
    fromYearOffset: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: -30, max: 30 }) }),
    span: fc.integer({ min: 0, max: 6 }),
    exdateOffsets: fc.array(fc.integer({ min: 0, max: 8 * 366 }), { maxLength: 4 }),
  })
  .map(({ bound, fromYearOffset, span, exdateOffsets, byMonth, byMonthDay, byDay, ...rest }) => {
    const fromYear = Math.min(2190, Math.max(1970, new Date(rest.dtstart).getUTCFullYear() + fromYearOffset));
    const c: RuleCase = {
      ...rest,
      ...(byMonth !== undefined ? { byMonth } : {}),
      ...(byMonthDay !== undefined ? { byMonthDay } : {}),
      ...(byDay !== undefined ? { byDay } : {}),
      ...(bound.kind === "count" ? { count: bound.count } : {}),
      ...(bound.kind === "until" ? { until: rest.dtstart + bound.offsetDays * DAY_MS } : {}),
      exdates: exdateOffsets.map((o) => rest.dtstart + o * DAY_MS),
      fromYear,
      toYear: Math.min(2199, fromYear + span),
    };
    return c;
  });

describe("RRULE expansion", () => {
  test.prop([ruleCaseArb], { numRuns: numRuns(300) })("agrees with a naive day-by-day reference on random YEARLY rules", (c) => {
    const result = parseICalendarHolidays(toIcs(c), { fromYear: c.fromYear, toYear: c.toYear });
    if (recurs(c)) {
      expect(result.skipped).toStrictEqual([]);
      expect(result.holidays.map((h) => h.date)).toStrictEqual(oracle(c));
    } else {
      // A rule that can never recur is reported (on its RRULE line), not silently reduced to DTSTART or to nothing.
      expect(result.skipped.map((s) => [s.line, s.code])).toStrictEqual([[5, "empty_rrule"]]);
      expect(result.holidays).toStrictEqual([]);
    }
  });

  test("the generator reaches rules that never recur, and rules that recur only in some years", () => {
    const cases = fc.sample(ruleCaseArb, { numRuns: 600, seed: 42 });
    expect(cases.filter((c) => !recurs(c)).length).toBeGreaterThan(5);
  });

  test("the generator reaches the interesting cases: most generated rules give holidays in their range", () => {
    const cases = fc.sample(ruleCaseArb, { numRuns: 300, seed: 42 });
    const nonEmpty = cases.filter((c) => oracle(c).length > 1).length;
    expect(nonEmpty).toBeGreaterThan(150);
  });

  test.prop([ruleCaseArb, fc.integer({ min: 0, max: 6 })], { numRuns: numRuns(60) })(
    "two consecutive year ranges give the whole range's holidays, split at the year boundary",
    (c, cut) => {
      const text = toIcs(c);
      const middle = Math.min(c.toYear, c.fromYear + cut);
      const whole = parseICalendarHolidays(text, { fromYear: c.fromYear, toYear: c.toYear }).holidays;
      const first = parseICalendarHolidays(text, { fromYear: c.fromYear, toYear: middle }).holidays;
      const second = middle === c.toYear ? [] : parseICalendarHolidays(text, { fromYear: middle + 1, toYear: c.toYear }).holidays;
      expect([...first, ...second]).toStrictEqual(whole);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Folding and escaping: fold every content line at random places (CRLF or LF, then a space or a
// tab) and escape the names; parsing must give back exactly the names and dates written.
// ---------------------------------------------------------------------------------------------

function escapeText(text: string): string {
  return text.replace(/[\\;,\n]/g, (ch) => (ch === "\n" ? "\\n" : `\\${ch}`));
}

interface Folding {
  readonly widths: number[];
  readonly breaks: Array<"\r\n" | "\n">;
  readonly pads: Array<" " | "\t">;
}

/** Folds each line into chunks of the given widths (cycling), with the given line breaks and continuation characters. */
function fold(lines: string[], folding: Folding, terminator: "\r\n" | "\n"): string {
  let k = 0;
  return lines
    .map((line) => {
      const chunks: string[] = [];
      let rest = line;
      while (rest.length > 0) {
        const width = folding.widths[k % folding.widths.length] ?? 75;
        chunks.push(rest.slice(0, width));
        rest = rest.slice(width);
        k++;
      }
      return chunks
        .map((chunk, i) => (i === 0 ? chunk : `${folding.pads[(k + i) % folding.pads.length] ?? " "}${chunk}`))
        .join(folding.breaks[k % folding.breaks.length] ?? "\r\n");
    })
    .join(terminator);
}

/** {@link fold} on the UTF-8 octets of each line, as a writer that counts 75 octets would. */
function foldOctets(lines: string[], folding: Folding, terminator: "\r\n" | "\n"): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  let k = 0;
  lines.forEach((line, index) => {
    if (index > 0) out.push(...encoder.encode(terminator));
    const bytes = encoder.encode(line);
    let offset = 0;
    while (offset < bytes.length) {
      const width = folding.widths[k % folding.widths.length] ?? 75;
      if (offset > 0) out.push(...encoder.encode(folding.breaks[k % folding.breaks.length] ?? "\r\n"), (folding.pads[k % folding.pads.length] ?? " ").charCodeAt(0));
      out.push(...bytes.subarray(offset, offset + width));
      offset += width;
      k++;
    }
  });
  return new Uint8Array(out);
}

// Lone surrogates have no UTF-8 form, so names are well-formed strings of any code points.
const nameArb = fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !s.includes("\r") && !/[\uD800-\uDFFF]/u.test(s));
const eventsArb = fc.uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 364 }), name: nameArb }), { minLength: 1, maxLength: 12, selector: (e) => e.day });
const foldingArb: fc.Arbitrary<Folding> = fc.record({
  widths: fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 8 }),
  breaks: fc.array(fc.constantFrom<"\r\n" | "\n">("\r\n", "\n"), { minLength: 1, maxLength: 3 }),
  pads: fc.array(fc.constantFrom<" " | "\t">(" ", "\t"), { minLength: 1, maxLength: 3 }),
});

describe("folding and escaping", () => {
  test.prop([eventsArb, foldingArb, fc.constantFrom<"\r\n" | "\n">("\r\n", "\n")], { numRuns: numRuns(200) })(
    "unfold(fold(lines)) and unescape(escape(name)) give back the dates and names written",
    (events, folding, terminator) => {
      const lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//supportops//fold test//EN",
        ...events.flatMap((e) => ["BEGIN:VEVENT", `DTSTART;VALUE=DATE:${compact(Date.UTC(2026, 0, 1 + e.day))}`, `SUMMARY;LANGUAGE=en:${escapeText(e.name)}`, "END:VEVENT"]),
        "END:VCALENDAR",
      ];
      const folded = fold(lines, folding, terminator);
      const expected = [...events]
        .sort((a, b) => a.day - b.day)
        .map((e) => (e.name === "" ? { date: ymd(Date.UTC(2026, 0, 1 + e.day)) } : { date: ymd(Date.UTC(2026, 0, 1 + e.day)), name: e.name }));
      expect(parseICalendarHolidays(folded, { fromYear: 2026, toYear: 2026 })).toStrictEqual({ holidays: expected, skipped: [] });
      expect(parseICalendarHolidays(folded, { fromYear: 2026, toYear: 2026 })).toStrictEqual(parseICalendarHolidays(lines.join("\r\n"), { fromYear: 2026, toYear: 2026 }));
      // The same, folding the UTF-8 octets anywhere — in the middle of a multi-octet character too.
      expect(parseICalendarHolidays(foldOctets(lines, folding, terminator), { fromYear: 2026, toYear: 2026 })).toStrictEqual({ holidays: expected, skipped: [] });
    },
  );
});
