/**
 * Date cells to the calendar date the report shows (`YYYY-MM-DD`), in the report's own time
 * zone: a sale at 23:30 PST on Jan 31 counts in January, as the seller's dashboard shows it.
 */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // pt-BR (Amazon BR: `28 de fev. de 2026`), es, fr, de abbreviations that differ from English.
  fev: 2,
  abr: 4,
  mai: 5,
  ago: 8,
  set: 9,
  out: 10,
  dez: 12,
  ene: 1,
  dic: 12,
  janv: 1,
  févr: 2,
  fevr: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  août: 8,
  aout: 8,
  déc: 12,
  mär: 3,
  okt: 10,
};

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2100) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined; // 31 Feb and the like
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function year(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

function monthNamed(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

/**
 * Parses the date part of a cell. `order` says how to read numeric dates (`03/04/2026`);
 * ISO dates and dates with month names are read whatever the order.
 */
export function parseDate(text: string, order: DateOrder = 'mdy'): string | undefined {
  // Most cells are ISO (`2026-03-04`, `2026-03-04 10:00:00 -0700`): read them without regexes.
  const isoDay = parseIsoDay(text);
  if (isoDay !== undefined) return isoDay === null ? undefined : isoDay;
  const s = text.trim();
  if (s === '' || s === '--') return undefined;
  // 2026-03-04, 2026-03-04T10:00:00Z, 2026-03-04 10:00:00 -0700, 2026/03/04
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // 03/04/2026, 3/4/26, 04.03.2026, 04-03-2026
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[\s,T])/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3] as string)];
    return order === 'dmy' ? iso(y, b, a) : iso(y, a, b);
  }
  // Jan 1, 2024 12:08:10 AM PST · January 31, 2022 · Oct-05-26 · Oct 5 2026
  m = /^([A-Za-zÀ-ÿ]{3,9})\.?[\s-](\d{1,2}),?[\s-](\d{2}|\d{4})\b/.exec(s);
  if (m) {
    const month = monthNamed(m[1] as string);
    return month ? iso(year(m[3] as string), month, Number(m[2])) : undefined;
  }
  // 28 de fev. de 2026 21:17:51 GMT-8 · 5 Jan 2026 · 05-Jan-2026 · 5. März 2026
  m = /^(\d{1,2})\.?(?:\s+de)?[\s-]([A-Za-zÀ-ÿ]{3,9})\.?(?:\s+de)?[\s-](\d{2}|\d{4})\b/.exec(s);
  if (m) {
    const month = monthNamed(m[2] as string);
    return month ? iso(year(m[3] as string), month, Number(m[1])) : undefined;
  }
  return undefined;
}

/** ISO day strings already made, by `y * 10000 + m * 100 + d`: rows of one day share one string. */
const isoDays = new Map<number, string>();
const MAX_ISO_DAYS = 50_000;

/**
 * `YYYY-MM-DD` at the start of a cell, alone or followed by `T` or a space (a time): the ISO date,
 * or null when it names no real day. Undefined for any other shape, left to the general path.
 */
function parseIsoDay(text: string): string | null | undefined {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (n > 10) {
    const after = text.charCodeAt(10);
    if (after !== 84 && after !== 32) return undefined; // 'T' or ' '
  }
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return undefined;
  const key = y * 10_000 + m * 100 + d;
  const known = isoDays.get(key);
  if (known !== undefined) return known;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1970 || y > 2100) return null;
  const day = text.slice(0, 10);
  if (isoDays.size >= MAX_ISO_DAYS) isoDays.clear();
  isoDays.set(key, day);
  return day;
}

/** The number written by `length` ASCII digits at `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM` of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
