/** Helpers shared by the Shopify formats. */
import { parseDate } from '../../import/dates.ts';

/**
 * A Shopify timestamp (`2025-06-30 23:32:39 -0400`, also `2025-06-30T23:32:39-04:00`) as epoch
 * milliseconds, only to put events in order; NaN when unreadable.
 */
export function shopifyTimestamp(text: string): number {
  // The export's own shape, read without a regex and a date string to parse.
  const fast = exportTimestamp(text);
  if (fast !== undefined) return fast;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const zone = m[3] === undefined ? 'Z' : m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  return Date.parse(`${m[1]}T${m[2]}${zone}`);
}

/**
 * `2025-06-30 23:32:39 -0400` or `2025-06-30T23:32:39-04:00` exactly, with every field in the
 * range Date.parse accepts (it rolls day 31 of a short month over, as Date.UTC does): epoch
 * milliseconds. Undefined for anything else, left to the general path.
 */
function exportTimestamp(text: string): number | undefined {
  if (text.length !== 25) return undefined;
  const separator = text.charCodeAt(10);
  if (separator !== 32 && separator !== 84) return undefined; // ' ' or 'T'
  let sign: number;
  let offsetMinutes: number;
  if (text.charCodeAt(19) === 32) {
    // ` -0400`
    sign = signOf(text.charCodeAt(20));
    offsetMinutes = field(text, 21, 2, 23) * 60 + field(text, 23, 2, 59);
  } else {
    // `-04:00`
    if (text.charCodeAt(22) !== 58) return undefined;
    sign = signOf(text.charCodeAt(19));
    offsetMinutes = field(text, 20, 2, 23) * 60 + field(text, 23, 2, 59);
  }
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = field(text, 0, 4, 9999);
  const month = field(text, 5, 2, 12);
  const day = field(text, 8, 2, 31);
  const hour = field(text, 11, 2, 23);
  const minute = field(text, 14, 2, 59);
  const second = field(text, 17, 2, 59);
  // NaN fields (not digits, out of range) fall through to the general path.
  const parts = sign + offsetMinutes + year + month + day + hour + minute + second;
  if (Number.isNaN(parts) || year < 100 || month < 1 || day < 1) return undefined;
  // Rows come a day at a time: the day's number is worked out once per day.
  const dayKey = (year * 100 + month) * 100 + day;
  if (dayKey !== lastDay.key) lastDay = { key: dayKey, days: daysFromCivil(year, month, day) };
  const minutes = (lastDay.days * 24 + hour) * 60 + minute - sign * offsetMinutes;
  return (minutes * 60 + second) * 1000;
}

let lastDay = { key: -1, days: 0 };

/**
 * Reads a row's timestamp and its day together (`read` returns the instant, `day` is then the ISO
 * day as written, or undefined when the cell is not a date): the export's timestamps give both, and
 * rows of one day come together, so the day is worked out once per day.
 */
export class ShopifyTimes {
  day: string | undefined;
  private dayKey = -1;
  private dayText: string | undefined;

  read(text: string): number {
    const fast = exportTimestamp(text);
    if (fast === undefined) {
      this.day = parseDate(text, 'ymd');
      return shopifyTimestamp(text);
    }
    if (lastDay.key !== this.dayKey) {
      this.dayKey = lastDay.key;
      this.dayText = parseDate(text, 'ymd');
    }
    this.day = this.dayText;
    return fast;
  }
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, as Date.UTC counts them (a day past the
 * month's end rolls over into the next month alike). H. Hinnant's `days_from_civil`, years >= 0.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** +1 for `+`, -1 for `-`, NaN otherwise. */
function signOf(c: number): number {
  return c === 43 ? 1 : c === 45 ? -1 : Number.NaN;
}

/** The number written by `length` ASCII digits at `start`; NaN when not digits or above `max`. */
function field(text: string, start: number, length: number, max: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value > max ? Number.NaN : value;
}

/** Sorts by timestamp, then by line (events with unreadable times keep file order at the end). */
export function chronological<T extends { stamp: number; line: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const byTime =
      (Number.isNaN(a.stamp) ? Infinity : a.stamp) - (Number.isNaN(b.stamp) ? Infinity : b.stamp);
    return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.line - b.line;
  });
}
