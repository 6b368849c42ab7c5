/**
 * PayPal writes numeric dates in the account's locale: `MM/DD/YYYY` for US accounts, `DD/MM/YYYY`
 * (UK, EU English) or `DD.MM.YYYY` (German) elsewhere, and the file says nothing about which.
 * The order is decided once per file, from the best evidence available:
 *   1. a date that can only be read one way (`25/06/2024`, `06/25/2024`) or uses dots (`25.06.2024`);
 *   2. otherwise the TimeZone column (`PDT` → month first, `BST`/`MESZ` → day first);
 *   3. otherwise month first, PayPal's US default.
 */
export type DayMonthOrder = 'mdy' | 'dmy';

/** The order a single date cell proves, or undefined when it reads both ways (`04/05/2024`). */
export function dateOrderOf(text: string): DayMonthOrder | undefined {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[\s,T])/.exec(text.trim());
  if (!m) return undefined;
  // `DD.MM.YYYY` is the German layout; no PayPal locale writes month-first with dots.
  if (m[2] === '.') return 'dmy';
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return undefined;
}

/** Zone abbreviations of US accounts (month-first dates). `CST` is read as US Central. */
const MONTH_FIRST_ZONES = new Set([
  'PST',
  'PDT',
  'MST',
  'MDT',
  'CST',
  'CDT',
  'EST',
  'EDT',
  'AKST',
  'AKDT',
  'HST',
  'HDT',
  'HAST',
  'HADT',
]);

/** Zone abbreviations of day-first locales: Europe (English and German spellings), Australia, NZ, Asia. */
const DAY_FIRST_ZONES = new Set([
  'GMT',
  'BST',
  'IST',
  'WET',
  'WEST',
  'CET',
  'CEST',
  'MEZ',
  'MESZ',
  'EET',
  'EEST',
  'OEZ',
  'OESZ',
  'MSK',
  'AEST',
  'AEDT',
  'ACST',
  'ACDT',
  'AWST',
  'NZST',
  'NZDT',
  'SGT',
  'HKT',
]);

/** The order a TimeZone cell suggests, or undefined for zones not listed (`UTC`, offsets). */
export function dateOrderOfZone(zone: string): DayMonthOrder | undefined {
  const code = zone.trim().toUpperCase();
  if (MONTH_FIRST_ZONES.has(code)) return 'mdy';
  if (DAY_FIRST_ZONES.has(code)) return 'dmy';
  return undefined;
}
