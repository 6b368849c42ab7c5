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
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  // ` -0400` or `-04:00`: where the offset's sign and hours start.
  const spaced = text.charCodeAt(19) === 32;
  if (!spaced && text.charCodeAt(22) !== 58) return undefined;
  const sign = signOf(text.charCodeAt(spaced ? 20 : 19));
  const zone = spaced ? 21 : 20;
  // Straight-line digit reads (a loop per field measured twice as slow over a million rows);
  // a character that is not a digit gives NaN, out-of-range fields too.
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = upTo(digit(text, 5) * 10 + digit(text, 6), 12);
  const day = upTo(digit(text, 8) * 10 + digit(text, 9), 31);
  const hour = upTo(digit(text, 11) * 10 + digit(text, 12), 23);
  const minute = upTo(digit(text, 14) * 10 + digit(text, 15), 59);
  const second = upTo(digit(text, 17) * 10 + digit(text, 18), 59);
  const offsetMinutes =
    upTo(digit(text, zone) * 10 + digit(text, zone + 1), 23) * 60 +
    upTo(digit(text, 23) * 10 + digit(text, 24), 59);
  // NaN fields (not digits, out of range) fall through to the general path.
  const parts = sign + offsetMinutes + year + month + day + hour + minute + second;
  if (Number.isNaN(parts) || year < 100 || month < 1 || day < 1) return undefined;
  // Rows come a day at a time: the day's number is worked out once per day.
  const dayKey = (year * 100 + month) * 100 + day;
  if (dayKey !== lastDay.key) lastDay = { key: dayKey, days: daysFromCivil(year, month, day) };
  const minutes = (lastDay.days * 24 + hour) * 60 + minute - sign * offsetMinutes;
  return (minutes * 60 + second) * 1000;
}

/** The digit at `at`, NaN when the character is not one. */
function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** `value`, NaN above `max`. */
function upTo(value: number, max: number): number {
  return value > max ? Number.NaN : value;
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

/** Sorts by timestamp, then by line (events with unreadable times keep file order at the end). */
export function chronological<T extends { stamp: number; line: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const byTime =
      (Number.isNaN(a.stamp) ? Infinity : a.stamp) - (Number.isNaN(b.stamp) ? Infinity : b.stamp);
    return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.line - b.line;
  });
}
