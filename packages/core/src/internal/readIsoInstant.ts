/**
 * The fast reader of an ISO-8601 instant: epoch milliseconds for a string that `toEpochMs` accepts in
 * the form `YYYY-MM-DD[T|t| ]HH:MM[:SS[(.|,)fraction]](Z|z|±HH|±HHMM|±HH:MM)`, else `NaN`. It applies
 * the same rules as `toEpochMs` (an offset is required and at most ±23:59, digits after the
 * milliseconds must be zero, the date must exist, hours run to 23, minutes and seconds to 59) without
 * a regular expression, luxon or an allocation. `NaN` means "not decided here": the caller falls back
 * to `toEpochMs`, which either accepts a form this reader leaves out (six-digit years) or says what is
 * wrong, so the two always agree.
 */
export function readIsoInstant(text: string): number {
  const length = text.length;
  // The shortest accepted form is "2026-03-09T09:00Z" (17 characters).
  if (length < 17) return Number.NaN;
  const year = digits4(text, 0);
  if (text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return Number.NaN;
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const separator = text.charCodeAt(10);
  if (separator !== 84 /* T */ && separator !== 116 /* t */ && separator !== 32 /* space */) return Number.NaN;
  const hour = digits2(text, 11);
  if (text.charCodeAt(13) !== 58 /* : */) return Number.NaN;
  const minute = digits2(text, 14);
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits2(text, 17);
    i = 19;
    const mark = text.charCodeAt(i);
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      i += 1;
      const start = i;
      for (; i < length; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        const place = i - start;
        if (place < 3) ms = ms * 10 + digit;
        else if (digit !== 0) return Number.NaN; // sub-millisecond digits: toEpochMs explains
      }
      const count = i - start;
      if (count === 0) return Number.NaN;
      if (count === 1) ms *= 100;
      else if (count === 2) ms *= 10;
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    i += 1;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const offsetHours = digits2(text, i + 1);
    i += 3;
    let offsetRest = 0;
    if (i < length) {
      if (text.charCodeAt(i) === 58) i += 1;
      offsetRest = digits2(text, i);
      i += 2;
    }
    // NaN (a non-digit) fails every comparison below, so it needs no test of its own.
    if (!(offsetHours <= 23 && offsetRest <= 59)) return Number.NaN;
    offsetMinutes = offsetHours * 60 + offsetRest;
    if (zone === 45) offsetMinutes = -offsetMinutes;
  } else {
    return Number.NaN;
  }
  if (i !== length) return Number.NaN;
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59 && year >= 0)) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  // `+ 0` turns a -0 into 0, as luxon's toMillis() does.
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000 + 0;
}

/** Two decimal digits at `at` as a number, or NaN. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  // charCodeAt past the end is NaN, which fails these comparisons too.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return Number.NaN;
  return a * 10 + b;
}

function digits4(text: string, at: number): number {
  return digits2(text, at) * 100 + digits2(text, at + 2);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for any year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
